"""Cumulative totals since the programme started (the source's "共收集各类安全信息1285件").

Safety information only: nil returns are feedback, counted beside the totals and never in
them. Withdrawn reports are left out; nothing after ``as_of`` counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from barrier_cli.io.columnar import ReportColumns
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


def cumulative(tree: Tree, *, as_of: dt.date, columns: ReportColumns | None = None) -> Cumulative:
    """``columns``: every report of the tree, when ``tree`` holds only some of them whole."""
    c = columns if columns is not None else ReportColumns.of(tree.reports)
    reports = [
        n
        for n, (day, withdrawn) in enumerate(zip(c.date, c.withdrawn, strict=True))
        if not withdrawn and day <= as_of
    ]
    element: Counter[str] = Counter(map(c.element.__getitem__, reports))
    source: Counter[str] = Counter(map(c.source.__getitem__, reports))
    level: Counter[str] = Counter(map(c.level.__getitem__, reports))
    return Cumulative(
        as_of=as_of,
        since=min((c.date[n] for n in reports), default=None),
        reports=len(reports),
        by_element={k: element[k] for k in _ELEMENTS},
        by_source={k: source[k] for k in _SOURCES},
        by_level={k: level[k] for k in _LEVELS},
        closed=sum(1 for n in reports if (day := c.closed[n]) is not None and day <= as_of),
        nil_returns=sum(
            1
            for d in tree.returns
            if d.withdrawn is None
            for entry in d.days
            if entry.date <= as_of
        ),
    )


__all__ = ["Cumulative", "cumulative"]
