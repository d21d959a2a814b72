"""What a 车间党总支书记's reading of the notice asked for: every fact as of the month's end
(an action done since is the branch's to report); a case named as a 公文 names it, with its
rule-breaker's repeat; the general branch's own lapse in its 自查; a late draft (补发) saying
so; a praised member's branch ranked last without contradiction; the 印发 line; plain
English."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from barrier_cli.core.models import NoticeEntry
from barrier_cli.core.periods import Month
from barrier_cli.present import notice as n
from barrier_cli.present.notice_prose import notice_prose
from minitree import build, incident, pairing, report

OCT = Month(2026, 10)
D = dt.date


def _text(*records: Any, today: dt.date, lang: n.Lang = "zh", **settings: Any) -> str:
    tree = build(*records, settings={"notice": settings} if settings else None)
    notice = n.build_notice(tree, OCT, today=today, lang=lang)
    return n.render_notice(notice, fmt="md", lang=lang, records=None)


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def _overdue(done: dt.date | None) -> Any:
    """A report of 10-05 at 一班一组 whose action, due 10-20, is done on ``done``."""
    action: dict[str, Any] = {"action": "组织车统-15填写标准学习并抽查", "owner": "zhu"}
    action["due"] = D(2026, 10, 20)
    if done is not None:
        action["done"] = done
    return report(date=D(2026, 10, 5), status="rectifying", actions=[action])


def test_an_action_done_after_the_month_is_not_a_fact_of_the_notice() -> None:
    late = _overdue(D(2026, 11, 3))
    text = _text(late, today=D(2026, 11, 5))
    # one cut-off: the month's end, as the analysis counts; the notice says so
    assert "本通报所列情况均截至10月31日，此后完成的整改由各党支部在整改报告中说明。" in text
    assert "一班党支部：整改项目逾期1项。" in text
    assert (
        "| 整改项目“组织车统-15填写标准学习并抽查”（10月5日一班党支部“G606230356车5位车轮踏面"
        "擦伤超限”），责任人朱春祥，10月20日到期，截至10月31日已逾期11天。 |"
    ) in text
    assert "已于11月3日" not in text and "逾期完成" not in text
    corrections = _between(text, "五、整改要求", "特此通报")
    assert "完成逾期整改项目1项并验证销号" in corrections
    # the same notice whether it was done after the month's end or not at all
    assert text == _text(_overdue(None), today=D(2026, 11, 5))


def _sun_hao_case(**fields: Any) -> Any:
    data: dict[str, Any] = {
        "date": D(2026, 9, 18),
        "title": "列车未停稳跨越车钩",
        "unit": "B2-G1",
        "type": "violation",
        "violation": {"kind": "rule", "severity": "serious", "person": "jiang"},
        "analysis": {"levels": {"branch": "支部互控不到位", "member": "本人作了检查"}},
        "status": "analysing",
    }
    return incident(**(data | fields))


def _again() -> Any:
    return report(
        date=D(2026, 10, 11),
        reporter="zhao",
        element="personnel",
        category="violation",
        persons=["jiang"],
        summary="插撤脱轨器未执行呼唤应答",
        summary_en="derailer placed or removed without call-and-response",
    )


def test_a_case_is_named_as_a_gongwen_names_it_and_its_repeat_is_said() -> None:
    case = _sun_hao_case()
    text = _text(case, _again(), today=D(2026, 11, 5))
    problems = _between(text, "（一）事故和“两违”情况", "（二）")
    assert (
        "9月18日，二班一组检车员姜海峰列车未停稳跨越车钩，构成严重违章，至今未整改销号。"
        in problems
    )
    assert "10月11日，姜海峰又发生插撤脱轨器未执行呼唤应答的违章，属重复违章。" in problems
    assert "（列车未停稳跨越车钩）" not in text and "当事人姜海峰" not in problems
    assert "对9月18日二班一组检车员姜海峰列车未停稳跨越车钩严重违章，" in text
    assert "| 9月18日二班一组检车员姜海峰列车未停稳跨越车钩严重违章 |" in text
    english = _text(case, _again(), today=D(2026, 11, 5), lang="en")
    assert (
        "On 11 October Jiang Haifeng broke the rules again, a repeat violation reported as "
        "“derailer placed or removed without call-and-response”." in english
    )


def test_the_general_branch_level_is_the_issuers_own_and_said_in_its_self_review() -> None:
    text = _text(_sun_hao_case(), today=D(2026, 11, 5))
    problems = _between(text, "（一）事故和“两违”情况", "（二）")
    assert (
        "车间党总支将于11月15日前召开总支委员会补充总支层面剖析（见本通报三（六））。" in problems
    )
    assert "缺少总支层面剖析" not in text and text.count("补充总支层面剖析") == 1
    own = _between(text, "（六）车间党总支自查", "四、考核结果")
    assert (
        "车间党总支未对9月18日二班一组检车员姜海峰列车未停稳跨越车钩严重违章进行总支层面剖析，"
        "将于11月15日前召开总支委员会补充剖析。"
    ) in own
    # the branch is told what is its own to do, and no more
    corrections = _between(text, "五、整改要求", "特此通报")
    assert "召开支委会分析" in corrections and "总支" not in corrections.split("：", 1)[1]
    # self_review off: the issuer's own lapse stays out of the notice, and is nobody else's
    quiet = _text(_sun_hao_case(), today=D(2026, 11, 5), self_review=False)
    assert "总支层面" not in quiet and "自查" not in quiet


def _issued(month: str, seq: int, day: dt.date) -> NoticeEntry:
    return NoticeEntry.model_validate(
        {
            "id": f"N-{day.year}-{seq:03d}",
            "number": f"车间党总支〔{day.year}〕{seq}号",
            "year": day.year,
            "seq": seq,
            "date": day,
            "month": month,
            "title": "关于安全信息工作情况的通报",
        }
    )


def test_a_draft_of_a_month_before_an_issued_one_says_it_comes_late() -> None:
    november = _issued("2026-11", 1, D(2026, 12, 5))
    late = n.build_notice(build(november), OCT, today=D(2026, 12, 10), lang="zh")
    text = n.render_notice(late, fmt="md", lang="zh", records=None)
    assert "车间党总支〔2026〕2号（补发草稿，文号在已印发的车间党总支〔2026〕1号之后）" in text
    english = n.render_notice(
        n.build_notice(build(november), OCT, today=D(2026, 12, 10), lang="en"),
        fmt="md",
        lang="en",
        records=None,
    )
    assert (
        "(draft of a late notice: 车间党总支〔2026〕1号, for a later month, is already" in english
    )
    # the month already issued: its draft names the issued notice and takes no number
    october = _issued("2026-10", 1, D(2026, 11, 5))
    again = n.build_notice(build(october), OCT, today=D(2026, 11, 24), lang="zh")
    said = n.render_notice(again, fmt="md", lang="zh", records=None)
    assert "车间党总支〔2026〕1号（存档副本）" in said and "2号" not in said
    # nothing issued later: a plain draft
    plain = n.render_notice(
        n.build_notice(build(), OCT, today=D(2026, 11, 24), lang="zh"),
        fmt="md",
        lang="zh",
        records=None,
    )
    assert "车间党总支〔2026〕1号（草稿）" in plain and "补发" not in plain


def test_a_branch_ranked_last_with_a_commended_member_says_both() -> None:
    tree = build(report(commend=True))
    notice = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang="zh")
    assert [p.branch for p in notice.praises] == ["一班党支部"]
    final = dataclasses.replace(
        notice,
        scores=[
            n.BranchScore("二班党支部", 90, 1, False, 0, 13),
            n.BranchScore("一班党支部", 80, 2, True, 0, 13),
        ],
    )
    said = "".join(notice_prose(tree, final, [], None, "zh").scores)
    assert (
        "一班党支部虽有朱春祥同志个人发现问题受到表扬，但支部考核得分最低，列排尾，"
        "要认真查找原因，制定改进措施。"
    ) in said
    other = dataclasses.replace(final, praises=[])
    assert "一班党支部排名末位，要认真查找原因，制定改进措施。" in "".join(
        notice_prose(tree, other, [], None, "zh").scores
    )


def test_the_printing_line_names_the_printer_else_the_issuer() -> None:
    text = _text(report(), today=D(2026, 11, 5), printer="列检车间党总支办公室")
    assert text.endswith("\n列检车间党总支办公室\u3000\u30002026年11月5日印发\n")
    default = _text(report(), today=D(2026, 11, 5), authority="中共某车辆段列检车间总支部委员会")
    assert default.endswith("\n车间党总支\u3000\u30002026年11月5日印发\n")


def test_english_explains_the_three_nots_once_and_reads_as_sentences() -> None:
    text = _text(_sun_hao_case(), _again(), today=D(2026, 11, 5), lang="en")
    long = (
        "the “three nots” (the problem established, its causes found and specific measures taken)"
    )
    assert text.count(long) == 1 and text.index(long) < text.index("under the three nots")
    assert "three-nots rule" not in text
    assert "To: 各党支部, 各党小组\n" in text  # the fourth review: "To: all party branches"
    assert "This notice reports how the " in text and "Still not closed:" not in text
    assert (
        "The serious rule violation of 18 September by Jiang Haifeng of 二班一组 was still not "
        "closed on 31 October." in text
    )


def test_near_misses_not_analysed_as_cases_are_ordered_analysed_by_their_branch() -> None:
    near = report(
        date=D(2026, 10, 12), category="near_miss", summary="撤除防护号志前未确认人员撤出"
    )
    text = _text(near, today=D(2026, 11, 5))
    assert "以上事故苗子均未作为典型案例立案剖析。" in text
    corrections = _between(text, "五、整改要求", "特此通报")
    assert "一班党支部" in corrections
    assert (
        "对本月发生的“撤除防护号志前未确认人员撤出”事故苗子，召开支委会作为典型案例"
        "剖析重复发生的原因，11月15日前报送剖析材料" in corrections
    )
    # registered as a case, it is analysed there: nothing more to order
    case = incident(date=D(2026, 10, 12), unit="B1-G1", type="precursor", title="撤除防护号志")
    assert "作为典型案例剖析" not in _text(near, case, today=D(2026, 11, 5))


def test_an_owner_gone_before_the_month_end_is_said_to_have_left() -> None:
    action = {"action": "与站调建立股道变更即时通报制度", "owner": "zhao", "due": D(2026, 10, 15)}
    late = report(date=D(2026, 10, 7), reporter="jiang", status="rectifying", actions=[action])
    tree = build(late)
    for person in tree.org.people:
        if person.id == "zhao":
            person.until = D(2026, 10, 27)
    notice = n.build_notice(tree, OCT, today=D(2026, 11, 5), lang="zh")
    text = n.render_notice(notice, fmt="md", lang="zh", records=None)
    assert "责任人赵强（10月27日已离岗），10月15日到期" in text


def test_a_pairing_escalated_after_the_month_is_not_said_escalated_in_it() -> None:
    escalated = pairing(
        start=D(2026, 7, 28), status="escalated", assistant="wang", escalated_on=D(2026, 11, 2)
    )
    october = n.build_notice(build(escalated), OCT, today=D(2026, 11, 5), lang="zh")
    text = n.render_notice(october, fmt="md", lang="zh", records=None)
    pairings = _between(text, "（四）包保转化情况", "（五）")
    assert "姜海峰（7月28日结对）" in pairings
    assert "协助包保" not in pairings
    november = n.build_notice(build(escalated), Month(2026, 11), today=D(2026, 12, 5), lang="zh")
    later = n.render_notice(november, fmt="md", lang="zh", records=None)
    assert "因姜海峰未在10月28日前实现基本转化，11月2日起由支委委员王建国协助包保" in later


def test_a_committee_member_added_before_any_turnaround_was_due_is_not_said() -> None:
    early = pairing(
        start=D(2026, 8, 28), status="escalated", assistant="wang", escalated_on=D(2026, 9, 8)
    )
    october = n.build_notice(build(early), OCT, today=D(2026, 11, 5), lang="zh")
    text = n.render_notice(october, fmt="md", lang="zh", records=None)
    pairings = _between(text, "（四）包保转化情况", "（五）")
    assert "姜海峰（8月28日结对）" in pairings and "协助包保" not in pairings


def test_a_commended_member_last_of_the_quarters_ranking_is_praised_without_his_place() -> None:
    slip = incident(
        date=D(2026, 8, 3),
        unit="B2-G1",
        type="violation",
        title="邻线来车未下道避让",
        violation={"kind": "rule", "severity": "general", "person": "jiang"},
    )
    catch = report(date=D(2026, 9, 7), reporter="jiang", commend=True)
    september = Month(2026, 9)
    notice = n.build_notice(build(slip, catch), september, today=D(2026, 10, 5), lang="zh")
    assert [p.who for p in notice.praises] == ["姜海峰"]
    text = n.render_notice(notice, fmt="md", lang="zh", records=None)
    # a circulated praise does not publish a man's last place: the analysis explains it
    praise = _between(text, "二、表扬", "三、存在的问题")
    assert "姜海峰同志9月7日" in praise and "末位" not in praise and "排尾" not in praise
