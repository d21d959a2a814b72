"""Roundup (周/月汇总反馈): a group leader's weekly or a branch's monthly feedback upward.

Drafted by `barrier roundup` from the level below (the members' items of the week; the
groups' weeks of the month), completed with the writer's own judgement, and saved as
``final``: only a final roundup is the week's or the month's feedback for the cadence.
``U-2026-W12-B1-G1`` is group B1-G1's week 12; ``U-2026-03-B1`` is branch B1's March.
"""

from __future__ import annotations

import calendar
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
    Problem,
    RecordModel,
    Text,
    UnitId,
)

ROUNDUP_ID = r"^U-[0-9]{4}-(W[0-9]{2}|[0-9]{2})-[A-Za-z0-9][A-Za-z0-9_.\-]*$"
PERIOD = r"^[0-9]{4}-(W(0[1-9]|[1-4][0-9]|5[0-3])|0[1-9]|1[0-2])$"
RoundupLevel = Literal["group", "branch"]
RoundupStatus = Literal["draft", "final"]


def roundup_id(period: str, unit: str) -> str:
    return f"U-{period}-{unit}"


def period_span(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of ``2026-W12`` (Monday to Sunday) or ``2026-03``."""
    year, _, rest = period.partition("-")
    if rest.startswith("W"):
        monday = dt.date.fromisocalendar(int(year), int(rest[1:]), 1)
        return monday, monday + dt.timedelta(days=6)
    month = int(rest)
    return dt.date(int(year), month, 1), dt.date(
        int(year), month, calendar.monthrange(int(year), month)[1]
    )


class Counts(Model):
    """Safety information of the period by element (三要素), and the nil returns beside it."""

    equipment: int = Field(default=0, ge=0)
    personnel: int = Field(default=0, ge=0)
    management: int = Field(default=0, ge=0)
    nil_returns: int = Field(default=0, ge=0, description="今日无异常: feedback, not information")


class Silent(Model):
    """A member (or group) that gave no feedback on some duty days (or weeks) of the period."""

    who: LocalId
    missed: list[OneLine] = Field(min_length=1)


class Roundup(RecordModel):
    id: Annotated[str, Field(pattern=ROUNDUP_ID)]
    level: RoundupLevel
    unit: UnitId
    period: Annotated[str, Field(pattern=PERIOD)]
    date: Day = Field(description="when it was written")
    by: PersonId
    status: RoundupStatus = "draft"
    counts: Counts = Field(default_factory=Counts)
    open: list[LocalId] = Field(default=[], description="reports of the period still open")
    escalate: list[LocalId] = Field(
        default=[], description="reports raised to the level above (high risk, 两违)"
    )
    silent: list[Silent] = Field(default=[], description="who gave no feedback, and when")
    violations: list[LocalId] = Field(
        default=[], description="branch: the 两违 of its members in the month, to analyse"
    )
    weeks: list[LocalId] = Field(default=[], description="branch: its groups' week roundups")
    judgement: Text | None = Field(
        default=None, description="the writer's own assessment and what is to be done"
    )

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        return period_span(self.period)

    def problems(self, *, today: dt.date) -> list[Problem]:
        out: list[Problem] = []
        if self.id != roundup_id(self.period, self.unit):
            out.append(
                Problem(
                    f.ID_FORMAT,
                    ("id",),
                    i18n._("id should be {roundup_id}").format(
                        roundup_id=roundup_id(self.period, self.unit)
                    ),
                )
            )
        weekly = "W" in self.period
        if weekly != (self.level == "group"):
            wanted = "a week (YYYY-Www)" if self.level == "group" else "a month (YYYY-MM)"
            out.append(
                Problem(
                    f.VALUE,
                    ("period",),
                    i18n._("a {level} roundup covers {wanted}").format(
                        level=self.level, wanted=wanted
                    ),
                )
            )
        try:
            first, _ = self.span
        except ValueError:
            out.append(
                Problem(
                    f.VALUE,
                    ("period",),
                    i18n._("{period} is not a real week").format(period=self.period),
                )
            )
            return out
        if self.date > today:
            out.append(
                Problem(
                    f.FUTURE_DATE,
                    ("date",),
                    i18n._("date {date} is in the future").format(date=self.date),
                )
            )
        elif self.date < first:
            out.append(
                Problem(
                    f.VALUE,
                    ("date",),
                    i18n._("written {date}, before {period}").format(
                        date=self.date, period=self.period
                    ),
                )
            )
        if self.status == "final" and not (self.judgement or "").strip():
            out.append(
                Problem(
                    f.MISSING,
                    ("judgement",),
                    i18n._("a final roundup needs the writer's judgement"),
                    i18n._(
                        "add 'judgement: ...' (what the week or month shows, what is to be done)"
                    ),
                )
            )
        return out
