"""`barrier assess` as a user runs it: ranked tables, drafts written that `check` accepts."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from cli_helpers import barrier
from minitree import incident, report, write

REPO = Path(__file__).resolve().parents[2]
D = dt.date


def test_quarter_table_ranks_and_flags_the_lowest_and_write_makes_valid_drafts(
    tmp_path: Path,
) -> None:
    case = incident(
        date=D(2026, 8, 3),
        unit="B1-G1",
        type="violation",
        title="邻线来车未下道避让",
        violation={"kind": "rule", "severity": "general", "person": "zhu"},
    )
    root = write(tmp_path / "records", case, report(date=D(2026, 8, 4)))
    shown = barrier(root, "assess", "--quarter", "2026-Q3")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    b2 = next(n for n, line in enumerate(lines) if "二班党支部" in line)
    b1 = next(n for n, line in enumerate(lines) if "一班党支部" in line)
    assert b2 < b1 and "▼ 排序抓尾" in lines[b1] and "▼" not in lines[b2]
    # the deduction names its item, not the item's key (post_area)
    assert any(case.id in line and "岗区" in line for line in lines)
    assert "post_area" not in shown.stdout

    written = barrier(root, "assess", "--quarter", "2026-Q3", "--write")
    assert written.returncode == 0, written.stderr
    assert "已新建：assessments/2026/Q3/A-2026-Q3-B1.yaml" in written.stderr
    assert "status: draft" in (root / "assessments/2026/Q3/A-2026-Q3-B1.yaml").read_text(
        encoding="utf-8"
    )
    checked = barrier(root, "check")
    assert checked.returncode == 0, checked.stdout


def test_month_rates_members_in_english(tmp_path: Path) -> None:
    root = write(
        tmp_path / "records",
        settings={
            "cadence": {
                "member": {"period": "day", "min": 1},
                "group": {"period": "week", "min": 0},
                "branch": {"period": "month", "min": 0},
            }
        },
    )
    result = barrier(root, "--lang", "en", "assess", "--month", "2026-10")
    assert result.returncode == 0, result.stderr
    assert "member ratings (draft)" in result.stdout
    assert (
        "missed reports: fed back 0 of 22 duty days" in result.stdout
    )  # October 2026 has 22 weekdays


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    root = write(tmp_path / "records")
    both = barrier(root, "assess", "--month", "2026-10", "--quarter", "2026-Q4")
    assert both.returncode == 1 and "请给出 --month" in both.stderr
    future = barrier(root, "assess", "--quarter", "2027-Q1")
    assert future.returncode == 1 and "尚未开始" in future.stderr


def test_example_records_drafts_refer_to_real_records(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(REPO / "records", root)
    result = barrier(root, "assess", "--month", "2026-10", "--write")
    assert result.returncode == 0, result.stderr
    assert "已新建：assessments/2026/10/A-2026-10-B1.yaml" in result.stderr
    checked = barrier(root, "check")
    assert checked.returncode == 0, checked.stdout
