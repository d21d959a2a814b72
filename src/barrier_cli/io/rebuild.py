"""A validated context record kept as data, and made again without validating it.

barrier.yaml, org.yaml and the standards are validated on every check of one changed record
and on every add, although they rarely change. Validating them is cheap; building their
validators is not: Settings and its parts are about 9 ms of a 0.25 s `report add`, org.yaml's
people a few more. So the index (and the incremental check) keep each context file's
validated record as plain data while the file is unchanged, and make it again with
``model_construct``, which builds no validator.

Kept only when it comes back exactly: `keep` makes the record again at once and keeps it
only if the result equals the validated record, field for field, type for type, and with
the same fields set, in every nested model. Anything it cannot hold (tuples, sets, other
types, a model it cannot tell from its annotation) is not kept, and the file is validated
as before.
"""

from __future__ import annotations

import datetime as dt
import math
import types
import typing
from typing import Any, TypeVar

import msgspec

_MODEL = "\x00model"
"""Marks a nested model: the names of its fields set, then its fields by name."""
_DATE = "\x00date"
_DATETIME = "\x00datetime"
_ERRORS = (msgspec.MsgspecError, ValueError, TypeError, KeyError, RecursionError)

M = TypeVar("M")


class NotKept(Exception):
    """The record holds something its data would not give back exactly."""


def keep(record: Any) -> bytes | None:
    """``record`` as data `rebuilt` makes an equal record of, or None where it would not."""
    try:
        blob = msgspec.msgpack.encode(_data(record))
        again = rebuilt(type(record), blob)
    except (NotKept, *_ERRORS):
        return None
    if again is None or again != record or _data(again) != _data(record):
        return None
    return blob


def rebuilt(model: type[M], blob: bytes) -> M | None:
    """The record `keep` kept, made again without validation; None if the data is not
    what `keep` writes for ``model``."""
    try:
        return _model(model, kept_data(blob))
    except (NotKept, *_ERRORS):
        return None


def kept_data(blob: bytes) -> dict[str, Any]:
    """The kept data itself (a caller that keeps only a part of a list, `narrowed`)."""
    data = msgspec.msgpack.decode(blob)
    if not isinstance(data, dict) or _MODEL not in data:
        raise NotKept
    return data


def narrowed(model: type[M], data: dict[str, Any], field: str, keep_item: Any) -> M | None:
    """The record of ``data`` with only the items of its list ``field`` that ``keep_item``
    says yes to (their kept data): org.yaml with the people a record names."""
    try:
        fields = dict(data["fields"])
        fields[field] = [item for item in fields[field] if keep_item(item)]
        return _model(model, {_MODEL: data[_MODEL], "fields": fields})
    except (NotKept, *_ERRORS):
        return None


def field_of(item: Any, name: str) -> Any:
    """A field of a kept nested model (None if it is none)."""
    if isinstance(item, dict) and _MODEL in item:
        return item["fields"].get(name)
    return None


def _data(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        if not -(2**63) <= value < 2**64:
            raise NotKept
        return value
    if kind is float:
        if not math.isfinite(value):
            raise NotKept
        return value
    if kind is dt.date:
        return {_DATE: value.isoformat()}
    if kind is dt.datetime:
        return {_DATETIME: value.isoformat()}
    if kind is list:
        return [_data(item) for item in value]
    if kind is dict:
        out = {}
        for key, item in value.items():
            if type(key) is not str or key.startswith("\x00"):
                raise NotKept
            out[key] = _data(item)
        return out
    fields = getattr(kind, "__pydantic_fields__", None)
    if fields is None or getattr(value, "__pydantic_extra__", None):
        raise NotKept
    return {
        _MODEL: sorted(value.model_fields_set),
        "fields": {name: _data(value.__dict__[name]) for name in fields},
    }


def _model(model: type[M], data: Any) -> M:
    if not isinstance(data, dict) or _MODEL not in data:
        raise NotKept
    fields = getattr(model, "__pydantic_fields__", None)
    if fields is None:
        raise NotKept
    given = data["fields"]
    if set(given) != set(fields):
        raise NotKept
    values = {name: _value(fields[name].annotation, given[name]) for name in fields}
    return model.model_construct(_fields_set=set(data[_MODEL]), **values)  # type: ignore[attr-defined,no-any-return]


def _value(annotation: Any, value: Any) -> Any:
    if isinstance(value, dict):
        if _MODEL in value:
            return _model(_one(annotation, _is_model), value)
        if len(value) == 1 and _DATE in value:
            return dt.date.fromisoformat(value[_DATE])
        if len(value) == 1 and _DATETIME in value:
            return dt.datetime.fromisoformat(value[_DATETIME])
        arm = _one(annotation, lambda a: _origin(a) is dict)
        item = typing.get_args(arm)[1]
        return {key: _value(item, v) for key, v in value.items()}
    if isinstance(value, list):
        arm = _one(annotation, lambda a: _origin(a) is list)
        item = typing.get_args(arm)[0]
        return [_value(item, v) for v in value]
    return value


def _one(annotation: Any, wanted: Any) -> Any:
    """The one arm of ``annotation`` (itself, or one of a union's) that is ``wanted``."""
    arms = [_bare(a) for a in _arms(annotation)]
    found = [a for a in arms if wanted(a)]
    if len(found) != 1:
        raise NotKept
    return found[0]


def _arms(annotation: Any) -> tuple[Any, ...]:
    annotation = _bare(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def _bare(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _origin(annotation: Any) -> Any:
    return typing.get_origin(annotation)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "__pydantic_fields__")
