"""Known answers for the fourth review of the monthly analysis (issue 15 items 4 and 7), on
the example records: one date and one answerable person shared with the notice, the three
nots' lacking-list said from the record, late analyses by unit, the 失格 grounds and the key
persons' grounds said as a 公文 says them."""

from __future__ import annotations

import dataclasses
import datetime as dt

from barrier_cli.core.models import HazardLog
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.key_grounds import key_person_grounds
from barrier_cli.reports.analysis.monthly import analyze
from barrier_cli.reports.analysis.result import MonthlyAnalysis
from barrier_cli.reports.deficiencies import answerable, correction_deadline

TODAY = dt.date(2026, 11, 24)
OCT = Month(2026, 10)
SEP_2025 = Month(2025, 9)


def test_the_general_branch_owes_its_analysis_by_the_notice_deadline(
    examples: Tree, zh: str
) -> None:
    """Item 3: no notice is issued for October; the draft is dated 5 November and gives ten
    days, so the general branch committee adds its analysis by 15 November, as the notice's
    自查 says; an issued notice's own deadline wins (N-2025-002: 20 October 2025)."""
    assert correction_deadline(examples, OCT, TODAY) == dt.date(2026, 11, 15)
    assert correction_deadline(examples, SEP_2025, TODAY) == dt.date(2025, 10, 20)
    assert "总支层面：尚未剖析，车间党总支委员会于11月15日前补充剖析。" in zh
    assert "11月3日" not in zh


def test_the_three_nots_say_what_is_known_and_only_the_missing_level(zh: str) -> None:
    """Item 4: the 9月20日 meeting analysed the branch and member levels without attendance;
    only the general branch level is missing; no hedge."""
    assert (
        "尚未闭环。尚缺：按时间顺序写明的违章经过；有参会记录的支委会剖析；总支层面剖析；"
        "责任传递和落实效果剖析。"
    ) in zh
    assert "缺失或记录不全" not in zh
    assert "未按总支、支部、党员三个层次剖析" not in zh
    assert "不能认定为支委会分析" not in zh


def test_one_answer_for_who_answers_for_the_fourth_shift_measure(
    examples: Tree, october: MonthlyAnalysis, zh: str
) -> None:
    """Item 7: 任辉, 四班's secretary, is involved in the 10月9日 accident: he organises the
    test, committee member 莫文斌 urges it on, 王建国 supervises, in one shared answer."""
    found = answerable(examples, "B4", ["ren_hui", "qin_baoshan"], dt.date(2026, 11, 30))
    assert found is not None
    assert (found.involved, found.member, found.head) == (("ren_hui",), "mo_wenbin", "wang_jianguo")
    assert answerable(examples, "B3", ["sun_hao"], dt.date(2026, 11, 30)) is None
    case = next(p for p in october.proposed if p.basis and p.basis[0] == "I-20261009-01")
    assert (case.owner_name, case.urger_name, case.supervisor_name) == ("任辉", "莫文斌", "王建国")
    assert (
        "责任单位：四班党支部；责任人：任辉（组织落实），支部委员莫文斌督促，"
        "车间党总支书记王建国督导；完成时限：11月30日"
    ) in zh


def test_late_analyses_are_said_by_case_and_unit_without_a_hedge(zh: str) -> None:
    """Item 15: three analysed late (一班 1, 四班 2), none unanalysed past the limit."""
    assert (
        "超过3天时限才完成分析3条（一班党支部1条、四班党支部2条）；月底尚有3条未分析（均未超时限）。"
    ) in zh
    assert "或逾期未分析" not in zh


def test_the_failed_members_grounds_use_dates_not_codes(zh: str, september_zh: str) -> None:
    """Item 11: weeks and days by date, the accident by its date and class and the item."""
    rows = zh.split("岗区评比失格", 1)[1].split("### 安全关键人", 1)[0]
    assert "| 黄立军 | 10月19日至25日当周未反馈 |" in rows
    assert "| 方强 | 10月13日、19日、26日未反馈 |" in rows
    assert "| 任辉 | 对10月9日一般A类事故负领导责任，按“身边无事故”标准评定失格 |" in rows
    assert "| 孔祥宇 | 对10月9日一般A类事故负把关责任，按“身边无事故”标准评定失格 |" in rows
    assert "-W4" not in rows and "2026-10-" not in rows
    assert "| 吴磊 | 全月22个值班日均未反馈 |" in september_zh


def test_key_person_grounds_are_composed_from_the_records(
    examples: Tree, october: MonthlyAnalysis, zh: str
) -> None:
    """Item 16: date and what was done, the name not repeated, no title or category pasted."""
    zheng = next(k for k in october.key_persons if k.name == "郑宇")
    said = key_person_grounds(examples, zheng, "zh", 2026)
    assert said == [
        "10月21日检查33058次时漏检第12位车闸瓦插销",
        "近三个月发现故障数量明显低于本组平均水平",
    ]
    assert zheng.grounds == said
    sun = next(k for k in october.key_persons if k.name == "孙浩")
    assert "9月18日在列车未停稳时跨越车钩" in sun.grounds
    assert sun.grounds[0] == "近三个月违章3次（重复违章）"
    table = zh.split("### 安全关键人", 1)[1].split("###", 1)[0]
    assert "（两违）" not in table and "（检修质量反馈）" not in table
    assert "孙浩在列车" not in table


def test_the_cadres_patrols_are_judged_by_the_sources_daily_rule(zh: str) -> None:
    """Item 10: 党员干部每天循环深入现场 (the settings' default): one patrol each in a month of
    22 working days is far too few, and goes into the general branch's 自查 (the cadres work
    no shift cycle: their days are 工作日, not the members' 值班日)."""
    assert (
        "本月车间干部深入现场监控：王建国1次、刘振华1次。按“每天循环深入现场”的要求（本月22个工作日），"
        "王建国、刘振华深入现场次数明显偏少，列入车间党总支自查。"
    ) in zh
    assert "均达到本月规定的1次" not in zh


def test_a_priority_done_on_time_with_a_measure_running_on_reads_so(zh: str) -> None:
    """Item 12: the pairing was made on 12 October, before the 15 October deadline; the
    ride-along measure runs to 15 December."""
    assert (
        "| 10月15日 | 部分完成：10月12日彭晓明与孙浩结成包保对子（按期）；“党员包保人跟班互控，关键环节提醒”（期限12月15日）尚在推进 |"
    ) in zh
    # done, but judged by its effect (fifth review, item 11)
    assert (
        "| 按期完成（10月28日），但本月车辆故障12条，截断塞门手把关闭、闸瓦磨耗超限问题上升，"
        "效果不明显，11月转为截断塞门手把关闭、闸瓦磨耗超限专项整治（见六、7、8） |"
    ) in zh


def test_an_overdue_priority_says_why_and_names_its_measure_once(
    october: MonthlyAnalysis, zh: str
) -> None:
    """Item 13: no record shows the 二班 priority carried out, and 二班 reported the same
    violations twice after it was set on 5 October (10月10日二班三组, 10月11日二班党支部)."""
    carried = next(p for p in october.proposed if p.carried == "overdue")
    assert [(r.date, r.unit_name) for r in carried.recurred] == [
        (dt.date(2026, 10, 10), "二班三组"),
        (dt.date(2026, 10, 11), "二班党支部"),
    ]
    # a cause, not the state of the ledger (fifth review, item 4)
    assert (
        "逾期原因：二班党支部未把横越线路“一站、二看、三通过”每日班前提问落实到各作业组，"
        "10月10日二班三组、10月11日二班党支部又发生违章违纪2起。"
    ) in zh
    # the measure it was set with is named once, in the reason
    assert len(carried.measures) == 1 and zh.count("横越线路“一站、二看、三通过”每日班前提问") == 1


def test_the_fault_priority_names_the_months_faults(examples: Tree) -> None:
    """Item 5: 闸瓦磨耗超限 5, 截断塞门手把处于关闭位 2, then the singles in report order.
    (Without the hazard log: with it, each of these faults is a weak link of its own.)"""
    unlogged = dataclasses.replace(examples, hazards=HazardLog())
    faults = next(p for p in analyze(unlogged, OCT, today=TODAY).proposed if p.category == "fault")
    assert faults.measures == [
        "对闸瓦磨耗超限、截断塞门手把处于关闭位、制动梁安全链脱落、交叉杆端头螺栓松动等故障开展专项检查，"
        "落实质量互控"
    ]


def test_the_hazard_priority_carries_through_the_action_set_against_it(
    october: MonthlyAnalysis,
) -> None:
    """Item 14: the 站调 problem has its 通报制度 (three reports took it), not a stock measure."""
    hazard = next(p for p in october.proposed if p.category == "hazard")
    assert "落实与站调建立股道变更即时通报制度" in hazard.measures[0]
    assert "完善作业标准" not in hazard.measures[0]


def test_the_accident_is_analysed_from_its_people_too(zh: str) -> None:
    """Item 9: 党员层面 a finding, not a label; 原因分析 gives the 人员 causes."""
    assert "工班长孔祥宇对值班员沿用旧计划习以为常，未履行核对把关职责。" in zh
    assert "“看惯者”心态" not in zh
    assert (
        "**原因分析**：人员方面，值班员秦宝山未掌握新图作业时分，工班长孔祥宇未核对作业计划（主观原因）。"
    ) in zh


def test_main_problems_are_sentences_grouping_the_problems_with_counts(zh: str) -> None:
    """Item 8: each category's reports grouped by the problem they show, counted, with the
    units of a problem reported more than once; no quoted titles with category tags."""
    part = zh.split("## 二、", 1)[1].split("## 三、", 1)[0]
    assert (
        "- 违章违纪7条：作业人员着装不整，防护服未系扣2条（车间党总支（干部）、一班一组）；"
        "检车员横越线路未执行“一站、二看、三通过”2条（一班党支部、二班三组）；"
        "插撤脱轨器未执行呼唤应答2条（三班党支部、四班一组）；检车员钻车作业时钻跨不到位1条（二班党支部）。"
    ) in part
    assert (
        "- 车辆故障12条：闸瓦磨耗超限5条（四班三组1条、一班三组1条、二班三组1条、三班二组2条）；"
        in part
    )
    assert "（违章违纪）" not in part and "（车辆故障）" not in part


def test_the_english_analysis_reads_as_plain_english(en: str) -> None:
    """ANALYSIS en 2, 4, 5, 7, 8, 9: the three nots glossed as problem, causes, measures; a
    branch committee meeting, never 支委会; feedback on reports; sentences not opening with a
    numeral; removed from post, penalised under the rules; priority titles in plain words."""
    assert (
        "the problem has been established, its causes found and specific corrective measures "
        "carried out."
    ) in en
    assert "支委会" not in en
    assert "the Shift 4 branch committee analysed the case on 13 October," in en
    assert "Feedback was given on 46 reports this month, all within seven days." in en
    assert "This month saw one general class A accident (" in en
    assert (
        "In the last three months, two people broke the rules repeatedly: Liu Yang, Sun Hao." in en
    )
    assert "The register holds three mentoring pairs" in en
    assert "- On 31 October, 20 actions and measures were still open, 5 of them overdue." in en
    assert "team leader Kong Xiangyu (responsible for oversight) and duty officer" in en
    assert "on 21 September, Sun Hao was penalised under the workshop's violation rules." in en
    assert "7. **Stop cut-out cocks being left closed**" in en
    assert "Based on: cut-out cock left closed: two this month, four in three months" in en
    assert "(focus:" not in en and "of the category" not in en
    failed = en.split("failed the post rating", 1)[1].split("### Key persons", 1)[0]
    assert "| Huang Lijun | made no report for the week of 19–25 October |" in failed
    assert "-W43" not in failed


def test_branch_work_is_owned_by_the_branches_with_the_general_branch_supervising(
    september_zh: str,
) -> None:
    """Item 19 (2025-09): 违章违纪 spread over every branch is all the branches' work, the
    撤除防护号志 near misses of 一班 and 四班 theirs; 刘振华 supervises, owning neither."""
    part = september_zh.split("## 六、", 1)[1].split("## 七、", 1)[0]
    assert (
        "责任单位：各党支部；责任人：各支部书记，车间党总支委员刘振华督导；完成时限：10月31日（每班执行，月底检查）"
        in part
    )
    assert (
        "责任单位：一班党支部、四班党支部（发生单位）；责任人：李国强、任辉，车间党总支委员刘振华督导"
    ) in part
    # the equipment is put right by the branches that found it too (fifth review, item 20)
    assert "责任单位：列检车间党总支；责任人：刘振华；" not in part
    assert (
        "责任单位：三班党支部、四班党支部（发生单位）；责任人：梁建华、任辉，"
        "车间党总支委员刘振华督导；完成时限：10月31日"
    ) in part
