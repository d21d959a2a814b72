"""The rewards and penalties (奖惩) of a year, and its 全年无A类两违 commendation list.

Lines come from the register (``rewards/``) and from 责任追究 in incidents
(``accountability``): a fine or reward there counts unless the register already holds it
(a register entry linking that incident for that person and kind). `barrier stats` totals
a year through `year_totals`, and names the party members clear of A-class 两违 all year
through `without_a_class` (the source commends them: 全年无A类两违).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import RewardLine as Line
from barrier_cli.reports.names import HAN


@dataclass(frozen=True)
class Total:
    count: int = 0
    amount: float = 0.0


@dataclass(frozen=True)
class YearTotals:
    year: int
    lines: list[Line] = field(default_factory=list)

    def by(self, key: str) -> dict[str, Total]:
        """Count and amount per ``kind`` or ``level``."""
        out: dict[str, Total] = defaultdict(Total)
        for line in self.lines:
            k = getattr(line, key)
            out[k] = Total(out[k].count + 1, out[k].amount + line.amount)
        return dict(out)


def year_totals(tree: Tree, year: int) -> YearTotals:
    """Every reward and penalty dated in ``year``, register and 责任追究 together."""
    lines = [
        Line(
            w.date,
            w.kind,
            w.level,
            w.person,
            w.unit,
            w.amount or 0.0,
            w.reason,
            w.record,
            "register",
            w.id,
        )
        for w in tree.rewards
        if w.withdrawn is None and w.date.year == year
    ]
    registered = {(line.record, line.person, line.kind) for line in lines}
    for case in tree.incidents:
        if case.withdrawn is not None:
            continue
        for acc in case.accountability:
            # a removal from post is 组织处理, neither a reward nor a penalty
            if acc.date.year != year or acc.action == "replaced":
                continue
            kind = "reward" if acc.action == "rewarded" else "penalty"
            if (case.id, acc.person, kind) in registered:
                continue
            lines.append(
                Line(
                    acc.date,
                    kind,
                    "workshop",
                    acc.person,
                    None,
                    acc.amount or 0.0,
                    said(case.title, acc.detail or acc.action),
                    case.id,
                    "accountability",
                )
            )
    names = {p.id: p.name for p in tree.org.people} | {u.id: u.name for u in tree.org.units}
    named = [replace(x, name=names.get(x.person or x.unit or "", "")) for x in lines]
    return YearTotals(year, sorted(named, key=lambda x: (x.date, x.id or "", x.person or "")))


def month_lines(tree: Tree, month: Month) -> list[Line]:
    """The month's rewards and penalties, then its removals from post (组织处理, kind
    ``post_change``), which 责任追究 records but which are no penalty."""
    names = {p.id: p.name for p in tree.org.people}
    moved = [
        Line(
            acc.date,
            "post_change",
            "workshop",
            acc.person,
            None,
            0.0,
            said(case.title, acc.detail or acc.action),
            case.id,
            "accountability",
            name=names.get(acc.person, acc.person),
        )
        for case in tree.incidents
        if case.withdrawn is None
        for acc in case.accountability
        if acc.action == "replaced" and month.contains(acc.date)
    ]
    lines = [x for x in year_totals(tree, month.year).lines if month.contains(x.date)]
    return lines + sorted(moved, key=lambda x: (x.date, x.person or ""))


def said(title: str, detail: str) -> str:
    """A case's title and what was done, joined as the title's language joins them."""
    return f"{title}{'：' if HAN.search(title) else ': '}{detail}"


def without_a_class(tree: Tree, year: int, *, as_of: dt.date) -> list[str]:
    """Party members in the org during ``year`` (up to ``as_of``) with no A-class 两违 in it
    (全年无A类两违), by id."""
    first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of)
    cases = tree.settings.cases
    a_class = {
        i.violation.person
        for i in tree.incidents
        if i.withdrawn is None
        and i.violation is not None
        and first <= i.date <= last
        and i.grade(cases) == "A"
    }
    return sorted(
        p.id
        for p in tree.org.people
        if p.party_member and p.active_in(first, last) and p.id not in a_class
    )
