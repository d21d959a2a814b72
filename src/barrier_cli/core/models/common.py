"""Shared field types and the base of every record model.

Records come from YAML, which already types its values, so models are strict: a train
number written as ``41008`` (an int) is an error, not silently a string. Dates may also be
given as ISO strings, for records that arrive as JSON on stdin.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr
from pydantic_core import PydanticCustomError

from barrier_cli.core import findings as f
from barrier_cli.core import i18n

ID_CHARS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _as_date(value: Any) -> Any:
    """A date, or a YYYY-MM-DD string (records sent as JSON); errors are typed 'date_…'."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError(
            "date_with_time", i18n._("expected a date (YYYY-MM-DD), not a date and time")
        )
    if isinstance(value, str):
        try:
            if not ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError as e:
            raise PydanticCustomError(
                "date_invalid",
                i18n._("{value} is not a real date in YYYY-MM-DD form"),
                {"value": repr(value)},
            ) from e
    return value


def _is_local_id(value: str) -> str:
    if not ID_CHARS.fullmatch(value):
        raise ValueError(
            i18n._("ids use letters, digits, '_', '-' and '.', starting with a letter or digit")
        )
    return value


_ALNUM = re.compile(r"[^\W_]")
"""A character `str.isalnum` says yes to (the same test for every code point), found in C."""


def _has_content(value: str) -> str:
    if _ALNUM.search(value) is None:
        raise ValueError(i18n._("needs words, not only spaces or punctuation"))
    return value


Day = Annotated[dt.date, BeforeValidator(_as_date)]
LocalId = Annotated[str, AfterValidator(_is_local_id), Field(min_length=1, max_length=64)]
PersonId = LocalId
UnitId = LocalId
PartnerId = LocalId
OneLine = Annotated[str, Field(min_length=1, max_length=500, pattern=r"^[^\n]*\S[^\n]*$")]
Text = Annotated[str, Field(max_length=20000)]
Content = AfterValidator(_has_content)
"""What 三不放过 rests on (causes, findings, measures, analyses) says something: ' ' or '.' does not."""
MAX_POINTS = 1000
Points = Annotated[float, Field(ge=0, le=MAX_POINTS, allow_inf_nan=False)]
"""A score, maximum or deduction: a finite number (``.inf`` and ``.nan`` are YAML floats too)."""

ActionType = Literal["immediate", "corrective", "preventive"]


def empty_list() -> Any:
    """A list field's default: a new empty list for each record, made by pydantic's core.

    With ``= []`` pydantic deep-copies the shared default for every record that leaves the
    field out: four copies made a quarter of validating a report. The schema still says
    the default is ``[]``.
    """
    return Field(default_factory=list, json_schema_extra={"default": []})


class Model(BaseModel):
    """Base of every model: unknown keys are errors, values are taken as YAML typed them.

    Each model's validator is built when it first validates, not when its class is made: a
    command builds those of the kinds it meets, not of every model its imports define (a
    base class, a nested one its parent's validator already holds, another kind's)."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True, defer_build=True)


class Signed(Model):
    """Who did something, when and why: a withdrawal or an amendment."""

    date: Day
    by: PersonId
    reason: OneLine


class Urged(Model):
    """An overdue action pressed (督办): when, by whom, and the new day it is to be done by;
    what follows it is dated by the record, not by the document that asks."""

    date: Day
    by: PersonId
    due: Day


class Action(Model):
    """A corrective action of a report, or a measure of an incident."""

    action: Annotated[OneLine, Content]
    action_en: OneLine | None = None
    type: ActionType = "corrective"
    owner: PersonId | None = None
    due: Day | None = None
    done: Day | None = None
    verified_by: PersonId | None = None
    urged: Urged | None = None
    _written: str | None = PrivateAttr(default=None)
    """The action as the record words it, when a language view put another text in its
    place (`reports.names.in_language`)."""

    @property
    def written(self) -> str:
        """The action in the record's own words: whether a measure is specific (no stock
        phrase) is judged on them, in whatever language a document prints it."""
        # pydantic's private store read directly: ``self._written`` goes through
        # BaseModel.__getattr__, some thirty times slower, and the analysis asks every record
        private = self.__pydantic_private__
        given: str | None = private.get("_written") if private else None
        return given if given is not None else self.action


class RecordModel(Model):
    """Fields every record kind may carry (SPEC §2)."""

    tags: list[Annotated[str, Field(min_length=1, max_length=64)]] = empty_list()
    notes: Text | None = None
    withdrawn: Signed | None = None
    amendments: list[Signed] = empty_list()


Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """A rule one record breaks on its own; the checker turns it into a located finding."""

    code: str
    loc: Loc
    message: str
    hint: str = ""
    on_key: bool = False
    """Point at the key rather than the value (unknown and missing keys)."""


def action_problems(actions: list[Action], field: str, *, today: dt.date) -> list[Problem]:
    """Every action needs an owner and a due date; done dates are never in the future."""
    problems: list[Problem] = []
    for n, act in enumerate(actions):
        if act.owner is None:
            problems.append(
                Problem(
                    f.ACTION_OWNER,
                    (field, n),
                    i18n._("{field}[{n}] has no owner").format(field=field, n=n),
                    i18n._("add 'owner: <person id>'"),
                )
            )
        if act.due is None:
            problems.append(
                Problem(
                    f.ACTION_DUE,
                    (field, n),
                    i18n._("{field}[{n}] has no due date").format(field=field, n=n),
                    i18n._("add 'due: YYYY-MM-DD'"),
                )
            )
        if act.done is not None and act.done > today:
            problems.append(
                Problem(
                    f.FUTURE_DATE,
                    (field, n, "done"),
                    i18n._("done date {done} is in the future").format(done=act.done),
                )
            )
    return problems


def open_actions(actions: list[Action]) -> list[int]:
    return [n for n, act in enumerate(actions) if act.done is None]
