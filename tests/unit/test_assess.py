"""Draft assessments: branch deductions with real refs, ranking, member ratings, writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from barrier_cli.checks.run import check_tree
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.models import Assessment, Competence
from barrier_cli.core.periods import Month, Quarter
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports import assess as a
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


def studies(*months: int, units: tuple[str, ...] = ("B1", "B2")) -> list[Competence]:
    """A 双学双提 session in each branch each month, so no_activity stays out of the way."""
    return [
        Competence.model_validate(
            {
                "id": f"C-2026{m:02d}15-{n:02d}",
                "date": D(2026, m, 15),
                "unit": unit,
                "kind": "study",
                "title": "双学双提：学规章、学实作",
            }
        )
        for m in months
        for n, unit in enumerate(units, 1)
    ]


Q3_STUDIES = studies(7, 8, 9)
DERIVED_MAX = 67
"""The minitree standard's derived items (those the default rules deduct from); its five
other items are entered by people and count 0 until they are."""


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
        *Q3_STUDIES,
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
        ("violation_analysis", 2),  # the 两违 was never analysed
    }
    assert b1.total == DERIVED_MAX - 4.5 and b1.aspects == {
        "info": 10 + 5.5 + 5 + 7,
        "control": 9 + 7,
        "network": 0,
        "basic": 9 + 10,
    }
    ids = tree.by_id()
    assert all(x.ref in ids for d in result.branches for x in d.assessment.deductions)
    items = {i.item: i for i in b1.assessment.items}
    assert items["post_area"].evidence == [records[0].id]


def test_overdue_actions_count_once_per_quarter_not_once_per_month() -> None:
    late = report(
        date=D(2026, 7, 2), actions=[{"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 7, 5)}]
    )
    result = a.assess(build(late, *Q3_STUDIES), Q3, today=TODAY)
    b1 = next(d for d in result.branches if d.assessment.subject == "B1")
    assert [(x.item, x.ref) for x in b1.assessment.deductions] == [("projects", late.id)]


def test_equal_totals_flag_nobody() -> None:
    result = a.assess(build(*Q3_STUDIES), Q3, today=TODAY)
    assert [(d.rank, d.lowest, d.total) for d in result.branches] == [
        (1, False, DERIVED_MAX),
        (1, False, DERIVED_MAX),
    ]


def test_deductions_never_take_an_item_below_zero() -> None:
    cases = [violation("jiang", "B2-G1", D(2026, 7, n), "serious") for n in range(1, 6)]
    result = a.assess(build(*cases), Q3, today=TODAY)
    b2 = next(d for d in result.branches if d.assessment.subject == "B2")
    post_area = [x.points for x in b2.assessment.deductions if x.item == "post_area"]
    assert post_area == [3, 3, 3, 1]  # A-class 两违 weigh 3; 10 points in all


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
    # no 一口清/一手精 check recorded: those two items are not yet assessed (0, not 25)
    assert members["wang"].result == "pass" and members["wang"].total == 50
    assert members["zhu"].result == "fail"
    assert (
        "漏报" in members["zhu"].deductions[0].reason and members["zhu"].deductions[0].ref is None
    )
    jiang = members["jiang"]
    assert jiang.result == "fail" and [(x.item, x.points) for x in jiang.deductions] == [
        ("no_violation", 10),  # a B-class 两违
        ("no_accident", 5),  # a bystander of the accident in the group
    ]
    assert all(x.ref in tree.by_id() for x in jiang.deductions)
    # zhao only stood by: points off, but the rating holds
    assert members["zhao"].result == "pass" and members["zhao"].deductions[0].points == 5


def test_a_missed_report_deduction_says_the_same_in_both_languages() -> None:
    tree = build(report(date=D(2026, 10, 3), reporter="wang"), settings=MEMBER_MONTHLY)
    said = {
        lang: next(
            m.assessment.deductions[0].reason
            for m in a.assess(tree, Month(2026, 10), today=TODAY, lang=lang).members
            if m.assessment.subject == "zhu"
        )
        for lang in ("zh", "en")
    }
    assert said["zh"] == "漏报：党员应反馈1个月，实际反馈0个月，漏报1个月（2026-10），岗区评比失格"
    assert said["en"] == (
        "missed reports: fed back 0 of 1 months as party member, missed 1 (2026-10); "
        "fails the post rating"
    )


def test_the_person_responsible_for_an_accident_is_not_rated_like_a_bystander() -> None:
    accident = incident(
        date=D(2026, 10, 9),
        unit="B2-G1",
        type="accident",
        persons=[{"person": "zhao", "role": "responsible"}],
        **{"class": "general_c"},
    )
    result = a.assess(build(accident), Month(2026, 10), today=TODAY)
    members = {m.assessment.subject: m.assessment for m in result.members}
    assert [(x.item, x.points) for x in members["zhao"].deductions] == [("no_accident", 25)]
    assert members["zhao"].result == "fail"
    assert [(x.item, x.points) for x in members["jiang"].deductions] == [("no_accident", 5)]
    assert members["jiang"].result == "pass"


def test_competence_checks_score_knows_and_skills() -> None:
    check = Competence.model_validate(
        {
            "id": "C-20260910-01",
            "date": D(2026, 9, 10),
            "unit": "B2",
            "kind": "knows",
            "title": "应知一口清抽考",
            "results": [{"person": "jiang", "passed": True}, {"person": "zhao", "passed": False}],
        }
    )
    result = a.assess(build(check), Month(2026, 10), today=TODAY)
    members = {m.assessment.subject: m for m in result.members}
    jiang, zhao = members["jiang"], members["zhao"]
    knows = {i.item: i for i in jiang.assessment.items}["knows"]
    assert (knows.score, knows.evidence, jiang.sources["skills"]) == (25, [check.id], "missing")
    assert [(x.item, x.ref) for x in zhao.assessment.deductions] == [("knows", check.id)]
    assert zhao.assessment.result == "fail"


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
    tree = build(rated, *others, *zhu, *Q3_STUDIES, settings=MEMBER_MONTHLY)
    b1 = next(d for d in a.assess(tree, Q3, today=TODAY).branches if d.assessment.subject == "B1")
    assert [(x.item, x.points, x.ref) for x in b1.assessment.deductions] == [
        ("info_network", 2, "A-2026-07-zhu")
    ]


def test_a_standard_without_the_item_gives_a_note_not_a_wrong_deduction() -> None:
    tree = build(violation("zhu", "B1-G1", D(2026, 8, 3)), *Q3_STUDIES)
    std = BRANCH_STANDARD | {"aspects": [BRANCH_STANDARD["aspects"][0]]}
    tree.standards["branch"] = tree.standards["branch"].model_validate(std)
    result = a.assess(tree, Q3, today=TODAY)
    assert result.notes == ["standards/branch.yaml 中没有项目“post_area”，“violation”不予扣分"]
    assert [(x.item, x.ref) for d in result.branches for x in d.assessment.deductions] == [
        ("violation_analysis", tree.incidents[0].id)
    ]


def test_many_shortfalls_of_a_rule_without_its_item_give_one_note_and_each_branch_its_own() -> None:
    cases = [
        violation("zhu", "B1-G1", D(2026, 8, 3)),
        violation("zhu", "B1-G1", D(2026, 8, 20)),
        violation("zhao", "B2-G1", D(2026, 9, 4)),
    ]
    tree = build(*cases, *Q3_STUDIES)
    std = BRANCH_STANDARD | {"aspects": [BRANCH_STANDARD["aspects"][0]]}
    tree.standards["branch"] = tree.standards["branch"].model_validate(std)
    result = a.assess(tree, Q3, today=TODAY)
    assert result.notes == ["standards/branch.yaml 中没有项目“post_area”，“violation”不予扣分"]
    refs = {d.assessment.subject: [x.ref for x in d.assessment.deductions] for d in result.branches}
    assert refs == {"B1": [cases[0].id, cases[1].id], "B2": [cases[2].id]}


def test_period_options() -> None:
    assert a.parse_period("2026-10", None, TODAY) == Month(2026, 10)
    assert a.parse_period(None, "2026-Q3", TODAY) == Q3
    assert a.parse_period(None, "last-quarter", TODAY) == Q3
    with pytest.raises(InvalidInput, match="either"):
        a.parse_period("2026-10", "2026-Q3", TODAY)
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
    root = write(tmp_path / "records", violation("zhu", "B1-G1", D(2026, 8, 3)), final, *Q3_STUDIES)
    final_text = (root / "assessments/2026/Q3/A-2026-Q3-B2.yaml").read_bytes()
    tree = load_tree(root)
    first = a.write_drafts(tree, a.assess(tree, Q3, today=TODAY))
    assert sorted((w.id, w.action) for w in first if "-B" in w.id) == [
        ("A-2026-Q3-B1", "created"),
        ("A-2026-Q3-B2", "kept"),
    ]
    assert (root / "assessments/2026/Q3/A-2026-Q3-B2.yaml").read_bytes() == final_text
    tree = load_tree(root)
    again = a.write_drafts(tree, a.assess(tree, Q3, today=TODAY))
    assert sorted((w.id, w.action) for w in again if "-B" in w.id) == [
        ("A-2026-Q3-B1", "replaced"),
        ("A-2026-Q3-B2", "kept"),
    ]
    written = next(x for x in load_tree(root).assessments if x.id == "A-2026-Q3-B1")
    assert written.status == "draft" and written.total == DERIVED_MAX - 1 - 2
    assert check_tree(root).errors == 0


def test_quarter_ranks_members_within_each_branch_and_flags_the_tail() -> None:
    tree = build(
        violation("jiang", "B2-G1", D(2026, 8, 3)),
        violation("zhu", "B1-G1", D(2026, 9, 3), "serious"),
        *Q3_STUDIES,
    )
    result = a.assess(tree, Q3, today=TODAY)
    ranked = [(m.branch, m.assessment.subject, m.rank, m.lowest) for m in result.members]
    assert ranked == [
        ("GB", "wang", 1, False),
        ("B1", "zhu", 1, False),  # alone in the branch: nobody to rank against
        ("B2", "zhao", 1, False),
        ("B2", "jiang", 2, True),  # a B-class 两违: the tail of B2
    ]
    assert [m.assessment.subject for m in result.tail] == ["jiang"]
    assert all(m.assessment.period == "2026-Q3" for m in result.members)


def test_someone_who_left_during_the_quarter_is_assessed_for_it() -> None:
    tree = build(*Q3_STUDIES)
    for person in tree.org.people:
        if person.id == "zhao":
            person.until = D(2026, 8, 15)
    subjects = {m.assessment.subject for m in a.assess(tree, Q3, today=TODAY).members}
    assert {"zhao", "jiang"} <= subjects


def test_a_member_removed_from_his_post_late_in_the_month_fails_for_its_accident() -> None:
    """孔祥宇's case: team leader of the group, removed on 10-27 for letting the accident of
    10-09 happen (看惯者); in post on part of October, he is rated for October."""
    accident = incident(
        date=D(2026, 10, 9),
        unit="B2-G1",
        type="accident",
        persons=[{"person": "zhao", "role": "involved"}],
        accountability=[
            {"person": "zhao", "action": "replaced", "role": "overseer", "date": D(2026, 10, 27)}
        ],
        **{"class": "general_a"},
    )
    tree = build(accident, studies(10)[0], studies(10)[1])
    for person in tree.org.people:
        if person.id == "zhao":
            person.until = D(2026, 10, 27)
    for month_or_quarter in (Month(2026, 10), Quarter(2026, 4)):
        members = {
            m.assessment.subject: m.assessment
            for m in a.assess(tree, month_or_quarter, today=TODAY).members
        }
        zhao = members["zhao"]
        assert zhao.result == "fail"
        assert [(x.item, x.points, x.ref) for x in zhao.deductions] == [
            ("no_accident", 25, accident.id)
        ]
    # someone gone before the month began is not rated for it
    for person in tree.org.people:
        if person.id == "zhao":
            person.until = D(2026, 9, 30)
    subjects = {m.assessment.subject for m in a.assess(tree, Month(2026, 10), today=TODAY).members}
    assert "zhao" not in subjects
