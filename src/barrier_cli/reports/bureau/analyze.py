"""`barrier bureau analyze`: the department's monthly comprehensive analysis over the ledger.

Every figure is one of the queries in ``sql/`` run by DuckDB over the Parquet ledger,
streaming from the files (nothing is loaded into pandas). The queries see one view per
table (``reports``, ``incidents`` …, ``duties``) with two columns added from the file's
path: ``member`` (the unit of the bureau) and ``part_month``. The path's own hive names are
not used as columns because records have a ``unit`` (a sub-unit of the member) and org
units a ``kind`` of their own, which a hive reader would shadow. ``members`` holds the
units of ``bureau.yaml`` with ``included`` false for a unit the last sync excluded.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.periods import Month
from barrier_cli.reports.bureau.dataset import PART, STATIC, kinds, table_schema
from barrier_cli.reports.bureau.models import BureauTree
from barrier_cli.reports.bureau.sync import UnitSync, read_status

QUERIES = ("reporting", "quality", "cases", "people", "pairings", "branches", "systems", "trend")


@dataclass(frozen=True)
class BureauAnalysis:
    month: str
    bureau: str
    units: list[dict[str, Any]]
    """One row per included unit: reporting, quality, people and pairing figures merged."""
    excluded: list[dict[str, Any]]
    cases: list[dict[str, Any]]
    branches: list[dict[str, Any]]
    systems: list[dict[str, Any]]
    trend: list[dict[str, Any]]
    own: dict[str, int] = field(default_factory=dict)
    """The department's own work in the month: 交班 received, 剖析 visits, classes …"""

    def unit(self, unit_id: str) -> dict[str, Any]:
        return next(u for u in self.units if u["unit"] == unit_id)


def sql_text(name: str) -> str:
    return (
        importlib.resources.files("barrier_cli.reports.bureau") / "sql" / f"{name}.sql"
    ).read_text(encoding="utf-8")


# Tables only the twelve months to the analysed one are read from; the others from all
# months up to it (a case or pairing of any age can still be open).
_RECENT = frozenset({"reports", "actions", "duties"})


def connect(dataset: Path, *, month: Month | None = None) -> Any:
    """A DuckDB connection with one view per ledger table (``member``, ``part_month`` added).

    With ``month``, the views hold no partition after it (the analysis is a snapshot as of
    the month's end) and the big monthly tables only its twelve months: files are pruned
    by their path before DuckDB opens them.
    """
    from barrier_cli.core.extras import require

    require("duckdb", "pyarrow", purpose="the bureau analysis")
    import duckdb

    con = duckdb.connect(":memory:")
    con.execute("SET threads = 2")
    for kind in kinds():
        files = sorted(
            str(p)
            for p in dataset.glob(f"unit=*/kind={kind}/month=*/{PART}")
            if month is None or _wanted(kind, p.parent.name.removeprefix("month="), month)
        )
        if files:
            # A view cannot take parameters: the file list is written as quoted literals.
            listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
            con.execute(
                f"CREATE VIEW {kind} AS SELECT * EXCLUDE (filename), "
                "regexp_extract(filename, '/unit=([^/]+)/kind=', 1) AS member, "
                "regexp_extract(filename, '/month=([^/]+)/', 1) AS part_month "
                f"FROM read_parquet([{listed}], hive_partitioning = false, filename = true)"
            )
        else:
            empty = table_schema(kind).empty_table()
            con.register(f"_{kind}_empty", empty)
            con.execute(
                f"CREATE VIEW {kind} AS SELECT *, '' AS member, '' AS part_month FROM _{kind}_empty"
            )
    return con


def _wanted(kind: str, part: str, month: Month) -> bool:
    if part == STATIC:
        return True
    if part > str(month):
        return False
    return kind not in _RECENT or part >= str(month.shift(-11))


def analyze(bureau: BureauTree, *, month: Month, dataset: Path | None = None) -> BureauAnalysis:
    dataset = dataset or bureau.dataset
    if not dataset.is_dir():
        raise InvalidInput(f"{dataset}: no ledger here; run 'barrier bureau sync' first")
    status = {u.id: u for u in read_status(dataset)}
    con = connect(dataset, month=month)
    _set_month(con, month, bureau.bureau.thresholds.analyse_days)
    con.execute("CREATE TABLE members (id VARCHAR, name VARCHAR, system VARCHAR, included BOOLEAN)")
    excluded: list[dict[str, Any]] = []
    for unit in bureau.bureau.units:
        seen = status.get(unit.id)
        included = seen is None or seen.status == "ok"
        if not included:
            assert seen is not None
            excluded.append(_excluded(seen))
        con.execute(
            "INSERT INTO members VALUES (?, ?, ?, ?)", [unit.id, unit.name, unit.system, included]
        )
    results = {name: _rows(con, sql_text(name)) for name in QUERIES}
    units = _merge(results["reporting"], results["quality"], results["people"], results["pairings"])
    return BureauAnalysis(
        month=str(month),
        bureau=bureau.bureau.name,
        units=units,
        excluded=excluded,
        cases=_with_receipts(results["cases"], bureau, month),
        branches=results["branches"],
        systems=results["systems"],
        trend=results["trend"],
        own=_own_work(bureau, month),
    )


def _with_receipts(
    cases: list[dict[str, Any]], bureau: BureauTree, month: Month
) -> list[dict[str, Any]]:
    """Each case marked with whether the department holds its 交班 (``handovers/``)."""
    received = {(h.unit, h.case) for h in bureau.handovers if h.date <= month.last}
    return [c | {"received": (c["unit"], c["id"]) in received} for c in cases]


def _set_month(con: Any, month: Month, analyse_days: int) -> None:
    values: dict[str, Any] = {
        "month": str(month),
        "previous": str(month.shift(-1)),
        "year_ago": str(month.shift(-11)),
        "month_first": month.first,
        "month_last": month.last,
        "quarter_first": month.shift(-2).first,
        "analyse_days": analyse_days,
    }
    for name, value in values.items():
        con.execute(f"SET VARIABLE {name} = ?", [value])


def _rows(con: Any, sql: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _merge(*tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for table in tables:
        for row in table:
            merged.setdefault(row["unit"], {}).update(row)
    return list(merged.values())


def _excluded(seen: UnitSync) -> dict[str, Any]:
    return {
        "unit": seen.id,
        "name": seen.name,
        "status": seen.status,
        "errors": seen.errors,
        "first_error": seen.first_error,
    }


def _own_work(bureau: BureauTree, month: Month) -> dict[str, int]:
    def within(day: dt.date) -> bool:
        return month.first <= day <= month.last

    return {
        "handovers": sum(1 for h in bureau.handovers if within(h.date)),
        "visits": sum(1 for v in bureau.visits if within(v.date)),
        "training": sum(1 for g in bureau.guidance if g.kind == "training" and within(g.date)),
        "competitions": sum(
            1 for g in bureau.guidance if g.kind == "competition" and within(g.date)
        ),
        "guidance": sum(1 for g in bureau.guidance if g.kind == "guidance" and within(g.date)),
        "reorganised": sum(
            1 for o in bureau.reorganisations if o.action == "reorganised" and within(o.date)
        ),
        "strengthened": sum(
            1 for o in bureau.reorganisations if o.action == "strengthened" and within(o.date)
        ),
    }
