"""Weak links (薄弱环节): where risk concentrates and grows, and next month's priorities."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from barrier_cli.core.periods import Month
from barrier_cli.reports.analysis.result import WeakLink

if TYPE_CHECKING:
    import pandas as pd

BASELINE_MONTHS = 3
PRIORITIES = 3
GROUP = ["element", "category", "key", "location", "problem"]


def weak_links(
    frame: pd.DataFrame, month: Month, problems: dict[str, str] | None = None
) -> list[WeakLink]:
    """(element, category, key, location) of the month, ranked, each report under one only.

    A report in ``problems`` (report id → what happened: the near misses) is grouped by that
    problem instead of its key and place: the same near miss on two sidings is one weak link,
    and one that recurs weighs as often as it happened.

    Rank by the risk-weighted count (a high-risk report weighs as the settings say), then
    by growth over the average of the three months before, then by count. A report touching
    several of the five keys stands behind the highest-ranked of its links alone: the same
    reports shown under two ranks would say one thing twice.
    """
    window = [str(month.shift(-n)) for n in range(BASELINE_MONTHS, -1, -1)]
    recent = frame[frame["month"].isin(window)].copy()
    said = problems or {}
    recent["problem"] = recent["id"].map(lambda rid: said.get(rid, ""))
    by_problem = recent["problem"] != ""
    recent["keys"] = recent["keys"].where(~by_problem, [[] for _ in range(len(recent))])
    recent.loc[by_problem, "location"] = ""
    recent["key"] = recent["keys"].map(lambda keys: keys or [""])
    recent = recent.explode("key")
    this = recent[recent["month"] == str(month)]
    if this.empty:
        return []
    before = recent[recent["month"] != str(month)]
    baseline = before.groupby(GROUP)["weight"].sum() / BASELINE_MONTHS
    grouped = this.groupby(GROUP).agg(
        count=("id", "size"), weighted=("weight", "sum"), evidence=("id", sorted)
    )
    links = [
        WeakLink(
            rank=0,
            element=str(row["element"]),
            category=str(row["category"]),
            key=str(row["key"]),
            location=str(row["location"]),
            count=int(row["count"]),
            weighted=int(row["weighted"]),
            previous_avg=round(float(baseline.get(tuple(row[g] for g in GROUP), 0.0)), 2),
            evidence=list(row["evidence"]),
            problem=str(row["problem"]),
        )
        for row in grouped.reset_index().to_dict("records")
    ]
    weights = {str(rid): int(w) for rid, w in zip(this["id"], this["weight"], strict=True)}
    return [replace(w, rank=n) for n, w in enumerate(_distinct(links, weights), 1)]


def _order(w: WeakLink) -> tuple[float, float, int, str, str, str]:
    return (-w.weighted, -w.growth, -w.count, w.element, w.category, w.key)


def _distinct(links: list[WeakLink], weights: dict[str, int]) -> list[WeakLink]:
    """Take the strongest link, drop its reports from the rest, recount them, repeat."""
    left = sorted(links, key=_order)
    out: list[WeakLink] = []
    while left:
        best = left.pop(0)
        out.append(best)
        taken = set(best.evidence)
        rest = []
        for w in left:
            evidence = [e for e in w.evidence if e not in taken]
            if evidence:
                weighted = sum(weights[e] for e in evidence)
                rest.append(replace(w, evidence=evidence, count=len(evidence), weighted=weighted))
        left = sorted(rest, key=_order)
    return out


def priorities(links: list[WeakLink], count: int = PRIORITIES) -> list[WeakLink]:
    """The top ``count`` links (their reports are distinct already)."""
    return links[:count]
