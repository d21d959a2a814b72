"""The rows of every export table: typed Python values in the order of the table's columns."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from barrier_cli.core.labels import Lang, label
from barrier_cli.io.loader import Tree
from barrier_cli.reports.export.schema import TABLES, Column, Shape, TableSpec

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Table:
    spec: TableSpec
    lang: Lang | None
    """Headers and choice values as labels in this language; keys when None."""
    rows: list[Row]

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.spec.all_columns

    @property
    def headers(self) -> list[str]:
        return [c.header(self.lang) for c in self.columns]


def tables(tree: Tree, *, lang: Lang | None = None) -> list[Table]:
    """Every table of ``tree``, in a fixed order. Withdrawn records are rows too, marked."""
    sources = _sources(tree)
    return [
        Table(spec, lang, [_row(spec, keys, obj, lang) for keys, obj in sources[spec.name]])
        for spec in TABLES
    ]


def _sources(tree: Tree) -> dict[str, Iterator[tuple[Row, Any]]]:
    """Each table's rows as (the values of its key columns, the object of its other columns)."""
    return {
        "reports": (((), r) for r in tree.reports),
        "actions": (((r.id, n), a) for r in tree.reports for n, a in enumerate(r.actions, start=1)),
        "incidents": (((), i) for i in tree.incidents),
        "measures": (
            ((i.id, n), m) for i in tree.incidents for n, m in enumerate(i.measures, start=1)
        ),
        "pairings": (((), p) for p in tree.pairings),
        "assessments": (((), a) for a in tree.assessments),
        "notices": (((), n) for n in tree.notices),
        "competence": (((), c) for c in tree.competence),
        "competence_results": (
            ((c.id, n), r) for c in tree.competence for n, r in enumerate(c.results, start=1)
        ),
        "key_persons": (((), k) for k in tree.key_persons),
        "rewards": (((), r) for r in tree.rewards),
        "people": (((), p) for p in tree.org.people),
        "units": (((), u) for u in tree.org.units),
        "partners": (((), p) for p in tree.org.partners),
        "standard_items": (
            ((s.id, aspect.id, aspect.name), item)
            for s in tree.standards.values()
            for aspect in s.aspects
            for item in aspect.items
        ),
    }


def _row(spec: TableSpec, keys: Row, obj: Any, lang: Lang | None) -> Row:
    front = tuple(_value(c.shape, v, lang) for c, v in zip(spec.keys, keys, strict=True))
    return front + tuple(_value(c.shape, _get(obj, c), lang) for c in spec.columns)


def _get(obj: Any, column: Column) -> Any:
    for name in column.path:
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def _value(shape: Shape, value: Any, lang: Lang | None) -> Any:
    if value is None:
        return None
    if shape.kind == "choice":
        return label(shape.group, value, lang) if lang and shape.group else value
    if shape.kind == "list":
        assert shape.item is not None
        return [_value(shape.item, v, lang) for v in value]
    if shape.kind == "records":
        return [{c.name: _value(c.shape, _get(v, c), lang) for c in shape.fields} for v in value]
    if shape.kind == "string":
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return value if isinstance(value, str) else value.isoformat()
    if shape.kind == "float":
        return float(value)
    return value
