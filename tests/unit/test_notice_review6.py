"""What the sixth reading of the notice by a 车间党总支书记 asked for: one answer for a branch
whose secretary is involved in its case (the secretary still answers, a committee member urges
it on, the general branch's secretary supervises), said the same in 三 and 五."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present import notice as n

OCT = Month(2026, 10)
D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "records"


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


@pytest.fixture(scope="module")
def example() -> dict[str, str]:
    tree = load_tree(EXAMPLE)
    out = {}
    for lang in ("zh", "en"):
        notice = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang=lang)  # type: ignore[arg-type]
        out[lang] = n.render_notice(notice, fmt="md", lang=lang, records=EXAMPLE)  # type: ignore[arg-type]
    return out


# -- NOTICE zh 3, en 10: one answer for the 四班 branch ----------------------------------------


def test_the_involved_secretary_still_answers_with_an_urger_and_a_supervisor(
    example: dict[str, str],
) -> None:
    orders = _between(example["zh"], "整改要求", "附件")
    assert (
        "4. 四班党支部（责任人：支部书记任辉；支部委员莫文斌督促；车间党总支书记王建国督导）："
        in orders
    )
    assert "责任人：支部委员莫文斌" not in example["zh"]
    en = example["en"]
    assert (
        "4. Shift 4 branch (branch secretary Ren Hui answers for this; committee member Mo "
        "Wenbin follows it up; the General Branch secretary Wang Jianguo supervises):" in en
    )
    assert "Mo Wenbin answers for this" not in en


# -- NOTICE zh 8: the 20 September meeting is no committee analysis, in 三 as in the 附件 -------


def test_an_unrecorded_meeting_is_not_called_a_committee_meeting(example: dict[str, str]) -> None:
    case = _between(example["zh"], "2. 9月18日，三班二组", "\n")
    assert "三班党支部9月20日召开的分析会未记录参会人员，不能认定为支委会剖析；" in case
    assert "召开的支委会未记录参会人员" not in example["zh"]
    # what the 总支 owes follows what the branch lacks, dated as its self-review dates it
    assert case.index("未达到“三不放过”要求。") < case.index(
        "车间党总支将于11月15日前召开总支委员会补充总支层面剖析（见本通报三（六））。"
    )
    assert "总支层面剖析由车间党总支补做" not in example["zh"]
    assert "将于11月15日前召开总支委员会补充剖析" in _between(example["zh"], "（六）", "### 四、")
    en = _between(example["en"], "2. On 18 September", "\n")
    assert (
        "the meeting the Shift 3 branch held on 20 September kept no attendance record, so it does "
        "not count as a committee analysis" in en
    )
    assert "The General Branch will hold a committee meeting by 15 November" in en


# -- NOTICE zh 2: a branch's overdue 保安全重点 is its most serious matter ----------------------


def test_an_overdue_priority_leads_its_branch_line_and_its_order(example: dict[str, str]) -> None:
    branches = _between(example["zh"], "（五）各党支部存在的问题", "具体问题见附件")
    assert (
        "2. 二班党支部：10月5日确定的10月份保安全重点“在班前会上逐人提问，制止违章违纪”逾期"
        "未完成（期限10月20日），此后本支部又发生违章违纪2起（10月10日二班三组、10月11日二班"
        "党支部）；整改项目逾期2项；" in branches
    )
    orders = _between(example["zh"], "整改要求", "附件")
    assert (
        "2. 二班党支部（责任人：支部书记周秀英）：说明保安全重点逾期原因，落实横越线路"
        "“一站、二看、三通过”每日班前提问，11月15日前报告落实情况；完成逾期整改项目2项" in orders
    )
    en = example["en"]
    assert (
        "2. Shift 2 branch: the October priority “Stop rule violations at the shift briefings”, "
        "set on 5 October and due on 20 October, is overdue, and the branch has had two more "
        "violation reports since it was set (10 October, Shift 2 Group 3; 11 October, the Shift 2 "
        "branch); two overdue actions;" in en
    )
    assert (
        "2. Shift 2 branch (branch secretary Zhou Xiuying answers for this): explain why its "
        "priority is overdue, put its measures into practice (question staff every day at the "
        "pre-shift briefing on “stop, look both ways, then cross”) and report on them by "
        "15 November. Finish and verify its two overdue actions" in en
    )


def test_a_priority_done_or_owned_by_the_issuer_is_no_branch_lapse() -> None:
    tree = load_tree(EXAMPLE)
    late = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang="zh").late_priorities
    # of October's three priorities only 二班's is overdue: 三班's is under way, the 总支's done
    assert [(p.branch_name, p.since) for p in late] == [("二班党支部", 2)]


# -- NOTICE zh 1, en 1: next month's priorities open 五, not a problem under 三 -----------------


def test_next_months_priorities_open_the_orders_not_the_problems(example: dict[str, str]) -> None:
    zh = example["zh"]
    problems = _between(zh, "### 三、存在的问题", "### 四、")
    assert "保安全重点如下" not in problems and "（七）" not in problems
    orders = _between(zh, "### 五、整改要求", "请下列党支部抓好整改")
    assert orders.startswith(
        "### 五、整改要求\n\n各党支部要抓好车间党总支11月3日确定的11月份保安全重点的落实：\n\n1. "
    )
    # the issuer is named as the notice names it, the partner as the owner's
    assert "（责任单位：车间党总支；责任人：刘振华；专项检查11月15日前完成，" in orders
    assert "列检车间党总支" not in orders
    # the meeting adopting the October analysis carried its near-miss priorities
    assert (
        "4. 杜绝“邻线来车避让不及时”事故苗子重复发生：防护员提前呼唤邻线来车，作业人员及时下道"
        "避让，党员定位定项盯控；重新确定邻线接车通知办法（责任单位：二班党支部；责任人："
        "周秀英，会同信号楼；完成时限：11月30日）。" in orders
    )
    assert "5. 杜绝“撤除防护号志前未确认人员撤出”事故苗子重复发生：" in orders
    en = _between(example["en"], "### 5. Required corrections", "The branches named below")
    assert (
        "The branches are to see that the safety priorities the General Branch set for November "
        "on 3 November are carried out:" in en
    )
    assert "(the General Branch; Liu Zhenhua; the special check by 15 November," in en
    assert "(the Shift 2 branch; Zhou Xiuying, working with the signal box; by 30 November)." in en
    assert "responsible," not in en and "in charge" not in en
    assert "Safety priorities for" not in example["en"]


# -- NOTICE zh 4, en 4: recurring near misses anchored by month, said in sentences -------------


def test_recurring_near_misses_are_anchored_by_month_and_said_in_sentences(
    example: dict[str, str],
) -> None:
    zh = _between(example["zh"], "**（二）事故苗子情况**", "**（三）")
    assert "近三个月共7起，2025年6月以来共42起，说明" in zh
    assert "近三个月共4起，2025年6月以来共26起，说明" in zh
    assert "6月7日以来" not in zh and "6月1日以来" not in zh
    assert "本月收集事故苗子信息4条，集中在两个问题：一是“邻线来车避让不及时”2起（" in zh
    assert "措施未落到实处；二是“撤除防护号志前未确认人员撤出”2起（" in zh
    en = _between(example["en"], "**(2) Near misses**", "**(3)")
    assert (
        "Four near misses were reported this month, on two problems. First, “late clearing of "
        "the track for trains on the adjacent line” occurred twice (8 October" in en
    )
    assert (
        "): seven times in the last three months and 42 times since June 2025, so the measure "
        "“make warning of trains on the adjacent line a party member's control point” has not "
        "held. Second, “protection signals removed" in en
    )
    assert "26 times since June 2025" in en
    assert ", 2 times" not in en and " 2 times (" not in en and "since 7 June" not in en


# -- NOTICE zh 5: a late analysis named by its day, team and content -------------------------


def test_a_late_analysis_names_the_report_without_its_number(example: dict[str, str]) -> None:
    annex = example["zh"][example["zh"].index("\n附件\n") :]
    assert (
        "| 1 | 10月5日一班三组“37180次KZ70型2925922号货车八位闸瓦磨耗超限”，10月10日才完成分析（5天），"
        "超过规定时限（3天）。 |" in annex
    )
    assert (
        "10月26日四班一组“30048次C64K型2208980号货车钩舌销开口销丢失”，10月31日才完成分析（5天）"
        in annex
    )
    assert "收集的安全信息1条" not in annex
    en = example["en"][example["en"].index("**Shift 1 branch**") :]
    assert (
        "The report of 5 October from Shift 1 Group 3, “37180次KZ70 2925922八位闸瓦磨耗超限”"
        not in en  # the English view has the record's English summary
    )
    assert "was analysed only on 10 October (5 days), beyond the 3 days allowed." in en


# -- NOTICE zh 6, en 6: an earlier open case named, as of the cut-off --------------------------


def test_an_earlier_open_case_is_named_as_of_the_cut_off(example: dict[str, str]) -> None:
    overview = _between(example["zh"], "### 一、总体情况", "### 二、")
    assert "9月18日三班二组孙浩严重违章1起，截至10月31日尚未整改销号。" in overview
    assert "至今尚未整改销号" not in overview
    en = _between(example["en"], "### 1. Overview", "### 2.")
    assert (
        "The serious rule violation of 18 September by Sun Hao of Shift 3 Group 2 was still not "
        "closed on 31 October." in en
    )
    assert (
        "All facts in this notice are as of 31 October; branches should report later progress "
        "in their correction reports." in en
    )


# -- NOTICE zh 7: the priority names the case as the notice does ------------------------------


def test_the_accident_priority_names_the_case_by_its_short_name(example: dict[str, str]) -> None:
    orders = _between(example["zh"], "### 五、整改要求", "请下列党支部")
    assert "1. 深刻吸取10月9日33062次晚点事故教训，抓好整改措施落实：" in orders
    assert "运行图调整中造成晚点" not in orders


# -- NOTICE zh 9: an issued month's copy is a file copy, nothing more --------------------------


def test_an_issued_months_draft_reads_as_a_file_copy() -> None:
    tree = load_tree(EXAMPLE)
    september = n.build_notice(tree, Month(2025, 9), today=D(2025, 10, 10), lang="zh")
    text = n.render_notice(september, fmt="md", lang="zh", records=EXAMPLE)
    assert "\n列检党总支〔2025〕2号（存档副本）\n" in text
    assert "重新生成" not in text


# -- NOTICE zh 10: the 总支 owns a month whose meeting set no priorities -----------------------


def test_a_meeting_that_set_no_priorities_is_the_issuers_own_lapse() -> None:
    tree = load_tree(EXAMPLE)
    september = n.build_notice(tree, Month(2025, 9), today=D(2025, 10, 10), lang="zh")
    text = n.render_notice(september, fmt="md", lang="zh", records=EXAMPLE)
    own = _between(text, "车间党总支自查**", "### 四、")
    assert "8月份党内安全分析会未确定保安全重点，车间党总支工作缺位。" in own
    # no priorities adopted for October by the notice's date: said, not left out
    orders = _between(text, "### 五、整改要求", "特此通报")
    assert orders.startswith("### 五、整改要求\n\n10月份保安全重点另行下达。\n")
    # October had its priorities adopted: nothing to own
    october = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang="zh")
    assert not october.priorities_missed


# -- NOTICE zh 11: the attachment keeps the failed checks the body gives as a ground ----------


def test_the_attachment_keeps_a_key_persons_failed_checks() -> None:
    tree = load_tree(EXAMPLE)
    september = n.build_notice(tree, Month(2025, 9), today=D(2025, 10, 10), lang="zh")
    text = n.render_notice(september, fmt="md", lang="zh", records=EXAMPLE)
    annex = text[text.index("\n附件\n") :]
    assert (
        "潘志强：9月22日“应知一口清”“应会一手精”考核均不合格，近三个月发现故障数量明显低于本组"
        "平均水平" in annex
    )
    english = n.build_notice(tree, Month(2025, 9), today=D(2025, 10, 10), lang="en")
    en = n.render_notice(english, fmt="md", lang="en", records=EXAMPLE)
    assert (
        "failed both the knowledge check and the skills check on 22 September"
        in (en[en.index("Proposed key persons**") :])
    )


# -- NOTICE en 5: who mentors whom, as the plan requires -------------------------------------


def test_the_order_to_mentor_names_mentor_and_mentee(example: dict[str, str]) -> None:
    assert (
        "Make sure Peng Xiaoming mentors Sun Hao once a week as the plan requires, and report by "
        "15 November" in example["en"]
    )
    assert "mentor as their plans set" not in example["en"]
    assert (
        "督促包保人彭晓明（帮教孙浩）按包保计划“每周一次”开展帮教，11月15日前报告帮教情况"
        in (example["zh"])
    )


# -- NOTICE en 9 (and ANALYSIS zh 7 in the notice): a branch head at fault bears leadership
# responsibility, not a vague involvement ----------------------------------------------------


def test_the_branch_head_found_at_fault_bears_leadership_responsibility(
    example: dict[str, str],
) -> None:
    annex = example["zh"][example["zh"].index("\n附件\n") :]
    assert (
        "任辉（四班党支部书记）：对10月9日33062次晚点一般A类事故负领导责任，按“身边无事故”标准评定失格"
        in (annex)
    )
    assert "涉及10月9日" not in annex
    en = example["en"][example["en"].index("Party members who failed the rating**") :]
    assert (
        "Ren Hui (Shift 4 branch, secretary): bears leadership responsibility for the late "
        "departure of train 33062 on 9 October (a general class A accident)" in en
    )
    assert "so fails the “no accident around them” standard" in en
