"""主要表现 of 存在的主要问题: each element's reports grouped by the problem they show, with
counts and where (违章违纪7条：横越线路未执行“一站、二看、三通过”2条（一班党支部、二班三组）…),
so the document writes sentences about problems, not a list of quoted record titles.

Every problem is named, however rare: a one-off fault (a missing knuckle-pin split pin) may be
the precursor of an accident, and "其他问题2条" would hide it. Reports of one hazard of the log
(hazards.yaml) are one problem however worded, as in 薄弱环节: three broken lamps on three
sidings are 场区照明灯损坏3条 with the three places."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from barrier_cli.core.models import Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.hazards import names_of, without_trains
from barrier_cli.reports.analysis.proposals import fault_of
from barrier_cli.reports.analysis.result import Problem, Showing, Shown


def problem_of(report: Report) -> str:
    """What a report shows, the same for every report of it: a fault without its train, wagon
    and position; anything else without its train, quotation marks nested as a sentence
    (not a quotation) writes them."""
    if report.category == "fault":
        return fault_of(report.summary, report.train, report.vehicle)
    return without_trains(report.summary).replace("‘", "“").replace("’", "”")


def _inner(name: str) -> str:
    """A hazard's name inside a sentence: Broken yard lights → broken yard lights (an initial
    capital of an acronym or a name, LED …, is kept)."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _shown(tree: Tree, text: str, reports: list[Report]) -> Shown:
    """One problem: said in its reports' common words, else by its hazard's name; where it
    was is the places of a hazard in the equipment (this lamp, that derailer: 薄弱环节 names
    them so too), else the units that reported it (a fault is on a wagon, not a place)."""
    places = [r.location for r in reports]
    if all(r.element == "equipment" and r.category == "hazard" for r in reports) and all(places):
        said = [p or "" for p in places]
    else:
        units = {u.id: u.name for u in tree.org.units}
        said = [units.get(u, u) for u in (tree.places.unit_of(r) or "" for r in reports)]
    # each place with its count, in the order first reported: two places for three reports
    # must say which had two
    counted = Counter(w for w in said if w)
    return Shown(text, len(reports), list(counted), list(counted.values()))


def with_showing(tree: Tree, month: Month, problems: list[Problem]) -> list[Problem]:
    """``problems`` with each element's reports grouped by category and problem."""
    reports = [r for r in tree.reports if r.withdrawn is None and month.contains(r.date)]
    hazard_names = names_of(tree.hazards)
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
                hazard = tree.hazards.of(r.hazard, r.written)
                grouped[hazard or problem_of(r)].append(r)
            shown = []
            for key, rs in grouped.items():
                words = {problem_of(r) for r in rs}
                text = words.pop() if len(words) == 1 else _inner(hazard_names.get(key, key))
                shown.append(_shown(tree, text, rs))
            # most reported first; the order they were first reported breaks ties
            showing.append(Showing(c.key, len(mine), sorted(shown, key=lambda s: -s.count)))
        out.append(replace(p, showing=showing))
    return out
