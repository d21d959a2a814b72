"""Every choice a record or the settings offer has a zh and an en label, found from its field."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any, Literal

import pytest
from babel.messages.pofile import read_po
from pydantic import BaseModel

from barrier_cli.core import i18n
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.labels import LABELS, group_of, label
from barrier_cli.core.models import Incident
from barrier_cli.core.models.settings import Settings

with (i18n.LOCALE / "zh" / "LC_MESSAGES" / "labels.po").open("rb") as _po:
    ZH_LABELS = {(m.context, str(m.id)): str(m.string) for m in read_po(_po) if m.id}
"""The zh catalogue itself: a label it lacks would fall back to the English unnoticed."""


def choices(annotation: Any) -> tuple[str, ...]:
    """The literal values a field may hold, however wrapped (optional, list, dict keys)."""
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return typing.get_args(annotation)
    return tuple(v for arg in typing.get_args(annotation) for v in choices(arg))


def models_within(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from models_within(arg)


def every_model() -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []
    todo: list[type[BaseModel]] = [k.model for k in KINDS.values()]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            todo.extend(models_within(info.annotation))
    return seen


CHOICE_FIELDS = [
    (model, info.alias or name, values)
    for model in every_model()
    for name, info in model.model_fields.items()
    if (values := choices(info.annotation))
]


def test_the_walk_reaches_settings_and_nested_models() -> None:
    names = {model.__name__ for model, _, _ in CHOICE_FIELDS}
    assert {"Settings", "Cause", "Violation", "Report", "Reward"} <= names
    assert len(CHOICE_FIELDS) > 30


@pytest.mark.parametrize(
    ("model", "key", "values"),
    CHOICE_FIELDS,
    ids=[f"{m.__name__}.{k}" for m, k, _ in CHOICE_FIELDS],
)
def test_every_choice_value_has_a_zh_and_an_en_label(
    model: type[BaseModel], key: str, values: tuple[str, ...]
) -> None:
    group = group_of(model, key)
    assert group is not None, f"{model.__name__}.{key} has no labels group"
    for value in values:
        en = LABELS[group].get(value, "")
        assert en, f"{model.__name__}.{key}: {value!r} lacks a label in {group}"
        zh = ZH_LABELS.get((f"label:{group}", en), "")
        assert zh, f"labels.po lacks the zh of {group} {en!r}"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh) or zh == en, (group, value)
        assert label(group, value, "zh") == zh and label(group, value, "en") == en


def test_a_field_named_alike_on_two_models_takes_each_models_own_labels() -> None:
    assert group_of(Incident, "status") == "incident_status"
    assert label(group_of(Incident, "status") or "", "analysing") == "分析中"
    assert group_of(Settings, "working_days") == "weekday"
    cause = next(m for m in every_model() if m.__name__ == "Cause")
    assert label(group_of(cause, "kind") or "", "subjective") == "主观"
    assert label(group_of(cause, "kind") or "", "subjective", "en") == "subjective"


def test_choice_values_in_the_union_of_several_literals_are_all_found() -> None:
    assert choices(list[Literal["a", "b"]] | None) == ("a", "b")
    assert choices(types.NoneType) == ()
