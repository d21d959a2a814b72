"""Parquet exports of different months are one dataset: same schema, read together by DuckDB."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis_tree import report, write_tree
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.export import export
from barrier_cli.reports.export.schema import TABLES

ANALYSIS = {"date": "2026-10-03", "by": "lead1", "cause": "作业不规范"}


@pytest.fixture(scope="module")
def months(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """September (nothing analysed yet: analysis_date all null, no actions) and October."""
    base = tmp_path_factory.mktemp("months")
    september = [
        report("2026-09-03", "mem1"),
        report("2026-09-10", "lead1", category="violation", keys=["train"]),
        report("2026-09-20", "mem1"),
    ]
    october = [
        report(
            "2026-10-02",
            "mem1",
            keys=["train", "post"],
            status="analysed",
            analysis=ANALYSIS,
            actions=[{"action": "复查", "owner": "lead1", "due": "2026-10-20"}],
        ),
        report("2026-10-05", "wk1", category="fault"),
    ]
    out = []
    for name, reports in (("2026-09", september), ("2026-10", october)):
        tree = load_tree(write_tree(base / name / "records", reports=reports))
        export(tree, fmt="parquet", out=base / name / "export")
        out.append(base / name / "export")
    return out


def test_two_months_concatenate(months: list[Path]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for spec in TABLES:
        parts = [pq.read_table(m / f"{spec.name}.parquet") for m in months]
        assert parts[0].schema.equals(parts[1].schema), spec.name
        pa.concat_tables(parts)  # ArrowInvalid when a null column was typed 'null'
    sept = pq.read_table(months[0] / "reports.parquet")
    assert sept.column("analysis_date").null_count == 3
    assert sept.schema.field("analysis_date").type == pa.date32()


def test_duckdb_reads_both_months_as_one_dataset(months: list[Path]) -> None:
    import duckdb

    files = [str(m / "reports.parquet") for m in months]
    per_category = duckdb.execute(
        "SELECT category, count(*), count(analysis_date) FROM read_parquet(?) "
        "GROUP BY category ORDER BY category",
        [files],
    ).fetchall()
    # By hand: September 2 hazards and a violation, none analysed; October a hazard
    # (analysed on 10-03) and a fault.
    assert per_category == [("fault", 1, 0), ("hazard", 3, 1), ("violation", 1, 0)]
    (key_trains, last_analysed, kind), *_ = duckdb.execute(
        "SELECT count(*) FILTER (WHERE list_contains(keys, 'train')), max(analysis_date), "
        "typeof(max(analysis_date)) FROM read_parquet(?)",
        [files],
    ).fetchall()
    assert (key_trains, last_analysed, kind) == (2, dt.date(2026, 10, 3), "DATE")
    actions = [str(m / "actions.parquet") for m in months]
    (row,) = duckdb.execute("SELECT record, number, due FROM read_parquet(?)", [actions]).fetchall()
    assert row[1:] == (1, dt.date(2026, 10, 20)) and row[0].startswith("R-20261002-")


def test_each_months_duties_are_those_of_the_whole_tree() -> None:
    """The ledger counts a month's duties from the feedback around it: the same answer as
    from every record of the tree (the example's 18 months, weeks across month ends)."""
    from barrier_cli.core.periods import Month
    from barrier_cli.reports.bureau.dataset import _duties
    from barrier_cli.reports.compliance import reporting_compliance

    tree = load_tree(Path(__file__).resolve().parents[2] / "records")
    today = dt.date(2026, 11, 24)
    found = _duties(tree, today=today)
    assert len(found) >= 18
    for month, rows in found.items():
        whole = reporting_compliance(tree, Month.parse(month), today=today).all
        assert rows == [(e.tier, e.subject, e.unit, e.branch, e.expected, e.actual) for e in whole]
