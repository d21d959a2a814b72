"""Pairing (包保对子): a party member mentoring a key person to turn around in 3 to 6 months."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from barrier_cli import findings as f
from barrier_cli.models.common import Day, Model, OneLine, PersonId, Problem, RecordModel, Text
from barrier_cli.models.settings import Deadlines

Reason = Literal["low_skill", "few_finds", "violations", "attitude", "other"]
PairingStatus = Literal["active", "basic", "full", "escalated", "ended"]
PAIRING_ID = r"^P-[0-9]{8}-[0-9A-Z]{2}$"


class Review(Model):
    date: Day
    by: PersonId
    note: Text = Field(min_length=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    import calendar

    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Pairing(RecordModel):
    id: Annotated[str, Field(pattern=PAIRING_ID)]
    mentor: PersonId
    person: PersonId
    unit: Annotated[str, Field(min_length=1)]
    start: Day
    reasons: list[Reason] = Field(min_length=1)
    plan: Text | None = None
    goals: list[OneLine] = []
    letter: Day | None = None
    reviews: list[Review] = []
    assistant: PersonId | None = None
    basic_on: Day | None = None
    full_on: Day | None = None
    status: PairingStatus = "active"
    ended: Day | None = None

    def basic_due(self, deadlines: Deadlines) -> dt.date:
        return add_months(self.start, deadlines.pairing_basic_months)

    def full_due(self, deadlines: Deadlines) -> dt.date:
        return add_months(self.start, deadlines.pairing_full_months)

    @property
    def escalated(self) -> bool:
        return self.status == "escalated" or self.assistant is not None

    def overdue_milestones(self, deadlines: Deadlines, today: dt.date) -> list[str]:
        """Milestones past due, not reached and not escalated: 'basic' and/or 'full'."""
        if self.status == "ended" or self.escalated or self.withdrawn is not None:
            return []
        late: list[str] = []
        if self.basic_on is None and self.full_on is None and self.basic_due(deadlines) < today:
            late.append("basic")
        if self.full_on is None and self.full_due(deadlines) < today:
            late.append("full")
        return late

    def problems(self, *, today: dt.date, deadlines: Deadlines) -> list[Problem]:
        out: list[Problem] = []
        for name in ("start", "letter", "basic_on", "full_on", "ended"):
            value = getattr(self, name)
            if value is not None and value > today:
                out.append(Problem(f.FUTURE_DATE, (name,), f"{name} {value} is in the future"))
        for name in ("letter", "basic_on", "full_on", "ended"):
            value = getattr(self, name)
            if value is not None and value < self.start:
                out.append(Problem(f.VALUE, (name,), f"{name} {value} is before the start"))
        if self.mentor == self.person:
            out.append(Problem(f.VALUE, ("mentor",), "the mentor and the person are the same"))
        if self.status == "basic" and self.basic_on is None:
            out.append(Problem(f.MISSING, ("status",), "status 'basic' needs 'basic_on'"))
        if self.status == "full" and self.full_on is None:
            out.append(Problem(f.MISSING, ("status",), "status 'full' needs 'full_on'"))
        if self.status == "ended" and self.ended is None:
            out.append(Problem(f.MISSING, ("status",), "status 'ended' needs 'ended'"))
        for n, review in enumerate(self.reviews):
            if review.date > today:
                out.append(
                    Problem(
                        f.FUTURE_DATE,
                        ("reviews", n, "date"),
                        f"review date {review.date} is in the future",
                    )
                )
        for milestone in self.overdue_milestones(deadlines, today):
            due = self.basic_due(deadlines) if milestone == "basic" else self.full_due(deadlines)
            out.append(
                Problem(
                    f.PAIRING_OVERDUE,
                    ("status",),
                    f"{milestone} turnaround was due {due} and is not recorded",
                    "record 'basic_on'/'full_on', or escalate: add a committee member as 'assistant'",
                )
            )
        return out
