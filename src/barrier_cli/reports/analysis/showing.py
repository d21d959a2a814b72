"""主要表现 of 存在的主要问题: each element's reports grouped by the problem they show, with
counts and units (违章违纪7条：横越线路未执行“一站、二看、三通过”2条（一班党支部、二班三组）…),
so the document writes sentences about problems, not a list of quoted record titles."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from barrier_cli.core.models import Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.hazards import without_trains
from barrier_cli.reports.analysis.proposals import fault_of
from barrier_cli.reports.analysis.result import Problem, Showing, Shown

SHOWN = 5
"""Problems named per category; the rest are counted together."""


def problem_of(report: Report) -> str:
    """What a report shows, the same for every report of it: a fault without its train, wagon
    and position; anything else without its train, quotation marks nested as a sentence
    (not a quotation) writes them."""
    if report.category == "fault":
        return fault_of(report.summary, report.train, report.vehicle)
    return without_trains(report.summary).replace("‘", "“").replace("’", "”")


def with_showing(tree: Tree, month: Month, problems: list[Problem]) -> list[Problem]:
    """``problems`` with each element's reports grouped by category and problem."""
    units = {u.id: u.name for u in tree.org.units}
    reports = [r for r in tree.reports if r.withdrawn is None and month.contains(r.date)]
    out = []
    for p in problems:
        showing = []
        for c in p.categories:
            mine = sorted(
                (r for r in reports if r.element == p.element and r.category == c.key),
                key=lambda r: (r.date, r.id),
            )
            grouped: dict[str, list[Report]] = defaultdict(list)
            for r in mine:
                grouped[problem_of(r)].append(r)
            ranked = sorted(grouped.items(), key=lambda kv: -len(kv[1]))
            shown = [
                Shown(
                    text,
                    len(rs),
                    list(
                        dict.fromkeys(
                            units.get(u, u) for u in (tree.places.unit_of(r) or "" for r in rs)
                        )
                    ),
                )
                for text, rs in ranked[:SHOWN]
            ]
            rest = sum(len(rs) for _, rs in ranked[SHOWN:])
            showing.append(Showing(c.key, len(mine), shown, rest))
        out.append(replace(p, showing=showing))
    return out
