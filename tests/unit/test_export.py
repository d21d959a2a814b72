"""``barrier export``: typed tables of every kind, the same rows and schema in every format."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from analysis_tree import october, write_tree
from barrier_cli.core.labels import LABELS
from barrier_cli.io.loader import Tree
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.export import Table, export, tables
from barrier_cli.reports.export.schema import TABLES, Column, Shape, arrow_schema
from cli_helpers import barrier

ROWS = {
    "reports": 11,
    "actions": 2,
    "incidents": 4,
    "measures": 4,
    "pairings": 4,
    "assessments": 6,
    "notices": 0,
    "competence": 0,
    "competence_results": 0,
    "key_persons": 0,
    "rewards": 0,
    "people": 8,
    "units": 5,
    "partners": 1,
    "standard_items": 2,
}


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    root, _ = october(tmp_path_factory.mktemp("export") / "records")
    return load_tree(root)


def by_name(data: list[Table]) -> dict[str, list[dict[str, Any]]]:
    return {t.name: [dict(zip(t.headers, row, strict=True)) for row in t.rows] for t in data}


def test_one_table_per_kind_with_actions_and_measures_apart(tree: Tree) -> None:
    data = by_name(tables(tree))
    assert {name: len(rows) for name, rows in data.items()} == ROWS
    first = [m for m in data["measures"] if m["record"] == "I-20261008-01"]
    assert [m["number"] for m in first] == [1, 2]  # as `due` and `action done ID/N` count
    assert first[0]["done"] == dt.date(2026, 10, 12) and first[1]["done"] is None
    assert [a["number"] for a in data["actions"]] == [1, 1]


def test_nested_fields_become_underscored_columns(tree: Tree) -> None:
    reports = by_name(tables(tree))["reports"]
    names = [c.name for c in TABLES[0].all_columns]
    assert names[:3] == ["id", "date", "reporter"]
    assert "analysis_date" in names and "analysis" not in names and "actions" not in names
    assert not [n for spec in TABLES for c in spec.all_columns for n in [c.name] if "." in n]
    withdrawn = [r for r in reports if r["withdrawn_date"] is not None]
    assert len(withdrawn) == 1  # exported, and marked


def test_lists_stay_lists_and_lists_of_mappings_are_records(tree: Tree) -> None:
    data = by_name(tables(tree))
    assert ["train", "post"] in [r["keys"] for r in data["reports"]]
    incident = next(i for i in data["incidents"] if i["id"] == "I-20261008-01")
    assert incident["causes"] == [
        {"element": "personnel", "text": "作业完了未确认", "text_en": None, "kind": "subjective"}
    ]
    assert incident["class"] == "general_a"


def test_assessments_carry_the_computed_total(tree: Tree) -> None:
    a = {r["id"]: r for r in by_name(tables(tree))["assessments"]}
    assert a["A-2026-10-B1"]["total"] == 80.0


def test_every_header_is_unique_in_every_language() -> None:
    for spec in TABLES:
        for lang in (None, "zh", "en"):
            headers = [c.header(lang) for c in spec.all_columns]
            assert len(set(headers)) == len(headers), (spec.name, lang)


def choices(columns: tuple[Column, ...]) -> list[tuple[str, Shape]]:
    """Every choice in ``columns``: a column's own, a list's items, a record's fields."""
    found = []
    for c in columns:
        shape = c.shape.item or c.shape
        if shape.kind == "choice":
            found.append((c.name, shape))
        found += choices(c.shape.fields)
    return found


def test_every_choice_has_labels() -> None:
    # A group is chosen only when it labels every value the model allows.
    unlabelled = [
        (spec.name, name)
        for spec in TABLES
        for name, shape in choices(spec.all_columns)
        if shape.group not in LABELS
    ]
    assert unlabelled == []


def test_labels_write_titles_and_choice_labels(tree: Tree) -> None:
    zh = {t.name: t for t in tables(tree, lang="zh")}
    reports = zh["reports"]
    assert reports.headers[:3] == ["编号", "发现日期", "报送人"]
    assert "分析·分析日期" in reports.headers
    rows = [dict(zip(reports.headers, r, strict=True)) for r in reports.rows]
    assert {r["类别"] for r in rows} == {"安全隐患", "违章违纪", "车辆故障", "合理化建议"}
    assert ["关键列车", "关键岗位"] in [r["五个关键"] for r in rows]
    assert {r["状态"] for r in rows} == {"待分析", "已闭环", "整改中"}
    incidents = zh["incidents"]
    statuses = {row[incidents.headers.index("状态")] for row in incidents.rows}
    assert statuses == {"待分析", "整改中", "已闭环"}
    row = next(r for r in incidents.rows if r[0] == "I-20261008-01")
    assert row[incidents.headers.index("事故等级")] == "一般A类事故"
    causes = row[incidents.headers.index("原因")]
    assert causes == [
        {"element": "人员", "text": "作业完了未确认", "text_en": None, "kind": "主观"}
    ]
    assessments = zh["assessments"]
    pairs = {
        (r[assessments.headers.index("考核标准")], r[assessments.headers.index("结果")])
        for r in assessments.rows
    }
    assert pairs == {("党支部", None), ("党员", "合格"), ("党员", "不合格")}
    en = {t.name: t for t in tables(tree, lang="en")}
    pairings = en["pairings"]
    assert "basic turnaround" in {r[pairings.headers.index("status")] for r in pairings.rows}


def test_schema_is_the_same_whatever_the_data(tree: Tree, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    empty = load_tree(write_tree(tmp_path / "empty", org={}))
    export(empty, fmt="parquet", out=tmp_path / "a")
    export(tree, fmt="parquet", out=tmp_path / "b")
    for spec in TABLES:
        a = pq.read_schema(tmp_path / "a" / f"{spec.name}.parquet")
        b = pq.read_schema(tmp_path / "b" / f"{spec.name}.parquet")
        assert a.equals(arrow_schema(spec), check_metadata=False), spec.name
        assert b.equals(a, check_metadata=False), spec.name


def test_parquet_types_come_from_the_models(tree: Tree, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    export(tree, fmt="parquet", out=tmp_path)
    reports = pq.read_table(tmp_path / "reports.parquet")
    types = {f.name: f.type for f in reports.schema}
    assert types["date"] == pa.date32() and types["analysis_date"] == pa.date32()
    assert types["category"] == pa.dictionary(pa.int32(), pa.string())
    assert pa.types.is_list(types["keys"]) and types["keys"].value_type == pa.string()
    assert types["commend"] == pa.bool_()
    assert reports.column("date")[0].as_py() == dt.date(2025, 10, 3)
    notices = pq.read_table(tmp_path / "notices.parquet")
    assert notices.num_rows == 0 and notices.schema.field("year").type == pa.int64()
    assessments = pq.read_table(tmp_path / "assessments.parquet")
    assert assessments.schema.field("total").type == pa.float64()


def test_csv_opens_in_excel_and_reads_back(tree: Tree, tmp_path: Path) -> None:
    done = export(tree, fmt="csv", out=tmp_path / "out")
    assert sorted(p.name for p in done.files) == sorted(f"{n}.csv" for n in ROWS)
    raw = (tmp_path / "out" / "reports.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 11 and rows[0]["id"].startswith("R-2025")
    assert any(r["summary"] == "提醒后发现车轮踏面擦伤超限" for r in rows)
    assert json.loads(next(r["keys"] for r in rows if r["keys"].count(",") == 1)) == [
        "train",
        "post",
    ]
    assert {r["commend"] for r in rows} == {"true", "false"}


def test_csv_and_jsonl_have_the_parquet_columns(tree: Tree, tmp_path: Path) -> None:
    export(tree, fmt="csv", out=tmp_path)
    export(tree, fmt="jsonl", out=tmp_path)
    for spec in TABLES:
        names = [c.name for c in spec.all_columns]
        text = (tmp_path / f"{spec.name}.csv").read_text(encoding="utf-8-sig")
        assert next(csv.reader(text.splitlines())) == names
        for line in (tmp_path / f"{spec.name}.jsonl").read_text(encoding="utf-8").splitlines():
            assert list(json.loads(line)) == names


def test_jsonl_has_iso_dates_arrays_and_nulls(tree: Tree, tmp_path: Path) -> None:
    export(tree, fmt="jsonl", out=tmp_path)
    lines = (tmp_path / "pairings.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    first = next(r for r in rows if r["id"] == "P-20260410-01")
    assert first["start"] == "2026-04-10" and first["full_on"] is None
    assert first["reasons"] == ["low_skill"] and first["reviews"] == []


def test_xlsx_has_frozen_header_filter_widths_and_typed_cells(tree: Tree, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    done = export(tree, fmt="xlsx", out=tmp_path, labels="zh")
    assert [p.name for p in done.files] == ["barrier.xlsx"]
    book = load_workbook(tmp_path / "barrier.xlsx")
    assert {s.title: s.max_row - 1 for s in book} == ROWS
    sheet = book["reports"]
    assert sheet.freeze_panes == "A2"
    from openpyxl.utils import get_column_letter

    width = len(next(t for t in TABLES if t.name == "reports").all_columns)
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(width)}12"  # every column, every row
    widths = [d.width for d in sheet.column_dimensions.values()]
    assert len(widths) == sheet.max_column and all(8 <= w <= 60 for w in widths)
    header = [c.value for c in sheet[1]]
    date = sheet.cell(2, header.index("发现日期") + 1)
    assert date.is_date and date.value.date() == dt.date(2025, 10, 3)
    trains = [c for c in next(sheet.iter_cols(header.index("车次") + 1)) if c.value]
    assert [(c.value, c.data_type) for c in trains] == [("车次", "s"), ("41008", "s")]
    formulas = [c for s in book for row in s.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_export_replaces_an_older_export(tree: Tree, tmp_path: Path) -> None:
    (tmp_path / "units.csv").write_text("old", encoding="utf-8")
    export(tree, fmt="csv", out=tmp_path)
    assert "第一党支部" in (tmp_path / "units.csv").read_text(encoding="utf-8-sig")
    assert not list(tmp_path.glob(".barrier-*"))


def test_labels_option_on_the_command(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    out = tmp_path / "out"
    args = ["export", "--format", "csv", "--out", str(out)]
    done = barrier(root, *args, "--labels", "en")
    assert done.returncode == 0, done.stderr
    text = (out / "reports.csv").read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(text.splitlines()))
    assert header[:5] == ["id", "date", "reporter", "unit", "tier"]
    assert {r[header.index("category")] for r in rows} >= {"vehicle fault", "suggestion"}
    done = barrier(root, *args, "--labels", "fr")
    assert done.returncode == 2 and "fr" in done.stderr


def test_a_cell_too_long_for_excel_is_cut_and_said(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from barrier_cli.reports.export.writers import CELL_LIMIT

    note = "情况" * 10_000  # the longest a note may be; two of them pass Excel's cell limit
    reviews = [{"date": f"2026-10-0{d}", "by": "lead1", "note": note} for d in (2, 3)]
    pairing = {
        "id": "P-20261001-01",
        "mentor": "mem1",
        "person": "wk1",
        "unit": "G1",
        "start": "2026-10-01",
        "reasons": ["attitude"],
        "reviews": reviews,
    }
    tree = load_tree(write_tree(tmp_path / "records", pairings=[pairing]))
    done = export(tree, fmt="xlsx", out=tmp_path)
    assert done.cut == [f"pairings P-20261001-01: reviews cut to {CELL_LIMIT} characters"]
    sheet = load_workbook(tmp_path / "barrier.xlsx")["pairings"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(2, header.index("reviews") + 1).value
    assert len(cell) == CELL_LIMIT and cell.endswith("parquet hold it all]")
    export(tree, fmt="jsonl", out=tmp_path)
    (row,) = [json.loads(x) for x in (tmp_path / "pairings.jsonl").read_text("utf-8").splitlines()]
    assert [r["note"] for r in row["reviews"]] == [note, note]
