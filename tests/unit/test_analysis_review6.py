"""Known answers for the sixth review of the analysis (issue 15 items 4 and 7): a meeting
with no attendance record is not called a 支委会; what 三不放过 still lacks said as nouns."""

from __future__ import annotations

import datetime as dt

from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.present.render.document import render_analysis
from barrier_cli.reports.analysis.monthly import analyze
from barrier_cli.reports.deficiencies import say_days

TODAY = dt.date(2026, 11, 24)


def test_an_unrecorded_meeting_is_no_committee_analysis(zh: str, en: str) -> None:
    """zh 1, en 3: the 20 September meeting kept no attendance record."""
    assert (
        "**三个层次原因剖析**：9月20日三班党支部召开分析会，未记录参会人员，"
        "不能认定为支委会剖析，须重新召开支委会。\n"
    ) in zh
    assert "9月20日召开支委会剖析" not in zh
    assert (
        "**Causes at the three levels**: the Shift 3 branch discussed the case on "
        "20 September but kept no attendance record, so this does not count as a committee "
        "analysis; the branch committee must meet again.\n"
    ) in en
    # a meeting with its attendees is still a 支委会
    assert "**三个层次原因剖析**：10月13日四班党支部召开支委会剖析（" in zh


def test_what_three_nots_lacks_is_said_as_nouns(zh: str, en: str) -> None:
    """zh 2, en 3: 尚缺 followed by what is missing, not by negative clauses."""
    assert (
        "**三不放过**：整改措施2项，已完成1项；尚未闭环。尚缺：按时间顺序写明的违章经过；"
        "有参会记录的支委会剖析；总支层面剖析；责任传递和落实效果剖析。\n"
    ) in zh
    assert (
        "**Three nots**: one of two measures done; not yet closed. Still missing: an account "
        "of the violation in time order; a properly recorded branch committee analysis; the "
        "General Branch's analysis; an analysis of how responsibility was passed down and "
        "whether earlier measures worked.\n"
    ) in en
    assert "9月20日支委会" not in zh


def test_the_failed_leader_bears_leadership_responsibility(zh: str, en: str) -> None:
    """zh 7, en 9: from the case's unit finding with its leader, not "涉及"/"involved"."""
    assert (
        "| 四班党支部 | 任辉 | 对10月9日一般A类事故负领导责任，按“身边无事故”标准评定失格 |"
    ) in zh
    assert (
        "| Shift 4 branch | Ren Hui | bears leadership responsibility for the general class A "
        "accident of 9 October, so fails the “no accident around them” standard |"
    ) in en
    assert "涉及10月9日" not in zh
    # the replaced team leader answers for his oversight, as 责任追究 holds him
    assert (
        "| Kong Xiangyu | bears responsibility for oversight in the general class A accident "
        "of 9 October, so fails the “no accident around them” standard |"
    ) in en


def test_days_of_one_month_say_the_month_once(en: str) -> None:
    """en 9: 13, 19 and 26 October."""
    assert "| Fang Qiang | made no report on 13, 19 and 26 October |" in en
    assert say_days([dt.date(2026, 10, 13), dt.date(2026, 10, 19)], "en", 2026) == (
        "13 and 19 October"
    )
    assert say_days(
        [dt.date(2026, 9, 30), dt.date(2026, 10, 13), dt.date(2026, 10, 19)], "en", 2026
    ) == ("30 September, 13 and 19 October")
    assert say_days([dt.date(2025, 12, 30), dt.date(2026, 1, 2)], "en", 2026) == (
        "30 December 2025 and 2 January"
    )
    assert say_days([dt.date(2026, 10, 13)], "en", 2026) == "13 October"


def test_part_four_says_what_was_done_on_the_day(zh: str, en: str) -> None:
    """zh 3, en 8 row 1: the pairing that started on the day the priority was marked done."""
    assert (
        "| 部分完成：10月12日彭晓明与孙浩结成包保对子（按期）；"
        "“党员包保人跟班互控，关键环节提醒”（期限12月15日）尚在推进 |"
    ) in zh
    assert "已于10月12日按期落实" not in zh
    assert (
        "| partly done: Peng Xiaoming paired with Sun Hao on 12 October (on time); "
        "“the mentor works the same shift and reminds him at the key steps” (due 15 December) "
        "still under way |"
    ) in en


def test_a_daily_priority_has_a_date_for_its_deadline(examples: Tree, zh: str, en: str) -> None:
    """zh 10: 完成时限 is a date, the end of the month the priority is for."""
    assert "完成时限：11月30日（每班执行，月底检查）\n" in zh
    assert "起每班" not in zh
    assert "deadline: 30 November (every shift, checked at the end of the month)\n" in en
    sep = render_analysis(analyze(examples, Month(2025, 9), today=TODAY), fmt="md", lang="zh")
    assert "完成时限：10月31日（每班执行，月底检查）\n" in sep
    assert "起每班" not in sep


def test_the_accident_story_reads_as_sentences(zh: str, en: str) -> None:
    """zh 12, en 11: a separator after the time; removals said as one; 交班 has its subject."""
    assert "- 10月9日8时，新运行图实行首日，四班接班。\n" in zh
    assert "- 9 October, 08:00 — first day of the new timetable; Shift 4 came on duty.\n" in en
    assert (
        "**责任追究**：10月27日，撤换负把关责任的工班长孔祥宇、负直接责任的值班员秦宝山。"
    ) in zh
    assert (
        "**Accountability**: on 27 October team leader Kong Xiangyu (responsible for "
        "oversight) and duty officer Qin Baoshan (directly responsible) were removed from "
        "their posts."
    ) in en
    assert "四班党支部10月12日已向段党委交班。\n" in zh
    assert "三班党支部9月19日已向车间党总支交班。\n" in zh
    assert (
        "The Shift 4 branch reported the case to the Depot Party Committee on 12 October "
        "(safety handover).\n"
    ) in en


def test_the_closed_share_is_of_the_month_s_reports(zh: str, en: str) -> None:
    """zh 14, en 10: 27 of 49 closed; no within-28-days rate for items all younger."""
    assert "- 已闭环27条，占55%，闭环用时中位数6天。\n" in zh
    assert "- Of all reports, 27 (55%) were closed, in a median of 6 days.\n" in en
    assert "天内闭环率" not in zh


def test_the_general_branch_has_one_name_in_the_priorities(zh: str, en: str) -> None:
    """zh 13, en 1 (priorities and signature): the issuer is not named as a stranger."""
    assert "，车间党总支委员刘振华督导；" in zh
    assert "列检车间党总支委员刘振华督导" not in zh
    assert ", supervised by Liu Zhenhua (General Branch);" in en
    assert "of the Train Inspection Workshop general branch" not in en
    assert "\nGeneral Party Branch, Train Inspection Workshop  \n" in en


def test_key_person_grounds_say_what_they_did_without_the_generic_doer(zh: str, en: str) -> None:
    """ANALYSIS zh 6 / en 6: the row names the person, so a report's "检车员…"/"作业人员…"
    (inspector…, worker…) is not pasted after the date."""
    assert (
        "| 孙浩 | 近三个月违章3次（重复违章）；8月3日横越线路未执行“一站、二看、三通过”；"
        "9月18日在列车未停稳时跨越车钩；10月11日插撤脱轨器未执行呼唤应答 |"
    ) in zh
    assert "9月23日着装不整，防护服未系扣" in zh
    rows = [line for line in zh.splitlines() if line.startswith(("| 孙浩 | 近", "| 刘洋 | 近"))]
    assert len(rows) == 2 and not any("检车员" in r or "作业人员" in r for r in rows)
    assert "3 August: crossed the tracks without" in en
    assert "23 September: not properly dressed" in en
    rows = [line for line in en.splitlines() if line.startswith(("| Sun Hao | ", "| Liu Yang | b"))]
    assert rows and not any(": inspector " in r or ": worker " in r for r in rows)
