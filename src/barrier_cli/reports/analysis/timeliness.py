"""How fast information is handled: days to analysis and closure, and what is overdue."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from barrier_cli.core.models import Action, Person, Report
from barrier_cli.core.periods import Month
from barrier_cli.io.columnar import ReportColumns
from barrier_cli.io.loader import EarlierReport, Tree
from barrier_cli.reports.analysis.result import OverdueItem, Timeliness
from barrier_cli.reports.deficiencies import removed_from
from barrier_cli.reports.snapshot import late_analyses, report_actions


def timeliness(tree: Tree, month: Month, as_of: dt.date, columns: ReportColumns) -> Timeliness:
    """The month's reports, timed; open and overdue work across the tree as of ``as_of``.

    ``tree`` is the snapshot of ``as_of`` (`barrier_cli.reports.snapshot.as_of`), so an old month's
    analysis shows what was analysed, closed and overdue at that moment, not now. The open
    reports are counted from ``columns`` (every report of the tree), the open actions from the
    reports held whole and the open work of the others (`Tree.earlier`).
    """
    deadlines = tree.settings.deadlines
    reports = [r for r in tree.reports if r.withdrawn is None and month.contains(r.date)]
    to_analysis = [(r.analysis.date - r.date).days for r in reports if r.analysis]
    to_close = [(r.closed - r.date).days for r in reports if r.closed]
    lates = late_analyses(tree, month, as_of, deadlines.analyse_days)
    late = [x.report.id for x in lates]
    still_open = [
        day
        for day, gone, closed in zip(columns.date, columns.withdrawn, columns.closed, strict=True)
        if not gone and day <= as_of and (closed is None or closed > as_of)
    ]
    actions = list(_actions(tree, as_of))
    pending = [a for a in actions if a[3].done is None or a[3].done > as_of]
    people = {p.id: p.name for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    handed_over = _HandedOver(tree, as_of)
    overdue = [
        handed_over(
            OverdueItem(
                record=rid,
                field=name,
                index=n,
                action=act.action,
                owner=act.owner,
                owner_name=people.get(act.owner, act.owner) if act.owner else "",
                unit=unit,
                due=act.due,
                days_overdue=(as_of - act.due).days,
                unit_name=units.get(unit, unit),
            ),
        )
        for rid, unit, (name, n), act in pending
        if act.due is not None and act.due < as_of
    ]
    overdue.sort(key=lambda o: (-o.days_overdue, o.record, o.index))
    return Timeliness(
        reports=len(reports),
        analysed=len(to_analysis),
        median_days_to_analysis=_median(to_analysis),
        late_analysis=late,
        closed=len(to_close),
        median_days_to_close=_median(to_close),
        closed_within=sum(1 for d in to_close if d <= deadlines.close_days),
        close_days=deadlines.close_days,
        analyse_days=deadlines.analyse_days,
        open_reports=len(still_open),
        open_this_month=sum(1 for day in still_open if month.contains(day)),
        open_actions=len(pending),
        overdue=overdue,
        late_analysed=_by_branch(tree, [x.report for x in lates if x.analysed]),
        late_unanalysed=_by_branch(tree, [x.report for x in lates if not x.analysed]),
    )


def _by_branch(tree: Tree, reports: list[Report]) -> list[tuple[str, int]]:
    """How many of ``reports`` each branch (else unit) has, in the org's order: a document
    says which units were late, not only how many."""
    counted = Counter(
        tree.places.branch_of(unit) or unit
        for unit in (tree.places.unit_of(r) or "" for r in reports)
    )
    order = {u.id: n for n, u in enumerate(tree.org.units)}
    names = {u.id: u.name for u in tree.org.units}
    return [
        (names.get(u, u), n)
        for u, n in sorted(counted.items(), key=lambda c: order.get(c[0], len(order)))
    ]


_POSTS = ("team_leader", "duty_officer", "foreman", "secretary", "group_leader")
"""The posts whose holder answers for their predecessor's open actions."""


class _HandedOver:
    """An owner who left before ``as_of`` answers for nothing now: say when they left, and who
    took their post in the unit since (the one holding a post of theirs, come after they left).

    Each owner is looked up once: tens of thousands of overdue actions have a few hundred
    owners, and a pass over the people per action grew with their product."""

    def __init__(self, tree: Tree, as_of: dt.date) -> None:
        self.people = tree.org.people
        self.by_id: dict[str, Person] = {}
        for p in reversed(self.people):  # the first of a repeated id, as a scan finds it
            self.by_id[p.id] = p
        self.as_of = as_of
        self.tree = tree
        self.found: dict[str, tuple[dt.date, str, str, dt.date | None] | None] = {}

    def __call__(self, item: OverdueItem) -> OverdueItem:
        if item.owner is None:
            return item
        if item.owner not in self.found:
            self.found[item.owner] = self._left(item.owner)
        left = self.found[item.owner]
        if left is None:
            return item
        return replace(
            item,
            left=left[0],
            successor_name=left[1],
            removed_from=left[2],
            successor_since=left[3],
        )

    def _left(self, owner_id: str) -> tuple[dt.date, str, str, dt.date | None] | None:
        owner = self.by_id.get(owner_id)
        if owner is None or owner.until is None or owner.until >= self.as_of:
            return None
        left = owner.until
        successor = next(
            (
                p
                for p in self.people
                if p.unit == owner.unit
                and p.active_on(self.as_of)
                and p.since is not None
                and p.since >= left
                and set(p.roles) & set(owner.roles) & set(_POSTS)
            ),
            None,
        )
        return (
            left,
            successor.name if successor else "",
            removed_from(self.tree, owner) or "",
            successor.since if successor else None,
        )


def _actions(tree: Tree, as_of: dt.date) -> Iterator[tuple[str, str, tuple[str, int], Action]]:
    """(record id, unit, (field, index), action) of every report action and incident measure."""
    for r, actions in report_actions(tree):
        if (isinstance(r, EarlierReport) or r.withdrawn is None) and r.date <= as_of:
            unit = (r.unit if r.unit is not None else tree.places.unit_of_person(r.reporter)) or ""
            for n, act in actions:
                yield r.id, unit, ("actions", n), act
    for i in tree.incidents:
        if i.withdrawn is None and i.date <= as_of:
            for n, act in enumerate(i.measures):
                yield i.id, i.unit, ("measures", n), act


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None
