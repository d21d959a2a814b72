"""A month's analysis lists the longest-overdue actions, not the whole register: a tree that
has let thousands lapse (the 300k benchmark tree lets 59k) must still give a document a
meeting can read, and one the template renders within its CPU budget."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.render.document import render_analysis
from barrier_cli.reports.analysis.annex import cited
from barrier_cli.reports.analysis.monthly import analyze
from barrier_cli.reports.analysis.result import OVERDUE_SHOWN, MonthlyAnalysis, OverdueItem

EXAMPLES = Path(__file__).resolve().parents[2] / "records"
TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def swamped() -> MonthlyAnalysis:
    """October with 35 overdue actions, item n overdue 100 - n days (so item 0 is the
    longest overdue)."""
    october = analyze(load_tree(EXAMPLES), Month(2026, 10), today=TODAY)
    items = [
        OverdueItem(
            record=f"R-20250101-{n:03d}",
            field="actions",
            index=1,
            action=f"整改事项{n:02d}号",
            owner="",
            owner_name="张三",
            unit="b1",
            due=dt.date(2026, 10, 31) - dt.timedelta(days=100 - n),
            days_overdue=100 - n,
            unit_name="一班党支部",
        )
        for n in range(35)
    ]
    timeliness = dataclasses.replace(october.timeliness, overdue=items)
    return dataclasses.replace(october, timeliness=timeliness)


def test_the_longest_overdue_are_listed_and_the_rest_counted(swamped: MonthlyAnalysis) -> None:
    assert OVERDUE_SHOWN == 30
    for fmt in ("md", "html"):
        zh = render_analysis(swamped, fmt=fmt, lang="zh")
        assert all(f"整改事项{n:02d}号" in zh for n in range(30)), fmt
        assert not any(f"整改事项{n:02d}号" in zh for n in range(30, 35)), fmt
        assert "另有5项逾期天数较少的整改项目未逐项列出" in zh, fmt
        # the count in the prose is the whole register's, not the listed rows'
        assert "其中逾期35项" in zh, fmt
    en = render_analysis(swamped, fmt="md", lang="en")
    assert "5 more overdue actions, overdue fewer days, are not listed here" in en


def test_the_attachment_lists_the_records_of_the_rows_shown(swamped: MonthlyAnalysis) -> None:
    ids = set(cited(swamped))
    assert {f"R-20250101-{n:03d}" for n in range(30)} <= ids
    assert not ids & {f"R-20250101-{n:03d}" for n in range(30, 35)}


def test_a_month_within_the_limit_lists_every_overdue_action(swamped: MonthlyAnalysis) -> None:
    few = dataclasses.replace(
        swamped.timeliness, overdue=swamped.timeliness.overdue[:OVERDUE_SHOWN]
    )
    text = render_analysis(dataclasses.replace(swamped, timeliness=few), fmt="md", lang="zh")
    assert "未逐项列出" not in text
    assert "整改事项29号" in text
