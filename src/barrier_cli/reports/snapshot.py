"""The records as they stood at the end of one day: the one state every document reads.

A record keeps its history as dated facts (an analysis date, a closed date, an action's done
date, a pairing's milestones, an incident's accountability and handover), so the state of
the tree on any day can be rebuilt by forgetting every fact dated after it. The analysis,
the notice, ``assess`` and ``due`` all compute from `as_of`, so a count never differs
between documents and nothing done after the stated moment moves one.

`late_analyses` lives here because both the analysis (its timeliness table) and the notice
(its criticism) show it: one computation, one answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import weakref
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.models import Action, Incident, KeyPerson, Pairing, Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import EarlierReport, Tree

DRAFT_DAYS = 5
"""An unissued notice of a finished month is dated this many days after the month's end
(after its 党内安全分析会), or today if that is earlier: a draft printed weeks later still
reads as the notice it would have been, not one ordering what has since been done."""


def as_of(tree: Tree, day: dt.date) -> Tree:
    """``tree`` as it stood at the end of ``day``; facts dated later are forgotten.

    A key person registered later is not in the register yet. Assessments and the notice
    register are kept whole: they are the verdicts on a period, written after it by design,
    and change none of its counts.
    """
    stood = _stood(tree)
    if stood is not None and stood.day == day:
        return tree  # what was forgotten once is gone: forgetting again changes nothing
    standing = [r.date <= day for r in tree.reports]
    out = dataclasses.replace(
        tree,
        reports=[_report(r, day) for r, stood in zip(tree.reports, standing, strict=True) if stood],
        earlier=_earlier(tree.earlier, standing, day),
        incidents=[_incident(i, day) for i in tree.incidents if i.date <= day],
        pairings=[_pairing(p, day) for p in tree.pairings if p.start <= day],
        key_persons=[_key_person(k, day) for k in tree.key_persons if k.proposed <= day],
    )
    _register(out, day)
    return out


def view_of(view: Tree, tree: Tree) -> Tree:
    """``view``, a view of ``tree`` that forgets nothing more and remembers nothing less
    (its names in a document's language, say), taken as a snapshot of the same day when
    ``tree`` is one: `as_of` of the view's day and every `answer` asked of it are then its
    own, not a copy of the tree and every answer again per section that asks."""
    stood = _stood(tree)
    if stood is not None and view is not tree and _stood(view) is None:
        _register(view, stood.day)
    return view


def _register(tree: Tree, day: dt.date) -> None:
    key = id(tree)

    def forget(_: weakref.ref[Tree]) -> None:
        _STOOD.pop(key, None)

    _STOOD[key] = _Stood(weakref.ref(tree, forget), day)


T = TypeVar("T")


@dataclass
class _Stood:
    tree: weakref.ref[Tree]
    day: dt.date
    answers: dict[Hashable, Any] = dataclasses.field(default_factory=dict)


_STOOD: dict[int, _Stood] = {}
"""The trees `as_of` made, by identity, while they live: no one edits a snapshot."""


def _stood(tree: Tree) -> _Stood | None:
    stood = _STOOD.get(id(tree))
    return stood if stood is not None and stood.tree() is tree else None


def answer(tree: Tree, question: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, computed once for each ``question`` of a tree `as_of` made.

    The analysis, `assess` (twice, for the month and its quarter) and the deficiency rules
    each ask the same snapshot for the month's compliance and deficiencies; at 300k reports
    that was a fifth of the analysis. The answer must not be changed by the caller. Any
    other tree is asked afresh (it may be one a caller still edits).
    """
    stood = _stood(tree)
    if stood is None:
        return compute()
    if question not in stood.answers:
        stood.answers[question] = compute()
    return cast(T, stood.answers[question])


def _earlier(
    earlier: list[EarlierReport], standing: list[bool], day: dt.date
) -> list[EarlierReport]:
    """The reports not held whole as of ``day``, each placed among the whole ones still
    there (a report dated later is gone)."""
    if not earlier:
        return earlier
    kept_before = [0]
    for stood in standing:
        kept_before.append(kept_before[-1] + stood)
    out = []
    for e in earlier:
        if e.date > day:
            continue
        before = kept_before[e.before]
        if before == e.before and all(a.done is None or a.done <= day for _, a in e.actions):
            # the same entry, not a copy: a long history has tens of thousands, and the
            # analysis takes a snapshot of one tree three times (its own, assess's, the
            # deficiencies')
            out.append(e)
            continue
        indexes = [n for n, _ in e.actions]
        actions = tuple(zip(indexes, _actions([a for _, a in e.actions], day), strict=True))
        out.append(dataclasses.replace(e, actions=actions, before=before))
    return out


def report_actions(
    tree: Tree,
) -> Iterator[tuple[Report | EarlierReport, list[tuple[int, Action]]]]:
    """Every report with its actions (index, action), in the tree's file order: those held
    whole with all their actions, those not (`Tree.earlier`) with their open ones."""
    earlier = iter(tree.earlier)
    waiting = next(earlier, None)
    for k, report in enumerate(tree.reports):
        while waiting is not None and waiting.before <= k:
            yield waiting, list(waiting.actions)
            waiting = next(earlier, None)
        yield report, list(enumerate(report.actions))
    while waiting is not None:
        yield waiting, list(waiting.actions)
        waiting = next(earlier, None)


def default_moment(month: Month, today: dt.date) -> dt.date:
    """The moment a month's documents speak of: its last day, or today while it runs."""
    return min(month.last, today)


def check_moment(month: Month, today: dt.date, moment: dt.date | None) -> dt.date:
    """``moment`` (``--as-of``) when it falls from the month's first day to today, else
    the default; one clear error otherwise."""
    if moment is None:
        return default_moment(month, today)
    if moment < month.first:
        raise InvalidInput(
            i18n._("--as-of {moment} is before {month} began ({first})").format(
                moment=moment, month=month, first=month.first
            )
        )
    if moment > today:
        raise InvalidInput(
            i18n._("--as-of {moment} is in the future (today is {today})").format(
                moment=moment, today=today
            )
        )
    return moment


def _actions(actions: list[Action], day: dt.date) -> list[Action]:
    return [
        a.model_copy(update={"done": None, "verified_by": None})
        if a.done is not None and a.done > day
        else a
        for a in actions
    ]


def _report(report: Report, day: dt.date) -> Report:
    analysis = report.analysis if report.analysis and report.analysis.date <= day else None
    actions = _actions(report.actions, day)
    closed = report.closed if report.closed is not None and report.closed <= day else None
    if closed is not None:
        status = report.status
    elif analysis is None:
        status = "open"
    elif report.status in ("rectifying", "closed") and actions:
        status = "rectifying"
    else:
        status = "analysed"
    if (analysis, actions, closed, status) == (
        report.analysis,
        report.actions,
        report.closed,
        report.status,
    ):
        return report
    return report.model_copy(
        update={"analysis": analysis, "actions": actions, "closed": closed, "status": status}
    )


def _incident(incident: Incident, day: dt.date) -> Incident:
    update: dict[str, object] = {
        "measures": _actions(incident.measures, day),
        "accountability": [a for a in incident.accountability if a.date <= day],
        "education": [e for e in incident.education if e.date <= day],
    }
    if incident.handover is not None and incident.handover.date > day:
        update["handover"] = None
    meeting = incident.analysis.meeting if incident.analysis else None
    if incident.analysis is not None and meeting is not None and meeting.date > day:
        update["analysis"] = incident.analysis.model_copy(update={"meeting": None})
    if incident.closed is not None and incident.closed > day:
        update["closed"] = None
        update["status"] = "rectifying" if incident.measures else "analysing"
    return incident.model_copy(update=update)


def _pairing(pairing: Pairing, day: dt.date) -> Pairing:
    update: dict[str, object] = {
        name: None
        for name in ("basic_on", "full_on", "ended")
        if (when := getattr(pairing, name)) is not None and when > day
    }
    update["reviews"] = [r for r in pairing.reviews if r.date <= day]
    if pairing.status == "ended" and "ended" in update:
        update["status"] = "active"
    if pairing.status in ("full", "ended") and "full_on" in update:
        update["status"] = "basic" if "basic_on" not in update and pairing.basic_on else "active"
    if pairing.status == "basic" and "basic_on" in update:
        update["status"] = "active"
    return pairing.model_copy(update=update)


def _key_person(entry: KeyPerson, day: dt.date) -> KeyPerson:
    """A register entry at the stage it had reached on ``day``."""
    if entry.confirmed is not None and entry.confirmed > day:
        return entry.model_copy(
            update={"status": "proposed", "confirmed": None, "by": None, "pairing": None}
        )
    if entry.closed is not None and entry.closed > day:
        return entry.model_copy(update={"status": "paired", "closed": None})
    return entry


@dataclass(frozen=True)
class LateAnalysis:
    report: Report
    days: int
    """Days from the report to its analysis, or to the moment when still not analysed."""
    analysed: bool


def late_analyses(tree: Tree, month: Month, day: dt.date, limit: int) -> list[LateAnalysis]:
    """The month's reports analysed after ``limit`` days, or unanalysed that long at ``day``.

    ``tree`` is a snapshot (`as_of`) of ``day``: an analysis written later is not there.
    """
    out = []
    for report in tree.reports:
        if report.withdrawn is not None or not month.contains(report.date):
            continue
        analysed = report.analysis is not None and report.analysis.date <= day
        until = report.analysis.date if analysed and report.analysis else day
        took = (until - report.date).days
        if took > limit:
            out.append(LateAnalysis(report, took, analysed))
    return out


def pairing_on(p: Pairing, day: dt.date) -> Pairing:
    """The pairing as it stood on ``day``: milestones, an end and an escalation after it
    left out. An escalation recorded without its date counts throughout.
    """

    def by_then(value: dt.date | None) -> dt.date | None:
        return value if value is not None and value <= day else None

    basic_on, full_on, ended = by_then(p.basic_on), by_then(p.full_on), by_then(p.ended)
    escalated = p.escalated and (p.escalated_on is None or p.escalated_on <= day)
    if ended is not None:
        status = "ended"
    elif full_on is not None:
        status = "full"
    elif escalated:
        status = "escalated"
    elif basic_on is not None:
        status = "basic"
    else:
        status = "active"
    update: dict[str, object] = {
        "basic_on": basic_on,
        "full_on": full_on,
        "ended": ended,
        "status": status,
    }
    if not escalated:
        update |= {"assistant": None, "escalated_on": None}
    return p.model_copy(update=update)
