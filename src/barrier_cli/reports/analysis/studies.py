"""典型案例剖析: each typical case as the source's procedure lays it out."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from barrier_cli.core.models import Action, Incident
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.pairings import running_on
from barrier_cli.reports.analysis.result import (
    CaseRef,
    CaseRow,
    CaseStudy,
    CauseLine,
    Held,
    MeasureState,
    MentorAtFault,
    Step,
    UnitHeld,
)
from barrier_cli.reports.deficiencies import removed_from

LEVELS = ("general_branch", "branch", "member")

_LEADING_ROLES = ("secretary", "team_leader", "foreman", "group_leader")
"""The roles a unit's head is named by when they bear 领导责任, the first one held."""


def case_studies(
    tree: Tree, rows: list[CaseRow], as_of: dt.date, supplement_by: dt.date
) -> list[CaseStudy]:
    """The typical cases among ``rows`` (the month's, then earlier ones still open).

    ``tree`` is the snapshot of ``as_of``: meetings, 责任追究, 交班 and measures done later
    are not in it. A level still unanalysed is owed by ``supplement_by``, the month's notice's
    correction deadline (`correction_deadline`), the day the notice's 自查 names.
    """
    incidents = {i.id: i for i in tree.incidents}
    names = {p.id: p.name for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    posts = {p.id: removed_from(tree, p) for p in tree.org.people}

    def branch_of(unit: str) -> str:
        return tree.places.branch_of(unit) or unit

    return [
        dataclasses.replace(
            _study(incidents[row.id], row, names, as_of, posts),
            repeats=repeats(tree, incidents[row.id], as_of),
            supplement_by=supplement_by,
            units_held=units_held(tree, incidents[row.id]),
            mentors_at_fault=mentors_at_fault(tree, incidents[row.id], as_of),
            branch_name=units.get(branch_of(row.unit), branch_of(row.unit)),
        )
        for row in rows
        if row.typical and row.id in incidents
    ]


def repeats(tree: Tree, case: Incident, as_of: dt.date) -> list[CaseRef]:
    """The rule-breaker's later 两违 up to ``as_of``: breaking the rules again after the case
    shows its measures did not take hold, and the analysis must say so in the case."""
    if case.violation is None:
        return []
    person = case.violation.person
    units = {u.id: u.name for u in tree.org.units}
    name = next((p.name for p in tree.org.people if p.id == person), person)
    later = [
        CaseRef(i.id, i.title, "violation", i.date, units.get(i.unit, i.unit), [name])
        for i in tree.incidents
        if i.withdrawn is None
        and i.violation is not None
        and i.violation.person == person
        and case.date < i.date <= as_of
    ]
    linked = {rid for i in tree.incidents if i.violation is not None for rid in i.reports}
    for r in tree.reports:
        if (
            r.withdrawn is None
            and r.category == "violation"
            and person in r.persons
            and case.date < r.date <= as_of
            and r.id not in linked
        ):
            unit = tree.places.unit_of(r) or ""
            later.append(
                CaseRef(r.id, r.summary, "violation", r.date, units.get(unit, unit), [name])
            )
    return sorted(later, key=lambda c: (c.date or case.date, c.id))


def units_held(tree: Tree, case: Incident) -> list[UnitHeld]:
    """The units the case's findings hold at fault, each with its leader as the record names
    them: the 责任追究 of a 公文 lists the branch after the persons."""
    units = {u.id: u.name for u in tree.org.units}
    people = {p.id: p for p in tree.org.people}
    out = []
    for r in case.responsibility:
        if r.unit is None or r.person is not None:
            continue
        leader = people.get(r.leader) if r.leader is not None else None
        role = next((x for x in _LEADING_ROLES if leader is not None and x in leader.roles), "")
        out.append(
            UnitHeld(
                unit_name=units.get(r.unit, r.unit),
                finding=r.finding.rstrip("。. "),
                leader_name=leader.name if leader is not None else (r.leader or ""),
                leader_role=role,
                action=(r.action or "").rstrip("。. "),
            )
        )
    return out


def mentors_at_fault(tree: Tree, case: Incident, as_of: dt.date) -> list[MentorAtFault]:
    """Pairings running on ``as_of`` whose key person broke the rules in ``case`` and whose
    mentor the case's findings hold at fault. The source pairs by 同岗位、同职责、同班组 so
    that work can be controlled together (作业能互控): a mentor whose 互控 failed in the very
    case is a choice the analysis must account for, by what the pair share and what the
    mentor did to answer."""
    if case.violation is None:
        return []
    at_fault = {r.person: r for r in case.responsibility if r.person is not None}
    people = {p.id: p for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    out = []
    for pairing in sorted(tree.pairings, key=lambda p: (p.start, p.id)):
        if (
            pairing.person != case.violation.person
            or pairing.mentor not in at_fault
            or not running_on(pairing, as_of)
        ):
            continue
        mentor, person = people.get(pairing.mentor), people.get(pairing.person)
        shared = []
        if mentor is not None and person is not None:
            if mentor.post is not None and mentor.post == person.post:
                shared.append("post")
            if mentor.unit == person.unit:
                shared.append("team")
        branch = tree.places.branch_of(pairing.unit) or pairing.unit
        out.append(
            MentorAtFault(
                mentor_name=mentor.name if mentor is not None else pairing.mentor,
                person_name=person.name if person is not None else pairing.person,
                shared=shared,
                action=(at_fault[pairing.mentor].action or "").rstrip("。. "),
                branch_name=units.get(branch, branch),
            )
        )
    return out


def run_on(text: str, proper: Iterable[str]) -> str:
    """``text`` continued after a date or a label (On 9 October, the first day…; Personnel:
    weak safety awareness…): a capital opening a sentence is lowered, one opening a name
    (Sun Hao of Shift 3 Group 2) kept. Chinese has no capitals and is unchanged."""
    if not text[:1].isupper() or any(text.startswith(n) for n in proper if n):
        return text
    return text[:1].lower() + text[1:]


def _study(
    i: Incident,
    row: CaseRow,
    names: dict[str, str],
    as_of: dt.date,
    posts: dict[str, str | None],
) -> CaseStudy:
    proper = [*names.values(), *row.persons, row.unit_name, row.team]
    levels: dict[str, str] = {}
    meeting = i.analysis.meeting if i.analysis is not None else None
    if i.analysis is not None:
        given = i.analysis.levels
        levels = {level: text for level in LEVELS if (text := getattr(given, level)) is not None}
    return CaseStudy(
        case=row,
        description=run_on(i.description, proper) if i.description else i.description,
        timeline=[Step(_when(t.at), t.event) for t in i.timeline],
        levels=levels,
        meeting=meeting.kind if meeting is not None else None,
        meeting_date=meeting.date if meeting is not None else None,
        # a cause the levels already say is not said again
        causes=[
            CauseLine(c.element, c.kind, run_on(c.text, proper))
            for c in i.causes
            if c.text not in levels.values()
        ],
        accountability=[
            Held(
                names.get(a.person, a.person),
                a.action,
                a.role,
                a.detail,
                a.date,
                posts.get(a.person) if a.action == "replaced" else None,
            )
            for a in i.accountability
        ],
        measures=[_measure(m, names, as_of) for m in i.measures],
        handover=i.handover.level if i.handover is not None else None,
        handover_date=i.handover.date if i.handover is not None else None,
        attended=len(meeting.attendees) if meeting is not None else 0,
        chain=i.analysis.chain if i.analysis is not None else None,
        effect=i.analysis.effect if i.analysis is not None else None,
    )


def _when(at: dt.datetime | dt.date | str) -> str:
    if isinstance(at, dt.datetime):
        return at.strftime("%Y-%m-%d %H:%M")
    return at.isoformat() if isinstance(at, dt.date) else at


def measure_state(due: dt.date | None, done: dt.date | None, as_of: dt.date) -> str:
    """done (by its due day or without one), late, overdue or open, as of ``as_of``."""
    if done is not None and done <= as_of:
        return "late" if due is not None and done > due else "done"
    return "overdue" if due is not None and due < as_of else "open"


def _measure(m: Action, names: dict[str, str], as_of: dt.date) -> MeasureState:
    return MeasureState(
        action=m.action,
        owner_name=names.get(m.owner, m.owner) if m.owner else "",
        due=m.due,
        done=m.done,
        state=measure_state(m.due, m.done, as_of),
    )
