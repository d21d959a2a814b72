"""Known answers for the analysis after the ninth review (issue 15 items 4 and 7): the titles
of recurring-problem priorities, the repeated violation of a typical case, the weak links'
named problems, the answers to suggestions, and the smaller Chinese and English points."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import REVIEW_DAY

if TYPE_CHECKING:
    from barrier_cli.io.loader import Tree
    from barrier_cli.reports.analysis.result import MonthlyAnalysis

EXAMPLE_MONTHS = [(2025, 9), (2026, 10)]


@pytest.fixture(scope="module")
def september_en(examples: Tree) -> str:
    from barrier_cli.core.periods import Month
    from barrier_cli.present.render.document import render_analysis
    from barrier_cli.reports.analysis.monthly import analyze

    analysis = analyze(examples, Month(2025, 9), today=REVIEW_DAY, lang="en")
    return render_analysis(analysis, fmt="md", lang="en")


_ANALYSES: dict[tuple[int, int, str], MonthlyAnalysis] = {}


def _analysis(examples: Tree, year: int, month: int, lang: str) -> MonthlyAnalysis:
    """One analysis per month and language for the whole module: each takes seconds."""
    from barrier_cli.core.periods import Month
    from barrier_cli.reports.analysis.monthly import analyze

    key = (year, month, lang)
    if key not in _ANALYSES:
        _ANALYSES[key] = analyze(examples, Month(year, month), today=REVIEW_DAY, lang=lang)  # type: ignore[arg-type]
    return _ANALYSES[key]


def test_a_recurring_problem_priority_is_titled_by_its_aim(en: str) -> None:
    """en 1: the titles of part 6 items 4, 5, 7 and 8 are the hazard log's aims, sentences,
    not the problem quoted inside a frame."""
    for n, title in [
        (4, "Stop the recurring removal of protection signals before all staff are clear"),
        (5, "Stop the recurring late clearing of the track for trains on the adjacent line"),
        (7, "Stop cut-out cocks being left closed"),
        (8, "Stop brake shoes wearing beyond the limit unnoticed"),
    ]:
        assert f"\n{n}. **{title}**\n" in en
    assert "from happening again" not in en
    assert "Put right the recurring problem" not in en


@pytest.mark.parametrize(("year", "month"), EXAMPLE_MONTHS)
def test_every_recurring_problem_priority_takes_the_logs_aim(
    examples: Tree, year: int, month: int
) -> None:
    """en 1, for every such priority: a proposal against a problem of the hazard log is
    titled by the log's aim in the document's language, no quotation marks in it; in Chinese
    (the example log gives no Chinese aim) it is made from the problem's name."""
    aims = {h.name_en: h.aim_en for h in examples.hazards.hazards}
    names = {h.name for h in examples.hazards.hazards}
    english = _analysis(examples, year, month, "en").proposed
    problems = [p for p in english if p.problem in aims]
    assert problems
    for p in problems:
        assert p.content == aims[p.problem]
        assert "“" not in p.content
    chinese = [p for p in _analysis(examples, year, month, "zh").proposed if p.problem in names]
    assert len(chinese) == len(problems)
    for p in chinese:
        assert p.problem in p.content


def test_an_aim_missing_in_english_falls_back_to_the_name(examples: Tree) -> None:
    """A log without an English aim: the English title is made from the problem's English
    name, not from the Chinese aim."""
    import dataclasses

    from barrier_cli.core.periods import Month
    from barrier_cli.reports.analysis.monthly import analyze

    log = examples.hazards.model_copy(
        update={
            "hazards": [
                h.model_copy(update={"aim": "杜绝问题", "aim_en": None})
                for h in examples.hazards.hazards
            ]
        }
    )
    tree = dataclasses.replace(examples, hazards=log)
    en = analyze(tree, Month(2026, 10), today=REVIEW_DAY, lang="en").proposed
    titles = [p.content for p in en]
    assert "Put right the recurring problem “cut-out cock left closed”" in titles
    assert not any("杜绝" in t for t in titles)


def test_a_repeated_violation_is_one_sentence(zh: str, en: str) -> None:
    """en 2, zh 4: the later violation of a case's offender is said in the sentence, with no
    bracket and no colon."""
    assert (
        "On 11 October Sun Hao broke the rules again, in a violation recorded as “derailer "
        "placed or removed without call-and-response”, which shows that the measures taken "
        "after the case have not yet taken hold."
    ) in en
    assert (
        "10月11日，孙浩又发生插撤脱轨器未执行呼唤应答的违章，说明案发后制定的措施尚未落实到位。"
    ) in zh
    assert "孙浩于10月11日（" not in zh


def test_weak_link_rows_name_every_problem_they_count(zh: str) -> None:
    """zh 2: row 1 names the fourth violation (2+2+2+1 = 7), row 5 the fourth fault; the
    column quotes nothing."""
    assert (
        "| 1 | 人员 | 违章违纪 |  | 着装不整、横越线路未执行“一站、二看、三通过”、插撤脱轨器"
        "未执行呼唤应答、钻车作业时钻跨不到位 | 7 |"
    ) in zh
    assert (
        "| 5 | 设备 | 车辆故障 | 关键列车 | 交叉杆端头螺栓松动、车轮踏面擦伤、制动缸缓解不良、"
        "钩舌销开口销丢失 | 4 |"
    ) in zh
    assert "| 3 | 管理 | 事故苗子 |  | 撤除防护号志前未确认人员撤出 | 2（近三个月4条） |" in zh


@pytest.mark.parametrize(("year", "month"), EXAMPLE_MONTHS)
def test_no_row_names_fewer_reports_than_it_counts(examples: Tree, year: int, month: int) -> None:
    """zh 2, the rule: a row named by what its reports say names what every one of its
    reports says, so its named problems account for its whole count."""
    from collections import Counter

    from barrier_cli.reports.analysis.hazards import without_trains
    from barrier_cli.reports.analysis.key_grounds import conduct
    from barrier_cli.reports.analysis.proposals import fault_of

    at = {r.id: r for r in examples.reports}
    rows = [w for w in _analysis(examples, year, month, "zh").weak_links[:10] if w.shows]
    assert rows
    for w in rows:
        reports = [at[e] for e in dict.fromkeys(w.evidence)]
        said = Counter(
            fault_of(r.summary, r.train, r.vehicle)
            if r.vehicle
            else conduct(without_trains(r.summary), "zh")
            for r in reports
        )
        assert sum(said[s] for s in w.shows) >= w.count, (w.rank, w.shows, w.count)


def test_an_adopted_suggestion_says_so_and_names_the_general_branch_member(
    zh: str, en: str
) -> None:
    """zh 3, en 3: the derailer suggestion is adopted (the record says so: R-20261022-XBJ5)
    and its revision is the general branch member's, by the day the record holds; the
    staffing one, referred to the workshop management, is not said to be adopted."""
    assert (
        "- 建议将插撤脱轨器纳入党员定位定项控制点（4条）：予以采纳，由车间党总支刘振华负责修订"
        "党员定位定项控制点，11月5日前完成。\n"
    ) in zh
    assert (
        "- Making the placing and removing of derailers a party member's control point (4): "
        "adopted; Liu Zhenhua (the General Branch) is to revise party members' control points "
        "by 5 November.\n"
    ) in en
    assert (
        "- One more inspector for double-headed heavy trains (2): Xie Yongsheng (Shift 2 "
        "branch) is to put the staffing"
    ) in en
    assert "黄立军负责修订" not in zh
    assert "Suggest " not in en


def test_adoption_is_read_from_the_record_as_of_the_moment(examples: Tree) -> None:
    """No record of adoption, or one dated after the moment: the answer does not say
    "adopted"."""
    import dataclasses
    import datetime as dt

    from barrier_cli.core.models.report import Adoption
    from barrier_cli.core.periods import Month
    from barrier_cli.reports.analysis.suggestions import answers

    def derailer(tree: Tree, as_of: dt.date) -> bool:
        found = answers(tree, Month(2026, 10), as_of)
        return next(a for a in found if "插撤脱轨器" in a.text).adopted

    assert derailer(examples, dt.date(2026, 10, 31))
    assert not derailer(examples, dt.date(2026, 10, 21))
    none = [r.model_copy(update={"adopted": None}) for r in examples.reports]
    assert not derailer(dataclasses.replace(examples, reports=none), dt.date(2026, 10, 31))
    assert Adoption(date=dt.date(2026, 10, 22), by="wang_jianguo").by == "wang_jianguo"


def test_an_adoption_by_no_known_person_is_a_finding(tmp_path: Path) -> None:
    """The adoption's signer is checked as any person of a record is: file named, exit 1."""
    from cli_helpers import barrier, copy_tiny

    tree = copy_tiny(tmp_path)
    path = tree / "reports/2026/11/R-20261101-0001.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("category: hazard", "category: suggestion")
        + "adopted:\n  date: 2026-11-01\n  by: nobody\n",
        encoding="utf-8",
    )
    ran = barrier(tree, "check")
    assert ran.returncode == 1
    assert "R-20261101-0001.yaml" in ran.stdout + ran.stderr
    assert "nobody" in ran.stdout + ran.stderr


def test_a_settled_priority_names_every_unit_and_the_pressed_date(zh: str, en: str) -> None:
    """zh 5, en 4: priority 6 lists the general branch beside Shift 4 (its member checks the
    re-divided work), the overdue measure is due by the day the record's 督办 set
    (R-20261007-81NF: 10 November), and the English says the measures as verbs, unquoted."""
    assert (
        "   - 措施：四班党支部魏振11月10日前落实与站调建立股道变更即时通报制度（10月15日到期，"
        "已逾期16天）。一班党支部、三班党支部已落实按双牵重载列车作业过程重新分工，刘振华11月30日"
        "前检查落实效果。\n   - 责任单位：四班党支部、车间党总支；"
    ) in zh
    assert (
        "6. **Agree with the station dispatcher that track changes are reported at once, and "
        "check the effect of the measure to redivide the work by the procedure for "
        "double-headed heavy trains**\n   - Measures: Wei Zhen (Shift 4 branch) is to agree with "
        "the station dispatcher that track changes are reported at once by 10 November (due 15 "
        "October, now 16 days overdue). The Shift 1 branch and the Shift 3 branch have carried "
        "out the measure to redivide the work by the procedure for double-headed heavy trains; "
        "Liu Zhenhua is to check by 30 November that it holds.\n"
    ) in en
    assert "carry out at once the measure “" not in en


def test_a_measure_due_on_the_day_is_verified_by_someone_by_a_day(zh: str, en: str) -> None:
    """zh 6: priority 4's measure due on 31 October names who verifies it and by when (the
    general branch's member, by the priority's deadline)."""
    assert (
        "一班党支部10月31日到期的“撤除号志纳入作业完了党员确认项点”措施，由刘振华11月30日前"
        "验证落实情况。"
    ) in zh
    assert (
        "Liu Zhenhua is to verify by 30 November that the Shift 1 branch has carried out “add "
        "removal of the signals to the party member's end-of-work check”, due on 31 October."
    ) in en
    assert "立即验证" not in zh


def test_an_urging_after_the_moment_is_not_known(examples: Tree) -> None:
    """The 督办 counts only from its own date: as of 27 October the overdue measure is still
    to be carried out at once."""
    import dataclasses
    import datetime as dt

    from barrier_cli.core.periods import Month
    from barrier_cli.reports.analysis.monthly import analyze

    later = []
    for r in examples.reports:
        if r.id == "R-20261007-81NF":
            urged = r.actions[0].urged
            assert urged is not None
            moved = urged.model_copy(update={"date": dt.date(2026, 11, 1)})
            r = r.model_copy(update={"actions": [r.actions[0].model_copy(update={"urged": moved})]})
        later.append(r)
    tree = dataclasses.replace(examples, reports=later)
    analysis = analyze(tree, Month(2026, 10), today=REVIEW_DAY, lang="zh")
    said = " ".join(m for p in analysis.proposed for m in p.measures)
    assert (
        "四班党支部魏振立即落实与站调建立股道变更即时通报制度（10月15日到期，已逾期16天）" in said
    )


def test_whole_percents_add_up_to_a_hundred_by_largest_remainder() -> None:
    """zh 7, the helper: 13/49 … 4/49 (26.53, 24.49, 14.29, 14.29, 12.24, 8.16) round down
    to 98; the two points missing go to the largest remainders, .53 and .49."""
    from barrier_cli.reports.analysis.shares import whole_percents

    assert whole_percents([13, 12, 7, 7, 6, 4]) == [27, 25, 14, 14, 12, 8]
    assert whole_percents([1, 1, 1]) == [34, 33, 33]
    assert whole_percents([2, 1]) == [67, 33]
    assert whole_percents([0, 0]) == [0, 0]
    assert whole_percents([5]) == [100]
    assert whole_percents([0, 3]) == [0, 100]


@pytest.mark.parametrize("counts", [[13, 12, 7, 7, 6, 4], [20, 10, 9, 6, 4], [1] * 7, [3, 3, 3]])
def test_whole_percents_always_total_a_hundred(counts: list[int]) -> None:
    from barrier_cli.reports.analysis.shares import whole_percents

    got = whole_percents(counts)
    assert sum(got) == 100
    for c, p in zip(counts, got, strict=True):
        assert abs(p - 100 * c / sum(counts)) < 1


def test_every_share_column_totals_what_its_total_row_says(zh: str) -> None:
    """zh 7: the category, source and unit tables of part 1 add up to their 100%."""
    assert "| 车辆故障 | 12 | 25% |" in zh
    assert "| 干部监控 | 10 | 21% |" in zh
    tables = zh.split("| **合计** |")[:-1]
    checked = 0
    for table in tables:
        lines = table.split("\n")
        rule = max(n for n, line in enumerate(lines) if line.startswith("|---"))
        rows = [line for line in lines[rule + 1 :] if line.startswith("| ")]
        bold = [r for r in rows if r.startswith("| **")]
        rows = bold or [r for r in rows if not r.startswith("| \u3000")]
        shares = [re.search(r"(\d+)%\**? \|$", r) for r in rows]
        if not all(shares):
            continue
        assert sum(int(m.group(1)) for m in shares if m) == 100, rows
        checked += 1
    assert checked >= 5


def test_a_place_reported_twice_says_so(zh: str, en: str) -> None:
    """zh 8: three reports from two places say which had two; every place or unit once is
    named without a count; en 5: the general branch's cadres are not a bracket in a
    bracket."""
    assert "对讲机电池老化，作业中通话中断3条（到达场5道2条、出发场4道1条）" in zh
    assert "场区照明灯损坏3条（出发场2道、到达场南端、到达场3道）" in zh
    assert "截断塞门手把处于关闭位2条（一班二组、四班一组）" in zh
    assert (
        "worn radio batteries cut calls off during work, 3 (2 at Track 5 of the arrival yard, "
        "1 at Track 4 of the departure yard)"
    ) in en
    assert "brake-beam safety chain off, 1 (General Branch cadres)" in en
    assert "(cadres))" not in en


def test_an_accident_priority_names_its_day_as_the_adopted_record_does(zh: str, en: str) -> None:
    """zh 9: 六、3 names the accident by its day, unquoted, as S-2026-11 and the notice do."""
    assert "3. **深刻吸取10月9日33062次晚点事故教训，抓好整改措施落实**" in zh
    assert "深刻吸取“33062次晚点”" not in zh
    assert (
        "3. **Learn the lessons of the late departure of train 33062 on 9 October and carry "
        "its measures through**"
    ) in en


def test_a_row_is_a_key_persons_only_when_its_reports_are_about_them(zh: str) -> None:
    """zh 10: seven violations by seven people (row 1) and a quality row with one person only
    proposed (row 10) are not 关键人 rows."""
    rows = [line for line in zh.split("## 五、", 1)[1].split("## 六、", 1)[0].splitlines()]
    first = next(r for r in rows if r.startswith("| 1 | "))
    tenth = next(r for r in rows if r.startswith("| 10 | "))
    assert first.startswith("| 1 | 人员 | 违章违纪 |  | ")
    assert tenth.startswith("| 10 | 人员 | 检修质量 |  | ")


def test_a_row_of_confirmed_key_persons_keeps_its_key(examples: Tree) -> None:
    """The rule's other side: when every report of the row is about a confirmed key person,
    the row says 关键人."""
    import dataclasses
    import datetime as dt

    from barrier_cli.reports.analysis.weak_links import with_shown

    links = _analysis(examples, 2026, 10, "zh").weak_links
    row = next(w for w in links if w.rank == 10)
    at = {r.id: r for r in examples.reports}
    persons = {p for e in row.evidence for p in at[e].persons}
    assert persons
    register = [
        k.model_copy(update={"person": p, "confirmed": dt.date(2026, 10, 1), "closed": None})
        for k, p in zip([examples.key_persons[0]] * len(persons), sorted(persons), strict=True)
    ]
    only = [
        r
        if r.id not in row.evidence or r.persons
        else r.model_copy(update={"persons": sorted(persons)[:1]})
        for r in examples.reports
    ]
    tree = dataclasses.replace(examples, key_persons=register, reports=only)
    kept = with_shown([dataclasses.replace(row, key="person")], tree, "zh", dt.date(2026, 10, 31))
    assert kept[0].key == "person"
    dropped = with_shown(
        [dataclasses.replace(row, key="person")], examples, "zh", dt.date(2026, 10, 31)
    )
    assert dropped[0].key == ""


def test_the_smaller_english_points(en: str, zh: str) -> None:
    """en 5: a category of one problem does not count it twice; the case and pairing tables
    say the state in words; the standard is quoted with double marks."""
    assert (
        "- Near miss (1): staff slow to clear the track for a train on the adjacent line "
        "(Shift 2 Group 1).\n"
    ) in en
    assert "- 事故苗子1条：邻线来车时个别作业人员未及时下道避让（二班一组）。\n" in zh
    assert "| Sun Hao | being corrected | open (see (2)) |" in en
    assert "| rectifying |" not in en
    assert "| 28 December | basically turned around |" in en
    assert "| 12 April 2027 | being mentored |" in en
    assert "| active |" not in en and "| basic turnaround |" not in en
    assert "so fails the “no accident around them” standard |" in en
    assert "‘no accident around them’" not in en
    assert "| 整改中 |" in zh and "| 包保中 |" in zh


@pytest.mark.parametrize(("year", "month"), EXAMPLE_MONTHS)
def test_a_hazard_sits_under_one_element_in_the_document(
    examples: Tree, year: int, month: int
) -> None:
    """zh 11 (2025-09): a weak link of the hazard log sits under an element part 2 shows its
    reports under (防溜铁鞋摆放不规范 is equipment in both). (A hazard whose reports are of
    two elements, 邻线来车避让不及时 in 2026-10, is part 2's under both.)"""
    at = {r.id: r for r in examples.reports}
    rows = [w for w in _analysis(examples, year, month, "zh").weak_links if w.hazard]
    assert rows
    for w in rows:
        assert w.element in {at[e].element for e in w.evidence}, (w.rank, w.problem)


def test_checks_failed_on_one_day_are_one_clause(examples: Tree) -> None:
    """zh 12 (2025-09): 潘志强 and 薛峰 failed both checks on one day: one clause, the day
    once; en: no "check check"."""
    from barrier_cli.present.render.document import render_analysis

    zh = render_analysis(_analysis(examples, 2025, 9, "zh"), fmt="md", lang="zh")
    en = render_analysis(_analysis(examples, 2025, 9, "en"), fmt="md", lang="en")
    assert (
        "| 潘志强 | 9月22日“应知一口清”“应会一手精”考核均不合格；近三个月发现故障数量明显低于本组"
        "平均水平 |"
    ) in zh
    assert "| 薛峰 | 9月24日“应知一口清”“应会一手精”考核均不合格；" in zh
    assert "| 九 | 设备 | 安全隐患 |" not in zh
    assert "| 9 | 设备 | 安全隐患 |  | 防溜铁鞋摆放不规范（" in zh
    assert (
        "| Pan Zhiqiang | failed both the “knowledge check” and the “skills check” on 22 "
        "September; found far fewer"
    ) in en
    assert "check” check" not in en
