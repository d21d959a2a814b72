"""典型案例剖析: each typical case as the source's procedure lays it out."""

from __future__ import annotations

import datetime as dt

from barrier_cli.core.models import Action, Incident
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import (
    CaseRow,
    CaseStudy,
    CauseLine,
    Held,
    MeasureState,
    Step,
)

LEVELS = ("general_branch", "branch", "member")


def case_studies(tree: Tree, rows: list[CaseRow], as_of: dt.date) -> list[CaseStudy]:
    """The typical cases among ``rows`` (the month's, then earlier ones still open).

    ``tree`` is the snapshot of ``as_of``: meetings, 责任追究, 交班 and measures done later
    are not in it.
    """
    incidents = {i.id: i for i in tree.incidents}
    names = {p.id: p.name for p in tree.org.people}
    return [
        _study(incidents[row.id], row, names, as_of)
        for row in rows
        if row.typical and row.id in incidents
    ]


def _study(i: Incident, row: CaseRow, names: dict[str, str], as_of: dt.date) -> CaseStudy:
    levels: dict[str, str] = {}
    meeting = i.analysis.meeting if i.analysis is not None else None
    if i.analysis is not None:
        given = i.analysis.levels
        levels = {level: text for level in LEVELS if (text := getattr(given, level)) is not None}
    return CaseStudy(
        case=row,
        description=i.description,
        timeline=[Step(_when(t.at), t.event) for t in i.timeline],
        levels=levels,
        meeting=meeting.kind if meeting is not None else None,
        meeting_date=meeting.date if meeting is not None else None,
        causes=[CauseLine(c.element, c.kind, c.text) for c in i.causes],
        accountability=[
            Held(names.get(a.person, a.person), a.action, a.role, a.detail, a.date)
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
