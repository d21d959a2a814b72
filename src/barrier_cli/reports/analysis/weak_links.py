"""Weak links (薄弱环节): where risk concentrates and grows, and next month's priorities."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from barrier_cli.core.labels import Lang
from barrier_cli.core.models import Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.hazards import RECENT_MONTHS, without_trains
from barrier_cli.reports.analysis.key_grounds import conduct
from barrier_cli.reports.analysis.proposals import fault_of
from barrier_cli.reports.analysis.result import WeakLink

if TYPE_CHECKING:
    import pandas as pd

BASELINE_MONTHS = 3
PRIORITIES = 3
GROUP = ["element", "category", "key", "location", "problem", "hazard"]


def weak_links(
    frame: pd.DataFrame,
    month: Month,
    problems: dict[str, str] | None = None,
    hazards: dict[str, tuple[str, str]] | None = None,
) -> list[WeakLink]:
    """(element, category, key, location) of the month, ranked, each report under one only.

    A report in ``problems`` (report id → what happened: the near misses, and the reports
    of a hazard of the log) is grouped by that problem instead of its key and place: the
    same near miss or faulty device on two sidings is one weak link (its places listed),
    and one that recurs weighs as often as it happened. A report in ``hazards`` (report id
    → the hazard's id and element) takes its hazard's element, and all of a hazard's
    reports the category most of them have: one hazard, however reported, is one row.

    Rank by the risk-weighted count (a high-risk report weighs as the settings say), then
    by growth over the average of the three months before, then by count. A report touching
    several of the five keys stands behind the highest-ranked of its links alone: the same
    reports shown under two ranks would say one thing twice.
    """
    window = [str(month.shift(-n)) for n in range(BASELINE_MONTHS, -1, -1)]
    recent = frame[frame["month"].isin(window)].copy()
    said = problems or {}
    known = hazards or {}
    recent["problem"] = recent["id"].map(lambda rid: said.get(rid, ""))
    recent["hazard"] = recent["id"].map(lambda rid: known.get(rid, ("", ""))[0])
    of_hazard = recent["hazard"] != ""
    recent.loc[of_hazard, "element"] = recent.loc[of_hazard, "id"].map(lambda r: known[r][1])
    if of_hazard.any():
        usual = recent[of_hazard].groupby("hazard")["category"].agg(_usual)
        recent.loc[of_hazard, "category"] = recent.loc[of_hazard, "hazard"].map(usual)
    by_problem = recent["problem"] != ""
    recent["place"] = recent["location"]
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
        count=("id", "size"),
        weighted=("weight", "sum"),
        evidence=("id", sorted),
        places=("place", _places),
    )
    last_three = {str(month.shift(-n)) for n in range(RECENT_MONTHS)}
    three = recent[recent["month"].isin(last_three) & by_problem].drop_duplicates("id")
    recurring = three.groupby("problem")["id"].size().to_dict()
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
            hazard=str(row["hazard"]),
            recent=int(recurring.get(row["problem"], 0)) if row["problem"] else 0,
            places=list(row["places"]) if row["problem"] else [],
        )
        for row in grouped.reset_index().to_dict("records")
    ]
    weights = {str(rid): int(w) for rid, w in zip(this["id"], this["weight"], strict=True)}
    return [replace(w, rank=n) for n, w in enumerate(_distinct(links, weights), 1)]


def _usual(categories: pd.Series) -> str:
    """The category most of a hazard's reports have (ties: the first by name)."""
    counted = Counter(str(c) for c in categories)
    return min(counted, key=lambda c: (-counted[c], c))


def _places(locations: pd.Series) -> list[str]:
    counted = Counter(str(p) for p in locations if p)
    return [p for p, _ in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))]


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
            if taken.isdisjoint(w.evidence):
                rest.append(w)  # nothing taken from it: the same link, not a copy
                continue
            evidence = [e for e in w.evidence if e not in taken]
            if evidence:
                weighted = sum(weights[e] for e in evidence)
                rest.append(replace(w, evidence=evidence, count=len(evidence), weighted=weighted))
        left = sorted(rest, key=_order)
    return out


def priorities(links: list[WeakLink], count: int = PRIORITIES) -> list[WeakLink]:
    """The top ``count`` links (their reports are distinct already)."""
    return links[:count]


def in_words_of(links: list[WeakLink], written: Tree, view: Tree) -> list[WeakLink]:
    """Weak links, grouped by the places and near misses as the records word them (counted
    from columns, over reports the view does not hold), named as the ``view`` of ``written``
    words them."""
    if view is written:
        return links
    places: dict[str, str] = {}
    problems: dict[str, str] = {}
    for zh, en in zip(written.reports, view.reports, strict=True):
        if zh.location is not None and en.location is not None:
            places.setdefault(zh.location, en.location)
        problems.setdefault(without_trains(zh.summary), without_trains(en.summary))
    return [
        replace(
            w,
            location=places.get(w.location, w.location),
            places=[places.get(p, p) for p in w.places],
            problem=problems.get(w.problem, w.problem),
        )
        for w in links
    ]


def with_shown(links: list[WeakLink], tree: Tree, lang: Lang, as_of: dt.date) -> list[WeakLink]:
    """Each link that names neither a problem nor a place, with what its reports of the
    month say (the conduct, without the doer, the train or a second clause), most often
    first: all of it, for a row whose named problems add up to fewer reports than its
    count leaves the meeting asking what the rest were.

    A row of the key 关键人 keeps it only when each of its reports is about confirmed
    安全关键人 of ``as_of``: seven violations by seven people are not a key person's row."""
    at = {r.id: r for r in tree.reports}
    out = []
    for w in links:
        if w.key == "person" and not _of_key_persons(tree, w, at, as_of):
            w = replace(w, key="")
        if w.problem or w.location:
            out.append(w)
            continue
        reports = [at[e] for e in dict.fromkeys(w.evidence) if e in at]
        said = Counter(
            fault_of(r.summary, r.train, r.vehicle)
            if r.vehicle
            else conduct(without_trains(r.summary), lang)
            for r in reports
        )
        out.append(replace(w, shows=[text for text, _ in said.most_common()]))
    return out


def _of_key_persons(tree: Tree, link: WeakLink, at: dict[str, Report], as_of: dt.date) -> bool:
    """Whether each of the link's reports names a confirmed key person of ``as_of``, and no
    one else."""
    reports = [at[e] for e in link.evidence if e in at]
    confirmed = {
        k.person
        for k in tree.key_persons
        if k.withdrawn is None
        and k.confirmed is not None
        and k.confirmed <= as_of
        and (k.closed is None or k.closed > as_of)
    }
    return bool(reports) and all(r.persons and set(r.persons) <= confirmed for r in reports)
