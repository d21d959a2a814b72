"""What the sixth reading of the notice still asked for after the last round: whole English
sentences for the proposed key person and the repeat violator, the self-review said in plain
words, the commended find said as a fault, and 公文 punctuation in 三（一）and the priorities."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present import notice as n

D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "records"


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


@pytest.fixture(scope="module")
def example() -> dict[str, str]:
    tree = load_tree(EXAMPLE)
    out = {}
    for month, today in ((Month(2026, 10), D(2026, 11, 5)), (Month(2025, 9), D(2025, 10, 10))):
        for lang in ("zh", "en"):
            notice = n.build_notice(tree, month, today=today, lang=lang)  # type: ignore[arg-type]
            out[f"{lang}-{month.month}"] = n.render_notice(
                notice,
                fmt="md",
                lang=lang,  # type: ignore[arg-type]
                records=EXAMPLE,
            )
    return out


# -- NOTICE en 2: the proposed key person in whole sentences, named, no pronoun guessed -------


def test_the_proposed_key_person_is_said_in_whole_sentences(example: dict[str, str]) -> None:
    en = example["en-10"]
    assert (
        "Zheng Yu of Shift 4 Group 3 missed a brake-shoe pin on the 12th car when inspecting "
        "train 33058 on 21 October and found far fewer faults than the group's average in the "
        "last three months. Zheng Yu is proposed as a key person, for the Shift 4 branch to "
        "confirm." in en
    )
    assert "| 1 | Zheng Yu missed a brake-shoe pin on the 12th car when inspecting train" in en
    assert " — " not in _between(en, "(3) Proposed key persons", "(4) Pairings")
    assert "this person" not in en
    zh = example["zh-10"]
    assert (
        "四班三组郑宇10月21日检查33058次时漏检第12位车闸瓦插销，近三个月发现故障数量明显低于"
        "本组平均水平，拟将郑宇列为安全关键人，由四班党支部研究确认。" in zh
    )
    assert "| 1 | 郑宇：10月21日检查33058次时漏检第12位车闸瓦插销，" in zh


def test_several_proposed_key_persons_are_said_in_one_sentence_each_with_a_verb(
    example: dict[str, str],
) -> None:
    en = example["en-9"]
    assert (
        "Pan Zhiqiang of Shift 2 Group 1 and Xue Feng of Shift 4 Group 1 failed the “knowledge "
        "check” and “skills check” in September; Shi Lei of Shift 3 Group 1 crawled under or "
        "stepped over cars the unsafe way on 13 September; all three found far fewer faults "
        "than the group's average in the last three months. Pan Zhiqiang, Xue Feng and Shi Lei "
        "are proposed as key persons, for the branches concerned to confirm." in en
    )


# -- NOTICE en 3: the repeat violator's case in whole sentences -------------------------------


def test_the_repeat_violation_is_said_without_colon_chains(example: dict[str, str]) -> None:
    case = _between(example["en-10"], "2. On 18 September", "\n")
    assert case.startswith(
        "2. On 18 September, in Shift 3 Group 2, Sun Hao stepped across a coupler before the "
        "train had stopped, a serious rule violation; the case is still open. On 11 October Sun "
        "Hao broke the rules again (derailer placed or removed without call-and-response), a "
        "repeat violation. The Shift 3 branch reported it to the General Branch on 19 September "
        "(safety handover). Sun Hao was dealt with by the workshop (penalised under the "
        "workshop's rules on rule and discipline violations)."
    )
    assert ": a " not in case
    zh = example["zh-10"]
    assert "孙浩于10月11日再次违章（插撤脱轨器未执行呼唤应答），属重复违章。" in zh


# -- NOTICE en 7: the self-review in plain words -----------------------------------------------


def test_the_self_review_says_the_issuer_at_fault_in_plain_words(example: dict[str, str]) -> None:
    own = _between(example["en-10"], "(6) Self-review", "### 4.")
    assert (
        "The analysis of the general class A accident of 9 October (late departure of train "
        "33062) found the General Branch itself at fault: it did not foresee the effect of the "
        "timetable change and gave no training or test on the new working times." in own
    )
    assert "(Wang Jianguo and Liu Zhenhua once each)" in own
    assert (
        "The General Branch has not analysed the serious rule violation of 18 September in "
        "Shift 3 Group 2 (Sun Hao stepped across a coupler before the train had stopped) at "
        "the general branch level;" in own
    )
    assert "“Sun Hao" not in own
    zh = _between(example["zh-10"], "（六）车间党总支自查", "### 四、")
    assert "（王建国、刘振华各1次）" in zh


# -- NOTICE en 8: the commended find said as a fault ------------------------------------------


def test_the_commended_find_is_said_as_the_fault_found(example: dict[str, str]) -> None:
    en = example["en-10"]
    assert (
        "1. On 22 October, while coordinating with the next inspection point down the line, "
        "Yang Fan (Shift 1 Group 2, party member) found the cut-out cock handle closed on wagon "
        "C70E 4252340 of train 80520, reported it at once" in en
    )
    assert (
        "| 1 | Yang Fan: found the cut-out cock handle closed on wagon C70E 4252340 of train "
        "80520 on 22 October |" in en
    )
    assert "“cut-out cock" not in en


# -- NOTICE zh 5: a late analysis linked to an earlier accident of the same hazard ------------


def test_a_late_analysis_names_the_earlier_accident_it_foreshadows(
    example: dict[str, str],
) -> None:
    zh = example["zh-10"]
    assert (
        "| 2 | 10月26日四班一组“30048次C64K型2208980号货车钩舌销开口销丢失”，10月31日才完成"
        "分析（5天），超过规定时限（3天）；与本年3月14日" in zh
    )


# -- NOTICE zh 8: 三（一）2, distinct findings between semicolons ------------------------------


def test_the_open_case_findings_are_separated_by_semicolons(example: dict[str, str]) -> None:
    case = _between(example["zh-10"], "2. 9月18日，三班二组", "\n")
    assert (
        "三班党支部9月20日召开的分析会未记录参会人员，不能认定为支委会剖析；责任传递和落实效果"
        "未剖析，违章经过未按时间顺序写明，未达到“三不放过”要求。" in case
    )


# -- Priorities: no brackets inside brackets ---------------------------------------------------


def test_a_priority_has_no_brackets_inside_its_brackets(example: dict[str, str]) -> None:
    for key in ("zh-10", "en-10"):
        for line in _between(example[key], "1. ", "\n\n").splitlines():
            assert "（发生单位）" not in line
    zh = example["zh-10"]
    assert "责任单位：一班、二班党支部；责任人：李国强、周秀英，刘振华督导" in zh
    assert "（Shift 1 branch, Shift 2 branch (where it happened)" not in example["en-10"]
    assert "(the Shift 1 and Shift 2 branches; " in example["en-10"]
