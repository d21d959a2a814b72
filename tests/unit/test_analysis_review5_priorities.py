"""Fifth review, 四 and 六 of the analysis: priorities a meeting can adopt, and the adopted
priorities as data the notice prints (`adopt.adopted_for`)."""

from __future__ import annotations

import datetime as dt
import re

from barrier_cli.core.models import Priorities
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.adopt import adopted_for
from minitree import build


def _priorities(**item: object) -> Priorities:
    return Priorities.model_validate(
        {
            "id": "S-2026-11",
            "month": "2026-11",
            "adopted": dt.date(2026, 11, 3),
            "by": "wang",
            "items": [
                {
                    "content": "横越线路违章班前提问",
                    "measures": ["各党支部每日班前逐人提问"],
                    "unit": "GB",
                    "owner": "wang",
                    "due": dt.date(2026, 11, 30),
                }
                | item
            ],
        }
    )


def test_adopted_for_prints_the_branches_that_carry_it_out_and_who_supervises() -> None:
    tree = build(_priorities(branches=["B1", "B2"], partners=["station"]))
    [p] = adopted_for(tree, Month.parse("2026-11"), "zh")
    assert (p.record, p.index, p.content) == ("S-2026-11", 1, "横越线路违章班前提问")
    assert p.measures == ["各党支部每日班前逐人提问"]
    assert (p.unit_name, p.owner_name, p.supervisor_name) == ("各党支部", "各支部书记", "王建国")
    assert p.partner_names == ["车站"]
    assert (p.due, p.adopted) == (dt.date(2026, 11, 30), dt.date(2026, 11, 3))


def test_adopted_for_a_unit_doing_the_work_itself_and_another_month() -> None:
    tree = build(_priorities(unit="B2", owner="zhao"))
    [p] = adopted_for(tree, Month.parse("2026-11"), "zh")
    assert (p.unit_name, p.owner_name, p.supervisor_name) == ("二班党支部", "赵强", "")
    assert adopted_for(tree, Month.parse("2026-12"), "zh") == []


def test_missed_is_the_general_branchs_lapse_only_when_the_month_before_was_kept() -> None:
    from barrier_cli.reports.analysis.proposals import missed
    from minitree import report

    tree = build(report(date=dt.date(2026, 9, 20)))
    assert missed(tree, Month.parse("2026-10")) is True
    # no record of November: nothing was kept to hold a meeting on
    assert missed(tree, Month.parse("2026-12")) is False
    adopted = _priorities(unit="B1", owner="zhu")
    adopted = adopted.model_copy(update={"id": "S-2026-10", "month": "2026-10"})
    assert missed(build(report(date=dt.date(2026, 9, 20)), adopted), Month(2026, 10)) is False


def test_a_priority_done_against_a_category_is_judged_by_the_months_count() -> None:
    from barrier_cli.reports.analysis.proposals import follow_up
    from minitree import report

    done = _priorities(
        unit="B1", owner="zhu", category="fault", done=dt.date(2026, 11, 20), evidence=["记录"]
    )
    faults = [report(date=dt.date(2026, 10, 5 + n)) for n in range(2)]
    november = [report(date=dt.date(2026, 11, 10))]
    # one fault in November against two in October: it worked
    [f], _ = follow_up(
        build(done, *faults, *november), Month(2026, 11), dt.date(2026, 11, 30), "zh"
    )
    assert (f.state, f.judged) == ("done", None)
    # three in November: carried out, to no effect
    more = [report(date=dt.date(2026, 11, 10 + n)) for n in range(3)]
    [f], _ = follow_up(build(done, *faults, *more), Month(2026, 11), dt.date(2026, 11, 30), "zh")
    assert (f.state, f.judged, f.rising) == ("done", 3, [])


# --- the example records, as the reviewer read them ------------------------------------------

TODAY = dt.date(2026, 11, 24)


def _section(doc: str, start: str, end: str) -> str:
    return doc.split(start, 1)[1].split(end, 1)[0]


def _priority(part: str, title: str) -> str:
    """One proposal of 六: its title line and the lines under it."""
    return re.split(r"\n\d+\. \*\*|\n\n", part.split(f"**{title}**", 1)[1], maxsplit=1)[0]


def test_item4_the_overdue_priority_gives_a_cause_and_goes_to_every_branch(
    examples: Tree, zh: str
) -> None:
    six = _section(zh, "## 六、", "## 七、")
    item = _priority(six, "在班前会上逐人提问，制止违章违纪")
    assert "未见落实记录" not in six
    assert (
        "逾期原因：二班党支部未把横越线路“一站、二看、三通过”每日班前提问落实到各作业组，"
        "10月10日二班三组、10月11日二班党支部又发生违章违纪2起"
    ) in item
    assert (
        "责任单位：各党支部；责任人：各支部书记，车间党总支委员刘振华督导；完成时限：11月30日（每班执行，月底检查）"
    ) in item
    assert "依据：本月“违章违纪”类信息7条，4个党支部均有发生" in item
    # the November record adopted from this proposal says the same
    adopted = next(
        p
        for p in adopted_for(examples, Month(2026, 11), "zh")
        if p.content == "在班前会上逐人提问，制止违章违纪"
    )
    assert (adopted.unit_name, adopted.owner_name, adopted.supervisor_name) == (
        "各党支部",
        "各支部书记",
        "刘振华",
    )


def test_item5_the_most_frequent_fault_gets_a_priority_and_each_fault_its_own_measure(
    zh: str,
) -> None:
    six = _section(zh, "## 六、", "## 七、")
    shoes = _priority(six, "集中整治“闸瓦磨耗超限”反复发生问题")
    assert "措施：到达检查闸瓦厚度逐位检查，质量互控每班抽查不少于2列。" in shoes
    assert "责任单位：各党支部；责任人：各支部书记，车间党总支委员刘振华督导" in shoes
    assert "依据：本月闸瓦磨耗超限5条，近三个月9条" in shoes
    cocks = _priority(six, "集中整治“截断塞门手把关闭”反复发生问题")
    assert "措施：对始发作业后塞门位置逐车确认，关门车登记与前方列检所每班核对。" in cocks
    assert "专项检查" not in cocks


def test_item6_the_adjacent_line_priority_is_the_branchs_settled_with_the_signal_box(
    zh: str,
) -> None:
    six = _section(zh, "## 六、", "## 七、")
    item = _priority(six, "杜绝“邻线来车避让不及时”事故苗子重复发生")
    assert (
        "责任单位：二班党支部（发生单位）；责任人：周秀英，车间党总支委员刘振华督导，"
        "并会同信号楼研究解决；完成时限：11月30日"
    ) in item
    assert "依据：本月2起，近三个月7起，2025年6月以来42起" in item
    # the overdue measure against it (唐伟, 10月24日), by name
    assert "二班党支部10月24日到期未落实的“把邻线来车提醒纳入党员定位定项控制点”立即落实" in item


def test_item7_measures_are_specific_and_end_with_a_full_stop(zh: str) -> None:
    six = _section(zh, "## 六、", "## 七、")
    item = _priority(six, "杜绝“撤除防护号志前未确认人员撤出”事故苗子重复发生")
    assert (
        "措施：撤除防护号志前由防护员逐人点名确认、党员复核签认，干部每班抽查。"
        "一班党支部10月31日到期的“撤除号志纳入作业完了党员确认项点”措施，由刘振华11月30日前"
        "验证落实情况。"
    ) in item
    assert "完善作业标准，干部盯控关键环节" not in six
    assert "在班前会上逐件分析事故苗子" not in six
    measures = [line for line in six.splitlines() if line.startswith("   - 措施：")]
    assert measures and all(line.endswith("。") for line in measures)


def test_item11_a_special_check_done_is_judged_by_the_months_faults(zh: str) -> None:
    four = _section(zh, "## 四、", "## 五、")
    assert (
        "| 按期完成（10月28日），但本月车辆故障12条，截断塞门手把关闭、闸瓦磨耗超限问题上升，"
        "效果不明显，11月转为截断塞门手把关闭、闸瓦磨耗超限专项整治（见六、7、8） |"
    ) in four
    assert "共3项，按期完成1项、部分完成1项、逾期未完成1项。" in four


def test_item18_no_priorities_set_is_the_general_branchs_own_lapse(
    examples: Tree, september_zh: str
) -> None:
    from barrier_cli.reports.analysis.proposals import missed

    four = _section(september_zh, "## 四、", "## 五、")
    assert "8月份党内安全分析会未确定保安全重点，属车间党总支工作缺位，已列入自查。" in four
    assert missed(examples, Month(2025, 9)) is True
    assert missed(examples, Month(2026, 10)) is False


def test_items19_20_september_priorities_are_the_finding_branches_and_daily_work_has_no_day(
    september_zh: str,
) -> None:
    six = _section(september_zh, "## 六、", "## 七、")
    derailers = _priority(six, "集中整治“脱轨器插撤不灵活”反复发生问题")
    assert "措施：对到达场全部脱轨器专项检查整修。" in derailers
    assert (
        "责任单位：三班党支部、四班党支部（发生单位）；责任人：梁建华、任辉，车间党总支委员刘振华督导"
    ) in derailers
    assert "依据：本月脱轨器插撤不灵活2条，近三个月5条" in derailers
    assert "责任单位：列检车间党总支；责任人：刘振华；" not in six
    violations = _priority(six, "在班前会上逐人提问，制止违章违纪")
    assert "完成时限：10月31日（每班执行，月底检查）" in violations


def test_en5_en6_titles_and_bases_in_plain_english_no_sentence_opens_with_a_numeral(
    en: str,
) -> None:
    four = _section(en, "## 4. ", "## 5. ")
    six = _section(en, "## 6. ", "## 7. ")
    assert "2. **Stop rule violations at the shift briefings**" in six
    assert "Based on: seven violation reports this month, across all four branches" in six
    assert "Based on: two near misses this month, seven in three months, 42 since June 2025" in six
    assert "Drawn from" not in six
    assert "The two not yet finished carry over" in four
    for part in (four, six):
        text = re.sub(r"^\s*\d+\. ", "", part, flags=re.MULTILINE)
        assert not re.search(r"(?:^|[.!?]\s+)\d", text, flags=re.MULTILINE)
