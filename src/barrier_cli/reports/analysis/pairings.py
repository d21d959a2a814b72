"""Key-person pairings (包保对子) running in the month: milestones due, overdue, reached.

An analysis shows each pairing as it stood on its ``as_of`` day: a milestone reached later
is not shown as reached, so last March's document reads the same today as it did then.
"""

from __future__ import annotations

import datetime as dt

from barrier_cli.core.models import Pairing
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.analysis.result import PairingRow, Pairings


def pairings(tree: Tree, month: Month, as_of: dt.date) -> Pairings:
    """Every pairing that was running at some point of the month, by start date."""
    deadlines = tree.settings.deadlines
    names = {p.id: p.name for p in tree.org.people}
    rows = []
    for record in sorted(tree.pairings, key=lambda p: (p.start, p.id)):
        if not _running_in(record, month):
            continue
        p = snapshot.pairing_on(record, as_of)
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
                overdue=p.overdue_milestones(deadlines, as_of),
                turned=[
                    m
                    for m, d in (("basic", p.basic_on), ("full", p.full_on))
                    if d is not None and month.contains(d)
                ],
            )
        )
    return Pairings(rows)


def running_on(p: Pairing, day: dt.date) -> bool:
    """Started by ``day`` and neither fully turned around nor ended by then."""
    then = snapshot.pairing_on(p, day)
    return p.withdrawn is None and p.start <= day and then.status not in ("full", "ended")


def _running_in(p: Pairing, month: Month) -> bool:
    """Started by the month's end and not finished before it began."""
    if p.withdrawn is not None or p.start > month.last:
        return False
    finished = [d for d in (p.full_on, p.ended) if d is not None]
    return not finished or min(finished) >= month.first
