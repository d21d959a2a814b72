"""The bureau's ledger (基本数据台帐): one hive-partitioned Parquet dataset of every unit.

Layout: ``DIR/unit=<id>/kind=<table>/month=<YYYY-MM>/part-0.parquet``. The tables and their
schemas are the export's (``barrier_cli.reports.export.schema.TABLES``), one file per unit, table and
month; tables that are not monthly (people, units, partners, standard_items) go under
``month=static``. One table is added that the records hold only implicitly: ``duties``, the
three-tier reporting duties of each month and how they were met, computed by the same
``reporting_compliance`` the workshop analysis uses, so 漏报 means the same at both levels.

Exporting a unit again replaces that unit's partitions (all of them, or one month's): the
new partitions are written beside the old under a dot-name that no reader's glob matches,
then swapped in with renames under the dataset's ``.lock``: a reader sees the old unit or the
new one (for an instant none), never half of one, and two exports never interleave.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import io
import os
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from barrier_cli.core.errors import InvalidInput, WriteFailed
from barrier_cli.core.ids import random_suffix
from barrier_cli.core.models.common import ID_CHARS
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.export.rows import Row, Table, tables
from barrier_cli.reports.export.schema import TABLES, arrow_schema, arrow_type

STATIC = "static"
PART = "part-0.parquet"
LOCK = ".lock"

DUTY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("tier", "string"),
    ("subject", "string"),
    ("unit", "string"),
    ("branch", "string"),
    ("expected", "int"),
    ("actual", "int"),
)
"""The ``duties`` table: one row per reporting duty of a month (SPEC §6 cadence)."""


@dataclass(frozen=True)
class DatasetWritten:
    unit: str
    partitions: int
    rows: dict[str, int]


def export_dataset(
    tree: Tree, *, unit: str, out: Path, month: Month | None = None, today: dt.date
) -> DatasetWritten:
    """Write ``tree`` as unit ``unit`` of the dataset at ``out``, replacing what it held.

    ``month`` replaces only that month's partitions (and the static tables); without it
    every partition of the unit is replaced, so a record moved to another month leaves no
    stale copy behind.
    """
    if not ID_CHARS.fullmatch(unit) or "=" in unit:
        raise InvalidInput(f"{unit!r} is not a unit id (letters, digits, '_', '-', '.')")
    parts = partitions(tree, today=today)
    if month is not None:
        parts = {k: v for k, v in parts.items() if k[1] in (str(month), STATIC)}
    unit_dir = out / f"unit={unit}"
    # A name of its own: two exports of one unit at once never write into each other.
    staging = out / f".unit={unit}.{random_suffix(8)}.new"
    try:
        out.mkdir(parents=True, exist_ok=True)
        for (kind, part_month), table in parts.items():
            folder = staging / f"kind={kind}" / f"month={part_month}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / PART).write_bytes(_parquet(table))
        with _locked(out):
            _swap(unit_dir, staging, keep=None if month is None else str(month))
    except OSError as e:
        raise WriteFailed(f"{out}: cannot write the dataset ({e.strerror})") from e
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    rows: dict[str, int] = defaultdict(int)
    for (kind, _), table in parts.items():
        rows[kind] += table.num_rows
    return DatasetWritten(unit, len(parts), dict(rows))


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """One swap at a time in a dataset: two renames of one unit never interleave."""
    with open(out / LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _swap(unit_dir: Path, staging: Path, *, keep: str | None) -> None:
    """Put the staged partitions in place: all of the unit, or month ``keep`` and static."""
    if keep is None:
        old = staging.with_suffix(".old")
        if unit_dir.exists():
            os.replace(unit_dir, old)
        os.replace(staging, unit_dir)
        shutil.rmtree(old, ignore_errors=True)
        return
    for kind_dir in unit_dir.glob("kind=*"):
        for name in (f"month={keep}", f"month={STATIC}"):
            if (kind_dir / name).exists() and not (staging / kind_dir.name / name).exists():
                shutil.rmtree(kind_dir / name)
    for part in sorted(staging.glob("kind=*/month=*")):
        target = unit_dir / part.parent.name / part.name
        target.parent.mkdir(parents=True, exist_ok=True)
        old = target.with_name(f".{part.name}.{staging.stem}.old")
        if target.exists():
            os.replace(target, old)
        os.replace(part, target)
        shutil.rmtree(old, ignore_errors=True)


def partitions(tree: Tree, *, today: dt.date) -> dict[tuple[str, str], Any]:
    """Every (table, month) partition of ``tree`` as a pyarrow table of the export schema."""
    import pyarrow as pa

    month_of = _month_keys(tree)
    out: dict[tuple[str, str], Any] = {}
    for table in tables(tree):
        key = month_of.get(table.name)
        grouped: dict[str, list[Row]] = defaultdict(list)
        for row in table.rows:
            grouped[key(row) if key else STATIC].append(row)
        for part_month, rows in grouped.items():
            out[(table.name, part_month)] = _arrow(table, rows)
    schema = duty_schema()
    for part_month, duty_rows in _duties(tree, today=today).items():
        arrays = [
            pa.array([row[n] for row in duty_rows], type=field.type)
            for n, field in enumerate(schema)
        ]
        out[("duties", part_month)] = pa.Table.from_arrays(arrays, schema=schema)
    return out


def _arrow(table: Table, rows: list[Row]) -> Any:
    import pyarrow as pa

    arrays = [
        pa.array([row[n] for row in rows], type=arrow_type(column.shape, top=True))
        for n, column in enumerate(table.columns)
    ]
    return pa.Table.from_arrays(arrays, schema=arrow_schema(table.spec))


def _parquet(table: Any) -> bytes:
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def duty_schema() -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64()}
    return pa.schema([pa.field(name, types[kind]) for name, kind in DUTY_COLUMNS])


def table_schema(kind: str) -> Any:
    """The Parquet schema of table ``kind`` of the dataset (without the partition columns)."""
    if kind == "duties":
        return duty_schema()
    for spec in TABLES:
        if spec.name == kind:
            return arrow_schema(spec)
    raise KeyError(kind)


def kinds() -> list[str]:
    return [spec.name for spec in TABLES] + ["duties"]


def _month_keys(tree: Tree) -> dict[str, Callable[[Row], str]]:
    """How each monthly table's row finds its month: its own date, or its record's."""
    columns = {spec.name: [c.name for c in spec.all_columns] for spec in TABLES}

    def by(table: str, column: str) -> Callable[[Row], str]:
        n = columns[table].index(column)
        return lambda row: str(row[n])[:7]

    report_month = {r.id: str(Month.of(r.date)) for r in tree.reports}
    incident_month = {i.id: str(Month.of(i.date)) for i in tree.incidents}
    competence_month = {c.id: str(Month.of(c.date)) for c in tree.competence}
    return {
        "reports": by("reports", "date"),
        "actions": lambda row: report_month[row[0]],
        "incidents": by("incidents", "date"),
        "measures": lambda row: incident_month[row[0]],
        "pairings": by("pairings", "start"),
        "assessments": by("assessments", "date"),
        "notices": by("notices", "date"),
        "competence": by("competence", "date"),
        "competence_results": lambda row: competence_month[row[0]],
        "key_persons": by("key_persons", "proposed"),
        "rewards": by("rewards", "date"),
    }


def _around(tree: Tree, month: Month) -> Tree:
    """The feedback that can count for ``month``: dated from a week before it to a week after
    (a week owed in it may start in the month before), not two years of it for every month
    (that made the duties of a 200-person unit quadratic)."""
    lo, hi = month.first - dt.timedelta(days=7), month.last + dt.timedelta(days=7)
    near = {str(month.shift(-1)), str(month), str(month.shift(1))}
    return dataclasses.replace(
        tree,
        reports=[r for r in tree.reports if lo <= r.date <= hi],
        returns=[n for n in tree.returns if n.month in near],
        roundups=[u for u in tree.roundups if lo <= u.span[1] <= hi],
    )


def _duties(tree: Tree, *, today: dt.date) -> dict[str, list[Row]]:
    """Each month's reporting duties, from the first month with a report to the last."""
    from barrier_cli.reports.compliance import reporting_compliance

    days = [r.date for r in tree.reports if r.withdrawn is None]
    days += [d.date for n in tree.returns for d in n.days]
    if not days:
        return {}
    month, last = Month.of(min(days)), Month.of(min(max(days), today))
    out: dict[str, list[Row]] = {}
    while month.first <= last.first:
        found = reporting_compliance(_around(tree, month), month, today=today)
        out[str(month)] = [
            (e.tier, e.subject, e.unit, e.branch, e.expected, e.actual) for e in found.all
        ]
        month = month.shift(1)
    return out
