"""What the sixth reading of the notice still asked for after the last round: whole English
sentences for the proposed key person and the repeat violator, the self-review said in plain
words, the commended find said as a fault, and 公文 punctuation in 三（一）and the priorities."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "records"


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


# -- NOTICE en 2: the proposed key person in whole sentences, named, no pronoun guessed -------


def test_the_proposed_key_person_is_said_in_whole_sentences(notices: dict[str, str]) -> None:
    en = notices["en-10"]
    assert (
        "Zheng Yu of Shift 4 Group 3 missed a brake-shoe pin on the 12th car when inspecting "
        "train 33058 on 21 October and found far fewer faults than the group's average in the "
        "last three months. Zheng Yu is proposed as a key person, for the Shift 4 branch to "
        "confirm." in en
    )
    assert "| 1 | Zheng Yu missed a brake-shoe pin on the 12th car when inspecting train" in en
    assert " — " not in _between(en, "(3) Proposed key persons", "(4) Pairings")
    assert "this person" not in en
    zh = notices["zh-10"]
    assert (
        "四班三组郑宇10月21日检查33058次时漏检第12位车闸瓦插销，近三个月发现故障数量明显低于"
        "本组平均水平，拟将郑宇列为安全关键人，由四班党支部研究确认。" in zh
    )
    assert "| 1 | 郑宇：10月21日检查33058次时漏检第12位车闸瓦插销，" in zh


def test_several_proposed_key_persons_are_said_in_one_sentence_each_with_a_verb(
    notices: dict[str, str],
) -> None:
    en = notices["en-9"]
    assert (
        "Pan Zhiqiang of Shift 2 Group 1 and Xue Feng of Shift 4 Group 1 failed both the "
        "knowledge check and the skills check in September; Shi Lei of Shift 3 Group 1 crawled "
        "under or stepped over cars the unsafe way on 13 September; all three found far fewer "
        "faults than their groups' average in the last three months. Pan Zhiqiang, Xue Feng and Shi Lei "
        "are proposed as key persons, for the branches concerned to confirm." in en
    )


# -- NOTICE en 3: the repeat violator's case in whole sentences -------------------------------


def test_the_repeat_violation_is_said_without_colon_chains(notices: dict[str, str]) -> None:
    case = _between(notices["en-10"], "2. On 18 September", "\n")
    assert case.startswith(
        "2. On 18 September, in Shift 3 Group 2, Sun Hao stepped across a coupler before the "
        "train had stopped, a serious rule violation; the case is still open. The Shift 3 branch "
        "reported it to the General Branch on 19 September (safety handover). On 21 September "
        "Sun Hao was penalised by the workshop under its rules on violations. On 11 October Sun "
        "Hao broke the rules again, a repeat violation reported as “derailer placed or removed "
        "without call-and-response”."
    )
    assert ": a " not in case
    zh = notices["zh-10"]
    assert "10月11日，孙浩又发生插撤脱轨器未执行呼唤应答的违章，属重复违章。" in zh


# -- NOTICE en 7: the self-review in plain words -----------------------------------------------


def test_the_self_review_says_the_issuer_at_fault_in_plain_words(notices: dict[str, str]) -> None:
    own = _between(notices["en-10"], "(6) Self-review", "### 4.")
    assert (
        "The analysis of the late departure of train 33062 on 9 October (a general class A "
        "accident) found the General Branch itself at fault: it did not foresee the effect of the "
        "timetable change and gave no training or test on the new working times." in own
    )
    assert "(Wang Jianguo and Liu Zhenhua once each)" in own
    assert (
        "The General Branch has not analysed the serious rule violation of 18 September in "
        "Shift 3 Group 2 (Sun Hao stepped across a coupler before the train had stopped) at "
        "the general branch level;" in own
    )
    assert "“Sun Hao" not in own
    zh = _between(notices["zh-10"], "（六）车间党总支自查", "### 四、")
    assert "（王建国、刘振华各1次）" in zh


# -- NOTICE en 8: the commended find said as a fault ------------------------------------------


def test_the_commended_find_is_said_as_the_fault_found(notices: dict[str, str]) -> None:
    en = notices["en-10"]
    assert (
        "1. On 22 October, while coordinating with the next inspection point down the line, "
        "Yang Fan (Shift 1 Group 2, party member) found the cut-out cock left closed on wagon "
        "C70E 4252340 of train 80520, reported it at once" in en
    )
    assert (
        "| 1 | Yang Fan: found the cut-out cock left closed on wagon C70E 4252340 of train "
        "80520 on 22 October |" in en
    )
    assert "“cut-out cock" not in en


# -- NOTICE zh 5: a late analysis linked to an earlier accident of the same hazard ------------


def test_a_late_analysis_names_the_earlier_accident_it_foreshadows(
    notices: dict[str, str],
) -> None:
    zh = notices["zh-10"]
    assert (
        "| 2 | 10月26日四班一组“30048次C64K型2208980号货车钩舌销开口销丢失”，10月31日才完成"
        "分析（5天），超过规定时限（3天）；与本年3月14日" in zh
    )


# -- NOTICE zh 8: 三（一）2, distinct findings between semicolons ------------------------------


def test_the_open_case_findings_are_separated_by_semicolons(notices: dict[str, str]) -> None:
    case = _between(notices["zh-10"], "2. 9月18日，三班二组", "\n")
    assert (
        "三班党支部9月20日召开的分析会未记录参会人员，不能认定为支委会剖析；责任传递和落实效果"
        "未剖析，违章经过未按时间顺序写明，未达到“三不放过”要求。" in case
    )


# -- Priorities: no brackets inside brackets ---------------------------------------------------


def test_a_priority_has_no_brackets_inside_its_brackets(notices: dict[str, str]) -> None:
    for key in ("zh-10", "en-10"):
        for line in _between(notices[key], "1. ", "\n\n").splitlines():
            assert "（发生单位）" not in line
    zh = notices["zh-10"]
    assert "责任单位：一班、二班党支部；责任人：李国强、周秀英，刘振华督导" in zh
    assert "（Shift 1 branch, Shift 2 branch (where it happened)" not in notices["en-10"]
    assert "(the Shift 1 and Shift 2 branches; " in notices["en-10"]


# -- Seventh reading ---------------------------------------------------------------------------


def test_the_overdue_priority_is_dated_as_set_for_its_month(notices: dict[str, str]) -> None:
    """NOTICE zh 1, en 4: set on 5 October for October, not "set in September"."""
    zh = notices["zh-10"]
    assert "9月份确定的保安全重点" not in zh
    assert (
        "2. 二班党支部：10月5日确定的10月份保安全重点“在班前会上逐人提问，制止违章违纪”逾期未完成"
        "（期限10月20日），此后本支部又发生违章违纪2起（10月10日二班三组、10月11日二班党支部）"
        in zh
    )
    assert "the priority set in September" not in notices["en-10"]


def test_a_branch_line_counts_the_near_misses_it_is_ordered_to_analyse(
    notices: dict[str, str],
) -> None:
    """NOTICE zh 3: 三（五） lists what 五 corrects."""
    branches = _between(notices["zh-10"], "（五）各党支部存在的问题", "具体问题见附件")
    assert (
        "1. 一班党支部：信息漏报1人次，信息分析不及时1条，整改项目逾期1项；事故苗子1起未作为典型案例剖析。"
        in branches
    )
    assert "；事故苗子3起未作为典型案例剖析。" in branches
    en = _between(notices["en-10"], "(5) Problems of the branches", "The details")
    assert (
        "1. Shift 1 branch: one member missed reports, one report analysed late, one overdue "
        "action; one near miss not analysed as a typical case." in en
    )


def test_the_pairing_deadline_names_its_rule(notices: dict[str, str]) -> None:
    """NOTICE zh 4: the pairing date follows the rule (pair within 14 days of confirming)."""
    assert (
        "11月15日前对郑宇是否列为安全关键人研究确认，确认后14日内（11月29日前）指定党员结成包保"
        "对子，签订包保责任书。" in notices["zh-10"]
    )
    assert (
        "Decide by 15 November whether Zheng Yu is to be a key person and, if so, assign a "
        "party-member mentor and sign a mentoring agreement within 14 days (by 29 November)."
        in notices["en-10"]
    )


def test_english_orders_are_sentences_and_near_misses_are_counted_in_words(
    notices: dict[str, str],
) -> None:
    """NOTICE en 3, 5: no "1 time", no chain of semicolons in 5.3."""
    en = notices["en-10"]
    orders = _between(en, "The branches named below", "For the information")
    assert " 1 time" not in orders and " 2 times" not in orders
    assert (
        "Hold a committee meeting to analyse this month's three near misses (late clearing of "
        "the track for trains on the adjacent line twice; protection signals removed before all "
        "staff were clear once) as typical cases, find out why they keep recurring, "
        "and send in the analysis by 15 November." in orders
    )
    assert (
        "Finish and verify its one overdue action. To close the serious rule violation of 18 "
        "September in Shift 3 Group 2 (Sun Hao stepped across a coupler before the train had "
        "stopped) under the three nots, analyse it again at a branch committee meeting and record "
        "who attended, analyse how responsibility was passed down and whether earlier measures "
        "worked, set out what happened in time order and complete" in orders
    )
    zh = notices["zh-10"]
    assert (
        "对本月发生的3起事故苗子（“邻线来车避让不及时”2起、“撤除防护号志前未确认人员撤出”1起），"
        in zh
    )


def test_english_names_an_accident_by_what_happened_and_branches_with_the(
    notices: dict[str, str],
) -> None:
    """NOTICE en 1, 6, 7, 8."""
    en = notices["en-10"]
    assert "“late departure of train 33062”" not in en
    assert "The reports came from the Shift 1 branch (12), the Shift 2 branch (12)" in en
    assert "the Shift 2 and Shift 3 branches are to see that the mentors mentor" in en
    assert (
        "The Shift 4 branch lost 10 points on “Post-area control during one work process” "
        "because of the late departure of train 33062 on 9 October (a general class A accident)."
        in en
    )
    assert (
        "Kong Xiangyu (Shift 4 branch, formerly team leader): bears responsibility for oversight "
        "in the late departure of train 33062 on 9 October (a general class A accident), so "
        "fails the “no accident around them” standard." in en
    )
    assert "no accident in one's team" not in en
    assert "The meeting of 20 September kept no attendance record, so it does not count" in en
    assert "The action 'training" not in en and "The action “training" in en


def test_the_november_fault_priority_covers_the_rising_faults(notices: dict[str, str]) -> None:
    """NOTICE zh 2: the 11月3日 record, amended, aims at 截断塞门 and 闸瓦 too."""
    assert (
        "2. 集中整治截断塞门手把关闭、闸瓦磨耗超限问题：始发作业后截断塞门位置逐车确认，关门车登记并与前方"
        "列检所每班核对；到达检查闸瓦厚度逐位检查；对C70E、C64K制动梁安全链、钩舌销开口销开展"
        "专项检查；" in notices["zh-10"]
    )
