"""A report added for an earlier day records when it was filed, so the cadence shows it late."""

from __future__ import annotations

from pathlib import Path

from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.compliance import reporting_compliance
from cli_helpers import ADD_REPORT, barrier, copy_tiny


def test_a_back_dated_report_carries_filed_and_shows_as_late(tmp_path: Path) -> None:
    root = copy_tiny(tmp_path)
    done = barrier(root, *ADD_REPORT, "--summary", "补报：20日发现闸瓦磨耗到限")
    assert done.returncode == 0, done.stderr
    _, path = done.stdout.split()
    assert "filed: 2026-11-24" in Path(path).read_text(encoding="utf-8")  # today, fixed
    wang = next(
        e
        for e in reporting_compliance(load_tree(root), Month(2026, 11)).members
        if e.subject == "wang"
    )
    assert "2026-11-20" in wang.late_periods and "2026-11-20" not in wang.missed_periods
    today = [a if a != "2026-11-20" else "2026-11-24" for a in ADD_REPORT]
    done = barrier(root, *today, "--summary", "当日发现")
    assert "filed:" not in Path(done.stdout.split()[1]).read_text(encoding="utf-8")
