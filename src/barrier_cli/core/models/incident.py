"""Incident: an accident, a precursor (事故苗子) or a violation (两违), closed by 三不放过."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import (
    Action,
    Content,
    Day,
    Model,
    OneLine,
    PersonId,
    Problem,
    RecordModel,
    Text,
    UnitId,
    action_problems,
    empty_list,
    open_actions,
)
from barrier_cli.core.models.report import Element, closed_problems
from barrier_cli.core.models.settings import Cases

IncidentType = Literal["accident", "precursor", "violation"]
AccidentClass = Literal[
    "extraordinary", "major", "large", "general_a", "general_b", "general_c", "general_d"
]
# Classes that need a handover (交班) before closing: general class A or worse.
HANDOVER_CLASSES: frozenset[str] = frozenset({"extraordinary", "major", "large", "general_a"})
IncidentStatus = Literal["open", "analysing", "rectifying", "closed"]
INCIDENT_ID = r"^I-[0-9]{8}-[0-9A-Z]{2}$"


Grade = Literal["A", "B"]


class Violation(Model):
    kind: Literal["rule", "discipline"]
    severity: Literal["serious", "general"]
    person: PersonId
    grade: Grade | None = None
    """A/B by hand; else from ``cases.a_class_severities``."""


class Involved(Model):
    person: PersonId
    role: Literal["responsible", "involved", "witness"]


class TimelineEntry(Model):
    at: dt.datetime | dt.date | Annotated[str, Field(min_length=1, max_length=40)]
    event: OneLine
    event_en: OneLine | None = None


class LevelFindings(Model):
    general_branch: Text | None = None
    general_branch_en: Text | None = None
    branch: Text | None = None
    branch_en: Text | None = None
    member: Text | None = None
    member_en: Text | None = None


class Meeting(Model):
    date: Day
    kind: OneLine
    kind_en: OneLine | None = None
    attendees: list[PersonId] = empty_list()


class IncidentAnalysis(Model):
    levels: LevelFindings = Field(default_factory=LevelFindings)
    meeting: Meeting | None = None
    chain: Text | None = None
    """责任传递: how responsibility passed (or failed to pass) down the levels."""
    chain_en: Text | None = None
    effect: Text | None = None
    """落实效果: what the earlier measures achieved, and why they did not hold."""
    effect_en: Text | None = None


class Cause(Model):
    element: Element
    text: Annotated[Text, Field(min_length=1), Content]
    text_en: Text | None = None
    kind: Literal["subjective", "objective"]


class Responsibility(Model):
    person: PersonId | None = None
    unit: UnitId | None = None
    finding: Annotated[Text, Field(min_length=1), Content]
    finding_en: Text | None = None
    leader: PersonId | None = None
    """Who bears 领导责任 for a unit's finding (支部书记任辉): named apart from ``person``, as
    the rating holds the case's doers and overseers, not their branch's head, answerable."""
    action: Text | None = None
    """What the leader did to answer for it (作出书面检查)."""
    action_en: Text | None = None


class Accountability(Model):
    person: PersonId
    action: Literal["replaced", "warned", "deducted", "fined", "rewarded"]
    detail: Text | None = None
    detail_en: Text | None = None
    date: Day
    role: Literal["doer", "overseer"] | None = None
    """干惯者 (who did it) or 看惯者 (who looked on and let it become habit)."""
    amount: float | None = Field(default=None, ge=0)
    """Yuan, for a fine or a reward."""


class Education(Model):
    date: Day
    by: PersonId | None = None
    content: Annotated[Text, Field(min_length=1), Content]
    content_en: Text | None = None
    persons: list[PersonId] = empty_list()


class Handover(Model):
    level: OneLine
    date: Day


class Incident(RecordModel):
    id: Annotated[str, Field(pattern=INCIDENT_ID)]
    date: Day
    title: OneLine
    title_en: OneLine | None = None
    unit: UnitId
    type: IncidentType
    class_: AccidentClass | None = Field(default=None, alias="class")
    code: Annotated[str, Field(min_length=1, max_length=10)] | None = None
    violation: Violation | None = None
    train: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    location: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    location_en: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    description: Text | None = None
    description_en: Text | None = None
    persons: list[Involved] = empty_list()
    timeline: list[TimelineEntry] = empty_list()
    analysis: IncidentAnalysis | None = None
    causes: list[Cause] = empty_list()
    responsibility: list[Responsibility] = empty_list()
    measures: list[Action] = empty_list()
    education: list[Education] = empty_list()
    accountability: list[Accountability] = empty_list()
    handover: Handover | None = None
    status: IncidentStatus = "open"
    closed: Day | None = None
    reports: list[str] = empty_list()
    typical: bool = False
    """Marked as a typical case (典型案例): it follows the full procedure before closing."""

    def needs_handover(self) -> bool:
        serious = self.violation is not None and self.violation.severity == "serious"
        return serious or (self.type == "accident" and self.class_ in HANDOVER_CLASSES)

    def closure_gaps(
        self, closure: Literal["three", "four"], cases: Cases | None = None
    ) -> list[str]:
        """What 三不放过 (or 四不放过) still lacks before this case may be let go.

        A typical case also lacks every step of the typical-case procedure it has not taken
        (`typical_gaps`).
        """
        cases = cases or Cases()
        gaps: list[str] = []
        if not self.causes:
            gaps.append("causes")
        if not self.responsibility:
            gaps.append("responsibility")
        if not self.measures:
            gaps.append("measures")
        else:
            if any(m.owner is None or m.due is None or m.done is None for m in self.measures):
                gaps.append("measures not done")
            if all(generic_measure(m.written, cases) for m in self.measures):
                gaps.append("measures not specific")
        if closure == "four" and not self.education:
            gaps.append("education")
        if self.needs_handover() and self.handover is None:
            gaps.append("handover")
        if self.is_typical(cases):
            gaps.extend(g for g in typical_gaps(self, cases) if g not in gaps)
        return gaps

    def grade(self, cases: Cases) -> Grade | None:
        """A or B for a 两违: as graded by hand, else by its severity."""
        if self.violation is None:
            return None
        if self.violation.grade is not None:
            return self.violation.grade
        return "A" if self.violation.severity in cases.a_class_severities else "B"

    def is_typical(self, cases: Cases) -> bool:
        """典型案例: general-A accidents and worse, serious or A-class 两违, or marked."""
        return self.typical or self.needs_handover() or self.grade(cases) == "A"

    def class_key(self, cases: Cases) -> str:
        """The key of ``cases.analysis_days`` and ``cases.handover`` for this case."""
        if self.type == "accident":
            return self.class_ or "general_d"
        if self.type == "violation":
            return f"violation_{(self.grade(cases) or 'B').lower()}"
        return "precursor"

    def analysis_due(self, cases: Cases) -> dt.date:
        days = cases.analysis_days.get(self.class_key(cases), max(cases.analysis_days.values()))
        return self.date + dt.timedelta(days=days)

    def analysed_on(self) -> dt.date | None:
        """The day of the analysis meeting; the case's own day when analysed without one."""
        if self.analysis is not None and self.analysis.meeting is not None:
            return self.analysis.meeting.date
        if self.causes or self.status in ("rectifying", "closed"):
            return self.date
        return None

    def problems(
        self, *, today: dt.date, closure: Literal["three", "four"], cases: Cases | None = None
    ) -> list[Problem]:
        cases = cases or Cases()
        out: list[Problem] = []
        if self.date > today:
            out.append(
                Problem(
                    f.FUTURE_DATE,
                    ("date",),
                    i18n._("date {date} is in the future").format(date=self.date),
                )
            )
        if self.type == "accident" and self.class_ is None:
            out.append(
                Problem(
                    f.MISSING,
                    ("type",),
                    i18n._("an accident needs a 'class'"),
                    i18n._("one of general_a … general_d, large, major, extraordinary"),
                )
            )
        if self.type != "accident" and self.class_ is not None:
            out.append(
                Problem(
                    f.VALUE,
                    ("class",),
                    i18n._("'class' is for accidents, not a {type}").format(type=self.type),
                )
            )
        if self.type == "violation" and self.violation is None:
            out.append(
                Problem(
                    f.MISSING,
                    ("type",),
                    i18n._("a violation needs 'violation' (kind, severity, person)"),
                )
            )
        for n, resp in enumerate(self.responsibility):
            if resp.person is None and resp.unit is None:
                out.append(
                    Problem(
                        f.MISSING,
                        ("responsibility", n),
                        i18n._("a responsibility finding names a 'person' or a 'unit'"),
                    )
                )
        out.extend(action_problems(self.measures, "measures", today=today))
        out.extend(generic_measure_problems(self, cases))
        out.extend(closed_problems(self.status == "closed", self.closed, self.date, today))
        if self.status == "closed":
            out.extend(self._closure_problems(closure, cases))
        return out

    def _closure_problems(self, closure: Literal["three", "four"], cases: Cases) -> list[Problem]:
        gaps = self.closure_gaps(closure, cases)
        rule = "四不放过" if closure == "four" else "三不放过"
        out: list[Problem] = []
        missing = [g for g in gaps if g in ("causes", "responsibility", "measures", "education")]
        if missing:
            out.append(
                Problem(
                    f.CLOSURE,
                    ("status",),
                    i18n._("closed against {rule}: no {join}").format(
                        rule=rule, join=i18n._(", no ").join(i18n._(gap) for gap in missing)
                    ),
                    i18n._(
                        "a case is closed only when cause, responsibility and measures are clear"
                    ),
                )
            )
        for n in open_actions(self.measures):
            out.append(
                Problem(
                    f.ACTION_NOT_DONE,
                    ("measures", n),
                    i18n._("closed while measures[{n}] is not done").format(n=n),
                )
            )
        if "handover" in gaps:
            out.append(
                Problem(
                    f.HANDOVER,
                    ("status",),
                    i18n._(
                        "a serious violation or class-A-or-worse accident needs a 'handover' (交班) before closing"
                    ),
                    i18n._("add 'handover: {level, date}'"),
                )
            )
        out.extend(
            Problem(
                f.CASE_STEP,
                ("status",),
                i18n._("typical case (典型案例) closed without {item}").format(
                    item=i18n._(TYPICAL_STEPS[g][0])
                ),
                i18n._(TYPICAL_STEPS[g][1]),
            )
            for g in gaps
            if g in TYPICAL_STEPS
        )
        if "measures not specific" in gaps:
            out.append(
                Problem(
                    f.CLOSURE,
                    ("measures",),
                    i18n._(
                        "closed against {rule}: every measure is a generic phrase (措施不具体)"
                    ).format(rule=rule),
                    i18n._("name what will change, who does it, by when, and who verifies it"),
                )
            )
        return out


# The typical-case procedure (典型案例), step → (what is missing, how to add it).
TYPICAL_STEPS: dict[str, tuple[str, str]] = {
    "timeline": (
        "问题查清: no timeline of what happened",
        "add 'timeline: [{at, event}, …]' in time order",
    ),
    "meeting": (
        "a 支委会 analysis: no meeting with its date and attendees",
        "add 'analysis.meeting: {date, kind: 支委会, attendees: [...]}'",
    ),
    "levels": (
        "the three-level analysis (总支、支部、党员)",
        "fill 'analysis.levels' general_branch, branch and member",
    ),
    "chain": (
        "责任传递 and 落实效果 in the analysis",
        "add 'analysis.chain' and 'analysis.effect'",
    ),
    "accountability": (
        "责任追究: nobody is held responsible",
        "add 'accountability: [{person, action, date, role}]'",
    ),
    "overseer": (
        "the 看惯者 behind the 干惯者 in 责任追究",
        "hold the one who looked on accountable too: 'role: overseer' (e.g. a replaced leader)",
    ),
    "handover_level": (
        "交班 at the level its class needs",
        "hand over at 'cases.handover' of barrier.yaml or higher",
    ),
    "specific_measures": (
        "specific measures: each with owner, due and verification, none a generic phrase",
        "give every measure 'owner', 'due' and 'verified_by', and say what changes",
    ),
}


def generic_measure(text: str, cases: Cases) -> bool:
    """A measure whose whole text is stock phrases (批评教育, 加强学习, 引以为戒 …)."""
    rest, hit = text, False
    for phrase in sorted(cases.generic_measures, key=len, reverse=True):
        if phrase in rest:
            hit, rest = True, rest.replace(phrase, "")
    return hit and rest.strip(GLUE) == ""


GLUE = " \t、，,。.;；!！和及并对当事人员进行全体职工认真深刻要"
"""What may surround stock phrases without making them a measure: '对当事人进行批评教育'."""


def typical_gaps(case: Incident, cases: Cases) -> list[str]:
    """The typical-case steps this case has not taken, in the procedure's order."""
    gaps: list[str] = []
    if not case.timeline:
        gaps.append("timeline")
    analysis = case.analysis
    meeting = analysis.meeting if analysis is not None else None
    if meeting is None or not meeting.attendees:
        gaps.append("meeting")
    levels = analysis.levels if analysis is not None else LevelFindings()
    if not all((levels.general_branch, levels.branch, levels.member)):
        gaps.append("levels")
    if analysis is None or not analysis.chain or not analysis.effect:
        gaps.append("chain")
    if not case.accountability:
        gaps.append("accountability")
    elif case.type == "accident" and not any(a.role == "overseer" for a in case.accountability):
        gaps.append("overseer")
    if case.handover is not None and not handover_high_enough(case, cases):
        gaps.append("handover_level")
    # A measure is verified once done: one still under way lacks no verifier yet.
    if not case.measures or any(
        m.owner is None
        or m.due is None
        or (m.done is not None and m.verified_by is None)
        or generic_measure(m.written, cases)
        for m in case.measures
    ):
        gaps.append("specific_measures")
    return gaps


def handover_high_enough(case: Incident, cases: Cases) -> bool:
    """Handed over at the level its class needs (``cases.handover``) or higher."""
    required = cases.handover.get(case.class_key(cases))
    levels = cases.handover_levels
    if case.handover is None:
        return required is None
    if required is None or required not in levels:
        return True
    given = case.handover.level
    return given in levels and levels.index(given) >= levels.index(required)


def generic_measure_problems(case: Incident, cases: Cases) -> list[Problem]:
    return [
        Problem(
            f.GENERIC_MEASURE,
            ("measures", n, "action"),
            i18n._("measures[{n}] '{action}' is a generic phrase, not a measure").format(
                n=n, action=m.written
            ),
            i18n._("say what will change, on which post or link, and how it is checked"),
        )
        for n, m in enumerate(case.measures)
        if generic_measure(m.written, cases)
    ]
