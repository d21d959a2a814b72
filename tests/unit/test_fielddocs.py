"""Every field of every kind has a zh and en title, so prompts and schemas never show raw keys."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from barrier_cli.core.fielddocs import field_doc
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.models import Report


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        out.extend(_models_in(arg))
    return out


def _all_models() -> list[type[BaseModel]]:
    seen: dict[str, type[BaseModel]] = {}
    todo: list[type[BaseModel]] = [k.model for k in KINDS.values()]
    while todo:
        model = todo.pop()
        if model.__name__ in seen:
            continue
        seen[model.__name__] = model
        for field in model.model_fields.values():
            todo.extend(_models_in(field.annotation))
    return list(seen.values())


FIELDS = [
    pytest.param(model, key, id=f"{model.__name__}.{key}")
    for model in _all_models()
    for key in model.model_fields
]


@pytest.mark.parametrize(("model", "key"), FIELDS)
def test_every_field_has_titles_in_both_languages(model: type[BaseModel], key: str) -> None:
    doc = field_doc(model, key)
    assert doc.title("zh") and doc.title("en")


def test_the_walk_reaches_nested_models() -> None:
    names = {m.__name__ for m in _all_models()}
    assert {"Action", "Analysis", "Violation", "Review", "TimelineEntry", "Signed"} <= names


def test_inherited_and_aliased_fields_resolve() -> None:
    assert field_doc(Report, "tags").title("en") == "tags"
    assert field_doc(KINDS["incident"].model, "class_").title("zh") == "事故等级"
    assert field_doc(Report, "summary").help("zh")


def test_unknown_field_is_an_error() -> None:
    with pytest.raises(KeyError):
        field_doc(Report, "nonsense")
