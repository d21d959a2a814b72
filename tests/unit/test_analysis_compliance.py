from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from analysis_tree import report, write_tree
from barrier_cli.analysis.compliance import Expectation, reporting_compliance
from barrier_cli.loader import Tree, load_tree
from barrier_cli.periods import Month

OCT = Month(2026, 10)


def _tree(tmp_path: Path, reports: list[dict[str, Any]]) -> Tree:
    return load_tree(write_tree(tmp_path / "records", reports=reports))


def _by_subject(entries: list[Expectation]) -> dict[str, Expectation]:
    return {e.subject: e for e in entries}


def test_each_tier_counts_its_own_level(tmp_path: Path) -> None:
    reports = [
        *(report(f"2026-10-0{d}", "mem1") for d in range(1, 5)),  # 4: meets member min 4
        report("2026-10-02", "lead1"),  # member level: 1 of 4
        report("2026-10-03", "lead1", level="group"),  # group level: 1 of 2
        report("2026-10-20", "mem2", level="branch", unit="B2"),  # branch B2 reported
        report("2026-09-30", "mem1"),  # another month
        report(
            "2026-10-05", "mem1", withdrawn={"date": "2026-10-06", "by": "lead1", "reason": "重复"}
        ),
    ]
    c = reporting_compliance(_tree(tmp_path, reports), OCT)
    members = _by_subject(c.members)
    # sec2 left in September; workers are not party members.
    assert set(members) == {"lead1", "mem1", "mem2"}
    assert (members["mem1"].expected, members["mem1"].actual, members["mem1"].missed) == (
        4,
        4,
        False,
    )
    assert (members["lead1"].actual, members["lead1"].shortfall) == (1, 3)
    # mem2 joined on 16 October: 16 of 31 days of 4 is 2.06, rounded to 2; one branch report
    # is not a member report.
    assert (members["mem2"].expected, members["mem2"].actual) == (2, 0)
    assert members["mem2"].branch == "B2"
    groups = _by_subject(c.groups)
    assert list(groups) == ["lead1"]
    assert (groups["lead1"].expected, groups["lead1"].actual, groups["lead1"].missed) == (
        2,
        1,
        True,
    )
    branches = _by_subject(c.branches)
    assert (branches["B1"].actual, branches["B1"].missed) == (0, True)
    assert (branches["B2"].actual, branches["B2"].missed) == (1, False)
    assert [(e.tier, e.name) for e in c.missed()] == [
        ("member", "李组长"),
        ("member", "王党员"),
        ("group", "李组长"),
        ("branch", "第一党支部"),
    ]
    assert [e.subject for e in c.missed("branch")] == ["B1"]


def test_a_running_month_is_prorated_to_today(tmp_path: Path) -> None:
    tree = _tree(tmp_path, [report("2026-11-02", "mem1")])
    c = reporting_compliance(tree, Month(2026, 11), today=dt.date(2026, 11, 8))
    # 8 of 30 days of 4 reports is 1.07 → 1, which mem1 has sent.
    assert not _by_subject(c.members)["mem1"].missed
    assert reporting_compliance(tree, Month(2026, 12), today=dt.date(2026, 11, 8)).all == []


def test_people_outside_the_month_are_not_expected(tmp_path: Path) -> None:
    tree = _tree(tmp_path, [])
    sep = reporting_compliance(tree, Month(2026, 9))
    assert {e.subject for e in sep.members} == {"lead1", "mem1", "sec2"}
    assert all(e.expected == 4 for e in sep.members)
