"""One hazard, however it is worded, is one row: near misses and hazards grouped by the hazard
log (hazards.yaml), with how often each has recurred and what was already done against it.

A report's *problem* is the name of its hazard (`HazardLog.of`: its own ``hazard`` field, else
the one hazard its summary's phrases match); a near miss the log does not know is its own
summary without the train number, as before the log. The analysis (from the columns of every
report) and the notice (from the snapshot's reports) group by it, so both say the same:
"近三个月共4起，2025年6月以来反复发生".

A measure *has not held* when it was done and the hazard happened again after it: the
documents then say so, instead of ordering the same measure once more.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from barrier_cli.core.models import HazardLog, Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import TakenMeasure
from barrier_cli.reports.analysis.studies import measure_state

RECENT_MONTHS = 3
"""'近三个月': the month and the two before it."""


def without_trains(summary: str) -> str:
    """A report's problem without the train it was found on: 40255次双牵重载列车… and
    36229次双牵重载列车… are the one problem (in English: "… of train 36229", "(train 36229)")."""
    return re.sub(r"\d+次|\s*\(train \d+\)|\s+(?:of|on|for) train \d+", "", summary)


def problem(hazard: str | None, near_miss: str | None, names: dict[str, str]) -> str:
    """What a report is grouped by: its hazard's name, a near miss's own words, else ""."""
    if hazard is not None:
        return names.get(hazard, hazard)
    return without_trains(near_miss) if near_miss is not None else ""


def names_of(log: HazardLog) -> dict[str, str]:
    """Each hazard's name, as the document's language view of the tree gives it."""
    return {h.id: h.name for h in log.hazards}


def report_problem(r: Report, log: HazardLog, names: dict[str, str]) -> str:
    return problem(
        log.of(r.hazard, r.written), r.summary if r.category == "near_miss" else None, names
    )


@dataclass(frozen=True)
class Recurrence:
    """How often one problem happened: in the month, in the three months to its end, and
    since the first report of it (all as of the document's moment)."""

    month: int
    recent: int
    since: int
    first: dt.date | None

    @property
    def chronic(self) -> bool:
        """It happened in an earlier month too: not a one-off of this month."""
        return self.since > self.month


def recurrence(dates: Iterable[dt.date], month: Month) -> Recurrence:
    """``dates`` are the problem's reports, none after the moment (the snapshot's)."""
    start = month.shift(1 - RECENT_MONTHS).first
    days = [d for d in dates if d <= month.last]
    return Recurrence(
        month=sum(month.contains(d) for d in days),
        recent=sum(start <= d for d in days),
        since=len(days),
        first=min(days, default=None),
    )


def recurrences(
    problems: Iterable[str], dates: Iterable[dt.date], month: Month
) -> dict[str, Recurrence]:
    """`recurrence` of every problem, from parallel columns (a report's problem, its date)."""
    by: dict[str, list[dt.date]] = {}
    for text, day in zip(problems, dates, strict=True):
        if text:
            by.setdefault(text, []).append(day)
    return {text: recurrence(days, month) for text, days in by.items()}


def measures_taken(
    tree: Tree,
    standing: list[Report],
    as_of: dt.date,
    since: dt.date | None = None,
) -> list[TakenMeasure]:
    """The corrective and preventive measures of the reports of one problem from ``since``
    (default: the first) up to ``as_of``, oldest first; the same measure of the same unit
    said once (its latest). ``standing``: every report of the problem not withdrawn and
    dated up to ``as_of``, in (date, id) order (grouped once by the caller: a scan of the
    tree per problem grew with both)."""
    units = {u.id: u.name for u in tree.org.units}
    mine = standing if since is None else [r for r in standing if since <= r.date]
    last = mine[-1].date if mine else None
    found: dict[tuple[str, str], TakenMeasure] = {}
    for r in mine:
        unit = units.get(tree.places.branch_of(tree.places.unit_of(r)) or "", "")
        for a in r.actions:
            if a.type == "immediate":
                continue  # what was done on the spot stops nothing recurring
            done = a.done if a.done is not None and a.done <= as_of else None
            found[(a.action, unit)] = TakenMeasure(
                action=a.action,
                unit_name=unit,
                date=r.date,
                due=a.due,
                done=done,
                state=measure_state(a.due, a.done, as_of),
                held=done is None or last is None or last <= done,
            )
    return sorted(found.values(), key=lambda m: (m.date, m.action))


def not_held(measures: list[TakenMeasure]) -> list[str]:
    """The measures done that the problem outlived, each said once, the most taken first."""
    counts: dict[str, int] = {}
    for m in measures:
        if not m.held:
            counts[m.action] = counts.get(m.action, 0) + 1
    return sorted(counts, key=lambda a: -counts[a])


@dataclass(frozen=True)
class HazardRow:
    """A problem of the month's near misses, once however worded: what the analysis's part 1
    and the notice's near-miss paragraph say of it."""

    text: str
    hazard: str | None
    """The hazard's id, None for a near miss the log does not know."""
    reports: list[Report]
    recurrence: Recurrence
    units: list[str]
    """The branches it happened in within the three months, in org order."""
    measures: list[TakenMeasure] = field(default_factory=list)


def near_miss_rows(
    tree: Tree, month: Month, as_of: dt.date, counts: dict[str, Recurrence] | None = None
) -> list[HazardRow]:
    """The month's near misses grouped by problem, in the order they first happened.

    ``counts`` are the recurrences counted over every report (the analysis has them from
    its columns, its ``tree`` holding only the reports it quotes); without them they are
    counted from ``tree``.
    """
    names = names_of(tree.hazards)
    standing = [r for r in tree.reports if r.withdrawn is None and r.date <= as_of]
    standing.sort(key=lambda r: (r.date, r.id))
    keyed = [(report_problem(r, tree.hazards, names), r) for r in standing]
    if counts is None:
        counts = recurrences((k for k, _ in keyed), (r.date for _, r in keyed), month)
    groups: dict[str, list[Report]] = {}
    by_text: dict[str, list[Report]] = {}
    for text, r in keyed:
        by_text.setdefault(text, []).append(r)
        if text and r.category == "near_miss" and month.contains(r.date):
            groups.setdefault(text, []).append(r)
    start = month.shift(1 - RECENT_MONTHS).first
    order = {u.id: n for n, u in enumerate(tree.org.units)}
    unit_names = {u.id: u.name for u in tree.org.units}
    out = []
    for text, reports in groups.items():
        branches = {
            tree.places.branch_of(tree.places.unit_of(r)) or ""
            for r in by_text[text]
            if r.date >= start
        }
        hazard = tree.hazards.of(reports[0].hazard, reports[0].written)
        out.append(
            HazardRow(
                text=text,
                hazard=hazard,
                reports=reports,
                recurrence=counts.get(text) or recurrence((r.date for r in reports), month),
                units=[
                    unit_names[b] for b in sorted(branches - {""}, key=lambda b: order.get(b, 99))
                ],
                # a hazard of the log is followed since its first report; a near miss it
                # does not know, over the three months (the analysis reads no further back
                # whole for it)
                measures=measures_taken(
                    tree, by_text[text], as_of, since=None if hazard else start
                ),
            )
        )
    return out
