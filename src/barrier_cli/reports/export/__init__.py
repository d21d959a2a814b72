"""``barrier export``: every record as typed tables, for Excel, DuckDB, Spark and pandas users.

One table per kind (reports, incidents, pairings, assessments, notices, competence,
key_persons, rewards, people, units, partners, standard_items), with report actions,
incident measures and competence results as tables of their own, keyed by the record id and
the item's number (from 1). Each table's schema comes from the
models (``schema.TABLES``), so every export has the same columns and types whatever the data.
Withdrawn records are exported too, with ``withdrawn_*`` filled in, so an export is the
complete book; filter on ``withdrawn_date`` to leave them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from barrier_cli.core.labels import Lang
from barrier_cli.io.loader import Tree
from barrier_cli.io.store import document_folder, write_document
from barrier_cli.reports.export.rows import Table, tables

ExportFormat = Literal["csv", "jsonl", "parquet", "xlsx"]
WORKBOOK = "barrier.xlsx"

__all__ = ["WORKBOOK", "ExportFormat", "Exported", "Table", "export", "tables"]


@dataclass(frozen=True)
class Exported:
    files: list[Path]
    rows: dict[str, int]
    cut: list[str] = field(default_factory=list)
    """Cells the workbook had to shorten (Excel's cell limit); the other formats hold them."""


def export(tree: Tree, *, fmt: ExportFormat, out: Path, labels: Lang | None = None) -> Exported:
    """Write every table of ``tree`` under ``out`` (one workbook for xlsx), atomically each.

    ``labels`` writes headers and choice values as zh or en labels instead of keys.
    """
    from barrier_cli.reports.export import writers

    data = tables(tree, lang=labels)
    document_folder(out)
    rows = {t.name: len(t.rows) for t in data}
    if fmt == "xlsx":
        path = out / WORKBOOK
        workbook, cut = writers.xlsx(data)
        write_document(path, workbook)
        return Exported([path], rows, cut)
    encode = {"csv": writers.csv_bytes, "jsonl": writers.jsonl, "parquet": writers.parquet}[fmt]
    files = []
    for table in data:
        path = out / f"{table.name}.{fmt}"
        write_document(path, encode(table))
        files.append(path)
    return Exported(files, rows)
