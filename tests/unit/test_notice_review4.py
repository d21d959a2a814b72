"""What the fourth 车间党总支书记's reading of the notice asked for: an accident told from its
record (who did what, what followed, its kind) and named short by its date, title and kind;
the ids of the attachment kept out of its sentences; one answer for who carries a measure;
the 总支's own lapses in its 自查; praise checked against its action; scores with their base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present import notice as n
from barrier_cli.reports.case_names import case_account
from minitree import build, incident, report

OCT = Month(2026, 10)
D = dt.date


def _text(*records: Any, today: dt.date, lang: n.Lang = "zh", **settings: Any) -> str:
    tree = build(*records, settings={"notice": settings} if settings else None)
    notice = n.build_notice(tree, OCT, today=today, lang=lang)
    return n.render_notice(notice, fmt="md", lang=lang, records=None)


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def _late_train(**fields: Any) -> Any:
    data: dict[str, Any] = {
        "date": D(2026, 10, 9),
        "title": "33062次晚点",
        "unit": "B2",
        "type": "accident",
        "class": "general_a",
        "train": "33062",
        "description": "新运行图实行首日，二班值班员赵强未掌握新图作业时分，仍按原计划安排33062次"
        "检车作业，致33062次列车晚点开车，构成一般A类事故。",
        "persons": [{"person": "zhao", "role": "responsible"}],
        "status": "analysing",
    }
    return incident(**(data | fields))


def test_an_accident_is_told_from_its_record_and_named_by_date_title_and_kind() -> None:
    case = _late_train()
    text = _text(case, today=D(2026, 11, 5))
    problems = _between(text, "（一）事故和“两违”情况", "（二）")
    assert problems.count(
        "1. 10月9日新运行图实行首日，二班值班员赵强未掌握新图作业时分，仍按原计划安排33062次"
        "检车作业，致33062次列车晚点开车，构成一般A类事故。"
    ), problems
    # the short name everywhere else: no title read as what the team did
    assert "10月9日33062次晚点一般A类事故" in _between(text, "五、整改要求", "特此通报")
    assert "二班33062次晚点" not in text and "二班一组33062次晚点" not in text


def test_the_account_drops_its_own_kind_clause_and_a_case_without_one_is_named() -> None:
    tree = build(_late_train())
    (told,) = [case_account(i) for i in tree.incidents]
    assert told == (
        "新运行图实行首日，二班值班员赵强未掌握新图作业时分，仍按原计划安排33062次检车作业，"
        "致33062次列车晚点开车"
    )
    bare = build(_late_train(description=None))
    assert [case_account(i) for i in bare.incidents] == [""]
    text = _text(_late_train(description=None), today=D(2026, 11, 5))
    assert "1. 10月9日，二班发生一般A类事故" not in text  # the title is not its predicate…
    assert "10月9日，二班33062次晚点，构成一般A类事故" in text  # …but what the record holds


def test_the_attachment_keeps_record_ids_in_a_column_of_their_own_when_asked() -> None:
    action = {"action": "复查同批车辆", "owner": "zhu", "due": D(2026, 10, 20)}
    overdue = report(date=D(2026, 10, 5), status="rectifying", actions=[action])
    tree = build(overdue)
    asked = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang="zh", with_ids=True)
    text = n.render_notice(asked, fmt="md", lang="zh", records=None)
    annex = text[text.index("\n附件\n") :]
    assert (
        "| 序号 | 事项 | 记录编号 |\n|---|---|---|\n"
        "| 1 | 整改项目“复查同批车辆”（10月5日一班党支部“G606230356车5位车轮踏面擦伤超限”），"
        "责任人朱春祥，10月20日到期，截至10月31日已逾期11天。 "
        f"| {overdue.id}/1 |"
    ) in annex
    assert "记录编号R" not in text and f"（{overdue.id}" not in text


def test_key_person_grounds_say_what_they_did_with_his_name_said_once() -> None:
    quality = report(category="quality", persons=["li"], summary="李明检修的车辆被反馈制动缸漏泄")
    near = incident(
        date=D(2026, 10, 15),
        type="precursor",
        title="邻线来车未及时下道",
        persons=[{"person": "li", "role": "involved"}],
    )
    text = _text(quality, near, today=D(2026, 11, 5))
    said = _between(text, "拟列安全关键人**", "（四）")
    assert (
        "一班一组李明10月10日检修的车辆被反馈制动缸漏泄，10月15日邻线来车未及时下道，"
        "拟将李明列为安全关键人，由一班党支部研究确认。"
    ) in said, said
    assert "李明检修" not in said and "（" not in said  # no title pasted, no bracket of grounds


EXAMPLE = Path(__file__).resolve().parents[2] / "records"


@pytest.fixture(scope="module")
def october() -> str:
    """The example tree's zh notice for 2026-10, dated 11-05, as read."""
    tree = load_tree(EXAMPLE)
    notice = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang="zh")
    return n.render_notice(notice, fmt="md", lang="zh", records=EXAMPLE)


def test_one_answer_for_who_carries_the_shift_4_measure(october: str) -> None:
    problems = _between(october, "（一）事故和“两违”情况", "（二）")
    corrections = _between(october, "五、整改要求", "特此通报")
    assert (
        "“值班员、工班长新图作业时分上岗考试”（由任辉组织，莫文斌督促落实，11月30日前）正在推进"
        in problems
    )
    assert (
        "于11月30日前完成“值班员、工班长新图作业时分上岗考试”（由任辉组织，莫文斌督促落实）"
        in corrections
    )
    assert "责任人任辉" not in october


def test_praise_names_the_partner_and_the_action_of_the_day(october: str) -> None:
    praise = _between(october, "二、表扬", "三、存在的问题")
    assert (
        "杨帆同志10月22日在与前方列检所联控中，发现80520次列车C70E型4252340号货车截断塞门"
        "手把处于关闭位，立即报告，开通截断塞门，重新试风确认，防止了车辆带故障运行。"
    ) in praise


def test_a_catch_without_an_action_that_day_claims_nothing_prevented() -> None:
    later = {"action": "扣修", "type": "immediate", "owner": "zhu"}
    later |= {"due": D(2026, 10, 13), "done": D(2026, 10, 13)}
    catch = report(commend=True, train="41008", summary="车轮踏面擦伤超限", actions=[later])
    praise = _between(_text(catch, today=D(2026, 11, 5)), "二、表扬", "三、存在的问题")
    assert "发现车轮踏面擦伤超限，及时报告处理。" in praise
    assert "防止" not in praise and "扣修" not in praise


def test_the_self_review_is_cited_by_its_number(october: str) -> None:
    assert "召开总支委员会补充总支层面剖析（见本通报三（六））。" in october
    assert "自行补做" not in october and "自查部分" not in october


def test_scores_say_their_full_mark_and_why_the_lowest_is_lowest(october: str) -> None:
    scores = _between(october, "四、考核结果", "五、整改要求")
    assert "各党支部已评定的8个项点（满分71分）得分为：" in scores
    assert (
        "四班党支部“一次作业过程中的‘岗区’控制”项因10月9日33062次晚点一般A类事故扣10分。"
    ) in scores
    assert "暂列最低" not in scores  # provisional scores rank nobody


def test_the_self_review_holds_the_general_branchs_own_lapses(october: str) -> None:
    own = _between(october, "（六）车间党总支自查", "四、考核结果")
    assert (
        "10月9日33062次晚点一般A类事故剖析查明车间党总支自身问题：党总支对提速调图带来的变化"
        "预想不足，新图作业时分未组织培训和考试，负有领导责任。"
    ) in own
    assert "车间干部本月深入现场监控次数明显偏少（王建国、刘振华各1次）" in own


def test_near_misses_are_ordered_analysed_as_typical_cases_not_again(october: str) -> None:
    corrections = _between(october, "五、整改要求", "特此通报")
    assert "召开支委会作为典型案例剖析重复发生的原因，11月15日前报送剖析材料" in corrections
    assert "查明原因，制定防范措施" not in corrections


def test_an_action_of_one_who_left_names_his_successor(october: str) -> None:
    assert (
        "整改项目“与站调建立股道变更即时通报制度”（10月7日四班党支部“站调临时变更25623次到达股道"
        "未通知列检”），责任人魏振（10月28日接替孔祥宇），10月15日到期" in october
    )


def test_september_2025_names_its_key_persons_in_one_sentence_and_no_unexplained_helper() -> None:
    tree = load_tree(EXAMPLE)
    notice = n.build_notice(tree, Month(2025, 9), today=D(2025, 10, 10), lang="zh")
    text = n.render_notice(notice, fmt="md", lang="zh", records=EXAMPLE)
    keys = _between(text, "拟列安全关键人**", "（四）")
    assert "以上2人" not in keys and "（" not in keys
    assert keys.strip("*\n").endswith(
        "3人均近三个月发现故障数量明显低于本组平均水平，拟将潘志强、薛峰、石磊列为安全关键人，由所在"
        "党支部研究确认。"
    )
    pairings = _between(text, "（四）包保转化情况", "（五）")
    assert "宋健包保姜海峰（6月5日结对）" in pairings and "协助包保" not in pairings
    assert "末位" not in _between(text, "二、表扬", "三、存在的问题")


def test_english_template_wording_of_the_fourth_review() -> None:
    tree = load_tree(EXAMPLE)
    notice = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang="en")
    text = n.render_notice(notice, fmt="md", lang="en", records=EXAMPLE)
    assert "To: all party branches\n" in text
    assert "This notice reports how the Train Inspection Workshop collected" in text
    assert "The General Branch commends Yang Fan." in text
    assert "while coordinating with the next inspection point down the line" in text
    assert "reported it to the Depot Party Committee on 12 October" in text
    assert (
        "Printed by the General Party Branch of the Train Inspection Workshop, 5 November 2026"
        in text
    )
    assert "The case does not yet meet the “three nots” (the problem established" in text
    assert "It does not yet meet" not in text
    assert ", and the case will be closed once the rest are done and verified." in text
    assert "all four working-together rules" in text and "4 of the four" not in text


def test_an_accident_knows_the_same_class_of_the_year_before_it() -> None:
    from barrier_cli.reports.case_names import earlier_in_year

    march = _late_train(date=D(2026, 3, 14), title="废钩舌销窜出")
    june = _late_train(date=D(2026, 6, 21), title="风表忘撤")
    last_year = _late_train(date=D(2025, 11, 2), title="去年")
    other_class = _late_train(date=D(2026, 5, 1), **{"class": "general_b"})
    near_miss = incident(date=D(2026, 4, 1))
    october = _late_train()
    tree = build(march, june, last_year, other_class, near_miss, october)
    assert [i.title for i in earlier_in_year(tree, october)] == ["废钩舌销窜出", "风表忘撤"]
    assert earlier_in_year(tree, march) == []
