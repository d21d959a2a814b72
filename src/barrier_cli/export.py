"""``barrier export``: every record as flat tables, for Excel, DuckDB, Spark and pandas users.

One table per kind (reports, incidents, pairings, assessments, notices, people, units,
partners, standard_items), and the report actions and incident measures as tables of their
own, keyed by the record id and the action's index. Nested mappings become dotted columns (``analysis.cause``); lists of
plain values are joined with ``"; "``; lists of mappings (incident causes, reviews …) are
kept as JSON text. Withdrawn records are exported too, with ``withdrawn.*`` filled in, so an
export is the complete book; filter on ``withdrawn.date`` to leave them out.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import typing
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from barrier_cli.loader import Tree
from barrier_cli.models import Action
from barrier_cli.store import document_folder, write_document

if TYPE_CHECKING:
    import pandas as pd

ExportFormat = Literal["csv", "jsonl", "parquet", "xlsx"]
WORKBOOK = "barrier.xlsx"


@dataclass(frozen=True)
class Exported:
    files: list[Path]
    rows: dict[str, int]


def tables(tree: Tree) -> dict[str, pd.DataFrame]:
    """The flat tables of a tree, in a fixed order, each with its columns in field order."""
    import pandas as pd

    from barrier_cli.models import (
        Assessment,
        Incident,
        NoticeEntry,
        Pairing,
        Partner,
        Person,
        Report,
        Unit,
    )
    from barrier_cli.models.standard import StandardItem

    def frame(rows: Iterable[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
        df = pd.DataFrame(list(rows), columns=columns).astype(object)
        return df.where(df.notna(), None)

    action_columns = ["record", "index", *columns(Action)]
    return {
        "reports": frame((flatten(r) for r in tree.reports), columns(Report, skip={"actions"})),
        "actions": frame(
            (
                {"record": r.id, "index": n, **flatten(a)}
                for r in tree.reports
                for n, a in enumerate(r.actions)
            ),
            action_columns,
        ),
        "incidents": frame(
            (flatten(i) for i in tree.incidents), columns(Incident, skip={"measures"})
        ),
        "measures": frame(
            (
                {"record": i.id, "index": n, **flatten(a)}
                for i in tree.incidents
                for n, a in enumerate(i.measures)
            ),
            action_columns,
        ),
        "pairings": frame((flatten(p) for p in tree.pairings), columns(Pairing)),
        "assessments": frame(
            ({**flatten(a), "total": a.total} for a in tree.assessments),
            [*columns(Assessment), "total"],
        ),
        "notices": frame((flatten(n) for n in tree.notices), columns(NoticeEntry)),
        "people": frame((flatten(p) for p in tree.org.people), columns(Person)),
        "units": frame((flatten(u) for u in tree.org.units), columns(Unit)),
        "partners": frame((flatten(p) for p in tree.org.partners), columns(Partner)),
        "standard_items": frame(
            (
                {"standard": s.id, "aspect": aspect.id, "aspect_name": aspect.name, **flatten(i)}
                for s in tree.standards.values()
                for aspect in s.aspects
                for i in aspect.items
            ),
            ["standard", "aspect", "aspect_name", *columns(StandardItem)],
        ),
    }


# Fields every record may carry go last: the record's own fields read first.
_COMMON = ("tags", "notes", "withdrawn", "amendments")


def columns(model: type[BaseModel], *, skip: Collection[str] = ()) -> list[str]:
    """The flat column names of ``model``: a nested model's fields as ``field.sub``."""
    names = [n for n in model.model_fields if n not in skip]
    names.sort(key=lambda n: n in _COMMON)
    out: list[str] = []
    for name in names:
        info = model.model_fields[name]
        column = info.alias or name
        nested = _nested_model(info.annotation)
        if nested is None:
            out.append(column)
        else:
            out.extend(f"{column}.{sub}" for sub in columns(nested))
    return out


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (``Analysis | None`` → Analysis); lists are not nested."""
    if typing.get_origin(annotation) is list:
        return None
    candidates = [annotation, *typing.get_args(annotation)]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def flatten(record: BaseModel) -> dict[str, Any]:
    """One flat row: dotted columns for mappings, joined lists, JSON for lists of mappings."""
    data = record.model_dump(mode="python", by_alias=True)
    row: dict[str, Any] = {}
    for key, value in data.items():
        _put(row, key, value)
    return row


def _put(row: dict[str, Any], key: str, value: Any) -> None:
    if isinstance(value, dict):
        for sub, inner in value.items():
            _put(row, f"{key}.{sub}", inner)
    elif isinstance(value, list):
        if any(isinstance(v, dict) for v in value):
            row[key] = json.dumps(value, ensure_ascii=False, default=str) if value else None
        else:
            row[key] = "; ".join(str(v) for v in value) if value else None
    else:
        row[key] = value


def export(tree: Tree, *, fmt: ExportFormat, out: Path) -> Exported:
    """Write every table of ``tree`` under ``out`` (one workbook for xlsx), atomically each."""
    data = tables(tree)
    document_folder(out)
    rows = {name: len(df) for name, df in data.items()}
    if fmt == "xlsx":
        path = out / WORKBOOK
        write_document(path, _xlsx(data))
        return Exported([path], rows)
    files = []
    for name, df in data.items():
        path = out / f"{name}.{fmt}"
        write_document(path, _encode(df, fmt))
        files.append(path)
    return Exported(files, rows)


def _encode(df: pd.DataFrame, fmt: ExportFormat) -> bytes:
    if fmt == "csv":
        # utf-8 with BOM: Excel on a Chinese Windows opens it without mangling the text.
        return df.to_csv(index=False).encode("utf-8-sig")
    if fmt == "jsonl":
        lines = (
            json.dumps(row, ensure_ascii=False, default=_iso) + "\n"
            for row in df.to_dict("records")
        )
        return "".join(lines).encode("utf-8")
    buffer = io.BytesIO()
    df.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _xlsx(data: dict[str, pd.DataFrame]) -> bytes:
    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, df in data.items():
            df.to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()
