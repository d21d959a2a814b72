"""Duty days: the days a person owes daily feedback.

From the roster when it has a cycle for the person's unit (or the unit above it), else the
settings' working days; never before ``since`` or after ``until``; never on leave.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from barrier_cli.core.models import Org, Person, Roster, Settings
from barrier_cli.core.models.roster import Cycle
from barrier_cli.core.models.settings import WEEKDAYS


class DutyCalendar:
    """Answers "was this person on duty that day" for one tree, lookups built once."""

    def __init__(self, org: Org, roster: Roster, settings: Settings) -> None:
        self._parents = {u.id: u.parent for u in org.units}
        self._cycles = {c.unit: c for c in roster.cycles}
        self._working = {WEEKDAYS.index(d) for d in settings.working_days}
        self._leave: dict[str, list[tuple[dt.date, dt.date]]] = {}
        for leave in roster.leave:
            self._leave.setdefault(leave.person, []).append((leave.start, leave.end))
        self._cycle_of: dict[str | None, Cycle | None] = {}
        """Each unit's cycle, once found: a month's compliance asks for every person's
        every day."""

    def _cycle(self, unit: str | None) -> Cycle | None:
        if unit in self._cycle_of:
            return self._cycle_of[unit]
        self._cycle_of[unit] = found = self._find_cycle(unit)
        return found

    def _find_cycle(self, unit: str | None) -> Cycle | None:
        seen: set[str] = set()
        while unit is not None and unit not in seen:
            if unit in self._cycles:
                return self._cycles[unit]
            seen.add(unit)
            unit = self._parents.get(unit)
        return None

    def rostered(self, person: Person) -> bool:
        """The person works the shift roster's cycle (值班日), not the settings' working
        days (工作日)."""
        return self._cycle(person.unit) is not None

    def on_leave(self, person: str, day: dt.date) -> bool:
        return any(start <= day <= end for start, end in self._leave.get(person, []))

    def on_duty(self, person: Person, day: dt.date) -> bool:
        if not person.active_on(day) or self.on_leave(person.id, day):
            return False
        cycle = self._cycle(person.unit)
        scheduled = cycle.on_duty(day) if cycle is not None else None
        return day.weekday() in self._working if scheduled is None else scheduled

    def duty_days(self, person: Person, first: dt.date, last: dt.date) -> list[dt.date]:
        """The person's duty days in [first, last], in order."""
        return [d for d in days(first, last) if self.on_duty(person, d)]


def days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    for n in range((last - first).days + 1):
        yield first + dt.timedelta(days=n)


__all__ = ["DutyCalendar", "days"]
