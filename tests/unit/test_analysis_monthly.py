"""Every section of the October 2026 analysis of a hand-made tree (see analysis_tree.october)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis_tree import october, report, write_tree
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.analysis.monthly import NothingToAnalyse, analyze
from barrier_cli.reports.analysis.result import MonthlyAnalysis

TODAY = dt.date(2026, 11, 24)
Scenario = tuple[MonthlyAnalysis, dict[str, str]]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    root, ids = october(tmp_path_factory.mktemp("oct") / "records")
    return analyze(load_tree(root), Month(2026, 10), today=TODAY), ids


def test_totals_against_last_month_and_a_year_ago(scenario: Scenario) -> None:
    a, _ = scenario
    t = a.totals
    # r1..r5; r6 is withdrawn. Risk weights 9+3+1+9+3.
    assert (t.reports, t.previous, t.year_ago, t.weighted, t.incidents) == (5, 2, 2, 25, 2)
    assert (t.change_previous, t.change_year_ago) == (3, 3)
    assert a.as_of == dt.date(2026, 10, 31)


def test_twelve_month_trend_split_by_element(scenario: Scenario) -> None:
    a, _ = scenario
    assert (len(a.trend), a.trend[0].month, a.trend[-1].month) == (12, "2025-11", "2026-10")
    by_month = {p.month: (p.reports, p.equipment, p.personnel, p.management) for p in a.trend}
    assert by_month["2026-08"] == (1, 0, 0, 1)
    assert by_month["2026-09"] == (2, 1, 1, 0)
    assert by_month["2026-10"] == (5, 3, 1, 1)
    assert sum(p.reports for p in a.trend) == 8


def test_breakdowns_and_unit_by_element(scenario: Scenario) -> None:
    a, _ = scenario

    def counts(section: str) -> dict[str, int]:
        return {c.key: c.count for c in a.by[section] if c.count}

    assert counts("element") == {"equipment": 3, "personnel": 1, "management": 1}
    assert counts("category") == {"hazard": 2, "violation": 1, "suggestion": 1, "fault": 1}
    assert counts("source") == {"on_site": 2, "cadre_patrol": 1, "briefing": 1, "joint_labour": 1}
    assert counts("level") == {"member": 3, "group": 1, "branch": 1}
    assert counts("unit") == {"G1": 4, "B2": 1}
    assert a.by["element"][0].name == "设备" and a.by["element"][0].share == 0.6
    rows = [(u.unit, u.equipment, u.personnel, u.management, u.total) for u in a.unit_element]
    assert rows == [("B2", 1, 0, 0, 1), ("G1", 2, 1, 1, 4)]


def test_compliance_names_who_missed(scenario: Scenario) -> None:
    a, _ = scenario
    missed = [(e.tier, e.subject, e.expected, e.actual) for e in a.compliance.missed()]
    # Periods owed and met (the cadence counts periods): member 4 a week and group 2 a week
    # over W40-W43 (the weeks whose Sunday is in October). mem1's two reports fall in two
    # weeks, short of 4 each; lead1's one group report (5 Oct, W41) is short of 2; mem2
    # (from 16 Oct) owes W42 and W43; B1 sent no branch report in the month.
    assert missed == [
        ("member", "lead1", 4, 0),
        ("member", "mem1", 4, 0),
        ("member", "mem2", 2, 0),
        ("group", "lead1", 4, 0),
        ("branch", "B1", 1, 0),
    ]


def test_timeliness_as_of_the_month_end(scenario: Scenario) -> None:
    a, ids = scenario
    t = a.timeliness
    assert (t.reports, t.analysed, t.median_days_to_analysis) == (5, 3, 1.0)
    assert t.late_analysis == [ids["r2"], ids["r4"], ids["r5"]]
    # r3 was closed only on 20 November: on 31 October one report of the month was closed.
    assert (t.closed, t.median_days_to_close, t.closed_within) == (1, 8.0, 1)
    assert t.closed_within_share == 0.2
    # Open on 31 October: y1 y2 a1 s1 s2 r2 r4 r5, and r3 (closed only on 20 November).
    assert t.open_reports == 9
    assert t.open_actions == 3
    # r3's action was done on 20 November: on 31 October it was 16 days overdue.
    overdue = [(o.record, o.field, o.index, o.owner_name, o.days_overdue) for o in t.overdue]
    assert overdue == [
        (ids["r3"], "actions", 0, "张党员", 16),
        (ids["r2"], "actions", 0, "李组长", 11),
        ("I-20261008-01", "measures", 1, "张党员", 6),
    ]


def test_incidents_with_their_closure_gaps(scenario: Scenario) -> None:
    a, _ = scenario
    assert [(i.id, i.gaps, i.complete) for i in a.incidents] == [
        # a general-A accident: a typical case, every procedure step it has not taken
        (
            "I-20261008-01",
            [
                *("measures not done", "handover", "timeline", "meeting", "levels", "chain"),
                *("accountability", "specific_measures"),
            ],
            False,
        ),
        ("I-20261015-01", [], True),
    ]
    assert a.incidents[1].persons == ["钱工人"]
    assert [(i.id, i.gaps) for i in a.earlier_open] == [
        ("I-20260905-01", ["causes", "responsibility", "measures"])
    ]


def test_repeat_violators_proposed_as_key_persons(scenario: Scenario) -> None:
    a, ids = scenario
    # wk1: s2 and r2. wk2: the incident, and s2 which that incident links (counted once).
    assert [(v.person, v.count, v.evidence, v.pairing) for v in a.repeat_violators] == [
        ("wk1", 2, sorted([ids["s2"], ids["r2"]]), None)
    ]


def test_pairings_due_overdue_and_turned(scenario: Scenario) -> None:
    a, _ = scenario
    p = a.pairings
    # P-20260301-01 reached full turnaround in August: not running in October.
    assert [(r.id, r.due, r.overdue, r.turned) for r in p.rows] == [
        ("P-20260410-01", ["full"], ["full"], []),
        ("P-20260501-01", [], [], []),
        ("P-20260705-01", ["basic"], [], ["basic"]),
    ]
    assert (p.active, p.basic_due, p.full_due, p.overdue, p.turned_around) == (3, 1, 1, 1, 1)


def test_weak_links_ranked_with_growth_and_priorities(scenario: Scenario) -> None:
    a, ids = scenario
    ranked = [
        (w.rank, w.element, w.category, w.key, w.location, w.weighted, w.growth)
        for w in a.weak_links
    ]
    # (hazard, post, 到达场) rests only on r1, already behind rank 1: it is not a rank of
    # its own, so no two ranks show the same records
    assert ranked == [
        (1, "equipment", "hazard", "train", "到达场", 18, 15.0),
        (2, "equipment", "fault", "", "", 3, 3.0),
        (3, "personnel", "violation", "", "", 3, 2.0),
        (4, "management", "suggestion", "", "", 1, 1.0),
    ]
    assert a.weak_links[0].evidence == sorted([ids["r1"], ids["r4"]])
    assert a.weak_links[0].previous_avg == 3.0
    evidence = [e for w in a.weak_links for e in w.evidence]
    assert len(evidence) == len(set(evidence))
    assert [w.rank for w in a.priorities] == [1, 2, 3]


def test_assessment_ranking_flags_the_lowest(scenario: Scenario) -> None:
    a, _ = scenario
    rows = [
        (r.standard, r.branch, r.rank, r.subject, r.total, r.max, r.flagged) for r in a.assessments
    ]
    # members rank within their own branch; mem2 is flagged for failing
    assert rows == [
        ("branch", None, 1, "B2", 90.0, 100.0, False),
        ("branch", None, 2, "B1", 80.0, 100.0, True),
        ("member", "B1", 1, "mem1", 95.0, None, False),
        ("member", "B2", 1, "mem2", 50.0, None, True),
    ]


def test_good_catches(scenario: Scenario) -> None:
    a, ids = scenario
    assert [(g.id, g.reporter_name, g.unit_name, g.train) for g in a.good_catches] == [
        (ids["r3"], "张党员", "一组", "41008")
    ]


def test_a_quarter_counts_in_its_last_month(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    sep = analyze(load_tree(root), Month(2026, 9), today=TODAY)
    assert {(r.subject, r.period) for r in sep.assessments} == {
        ("B1", "2026-09"),
        ("B2", "2026-Q3"),
    }


def test_future_month_is_refused(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    with pytest.raises(NothingToAnalyse, match="2026-12 has not begun"):
        analyze(load_tree(root), Month(2026, 12), today=TODAY)


def test_month_without_records_is_refused(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    with pytest.raises(
        NothingToAnalyse,
        match="no reports or incidents dated 2026-06; the records cover 2025-10 to 2026-10",
    ):
        analyze(load_tree(root), Month(2026, 6), today=TODAY)


def test_new_tree_is_refused(tmp_path: Path) -> None:
    tree = load_tree(write_tree(tmp_path / "records"))
    with pytest.raises(NothingToAnalyse, match="no reports or incidents yet"):
        analyze(tree, Month(2026, 10), today=TODAY)


def test_withdrawn_records_alone_are_no_data(tmp_path: Path) -> None:
    gone = report(
        "2026-10-02", "mem1", withdrawn={"date": "2026-10-03", "by": "lead1", "reason": "重复"}
    )
    tree = load_tree(write_tree(tmp_path / "records", reports=[gone]))
    with pytest.raises(NothingToAnalyse):
        analyze(tree, Month(2026, 10), today=TODAY)


def test_files_that_do_not_validate_are_named_not_counted(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    bad = root / "reports/2026/10/R-20261011-BAD1.yaml"
    bad.write_text("id: R-20261011-BAD1\ndate: 2026-10-11\nelement: 机车\n", encoding="utf-8")
    result = analyze(load_tree(root), Month(2026, 10), today=TODAY)
    assert result.skipped_files == ["reports/2026/10/R-20261011-BAD1.yaml"]
    assert result.totals.reports == 5


def test_pairings_as_they_stood_at_the_month_end(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    sep = analyze(load_tree(root), Month(2026, 9), today=TODAY).pairings
    # P-20260705-01 reached basic only on 3 October: in September's document it has not.
    rows = {r.id: (r.status, r.basic_on) for r in sep.rows}
    assert rows == {
        "P-20260410-01": ("basic", dt.date(2026, 7, 1)),
        "P-20260501-01": ("escalated", None),
        "P-20260705-01": ("active", None),
    }


def test_a_repeat_violator_paired_in_the_month_is_not_proposed_again(tmp_path: Path) -> None:
    def violation(day: str) -> dict[str, object]:
        return report(day, "lead1", element="personnel", category="violation", persons=["wk1"])

    def pairing(pid: str, start: str, **fields: object) -> dict[str, object]:
        return {
            "id": pid,
            "mentor": "mem1",
            "person": "wk1",
            "unit": "G1",
            "start": start,
            "reasons": ["violations"],
            **fields,
        }

    done = pairing(
        "P-20260101-01", "2026-01-01", basic_on="2026-03-01", full_on="2026-06-01", status="full"
    )
    tree = load_tree(
        write_tree(
            tmp_path / "records",
            reports=[violation("2026-08-03"), violation("2026-08-20")],
            pairings=[done, pairing("P-20260825-01", "2026-08-25")],
        )
    )
    assert [v.pairing for v in analyze(tree, Month(2026, 8), today=TODAY).repeat_violators] == [
        "P-20260825-01"
    ]
    # Turned around in June, violating again in August: proposed again without the new pair.
    tree.pairings = [p for p in tree.pairings if p.id == "P-20260101-01"]
    assert [v.pairing for v in analyze(tree, Month(2026, 8), today=TODAY).repeat_violators] == [
        None
    ]


def test_comparisons_before_the_records_began_are_not_invented(tmp_path: Path) -> None:
    from barrier_cli.present.render.document import change

    root, _ = october(tmp_path / "records")
    # the hand-made tree begins in 2025-10: October 2025 has neither last month nor a year ago
    first = analyze(load_tree(root), Month(2025, 10), today=TODAY).totals
    assert (first.previous_known, first.year_ago_known) == (False, False)
    assert change(first.reports, first.year_ago, first.year_ago_known, "zh") == "无同期数据"
    later = analyze(load_tree(root), Month(2026, 10), today=TODAY).totals
    assert (later.previous_known, later.year_ago_known) == (True, True)
    assert change(48, 53, True, "zh") == "减少5条，下降9.4%"
    assert change(61, 52, True, "zh") == "增加9条，增长17.3%"
    assert change(5, 5, True, "zh") == "持平"
    assert change(3, 0, True, "zh") == "增加3条"
    assert change(48, 53, True, "en") == "down 5 (9.4%)"
