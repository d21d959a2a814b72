"""The columns of every export table, derived from the record models, never from the data.

A table's columns and their types follow from the model's annotations alone, so two exports
of different months (one where nobody analysed anything, say) have the same schema and can be
read as one dataset. Nested mappings are flattened into ``parent_child`` columns (no dots:
SQL needs no quoting); lists of plain values stay lists; lists of mappings (incident causes,
pairing reviews …) are lists of records with the item model's own columns.

Titles come from ``fielddocs`` and choice labels from ``labels``: nothing is restated here but
the few columns the export itself adds (the record an action belongs to, its number …).
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from barrier_cli.core import i18n
from barrier_cli.core.fielddocs import FieldDoc, field_doc
from barrier_cli.core.labels import LABELS, Lang
from barrier_cli.core.models import (
    Action,
    Assessment,
    Competence,
    Incident,
    KeyPerson,
    NoticeEntry,
    Pairing,
    Partner,
    Person,
    Report,
    Reward,
    Unit,
)
from barrier_cli.core.models.competence import CompetenceResult
from barrier_cli.core.models.standard import StandardItem

Kind = Literal["string", "date", "int", "float", "bool", "choice", "list", "records"]


@dataclass(frozen=True)
class Shape:
    """What a column holds: a typed scalar, a choice, a list of either, or a list of records."""

    kind: Kind
    group: str | None = None
    """The ``labels`` group of a choice, when one labels every value it allows."""
    item: Shape | None = None
    """The shape of a list's items."""
    fields: tuple[Column, ...] = ()
    """The columns of each record in a list of records."""


@dataclass(frozen=True)
class Column:
    name: str
    """The flat key: ``analysis_date`` for ``analysis.date``."""
    path: tuple[str, ...]
    """Attribute names from the row's object to the value (a property works too)."""
    shape: Shape
    docs: tuple[FieldDoc, ...]
    """The title of each step of ``path``: the header joins them."""

    def header(self, lang: Lang | None) -> str:
        if lang is None:
            return self.name
        with i18n.using(lang):
            step = i18n.pgettext("column path", "{parent} {child}")
        titles = [d.title(lang) for d in self.docs]
        return functools.reduce(lambda a, b: step.format(parent=a, child=b), titles)


@dataclass(frozen=True)
class TableSpec:
    name: str
    row: str
    """What one row is, for the README."""
    keys: tuple[Column, ...]
    """Columns the export adds in front: the record an action belongs to, its number …"""
    columns: tuple[Column, ...]

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return (*self.keys, *self.columns)


# Fields every record may carry go last: the record's own fields read first.
_COMMON = ("tags", "notes", "withdrawn", "amendments")


def model_columns(
    model: type[BaseModel],
    *,
    skip: frozenset[str] = frozenset(),
    prefix: tuple[str, ...] = (),
    keys: tuple[str, ...] = (),
    docs: tuple[FieldDoc, ...] = (),
) -> tuple[Column, ...]:
    """The flat columns of ``model``, in field order; a nested model's fields as ``parent_sub``."""
    names = [n for n in model.model_fields if n not in skip]
    names.sort(key=lambda n: n in _COMMON)
    out: list[Column] = []
    for name in names:
        info = model.model_fields[name]
        key = info.alias or name
        path, chain = (*prefix, name), (*docs, field_doc(model, key))
        nested = _nested_model(info.annotation)
        if nested is not None:
            out.extend(model_columns(nested, prefix=path, keys=(*keys, key), docs=chain))
        else:
            column = "_".join((*keys, key))
            out.append(Column(column, path, shape_of(info.annotation, key), chain))
    return tuple(out)


def shape_of(annotation: Any, key: str) -> Shape:
    """The shape of a field that is not a nested model, from its annotation alone."""
    options = _options(annotation)
    if len(options) > 1:
        # A timeline's ``at`` is a date, a date and time, or a few words: text holds them all.
        return Shape("string")
    (plain,) = options
    origin = typing.get_origin(plain)
    if origin is Literal:
        return Shape("choice", _group(key, typing.get_args(plain)))
    if origin is dict:
        # A standard item's deduction rules (shortfall → points): one JSON text, keys sorted.
        return Shape("string")
    if origin is list:
        (item,) = typing.get_args(plain)
        record = _nested_model(item)
        if record is not None:
            return Shape("records", fields=model_columns(record))
        return Shape("list", item=shape_of(item, key))
    for python, kind in _SCALARS:
        if isinstance(plain, type) and issubclass(plain, python):
            return Shape(kind)
    raise TypeError(f"no export type for {key}: {annotation!r}")


# bool before int (a bool is an int), datetime before date (a datetime is a date).
_SCALARS: tuple[tuple[type, Kind], ...] = (
    (bool, "bool"),
    (int, "int"),
    (float, "float"),
    (dt.datetime, "string"),
    (dt.date, "date"),
    (str, "string"),
)


def _options(annotation: Any) -> list[Any]:
    """The types a field may hold, without None and without ``Annotated`` constraints."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [_bare(a) for a in typing.get_args(annotation) if a is not type(None)]
    else:
        found = [_bare(annotation)]
    return list(dict.fromkeys(found))


def _bare(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (``Analysis | None`` → Analysis); lists are not nested."""
    options = _options(annotation)
    if len(options) == 1 and isinstance(options[0], type) and issubclass(options[0], BaseModel):
        return options[0]
    return None


def _group(key: str, values: tuple[Any, ...]) -> str | None:
    """The labels group of a choice: the one its key names, else the only one with its values."""
    fits = [g for g, names in LABELS.items() if set(values) <= names.keys()]
    for named in (key, key.removesuffix("s")):
        if named in fits:
            return named
    return fits[0] if len(fits) == 1 else None


def _extra(name: str, shape: Shape, title: str, where: str = "") -> Column:
    """A column no model field makes; its zh title is ``field:export.<where>`` in the catalogue
    (``where`` tells apart the "record" columns that point at different kinds)."""
    doc = FieldDoc(title, where=f"export.{where or name}")
    return Column(name, (name,), shape, (doc,))


_RECORD_OF_ACTION = _extra("record", Shape("string"), "report", "action.record")
_RECORD_OF_MEASURE = _extra("record", Shape("string"), "incident", "measure.record")
_RECORD_OF_RESULT = _extra("record", Shape("string"), "competence record", "result.record")
# 1-based, as `due` and `action done ID/N` count them.
_NUMBER = _extra("number", Shape("int"), "no.")
_STANDARD = _extra("standard", Shape("choice", "level"), "standard")
_ASPECT = _extra("aspect", Shape("string"), "aspect")
_ASPECT_NAME = _extra("aspect_name", Shape("string"), "aspect name")
_TOTAL = _extra("total", Shape("float"), "total")

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "reports", "report (安全信息)", (), model_columns(Report, skip=frozenset({"actions"}))
    ),
    TableSpec("actions", "action of a report", (_RECORD_OF_ACTION, _NUMBER), model_columns(Action)),
    TableSpec(
        "incidents",
        "incident (accident, precursor, violation)",
        (),
        model_columns(Incident, skip=frozenset({"measures"})),
    ),
    TableSpec(
        "measures", "measure of an incident", (_RECORD_OF_MEASURE, _NUMBER), model_columns(Action)
    ),
    TableSpec("pairings", "pairing (包保对子)", (), model_columns(Pairing)),
    TableSpec("assessments", "assessment", (), (*model_columns(Assessment), _TOTAL)),
    # the frozen document (content, digests) is the notice itself, not a ledger column
    TableSpec(
        "notices",
        "issued notice (通报)",
        (),
        model_columns(NoticeEntry, skip=frozenset({"content", "sha256"})),
    ),
    TableSpec(
        "competence",
        "competence check or contest (一口清、一手精、四赛)",
        (),
        model_columns(Competence, skip=frozenset({"results"})),
    ),
    TableSpec(
        "competence_results",
        "one person's result in a competence record",
        (_RECORD_OF_RESULT, _NUMBER),
        model_columns(CompetenceResult),
    ),
    TableSpec(
        "key_persons", "key person of the register (安全关键人)", (), model_columns(KeyPerson)
    ),
    TableSpec("rewards", "reward or penalty (奖惩)", (), model_columns(Reward)),
    TableSpec("people", "person of org.yaml", (), model_columns(Person)),
    TableSpec("units", "unit of org.yaml", (), model_columns(Unit)),
    TableSpec("partners", "partner unit of org.yaml", (), model_columns(Partner)),
    TableSpec(
        "standard_items",
        "item of an assessment standard",
        (_STANDARD, _ASPECT, _ASPECT_NAME),
        model_columns(StandardItem),
    ),
)


def arrow_schema(spec: TableSpec, lang: Lang | None = None) -> Any:
    """The pyarrow schema of a table: the same whatever rows it holds."""
    import pyarrow as pa

    return pa.schema(
        [pa.field(c.header(lang), arrow_type(c.shape, top=True)) for c in spec.all_columns]
    )


def arrow_type(shape: Shape, *, top: bool = False) -> Any:
    """Choices are dictionary-typed at the top level (plain text inside lists and records)."""
    import pyarrow as pa

    if shape.kind == "choice":
        return pa.dictionary(pa.int32(), pa.string()) if top else pa.string()
    if shape.kind == "list":
        assert shape.item is not None
        # Parquet's own name for a list's item: a schema read back compares equal.
        return pa.list_(pa.field("element", arrow_type(shape.item)))
    if shape.kind == "records":
        struct = pa.struct([pa.field(c.name, arrow_type(c.shape)) for c in shape.fields])
        return pa.list_(pa.field("element", struct))
    scalar = {
        "string": pa.string(),
        "date": pa.date32(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
    }
    return scalar[shape.kind]
