"""`barrier list` and `barrier show` with the real command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from entry_helpers import DATA, barrier

ROOT = DATA / "records"


def test_list_table_shows_labels_and_a_count(tmp_path: Path) -> None:
    done = barrier(ROOT, "list", "report", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "R-20261103-7K2Q" in done.stdout and "车辆故障" in done.stdout
    assert "共 1 条" in done.stdout


def test_list_in_english(tmp_path: Path) -> None:
    done = barrier(ROOT, "--lang", "en", "list", "incidents", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "violation" in done.stdout and "1 records" in done.stdout


def test_list_json_holds_stored_values(tmp_path: Path) -> None:
    done = barrier(ROOT, "list", "report", "--format", "json", "--unit", "B1", tmp_path=tmp_path)
    rows = json.loads(done.stdout)
    assert [r["id"] for r in rows] == ["R-20261103-7K2Q"]
    assert rows[0]["date"] == "2026-11-03" and rows[0]["element"] == "equipment"


def test_list_csv_filters_by_person_and_month(tmp_path: Path) -> None:
    done = barrier(
        ROOT, "list", "pairing", "--format", "csv", "--person", "李四", "--month", "2026-09",
        tmp_path=tmp_path,
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["id"], r["reasons"], r["path"]) for r in rows] == [
        ("P-20260901-4B", "few_finds", "pairings/2026/P-20260901-4B.yaml")
    ]
    empty = barrier(
        ROOT, "list", "pairing", "--format", "json", "--month", "2026-10", tmp_path=tmp_path
    )
    assert json.loads(empty.stdout) == []


def test_list_bad_filters_are_one_line_errors(tmp_path: Path) -> None:
    for args in (["memo"], ["report", "--month", "2026-13"], ["report", "--unit", "nowhere"]):
        done = barrier(ROOT, "list", *args, tmp_path=tmp_path)
        assert done.returncode == 1, args
        assert done.stderr.startswith("barrier: error:") and done.stderr.count("\n") == 1


def test_show_reads_like_a_form(tmp_path: Path) -> None:
    done = barrier(ROOT, "show", "r-20261103-7k2q", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("R-20261103-7K2Q  (") and lines[0].endswith("R-20261103-7K2Q.yaml)")
    assert "报送人: 张三 (zhang_san)" in lines
    assert "整改措施" in lines and "  3." in lines and "    验证人: 王五 (wang_wu)" in lines


def test_show_unknown_id(tmp_path: Path) -> None:
    done = barrier(ROOT, "show", "R-20990101-XXXX", tmp_path=tmp_path)
    assert done.returncode == 1 and "no record" in done.stderr
