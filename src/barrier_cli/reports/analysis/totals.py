"""Cumulative totals since the programme started (the source's "共收集各类安全信息1285件").

Safety information only: nil returns are feedback, counted beside the totals and never in
them. Withdrawn reports are left out; nothing after ``as_of`` counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from barrier_cli.io.loader import Tree


@dataclass(frozen=True)
class Cumulative:
    as_of: dt.date
    since: dt.date | None
    """The first report's date: when the programme's record begins."""
    reports: int
    by_element: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    by_level: dict[str, int] = field(default_factory=dict)
    closed: int = 0
    nil_returns: int = 0
    """今日无异常 given up to ``as_of``: the network at work, not information."""


_ELEMENTS = ("equipment", "personnel", "management")
_SOURCES = ("on_site", "cadre_patrol", "joint_labour", "briefing", "other")
_LEVELS = ("member", "group", "branch")


def cumulative(tree: Tree, *, as_of: dt.date) -> Cumulative:
    reports = [r for r in tree.reports if r.withdrawn is None and r.date <= as_of]
    element: Counter[str] = Counter(r.element for r in reports)
    source: Counter[str] = Counter(r.source for r in reports)
    level: Counter[str] = Counter(r.level for r in reports)
    return Cumulative(
        as_of=as_of,
        since=min((r.date for r in reports), default=None),
        reports=len(reports),
        by_element={k: element[k] for k in _ELEMENTS},
        by_source={k: source[k] for k in _SOURCES},
        by_level={k: level[k] for k in _LEVELS},
        closed=sum(1 for r in reports if r.closed is not None and r.closed <= as_of),
        nil_returns=sum(
            1
            for d in tree.returns
            if d.withdrawn is None
            for entry in d.days
            if entry.date <= as_of
        ),
    )


__all__ = ["Cumulative", "cumulative"]
