"""`barrier list` and `barrier show` with the real command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from entry_helpers import barrier, copy_tree


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_tree(tmp_path_factory.mktemp("list"))


def test_list_table_shows_labels_and_a_count(root: Path, tmp_path: Path) -> None:
    done = barrier(root, "list", "report", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "R-20261103-7K2Q" in done.stdout and "车辆故障" in done.stdout
    assert "共 1 条" in done.stdout


def test_list_in_english(root: Path, tmp_path: Path) -> None:
    done = barrier(root, "--lang", "en", "list", "incidents", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "violation" in done.stdout and "1 records" in done.stdout


def test_list_json_holds_stored_values(root: Path, tmp_path: Path) -> None:
    done = barrier(root, "list", "report", "--format", "json", "--unit", "B1", tmp_path=tmp_path)
    data = json.loads(done.stdout)
    assert (data["schema"], data["kind"]) == (1, "report")
    rows = data["records"]
    assert [r["id"] for r in rows] == ["R-20261103-7K2Q"]
    assert rows[0]["date"] == "2026-11-03" and rows[0]["element"] == "equipment"


def test_list_csv_filters_by_person_and_month(root: Path, tmp_path: Path) -> None:
    done = barrier(
        root, "list", "pairing", "--format", "csv", "--person", "李四", "--month", "2026-09",
        tmp_path=tmp_path,
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["id"], r["reasons"], r["path"]) for r in rows] == [
        ("P-20260901-4B", "few_finds", "pairings/2026/P-20260901-4B.yaml")
    ]
    empty = barrier(
        root, "list", "pairing", "--format", "json", "--month", "2026-10", tmp_path=tmp_path
    )
    assert json.loads(empty.stdout)["records"] == []


def test_list_bad_filters_are_one_line_errors(root: Path, tmp_path: Path) -> None:
    for args in (["memo"], ["report", "--month", "2026-13"], ["report", "--unit", "nowhere"]):
        done = barrier(root, "list", *args, tmp_path=tmp_path)
        assert done.returncode == 1, args
        assert done.stderr.startswith("barrier: error:") and done.stderr.count("\n") == 1


def test_show_reads_like_a_form(root: Path, tmp_path: Path) -> None:
    done = barrier(root, "show", "r-20261103-7k2q", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("R-20261103-7K2Q  (") and lines[0].endswith("R-20261103-7K2Q.yaml)")
    assert "报送人: 张三 (zhang_san)" in lines
    assert "整改措施" in lines and "  3." in lines and "    验证人: 王五 (wang_wu)" in lines


def test_show_unknown_id(root: Path, tmp_path: Path) -> None:
    done = barrier(root, "show", "R-20990101-XXXX", tmp_path=tmp_path)
    assert done.returncode == 1 and "中没有记录" in done.stderr
