"""What was done with the month's 合理化建议: the source treats answering them as a duty
(信息处理), so the analysis says, from the suggestions' own records, how each was taken up."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from barrier_cli.core.models import Action, Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.hazards import without_trains
from barrier_cli.reports.analysis.result import Answer
from barrier_cli.reports.deficiencies import successor


def answers(tree: Tree, month: Month, as_of: dt.date) -> list[Answer]:
    """Each suggestion of the month (the same words counted once), most made first, with the
    action its records took most often: done by ``as_of``, still due, or none yet; and
    whether the general branch had adopted it by then."""
    groups: dict[str, list[Report]] = {}
    for r in tree.reports:
        if (
            r.withdrawn is None
            and r.category == "suggestion"
            and month.contains(r.date)
            and r.date <= as_of
        ):
            groups.setdefault(without_trains(r.summary), []).append(r)
    out = []
    for text, reports in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        adopted = any(r.adopted is not None and r.adopted.date <= as_of for r in reports)
        taken = Counter(a.action for r in reports for a in r.actions if a.type != "immediate")
        if not taken:
            out.append(Answer(text, len(reports), "", None, None, adopted=adopted))
            continue
        action = taken.most_common(1)[0][0]
        held = [a for r in reports for a in r.actions if a.action == action]
        open_ = [a for a in held if a.done is None or a.done > as_of]
        if open_:
            due = max((a.due for a in open_ if a.due is not None), default=None)
            last = max(open_, key=lambda a: a.due or dt.date.min)
            who, unit = _holder(tree, last, as_of)
            out.append(Answer(text, len(reports), action, None, due, who, unit, adopted))
        else:
            done = max(a.done for a in held if a.done is not None)
            last = max(held, key=lambda a: a.done or dt.date.min)
            who, unit = _holder(tree, last, as_of)
            out.append(Answer(text, len(reports), action, done, None, who, unit, adopted))
    return out


def _holder(tree: Tree, action: Action, as_of: dt.date) -> tuple[str, str]:
    """Who answers for ``action`` on ``as_of`` and his branch: a suggestion answered
    without a name is not answered (信息处理 names who acts on it)."""
    person = next((p for p in tree.org.people if p.id == action.owner), None)
    if person is None:
        return "", ""
    now = successor(tree, person, as_of) or person
    branch = tree.places.branch_of(now.unit) or now.unit
    unit = next((u for u in tree.org.units if u.id == branch), None)
    if unit is None:
        return now.name, ""
    name = tree.settings.notice.issuer if unit.kind == "general_branch" else unit.name
    return now.name, name
