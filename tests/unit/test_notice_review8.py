"""What the eighth reading of the notice asked for: the repeat violator's penalty dated from its
accountability record and his repeat said as a sentence, an overdue action beside the report
it answers, branches named as units, quoted items without 顿号, the English standard in double
quotes, and a deduction with its reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "records"


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


# -- NOTICE en 1, zh 2: the penalty on its day, then the repeat, in the order they happened ---


def test_the_penalty_is_dated_and_the_repeat_follows_it_as_a_sentence(
    notices: dict[str, str],
) -> None:
    case = _between(notices["en-10"], "2. On 18 September", "\n")
    assert (
        "The Shift 3 branch reported it to the General Branch on 19 September (safety handover). "
        "On 21 September Sun Hao was penalised by the workshop under its rules on violations. "
        "On 11 October Sun Hao broke the rules again, a repeat violation reported as “derailer "
        "placed or removed without call-and-response”. The case does not yet meet" in case
    )
    assert "dealt with by the workshop" not in case
    assert "(derailer" not in case
    zh = _between(notices["zh-10"], "2. 9月18日", "\n")
    assert (
        "三班党支部已于9月19日向车间党总支交班。9月21日，车间按“两违”考核办法对孙浩进行考核。"
        "10月11日，孙浩又发生插撤脱轨器未执行呼唤应答的违章，属重复违章。" in zh
    )
    assert "再次违章（" not in zh


# -- NOTICE zh 1, en 2: an overdue action beside the report it was set on --------------------


def test_an_overdue_action_is_said_with_the_report_it_answers(notices: dict[str, str]) -> None:
    zh = _between(notices["zh-10"], "**二班党支部**", "**三班党支部**")
    # the action's name is the record's (fixa9 words it anew); the source after it is the test
    assert (
        "”（10月11日二班党支部“检车员钻车作业时钻跨不到位”），责任人周秀英，10月29日到期，"
        "截至10月31日已逾期2天。" in zh
    )
    en = _between(notices["en-10"], "**Shift 2 branch**", "**Shift 3 branch**")
    assert (
        "” (from the Shift 2 branch report of 11 October, “inspector crawled under or stepped "
        "over cars the unsafe way”), owner Zhou Xiuying, was due on 29 October and was 2 days "
        "overdue on 31 October." in en
    )
    # a report's own quotation marks become single ones inside the quotation
    assert (
        "（9月19日三班三组“班前预想流于形式，未执行‘两看、两问、一强调’”），责任人于海涛"
        in notices["zh-9"]
    )


# -- NOTICE zh 3, en 3: a report made by a branch is placed in the branch, named as a unit ---


def test_a_near_miss_reported_by_a_branch_names_the_branch(notices: dict[str, str]) -> None:
    assert "10月18日二班党支部到达场南端" in notices["zh-10"]
    assert "18 October, the Shift 2 branch, the south end of the arrival yard" in notices["en-10"]
    assert "9月13日四班党支部列检所门前" in notices["zh-9"]
    assert "10月18日二班到达场" not in notices["zh-10"]


# -- NOTICE zh 5: quoted items take no 顿号 between them -------------------------------------


def test_quoted_hazards_are_not_separated_by_a_dun_hao(notices: dict[str, str]) -> None:
    zh = notices["zh-10"]
    assert "对“邻线来车避让不及时”“撤除防护号志前未确认人员撤出”两类反复发生的事故苗子" in zh
    assert "”、“" not in _between(zh, "（六）车间党总支自查", "### 四")
    assert (
        "(late clearing of the track for trains on the adjacent line and protection signals "
        "removed before all staff were clear)" in notices["en-10"]
    )


# -- NOTICE en 5: the standard in double quotes, as everything else ---------------------------


def test_the_no_accident_standard_is_in_double_quotes(notices: dict[str, str]) -> None:
    en = notices["en-10"]
    assert en.count("so fails the “no accident around them” standard.") == 2
    assert "‘no accident" not in en


# -- NOTICE zh 6, en 7: a deduction with no case behind it says its lapses ------------------


def test_a_deduction_says_the_lapses_that_cost_it(notices: dict[str, str]) -> None:
    # the month's draft scores 三班's two overdue actions under 安全攻关 (standard: 1 point each)
    assert "三班党支部“安全攻关，解决难点、难事、难题”项因整改项目逾期2项扣2分。" in notices["zh-9"]
    assert (
        "The Shift 3 branch lost 2 points on “Safety problem-solving projects” for two overdue "
        "actions." in notices["en-9"]
    )
    # a case behind the loss is still named
    assert (
        "四班党支部“一次作业过程中的‘岗区’控制”项因10月9日33062次晚点一般A类事故扣10分。"
        in (notices["zh-10"])
    )


# -- NOTICE en 4: what happened, then what it was ----------------------------------------------


def test_the_accident_is_classed_in_a_sentence_of_its_own(notices: dict[str, str]) -> None:
    assert (
        "team leader Kong Xiangyu did not check it, and the train left late. This was a general "
        "class A accident, the workshop's third this year (after Shift 3 on 14 March and Shift 2 "
        "on 21 June)." in notices["en-10"]
    )
    assert "为本年第三起一般A类事故（3月14日三班、6月21日二班）。" in notices["zh-10"]


# -- NOTICE zh 7: most pairings short of the plan, said by the few that kept it ---------------


def test_most_pairings_short_are_said_by_those_that_were_not(notices: dict[str, str]) -> None:
    assert (
        "除宋健包保姜海峰（已完全转化）、莫文斌包保姚军（9月22日结对）外，其余6对本月帮教1～2次，"
        "均未达到包保计划“每周一次”的要求；" in notices["zh-9"]
    )
    assert (
        "Apart from Song Jian mentoring Jiang Haifeng (fully turned around) and Mo Wenbin "
        "mentoring Yao Jun (paired on 22 September), the other six pairings held only one or two "
        "mentoring sessions this month, short of the “once a week” their plans set;"
        in notices["en-9"]
    )
    # all pairings alike are still said together
    assert "All three pairings held only one mentoring session this month" in notices["en-10"]


# -- NOTICE en 7 (2025-09): checks failed both, each against their own group -----------------


def test_two_failed_checks_are_said_as_both_and_unquoted_in_english(
    notices: dict[str, str],
) -> None:
    en = notices["en-9"]
    assert (
        "Pan Zhiqiang of Shift 2 Group 1 and Xue Feng of Shift 4 Group 1 failed both the "
        "knowledge check and the skills check in September;" in en
    )
    assert "all three found far fewer faults than their groups' average" in en
    assert "| 1 | Pan Zhiqiang failed both the knowledge check and the skills check on 22 " in en
    assert "“knowledge check”" not in en
    zh = notices["zh-9"]
    assert "二班一组潘志强、四班一组薛峰9月“应知一口清”“应会一手精”考核均不合格" in zh
    assert "| 1 | 潘志强：9月22日“应知一口清”“应会一手精”考核均不合格，" in zh
