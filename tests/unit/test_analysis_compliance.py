"""Cadence by period (三级网络): known answers on the hand-made tree of ``network_tree``.

The answers were written down from the tree's description before the code ran.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.checks.run import check_tree
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.compliance import Expectation, periods, reporting_compliance
from network_tree import write

MARCH = Month(2026, 3)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    return load_tree(write(tmp_path_factory.mktemp("network") / "records"))


def _by(entries: list[Expectation]) -> dict[str, Expectation]:
    return {e.subject: e for e in entries}


def test_the_tree_passes_check(tree: Tree) -> None:
    assert check_tree(tree.root, day=dt.date(2026, 11, 24)).findings == []


def test_a_member_with_22_duty_days_and_19_fed_back_is_named_with_the_3_missed_dates(
    tree: Tree,
) -> None:
    m1 = _by(reporting_compliance(tree, MARCH).members)["m1"]
    assert (m1.expected, m1.actual, m1.shortfall) == (22, 19, 3)
    assert m1.missed_periods == ("2026-03-04", "2026-03-17", "2026-03-31")
    assert m1.late_periods == ()


def test_twenty_reports_on_one_day_count_as_one_duty_day(tree: Tree) -> None:
    """m1's 2 March is covered by 20 reports and nothing else; 7 March is no duty day."""
    m1 = _by(reporting_compliance(tree, MARCH).members)["m1"]
    assert "2026-03-02" not in m1.missed_periods
    assert m1.actual == 19  # 18 nil-return days + 2 March, not 18 + 20 + 1


def test_a_member_on_leave_for_5_days_is_not_blamed_for_them(tree: Tree) -> None:
    m2 = _by(reporting_compliance(tree, MARCH).members)["m2"]
    assert (m2.expected, m2.actual, m2.missed) == (17, 17, False)


def test_a_back_dated_report_and_a_late_tick_meet_the_cadence_as_late(tree: Tree) -> None:
    m3 = _by(reporting_compliance(tree, MARCH).members)["m3"]
    assert (m3.expected, m3.actual, m3.missed) == (22, 22, False)
    assert m3.late_periods == ("2026-03-10", "2026-03-11")
    assert [e.subject for e in reporting_compliance(tree, MARCH).late()] == ["m3", "lead"]


def test_a_group_leader_who_skipped_iso_week_12_is_named_for_that_week(tree: Tree) -> None:
    lead = _by(reporting_compliance(tree, MARCH).groups)["lead"]
    # W09 (ends 1 March) to W13 (ends 29 March); the draft of W12 is not feedback.
    assert (lead.expected, lead.actual, lead.missed_periods) == (5, 4, ("2026-W12",))
    assert lead.late_periods == ("2026-W13",)  # written 13 April, 15 days after the week


def test_a_branch_without_its_months_roundup_is_named(tree: Tree) -> None:
    branches = _by(reporting_compliance(tree, MARCH).branches)
    assert (branches["B1"].missed, branches["B1"].late_periods) == (False, ())
    assert branches["B2"].missed_periods == ("2026-03",)


def test_a_rotating_shift_owes_its_cycle_days_weekends_included(tree: Tree) -> None:
    r1 = _by(reporting_compliance(tree, MARCH).members)["r1"]
    assert r1.expected == 16
    assert r1.missed_periods[:4] == ("2026-03-01", "2026-03-02", "2026-03-05", "2026-03-06")


def test_only_party_members_owe_daily_feedback(tree: Tree) -> None:
    members = _by(reporting_compliance(tree, MARCH).members)
    assert set(members) == {"lead", "m1", "m2", "m3", "r1", "sec"}


def test_a_running_month_owes_only_the_days_that_have_come(tree: Tree) -> None:
    c = reporting_compliance(tree, MARCH, today=dt.date(2026, 3, 5))
    m1 = _by(c.members)["m1"]
    assert (m1.expected, m1.missed_periods) == (4, ("2026-03-04",))
    assert _by(c.groups)["lead"].expected == 1  # only W09 has ended
    assert _by(c.branches)["B2"].expected == 0  # March has not ended
    assert reporting_compliance(tree, Month(2026, 4), today=dt.date(2026, 3, 5)).all == []


def test_period_setting_is_honoured() -> None:
    assert [p.key for p in periods("week", MARCH, MARCH.last)] == [
        "2026-W09",
        "2026-W10",
        "2026-W11",
        "2026-W12",
        "2026-W13",
    ]
    assert [p.key for p in periods("month", MARCH, dt.date(2026, 3, 30))] == []
    assert len(periods("day", MARCH, MARCH.last)) == 31


def test_a_weekly_member_cadence_counts_weeks(tmp_path: Path) -> None:
    root = write(tmp_path / "records")
    (root / "barrier.yaml").write_text(
        '{"cadence": {"member": {"period": "week", "min": 2}}}', encoding="utf-8"
    )
    m1 = _by(reporting_compliance(load_tree(root), MARCH).members)["m1"]
    # Weeks W09-W13; W09 holds only 1 March (Sunday, no feedback) of March... and 23-27
    # February, which are weekdays with no feedback either: missed. The others have 4-5 days.
    assert (m1.expected, m1.missed_periods) == (5, ("2026-W09",))
