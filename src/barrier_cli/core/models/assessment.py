"""Assessment: a branch or member scored against a standard for a month or a quarter."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import (
    Day,
    LocalId,
    Model,
    OneLine,
    PersonId,
    Points,
    Problem,
    RecordModel,
    empty_list,
)

PERIOD = r"^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$"
ASSESSMENT_ID = r"^A-[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])-[A-Za-z0-9][A-Za-z0-9_.\-]*$"


class ItemScore(Model):
    item: LocalId
    score: Points
    note: OneLine | None = None
    evidence: list[OneLine] = empty_list()
    """What the score rests on: record ids, or a line saying what was seen (entered items)."""


class Deduction(Model):
    item: LocalId
    points: Annotated[Points, Field(gt=0)]
    reason: OneLine
    ref: str | None = None


class Assessment(RecordModel):
    id: Annotated[str, Field(pattern=ASSESSMENT_ID)]
    period: Annotated[str, Field(pattern=PERIOD)]
    subject: LocalId
    standard: Literal["branch", "member"]
    items: list[ItemScore] = empty_list()
    deductions: list[Deduction] = empty_list()
    result: Literal["pass", "fail"] | None = None
    status: Literal["draft", "final"] = "draft"
    by: PersonId | None = None
    date: Day

    @property
    def total(self) -> float:
        """Computed, never typed: item scores less deductions."""
        return sum(i.score for i in self.items) - sum(d.points for d in self.deductions)

    def problems(self, *, today: dt.date) -> list[Problem]:
        out: list[Problem] = []
        if self.id != f"A-{self.period}-{self.subject}":
            out.append(
                Problem(
                    f.ID_FORMAT,
                    ("id",),
                    i18n._("id should be A-{period}-{subject}").format(
                        period=self.period, subject=self.subject
                    ),
                    i18n._("an assessment id is A-<period>-<subject>"),
                )
            )
        if self.date > today:
            out.append(
                Problem(
                    f.FUTURE_DATE,
                    ("date",),
                    i18n._("date {date} is in the future").format(date=self.date),
                )
            )
        if self.status == "final" and self.by is None:
            out.append(
                Problem(
                    f.MISSING, ("status",), i18n._("a final assessment names who made it ('by')")
                )
            )
        if self.standard == "member" and self.status == "final" and self.result is None:
            out.append(
                Problem(f.MISSING, ("status",), i18n._("a final member assessment needs 'result'"))
            )
        return out
