"""Finding and reading records: the rows of `barrier list` and the lines of `barrier show`.

Rows keep the stored values (for json and csv, for other tools); what a person reads goes
through ``label``: choices in Chinese (or English), people and units by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, RecordNotFound
from barrier_cli.core.fielddocs import field_doc
from barrier_cli.core.ids import parse_ref
from barrier_cli.core.labels import LABELS, Lang, group_of, label
from barrier_cli.core.labels import names as label_names
from barrier_cli.core.lookup import Lookup
from barrier_cli.core.models import (
    Assessment,
    Competence,
    Incident,
    KeyPerson,
    NoticeEntry,
    Pairing,
    Report,
    Reward,
)
from barrier_cli.core.models.common import Model
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import FileResult, Tree

KINDS: dict[str, type[Model]] = {
    "report": Report,
    "incident": Incident,
    "pairing": Pairing,
    "assessment": Assessment,
    "notice": NoticeEntry,
    "competence": Competence,
    "keyperson": KeyPerson,
    "reward": Reward,
}
COLUMNS: dict[str, tuple[str, ...]] = {
    "report": (
        "id",
        "date",
        "unit",
        "reporter",
        "element",
        "category",
        "risk",
        "status",
        "summary",
    ),
    "incident": ("id", "date", "unit", "type", "class", "status", "title"),
    "pairing": ("id", "start", "unit", "mentor", "person", "reasons", "status"),
    "assessment": ("id", "period", "subject", "standard", "total", "result", "status"),
    "notice": ("id", "number", "date", "month", "title"),
    "competence": ("id", "date", "unit", "kind", "contest", "title"),
    "keyperson": ("id", "proposed", "unit", "person", "status", "pairing"),
    "reward": ("id", "date", "kind", "level", "person", "unit", "amount", "reason"),
}
# What fits an 80-column terminal; json and csv carry every column above.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "report": ("id", "date", "reporter", "element", "category", "status", "summary"),
    "incident": ("id", "date", "unit", "type", "status", "title"),
    "pairing": COLUMNS["pairing"],
    "assessment": COLUMNS["assessment"],
    "notice": COLUMNS["notice"],
    "competence": COLUMNS["competence"],
    "keyperson": COLUMNS["keyperson"],
    "reward": ("id", "date", "kind", "amount", "reason"),
}
PERSON_KEYS = frozenset(
    {"reporter", "persons", "by", "owner", "verified_by", "person", "mentor", "assistant"}
)
UNIT_KEYS = frozenset({"unit", "subject"})
_DATE_FIELD = {"pairing": "start", "keyperson": "proposed"}


def kind_named(name: str) -> str:
    """'report', 'reports' or '安全信息' → 'report'."""
    from barrier_cli.core.kinds import KINDS as ALL

    wanted = name.strip().lower().removesuffix("s")
    for kind in KINDS:
        if wanted == kind or name.strip() == ALL[kind].title_zh:
            return kind
    raise InvalidInput(
        i18n._("{name!r} is not a record kind; one of {kinds}").format(
            name=name, kinds=", ".join(KINDS)
        )
    )


@dataclass(frozen=True)
class Listing:
    kind: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]
    """Stored values, plus ``path`` (relative to the tree)."""
    table: tuple[str, ...]
    titles: tuple[str, ...]
    """The table's columns and their titles."""
    shown: list[dict[str, str]]
    """The table's rows as a person reads them."""


def list_records(
    tree: Tree,
    *,
    kind: str,
    month: Month | None = None,
    unit: str | None = None,
    status: str | None = None,
    person: str | None = None,
    lang: Lang = "zh",
) -> Listing:
    """Records of ``kind`` matching every filter given, oldest first.

    ``unit`` takes a unit and everything below it (a branch lists its groups' records);
    ``person`` matches anyone a record names (reporter, owner, mentor, …); ``status`` takes
    the value or its label.
    """
    model = KINDS[kind]
    period = month
    units = _below(tree, unit, lang) if unit is not None else None
    wanted_status = _status_value(model, status) if status is not None else None
    person_id = (
        Lookup.of(tree.org, "person").option(person, "--person", lang)
        if person is not None
        else None
    )
    rows: list[dict[str, Any]] = []
    shown: list[dict[str, str]] = []
    names = Names.of(tree, lang)
    for result in _results(tree, model):
        record = result.record
        assert isinstance(record, BaseModel)
        if period is not None and not _in_month(kind, record, period):
            continue
        if units is not None and not {_get(record, k) for k in UNIT_KEYS} & units:
            continue
        if wanted_status is not None and _get(record, "status") != wanted_status:
            continue
        if person_id is not None and person_id not in _people_named(record):
            continue
        raw = {c: _get(record, c) for c in COLUMNS[kind]}
        rows.append(raw | {"path": result.rel})
        # Units by id in a table: their names are long and the ids are what people know.
        shown.append(
            {
                c: str(raw[c]) if c in UNIT_KEYS else names.show(type(record), c, raw[c])
                for c in TABLE_COLUMNS[kind]
            }
        )
    titles = tuple(_title(model, c, lang) for c in TABLE_COLUMNS[kind])
    return Listing(kind, COLUMNS[kind], rows, TABLE_COLUMNS[kind], titles, shown)


def _results(tree: Tree, model: type[Model]) -> list[FileResult]:
    found = [r for r in tree.files if isinstance(r.record, model)]
    return sorted(found, key=lambda r: (str(_sort_key(r.record)), r.record_id or ""))


def _sort_key(record: Any) -> Any:
    for name in ("date", "start", "period"):
        if hasattr(record, name):
            return getattr(record, name)
    return ""


def _get(record: Any, column: str) -> Any:
    if column == "class":
        return getattr(record, "class_", None)
    if column == "total":
        return getattr(record, "total", None)
    return getattr(record, column, None)


def _title(model: type[BaseModel], column: str, lang: Lang) -> str:
    if column == "total":
        with i18n.using(lang):
            return i18n.pgettext("score", "total")
    return field_doc(model, column).title(lang)


def _in_month(kind: str, record: Any, month: Month) -> bool:
    if kind == "assessment":
        period = str(record.period)
        return period == str(month) or period == str(month.quarter)
    day = getattr(record, _DATE_FIELD.get(kind, "date"))
    return isinstance(day, dt.date) and month.contains(day)


def _below(tree: Tree, unit: str, lang: Lang) -> set[str]:
    """``unit`` (as `lookup.Lookup` finds it) and every unit under it."""
    ids = {Lookup.of(tree.org, "unit").option(unit, "--unit", lang)}
    grew = True
    while grew:
        more = {u.id for u in tree.org.units if u.parent in ids} - ids
        ids |= more
        grew = bool(more)
    return ids


def _status_value(model: type[BaseModel], status: str) -> str:
    group = group_of(model, "status") or "status"
    for value in LABELS.get(group, {}):
        if status in (value, *label_names(group, value)):
            return value
    return status


def _people_named(record: BaseModel) -> set[str]:
    found: set[str] = set()

    def walk(data: Any, key: str = "") -> None:
        if isinstance(data, dict):
            for k, v in data.items():
                walk(v, k)
        elif isinstance(data, list):
            for item in data:
                walk(item, key)
        elif isinstance(data, str) and key in PERSON_KEYS:
            found.add(data)

    walk(record.model_dump(by_alias=True))
    return found


# -- reading one record ------------------------------------------------------------------------


@dataclass(frozen=True)
class Names:
    """Values as a person reads them: labels for choices, names beside ids."""

    people: dict[str, str]
    units: dict[str, str]
    lang: Lang
    items: dict[str, str]
    """The standards' items (an assessment's scores and deductions name them)."""

    @classmethod
    def of(cls, tree: Tree, lang: Lang) -> Names:
        return cls(
            {p.id: p.name for p in tree.org.people},
            {u.id: u.name for u in tree.org.units} | {p.id: p.name for p in tree.org.partners},
            lang,
            {
                item.id: item.name
                for standard in tree.standards.values()
                for item in standard.items().values()
            },
        )

    def show(self, model: type[BaseModel], key: str, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            shown = [self.show(model, key, v) for v in value]
            with i18n.using(self.lang):
                return i18n.join(shown)
        if isinstance(value, bool):
            with i18n.using(self.lang):
                return i18n.pgettext("boolean", "yes" if value else "no")
        if isinstance(value, float):
            return f"{value:g}"
        if not isinstance(value, str):
            return str(value)
        if key in PERSON_KEYS and value in self.people:
            return self.people[value]
        if (key in UNIT_KEYS or key == "partner") and value in self.units:
            return self.units[value]
        if key == "item" and value in self.items:
            return self.items[value]
        group = group_of(model, key)
        return label(group, value, self.lang) if group else value


@dataclass(frozen=True)
class Line:
    depth: int
    title: str
    text: str


def find(tree: Tree, record_id: str) -> FileResult:
    record_id, _ = parse_ref(record_id)
    result = tree.by_id().get(record_id)
    if result is None or result.record is None:
        raise RecordNotFound(
            i18n._("no record '{record_id}' in {root}").format(record_id=record_id, root=tree.root)
        )
    return result


def describe(tree: Tree, record_id: str, *, lang: Lang = "zh") -> tuple[FileResult, list[Line]]:
    """The record ``record_id`` as titled lines, nested lists numbered from 1."""
    result = find(tree, record_id)
    assert isinstance(result.record, BaseModel)
    return result, list(_lines(result.record, 0, Names.of(tree, lang)))


def _lines(record: BaseModel, depth: int, names: Names) -> Iterator[Line]:
    model = type(record)
    for name, info in model.model_fields.items():
        value = getattr(record, name)
        if value is None or value == [] or value is False:
            continue
        key = info.alias or name
        title = field_doc(model, key).title(names.lang)
        if isinstance(value, BaseModel):
            yield Line(depth, title, "")
            yield from _lines(value, depth + 1, names)
        elif isinstance(value, list) and isinstance(value[0], BaseModel):
            yield Line(depth, title, "")
            for n, item in enumerate(value, 1):
                yield Line(depth + 1, f"{n}.", "")
                yield from _lines(item, depth + 2, names)
        else:
            text = names.show(model, key, value)
            # an id beside a name is what a user types next; a choice's label is enough
            raw = value if isinstance(value, str) else None
            if raw is not None and text != raw and key != "summary" and not group_of(model, key):
                text = f"{text} ({raw})"
            yield Line(depth, title, text)
