"""Known answers for the analysis after the eighth review (issue 15 items 4 and 7): the
English sentences the reviewer could not sign (part 4's follow-up, part 1's near misses, the
commendation, priority 6) and the smaller Chinese and English points."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import REVIEW_DAY

if TYPE_CHECKING:
    from barrier_cli.io.loader import Tree


@pytest.fixture(scope="module")
def september_en(examples: Tree) -> str:
    from barrier_cli.core.periods import Month
    from barrier_cli.present.render.document import render_analysis
    from barrier_cli.reports.analysis.monthly import analyze

    analysis = analyze(examples, Month(2025, 9), today=REVIEW_DAY, lang="en")
    return render_analysis(analysis, fmt="md", lang="en")


def test_a_priority_without_effect_is_said_in_sentences(zh: str, en: str) -> None:
    """en 1: part 4 row 2 says what was done, that it had no effect and why, then what
    replaces it; the Chinese cell keeps its wording."""
    assert (
        "| done on time (28 October), but with no clear effect: there were 12 vehicle fault "
        "reports this month, and reports of cut-out cock left closed and brake shoes worn beyond "
        "the limit are on the rise. For November it is replaced by targeted priorities on them "
        "(part 6, items 7 and 8) |"
    ) in en
    assert (
        "按期完成（10月28日），但本月车辆故障12条，截断塞门手把关闭、闸瓦磨耗超限问题上升，"
        "效果不明显，11月转为截断塞门手把关闭、闸瓦磨耗超限专项整治（见六、7、8）"
    ) in zh


def test_the_near_misses_are_counted_off_in_sentences(zh: str, en: str) -> None:
    """en 2: each recurring problem is a sentence with a verb, counted off as the notice
    counts them; the Chinese says how many problems (一是……二是……)."""
    assert (
        "Four near misses were reported this month, on two recurring problems. First, “late "
        "clearing of the track for trains on the adjacent line” occurred twice (Shift 2 Group 2 "
        "on 8 October, Shift 2 Group 1 on 20 October): seven times in the last three months and "
        "42 times since June 2025, so the measure “make warning of trains on the adjacent line a "
        "party member's control point” has not held. Second, “protection signals removed before "
        "all staff were clear” occurred twice (Shift 1 Group 4 on 10 October, the Shift 2 branch "
        "on 18 October): four times in the last three months and 26 times since June 2025, so "
        "the measure “add removal of the signals to the party member's end-of-work check” has "
        "not held."
    ) in en
    assert "all of hazards" not in en
    assert "本月收集事故苗子信息4条，涉及2类反复发生的问题：一是“邻线来车避让不及时”2起" in zh


def test_one_recurring_problem_is_said_once(september_en: str, september_zh: str) -> None:
    """en 12: two near misses of one problem are "both", the case line says "serious"."""
    assert (
        "No accident or serious violation was registered as a case this month. Two near misses "
        "were reported this month, both of the same recurring problem: “protection signals "
        "removed before all staff were clear” occurred twice (the Shift 4 branch on 13 "
        "September, Shift 1 Group 1 on 14 September) — seven times in the last three months and "
        "eight times since June 2025, so the measure"
    ) in september_en
    assert (
        "本月无立案的事故和严重“两违”。本月收集事故苗子信息2条，均属反复发生的问题："
        "“撤除防护号志前未确认人员撤出”2起（9月13日四班党支部、9月14日一班一组），"
        "近三个月共7起，2025年6月以来共8起，说明"
    ) in september_zh


def test_the_commendation_is_a_sentence(en: str) -> None:
    """en 3: who found what, and that it was reported at once."""
    assert (
        "1. On 22 October Yang Fan (Shift 1 Group 2) found the cut-out cock left closed on wagon "
        "C70E 4252340 of train 80520 and reported it at once.\n"
    ) in en
    assert "found and at once reported" not in en


def test_a_settled_priority_names_what_to_do_and_who_checks(zh: str, en: str) -> None:
    """en 4, zh 4: the title is the open measure to carry out and the done one to check,
    not two record titles after a colon; the check has its owner and the priority's
    deadline."""
    assert (
        "6. **Agree with the station dispatcher that track changes are reported at once, and "
        "check the effect of the measure to redivide the work by the procedure for "
        "double-headed heavy trains**\n"
        "   - Measures: Wei Zhen (Shift 4 branch) is to agree with the station dispatcher that "
        "track changes are reported at once by 10 November (due 15 October, now 16 days "
        "overdue). The Shift 1 branch and the Shift 3 branch have carried out the measure to "
        "redivide the work by the procedure for double-headed heavy trains; Liu Zhenhua is to "
        "check by 30 November that it holds.\n"
    ) in en
    assert (
        "6. **落实与站调建立股道变更即时通报制度，检查“按双牵重载列车作业过程重新分工”落实效果**\n"
        "   - 措施：四班党支部魏振11月10日前落实与站调建立股道变更即时通报制度（10月15日到期，"
        "已逾期16天）。一班党支部、三班党支部已落实按双牵重载列车作业过程重新分工，"
        "刘振华11月30日前检查落实效果。\n"
    ) in zh
    assert "Carry through the measures set" not in en
    assert "to carry out at once:" not in en


def test_the_briefing_reminder_says_what_it_reminds_of(zh: str, en: str) -> None:
    """zh 1: the overdue measure has its object, from the example record's action."""
    assert "| 将钻车作业钻跨到位纳入班前预想重点提醒 | 二班党支部 | 周秀英 | 10月29日 | 2 |" in zh
    assert (
        "| remind staff at every pre-shift briefing to go under and over cars the safe way | "
        "Shift 2 branch | Zhou Xiuying | 29 October | 2 |"
    ) in en
    assert "| 纳入班前预想重点提醒 |" not in zh


def test_a_suggestion_is_answered_by_someone(
    zh: str, en: str, september_zh: str, september_en: str
) -> None:
    """zh 2, en 5, zh 15: who answers each suggestion, what he does and by when, from the
    records' actions (the staffing one put to the workshop management, the proposers
    answered)."""
    assert (
        "- 建议将插撤脱轨器纳入党员定位定项控制点（4条）：予以采纳，由车间党总支刘振华负责修订"
        "党员定位定项控制点，11月5日前完成。\n"
        "- 建议对双牵重载列车增加一名检车员（2条）：由二班党支部谢永胜负责提请车间行政研究双牵"
        "重载列车作业人员配置并答复建议人，11月18日前完成。\n"
    ) in zh
    assert (
        "- One more inspector for double-headed heavy trains (2): Xie Yongsheng (Shift 2 "
        "branch) is to put the staffing of double-headed heavy trains to the workshop management "
        "and answer the proposers by 18 November.\n"
    ) in en
    assert (
        "由二班党支部宋健负责提请车间行政研究双牵重载列车作业人员配置并答复建议人" in september_zh
    )
    assert "Qian Fugui (Shift 3 branch) is to put it to the workshop's equipment office" in (
        september_en
    )
    assert "车间研究调整" not in zh


def test_a_successor_is_named_with_the_day_he_took_over(zh: str, en: str) -> None:
    """zh 9: 魏振（10月28日接替孔祥宇）, not 被撤换工班长; the removal is told in part 3."""
    assert "| 四班党支部 | 魏振（10月28日接替孔祥宇） | 10月15日 | 16 |" in zh
    assert "| Shift 4 branch | Wei Zhen (took over from Kong Xiangyu on 28 October) |" in en
    assert "被撤换工班长" not in zh


def test_the_smaller_english_points(en: str) -> None:
    """en 6, 8, 9: days of one month said once, handling as a question of speed, the case's
    lesson without quotation marks, pairings and scores in plain words, "report" for the
    duty to report."""
    assert "| 3 | 13, 19 and 26 October |" in en
    assert "### How quickly reports were handled\n" in en
    assert (
        "3. **Learn the lessons of the late departure of train 33062 on 9 October and carry" in en
    )
    assert (
        "The register holds three mentoring pairs: two still being mentored, one basically "
        "turned around."
    ) in en
    assert "Wei Zhen took up the post on 28 October and is not ranked this quarter." in en
    assert (
        "these are provisional scores; ranks and the lowest-ranked branch will be set when "
        "every item is in."
    ) in en
    assert "| Huang Lijun | made no report for the week of 19–25 October |" in en
    assert "| Fang Qiang | made no report on 13, 19 and 26 October |" in en
    assert "weekly return" not in en and "missed returns" not in en


def test_a_cause_has_its_subject(zh: str, en: str) -> None:
    """zh 5, en 10: the personnel cause of a one-person case names him; a cause that names
    its people already is left as it is."""
    assert (
        "**原因分析**：人员方面，孙浩安全意识淡薄，图省事抢时间，存在侥幸心理（主观原因）。" in zh
    )
    assert "**原因分析**：人员方面，值班员秦宝山未掌握新图作业时分" in zh
    assert (
        "**Causes**: On the personnel side, Sun Hao showed weak safety awareness — short cuts "
        "taken to save time, trusting to luck (subjective). On the management side, "
    ) in en


def test_the_case_table_names_the_branch(zh: str) -> None:
    """zh 7: the 单位 column gives 四班党支部 as every other table does."""
    assert "| 10月9日 | 33062次晚点 | 一般A类事故 | 四班党支部 | 秦宝山、孔祥宇、任辉 |" in zh


def test_september_layout_and_partners(september_zh: str, september_en: str) -> None:
    """zh 13: a blank line before 四 after the near misses to be analysed; en 14: two
    partner units joined with "and"."""
    assert "由一班党支部、四班党支部补做。\n\n## 四、上月保安全重点落实情况" in september_zh
    assert "\n\n## 4. Progress on last month's priorities" in september_en
    assert "who takes it up with the train dispatcher and the station dispatcher;" in (september_en)


def test_a_unit_held_is_no_colon_inside_a_colon_line(zh: str, en: str) -> None:
    """zh 8: the branch found at fault is the sentence's subject, not a label."""
    assert "四班党支部班前预想未把调图列为安全重点，支部书记任辉负领导责任，作出书面检查。" in zh
    assert "四班党支部：班前预想" not in zh
    assert "In the Shift 4 branch, the pre-shift briefing did not make the timetable change" in en
