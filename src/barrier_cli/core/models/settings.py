"""barrier.yaml: the tree's settings. Every key has a default."""

from __future__ import annotations

import re
import string
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from barrier_cli.core import i18n
from barrier_cli.core.i18n import Lang
from barrier_cli.core.models.common import Model, OneLine
from barrier_cli.core.tree_root import DEFAULT_TIMEZONE

Tier = Literal["member", "group", "branch"]
Period = Literal["day", "week", "month"]

# Upper bounds of the settings: far beyond any real workshop, low enough that every date
# computed from them exists and every figure weighted by them stays a plain number.
MAX_DAYS = 3650
MAX_MONTHS = 60
MAX_WEIGHT = 1000
MAX_PER_PERIOD = 1000
Days = Annotated[int, Field(ge=0, le=MAX_DAYS)]
_NUMBER_FIELDS = frozenset({"year", "seq"})
# A small fill/alignment and width, nothing that could name another field or grow the text.
_NUMBER_SPEC = re.compile(r"(?:[^{}\n]?[<>^=])?0?[0-9]?d?")


def _number_format(value: str) -> str:
    """Only ``{year}`` and ``{seq}`` with a width of at most 9: nothing else is formatted."""
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError as e:
        raise ValueError(
            i18n._("not a number format ({e}); literal braces are written {{{{ }}}}").format(e=e)
        ) from e
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in _NUMBER_FIELDS:
            raise ValueError(
                i18n._(
                    "{{{name}}} is not allowed: the number format knows {{year}} and {{seq}}"
                ).format(name=name)
            )
        if conversion is not None or not _NUMBER_SPEC.fullmatch(spec or ""):
            raise ValueError(
                i18n._(
                    "{{{name}{value}{value2}}} is not allowed: write {{year}}, {{seq}} or a small width such as {{seq:03d}}"
                ).format(
                    name=name,
                    value="!" + conversion if conversion else "",
                    value2=":" + spec if spec else "",
                )
            )
    return value


def _known_zone(value: str) -> str:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(value)
    except (ValueError, KeyError, OSError) as e:  # OSError: a folder of zones, "Asia"
        raise ValueError(
            i18n._(
                "unknown time zone {value!r}; write an IANA name such as {DEFAULT_TIMEZONE}"
            ).format(value=value, DEFAULT_TIMEZONE=DEFAULT_TIMEZONE)
        ) from e
    return value


NumberFormat = Annotated[OneLine, Field(max_length=100), AfterValidator(_number_format)]
TimeZone = Annotated[
    str,
    Field(min_length=1, max_length=64, description="IANA time zone in which 'today' is taken"),
    AfterValidator(_known_zone),
]


class TierCadence(Model):
    """How often one tier of the network reports, and the least it must send each period."""

    period: Period
    min: int = Field(
        ge=0,
        le=MAX_PER_PERIOD,
        description="minimum feedback per period (a duty day, ISO week, month)",
    )


def _default_cadence() -> dict[Tier, TierCadence]:
    return {
        "member": TierCadence(period="day", min=1),
        "group": TierCadence(period="week", min=1),
        "branch": TierCadence(period="month", min=1),
    }


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


Risk = Literal["low", "medium", "high"]


Weight = Annotated[int, Field(ge=0, le=MAX_WEIGHT)]


def _default_weights() -> dict[Risk, int]:
    return {"low": 1, "medium": 3, "high": 9}


class Deadlines(Model):
    analyse_days: int = Field(default=3, ge=0, le=MAX_DAYS)
    close_days: int = Field(default=28, ge=1, le=MAX_DAYS)
    pairing_basic_months: int = Field(default=3, ge=1, le=MAX_MONTHS)
    pairing_full_months: int = Field(default=6, ge=1, le=MAX_MONTHS)
    pairing_escalated_months: int = Field(default=3, ge=1, le=MAX_MONTHS)
    reminders: list[Days] = Field(default_factory=lambda: [7, 1, 0], max_length=20)
    backdate_days: int = Field(default=7, ge=0, le=MAX_DAYS)
    feedback_days: int = Field(
        default=7,
        ge=0,
        le=MAX_DAYS,
        description="days within which a reporter is told what became of it",
    )


class NoticeSettings(Model):
    """Each ``*_en`` key is what an English document prints instead of the key before it;
    left out, the English document prints the key itself: no name is ever made up."""

    issuer: OneLine = "车间党总支"
    issuer_en: OneLine | None = None
    number: NumberFormat = "车间党总支〔{year}〕{seq}号"
    number_en: NumberFormat | None = None
    recipients: list[OneLine] = Field(
        default_factory=lambda: ["各党支部", "各党小组"], max_length=100
    )
    recipients_en: list[OneLine] | None = Field(default=None, max_length=100)
    correction_days: int = Field(default=10, ge=1, le=MAX_DAYS)
    authority: OneLine | None = None
    """发文机关标志, e.g. 中共XX车辆段列检车间总支部委员会; default: the issuer's name."""
    authority_en: OneLine | None = None
    copy_to: list[OneLine] = Field(default_factory=list, max_length=100)
    copy_to_en: list[OneLine] | None = Field(default=None, max_length=100)
    printer: OneLine | None = None
    """印发机关; default: the issuer."""
    printer_en: OneLine | None = None
    self_review: bool = True
    """The issuer's own lapses in a 自查 paragraph (False: left out of the notice)."""


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
    handover_levels_en: list[OneLine] | None = Field(
        default=None,
        description="the same levels in English, in the same order, for English documents",
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

    @model_validator(mode="after")
    def _levels_named_once_each(self) -> Cases:
        english = self.handover_levels_en
        if english is not None:
            if len(english) != len(self.handover_levels):
                raise ValueError(
                    i18n._(
                        "handover_levels_en names {given} levels; handover_levels has {count}: "
                        "give each level its English name, in the same order"
                    ).format(given=len(english), count=len(self.handover_levels))
                )
            if len(set(english)) != len(english):
                raise ValueError(i18n._("handover_levels_en names one level twice"))
        return self


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
    organisation: OneLine = "车间"
    organisation_en: OneLine | None = None
    """The organisation's name in English documents; default: ``organisation``."""
    lang: Lang = "zh"
    timezone: TimeZone = DEFAULT_TIMEZONE
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
    risk_weights: dict[Risk, Weight] = Field(default_factory=_default_weights)
    notice: NoticeSettings = Field(default_factory=NoticeSettings)
    cases: Cases = Field(default_factory=Cases)
    key_persons: KeyPersonRules = Field(default_factory=KeyPersonRules)

    def tier(self, name: Tier) -> TierCadence:
        return self.cadence.get(name) or _default_cadence()[name]
