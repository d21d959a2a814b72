"""Known answers for the fifth review of the analysis's 三、典型案例剖析 and 七、考核与排序
(issue 15 items 4 and 7): the case said once and told, not quoted; the branch found at fault
in 责任追究 with its leader; a mentor found at fault in the case accounted for; a member new
to the quarter given no score row; scores out of the items scored; a removal said as one."""

from __future__ import annotations

import datetime as dt
import re

import minitree
from barrier_cli.core.models import Incident
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.present.render.document import render_analysis
from barrier_cli.reports.analysis.monthly import analyze
from barrier_cli.reports.analysis.studies import run_on
from barrier_cli.reports.deficiencies import removed_from

TODAY = dt.date(2026, 11, 24)
OCT = Month(2026, 10)


def _part(doc: str, start: str, end: str) -> str:
    return doc[doc.index(start) : doc.index(end)]


def test_the_effect_says_only_what_the_record_shows(zh: str, en: str) -> None:
    """zh 3: no earlier timetable-change delay is on record, so no 同类问题反复出现."""
    assert "- 落实效果：以往调图时的班前预想只强调人身安全，未检查作业时分的落实效果。\n" in zh
    assert "同类问题反复出现" not in zh
    assert "so the same problem came back" not in en


def test_the_branch_found_at_fault_is_held_to_account_with_its_leader(zh: str, en: str) -> None:
    """zh 15: the record's unit finding, its secretary's 领导责任 and what he did."""
    assert (
        "**责任追究**：10月27日，撤换负把关责任的工班长孔祥宇、负直接责任的值班员秦宝山。"
        "四班党支部班前预想未把调图列为安全重点，支部书记任辉负领导责任，"
        "作出书面检查。\n"
    ) in zh
    assert (
        "In the Shift 4 branch, the pre-shift briefing did not make the timetable change a safety "
        "point; branch secretary Ren Hui bears leadership responsibility and made a written "
        "self-criticism.\n"
    ) in en


def test_a_case_told_below_is_said_once(zh: str, en: str) -> None:
    """zh 16 / en 3: the tables point to the case; the lacking-list is said once, in its
    三不放过 paragraph, and the meeting without attendance once."""
    cases = _part(zh, "## 三、典型案例剖析", "## 四、")
    assert (
        "| 9月18日 | 检车员孙浩在列车未停稳时跨越车钩 | 严重违章 | 三班二组 | 孙浩 | 整改中 | 尚未闭环（见（二）） |"
        in cases
    )
    assert "| 整改中 | 尚未闭环（见（一）） |" in cases
    assert cases.count("未记录参会人员") == 1
    assert cases.count("按时间顺序写明的违章经过") == 1
    part3 = _part(en, "## 3. Typical cases", "## 4.")
    assert "| being corrected | open (see (2)) |" in part3
    assert part3.count("kept no attendance record") == 1


def test_the_english_case_is_told_not_quoted(en: str) -> None:
    """en 4: headings in sentence case without quotes, the account told after its date, the
    levels and sides as labels, the branch made sure (en 11)."""
    assert (
        "### (1) Late departure of train 33062, 9 October (general class A accident, Shift 4)\n"
        in en
    )
    assert "On 9 October, the first day of the new timetable, duty officer Qin Baoshan" in en
    assert "On 18 September, Sun Hao of Shift 3 Group 2 stepped across a coupler" in en
    assert "as recorded" not in en
    assert "- General Branch level: The General Branch did not foresee" in en
    assert (
        "On the personnel side, Sun Hao showed weak safety awareness — short cuts taken to save "
        "time, trusting to luck (subjective). On the management side, mutual control in the team "
        "was a formality;"
    ) in en
    assert "The branch did not make sure that Sun Hao was watched on shift" in en
    assert "**Three nots**: two of three measures done; not yet closed." in en


def test_the_mentor_found_at_fault_is_accounted_for(zh: str, en: str) -> None:
    """zh 17: 彭晓明, at fault in the case, mentors 孙浩: the reason from the pairing and
    the case's record, in one clause."""
    assert (
        "- 包保安排：彭晓明与孙浩同班组，已对互控不到位作出书面检查，仍由其包保，三班党支部督促。\n"
    ) in zh
    assert (
        "- Mentoring: Peng Xiaoming is still Sun Hao's mentor although found at fault in this "
        "case: the two share the same team, Peng Xiaoming made a written self-criticism for the "
        "lapse in mutual control, and the Shift 3 branch keeps watch on the pairing.\n"
    ) in en


def test_a_member_new_to_the_quarter_has_no_score_row(zh: str, en: str) -> None:
    """zh 12: 魏振 came on 28 October; no row, one sentence."""
    ranking = _part(zh, "### 第四季度党员排序", "### 安全关键人")
    assert "魏振 |" not in ranking
    assert "魏振10月28日到职，不参加本季度排序。" in ranking
    assert "得分按在岗期间计" not in ranking
    assert "| Wei Zhen |" not in en
    assert "Wei Zhen took up the post on 28 October and is not ranked this quarter." in en


def test_branch_scores_are_out_of_the_items_scored(zh: str, en: str) -> None:
    """zh 2 / en 10: the base is the 8 items scored (71), as the notice says."""
    assert "| 党支部 | 得分 | 满分（已评8个项点） | 未录入项点 |" in zh
    assert "| 一班党支部 | 65.5 | 71 | 5 |" in zh
    assert "| Branch | Score | Out of (8 items scored) | Items not yet entered |" in en
    assert "Each branch still has five items not entered" in en


def test_no_sentence_of_part_seven_opens_with_a_numeral(en: str) -> None:
    """en 6 / en 7."""
    assert "Four members failed the post rating in October:" in en
    part7 = _part(en, "## 7.", "## Attachment")
    assert not re.search(r"(?:^|[.:] )\d", re.sub(r"^\|.*$", "", part7, flags=re.M))
    assert part7.count("“no accident around them”") == 2


def test_a_removal_is_said_as_one(examples: Tree, zh: str, en: str) -> None:
    """notice-zh 8 / en 9: 孔祥宇 was removed (撤换) on the day he left; someone who left on
    another day than a removal left of their own accord."""
    people = {p.id: p for p in examples.org.people}
    assert removed_from(examples, people["kong_xiangyu"]) == "team_leader"
    stayed_on = people["kong_xiangyu"].model_copy(update={"until": dt.date(2026, 10, 30)})
    assert removed_from(examples, stayed_on) is None
    assert removed_from(examples, people["wei_zhen"]) is None
    assert "| 魏振（10月28日接替孔祥宇） |" in zh
    assert "离岗" not in zh
    assert "Wei Zhen (took over from Kong Xiangyu on 28 October)" in en


def test_run_on_keeps_names_and_lowers_the_rest() -> None:
    assert run_on("The recheck found it.", ["Sun Hao"]) == "the recheck found it."
    assert run_on("Sun Hao stepped across.", ["Sun Hao"]) == "Sun Hao stepped across."
    assert run_on("新运行图实行首日", []) == "新运行图实行首日"


# -- a hand-made tree ---------------------------------------------------------------------


def _case(**fields: object) -> Incident:
    """A serious violation by 姜海峰 in 二班一组 on 10月6日, found by a cadre."""
    data: dict[str, object] = {
        "date": dt.date(2026, 10, 6),
        "title": "在列车未停稳时跨越车钩",
        "unit": "B2-G1",
        "type": "violation",
        "violation": {"kind": "rule", "severity": "serious", "person": "jiang"},
        "description": "二班一组姜海峰在列车未停稳时跨越车钩，被干部检查发现。",
        "status": "rectifying",
    }
    return minitree.incident(**(data | fields))


def _zh(*records: object) -> str:
    tree = minitree.build(*records)  # type: ignore[arg-type]
    return render_analysis(analyze(tree, OCT, today=TODAY), fmt="md", lang="zh")


def test_a_mentor_at_fault_with_an_answer_is_kept_with_the_reason() -> None:
    case = _case(
        responsibility=[
            {"person": "jiang", "finding": "本人跨越车钩，负直接责任"},
            {"person": "zhao", "finding": "对组内作业互控不到位", "action": "作出书面检查"},
            {"unit": "B2", "finding": "班前预想未提示", "leader": "wang", "action": "作出检查"},
        ]
    )
    pairing = minitree.pairing(mentor="zhao", person="jiang", start=dt.date(2026, 10, 8))
    zh = _zh(case, pairing)
    assert "- 包保安排：赵强与姜海峰同班组，已作出书面检查，仍由其包保，二班党支部督促。\n" in zh
    assert "二班党支部班前预想未提示，支部书记王建国负领导责任，作出检查。" in zh


def test_a_mentor_at_fault_without_an_answer_is_flagged() -> None:
    case = _case(responsibility=[{"person": "zhao", "finding": "对组内作业互控不到位"}])
    pairing = minitree.pairing(mentor="zhao", person="jiang", start=dt.date(2026, 10, 8))
    zh = _zh(case, pairing)
    assert "赵强在本案中负有责任，仍为姜海峰的包保人，二班党支部须说明理由或另选包保人。" in zh


def test_a_mentor_not_at_fault_is_not_questioned() -> None:
    case = _case(responsibility=[{"person": "jiang", "finding": "本人跨越车钩"}])
    pairing = minitree.pairing(mentor="zhao", person="jiang", start=dt.date(2026, 10, 8))
    assert "包保安排" not in _zh(case, pairing)


def test_the_commended_are_listed_as_english_lists_them(examples: Tree) -> None:
    sep = render_analysis(
        analyze(examples, Month(2025, 9), today=TODAY, lang="en"), fmt="md", lang="en"
    )
    assert "It is proposed to commend Dong Li, Cao Lin and Yu Haitao for the catches below:" in sep
    sep_zh = render_analysis(analyze(examples, Month(2025, 9), today=TODAY), fmt="md", lang="zh")
    assert "拟对董力、曹林、于海涛同志提出表扬：" in sep_zh
