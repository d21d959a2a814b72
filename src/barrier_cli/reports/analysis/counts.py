"""What came in: totals against earlier months, the 12-month trend and the breakdowns."""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import replace
from typing import TYPE_CHECKING

from barrier_cli.core.labels import LABELS, Lang, label
from barrier_cli.core.periods import Month
from barrier_cli.io.columnar import ReportColumns
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.hazards import without_trains
from barrier_cli.reports.analysis.result import (
    OPEN_EARLIER_SHOWN,
    Count,
    OpenEarlier,
    Totals,
    TrendPoint,
    UnitRow,
)
from barrier_cli.reports.analysis.shares import whole_shares

if TYPE_CHECKING:
    import pandas as pd

ELEMENTS = ("equipment", "personnel", "management")
# The breakdowns of SPEC §4, each with the label group naming its values.
BREAKDOWNS = {
    "element": "element",
    "category": "category",
    "source": "source",
    "unit": None,
    "level": "level",
}


def totals(frame: pd.DataFrame, tree: Tree, month: Month, first: dt.date | None) -> Totals:
    """``frame`` holds the month and the year before it at least; ``first`` is the date of
    the earliest report (None: none), which says whether a month before had records yet."""
    counts = frame["month"].value_counts()
    this = frame[frame["month"] == str(month)]
    incidents = sum(1 for i in tree.incidents if i.withdrawn is None and month.contains(i.date))
    began = str(Month.of(first)) if first is not None else str(month)
    return Totals(
        previous_known=str(month.previous) >= began,
        year_ago_known=str(month.year_ago) >= began,
        reports=int(counts.get(str(month), 0)),
        previous=int(counts.get(str(month.previous), 0)),
        year_ago=int(counts.get(str(month.year_ago), 0)),
        weighted=int(this["weight"].sum()),
        incidents=incidents,
    )


def open_earlier(
    tree: Tree, month: Month, as_of: dt.date, columns: ReportColumns, since: dt.date
) -> list[OpenEarlier]:
    """The reports of months before ``month`` still open at ``as_of``, oldest first, at most
    `OPEN_EARLIER_SHOWN`: "以前月份信息尚有1条未闭环" does not say which, a 公文 must.

    Counted from ``columns`` (every report), as `timeliness` counts them; named by their words
    in the tree's language when dated from ``since`` (the window the analysis holds whole
    however the tree was read, `monthly.window`), else by their category alone: the same
    document whether the tree was read whole or as columns."""
    words = {r.id: r.summary for r in tree.reports if r.date >= since}
    # the first few of a long history, not all of it sorted (what sorted()[:n] gives)
    rows = heapq.nsmallest(
        OPEN_EARLIER_SHOWN,
        (
            (day, rid, category)
            for rid, day, gone, closed, category in zip(
                columns.id,
                columns.date,
                columns.withdrawn,
                columns.closed,
                columns.category,
                strict=True,
            )
            if not gone and day < month.first and (closed is None or closed > as_of)
        ),
    )
    return [
        OpenEarlier(rid, day, without_trains(words.get(rid, "")), category)
        for day, rid, category in rows
    ]


def trend(frame: pd.DataFrame, month: Month) -> list[TrendPoint]:
    """The 12 months ending with ``month``, oldest first, split by element."""
    table = frame.groupby(["month", "element"]).size()
    points = []
    for m in (month.shift(-n) for n in range(11, -1, -1)):
        split = {e: int(table.get((str(m), e), 0)) for e in ELEMENTS}
        points.append(TrendPoint(str(m), sum(split.values()), **split))
    return points


def breakdowns(this: pd.DataFrame, tree: Tree, lang: Lang) -> dict[str, list[Count]]:
    """Counts of the month's reports by each field, most first; a choice with none is left out.

    The elements keep the order a 公文 names them in: 设备、人员、管理.
    """
    unit_names = {u.id: u.name for u in tree.org.units}
    total = len(this)
    out: dict[str, list[Count]] = {}
    for column, group in BREAKDOWNS.items():
        counts = this[column].value_counts()
        keys = list(ELEMENTS) if column == "element" else []
        keys += [
            k for k in (LABELS[group] if group else [u.id for u in tree.org.units]) if k not in keys
        ]
        keys += [k for k in counts.index if k not in keys]
        rows = [
            Count(
                key=k,
                name=label(group, k, lang) if group else unit_names.get(k, k),
                count=int(counts.get(k, 0)),
                share=round(int(counts.get(k, 0)) / total, 4) if total else 0.0,
            )
            for k in keys
        ]
        rows = [r for r in rows if r.count]
        shares = whole_shares([r.count for r in rows])
        rows = [replace(r, share=share) for r, share in zip(rows, shares, strict=True)]
        out[column] = rows if column == "element" else sorted(rows, key=lambda r: -r.count)
    return out


def unit_element(this: pd.DataFrame, tree: Tree) -> list[UnitRow]:
    """Unit × element: the month's reports of each unit that sent any, in org order."""
    table = this.groupby(["unit", "element"]).size()
    names = {u.id: u.name for u in tree.org.units}
    order = [u.id for u in tree.org.units] + sorted(set(map(str, this["unit"])) - set(names))
    rows = []
    for unit in order:
        split = {e: int(table.get((unit, e), 0)) for e in ELEMENTS}
        if sum(split.values()):
            name = names.get(unit, unit)
            branch = tree.places.branch_of(unit) or unit
            rows.append(UnitRow(unit, name, total=sum(split.values()), branch=branch, **split))
    return rows


def by_branch(rows: list[UnitRow], tree: Tree) -> list[Count]:
    """The month's reports of each branch, its groups' with its own, in org order: the
    totals a 公文 gives per 党支部 before naming its groups."""
    names = {u.id: u.name for u in tree.org.units}
    total = sum(r.total for r in rows)
    sums: dict[str, int] = {}
    for r in rows:
        sums[r.branch] = sums.get(r.branch, 0) + r.total
    order = {u.id: n for n, u in enumerate(tree.org.units)}
    ordered = sorted(sums.items(), key=lambda kv: order.get(kv[0], len(order)))
    shares = whole_shares([n for _, n in ordered]) if total else [0.0] * len(ordered)
    return [
        Count(b, names.get(b, b), n, share) for (b, n), share in zip(ordered, shares, strict=True)
    ]


def branch_element(rows: list[UnitRow], tree: Tree) -> list[UnitRow]:
    """Branch × element, each branch's groups summed into it, in org order: one level per
    table, so a branch's name means the same here as in the count by unit."""
    names = {u.id: u.name for u in tree.org.units}
    out: dict[str, UnitRow] = {}
    for r in rows:
        was = out.get(r.branch) or UnitRow(r.branch, names.get(r.branch, r.branch), 0, 0, 0, 0)
        out[r.branch] = replace(
            was,
            equipment=was.equipment + r.equipment,
            personnel=was.personnel + r.personnel,
            management=was.management + r.management,
            total=was.total + r.total,
            branch=r.branch,
        )
    order = {u.id: n for n, u in enumerate(tree.org.units)}
    return sorted(out.values(), key=lambda r: order.get(r.unit, len(order)))
