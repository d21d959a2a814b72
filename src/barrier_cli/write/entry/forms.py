"""Which fields each kind asks when a record is first entered, and what the model cannot say.

The questions themselves come from the model, in its field order. A form only names the
fields that belong to a later stage of the record's life (analysis, actions, closure: they
are added by other commands or by editing), which fields refer to people, units and
partners, when a question applies, and how its default follows from earlier answers.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from barrier_cli.core.models.common import RecordModel
from barrier_cli.write.entry.context import EntryContext
from barrier_cli.write.entry.questions import Answers, Question, Ref, question_for, strip_optional

Default = Callable[[Answers, EntryContext], Any]
# Fields every record carries but nobody types at entry: withdrawal, amendments, free tags.
_COMMON = frozenset(RecordModel.model_fields) | {"id"}


def _english(key: str) -> bool:
    """``summary_en`` and the like: what English documents print, written in when the record
    is put into English (by editing), never asked while it is first entered."""
    return key.endswith("_en")


def _today(answers: Answers, ctx: EntryContext) -> Any:
    return ctx.today


def _me(answers: Answers, ctx: EntryContext) -> Any:
    """The person entering: remembered from the last entry, else $BARRIER_USER."""
    for candidate in (ctx.remembered.get("reporter"), os.environ.get("BARRIER_USER")):
        if candidate and candidate in ctx.people:
            return candidate
    return None


def _unit_of(person_field: str) -> Default:
    def default(answers: Answers, ctx: EntryContext) -> Any:
        return ctx.unit_of(answers.get(person_field))

    return default


def _my_unit(answers: Answers, ctx: EntryContext) -> Any:
    return ctx.unit_of(_me(answers, ctx))


def _is(name: str, value: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get(name) == value


@dataclass(frozen=True)
class Form:
    kind: str
    model_at: str
    """``module:Model`` under `barrier_cli.core.models`, imported when the form is used: an
    add builds the model of its own kind only."""
    later: frozenset[str] = frozenset()
    """Fields of later stages, not asked at entry."""
    refs: Mapping[str, Ref] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    when: Mapping[str, Callable[[Answers], bool]] = field(default_factory=dict)
    required_when_asked: frozenset[str] = frozenset()
    defaults: Mapping[str, Default] = field(default_factory=dict)
    nested: frozenset[str] = frozenset()
    """Mapping fields asked field by field (``violation`` → kind, severity, person)."""
    dated: str | None = None
    """The date that makes the record late when long past (``deadlines.backdate_days``)."""
    _derived: list[Question] = field(default_factory=list, compare=False, repr=False)

    @property
    def model(self) -> type[BaseModel]:
        module, name = self.model_at.split(":")
        model: type[BaseModel] = getattr(
            importlib.import_module(f"barrier_cli.core.models.{module}"), name
        )
        return model

    def questions(self) -> list[Question]:
        """The questions, derived from the model once (every answer's check asks for them)."""
        if not self._derived:
            self._derived.extend(self._derive())
        return list(self._derived)

    def _derive(self) -> list[Question]:
        out: list[Question] = []
        for name, info in self.model.model_fields.items():
            key = info.alias or name
            if key in _COMMON or key in self.later or _english(key):
                continue
            if key in self.nested:
                out.extend(self._nested(key, info.annotation))
                continue
            out.append(
                question_for(
                    self.model,
                    name,
                    info,
                    ref=self.refs.get(key),
                    labels=self.labels.get(key),
                    when=self.when.get(key),
                    required=True if key in self.required_when_asked else None,
                )
            )
        return out

    def _nested(self, key: str, annotation: Any) -> list[Question]:
        sub_model, _ = strip_optional(annotation)
        return [
            question_for(
                sub_model,
                name,
                info,
                prefix=f"{key}.",
                ref=self.refs.get(f"{key}.{info.alias or name}"),
                labels=self.labels.get(f"{key}.{info.alias or name}"),
                when=self.when.get(key),
            )
            for name, info in sub_model.model_fields.items()
            if not _english(info.alias or name)
        ]

    def default(self, question: Question, answers: Answers, ctx: EntryContext) -> Any:
        compute = self.defaults.get(question.name)
        if compute is not None:
            value = compute(answers, ctx)
            if value is not None:
                return value
        return question.default


REPORT = Form(
    "report",
    "report:Report",
    later=frozenset({"filed", "hazard", "status", "analysis", "actions", "closed", "adopted"}),
    refs={
        "reporter": "person",
        "unit": "unit",
        "partner": "partner",
        "persons": "person",
        "links": "record",
        "train": "train",
        "vehicle": "vehicle",
        "location": "location",
    },
    when={"partner": _is("source", "joint_labour")},
    required_when_asked=frozenset({"partner"}),
    defaults={"date": _today, "reporter": _me, "unit": _unit_of("reporter")},
    dated="date",
)

INCIDENT = Form(
    "incident",
    "incident:Incident",
    later=frozenset(
        {
            "persons",
            "timeline",
            "analysis",
            "causes",
            "responsibility",
            "measures",
            "education",
            "accountability",
            "handover",
            "status",
            "closed",
            "typical",
        }
    ),
    refs={
        "unit": "unit",
        "violation.person": "person",
        "reports": "record",
        "train": "train",
        "location": "location",
    },
    labels={
        "type": "incident_type",
        "class": "accident_class",
        "violation.kind": "violation_kind",
    },
    when={
        "class": _is("type", "accident"),
        "code": _is("type", "accident"),
        "violation": _is("type", "violation"),
    },
    required_when_asked=frozenset({"class"}),
    nested=frozenset({"violation"}),
    defaults={"date": _today, "unit": _my_unit},
    dated="date",
)

PAIRING = Form(
    "pairing",
    "pairing:Pairing",
    later=frozenset(
        {"reviews", "assistant", "escalated_on", "basic_on", "full_on", "status", "ended"}
    ),
    refs={"mentor": "person", "person": "person", "unit": "unit"},
    labels={"reasons": "reason"},
    defaults={"start": _today, "unit": _unit_of("person")},
)

REVIEW = Form(
    "review",
    "pairing:Review",
    refs={"by": "person"},
    defaults={"date": _today, "by": _me},
)

FORMS = {form.kind: form for form in (REPORT, INCIDENT, PAIRING, REVIEW)}
