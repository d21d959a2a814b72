"""Competence (素质): 应知一口清 / 应会一手精 checks, 双学双提 study and the 四赛 contests.

One record per event: who was checked or took part, and how each did. The results feed
the member assessment (一口清、一手精) and propose key persons (a failed check).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import (
    Day,
    Model,
    OneLine,
    PersonId,
    Problem,
    RecordModel,
    UnitId,
    empty_list,
)

CompetenceKind = Literal["knows", "skills", "study", "contest"]
"""knows 应知一口清 check, skills 应会一手精 check, study 双学双提, contest 四赛."""
Contest = Literal["joint", "versus", "arena", "upgrade"]
"""四赛: 联手赛、对抗赛、擂台赛、升格赛."""
COMPETENCE_ID = r"^C-[0-9]{8}-[0-9A-Z]{2}$"


class CompetenceResult(Model):
    person: PersonId
    passed: bool
    score: float | None = Field(default=None, ge=0, le=100)
    place: int | None = Field(default=None, ge=1)
    note: OneLine | None = None


class Competence(RecordModel):
    id: Annotated[str, Field(pattern=COMPETENCE_ID)]
    date: Day
    unit: UnitId
    kind: CompetenceKind
    contest: Contest | None = None
    title: OneLine
    title_en: OneLine | None = None
    by: PersonId | None = None
    results: list[CompetenceResult] = empty_list()

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
        if (self.kind == "contest") != (self.contest is not None):
            out.append(
                Problem(
                    f.VALUE,
                    ("kind",),
                    i18n._(
                        "a contest names which of the 四赛 it was ('contest'), nothing else does"
                    ),
                    i18n._("contest: joint | versus | arena | upgrade"),
                )
            )
        if self.kind in ("knows", "skills") and not self.results:
            out.append(
                Problem(f.MISSING, ("kind",), i18n._("a check records each person's 'results'"))
            )
        seen: set[str] = set()
        for n, result in enumerate(self.results):
            if result.person in seen:
                out.append(
                    Problem(
                        f.VALUE,
                        ("results", n, "person"),
                        i18n._("{person} is listed twice").format(person=result.person),
                    )
                )
            seen.add(result.person)
        return out
