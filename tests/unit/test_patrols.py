"""Cadre patrols against their own cadence: known answers on ``network_tree`` with 王书记 (sec,
branch B1, weekdays) made a cadre who patrolled on 2, 3 and 7 March 2026."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis_tree import report
from barrier_cli.checks.run import check_tree
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.analysis.patrols import cadre_patrols
from network_tree import write, write_report

MARCH = Month(2026, 3)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = write(tmp_path / "records")
    org = json.loads((root / "org.yaml").read_text(encoding="utf-8"))
    sec = next(p for p in org["people"] if p["id"] == "sec")
    sec["roles"] = ["secretary", "cadre"]
    (root / "org.yaml").write_text(json.dumps(org, ensure_ascii=False), encoding="utf-8")
    for rid, day, keys in (
        ("R-20260302-P001", "2026-03-02", ["train", "post"]),
        ("R-20260303-P002", "2026-03-03", []),
        ("R-20260307-P003", "2026-03-07", ["person"]),
    ):
        write_report(root, report(day, "sec", id=rid, source="cadre_patrol", keys=keys))
    return root


def test_each_duty_day_without_a_patrol_is_named_and_the_keys_watched_counted(root: Path) -> None:
    (sec,) = cadre_patrols(load_tree(root), MARCH)
    # 22 weekdays; patrols on Monday 2 and Tuesday 3 cover two; Saturday 7 is no duty day.
    assert (sec.expected, sec.actual, sec.patrols, len(sec.missed_periods)) == (22, 2, 3, 20)
    assert sec.missed_periods[:2] == ("2026-03-04", "2026-03-05")
    assert sec.keys == {"train": 1, "group": 0, "post": 1, "link": 0, "person": 1}
    assert sec.without_keys == ("R-20260303-P002",)


def test_a_patrol_naming_no_key_is_a_finding(root: Path) -> None:
    found = [(f.path, f.code) for f in check_tree(root).findings]
    assert found == [("reports/2026/03/R-20260303-P002.yaml", "patrol-keys")]


def test_the_patrol_cadence_setting_is_honoured(root: Path) -> None:
    (root / "barrier.yaml").write_text('{"patrol": {"period": "week", "min": 1}}', encoding="utf-8")
    (sec,) = cadre_patrols(load_tree(root), MARCH)
    assert (sec.expected, sec.actual) == (5, 1)
    assert sec.missed_periods == ("2026-W09", "2026-W11", "2026-W12", "2026-W13")
