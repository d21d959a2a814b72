"""考核与排序 in the analysis: the branch scores of the month and the members' ranking of the
quarter so far, derived by `barrier_cli.reports.assess` from the same snapshot, so the analysis and
``barrier assess`` give one answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from barrier_cli.core import i18n
from barrier_cli.core.labels import Lang, label
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import Scored, Scores
from barrier_cli.reports.analysis.studies import run_on
from barrier_cli.reports.assess import Draft, assess
from barrier_cli.reports.compliance import Expectation
from barrier_cli.reports.deficiencies import say_day, say_periods

_ALL_MISSED = {
    "day": "no return on any of the month's {n} duty days",
    "week": "no return in any of the month's {n} weeks",
    "month": "no return this month",
}


def _failed_grounds(
    tree: Tree, d: Draft, missed: Sequence[Expectation], lang: Lang, year: int
) -> list[str]:
    """Why a member failed the post rating, as a 公文 says it: the days or weeks without a
    return by date (never ISO codes), the accident by its date and class and the standard
    item it fails; any other deduction as `assess` words it."""
    pid = d.assessment.subject
    items = tree.standards[d.assessment.standard].items()
    cases = {i.id: i for i in tree.incidents}
    out: list[str] = []
    with i18n.using(lang):
        for e in missed:
            if e.subject != pid or e.tier not in ("member", "group"):
                continue
            if e.actual == 0:
                out.append(i18n._(_ALL_MISSED[e.period]).format(n=e.expected))
            else:
                when = say_periods(e.missed_periods, lang, year)
                said = (
                    "made no report for {when}"
                    if e.period == "week"
                    else "made no report on {when}"
                )
                out.append(i18n._(said).format(when=when))
        for x in d.assessment.deductions:
            case = cases.get(x.ref or "")
            if x.ref is None:
                continue  # a reporting shortfall, said above
            if case is None or case.type != "accident" or case.class_ is None:
                out.append(x.reason)
                continue
            answers = {r.person for r in case.responsibility} | {
                a.person for a in case.accountability if a.action != "rewarded"
            }
            roles = {p.role for p in case.persons if p.person == pid}
            # a unit's finding names its leader: that is 领导责任, what the case says of them
            leads = {
                r.leader for r in case.responsibility if r.unit is not None and r.person is None
            }
            held = {a.role for a in case.accountability if a.person == pid}
            if pid in leads:
                said = (
                    "bears leadership responsibility for the {kind} of {day}, "
                    "so fails the “{item}” standard"
                )
            elif "overseer" in held:
                said = (
                    "bears responsibility for oversight in the {kind} of {day}, "
                    "so fails the “{item}” standard"
                )
            elif "doer" in held:
                said = (
                    "bears direct responsibility for the {kind} of {day}, "
                    "so fails the “{item}” standard"
                )
            elif "responsible" in roles or pid in answers:
                said = (
                    "bears responsibility for the {kind} of {day}, so fails the “{item}” standard"
                )
            else:
                said = "involved in the {kind} of {day}, so fails the “{item}” standard"
            kind = i18n._("%(grade)s accident") % {
                "grade": label("accident_class", case.class_, lang)
            }
            item = run_on(items[x.item].name if x.item in items else x.item, ())
            out.append(
                i18n._(said).format(kind=kind, day=say_day(case.date, lang, year), item=item)
            )
    return out


def scores(
    tree: Tree, month: Month, as_of: dt.date, lang: Lang, missed: Sequence[Expectation] = ()
) -> Scores | None:
    """None when the tree has no branch or member standard to score against. ``missed``: the
    month's reporting shortfalls (the analysis's own), said in the failed members' grounds."""
    if "branch" not in tree.standards or "member" not in tree.standards:
        return None
    # who is assessed is assess's answer, not a filter of our own (one answer for both)
    monthly = assess(tree, month, today=as_of, lang=lang)
    members = assess(tree, month.quarter, today=as_of, lang=lang)
    org = _Org(tree)
    return Scores(
        period=str(month),
        branches=[_scored(tree, org, d) for d in monthly.branches],
        quarter=str(month.quarter),
        members=[_joined(org, _scored(tree, org, d), month.quarter.first) for d in members.members],
        failed=[
            replace(
                _scored(tree, org, d), grounds=_failed_grounds(tree, d, missed, lang, month.year)
            )
            for d in monthly.members
            if d.assessment.result == "fail" and d.branch not in org.general
        ],
    )


class _Org:
    """The org's lookups a row needs, built once for every row, not scanned per member."""

    def __init__(self, tree: Tree) -> None:
        units = tree.org.units
        self.general = {u.id for u in units if u.kind == "general_branch"}
        self.names: dict[str, str] = {}
        self.order: dict[str, int] = {}
        self.units = len(units)
        for n, u in enumerate(units):  # the first of an id, as a scan finds it
            self.names.setdefault(u.id, u.name)
            self.order.setdefault(u.id, n)
        self.since: dict[str, dt.date | None] = {}
        for p in tree.org.people:
            self.since.setdefault(p.id, p.since)


def _joined(org: _Org, row: Scored, first: dt.date) -> Scored:
    """A member who came to the branch after the quarter began is scored for their time in
    post only: the document does not rank them against a whole quarter's work."""
    since = org.since.get(row.subject)
    return replace(row, since=since) if since is not None and since > first else row


def _scored(tree: Tree, org: _Org, d: Draft) -> Scored:
    items = tree.standards[d.assessment.standard].items()
    return Scored(
        rank=d.rank,
        subject=d.assessment.subject,
        name=d.name,
        total=round(d.total, 2),
        # out of the items scored, as the notice gives it: an item not entered yet counts 0
        max=sum(item.max for i, item in items.items() if d.sources.get(i) != "missing"),
        lowest=d.lowest,
        branch=d.branch,
        final=d.recorded is not None and d.recorded.status == "final",
        unentered=sum(1 for s in d.sources.values() if s == "missing"),
        scored=sum(1 for i in items if d.sources.get(i) != "missing"),
        branch_name=org.names.get(d.branch, d.branch),
        cadre=d.branch in org.general,
        order=org.order.get(d.assessment.subject, org.units),
        reasons=[x.reason for x in d.assessment.deductions],
    )
