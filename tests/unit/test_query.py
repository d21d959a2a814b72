"""list and show over a small tree whose answers are known by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from barrier_cli.core.errors import InvalidInput, RecordNotFound
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.query import describe, kind_named, list_records

DATA = Path(__file__).resolve().parents[1] / "data" / "entry" / "records"


@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_tree(DATA)


def ids(tree: Tree, kind: str, **filters: str) -> list[str]:
    return [row["id"] for row in list_records(tree, kind=kind, **filters).rows]  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["report", "reports", "Reports", "安全信息"])
def test_kind_names(name: str) -> None:
    assert kind_named(name) == "report"


def test_an_unknown_kind_names_the_kinds() -> None:
    with pytest.raises(InvalidInput, match="report, incident, pairing"):
        kind_named("memo")


def test_month_filter(tree: Tree) -> None:
    assert ids(tree, "report", month=Month(2026, 11)) == ["R-20261103-7K2Q"]
    assert ids(tree, "report", month=Month(2026, 10)) == []
    assert ids(tree, "pairing", month=Month(2026, 9)) == ["P-20260901-4B"]


def test_a_unit_includes_the_units_below_it(tree: Tree) -> None:
    assert ids(tree, "report", unit="B1") == ["R-20261103-7K2Q"]
    assert ids(tree, "report", unit="检车一组党小组") == ["R-20261103-7K2Q"]
    assert ids(tree, "report", unit="G12") == []
    with pytest.raises(InvalidInput, match="没有单位“G99”"):
        ids(tree, "report", unit="G99")


def test_status_by_value_or_label(tree: Tree) -> None:
    assert ids(tree, "incident", status="rectifying") == ["I-20261105-3A"]
    assert ids(tree, "incident", status="整改中") == ["I-20261105-3A"]
    assert ids(tree, "incident", status="closed") == []


def test_person_matches_anyone_the_record_names(tree: Tree) -> None:
    assert ids(tree, "report", person="zhao_liu") == ["R-20261103-7K2Q"]  # an action owner
    assert ids(tree, "incident", person="李四") == ["I-20261105-3A"]  # the violator, by name
    assert ids(tree, "pairing", person="wang_wu") == []


def test_rows_keep_stored_values_and_the_table_shows_labels(tree: Tree) -> None:
    listing = list_records(tree, kind="report", lang="zh")
    assert listing.rows[0]["category"] == "fault"
    assert listing.rows[0]["path"] == "reports/2026/11/R-20261103-7K2Q.yaml"
    assert listing.shown[0]["category"] == "车辆故障" and listing.shown[0]["reporter"] == "张三"
    assert list_records(tree, kind="report", lang="en").shown[0]["category"] == "vehicle fault"


def test_show_titles_labels_names_and_numbered_actions(tree: Tree) -> None:
    result, lines = describe(tree, "R-20261103-7K2Q", lang="zh")
    assert result.rel.endswith("R-20261103-7K2Q.yaml")
    text = [(ln.depth, ln.title, ln.text) for ln in lines]
    assert (0, "类别", "车辆故障") in text  # a label, without its key
    assert (0, "报送人", "张三 (zhang_san)") in text
    assert (1, "3.", "") in text and (2, "验证人", "王五 (wang_wu)") in text
    assert (0, "表扬", "是") in text


def test_show_an_unknown_id(tree: Tree) -> None:
    with pytest.raises(RecordNotFound):
        describe(tree, "R-20990101-XXXX")
