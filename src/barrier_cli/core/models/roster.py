"""roster.yaml (optional): who is on duty which day, so "daily" means each duty day.

列检 runs rotating shifts (e.g. 四班三运转): each group follows a cycle of shifts from a
start day. People on leave or absent are not on duty. Whoever no cycle covers works the
settings' ``working_days``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import (
    Day,
    Model,
    OneLine,
    PersonId,
    Problem,
    UnitId,
    empty_list,
)

Shift = Literal["day", "morning", "afternoon", "night", "off"]


class Cycle(Model):
    """A group's shift pattern: ``shifts[0]`` falls on ``start``, then repeats."""

    unit: UnitId
    start: Day
    shifts: list[Shift] = Field(min_length=1, max_length=366)

    def on_duty(self, day: dt.date) -> bool | None:
        """Whether the group works on ``day``; None before the cycle starts."""
        if day < self.start:
            return None
        return self.shifts[(day - self.start).days % len(self.shifts)] != "off"


class Leave(Model):
    """Days a person is not on duty: leave, sickness, training away (both ends included)."""

    person: PersonId
    start: Day
    end: Day
    reason: OneLine | None = None


class Roster(Model):
    cycles: list[Cycle] = empty_list()
    leave: list[Leave] = empty_list()

    def problems(self, *, today: dt.date) -> list[Problem]:
        out: list[Problem] = []
        seen: set[str] = set()
        for n, cycle in enumerate(self.cycles):
            if cycle.unit in seen:
                out.append(
                    Problem(
                        f.VALUE,
                        ("cycles", n, "unit"),
                        i18n._("{unit} has two cycles").format(unit=cycle.unit),
                    )
                )
            seen.add(cycle.unit)
        for n, leave in enumerate(self.leave):
            if leave.end < leave.start:
                out.append(
                    Problem(
                        f.VALUE,
                        ("leave", n, "end"),
                        i18n._("leave ends {end} before it starts").format(end=leave.end),
                    )
                )
        return out
