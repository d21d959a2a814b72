"""What the fourth 车间党总支书记's reading of the notice asked for: an accident told from its
record (who did what, what followed, its kind) and named short by its date, title and kind;
the ids of the attachment kept out of its sentences; one answer for who carries a measure;
the 总支's own lapses in its 自查; praise checked against its action; scores with their base."""

from __future__ import annotations

import datetime as dt
from typing import Any

from barrier_cli.core.periods import Month
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


def test_the_attachment_keeps_record_ids_in_a_column_of_their_own() -> None:
    action = {"action": "复查同批车辆", "owner": "zhu", "due": D(2026, 10, 20)}
    overdue = report(date=D(2026, 10, 5), status="rectifying", actions=[action])
    text = _text(overdue, today=D(2026, 11, 5))
    annex = text[text.index("\n附件\n") :]
    assert (
        "| 序号 | 事项 | 记录编号 |\n|---|---|---|\n"
        "| 1 | 整改项目“复查同批车辆”，责任人朱春祥，10月20日到期，截至10月31日已逾期11天。 "
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
        "拟列为安全关键人，由一班党支部研究确认。"
    ) in said, said
    assert "李明检修" not in said and "（" not in said  # no title pasted, no bracket of grounds
