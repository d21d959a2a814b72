"""barrier.yaml: the tree's settings. Every key has a default."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from barrier_cli.models.common import Model

Lang = Literal["zh", "en"]
Tier = Literal["member", "group", "branch"]
Period = Literal["day", "week", "month"]


class TierCadence(Model):
    """How often one tier of the network reports, and the least it must send in a month."""

    period: Period
    min: int = Field(ge=0, description="minimum reports per month")


def _default_cadence() -> dict[Tier, TierCadence]:
    return {
        "member": TierCadence(period="day", min=20),
        "group": TierCadence(period="week", min=4),
        "branch": TierCadence(period="month", min=1),
    }


Risk = Literal["low", "medium", "high"]


def _default_weights() -> dict[Risk, int]:
    return {"low": 1, "medium": 3, "high": 9}


class Deadlines(Model):
    analyse_days: int = Field(default=3, ge=0)
    close_days: int = Field(default=28, ge=1)
    pairing_basic_months: int = Field(default=3, ge=1)
    pairing_full_months: int = Field(default=6, ge=1)
    pairing_escalated_months: int = Field(default=3, ge=1)
    reminders: list[int] = Field(default_factory=lambda: [7, 1, 0])


class NoticeSettings(Model):
    issuer: str = "车间党总支"
    number: str = "车间党总支〔{year}〕{seq}号"
    recipients: list[str] = Field(default_factory=lambda: ["各党支部", "各党小组"])
    correction_days: int = Field(default=10, ge=1)


def _default_analysis_days() -> dict[str, int]:
    return {
        "extraordinary": 3,
        "major": 3,
        "large": 3,
        "general_a": 3,
        "general_b": 5,
        "general_c": 7,
        "general_d": 7,
        "precursor": 7,
        "violation_a": 3,
        "violation_b": 7,
    }


def _default_handover() -> dict[str, str]:
    # The source: 党员发生一般A类责任事故到组织部交班; serious 两违 go to the general branch.
    return {
        "extraordinary": "分局党委组织部",
        "major": "分局党委组织部",
        "large": "分局党委组织部",
        "general_a": "分局党委组织部",
        "violation_a": "车间党总支",
    }


Severity = Literal["serious", "general"]
Grade = Literal["A", "B"]


def _a_class() -> list[Severity]:
    return ["serious"]


def _grade_weights() -> dict[Grade, float]:
    return {"A": 3.0, "B": 1.0}


class Cases(Model):
    """典型案例 and 两违 grading: deadlines, handover levels, what counts as a generic measure."""

    analysis_days: dict[str, int] = Field(
        default_factory=_default_analysis_days,
        description="days from the incident to its analysis, by class "
        "(accident class, precursor, violation_a, violation_b)",
    )
    handover_levels: list[str] = Field(
        default_factory=lambda: ["车间党总支", "段党委", "分局党委组织部"],
        description="handover (交班) levels, lowest first",
    )
    handover: dict[str, str] = Field(
        default_factory=_default_handover,
        description="the lowest handover level each class of typical case needs",
    )
    generic_measures: list[str] = Field(
        default_factory=lambda: ["批评教育", "加强学习", "引以为戒", "加强教育", "吸取教训"],
        description="phrases that are no measure when they are a measure's whole text",
    )
    a_class_severities: list[Severity] = Field(
        default_factory=_a_class,
        description="两违 of these severities are A-class unless graded by hand",
    )
    grade_weights: dict[Grade, float] = Field(
        default_factory=_grade_weights,
        description="how much an A- or B-class 两违 weighs in scores",
    )


class KeyPersonRules(Model):
    """安全关键人: the signals that propose one, and how soon a confirmed one is paired."""

    weights: dict[str, float] = Field(
        default_factory=lambda: {
            "violation": 1.0,
            "quality": 1.0,
            "precursor": 1.0,
            "competence": 1.0,
            "few_finds": 1.0,
        },
        description="weight of each signal (violation, quality, precursor, competence, few_finds)",
    )
    threshold: float = Field(default=2.0, gt=0, description="signal weight that proposes")
    months: int = Field(default=3, ge=1, description="months of records looked at")
    few_finds_ratio: float = Field(
        default=0.3, gt=0, le=1, description="finds below this share of the group's mean"
    )
    pair_days: int = Field(default=14, ge=0, description="days to pair a confirmed key person")


class Settings(Model):
    organisation: str = "车间"
    lang: Lang = "zh"
    cadence: dict[Tier, TierCadence] = Field(default_factory=_default_cadence)
    deadlines: Deadlines = Field(default_factory=Deadlines)
    closure: Literal["three", "four"] = "three"
    risk_weights: dict[Risk, int] = Field(default_factory=_default_weights)
    notice: NoticeSettings = Field(default_factory=NoticeSettings)
    cases: Cases = Field(default_factory=Cases)
    key_persons: KeyPersonRules = Field(default_factory=KeyPersonRules)

    def tier(self, name: Tier) -> TierCadence:
        return self.cadence.get(name) or _default_cadence()[name]
