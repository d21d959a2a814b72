"""Known answers for the fifth review of the analysis's 一、总体情况, 二、存在的主要问题 and 五
(issue 15 items 4 and 7; /tmp/review5 ANALYSIS zh 3, 8, 9, 10, 13, 14, 19 and en 1, 2, 6, 8):
on the example records, and on hand-made trees where a rule must hold whatever the example."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import minitree
from barrier_cli.core.models import HazardLog
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.present.render.document import render_analysis
from barrier_cli.reports.analysis.monthly import analyze
from barrier_cli.reports.analysis.patrols import cadre_patrols
from barrier_cli.reports.analysis.result import Count, Problem
from barrier_cli.reports.analysis.showing import with_showing
from barrier_cli.reports.names import english_unit

TODAY = dt.date(2026, 11, 24)
OCT = Month(2026, 10)


def _part(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_the_accident_is_said_as_the_years_third_of_its_class(zh: str, en: str) -> None:
    """zh 3: the general class A accident named by date and subject, with the year's earlier
    ones of its class (case_names.earlier_in_year) by date and team."""
    assert (
        "本月发生一般A类事故1起（10月9日33062次晚点），为本年第三起（3月14日三班、6月21日二班），"
        "须引起各党支部高度警觉。"
    ) in zh
    assert (
        "This month saw one general class A accident (late departure of train 33062 on "
        "9 October), three in all this year (earlier: Shift 3 on 14 March, Shift 2 on "
        "21 June); every branch must take it as a serious warning."
    ) in en


def test_the_near_misses_are_said_as_the_hazards_they_concentrate_in(zh: str, en: str) -> None:
    """zh 10, en 2: one sentence, 一是…；二是…, counted since the records began (2025年6月,
    not the first occurrence's day), no two sentences opening with 其中, and the conclusion
    that neither hazard has been analysed as a typical case."""
    overview = _part(zh, "## 一、总体情况", "### （一）")
    assert (
        "本月收集事故苗子信息4条，涉及2类反复发生的问题：一是“邻线来车避让不及时”2起"
        "（10月8日二班二组、10月20日二班一组），近三个月共7起，2025年6月以来共42起，"
        "说明“把邻线来车提醒纳入党员定位定项控制点”措施未落到实处。二是“撤除防护号志前未确认"
        "人员撤出”2起（10月10日一班四组、10月18日二班党支部），近三个月共4起，2025年6月以来"
        "共26起，说明“撤除号志纳入作业完了党员确认项点”措施未落到实处。"
        "上述问题反复发生，车间党总支和有关党支部均未作为典型案例剖析，已列入第五部分薄弱环节。"
    ) in overview
    assert "其中" not in overview and "6月7日" not in overview
    assert (
        "Four near misses were reported this month, on two recurring problems. First, "
        "“late clearing of the track for trains on the adjacent line” occurred twice (Shift 2 "
        "Group 2 on 8 October, Shift 2 Group 1 on 20 October): seven times in the last three "
        "months and 42 times since June 2025"
    ) in en
    assert "(Shift 1 Group 4 on 10 October, the Shift 2 branch on 18 October)" in en
    assert "They keep recurring, yet neither the General Branch nor the branches" in en
    assert not re.search(r"(?<!\d)2 times", en) and "Of these" not in en


def test_a_near_miss_hazard_analysed_as_a_case_is_not_said_unanalysed() -> None:
    """zh 10 on a hand-made tree: a case citing a report of the hazard, analysed, is the
    hazard taken up as a typical case; the conclusion then names none unanalysed."""
    log = HazardLog.model_validate(
        {
            "hazards": [
                {
                    "id": "H-1",
                    "name": "邻线来车避让不及时",
                    "element": "management",
                    "phrases": ["未及时下道"],
                }
            ]
        }
    )
    reports = [
        minitree.report(
            id=f"R-2026100{d}-000{d}",
            date=dt.date(2026, 10, d),
            category="near_miss",
            element="management",
            summary="作业人员未及时下道避让",
        )
        for d in (2, 5)
    ]
    plain = dataclasses.replace(minitree.build(*reports), hazards=log)
    said = render_analysis(analyze(plain, OCT, today=TODAY), fmt="md", lang="zh")
    assert "上述问题反复发生，车间党总支和有关党支部均未作为典型案例剖析" in said
    case = minitree.incident(
        id="I-20261006-01",
        date=dt.date(2026, 10, 6),
        type="precursor",
        reports=[reports[0].id],
        analysis={"levels": {"branch": "班前预想未提醒邻线来车"}},
    )
    studied = dataclasses.replace(minitree.build(*reports, case), hazards=log)
    said = render_analysis(analyze(studied, OCT, today=TODAY), fmt="md", lang="zh")
    overview = _part(said, "## 一、总体情况", "### （一）")
    assert "未作为典型案例剖析" not in overview
    assert "上述问题已列入第五部分薄弱环节。" in overview


def test_main_problems_name_every_problem_grouped_by_hazard_with_its_places(zh: str) -> None:
    """zh 8, 9: the broken lamps one problem with their three places (as 五 groups them), and
    no "其他问题": the missing knuckle-pin split pin and the brake cylinder named with their
    units."""
    problems = _part(zh, "## 二、", "## 三、")
    assert "- 安全隐患6条：场区照明灯损坏3条（出发场2道、到达场南端、到达场3道）；" in problems
    assert "钩舌销开口销丢失1条（四班一组）" in problems
    assert "制动缸缓解不良1条（二班党支部）" in problems
    assert "其他问题" not in problems
    assert "出发场2道照明灯损坏" not in problems


def test_the_september_2025_hazards_group_derailers_and_skates(september_zh: str) -> None:
    """zh 8, 19: 2025-09's derailers and skates each one problem with their places."""
    problems = _part(september_zh, "## 二、", "## 三、")
    assert "脱轨器插撤不灵活2条（到达场南端、到达场5道）" in problems
    assert "防溜铁鞋摆放不规范2条（编组场下行、列检所门前）" in problems
    assert "其他问题" not in problems


def test_a_hazard_on_two_sidings_is_one_problem_on_a_hand_made_tree() -> None:
    """Two lamp reports of one hazard, worded by place, are one problem with both places;
    two different one-off faults are each named with their unit, none hidden."""
    log = HazardLog.model_validate(
        {
            "hazards": [
                {
                    "id": "H-8",
                    "name": "场区照明灯损坏",
                    "element": "equipment",
                    "phrases": ["照明灯损坏"],
                }
            ]
        }
    )
    reports = [
        minitree.report(
            id="R-20261002-0001",
            date=dt.date(2026, 10, 2),
            category="hazard",
            element="equipment",
            summary="出发场2道照明灯损坏",
            location="出发场2道",
        ),
        minitree.report(
            id="R-20261003-0002",
            date=dt.date(2026, 10, 3),
            category="hazard",
            element="equipment",
            summary="到达场3道照明灯损坏",
            location="到达场3道",
        ),
    ] + [
        minitree.report(
            id=f"R-2026100{n}-000{n}",
            date=dt.date(2026, 10, n),
            category="fault",
            element="equipment",
            summary=text,
            reporter=who,
        )
        for n, text, who in (
            (4, "钩舌销开口销丢失", "zhu"),
            (5, "制动缸缓解不良", "jiang"),
            (6, "车轮踏面擦伤", "zhu"),
            (7, "交叉杆端头螺栓松动", "jiang"),
            (8, "制动梁安全链脱落", "zhu"),
            (9, "闸瓦插销丢失", "jiang"),
        )
    ]
    tree = dataclasses.replace(minitree.build(*reports), hazards=log)
    problem = Problem("equipment", 8, 1.0, [], [])
    problem = dataclasses.replace(
        problem, categories=[Count("fault", "fault", 6, 0.75), Count("hazard", "hazard", 2, 0.25)]
    )
    showing = {s.category: s for s in with_showing(tree, OCT, [problem])[0].showing}
    lamps = showing["hazard"].problems
    assert [(s.text, s.count, s.units) for s in lamps] == [
        ("场区照明灯损坏", 2, ["出发场2道", "到达场3道"])
    ]
    faults = showing["fault"].problems
    assert [(s.text, s.units) for s in faults][:2] == [
        ("钩舌销开口销丢失", ["一班一组"]),
        ("制动缸缓解不良", ["二班一组"]),
    ]
    assert len(faults) == 6


def test_the_english_problems_read_as_the_chinese_group_them(en: str) -> None:
    """en 1: faults grouped as in zh, wagon numbers never left as gaps, no "other problems"."""
    assert (
        "- Vehicle fault (12): brake shoe worn beyond the limit, 5 (1 at Shift 4 Group 3, 1 at "
        "Shift 1 Group 3, 1 at Shift 2 Group 3, 2 at Shift 3 Group 2); cut-out cock left "
        "closed, 2 (Shift 1 Group 2, Shift 4 Group 1);"
    ) in en
    assert "split pin of the knuckle pin missing, 1 (Shift 4 Group 1)" in en
    assert "other problems" not in en and "wagon  " not in en
    assert "- Hazard (6): broken yard lights, 3 (Track 2 of the departure yard," in en


def test_the_accident_under_its_element_is_a_sentence_of_its_own(zh: str, en: str) -> None:
    """en 8: what "this" covers is said, the team in brackets."""
    assert (
        "此外，10月9日四班33062次晚点的一般A类事故属管理方面问题，详见第三部分典型案例剖析。" in zh
    )
    assert (
        "The general class A accident of 9 October (late departure of train 33062, Shift 4) "
        "is also a management problem; see part 3."
    ) in en
    assert "This also covers" not in en


def test_the_earlier_open_report_is_named(zh: str, en: str) -> None:
    """zh 13: which earlier report is still open, by date, words and category."""
    assert (
        "- 9月30日“信号楼未及时通知邻线接车，作业人员险些来不及避让”事故苗子至月底仍未闭环。\n"
    ) in zh
    assert "以前月份信息尚有" not in zh
    assert (
        "- Still open at the month's end from an earlier month: the near miss of 30 September, "
        "“signal box late to warn of a train on the adjacent line: staff barely cleared in time”."
    ) in en


def test_the_cadres_days_are_working_days_the_members_duty_days(zh: str, en: str) -> None:
    """zh 14: the cadres work no shift cycle, so their 22 days are 工作日; the members' 23 in
    the 漏报 table are the roster's duty days. en 2: "A and B went on site far too seldom"."""
    assert "（本月22个工作日），王建国、刘振华深入现场次数明显偏少" in zh
    assert "| 党员 | 方强 | 三班一组 | 23 |" in zh
    assert (
        "Against the rule of going on site every working day (22 working days this month), "
        "Wang Jianguo and Liu Zhenhua went on site far too seldom;"
    ) in en


def test_a_cadre_on_a_shift_roster_owes_duty_days(examples: Tree) -> None:
    """zh 14, the other way: a cadre whose unit works a roster cycle owes its duty days."""
    cadres = {p.name: p for p in cadre_patrols(examples, OCT, today=TODAY)}
    assert cadres and all(p.working_days for p in cadres.values())
    moved = examples.org.model_copy(
        update={
            "people": [
                p.model_copy(update={"unit": "B1"}) if "cadre" in p.roles else p
                for p in examples.org.people
            ]
        }
    )
    rostered = cadre_patrols(dataclasses.replace(examples, org=moved), OCT, today=TODAY)
    assert rostered and not any(p.working_days for p in rostered)


def test_english_counts_in_running_text_are_spelled_and_open_no_sentence(en: str) -> None:
    """en 6 in parts 1 and 2: no numeral opens a sentence; small counts spelled."""
    assert "The workshop collected 49 safety reports this month" in en
    assert "Of all reports, 18 (37%) concerned equipment:" in en
    assert "In the last three months, two people broke the rules repeatedly" in en
    assert (
        "The register holds three mentoring pairs: two still being mentored, one basically turned around."
        in en
    )
    assert "all within seven days" in en
    head = en.split("## 3.", 1)[0]
    for line in head.splitlines():
        text = line.removeprefix("- ")
        assert not text[:1].isdigit() or text.startswith(("1.", "2.")) or "|" in text, line


def test_a_units_name_in_a_sentence_takes_its_article() -> None:
    """en 8: the Shift 1 branch in a sentence, a proper name as it is."""
    assert english_unit("Shift 1 branch") == "the Shift 1 branch"
    assert english_unit("Shift 1 Group 1") == "Shift 1 Group 1"
    assert english_unit("Workshop General Party Branch") == "Workshop General Party Branch"
    assert english_unit("三班党支部") == "三班党支部"


def test_2025_09_has_no_registered_case_but_says_its_near_misses(september_zh: str) -> None:
    """2025-09 (fourth-pass 18): no case registered is said of accidents and 两违 only, the
    two near misses reported beside it."""
    assert (
        "本月无立案的事故和严重“两违”。本月收集事故苗子信息2条，均属反复发生的问题："
        in september_zh
    )
    assert "无立案的事故、事故苗子" not in _part(september_zh, "## 一、", "## 二、")


def test_near_misses_not_all_of_a_recurring_hazard_say_which_recur() -> None:
    """zh 10, the other case: of three near misses two are one hazard; the sentence says
    which recur (其中…), with no 一是 for a single one, the count since the records began."""
    log = HazardLog.model_validate(
        {
            "hazards": [
                {
                    "id": "H-1",
                    "name": "邻线来车避让不及时",
                    "element": "management",
                    "phrases": ["未及时下道"],
                }
            ]
        }
    )
    reports = [
        minitree.report(
            date=dt.date(2026, month, day),
            category="near_miss",
            element="management",
            summary=text,
        )
        for month, day, text in (
            (8, 3, "作业人员未及时下道避让"),
            (10, 2, "作业人员未及时下道避让"),
            (10, 5, "邻线来车作业人员未及时下道"),
            (10, 7, "检车员被线路杂物绊倒"),
        )
    ]
    tree = dataclasses.replace(minitree.build(*reports), hazards=log)
    said = render_analysis(analyze(tree, OCT, today=TODAY), fmt="md", lang="zh")
    assert (
        "本月收集事故苗子信息3条，其中反复发生的问题：“邻线来车避让不及时”2起（10月2日一班一组、"
        "10月5日一班一组），近三个月共3起。上述问题反复发生，车间党总支和有关党支部均未作为典型案例剖析，"
        "已列入第五部分薄弱环节。"
    ) in said
    assert "一是" not in _part(said, "## 一、总体情况", "### （一）")


def test_an_accident_of_a_class_seen_earlier_in_the_year_says_so() -> None:
    """zh 3 on a hand-made tree: the year's earlier accidents of the class, not those of
    another class or of the year before, by date and team; 第二起 for the second."""
    accidents = [
        minitree.incident(
            id=iid, date=day, type="accident", title=title, unit=unit, **{"class": grade}
        )
        for iid, day, title, unit, grade in (
            ("I-20251120-01", dt.date(2025, 11, 20), "去年的事故", "B1-G1", "general_a"),
            ("I-20260302-01", dt.date(2026, 3, 2), "风表忘撤被拉走", "B1-G1", "general_a"),
            ("I-20260402-01", dt.date(2026, 4, 2), "另一类事故", "B2-G1", "general_b"),
            ("I-20261008-01", dt.date(2026, 10, 8), "防溜铁鞋未撤", "B2-G1", "general_a"),
        )
    ]
    tree = minitree.build(minitree.report(), *accidents)
    said = render_analysis(analyze(tree, OCT, today=TODAY), fmt="md", lang="zh")
    assert (
        "本月发生一般A类事故1起（10月8日防溜铁鞋未撤），为本年第二起（3月2日一班一组），"
        "须引起各党支部高度警觉。"
    ) in said
