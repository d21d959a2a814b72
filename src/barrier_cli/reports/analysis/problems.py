"""存在的主要问题 by 人员、设备、管理, each with the records that show it.

Nothing here is free text: a problem is the element's count and categories of the month,
its highest-risk reports, and the month's cases whose main element it is (said once, as a
sentence pointing to 典型案例剖析, never under two elements). The document turns them into
sentences.
"""

from __future__ import annotations

import datetime as dt

from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.hazards import (
    Recurrence,
    names_of,
    near_miss_rows,
    not_held,
    report_problem,
)
from barrier_cli.reports.analysis.result import (
    CaseRef,
    CaseRow,
    Count,
    EarlierCase,
    Problem,
    Repeat,
)
from barrier_cli.reports.analysis.shares import whole_shares
from barrier_cli.reports.case_names import case_team, earlier_in_year

ELEMENTS = ("equipment", "personnel", "management")
"""The order a 公文 takes them in: 设备、人员、管理."""
REPORTS_SHOWN = 3
"""Reports cited per element, after its incidents."""
_RISK = {"high": 0, "medium": 1, "low": 2}


def main_problems(
    tree: Tree, month: Month, categories: list[Count], rows: list[CaseRow]
) -> list[Problem]:
    """One ``Problem`` per element with reports or incidents this month.

    ``categories`` are the month's category counts, for their display names and order;
    ``rows`` the month's cases (`cases.case_rows`).
    """
    reports = [r for r in tree.reports if r.withdrawn is None and month.contains(r.date)]
    incidents = [i for i in tree.incidents if i.withdrawn is None and month.contains(i.date)]
    names = {p.id: p.name for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    order = {c.key: n for n, c in enumerate(categories)}
    # each element's share as the count by element gives it: the two must agree
    shares = dict(
        zip(
            ELEMENTS,
            whole_shares([sum(r.element == e for r in reports) for e in ELEMENTS]),
            strict=True,
        )
    )
    out = []
    for element in ELEMENTS:
        mine = [r for r in reports if r.element == element]
        cases = [row for row in rows if row.element == element]
        if not mine and not cases:
            continue
        counted: dict[str, int] = {}
        for r in mine:
            counted[r.category] = counted.get(r.category, 0) + 1
        shown = sorted(counted.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99)))
        linked = {rid for i in incidents for rid in i.reports}
        worst = sorted(
            (r for r in mine if r.id not in linked),
            key=lambda r: (_RISK.get(r.risk, 1), r.date, r.id),
        )
        out.append(
            Problem(
                element=element,
                reports=len(mine),
                share=shares[element],
                categories=[Count(key, key, n, n / len(mine) if mine else 0.0) for key, n in shown],
                cases=[
                    CaseRef(
                        r.id,
                        r.summary,
                        r.category,
                        r.date,
                        units.get(tree.places.unit_of(r) or "", ""),
                        [names.get(p, p) for p in dict.fromkeys(r.persons)],
                    )
                    for r in worst[:REPORTS_SHOWN]
                ],
                incidents=cases,
            )
        )
    return out


def repeated_near_misses(
    tree: Tree,
    month: Month,
    as_of: dt.date,
    counts: dict[str, Recurrence] | None = None,
) -> list[Repeat]:
    """The month's near misses that have happened before, in the month or earlier, one
    row per problem however its reports word it (`hazards.near_miss_rows`): a near miss
    that recurs is a pattern the meeting must see, and a measure it outlived has not held.

    ``counts`` are the recurrences over every report (`hazards.recurrences`)."""
    names = {p.id: p.name for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    order = {u.id: n for n, u in enumerate(tree.org.units)}
    studied = _studied(tree)
    out = []
    for row in near_miss_rows(tree, month, as_of, counts):
        if row.recurrence.since < 2:
            continue
        refs = []
        for r in row.reports:
            unit = tree.places.unit_of(r) or ""
            refs.append(
                CaseRef(
                    r.id,
                    r.summary,
                    r.category,
                    r.date,
                    units.get(unit, unit),
                    [names.get(p, p) for p in dict.fromkeys(r.persons)],
                )
            )
        out.append(
            Repeat(
                row.text,
                refs,
                hazard=row.hazard,
                recent=row.recurrence.recent,
                since=row.recurrence.since,
                first=row.recurrence.first,
                units=row.units,
                measures=row.measures,
                not_held=not_held(row.measures),
                studied=row.text in studied,
                branches=list(
                    dict.fromkeys(
                        units.get(b, b)
                        for b in sorted(
                            {
                                tree.places.branch_of(tree.places.unit_of(r) or "") or ""
                                for r in row.reports
                            }
                            - {""},
                            key=lambda b: order.get(b, len(order)),
                        )
                    )
                ),
            )
        )
    return out


def _studied(tree: Tree) -> set[str]:
    """The problems a case analysed was registered for (by a report it cites): what the
    meeting has already taken up as a typical case (``tree`` is the snapshot of the
    document's moment: nothing analysed after it)."""
    hazard_names = names_of(tree.hazards)
    reports = {r.id: r for r in tree.reports}
    return {
        report_problem(reports[rid], tree.hazards, hazard_names)
        for i in tree.incidents
        if i.withdrawn is None and i.analysis is not None
        for rid in i.reports
        if rid in reports
    }


def accidents_this_year(tree: Tree, month: Month) -> dict[str, list[EarlierCase]]:
    """Of each accident of the month, the accidents of its class earlier in its year (before
    the month: the month's own are said together): 本年第三起（3月14日三班、6月21日二班）."""
    out = {}
    for i in tree.incidents:
        if i.withdrawn is not None or i.type != "accident" or not month.contains(i.date):
            continue
        earlier = [
            EarlierCase(e.date, case_team(tree, e))
            for e in earlier_in_year(tree, i)
            if e.withdrawn is None and e.date < month.first
        ]
        if earlier:
            out[i.id] = earlier
    return out
