"""What can still be checked in a record that fails its schema.

One typo must not hide the rest: a report with ``element: equipmen`` still gets its reporter
looked up, and one closed with a bad ``due`` still gets its closure rules. Each value the
schema refuses (or a required one that is missing) is *unknown*; the record is completed
with sample values in its place, every sample that validates is a possible record, and a
rule finding is reported only if every possible record breaks it the same way: a finding
that depends on the unknown value (``closed on 2026-11-01, before <date>``) is left for the
run after the value is fixed. The same holds for references and file layout, and nothing
is said about the unknown values themselves beyond their schema errors.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from barrier_cli.core.models.common import Loc, Model, Problem

ABSENT: Any = object()
"""A sample meaning 'the key is not there' (an unknown key, an optional field)."""

_PROBES: tuple[Any, ...] = (
    False,
    True,
    dt.date(1900, 1, 1),
    dt.date(2999, 12, 31),
    "x",
    "y",
    0,
    1,
)
"""Values tried in an unknown place, besides its choices and its absence. The dates are the
extremes any date may take, so a rule comparing dates cannot hold for both by accident."""

MAX_UNKNOWN = 100
"""A record with more refused values than this is not salvaged: its schema errors are the
work at hand, and an untrusted file of thousands of errors must not cost seconds more."""

MAX_COMPLETIONS = 64
"""Up to this many combinations of samples, every one is tried; beyond, each sample of each
place is tried once (a file with hundreds of errors costs a dozen validations, not 2^n)."""


@dataclass(frozen=True)
class Salvaged:
    """A record that fails its schema, as the possible records it may have meant."""

    completions: tuple[Model, ...]
    unknown: tuple[Loc, ...]

    @property
    def record(self) -> Model:
        """One possible record: for the checks that look at the values that could be read."""
        return self.completions[0]

    def keeps(self, problem: Problem) -> bool:
        """Whether ``problem`` is about a value that could be read (not an unknown one)."""
        return not any(problem.loc[:n] in self._unknown for n in range(1, len(problem.loc) + 1))

    @functools.cached_property
    def _unknown(self) -> frozenset[Loc]:
        return frozenset(self.unknown)

    def agreed(self, rules: Callable[[Model], list[Problem]]) -> list[Problem]:
        """The problems every possible record has, outside the unknown places."""
        found = [rules(c) for c in self.completions]
        common = set(found[0]).intersection(*found[1:])
        return [p for p in found[0] if p in common and self.keeps(p)]


def salvage(model: type[Model], data: dict[Any, Any]) -> Salvaged | None:
    """The possible records ``data`` may have meant, or None if its identity is unknown or
    no completion validates (an error of the record as a whole, a required field of a
    shape no sample fits)."""
    try:
        model.model_validate(data)
        return None
    except ValidationError as error:
        if error.error_count() > 4 * MAX_UNKNOWN:  # a union's members each complain once
            return None
        unknown = _unknown_places(error, model)
    if not unknown or len(unknown) > MAX_UNKNOWN:
        return None
    if any(len(loc) == 0 or loc[0] == "id" for loc in unknown):
        return None
    choices = [_samples(model, _shape(loc)) for loc in unknown]
    if any(not c for c in choices):
        return None
    combos = _combinations(choices)
    completions = []
    for combo in combos:
        try:
            candidate = _with(data, dict(zip(unknown, combo, strict=True)))
            completions.append(model.model_validate(candidate))
        except (ValidationError, LookupError, TypeError):
            # a place the data does not hold as the error said: no completion, not a crash
            continue
    if not completions:
        return None
    return Salvaged(tuple(completions), tuple(unknown))


def _unknown_places(error: ValidationError, model: type[Model]) -> list[Loc]:
    places: dict[Loc, None] = {}
    for err in error.errors(include_url=False):
        places[_clean(tuple(p for p in err["loc"] if isinstance(p, (str, int))), model)] = None
    # an unknown place inside another is covered by the outer one's samples
    return [p for p in places if not any(p[:n] in places for n in range(len(p)))]


def _clean(loc: Loc, model: type[BaseModel]) -> Loc:
    """The path in the data: without the union members' tags pydantic inserts."""
    out: list[str | int] = []
    annotation: Any = model
    for part in loc:
        if isinstance(part, int):
            out.append(part)
            annotation = _item(annotation)
            continue
        target = _model_of(annotation)
        if target is None:
            if _is_mapping(annotation):
                out.append(part)
                annotation = _value(annotation)
            continue  # a union tag such as 'date' or 'str'
        field = target.model_fields.get(part) or _by_alias(target, part)
        out.append(part)
        annotation = _annotation(field) if field is not None else None
    return tuple(out)


def _shape(loc: Loc) -> Loc:
    """``loc`` with every list position 0: the samples of all items of a list are alike."""
    return tuple(0 if isinstance(part, int) else part for part in loc)


@functools.cache
def _samples(model: type[BaseModel], loc: Loc) -> list[Any]:
    """Values that may stand in at ``loc``, each one valid there on its own."""
    parent: Any = model
    for part in loc[:-1]:
        parent = _item(parent) if isinstance(part, int) else _field_annotation(parent, part)
        if parent is None:
            return []
    last = loc[-1]
    if isinstance(last, int):
        annotation = _item(parent)
        return _valid(annotation, []) if annotation is not None else []
    target = _model_of(parent)
    if target is None:
        annotation = _value(parent) if _is_mapping(parent) else None
        return _valid(annotation, []) if annotation is not None else []
    field = target.model_fields.get(last) or _by_alias(target, last)
    if field is None:  # a key the model does not have
        return [ABSENT]
    return _valid(_annotation(field), [] if field.is_required() else [ABSENT])


def _valid(annotation: Any, start: list[Any]) -> list[Any]:
    try:
        adapter: TypeAdapter[Any] = TypeAdapter(annotation, config=ConfigDict(strict=True))
    except Exception:  # a model type carries its own config: none of the probes fit it
        adapter = TypeAdapter(annotation)
    out = list(start)
    for value in (*_choices(annotation), None, *_PROBES, []):
        try:
            adapter.validate_python(value)
        except ValidationError:
            continue
        if not any(type(value) is type(o) and value == o for o in out):
            out.append(value)
    return out


def _choices(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return list(typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        args = typing.get_args(annotation)
        return [c for a in (args[:1] if origin is typing.Annotated else args) for c in _choices(a)]
    return []


def _combinations(choices: list[list[Any]]) -> Iterable[tuple[Any, ...]]:
    total = 1
    for c in choices:
        total = min(total * len(c), MAX_COMPLETIONS + 1)
    if total <= MAX_COMPLETIONS:
        return itertools.product(*choices)
    rounds = max(len(c) for c in choices)
    return (tuple(c[k % len(c)] for c in choices) for k in range(rounds))


def _with(data: Any, values: dict[Loc, Any]) -> Any:
    """A copy of ``data`` with each place set to its value (ABSENT: removed); list items
    removed from the back, so the positions of the others hold."""
    copy = _copy(data)
    for loc, value in sorted(values.items(), key=lambda kv: kv[0], reverse=True):
        holder = copy
        for part in loc[:-1]:
            holder = holder[part]
        key = loc[-1]
        if value is ABSENT:
            if isinstance(holder, dict):
                holder.pop(key, None)
            elif isinstance(holder, list) and isinstance(key, int) and key < len(holder):
                del holder[key]
        else:
            holder[key] = value
    return copy


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _annotation(field: FieldInfo) -> Any:
    if field.metadata:
        return typing.Annotated[(field.annotation, *field.metadata)]
    return field.annotation


def _by_alias(model: type[BaseModel], name: str) -> FieldInfo | None:
    return next((f for f in model.model_fields.values() if f.alias == name), None)


def _field_annotation(annotation: Any, name: str) -> Any:
    target = _model_of(annotation)
    if target is None:
        return _value(annotation) if _is_mapping(annotation) else None
    field = target.model_fields.get(name) or _by_alias(target, name)
    return _annotation(field) if field is not None else None


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        args = typing.get_args(annotation)
        for arg in args[:1] if origin is typing.Annotated else args:
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def _strip(annotation: Any) -> Any:
    """``list[X]``/``dict[K, V]`` inside ``Annotated[...]`` and ``... | None``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _strip(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if typing.get_origin(_strip(arg)) in (list, dict):
                return _strip(arg)
    return annotation


def _item(annotation: Any) -> Any:
    stripped = _strip(annotation)
    return typing.get_args(stripped)[0] if typing.get_origin(stripped) is list else None


def _is_mapping(annotation: Any) -> bool:
    return typing.get_origin(_strip(annotation)) is dict


def _value(annotation: Any) -> Any:
    return typing.get_args(_strip(annotation))[1]
