"""Turn pydantic validation errors into located problems with stable codes and hints."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from barrier_cli import findings as f
from barrier_cli.models.common import Loc, Problem

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
            f"unknown key '{key}'",
            _did_you_mean(key, choices) or f"allowed here: {', '.join(choices)}",
            on_key=True,
        )
    if kind == "missing":
        parent = loc[:-1]
        return Problem(
            f.MISSING,
            parent,
            f"missing required field '{loc[-1]}'" + (f" in {dotted(parent)}" if parent else ""),
            f"add '{loc[-1]}: …'",
            on_key=True,
        )
    if kind in ("literal_error", "enum"):
        expected = _QUOTED.findall(str((err.get("ctx") or {}).get("expected", "")))
        return Problem(
            f.CHOICE,
            loc,
            f"{where}: {given!r} is not one of {', '.join(expected)}",
            _did_you_mean(str(given), expected),
        )
    if kind.startswith("date") or "is not a real date" in err["msg"]:
        return Problem(f.BAD_DATE, loc, f"{where}: {_msg(err)}", "dates are YYYY-MM-DD")
    if kind.endswith("_type") or kind in ("model_type", "dict_type", "list_type"):
        return Problem(
            f.TYPE, loc, f"{where}: {_msg(err)}, got {_yaml_type(given)}", _type_hint(kind, given)
        )
    return Problem(f.VALUE, loc, f"{where}: {_msg(err)}")


def _msg(err: ErrorDetails) -> str:
    msg = err["msg"]
    return msg.removeprefix("Value error, ")


def _yaml_type(value: Any) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping",
        type(None): "nothing",
    }
    return names.get(type(value), type(value).__name__)


def _type_hint(kind: str, given: Any) -> str:
    if kind == "string_type" and isinstance(given, (int, float)) and not isinstance(given, bool):
        return f"put it in quotes exactly as written (YAML read it as the number {given!r})"
    if kind == "string_type" and isinstance(given, bool):
        return "quote it (YAML read it as true/false)"
    if kind == "bool_type":
        return "write true or false"
    if kind == "list_type":
        return "write a list: one '- item' per line, or [a, b]"
    return ""


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


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
