"""Each notice rule on a small hand-made tree: present → listed with its ids; absent → not."""

from __future__ import annotations

import datetime as dt

from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports import deficiencies as d
from minitree import build, incident, pairing, report

OCT = Month(2026, 10)
TODAY = dt.date(2026, 11, 24)
D = dt.date


def run(rule: d.Rule, tree: Tree, month: Month = OCT, lang: d.Lang = "zh") -> list[d.Deficiency]:
    return rule(d.Scope.of(tree, month, today=TODAY, lang=lang))


def ids(found: list[d.Deficiency]) -> set[str]:
    return {i for x in found for i in x.evidence_ids}


def test_missed_reports_names_the_member_and_branch_with_what_they_filed() -> None:
    cadence = {
        "member": {"period": "month", "min": 2},
        "group": {"period": "week", "min": 0},
        "branch": {"period": "month", "min": 0},
    }
    zhu = report(reporter="zhu")
    others = [
        report(reporter=p, date=D(2026, 10, n)) for p in ("jiang", "zhao", "wang") for n in (3, 4)
    ]
    found = run(d.missed_reports, build(zhu, *others, settings={"cadence": cadence}))
    assert [(x.unit, x.evidence_ids) for x in found] == [("B1", (zhu.id,))]
    assert "朱春祥" in found[0].detail and "本月应按月反馈安全信息，10月未反馈" in found[0].detail

    complete = build(
        zhu, report(reporter="zhu", date=D(2026, 10, 2)), *others, settings={"cadence": cadence}
    )
    assert run(d.missed_reports, complete) == []


def test_low_quality_reports_one_word_no_train_no_location() -> None:
    one_word = report(summary="闸瓦")
    no_train = report(train=None, summary="制动梁端轴断裂，已扣修")
    no_place = report(category="hazard", train=None, summary="邻线来车未及时下道避让")
    patrol = report(source="cadre_patrol", summary="夜间抽查作业组防护不到位")
    good = report()
    detailed = report(summary="闸瓦", details="G606230356车闸瓦磨耗到限，已更换")
    found = run(d.low_quality_reports, build(one_word, no_train, no_place, patrol, good, detailed))
    assert ids(found) == {one_word.id, no_train.id, no_place.id, patrol.id}
    by_id = {x.evidence_ids[0]: x.detail for x in found}
    assert "一句话信息" in by_id[one_word.id]
    assert "未记车次车号" in by_id[no_train.id]
    assert "未记地点" in by_id[no_place.id]
    assert "五个关键" in by_id[patrol.id]
    assert all(x.unit == "B1" for x in found)


def test_late_analysis_counts_days_to_analysis_or_to_the_months_end() -> None:
    late = report(
        date=D(2026, 10, 10),
        analysis={"date": D(2026, 10, 20), "by": "wang", "cause": "作业前未重点检查踏面"},
    )
    never = report(date=D(2026, 10, 20), status="open", analysis=None)
    on_time = report(date=D(2026, 10, 10))
    still_fresh = report(date=D(2026, 10, 29), status="open", analysis=None)
    found = run(d.late_analysis, build(late, never, on_time, still_fresh))
    assert ids(found) == {late.id, never.id}
    assert "10月20日才完成分析（10天），超过规定时限（3天）" in next(
        x.detail for x in found if late.id in x.evidence_ids
    )
    assert "11天未分析" in next(x.detail for x in found if never.id in x.evidence_ids)


def test_shallow_analysis_of_reports_and_of_cases() -> None:
    shallow = report(analysis={"date": D(2026, 10, 10), "by": "wang", "cause": "粗心"})
    deep = report()
    case = incident(causes=[{"element": "personnel", "text": "大意", "kind": "subjective"}])
    found = run(d.shallow_analysis, build(shallow, deep, case))
    assert ids(found) == {shallow.id, case.id}
    assert {x.unit for x in found} == {"B1", "B2"}


def test_actions_without_owner_or_due() -> None:
    gap = report(
        actions=[
            {"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 11, 1)},
            {"action": "复查同批车辆"},
        ]
    )
    fine = report(actions=[{"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 11, 1)}])
    case = incident(measures=[{"action": "修订作业标准", "due": D(2026, 11, 1)}])
    found = run(d.unassigned_actions, build(gap, fine, case))
    assert ids(found) == {gap.id, case.id}
    detail = next(x.detail for x in found if gap.id in x.evidence_ids)
    assert f"{gap.id}/2" in detail and "未明确责任人、未明确完成期限" in detail


def test_overdue_actions_as_of_the_months_end() -> None:
    act = {"action": "更换闸瓦", "owner": "zhu", "due": D(2026, 10, 20)}
    open_ = report(actions=[act])
    done_late = report(actions=[act | {"done": D(2026, 11, 2)}])
    done_in_time = report(actions=[act | {"done": D(2026, 10, 19)}])
    from_september = report(date=D(2026, 9, 5), actions=[act | {"due": D(2026, 10, 1)}])
    not_yet_due = report(actions=[act | {"due": D(2026, 11, 5)}])
    case = incident(measures=[act | {"owner": "zhao"}])
    tree = build(open_, done_late, done_in_time, from_september, not_yet_due, case)
    found = run(d.overdue_actions, tree)
    assert ids(found) == {open_.id, done_late.id, from_september.id, case.id}
    detail = next(x.detail for x in found if open_.id in x.evidence_ids)
    assert "责任人朱春祥，10月20日到期，截至10月31日已逾期11天" in detail
    assert ids(run(d.overdue_actions, tree, Month(2026, 9))) == set()


def test_cases_closed_against_the_closure_rule() -> None:
    complete = {
        "causes": [
            {"element": "personnel", "text": "作业后未执行撤除风表确认制度", "kind": "subjective"}
        ],
        "responsibility": [{"person": "jiang", "finding": "未确认撤除风表"}],
        "measures": [
            {
                "action": "增设撤表确认",
                "owner": "zhao",
                "due": D(2026, 10, 15),
                "done": D(2026, 10, 14),
            }
        ],
    }
    no_causes = incident(status="closed", closed=D(2026, 10, 20), **(complete | {"causes": []}))
    proper = incident(status="closed", closed=D(2026, 10, 20), **complete)
    not_closed = incident(status="analysing")
    found = run(d.closed_against_rule, build(no_causes, proper, not_closed))
    assert ids(found) == {no_causes.id}
    assert (
        found[0].unit == "B2" and "原因未查清" in found[0].detail and "三不放过" in found[0].detail
    )


def test_pairings_without_a_review_in_the_month() -> None:
    reviews = [
        {"date": D(2026, 8, 20), "by": "zhao", "note": "谈心"},
        {"date": D(2026, 9, 20), "by": "zhao", "note": "跟班作业"},
    ]
    silent = pairing(reviews=reviews)
    followed = pairing(reviews=[*reviews, {"date": D(2026, 10, 20), "by": "zhao", "note": "抽考"}])
    new = pairing(start=D(2026, 10, 5))
    turned = pairing(
        start=D(2026, 3, 1), basic_on=D(2026, 5, 1), full_on=D(2026, 8, 1), status="full"
    )
    found = run(d.pairing_without_review, build(silent, followed, new, turned))
    assert ids(found) == {silent.id}
    assert found[0].unit == "B2" and "赵强包保姜海峰" in found[0].detail


def test_pairings_past_a_milestone_as_of_the_months_end() -> None:
    late = pairing(start=D(2026, 4, 1))
    escalated = pairing(start=D(2026, 4, 1), assistant="wang", status="escalated")
    reached_later = pairing(start=D(2026, 4, 1), basic_on=D(2026, 11, 5), status="basic")
    on_track = pairing(
        start=D(2026, 4, 1), basic_on=D(2026, 6, 20), full_on=D(2026, 9, 25), status="full"
    )
    found = run(d.pairing_past_milestone, build(late, escalated, reached_later, on_track))
    assert sorted(x.evidence_ids[0] for x in found) == sorted(
        [late.id, late.id, reached_later.id, reached_later.id]
    )
    assert any("应于7月1日前基本转化" in x.detail for x in found)


def test_an_escalated_pairing_past_its_full_turnaround_says_so_in_both_languages() -> None:
    escalated = pairing(
        start=D(2026, 1, 5), assistant="wang", status="escalated", escalated_on=D(2026, 2, 2)
    )
    said = {
        lang: [x.detail for x in run(d.pairing_past_milestone, build(escalated), lang=lang)]
        for lang in ("zh", "en")
    }
    assert said["zh"] == [
        f"包保对象姜海峰（记录编号{escalated.id}）应于5月2日前在支委委员协助下完全转化，仍未转化"
    ]
    assert said["en"] == [
        f"{escalated.id}: 姜海峰 was due an escalated turnaround on 2 May, not yet reached"
    ]


def test_english_details_and_every_rule_in_order() -> None:
    tree = build(
        report(
            summary="闸瓦", analysis={"date": D(2026, 10, 10), "by": "wang", "cause": "careless"}
        )
    )
    found = d.find_deficiencies(tree, OCT, today=TODAY, lang="en")
    assert [x.rule for x in found] == ["low_quality", "shallow_analysis"]
    assert "one-word summary" in found[0].detail
    assert d.rule_title("low_quality", "en") == "low-quality reports"


def test_a_week_belongs_to_the_month_of_its_sunday_and_is_said_by_its_days() -> None:
    from barrier_cli.reports.compliance import periods

    weeks = periods("week", OCT, OCT.last)
    # October 2026 has four Sundays (4, 11, 18, 25); 26 Oct - 1 Nov is November's
    assert [w.key for w in weeks] == ["2026-W40", "2026-W41", "2026-W42", "2026-W43"]
    assert d.say_period("2026-W43", "zh", 2026) == "10月19日至25日当周"
    assert d.say_period("2026-W44", "zh", 2026) == "10月26日至11月1日当周"
    assert d.say_period("2025-W52", "zh", 2026) == "2025年12月22日至28日当周"
    assert d.say_days([D(2026, 10, 13), D(2026, 10, 19), D(2026, 11, 2)], "zh", 2026) == (
        "10月13日、19日、11月2日"
    )


def test_a_typical_case_without_its_committee_meeting_is_a_late_analysis_until_it_has_one() -> None:
    violation = incident(
        date=D(2026, 9, 18),
        title="列车未停稳跨越车钩",
        type="violation",
        violation={"kind": "rule", "severity": "serious", "person": "jiang"},
        status="rectifying",
        analysis={"meeting": {"date": D(2026, 9, 20), "kind": "支委会"}},  # nobody attended
    )
    september = run(d.late_analysis, build(violation), Month(2026, 9))
    october = run(d.late_analysis, build(violation))
    assert ids(september) == ids(october) == {violation.id}
    assert "9月20日的分析会未记录参会人员，不能认定为支委会分析" in october[0].detail
