"""Nil returns (今日无异常): one file per person per month, a day appended in place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.checks.run import check_tree
from barrier_cli.core.errors import InvalidInput
from barrier_cli.io.parallel import load_tree
from barrier_cli.io.returns import add_nil_returns
from cli_helpers import barrier, copy_tiny

TODAY = dt.date(2026, 11, 24)


def _add(root: Path, people: list[str], day: str, by: str | None = None) -> list[Path]:
    return add_nil_returns(root, people, dt.date.fromisoformat(day), by=by, today=TODAY)


def test_days_of_a_month_go_into_one_file_in_date_order_keeping_comments(tmp_path: Path) -> None:
    root = copy_tiny(tmp_path)
    (path,) = _add(root, ["wang"], "2026-11-24")
    assert path == root / "returns/2026/11/D-202611-wang.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 手写的备注\n", encoding="utf-8")
    _add(root, ["wang"], "2026-11-02")
    _add(root, ["wang"], "2026-11-10")
    text = path.read_text(encoding="utf-8")
    assert "# 手写的备注" in text
    (record,) = load_tree(root).returns
    assert [d.date.day for d in record.days] == [2, 10, 24]
    assert barrier(root, "fmt", "--check", str(path)).returncode == 0
    assert check_tree(root, day=TODAY).findings == []


def test_a_day_recorded_twice_is_left_as_it_was(tmp_path: Path) -> None:
    root = copy_tiny(tmp_path)
    (path,) = _add(root, ["wang"], "2026-11-24")
    before = path.read_bytes()
    _add(root, ["wang"], "2026-11-24", by="wang")
    assert path.read_bytes() == before


def test_a_late_return_carries_its_filing_day_and_a_leaders_tick_its_leader(
    tmp_path: Path,
) -> None:
    root = copy_tiny(tmp_path)
    _add(root, ["wang"], "2026-11-24")
    _add(root, ["wang"], "2026-11-20", by="li")
    (record,) = load_tree(root).returns
    by_day = {d.date.day: d for d in record.days}
    assert (by_day[24].filed, by_day[24].by) == (None, None)
    assert (by_day[20].filed, by_day[20].by) == (TODAY, "li")


@pytest.mark.parametrize(
    ("people", "day", "message"),
    [
        (["wang", "nobody"], "2026-11-20", "no person 'nobody'"),
        (["wang", "chen"], "2026-11-20", "was not in the unit on 2026-11-20"),
        (["wang"], "2026-11-25", "in the future"),
    ],
)
def test_an_unknown_or_departed_person_or_a_future_day_writes_nothing(
    tmp_path: Path, people: list[str], day: str, message: str
) -> None:
    root = copy_tiny(tmp_path)
    with pytest.raises(InvalidInput, match=message):
        _add(root, people, day)
    assert not (root / "returns").exists()


def test_check_names_a_day_outside_its_month_a_repeated_day_and_a_departed_person(
    tmp_path: Path,
) -> None:
    root = copy_tiny(tmp_path)
    folder = root / "returns/2025/12"
    folder.mkdir(parents=True)
    (folder / "D-202512-chen.yaml").write_text(
        "id: D-202512-chen\nperson: chen\nmonth: 2025-12\ndays:\n"
        "  - date: 2025-12-30\n  - date: 2025-12-30\n  - date: 2026-01-02\n",
        encoding="utf-8",
    )
    codes = sorted((f.line, f.code) for f in check_tree(root, day=TODAY).findings)
    assert codes == [(6, "return-day"), (7, "inactive-person"), (7, "return-day")]


def test_nil_returns_are_never_reports(tmp_path: Path) -> None:
    root = copy_tiny(tmp_path)
    before = len(load_tree(root).reports)
    _add(root, ["wang"], "2026-11-23")
    tree = load_tree(root)
    assert len(tree.reports) == before
    assert len(tree.returns) == 1
    listed = barrier(root, "list", "report")
    assert "D-202611" not in listed.stdout
