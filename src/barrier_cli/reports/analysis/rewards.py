"""The rewards and penalties (奖惩) of a year, and its 全年无A类两违 commendation list.

Lines come from the register (``rewards/``) and from 责任追究 in incidents
(``accountability``): a fine or reward there counts unless the register already holds it
(a register entry linking that incident for that person and kind). `barrier stats` totals
a year through `year_totals`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import RewardLine as Line


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
            if acc.date.year != year:
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
                    f"{case.title}：{acc.detail or acc.action}",
                    case.id,
                    "accountability",
                )
            )
    names = {p.id: p.name for p in tree.org.people} | {u.id: u.name for u in tree.org.units}
    named = [replace(x, name=names.get(x.person or x.unit or "", "")) for x in lines]
    return YearTotals(year, sorted(named, key=lambda x: (x.date, x.id or "", x.person or "")))
