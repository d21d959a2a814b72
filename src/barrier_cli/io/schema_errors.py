"""Turn pydantic validation errors into located problems with stable codes and hints."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.models.common import Loc, Problem

_QUOTED = re.compile(r"'([^']*)'")


def problems_from(error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    """One problem per located error; a union's members all complain, the last speaks.

    ``at: [x]`` fails as a datetime, as a date and as text: one finding says so (the last
    member, usually the most general), not three. Missing fields share their parent's
    location and are all kept.
    """
    out: dict[tuple[Any, ...], Problem] = {}
    for n, err in enumerate(error.errors(include_url=False)):
        problem = _problem(err, model)
        key = (n,) if problem.code == f.MISSING else problem.loc
        out.pop(key, None)
        out[key] = problem
    return list(out.values())


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _problem(err: ErrorDetails, model: type[BaseModel]) -> Problem:
    loc: Loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
    loc = _drop_union_tags(loc, model)
    kind, where, given = err["type"], dotted(loc), err.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        choices = sorted(_field_names(model, loc[:-1]))
        return Problem(
            f.UNKNOWN_KEY,
            loc,
            i18n._("unknown key '{key}'").format(key=key),
            _did_you_mean(key, choices)
            or i18n._("allowed here: {keys}").format(keys=i18n.join(choices)),
            on_key=True,
        )
    if kind == "missing":
        parent = loc[:-1]
        return Problem(
            f.MISSING,
            parent,
            (
                i18n._("missing required field '{key}' in {where}")
                if parent
                else i18n._("missing required field '{key}'")
            ).format(key=loc[-1], where=dotted(parent)),
            i18n._("add '{item}: …'").format(item=loc[-1]),
            on_key=True,
        )
    if kind in ("literal_error", "enum"):
        expected = _QUOTED.findall(str((err.get("ctx") or {}).get("expected", "")))
        return Problem(
            f.CHOICE,
            loc,
            i18n._("{where}: {given!r} is not one of {join}").format(
                where=where, given=given, join=i18n.join(expected)
            ),
            _did_you_mean(str(given), expected),
        )
    if kind.startswith("date") or "is not a real date" in err["msg"]:
        return Problem(
            f.BAD_DATE,
            loc,
            i18n._("{where}: {msg}").format(where=where, msg=_msg(err)),
            i18n._("dates are YYYY-MM-DD"),
        )
    if kind.endswith("_type") or kind in ("model_type", "dict_type", "list_type"):
        return Problem(
            f.TYPE,
            loc,
            i18n._("{where}: {msg}, got {yaml_type}").format(
                where=where, msg=_msg(err), yaml_type=_yaml_type(given)
            ),
            _type_hint(kind, given),
        )
    return Problem(f.VALUE, loc, i18n._("{where}: {msg}").format(where=where, msg=_msg(err)))


_WITH_VALUES = {
    "greater_than": "Input should be greater than {gt}",
    "greater_than_equal": "Input should be greater than or equal to {ge}",
    "less_than": "Input should be less than {lt}",
    "less_than_equal": "Input should be less than or equal to {le}",
    "string_too_long": "String should have at most {max_length} characters",
    "string_too_short": "String should have at least {min_length} characters",
    "too_short": "should have at least {min_length} items, not {actual_length}",
    "too_long": "should have at most {max_length} items, not {actual_length}",
    "string_pattern_mismatch": "String should match pattern '{pattern}'",
}
"""pydantic's sentences that carry a value, as msgids; its constant ones are msgids as they are."""


def _msg(err: ErrorDetails) -> str:
    template = _WITH_VALUES.get(err["type"])
    if template is not None and i18n._(template) != template:
        try:
            return i18n._(template).format(**(err.get("ctx") or {}))
        except (KeyError, IndexError):
            pass
    # a model's ValueError is already in the run's language
    return i18n._(err["msg"].removeprefix("Value error, "))


def _yaml_type(value: Any) -> str:
    names = {
        bool: i18n._("a boolean"),
        int: i18n._("a number"),
        float: i18n._("a number"),
        str: i18n._("text"),
        list: i18n._("a list"),
        dict: i18n._("a mapping"),
        type(None): i18n._("nothing"),
    }
    return names.get(type(value), type(value).__name__)


def _type_hint(kind: str, given: Any) -> str:
    if kind == "string_type" and isinstance(given, (int, float)) and not isinstance(given, bool):
        return i18n._(
            "put it in quotes exactly as written (YAML read it as the number {given!r})"
        ).format(given=given)
    if kind == "string_type" and isinstance(given, bool):
        return i18n._("quote it (YAML read it as true/false)")
    if kind == "bool_type":
        return i18n._("write true or false")
    if kind == "list_type":
        return i18n._("write a list: one '- item' per line, or [a, b]")
    return ""


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return i18n._("did you mean '{word}'?").format(word=close[0]) if close else ""


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """The model class inside list[...], X | None, Annotated[...], or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated, dict):
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            args = args[:1]
        for arg in args:
            found = _unwrap(arg)
            if found is not None:
                return found
    return None


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = _field_by_name(current, part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current


def _field_by_name(model: type[BaseModel], name: str) -> Any:
    for field_name, field in model.model_fields.items():
        if (field.alias or field_name) == name:
            return field
    return None


def _field_names(model: type[BaseModel], loc: Loc) -> list[str]:
    found = _model_at(model, loc)
    if found is None:
        return []
    return [field.alias or name for name, field in found.model_fields.items()]


def _drop_union_tags(loc: Loc, model: type[BaseModel]) -> Loc:
    """pydantic puts union members' names into loc (e.g. 'date', 'str'); drop them."""
    out: list[str | int] = []
    current: type[BaseModel] | None = model
    dict_key_next = False
    for part in loc:
        if isinstance(part, int) or dict_key_next:
            out.append(part)
            dict_key_next = False
            continue
        if current is None:
            continue
        field = _field_by_name(current, part)
        out.append(part)
        current = None if field is None else _unwrap(field.annotation)
        dict_key_next = field is not None and "dict[" in str(field.annotation)
    return tuple(out)
