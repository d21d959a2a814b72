"""The notice as GB/T 9704-2012 lays it out: its elements, ids only in the attachment, 自查."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from barrier_cli import notice as n
from barrier_cli.periods import Month
from minitree import build, report

OCT = Month(2026, 10)
TODAY = dt.date(2026, 11, 24)
IDS = re.compile(r"\b[RIPAN]-\d{4,8}-[0-9A-Z]{2,4}\b")
SETTINGS = {
    "notice": {
        "issuer": "车间党总支",
        "authority": "中共XX车辆段列检车间总支部委员会",
        "recipients": ["各党支部"],
        "copy_to": ["车辆段党委办公室"],
        "printer": "列检车间党总支办公室",
    }
}


def _notice(lang: n.Lang = "zh", **settings: object) -> n.Notice:
    records = [
        report(commend=True, vehicle="G606230356", notes="奖励3000元"),
        report(reporter="li", commend=True, summary="邻线来车未撤离"),
        report(train=None, summary="闸瓦"),
        # the issuer's own report, with an action long overdue: its own lapse
        report(
            reporter="wang",
            unit="GB",
            actions=[{"action": "修订盯控表", "owner": "wang", "due": dt.date(2026, 10, 12)}],
        ),
    ]
    merged = {"notice": {**SETTINGS["notice"], **settings}}
    return n.build_notice(build(*records, settings=merged), OCT, today=TODAY, lang=lang)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_element_is_there_in_order(fmt: n.Format) -> None:
    text = n.render_notice(_notice(), fmt=fmt, lang="zh", records=None)
    elements = [
        "中共XX车辆段列检车间总支部委员会",  # 发文机关标志
        "（草稿，未编号）",  # 发文字号 (a draft has none yet)
        "关于2026年10月份安全信息工作情况的通报",  # 标题
        "各党支部：",  # 主送
        "一、总体情况",
        "二、表扬",
        "三、存在的问题",
        "（三）各党支部存在的问题",
        "（四）车间党总支自查",  # the issuer's own lapses, apart from those it criticises
        "四、考核结果",
        "五、整改要求",
        "特此通报。",
        "附件：2026年10月份通报事项清单",  # 附件说明
        "车间党总支",  # 发文机关署名
        "2026年11月24日",  # 成文日期
        "2026年10月份通报事项清单",  # the attachment itself
        "抄送：车辆段党委办公室",
        "2026年11月24日印发",  # 印发机关和印发日期
    ]
    at = 0
    for element in elements:
        at = text.find(element, at)
        assert at >= 0, f"{element} missing or out of order"
    assert text.index("列检车间党总支办公室") > text.index("抄送")


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_record_ids_only_in_the_attachment(fmt: n.Format, lang: n.Lang) -> None:
    text = n.render_notice(_notice(lang), fmt=fmt, lang=lang, records=None)
    marker = "#### " if fmt == "md" else '<section class="attachment">'
    body, attachment = text.split(marker, 1)
    assert IDS.findall(body) == []
    assert len(set(IDS.findall(attachment))) >= 4


def test_the_issuer_is_never_among_the_units_it_criticises() -> None:
    notice = _notice()
    assert [u.unit for u in notice.units] == ["B1"]
    assert notice.own is not None and notice.own.unit == "GB"
    text = n.render_notice(notice, fmt="md", lang="zh", records=None)
    problems = text[text.index("三、存在的问题") : text.index("（四）车间党总支自查")]
    assert "车间党总支" not in problems
    corrections = text[text.index("五、整改要求") : text.index("附件：")]
    assert re.search(r"\d\. 车间党总支", corrections) is None
    assert _notice(self_review=False).own is None


def test_praise_is_a_sentence_worded_for_members_and_others() -> None:
    text = n.render_notice(_notice(), fmt="md", lang="zh", records=None)
    assert "共产党员朱春祥同志于10月10日在列检作业中发现G606230356车5位车轮踏面擦伤超限" in text
    assert "李明同志于10月10日在列检作业中发现邻线来车未撤离" in text
    assert "共产党员李明" not in text
    assert "希望全体党员和职工以他们为榜样" in text
    members_only = n.build_notice(
        build(report(commend=True), settings=SETTINGS), OCT, today=TODAY, lang="zh"
    )
    only = n.render_notice(members_only, fmt="md", lang="zh", records=None)
    assert "希望全体党员以他们为榜样" in only


def test_overview_counts_by_element_and_branch() -> None:
    overview = _notice().overview
    assert overview is not None
    assert overview.reports == 4
    assert [(t.name, t.count) for t in overview.by_element] == [("设备", 4)]
    assert sum(t.count for t in overview.by_branch) == 4
