"""What people wrote, in an English document (issue 15 item 7): the record's ``*_en`` where it
gives one; else a report's or a case's words composed from its data, and any other text
quoted in Chinese, marked as the record's own words. Never translated, never made up; the
counts and checks that read the words read the record's own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from barrier_cli.core.models import Priorities, Report
from barrier_cli.reports.analysis.annex import record_refs
from barrier_cli.reports.analysis.proposals import without_trains
from barrier_cli.reports.names import HAN, as_written, in_language
from barrier_cli.write.fmt import format_text
from minitree import build, incident, report

MARK = "(in Chinese in the record: "


def test_the_records_english_is_what_an_english_view_says() -> None:
    given = report(
        summary="81582次C70E 4310192制动梁安全链脱落",
        summary_en="brake-beam safety chain off wagon C70E 4310192 on train 81582",
        location="出发场4道",
        location_en="Track 4 of the departure yard",
        analysis={
            "date": dt.date(2026, 10, 10),
            "by": "wang",
            "cause": "安全链吊座螺栓松动",
            "cause_en": "The safety-chain hanger bolt worked loose.",
        },
        actions=[
            {
                "action": "组织车统-15填写标准学习并抽查",
                "action_en": "training and spot checks on filling in form Chetong-15",
                "owner": "zhao",
                "due": dt.date(2026, 10, 20),
            }
        ],
    )
    tree = build(given)
    (en,) = in_language(tree, "en").reports
    assert en.summary == "brake-beam safety chain off wagon C70E 4310192 on train 81582"
    assert en.location == "Track 4 of the departure yard"
    assert en.analysis is not None
    assert en.analysis.cause == "The safety-chain hanger bolt worked loose."
    assert en.actions[0].action == "training and spot checks on filling in form Chetong-15"
    assert in_language(tree, "zh").reports == [given]  # zh: the very records


def test_a_report_without_english_is_named_from_its_data_and_quotes_the_rest() -> None:
    """No summary_en: category, car and train say what it is; a cause or an action has no
    data to compose from, so it is quoted in Chinese, marked as the record's words."""
    given = report(
        summary="81582次C70E 4310192制动梁安全链脱落",
        vehicle="C70E 4310192",
        train="81582",
        actions=[{"action": "扣车更换制动梁", "owner": "zhao", "due": dt.date(2026, 10, 12)}],
    )
    (en,) = in_language(build(given), "en").reports
    assert en.summary == "vehicle fault on wagon C70E 4310192 of train 81582"
    assert en.analysis is not None
    assert en.analysis.cause == f"{MARK}检车员作业前未重点检查踏面状态)"
    assert en.actions[0].action == f"{MARK}扣车更换制动梁)"
    # the view of the view is the view: its English is what it now says
    assert in_language(in_language(build(given), "en"), "en").reports == [en]


def test_persons_and_an_english_place_name_a_report_with_no_train() -> None:
    given = report(
        category="violation",
        element="personnel",
        train=None,
        summary="检车员横越线路未执行“一站、二看、三通过”",
        persons=["jiang"],
        location="出发场4道",
        location_en="Track 4 of the departure yard",
    )
    (en,) = in_language(build(given), "en").reports
    assert en.summary == "violation involving Jiang Haifeng at Track 4 of the departure yard"


def test_a_report_whose_data_say_only_its_category_is_quoted_as_written() -> None:
    given = report(category="hazard", train=None, summary="对讲机电池老化，作业中通话中断")
    (en,) = in_language(build(given), "en").reports
    assert en.summary == f"{MARK}对讲机电池老化，作业中通话中断)"


def test_text_without_chinese_is_its_own_english() -> None:
    given = report(summary="G606230356 wheel flat", train=None)
    (en,) = in_language(build(given), "en").reports
    assert en.summary == "G606230356 wheel flat"
    assert as_written(None, "Track 4") == "Track 4"
    assert as_written("the gate", "列检所门前") == "the gate"


@pytest.mark.parametrize(
    ("fields", "title"),
    [
        (
            {"type": "accident", "class": "general_a", "train": "33062"},
            "general class A accident on train 33062",
        ),
        (
            {
                "type": "violation",
                "violation": {"kind": "rule", "severity": "serious", "person": "jiang"},
            },
            "serious rule violation by Jiang Haifeng",
        ),
        (
            {"type": "precursor", "train": "41016", "location_en": "Track 4 of the departure yard"},
            "near miss on train 41016 at Track 4 of the departure yard",
        ),
        # no more than its kind: the documents say that already, so its words are quoted
        ({"type": "precursor", "title": "风表忘撤被拉走"}, f"{MARK}风表忘撤被拉走)"),
        ({"type": "accident", "class": "general_a"}, f"{MARK}风表忘撤被拉走)"),
    ],
)
def test_a_case_without_english_is_named_by_its_class_or_its_violation(
    fields: dict[str, Any], title: str
) -> None:
    (en,) = in_language(build(incident(**fields)), "en").incidents
    assert en.title == title


def test_every_text_of_a_case_is_its_english_or_marked() -> None:
    case = incident(
        type="accident",
        **{"class": "general_a"},
        title="运行图调整中造成晚点",
        title_en="late departure of train 33062",
        description="新运行图实行首日……",
        timeline=[
            {
                "at": "09:25",
                "event": "值班员按原作业计划安排33062次检车",
                "event_en": "the duty officer scheduled the inspection of train 33062 to the old plan",
            },
            {"at": "10:48", "event": "33062次晚点开车"},
        ],
        analysis={
            "levels": {
                "general_branch": "党总支对提速调图带来的变化预想不足",
                "general_branch_en": "It did not foresee the effect of the timetable change.",
            },
            "meeting": {"date": dt.date(2026, 10, 13), "kind": "支委会", "kind_en": "branch committee"},
            "chain": "段下发的调图通知只组织了干部学习",
        },
        causes=[{"element": "management", "text": "未重新核定作业时分", "kind": "subjective"}],
        responsibility=[{"person": "jiang", "finding": "未核对作业计划", "finding_en": "did not check the plan"}],
        accountability=[
            {"person": "jiang", "action": "replaced", "detail": "撤换工班长", "date": dt.date(2026, 10, 27)}
        ],
    )  # fmt: skip
    (en,) = in_language(build(case), "en").incidents
    assert en.title == "late departure of train 33062"
    assert en.description == f"{MARK}新运行图实行首日……)"
    assert [t.event for t in en.timeline] == [
        "the duty officer scheduled the inspection of train 33062 to the old plan",
        f"{MARK}33062次晚点开车)",
    ]
    assert en.analysis is not None and en.analysis.meeting is not None
    assert en.analysis.levels.general_branch == (
        "It did not foresee the effect of the timetable change."
    )
    assert en.analysis.levels.branch is None  # absent stays absent: nothing is made up
    assert en.analysis.meeting.kind == "branch committee"
    assert en.analysis.chain == f"{MARK}段下发的调图通知只组织了干部学习)"
    assert en.causes[0].text == f"{MARK}未重新核定作业时分)"
    assert en.responsibility[0].finding == "did not check the plan"
    assert en.accountability[0].detail == f"{MARK}撤换工班长)"


def test_a_stock_phrase_is_no_measure_in_english_either() -> None:
    """Whether a measure is specific is judged on the record's words: its English cannot
    make 批评教育 a measure (三不放过 reads the same in both documents)."""
    case = incident(
        measures=[
            {
                "action": "批评教育",
                "action_en": "criticism and education of those involved",
                "owner": "zhao",
                "due": dt.date(2026, 10, 10),
            }
        ]
    )
    tree = build(case)
    en = in_language(tree, "en")
    zh_gaps = tree.incidents[0].closure_gaps("three", tree.settings.cases)
    en_gaps = en.incidents[0].closure_gaps("three", en.settings.cases)
    assert "measures not specific" in zh_gaps
    assert en_gaps == zh_gaps
    assert en.incidents[0].measures[0].action == "criticism and education of those involved"


def test_an_adopted_priority_prints_its_english_line_by_line() -> None:
    adopted = Priorities.model_validate(
        {
            "id": "S-2026-11",
            "month": "2026-11",
            "adopted": dt.date(2026, 11, 5),
            "by": "wang",
            "items": [
                {
                    "content": "加强关键列车“车辆故障”问题卡控",
                    "content_en": "Tighten checks for vehicle faults on key trains",
                    "measures": [
                        "对C70E型货车制动梁安全链开展专项检查",
                        "质量互控每班抽查不少于2列",
                    ],
                    "measures_en": ["A special check of brake-beam safety chains on C70E wagons"],
                    "unit": "B1",
                    "owner": "zhao",
                    "due": dt.date(2026, 11, 30),
                }
            ],
        }
    )
    # one English line for two measures: `check` says so, and the view does not pair them
    (problem,) = [
        p for p in adopted.problems(today=dt.date(2026, 11, 24)) if p.loc[-1] == "measures_en"
    ]
    assert "1 lines for 2" in problem.message
    (item,) = in_language(build(adopted), "en").priorities[0].items
    assert item.content == "Tighten checks for vehicle faults on key trains"
    assert item.written == "加强关键列车“车辆故障”问题卡控"  # what a proposal is compared with
    assert [HAN.search(m) is not None for m in item.measures] == [True, True]
    assert all(m.startswith(MARK) for m in item.measures)  # fmt: skip


def test_a_violator_named_apart_from_an_english_title_is_not_named_twice() -> None:
    """The attachment puts the violator in front of a case's title that leaves them out:
    孙浩 + 在列车未停稳时跨越车钩, but never "Sun Hao孙浩…" or "Sun Haostepped…"."""
    violation = {"kind": "rule", "severity": "serious", "person": "jiang"}
    named = incident(type="violation", violation=violation, title="姜海峰横越线路",
                     title_en="Jiang Haifeng crossed the tracks")  # fmt: skip
    unnamed = incident(type="violation", violation=violation, title="横越线路",
                       title_en="crossed the tracks")  # fmt: skip
    written = incident(type="violation", violation=violation, title="横越线路未执行规定")
    tree = in_language(build(named, unnamed, written), "en")
    texts = [r.text for r in record_refs(tree, {named.id: 1, unnamed.id: 2, written.id: 3})]
    assert texts == [
        "Jiang Haifeng crossed the tracks",
        "Jiang Haifeng: crossed the tracks",
        "serious rule violation by Jiang Haifeng",
    ]
    zh = record_refs(build(unnamed), {unnamed.id: 1})
    assert zh[0].text == "姜海峰横越线路"


def test_a_problem_is_the_same_on_any_train_in_either_language() -> None:
    assert without_trains("36229次双牵重载列车到达后作业时间紧") == "双牵重载列车到达后作业时间紧"
    assert without_trains("station changed the arrival track of train 25623 unannounced") == (
        "station changed the arrival track unannounced"
    )
    assert without_trains("too little time after arrival (train 40255)") == (
        "too little time after arrival"
    )


def test_fmt_puts_each_english_field_after_its_chinese() -> None:
    written = (
        "summary_en: brake-beam safety chain off\n"
        "id: R-20261002-NN8H\n"
        "summary: 制动梁安全链脱落\n"
        "actions:\n"
        "  - action_en: refit the chain\n"
        "    action: 恢复安全链\n"
    )
    assert format_text(written, Report) == (
        "id: R-20261002-NN8H\n"
        "summary: 制动梁安全链脱落\n"
        "summary_en: brake-beam safety chain off\n"
        "actions:\n"
        "  - action: 恢复安全链\n"
        "    action_en: refit the chain\n"
    )


def test_a_records_own_words_survive_its_language_view_and_a_copy_of_it() -> None:
    from barrier_cli.core.models import Action
    from barrier_cli.reports.names import english_report

    own = report(summary="防溜铁鞋未撤除", summary_en="Skid shoe left in place")
    own = own.model_copy(
        update={"actions": [Action(action="加强盯控", action_en="Closer watch", owner="p1")]}
    )
    assert own.written == "防溜铁鞋未撤除" and own.actions[0].written == "加强盯控"
    view = english_report(own, {})
    assert view.summary == "Skid shoe left in place" and view.written == "防溜铁鞋未撤除"
    assert view.actions[0].action == "Closer watch" and view.actions[0].written == "加强盯控"
    again = view.model_copy(update={"status": "closed"})
    assert again.written == "防溜铁鞋未撤除" and again.actions[0].written == "加强盯控"
