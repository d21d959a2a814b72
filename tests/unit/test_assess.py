"""Draft assessments: branch deductions with real refs, ranking, member ratings, writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from barrier_cli import assess as a
from barrier_cli.checks import check_tree
from barrier_cli.errors import InvalidInput
from barrier_cli.loader import load_tree
from barrier_cli.models import Assessment
from barrier_cli.periods import Month, Quarter
from minitree import BRANCH_STANDARD, build, incident, report, write

TODAY = dt.date(2026, 11, 24)
Q3 = Quarter(2026, 3)
D = dt.date
# One member report a month: these tests are about what a missed month costs, not about days.
MEMBER_MONTHLY = {
    "cadence": {
        "member": {"period": "month", "min": 1},
        "group": {"period": "week", "min": 0},
        "branch": {"period": "month", "min": 0},
    }
}


def violation(person: str, unit: str, day: dt.date, severity: str = "general") -> Any:
    return incident(
        date=day,
        unit=unit,
        type="violation",
        title="邻线来车未下道避让",
        violation={"kind": "rule", "severity": severity, "person": person},
    )


def test_quarter_ranks_branches_flags_the_lowest_and_every_ref_is_a_record() -> None:
    records = [
        violation("zhu", "B1-G1", D(2026, 8, 3)),
        report(date=D(2026, 7, 9), summary="闸瓦"),
        report(
            date=D(2026, 9, 9),
            actions=[{"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 9, 12)}],
        ),
        report(date=D(2026, 8, 9), reporter="jiang"),
    ]
    tree = build(*records)
    result = a.assess(tree, Q3, today=TODAY)
    assert [(d.assessment.subject, d.rank, d.lowest) for d in result.branches] == [
        ("B2", 1, False),
        ("B1", 2, True),
    ]
    b1 = result.branches[1]
    assert {(x.item, x.points) for x in b1.assessment.deductions} == {
        ("post_area", 1),
        ("info_quality", 0.5),
        ("projects", 1),
    }
    assert b1.total == 100 - 2.5 and b1.aspects == {
        "info": 29.5,
        "control": 29,
        "network": 20,
        "basic": 19,
    }
    ids = tree.by_id()
    assert all(x.ref in ids for d in result.branches for x in d.assessment.deductions)
    assert result.members == []


def test_overdue_actions_count_once_per_quarter_not_once_per_month() -> None:
    late = report(
        date=D(2026, 7, 2), actions=[{"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 7, 5)}]
    )
    result = a.assess(build(late), Q3, today=TODAY)
    b1 = next(d for d in result.branches if d.assessment.subject == "B1")
    assert [(x.item, x.ref) for x in b1.assessment.deductions] == [("projects", late.id)]


def test_equal_totals_flag_nobody() -> None:
    result = a.assess(build(), Q3, today=TODAY)
    assert [(d.rank, d.lowest, d.total) for d in result.branches] == [
        (1, False, 100),
        (1, False, 100),
    ]


def test_deductions_never_take_an_item_below_zero() -> None:
    cases = [violation("jiang", "B2-G1", D(2026, 7, n), "serious") for n in range(1, 6)]
    result = a.assess(build(*cases), Q3, today=TODAY)
    b2 = next(d for d in result.branches if d.assessment.subject == "B2")
    post_area = [x.points for x in b2.assessment.deductions if x.item == "post_area"]
    assert post_area == [3, 3, 3, 1]  # 10 points in all


def test_member_month_fails_for_missed_reports_own_violation_and_accident_nearby() -> None:
    tree = build(
        report(date=D(2026, 10, 3), reporter="jiang"),
        report(date=D(2026, 10, 3), reporter="zhao"),
        report(date=D(2026, 10, 3), reporter="wang"),
        violation("jiang", "B2-G1", D(2026, 10, 8)),
        incident(date=D(2026, 10, 9), unit="B2-G1", type="accident", **{"class": "general_c"}),
        settings=MEMBER_MONTHLY,
    )
    result = a.assess(tree, Month(2026, 10), today=TODAY)
    members = {m.assessment.subject: m.assessment for m in result.members}
    assert set(members) == {"wang", "zhu", "jiang", "zhao"}
    assert members["wang"].result == "pass" and members["wang"].total == 100
    assert members["zhu"].result == "fail"
    assert (
        "漏报" in members["zhu"].deductions[0].reason and members["zhu"].deductions[0].ref is None
    )
    jiang = members["jiang"]
    assert jiang.result == "fail" and [x.item for x in jiang.deductions] == [
        "no_violation",
        "no_accident",
    ]
    assert all(x.ref in tree.by_id() for x in jiang.deductions)
    assert members["zhao"].result == "fail" and members["zhao"].deductions[0].item == "no_accident"


def test_a_missed_report_deduction_refers_to_the_members_assessment() -> None:
    rated = Assessment(
        id="A-2026-07-zhu",
        period="2026-07",
        subject="zhu",
        standard="member",
        result="fail",
        status="final",
        by="wang",
        date=D(2026, 8, 2),
    )
    others = [
        report(date=D(2026, m, 3), reporter=p) for m in (7, 8, 9) for p in ("jiang", "zhao", "wang")
    ]
    zhu = [report(date=D(2026, m, 3)) for m in (8, 9)]
    tree = build(rated, *others, *zhu, settings=MEMBER_MONTHLY)
    b1 = next(d for d in a.assess(tree, Q3, today=TODAY).branches if d.assessment.subject == "B1")
    assert [(x.item, x.points, x.ref) for x in b1.assessment.deductions] == [
        ("info_network", 2, "A-2026-07-zhu")
    ]


def test_a_standard_without_the_item_gives_a_note_not_a_wrong_deduction() -> None:
    tree = build(violation("zhu", "B1-G1", D(2026, 8, 3)))
    std = BRANCH_STANDARD | {"aspects": [BRANCH_STANDARD["aspects"][0]]}
    tree.standards["branch"] = tree.standards["branch"].model_validate(std)
    result = a.assess(tree, Q3, today=TODAY)
    assert result.notes == [
        "standards/branch.yaml has no item 'post_area': no deduction for violation"
    ]
    assert all(not d.assessment.deductions for d in result.branches)


def test_period_options() -> None:
    assert a.parse_period("2026-10", None) == Month(2026, 10)
    assert a.parse_period(None, "2026-Q3") == Q3
    with pytest.raises(InvalidInput, match="either"):
        a.parse_period("2026-10", "2026-Q3")
    with pytest.raises(InvalidInput, match="has not begun"):
        a.assess(build(), Quarter(2027, 1), today=TODAY)


def test_write_creates_replaces_drafts_and_keeps_finals(tmp_path: Path) -> None:
    final = Assessment(
        id="A-2026-Q3-B2",
        period="2026-Q3",
        subject="B2",
        standard="branch",
        status="final",
        by="wang",
        date=D(2026, 10, 8),
    )
    root = write(tmp_path / "records", violation("zhu", "B1-G1", D(2026, 8, 3)), final)
    final_text = (root / "assessments/2026/Q3/A-2026-Q3-B2.yaml").read_bytes()
    tree = load_tree(root)
    first = a.write_drafts(tree, a.assess(tree, Q3, today=TODAY))
    assert sorted((w.id, w.action) for w in first) == [
        ("A-2026-Q3-B1", "created"),
        ("A-2026-Q3-B2", "kept"),
    ]
    assert (root / "assessments/2026/Q3/A-2026-Q3-B2.yaml").read_bytes() == final_text
    tree = load_tree(root)
    again = a.write_drafts(tree, a.assess(tree, Q3, today=TODAY))
    assert sorted((w.id, w.action) for w in again) == [
        ("A-2026-Q3-B1", "replaced"),
        ("A-2026-Q3-B2", "kept"),
    ]
    written = next(x for x in load_tree(root).assessments if x.id == "A-2026-Q3-B1")
    assert written.status == "draft" and written.total == 99
    assert check_tree(root).errors == 0
