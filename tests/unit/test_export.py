"""``barrier export``: flat tables of every kind, the same rows in every format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from analysis_tree import october
from barrier_cli.export import columns, export, tables
from barrier_cli.loader import Tree, load_tree
from barrier_cli.models import Report

ROWS = {
    "reports": 11,
    "actions": 2,
    "incidents": 4,
    "measures": 4,
    "pairings": 4,
    "assessments": 6,
    "notices": 0,
    "people": 8,
    "units": 5,
    "partners": 1,
    "standard_items": 2,
}


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    root, _ = october(tmp_path_factory.mktemp("export") / "records")
    return load_tree(root)


def test_one_table_per_kind_with_actions_and_measures_apart(tree: Tree) -> None:
    data = tables(tree)
    assert {name: len(df) for name, df in data.items()} == ROWS
    measures = data["measures"]
    assert list(measures.columns[:3]) == ["record", "index", "action"]
    first = measures[measures["record"] == "I-20261008-01"]
    assert list(first["index"]) == [0, 1] and list(first["done"].isna()) == [False, True]


def test_nested_fields_become_dotted_columns(tree: Tree) -> None:
    reports = tables(tree)["reports"]
    assert "analysis.cause" in reports.columns and "analysis" not in reports.columns
    assert "actions" not in reports.columns
    assert columns(Report)[:3] == ["id", "date", "reporter"]
    withdrawn = reports[reports["withdrawn.date"].notna()]
    assert len(withdrawn) == 1  # exported, and marked
    keys = reports.set_index("id")["keys"].dropna()
    assert "train; post" in set(keys)


def test_incident_lists_of_mappings_are_json(tree: Tree) -> None:
    incidents = tables(tree)["incidents"].set_index("id")
    causes = json.loads(incidents.loc["I-20261008-01", "causes"])
    assert causes == [{"element": "personnel", "text": "作业完了未确认", "kind": "subjective"}]
    assert incidents.loc["I-20261008-01", "class"] == "general_a"


def test_assessments_carry_the_computed_total(tree: Tree) -> None:
    a = tables(tree)["assessments"].set_index("id")
    assert a.loc["A-2026-10-B1", "total"] == 80


def test_csv_opens_in_excel_and_reads_back(tree: Tree, tmp_path: Path) -> None:
    done = export(tree, fmt="csv", out=tmp_path / "out")
    assert sorted(p.name for p in done.files) == sorted(f"{n}.csv" for n in ROWS)
    raw = (tmp_path / "out" / "reports.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 11 and rows[0]["id"].startswith("R-2025")
    assert any(r["summary"] == "提醒后发现车轮踏面擦伤超限" for r in rows)


def test_jsonl_has_iso_dates_and_nulls(tree: Tree, tmp_path: Path) -> None:
    export(tree, fmt="jsonl", out=tmp_path)
    lines = (tmp_path / "pairings.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    first = next(r for r in rows if r["id"] == "P-20260410-01")
    assert first["start"] == "2026-04-10" and first["full_on"] is None


def test_parquet_keeps_dates(tree: Tree, tmp_path: Path) -> None:
    import pandas as pd

    export(tree, fmt="parquet", out=tmp_path)
    df = pd.read_parquet(tmp_path / "reports.parquet")
    assert len(df) == 11
    assert str(df["date"].iloc[0]) == "2025-10-03"


def test_xlsx_is_one_workbook_with_a_sheet_per_table(tree: Tree, tmp_path: Path) -> None:
    import pandas as pd

    done = export(tree, fmt="xlsx", out=tmp_path)
    assert [p.name for p in done.files] == ["barrier.xlsx"]
    sheets = pd.read_excel(tmp_path / "barrier.xlsx", sheet_name=None)
    assert {name: len(df) for name, df in sheets.items()} == ROWS


def test_export_replaces_an_older_export(tree: Tree, tmp_path: Path) -> None:
    (tmp_path / "units.csv").write_text("old", encoding="utf-8")
    export(tree, fmt="csv", out=tmp_path)
    assert "第一党支部" in (tmp_path / "units.csv").read_text(encoding="utf-8-sig")
    assert not list(tmp_path.glob(".barrier-*"))
