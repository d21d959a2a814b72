"""Rewards and penalties register (奖惩): commendations, rewards and penalties with their
level (车间/段/分局), amount, reason and the record they arose from."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import Day, OneLine, PersonId, Problem, RecordModel, UnitId

RewardKind = Literal["commendation", "reward", "penalty"]
Level = Literal["workshop", "depot", "division"]
"""车间, 段, 分局."""
REWARD_ID = r"^W-[0-9]{8}-[0-9A-Z]{2}$"


class Reward(RecordModel):
    id: Annotated[str, Field(pattern=REWARD_ID)]
    date: Day
    kind: RewardKind
    level: Level
    person: PersonId | None = None
    unit: UnitId | None = None
    amount: float | None = Field(default=None, ge=0)
    """Yuan."""
    reason: OneLine
    reason_en: OneLine | None = None
    record: str | None = None
    """The report, incident or assessment it arose from."""

    def problems(self, *, today: dt.date) -> list[Problem]:
        out: list[Problem] = []
        if self.date > today:
            out.append(
                Problem(
                    f.FUTURE_DATE,
                    ("date",),
                    i18n._("date {date} is in the future").format(date=self.date),
                )
            )
        if self.person is None and self.unit is None:
            out.append(Problem(f.MISSING, ("kind",), i18n._("name the 'person' or the 'unit'")))
        if self.kind == "commendation" and self.amount:
            out.append(
                Problem(
                    f.VALUE, ("amount",), i18n._("a commendation carries no amount: use 'reward'")
                )
            )
        return out
