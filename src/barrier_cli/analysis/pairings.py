"""Key-person pairings (包保对子) running in the month: milestones due, overdue, reached."""

from __future__ import annotations

import datetime as dt

from barrier_cli.analysis.result import PairingRow, Pairings
from barrier_cli.loader import Tree
from barrier_cli.models import Pairing
from barrier_cli.periods import Month


def pairings(tree: Tree, month: Month, as_of: dt.date) -> Pairings:
    """Every pairing that was running at some point of the month, by start date."""
    deadlines = tree.settings.deadlines
    names = {p.id: p.name for p in tree.org.people}
    rows = []
    for p in sorted(tree.pairings, key=lambda p: (p.start, p.id)):
        if not _running_in(p, month):
            continue
        basic_due, full_due = p.basic_due(deadlines), p.full_due(deadlines)
        rows.append(
            PairingRow(
                id=p.id,
                person=p.person,
                person_name=names.get(p.person, p.person),
                mentor=p.mentor,
                mentor_name=names.get(p.mentor, p.mentor),
                unit=p.unit,
                start=p.start,
                basic_due=basic_due,
                full_due=full_due,
                basic_on=p.basic_on,
                full_on=p.full_on,
                status=p.status,
                due=[m for m, d in (("basic", basic_due), ("full", full_due)) if month.contains(d)],
                overdue=_overdue(p, tree, as_of),
                turned=[
                    m
                    for m, d in (("basic", p.basic_on), ("full", p.full_on))
                    if d is not None and month.contains(d)
                ],
            )
        )
    return Pairings(rows)


def _running_in(p: Pairing, month: Month) -> bool:
    """Started by the month's end and not finished before it began."""
    if p.withdrawn is not None or p.start > month.last:
        return False
    finished = [d for d in (p.full_on, p.ended) if d is not None]
    return not finished or min(finished) >= month.first


def _overdue(p: Pairing, tree: Tree, as_of: dt.date) -> list[str]:
    """Milestones past due on ``as_of``; reaching one after ``as_of`` does not count yet."""
    if p.ended is not None and p.ended <= as_of:
        return []
    as_then = p.model_copy(
        update={
            "basic_on": p.basic_on if p.basic_on and p.basic_on <= as_of else None,
            "full_on": p.full_on if p.full_on and p.full_on <= as_of else None,
        }
    )
    return as_then.overdue_milestones(tree.settings.deadlines, as_of)
