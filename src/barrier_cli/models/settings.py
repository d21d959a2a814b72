"""barrier.yaml: the tree's settings. Every key has a default."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from barrier_cli.models.common import Model

Lang = Literal["zh", "en"]
Tier = Literal["member", "group", "branch"]
Period = Literal["day", "week", "month"]


class TierCadence(Model):
    """How often one tier of the network reports, and the least it must send each period."""

    period: Period
    min: int = Field(ge=0, description="minimum feedback per period (a duty day, ISO week, month)")


def _default_cadence() -> dict[Tier, TierCadence]:
    return {
        "member": TierCadence(period="day", min=1),
        "group": TierCadence(period="week", min=1),
        "branch": TierCadence(period="month", min=1),
    }


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


Risk = Literal["low", "medium", "high"]


def _default_weights() -> dict[Risk, int]:
    return {"low": 1, "medium": 3, "high": 9}


class Deadlines(Model):
    analyse_days: int = Field(default=3, ge=0)
    close_days: int = Field(default=28, ge=1)
    pairing_basic_months: int = Field(default=3, ge=1)
    pairing_full_months: int = Field(default=6, ge=1)
    reminders: list[int] = Field(default_factory=lambda: [7, 1, 0])
    backdate_days: int = Field(default=7, ge=0)
    feedback_days: int = Field(
        default=7, ge=0, description="days within which a reporter is told what became of it"
    )


class NoticeSettings(Model):
    issuer: str = "车间党总支"
    number: str = "车间党总支〔{year}〕{seq}号"
    recipients: list[str] = Field(default_factory=lambda: ["各党支部", "各党小组"])
    correction_days: int = Field(default=10, ge=1)


class Settings(Model):
    organisation: str = "车间"
    lang: Lang = "zh"
    cadence: dict[Tier, TierCadence] = Field(default_factory=_default_cadence)
    patrol: TierCadence = Field(
        default_factory=lambda: TierCadence(period="day", min=1),
        description="cadres' patrols (党员干部每天循环深入现场): per duty day by default",
    )
    working_days: list[Weekday] = Field(
        default_factory=lambda: list(WEEKDAYS[:5]),
        description="duty days of whoever no roster (roster.yaml) covers",
    )
    deadlines: Deadlines = Field(default_factory=Deadlines)
    closure: Literal["three", "four"] = "three"
    risk_weights: dict[Risk, int] = Field(default_factory=_default_weights)
    notice: NoticeSettings = Field(default_factory=NoticeSettings)

    def tier(self, name: Tier) -> TierCadence:
        return self.cadence.get(name) or _default_cadence()[name]
