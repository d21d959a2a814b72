"""Incidents and violations: 三不放过 completeness, and repeat violators as key persons."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from barrier_cli.core import i18n
from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import Incident
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.pairings import running_on
from barrier_cli.reports.analysis.result import CaseRow, RepeatViolator
from barrier_cli.reports.case_names import case_subject, case_team

REPEAT_MONTHS = 3
REPEAT_COUNT = 2


def case_rows(
    tree: Tree, month: Month, as_of: dt.date, lang: Lang = "zh"
) -> tuple[list[CaseRow], list[CaseRow]]:
    """The month's incidents, and earlier ones still not closed on ``as_of``."""
    standing = sorted(
        (i for i in tree.incidents if i.withdrawn is None), key=lambda i: (i.date, i.id)
    )
    this = [_row(tree, i, as_of, lang) for i in standing if month.contains(i.date)]
    earlier = [
        _row(tree, i, as_of, lang)
        for i in standing
        if i.date < month.first and (i.closed is None or i.closed > as_of)
    ]
    return this, earlier


def _row(tree: Tree, incident: Incident, as_of: dt.date, lang: Lang) -> CaseRow:
    names = {p.id: p.name for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    cases = tree.settings.cases
    due = incident.analysis_due(cases)
    analysed = incident.analysed_on()
    if analysed is not None and analysed > as_of:
        analysed = None
    involved = [p.person for p in incident.persons]
    if incident.violation and incident.violation.person not in involved:
        involved.insert(0, incident.violation.person)
    unit_name = units.get(incident.unit, incident.unit)
    return CaseRow(
        id=incident.id,
        date=incident.date,
        title=incident.title,
        unit=incident.unit,
        unit_name=unit_name,
        type=incident.type,
        class_=incident.class_,
        severity=incident.violation.severity if incident.violation else None,
        persons=[names.get(p, p) for p in involved],
        status=incident.status,
        gaps=incident.closure_gaps(tree.settings.closure, cases),
        closed=incident.closed,
        typical=incident.is_typical(cases),
        grade=incident.grade(cases),
        analysis_due=due,
        analysis_late=(analysed is None and due < as_of)
        or (analysed is not None and analysed > due),
        team=case_team(tree, incident),
        subject=case_subject(tree, incident, lang),
        element=main_element(incident),
        lacking=lacking(tree, incident, lang),
    )


_LEVELS = ("general_branch", "branch", "member")


_COURSE = {
    "violation": "an account of the violation in time order",
    "accident": "an account of the accident in time order",
    "other": "an account of events in time order",
}


_LEVEL_MISSING = {
    "general_branch": "the General Branch's analysis",
    "branch": "the branch's analysis",
    "member": "an analysis of the members concerned",
}


_MISSING = {
    "causes": "the causes established",
    "responsibility": "a finding of who is responsible",
    "measures": "corrective measures",
    "measures not specific": "measures specific enough to check",
    "specific_measures": "measures with an owner, a due date and a check",
    "education": "education of those concerned",
    "handover": "a safety handover",
    "handover_level": "a safety handover at the required level",
    "accountability": "accountability",
    "overseer": "accountability for those who looked on",
}
"""The other gaps as the things missing, for the list after 尚缺 (the shared closure_gap
labels say them as faults, for tables)."""


def lacking(tree: Tree, incident: Incident, lang: Lang) -> list[str]:
    """What 三不放过 still lacks, said as the things missing (尚缺：……), from the case's own
    record: which levels, whether the meeting's attendance is what is missing, which of chain
    and effect; never a hedge (缺失或记录不全) when the record tells which. A meeting with no
    attendance record is no 支委会 and is not called one. Measures not done are said by the
    measures' count, not here."""
    gaps = incident.closure_gaps(tree.settings.closure, tree.settings.cases)
    analysis = incident.analysis
    meeting = analysis.meeting if analysis is not None else None
    given = analysis.levels if analysis is not None else None
    done = [lv for lv in _LEVELS if given is not None and getattr(given, lv)]
    out: list[str] = []
    with i18n.using(lang):
        for gap in gaps:
            if gap == "measures not done":
                continue
            if gap == "timeline":
                out.append(i18n._(_COURSE.get(incident.type, _COURSE["other"])))
            elif gap == "meeting" and meeting is not None:
                out.append(i18n._("a properly recorded branch committee analysis"))
            elif gap == "meeting":
                out.append(i18n._("a branch committee analysis"))
            elif gap == "levels":
                out.extend(i18n._(_LEVEL_MISSING[lv]) for lv in _LEVELS if lv not in done)
            elif gap == "chain":
                chain = analysis is not None and bool(analysis.chain)
                effect = analysis is not None and bool(analysis.effect)
                if not chain and not effect:
                    out.append(
                        i18n._(
                            "an analysis of how responsibility was passed down and "
                            "whether earlier measures worked"
                        )
                    )
                elif not chain:
                    out.append(i18n._("an analysis of how responsibility was passed down"))
                else:
                    out.append(i18n._("an analysis of whether earlier measures worked"))
            elif gap in _MISSING:
                out.append(i18n._(_MISSING[gap]))
            else:
                out.append(label("closure_gap", gap, lang))
    return out


def main_element(incident: Incident) -> str:
    """The element a case is said under: its first cause's; without causes a 两违 is about
    people and anything else about management."""
    if incident.causes:
        return incident.causes[0].element
    return "personnel" if incident.type == "violation" else "management"


def repeat_violators(tree: Tree, month: Month, as_of: dt.date) -> list[RepeatViolator]:
    """People with 2+ violations in the three months ending with ``month``.

    Violations are incidents of type ``violation`` (their ``violation.person``) and reports
    of category ``violation`` naming ``persons``; a report that a person's violation incident
    links to is the same event and counts once for that person. Someone not in a pairing
    running on ``as_of`` is proposed as a new key person (安全关键人).
    """
    first = month.shift(1 - REPEAT_MONTHS).first
    evidence: dict[str, list[str]] = defaultdict(list)
    counted: set[tuple[str, str]] = set()  # (person, report) an incident already stands for
    for i in tree.incidents:
        if i.withdrawn is None and i.violation and first <= i.date <= month.last:
            evidence[i.violation.person].append(i.id)
            counted.update((i.violation.person, rid) for rid in i.reports)
    for r in tree.reports:
        if r.withdrawn is None and r.category == "violation" and first <= r.date <= month.last:
            for person in dict.fromkeys(r.persons):
                if (person, r.id) not in counted:
                    evidence[person].append(r.id)
    people = {p.id: p for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    running = {p.person: p.id for p in tree.pairings if running_on(p, as_of)}
    out = [
        RepeatViolator(
            person=pid,
            name=people[pid].name if pid in people else pid,
            unit=people[pid].unit if pid in people else "",
            count=len(ids),
            evidence=sorted(ids),
            pairing=running.get(pid),
            unit_name=units.get(people[pid].unit, people[pid].unit) if pid in people else "",
        )
        for pid, ids in evidence.items()
        if len(ids) >= REPEAT_COUNT
    ]
    return sorted(out, key=lambda v: (-v.count, v.person))
