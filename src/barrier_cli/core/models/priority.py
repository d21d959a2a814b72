"""保安全重点 adopted for a month (`barrier priorities adopt`): what, how, the responsible
unit and person, the deadline, and — filled in during the month — when it was done and what
shows it. One record per month, ``priorities/YYYY/S-YYYY-MM.yaml``; the month's analysis
reports each item's state (section 四)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr

from barrier_cli.core import findings as f
from barrier_cli.core.models.common import (
    Content,
    Day,
    Model,
    OneLine,
    PartnerId,
    PersonId,
    Problem,
    RecordModel,
    UnitId,
    empty_list,
)
from barrier_cli.core.models.report import Category
from barrier_cli.core.models.returns import MONTH

PRIORITIES_ID = r"^S-[0-9]{4}-(0[1-9]|1[0-2])$"


class MeasureTerm(Model):
    """When one measure of a priority is due: a one-off task by its day (``due``, 完成时限), or
    a standing duty done every shift, day, week or month (``every``, 每班执行) that is checked
    on a day (``check``, default the priority's ``due``)."""

    due: Day | None = None
    every: Literal["shift", "day", "week", "month"] | None = None
    check: Day | None = None
    done: Day | None = None
    """When a one-off task was done (the priority's own ``done`` marks the whole)."""
    name: OneLine | None = None
    """How the term names the measure (专项检查); else it is named by its number."""
    name_en: OneLine | None = None


class PriorityItem(Model):
    content: Annotated[OneLine, Content]
    """重点内容."""
    content_en: OneLine | None = None
    measures: list[Annotated[OneLine, Content]] = Field(min_length=1)
    measures_en: list[OneLine] | None = None
    """One for each of ``measures``, in the same order."""
    terms: list[MeasureTerm] | None = None
    """One for each of ``measures``, in the same order: its deadline or cadence. Without
    them every measure is due by ``due``."""
    unit: UnitId
    """责任单位."""
    owner: PersonId
    """责任人."""
    branches: list[UnitId] = empty_list()
    """The party branches that carry it out, each under its secretary, when ``unit`` (the
    general branch) and ``owner`` supervise them (各党支部负责、总支督导)."""
    partners: list[PartnerId] = empty_list()
    """The partner units (车站、信号楼…) the owner settles it with."""
    due: Day
    """完成时限: with ``terms``, the last of their days (the standing duties' check)."""
    basis: list[str] = empty_list()
    """The records the priority was drawn from."""
    category: Category | None = None
    """The report category it is against: next month's analysis judges its effect by the
    month's count of it."""
    done: Day | None = None
    evidence: list[OneLine] = empty_list()
    """What shows it was carried out: record ids or a short note."""
    evidence_en: list[OneLine] | None = None
    """One for each of ``evidence``, in the same order."""
    _written: str | None = PrivateAttr(default=None)

    def late(self, as_of: dt.date) -> list[tuple[str, dt.date]]:
        """Its one-off measures whose day passed before ``as_of`` with the measure not done by
        then, each with that day."""
        return [
            (measure, t.due)
            for measure, t in zip(self.measures, self.terms or (), strict=False)
            if t.due is not None and t.due < as_of and (t.done is None or t.done > as_of)
        ]

    def deadline(self, as_of: dt.date) -> dt.date:
        """The day the priority is judged by as of ``as_of``: the first day of a late one-off
        measure, else its own ``due``."""
        return min((day for _, day in self.late(as_of)), default=self.due)

    def term_problems(self, n: int, today: dt.date) -> list[Problem]:
        if self.terms is None:
            return []
        here: tuple[str | int, ...] = ("items", n, "terms")
        if len(self.terms) != len(self.measures):
            return [
                Problem(
                    f.VALUE,
                    here,
                    f"'terms' has {len(self.terms)} entries for {len(self.measures)} measures",
                    "give one term (due: DATE, or every: shift|day|week|month) for each measure",
                )
            ]
        out = []
        for m, term in enumerate(self.terms):
            if (term.due is None) == (term.every is None):
                out.append(
                    Problem(
                        f.VALUE,
                        (*here, m),
                        "a measure's term is either a one-off 'due' or a standing 'every'",
                    )
                )
                continue
            for key, day in (("due", term.due), ("check", term.check)):
                if day is not None and day > self.due:
                    out.append(
                        Problem(
                            f.VALUE,
                            (*here, m, key),
                            f"{key} {day} is after the priority's due {self.due}",
                            "the priority's 'due' is the last day of its measures",
                        )
                    )
            if term.check is not None and term.every is None:
                out.append(
                    Problem(
                        f.VALUE, (*here, m, "check"), "only a standing duty ('every') is checked"
                    )
                )
            if term.done is not None and term.done > today:
                out.append(
                    Problem(f.FUTURE_DATE, (*here, m, "done"), f"done {term.done} is in the future")
                )
        return out

    @property
    def written(self) -> str:
        """The content in the record's own words, when a language view put another text in
        its place: a proposal is the same priority when it says the same in them."""
        # pydantic's private store read directly: ``self._written`` goes through
        # BaseModel.__getattr__, some thirty times slower, and the analysis asks every record
        private = self.__pydantic_private__
        given: str | None = private.get("_written") if private else None
        return given if given is not None else self.content


class Priorities(RecordModel):
    id: Annotated[str, Field(pattern=PRIORITIES_ID)]
    month: Annotated[str, Field(pattern=MONTH)]
    """The month the priorities are for."""
    adopted: Day
    by: PersonId
    items: list[PriorityItem] = Field(min_length=1)

    def problems(self, *, today: dt.date) -> list[Problem]:
        out: list[Problem] = []
        if self.id != f"S-{self.month}":
            out.append(Problem(f.ID_FORMAT, ("id",), f"id should be S-{self.month}"))
        if self.adopted > today:
            out.append(
                Problem(f.FUTURE_DATE, ("adopted",), f"adopted {self.adopted} is in the future")
            )
        for n, item in enumerate(self.items):
            if item.done is not None and item.done > today:
                out.append(
                    Problem(
                        f.FUTURE_DATE, ("items", n, "done"), f"done {item.done} is in the future"
                    )
                )
            for name, given, english in (
                ("measures", item.measures, item.measures_en),
                ("evidence", item.evidence, item.evidence_en),
            ):
                if english is not None and len(english) != len(given):
                    out.append(
                        Problem(
                            f.VALUE,
                            ("items", n, f"{name}_en"),
                            f"'{name}_en' has {len(english)} lines for {len(given)} in '{name}'",
                            f"give one English line for each of '{name}', in the same order",
                        )
                    )
            out += item.term_problems(n, today)
            if item.done is not None and not item.evidence:
                out.append(
                    Problem(
                        f.MISSING,
                        ("items", n, "evidence"),
                        "a priority marked done needs 'evidence' (record ids or a short note)",
                    )
                )
        return out
