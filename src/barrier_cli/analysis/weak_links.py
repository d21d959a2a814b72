"""Weak links (薄弱环节): where risk concentrates and grows, and next month's priorities."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from barrier_cli.analysis.result import WeakLink
from barrier_cli.periods import Month

if TYPE_CHECKING:
    import pandas as pd

BASELINE_MONTHS = 3
PRIORITIES = 3
GROUP = ["element", "category", "key", "location"]


def weak_links(frame: pd.DataFrame, month: Month) -> list[WeakLink]:
    """(element, category, key, location) of the month, ranked.

    Rank by the risk-weighted count (a high-risk report weighs as the settings say), then
    by growth over the average of the three months before, then by count. A report touching
    several of the five keys counts once under each.
    """
    window = [str(month.shift(-n)) for n in range(BASELINE_MONTHS, -1, -1)]
    recent = frame[frame["month"].isin(window)].copy()
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
        )
        for row in grouped.reset_index().to_dict("records")
    ]
    links.sort(key=lambda w: (-w.weighted, -w.growth, -w.count, w.element, w.category, w.key))
    return [replace(w, rank=n) for n, w in enumerate(links, 1)]


def priorities(links: list[WeakLink], count: int = PRIORITIES) -> list[WeakLink]:
    """The top ``count`` links, skipping one whose reports all stand behind a higher one.

    A report touching two keys ranks under both; proposing the same reports twice as two
    priorities would say nothing new.
    """
    chosen: list[WeakLink] = []
    covered: set[str] = set()
    for link in links:
        if len(chosen) == count:
            break
        if set(link.evidence) <= covered:
            continue
        chosen.append(link)
        covered.update(link.evidence)
    return chosen
