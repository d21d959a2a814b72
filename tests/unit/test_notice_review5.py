"""What the fifth reading of the notice by a 车间党总支书记 asked for: the pairings held to
their plans' cadence, one cut-off for every fact, an accident counted in its year with the
branch's finding and its secretary's responsibility, the 总支's own part in recurring near
misses, the next month's 保安全重点, an attachment without record numbers, 被撤换 from the
case's accountability, key persons failing the same checks said together, an issued month's
copy never called a draft, one name for the 总支's own reports, and plain English."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from barrier_cli.core.models import Pairing
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present import notice as n
from minitree import build, incident, pairing, report

OCT = Month(2026, 10)
D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "records"


def _text(*records: Any, today: dt.date, lang: n.Lang = "zh", **kwargs: Any) -> str:
    notice = n.build_notice(build(*records), OCT, today=today, lang=lang, **kwargs)
    return n.render_notice(notice, fmt="md", lang=lang, records=None)


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def _review(day: dt.date) -> dict[str, Any]:
    return {
        "date": day,
        "by": "zhao",
        "note": "规章抽问",
        "diligences": ["observe"],
        "together": ["work"],
    }


# -- 1. 包保: the plan's cadence is data, and a month below it is a shortfall ---------------


def test_a_cadence_asks_one_review_for_each_whole_period_the_pairing_ran() -> None:
    weekly = pairing(start=D(2026, 8, 1), cadence="weekly")
    assert weekly.reviews_due(OCT.first, OCT.last) == 4  # 31 days: four whole weeks
    late_start = pairing(start=D(2026, 10, 12), cadence="weekly")
    assert late_start.reviews_due(OCT.first, OCT.last) == 2  # 12th to 31st: 20 days
    assert pairing(start=D(2026, 8, 1), cadence="monthly").reviews_due(OCT.first, OCT.last) == 1
    assert pairing(start=D(2026, 8, 1)).reviews_due(OCT.first, OCT.last) == 0  # no cadence
    with pytest.raises(ValidationError):
        Pairing.model_validate(
            pairing().model_dump(mode="json", exclude_none=True) | {"cadence": "daily"}
        )


def test_a_pairing_below_its_cadence_is_said_and_its_branch_ordered_to_see_to_it() -> None:
    short = pairing(start=D(2026, 8, 1), cadence="weekly", reviews=[_review(D(2026, 10, 9))])
    text = _text(short, today=D(2026, 11, 5))
    pairings = _between(text, "（四）包保转化情况", "（五）")
    assert (
        "赵强包保姜海峰本月只开展帮教1次，未达到包保计划“每周一次”的要求；"
        "二班党支部督促包保人按计划帮教，11月15日前报告。"
    ) in pairings
    corrections = _between(text, "五、整改要求", "特此通报")
    assert (
        "督促包保人赵强（帮教姜海峰）按包保计划“每周一次”开展帮教，11月15日前报告帮教情况"
        in corrections
    )
    # four reviews a month keep a weekly plan; a plan without a cadence asks nothing
    kept = pairing(
        start=D(2026, 8, 1),
        cadence="weekly",
        reviews=[_review(D(2026, 10, d)) for d in (2, 9, 16, 23)],
    )
    for quiet in (kept, pairing(start=D(2026, 8, 1), reviews=[_review(D(2026, 10, 9))])):
        assert "未达到包保计划" not in _text(quiet, today=D(2026, 11, 5))


def test_the_example_pairings_carry_the_weekly_cadence_their_measures_name() -> None:
    tree = load_tree(EXAMPLE)
    assert all(p.cadence == "weekly" for p in tree.pairings)
    text = n.render_notice(
        n.build_notice(tree, OCT, today=D(2026, 11, 5), lang="zh"),
        fmt="md",
        lang="zh",
        records=EXAMPLE,
    )
    assert (
        "3对包保本月均只开展帮教1次，未达到包保计划“每周一次”的要求；"
        "二班、三班党支部督促包保人按计划帮教，11月15日前报告。"
    ) in text


# -- 2. one cut-off: the month's end ----------------------------------------------------------


def test_a_report_analysed_late_after_the_month_end_is_no_fact_of_the_notice() -> None:
    late = report(date=D(2026, 10, 30), status="analysed")
    late.analysis.date = D(2026, 11, 4)  # type: ignore[union-attr]
    text = _text(late, today=D(2026, 11, 6))
    assert "分析不及时" not in text and "才完成分析" not in text
    assert "本通报所列情况均截至10月31日，此后完成的整改由各党支部在整改报告中说明。" in text


# -- 3. an accident: its place in the year, the branch's finding, who answers for it ----------


def _accident(day: dt.date, **fields: Any) -> Any:
    return incident(date=day, type="accident", class_="general_a", title="风表忘撤被拉走", **fields)


def test_an_accident_is_counted_in_its_year_and_the_branch_finding_is_said() -> None:
    finding = {"unit": "B2", "finding": "二班党支部班前预想未把调图列为安全重点"}
    october = _accident(
        D(2026, 10, 9),
        description="新运行图实行首日，值班员未按新图安排作业，致列车晚点开车，构成一般A类事故。",
        responsibility=[finding],
    )
    text = _text(
        _accident(D(2026, 3, 14), status="closed"),
        _accident(D(2026, 6, 21), status="closed"),
        october,
        today=D(2026, 11, 5),
    )
    assert (
        "10月9日新运行图实行首日，值班员未按新图安排作业，致列车晚点开车，构成一般A类事故，"
        "为本年第三起一般A类事故（3月14日二班一组、6月21日二班一组）。"
        "二班党支部班前预想未把调图列为安全重点。"
    ) in text
    english = _text(
        _accident(D(2026, 3, 14), status="closed"), october, today=D(2026, 11, 5), lang="en"
    )
    assert "This was a general class A accident, the workshop's second this year (after " in english


def test_the_example_accident_names_its_secretary_not_a_dangling_involvement() -> None:
    notice = n.build_notice(load_tree(EXAMPLE), OCT, today=D(2026, 11, 5), lang="zh")
    text = n.render_notice(notice, fmt="md", lang="zh", records=EXAMPLE)
    assert (
        "构成一般A类事故，为本年第三起一般A类事故（3月14日三班、6月21日二班）。"
        "四班党支部班前预想未把调图列为安全重点，支部书记任辉负领导责任。"
    ) in text
    assert "涉及任辉" not in text


# -- 4 and 5. the 总支's own part in recurring near misses; November's priorities -------------


@pytest.fixture(scope="module")
def example() -> dict[str, str]:
    tree = load_tree(EXAMPLE)
    out = {}
    for lang in ("zh", "en"):
        notice = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang=lang)  # type: ignore[arg-type]
        out[lang] = n.render_notice(notice, fmt="md", lang=lang, records=EXAMPLE)  # type: ignore[arg-type]
    september = n.build_notice(tree, Month(2025, 9), today=D(2025, 10, 10), lang="zh")
    out["2025-09"] = n.render_notice(september, fmt="md", lang="zh", records=EXAMPLE)
    return out


def test_the_self_review_owns_the_unanalysed_recurring_near_misses(example: dict[str, str]) -> None:
    own = _between(example["zh"], "（六）车间党总支自查", "### 四、")
    assert (
        "对“邻线来车避让不及时”“撤除防护号志前未确认人员撤出”两类反复发生的事故苗子，"
        "车间党总支未组织典型案例剖析，督导不力。"
    ) in own


def test_one_recurring_near_miss_is_owned_in_the_singular(example: dict[str, str]) -> None:
    assert (
        "对反复发生的“撤除防护号志前未确认人员撤出”事故苗子，车间党总支未组织典型案例剖析，"
        "督导不力。"
    ) in example["2025-09"]


def test_the_next_months_adopted_priorities_are_passed_on(example: dict[str, str]) -> None:
    part = _between(example["zh"], "### 五、整改要求", "请下列党支部")
    assert "各党支部要抓好车间党总支11月3日确定的11月份保安全重点的落实：" in part
    assert (
        "1. 深刻吸取10月9日33062次晚点事故教训，抓好整改措施落实：值班员、工班长新图作业"
        "时分上岗考试（责任单位：四班党支部；责任人：任辉；完成时限：11月30日）。"
    ) in part
    # adopted after the notice's date: not yet known to it
    early = n.build_notice(load_tree(EXAMPLE), OCT, today=D(2026, 11, 2), lang="zh")
    assert early.next_priorities == []


# -- 6, 8, 10, 11: the attachment, 被撤换, the archived copy, the 总支's reports -------------


def test_the_attachment_names_matters_without_record_numbers(example: dict[str, str]) -> None:
    annex = example["zh"][example["zh"].index("\n附件\n") :]
    assert "记录编号" not in annex
    assert re.findall(r"[RIP]-\d{8}-", annex) == []
    assert "| 序号 | 事项 |\n|---|---|\n" in annex


def test_a_replaced_owner_is_said_removed_from_his_post(example: dict[str, str]) -> None:
    assert "责任人魏振（10月28日接替孔祥宇）" in example["zh"]
    assert "已离岗" not in example["zh"]
    assert "Wei Zhen (took over from Kong Xiangyu on 28 October)" in (example["en"])


def test_an_issued_month_rendered_again_is_a_file_copy_under_its_number() -> None:
    tree = load_tree(EXAMPLE)
    draft = n.build_notice(tree, Month(2025, 9), today=D(2026, 11, 5), lang="zh")
    text = n.render_notice(draft, fmt="md", lang="zh", records=EXAMPLE)
    assert "\n列检党总支〔2025〕2号（存档副本）\n" in text
    assert "草稿" not in text.split("##", 2)[1]


def test_the_general_branchs_own_reports_have_the_analysis_name(example: dict[str, str]) -> None:
    assert "四班党支部13条、车间党总支（干部）3条。" in example["zh"]
    assert "车间直属" not in example["zh"]


# -- 9. 2025-09: key persons failing the same checks said together --------------------------


def test_key_persons_failing_the_same_checks_are_said_together(example: dict[str, str]) -> None:
    keys = _between(example["2025-09"], "（三）拟列安全关键人", "（四）")
    assert (
        "二班一组潘志强、四班一组薛峰9月“应知一口清”“应会一手精”考核均不合格，三班一组石磊9月13日"
    ) in keys
    assert "9月22日“应会一手精”" not in keys


# -- NOTICE en ---------------------------------------------------------------------------------


def test_english_wording_of_the_fifth_review(example: dict[str, str]) -> None:
    en = example["en"]
    assert (
        "On 9 October, the first day of the new timetable, duty officer Qin Baoshan of Shift 4 "
        "did not know the new working times and scheduled the inspection of train 33062 to the "
        "old plan; team leader Kong Xiangyu did not check it, and the train left late. This was "
        "a general class A accident, the workshop's third this year (after Shift 3 on 14 March "
        "and Shift 2 on 21 June). In the Shift 4 branch, the pre-shift briefing did not make the timetable "
        "change a safety point; its secretary Ren Hui bears the leadership responsibility."
    ) in en
    assert "as recorded" not in en and "involving Ren Hui" not in en
    assert (
        "On 18 September, in Shift 3 Group 2, Sun Hao stepped across a coupler before the train "
        "had stopped, a serious rule violation; the case is still open."
    ) in en
    assert "neither how responsibility was passed down nor whether earlier measures worked" in en
    assert (
        "To close the serious rule violation of 18 September" in en
        and "complete the serious" not in en
    )
    assert "One general class A accident occurred this month. The serious rule violation" in en
    assert "Four near misses were reported this month, on two problems" in en
    assert "one mentoring session this month, covering three of the five mentoring duties" in en
    assert "Zheng Yu of Shift 4 Group 3 missed a brake-shoe pin" in en
    assert "reported it at once and acted on the spot to open the cut-out cock" in en
    failed = re.search(r"Four party members failed the month's rating: (.*?)\.", en)
    assert failed is not None
    assert failed.group(1).index("Ren Hui") < failed.group(1).index("Kong Xiangyu")
    # no sentence opens with a numeral
    assert re.findall(r"(?:^|\. )\d+ [a-z]+", en, flags=re.M) == []
