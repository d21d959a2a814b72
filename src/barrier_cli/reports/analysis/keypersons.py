"""Key persons (安全关键人) proposed from every signal the source names.

The source: 易发生车辆检修质量反馈和事故苗子的检车员，往往集中出现在少数职工身上……
业务素质差，发现故障少，违章违纪多. Over ``key_persons.months`` months ending with the month,
each person gathers weighted signals (``key_persons.weights`` in settings):

- ``violation``: each 两违 (a violation incident, or a violation report naming them; a report
  its incident links counts once), weighted further by its A/B grade;
- ``quality``: each report of category ``quality`` (检修质量反馈) naming them;
- ``precursor``: each 事故苗子 they were involved in or held responsible for;
- ``competence``: each failed 一口清/一手精 check;
- ``few_finds``: fault reports far below their group's (under ``few_finds_ratio`` of the
  mean of the others in the group who reported).

Reaching ``threshold`` proposes the person, unless the register already holds them in a
stage short of turned around, or a pairing is running for them. Someone whose pairing fully
turned around is judged only on signals dated after the turnaround.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.pairings import running_on
from barrier_cli.reports.analysis.result import Evidence, KeyCandidate


def key_person_signals(tree: Tree, month: Month, as_of: dt.date) -> list[KeyCandidate]:
    """Everyone whose signals reach the threshold, strongest first."""
    rules = tree.settings.key_persons
    cases = tree.settings.cases
    first = month.shift(1 - rules.months).first
    last = min(month.last, as_of)

    def within(day: dt.date) -> bool:
        return first <= day <= last

    found: dict[str, list[Evidence]] = defaultdict(list)

    dated = {r.id: r.date for r in tree.reports} | {i.id: i.date for i in tree.incidents}
    dated |= {c.id: c.date for c in tree.competence}

    def add(person: str, kind: str, ref: str | None, times: float = 1.0) -> None:
        weight = rules.weights.get(kind, 0.0) * times
        found[person].append(Evidence(kind, ref, weight, dated.get(ref or "")))

    counted: set[tuple[str, str]] = set()
    for case in tree.incidents:
        if case.withdrawn is not None or not within(case.date):
            continue
        if case.violation is not None:
            grade = case.grade(cases) or "B"
            add(case.violation.person, "violation", case.id, cases.grade_weights.get(grade, 1.0))
            counted.update((case.violation.person, rid) for rid in case.reports)
        if case.type == "precursor":
            involved = {p.person for p in case.persons if p.role != "witness"}
            involved |= {r.person for r in case.responsibility if r.person is not None}
            for person in sorted(involved):
                add(person, "precursor", case.id)
    for report in tree.reports:
        if report.withdrawn is not None or not within(report.date):
            continue
        for person in dict.fromkeys(report.persons):
            if report.category == "violation" and (person, report.id) not in counted:
                add(person, "violation", report.id)
            elif report.category == "quality":
                add(person, "quality", report.id)
    for check in tree.competence:
        if check.withdrawn is None and within(check.date) and check.kind in ("knows", "skills"):
            for result in check.results:
                if not result.passed:
                    add(result.person, "competence", check.id)
    for person in _few_finders(tree, first, last, rules.few_finds_ratio):
        add(person, "few_finds", None)

    people = {p.id: p for p in tree.org.people}
    register = {
        k.person: k
        for k in sorted(tree.key_persons, key=lambda k: k.proposed)
        if k.withdrawn is None and k.status not in ("turned", "not_turned")
    }
    running = {p.person: p.id for p in tree.pairings if running_on(p, as_of)}
    # A full turnaround closes the book on what came before it: only later signals count.
    turned = {
        p.person: p.full_on
        for p in tree.pairings
        if p.withdrawn is None and p.full_on is not None and p.full_on <= as_of
    }
    # cadres of the general branch are answerable to the depot, not its key-person register
    cadres = {
        p.id
        for p in tree.org.people
        if any(u.id == p.unit and u.kind == "general_branch" for u in tree.org.units)
    }
    out = []
    for person, found_for in found.items():
        if person in cadres:
            continue
        since = turned.get(person)
        evidence = [e for e in found_for if since is None or e.date is None or e.date > since]
        score = sum(e.weight for e in evidence)
        if score < rules.threshold:
            continue
        entry = register.get(person)
        who = people.get(person)
        out.append(
            KeyCandidate(
                person=person,
                name=who.name if who else person,
                unit=who.unit if who else "",
                score=round(score, 2),
                signals=sorted(evidence, key=lambda e: (e.kind, e.ref or "")),
                register=entry.id if entry else None,
                status=entry.status if entry else None,
                pairing=running.get(person),
            )
        )
    return sorted(out, key=lambda c: (-c.score, c.person))


def _few_finders(tree: Tree, first: dt.date, last: dt.date, ratio: float) -> list[str]:
    """Inspectors whose fault reports fall far below the others in their group."""
    faults: dict[str, int] = defaultdict(int)
    for report in tree.reports:
        if report.withdrawn is None and first <= report.date <= last and report.category == "fault":
            faults[report.reporter] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    kinds = {u.id: u.kind for u in tree.org.units}
    for who in tree.org.people:
        inspector = "inspector" in who.roles and kinds.get(who.unit) == "group"
        if inspector and who.active_on(first) and who.active_on(last):
            groups[who.unit].append(who.id)
    out = []
    for members in groups.values():
        for person in members:
            others = [faults[p] for p in members if p != person]
            mean = sum(others) / len(others) if others else 0.0
            if mean > 0 and faults[person] < ratio * mean:
                out.append(person)
    return sorted(out)
