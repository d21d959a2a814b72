"""The competence, key-person and reward tables of `export`: typed, labelled, stable."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from barrier_cli.io.loader import Tree
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.export import export, tables
from barrier_cli.reports.export.schema import TABLES, arrow_schema

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
NEW = ("competence", "competence_results", "key_persons", "rewards")


@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_tree(EXAMPLE)


def rows_of(tree: Tree, name: str, lang: Any = None) -> list[dict[str, Any]]:
    [table] = [t for t in tables(tree, lang=lang) if t.name == name]
    return [dict(zip(table.headers, row, strict=True)) for row in table.rows]


def test_every_record_and_result_is_a_row(tree: Tree) -> None:
    assert len(rows_of(tree, "competence")) == len(tree.competence)
    results = rows_of(tree, "competence_results")
    assert len(results) == sum(len(c.results) for c in tree.competence) > 0
    first = next(c for c in tree.competence if c.results)
    mine = [r for r in results if r["record"] == first.id]
    assert [r["number"] for r in mine] == list(range(1, len(first.results) + 1))
    assert [r["person"] for r in mine] == [r.person for r in first.results]
    assert len(rows_of(tree, "key_persons")) == len(tree.key_persons)


def test_the_3000_yuan_reward_for_916018(tree: Tree) -> None:
    [reward] = [r for r in rows_of(tree, "rewards") if r["amount"] == 3000]
    assert reward["id"] == "W-20250627-01" and reward["date"] == dt.date(2025, 6, 27)
    assert reward["kind"] == "reward" and reward["level"] == "workshop"
    assert "916018" in reward["reason"] and reward["record"] == "R-20250627-JHF1"
    zh = next(r for r in rows_of(tree, "rewards", "zh") if r["编号"] == "W-20250627-01")
    assert (zh["类别"], zh["层级"]) == ("奖励", "车间")


def test_key_person_signals_stay_records_with_labels(tree: Tree) -> None:
    rows = rows_of(tree, "key_persons", "en")
    signals = [s for r in rows for s in r["signals"]]
    assert signals and {"kind", "ref"} <= set(signals[0])
    kinds = {s["kind"] for s in signals}
    assert kinds <= {"violation", "quality feedback", "near miss", "failed check",
                     "few faults found", "other"}  # fmt: skip


def _copy_without(tmp_path: Path, key: str) -> Path:
    """Settings, org and standards of the example with its rewards, every ``key:`` removed."""
    root = tmp_path / "records"
    root.mkdir()
    for name in ("barrier.yaml", "org.yaml"):
        shutil.copy(EXAMPLE / name, root / name)
    shutil.copytree(EXAMPLE / "standards", root / "standards")
    for source in (EXAMPLE / "rewards").rglob("*.yaml"):
        target = root / source.relative_to(EXAMPLE)
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = source.read_text("utf-8").splitlines(keepends=True)
        target.write_text("".join(x for x in lines if not x.startswith(f"{key}:")), "utf-8")
    return root


def test_an_all_null_column_keeps_its_type_in_parquet(tree: Tree, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    bare = load_tree(_copy_without(tmp_path, "amount"))
    assert bare.rewards and all(r.amount is None for r in bare.rewards)
    export(bare, fmt="parquet", out=tmp_path / "bare")
    export(tree, fmt="parquet", out=tmp_path / "full")
    for name in NEW:
        [spec] = [s for s in TABLES if s.name == name]
        a = pq.read_schema(tmp_path / "bare" / f"{name}.parquet")
        b = pq.read_schema(tmp_path / "full" / f"{name}.parquet")
        assert a.equals(arrow_schema(spec), check_metadata=False), name
        assert b.equals(a, check_metadata=False), name
    rewards = pq.read_table(tmp_path / "bare" / "rewards.parquet")
    assert rewards.schema.field("amount").type == pa.float64()
    assert rewards.column("amount").null_count == rewards.num_rows > 0
    assert rewards.schema.field("date").type == pa.date32()
    assert pa.types.is_dictionary(rewards.schema.field("level").type)
    results = pq.read_table(tmp_path / "full" / "competence_results.parquet")
    assert results.schema.field("passed").type == pa.bool_()
    assert results.schema.field("score").type == pa.float64()


def test_csv_and_xlsx_hold_the_new_tables_with_headers_even_when_empty(
    tree: Tree, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    bare = load_tree(_copy_without(tmp_path, "amount"))
    export(bare, fmt="csv", out=tmp_path / "csv")
    for name in NEW:
        [spec] = [s for s in TABLES if s.name == name]
        text = (tmp_path / "csv" / f"{name}.csv").read_text(encoding="utf-8-sig")
        assert next(csv.reader(text.splitlines())) == [c.name for c in spec.all_columns]
    export(tree, fmt="xlsx", out=tmp_path / "xlsx", labels="zh")
    book = load_workbook(tmp_path / "xlsx" / "barrier.xlsx")
    assert {n: book[n].max_row - 1 for n in NEW} == {
        "competence": len(tree.competence),
        "competence_results": sum(len(c.results) for c in tree.competence),
        "key_persons": len(tree.key_persons),
        "rewards": len(tree.rewards),
    }
    header = [c.value for c in book["rewards"][1]]
    amount = book["rewards"].cell(2, header.index("金额（元）") + 1)
    assert amount.data_type == "n"
