"""Incident: an accident, a precursor (事故苗子) or a violation (两违), closed by 三不放过."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from barrier_cli import findings as f
from barrier_cli.models.common import (
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
    open_actions,
)
from barrier_cli.models.report import Element, closed_problems

IncidentType = Literal["accident", "precursor", "violation"]
AccidentClass = Literal[
    "extraordinary", "major", "large", "general_a", "general_b", "general_c", "general_d"
]
# Classes that need a handover (交班) before closing: general class A or worse.
HANDOVER_CLASSES: frozenset[str] = frozenset({"extraordinary", "major", "large", "general_a"})
IncidentStatus = Literal["open", "analysing", "rectifying", "closed"]
INCIDENT_ID = r"^I-[0-9]{8}-[0-9A-Z]{2}$"


class Violation(Model):
    kind: Literal["rule", "discipline"]
    severity: Literal["serious", "general"]
    person: PersonId


class Involved(Model):
    person: PersonId
    role: Literal["responsible", "involved", "witness"]


class TimelineEntry(Model):
    at: dt.datetime | dt.date | Annotated[str, Field(min_length=1, max_length=40)]
    event: OneLine


class LevelFindings(Model):
    general_branch: Text | None = None
    branch: Text | None = None
    member: Text | None = None


class Meeting(Model):
    date: Day
    kind: OneLine


class IncidentAnalysis(Model):
    levels: LevelFindings = Field(default_factory=LevelFindings)
    meeting: Meeting | None = None


class Cause(Model):
    element: Element
    text: Annotated[Text, Field(min_length=1), Content]
    kind: Literal["subjective", "objective"]


class Responsibility(Model):
    person: PersonId | None = None
    unit: UnitId | None = None
    finding: Annotated[Text, Field(min_length=1), Content]


class Accountability(Model):
    person: PersonId
    action: Literal["replaced", "warned", "deducted", "fined", "rewarded"]
    detail: Text | None = None
    date: Day


class Education(Model):
    date: Day
    by: PersonId | None = None
    content: Annotated[Text, Field(min_length=1), Content]
    persons: list[PersonId] = []


class Handover(Model):
    level: OneLine
    date: Day


class Incident(RecordModel):
    id: Annotated[str, Field(pattern=INCIDENT_ID)]
    date: Day
    title: OneLine
    unit: UnitId
    type: IncidentType
    class_: AccidentClass | None = Field(default=None, alias="class")
    code: Annotated[str, Field(min_length=1, max_length=10)] | None = None
    violation: Violation | None = None
    train: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    location: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    description: Text | None = None
    persons: list[Involved] = []
    timeline: list[TimelineEntry] = []
    analysis: IncidentAnalysis | None = None
    causes: list[Cause] = []
    responsibility: list[Responsibility] = []
    measures: list[Action] = []
    education: list[Education] = []
    accountability: list[Accountability] = []
    handover: Handover | None = None
    status: IncidentStatus = "open"
    closed: Day | None = None
    reports: list[str] = []

    def needs_handover(self) -> bool:
        serious = self.violation is not None and self.violation.severity == "serious"
        return serious or (self.type == "accident" and self.class_ in HANDOVER_CLASSES)

    def closure_gaps(self, closure: Literal["three", "four"]) -> list[str]:
        """What 三不放过 (or 四不放过) still lacks before this case may be let go."""
        gaps: list[str] = []
        if not self.causes:
            gaps.append("causes")
        if not self.responsibility:
            gaps.append("responsibility")
        if not self.measures:
            gaps.append("measures")
        elif any(m.owner is None or m.due is None or m.done is None for m in self.measures):
            gaps.append("measures not done")
        if closure == "four" and not self.education:
            gaps.append("education")
        if self.needs_handover() and self.handover is None:
            gaps.append("handover")
        return gaps

    def problems(self, *, today: dt.date, closure: Literal["three", "four"]) -> list[Problem]:
        out: list[Problem] = []
        if self.date > today:
            out.append(Problem(f.FUTURE_DATE, ("date",), f"date {self.date} is in the future"))
        if self.type == "accident" and self.class_ is None:
            out.append(
                Problem(
                    f.MISSING,
                    ("type",),
                    "an accident needs a 'class'",
                    "one of general_a … general_d, large, major, extraordinary",
                )
            )
        if self.type != "accident" and self.class_ is not None:
            out.append(Problem(f.VALUE, ("class",), f"'class' is for accidents, not a {self.type}"))
        if self.type == "violation" and self.violation is None:
            out.append(
                Problem(
                    f.MISSING, ("type",), "a violation needs 'violation' (kind, severity, person)"
                )
            )
        for n, resp in enumerate(self.responsibility):
            if resp.person is None and resp.unit is None:
                out.append(
                    Problem(
                        f.MISSING,
                        ("responsibility", n),
                        "a responsibility finding names a 'person' or a 'unit'",
                    )
                )
        out.extend(action_problems(self.measures, "measures", today=today))
        out.extend(closed_problems(self.status == "closed", self.closed, self.date, today))
        if self.status == "closed":
            out.extend(self._closure_problems(closure))
        return out

    def _closure_problems(self, closure: Literal["three", "four"]) -> list[Problem]:
        gaps = self.closure_gaps(closure)
        rule = "四不放过" if closure == "four" else "三不放过"
        out: list[Problem] = []
        missing = [g for g in gaps if g in ("causes", "responsibility", "measures", "education")]
        if missing:
            out.append(
                Problem(
                    f.CLOSURE,
                    ("status",),
                    f"closed against {rule}: no {', no '.join(missing)}",
                    "a case is closed only when cause, responsibility and measures are clear",
                )
            )
        for n in open_actions(self.measures):
            out.append(
                Problem(
                    f.ACTION_NOT_DONE, ("measures", n), f"closed while measures[{n}] is not done"
                )
            )
        if "handover" in gaps:
            out.append(
                Problem(
                    f.HANDOVER,
                    ("status",),
                    "a serious violation or class-A-or-worse accident needs a "
                    "'handover' (交班) before closing",
                    "add 'handover: {level, date}'",
                )
            )
        return out
