"""What the ninth reading of the notice asked for: the repeat violation as a whole sentence, a
priority's measures each with their own deadline or cadence (a per-shift duty is not "done" on
a day), 钻车作业钻跨到位 among the briefing's questions, November's adopted priority re-titled,
the issuing body's own 印发机关 and 机关代字 (issued notices frozen under the old ones), and a
count inside a phrase in Chinese numerals."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from analysis_tree import october
from barrier_cli.cli.main import app
from barrier_cli.core.models import Priorities
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.notice import Format, publish_notice
from cli_helpers import FIXED_DAY

EXAMPLE = Path(__file__).resolve().parents[2] / "records"


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def _run(root: Path, *args: str, env: Mapping[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        app, ["--records", str(root), *args], env={**FIXED_DAY, **(env or {})}
    )


# -- NOTICE en 1: the repeat violation is a sentence, not a colon and a noun phrase ------------


def test_the_repeat_violation_is_a_whole_sentence(notices: dict[str, str]) -> None:
    case = _between(notices["en-10"], "2. On 18 September", "\n")
    assert (
        "On 21 September Sun Hao was penalised by the workshop under its rules on violations. "
        "On 11 October Sun Hao broke the rules again, a repeat violation reported as “derailer "
        "placed or removed without call-and-response”. The case does not yet meet" in case
    )
    assert "committed a repeat violation:" not in case
    # the Chinese was right and stays
    zh = _between(notices["zh-10"], "2. 9月18日", "\n")
    assert "10月11日，孙浩又发生插撤脱轨器未执行呼唤应答的违章，属重复违章。" in zh


# -- NOTICE zh 1, en 2, ANALYSIS zh 1: each measure its own deadline or cadence; the title ----

ZH_SECOND = (
    "2. 集中整治截断塞门手把关闭、闸瓦磨耗超限问题：始发作业后截断塞门位置逐车确认，"
    "关门车登记并与前方列检所每班核对；到达检查闸瓦厚度逐位检查；对C70E、C64K制动梁安全链、"
    "钩舌销开口销开展专项检查；质量互控每班抽查不少于2列（责任单位：车间党总支；责任人：刘振华；"
    "专项检查11月15日前完成，其余措施每班执行，11月30日检查）。\n"
)
EN_SECOND = (
    "2. Clamp down on cut-out cocks left closed and brake shoes worn beyond the limit: after the "
    "departure inspection, check the cut-out cock on every wagon, and check the list of wagons "
    "with closed cocks with the next inspection point every shift; at the arrival inspection, "
    "check the thickness of every brake shoe; a special check of brake-beam safety chains and "
    "knuckle-pin split pins on C70E and C64K wagons; quality cross-checks of at least 2 trains a "
    "shift (the General Branch; Liu Zhenhua; the special check by 15 November, the other "
    "measures every shift, checked on 30 November).\n"
)


def test_a_per_shift_duty_is_checked_and_a_one_off_check_has_its_deadline(
    notices: dict[str, str],
) -> None:
    zh = _between(notices["zh-10"], "### 五、整改要求", "请下列党支部")
    assert ZH_SECOND in zh
    assert "加强关键列车“车辆故障”问题卡控" not in zh
    # a priority whose measures carry no terms keeps its one 完成时限
    assert "（责任单位：四班党支部；责任人：任辉；完成时限：11月30日）。" in zh
    en = _between(notices["en-10"], "### 5. Required corrections", "The branches named below")
    assert EN_SECOND in en
    assert "(the Shift 4 branch; Ren Hui; by 30 November)." in en


def test_the_record_says_each_measures_term() -> None:
    tree = load_tree(EXAMPLE)
    second = next(p for p in tree.priorities if p.id == "S-2026-11").items[1]
    assert second.content == "集中整治截断塞门手把关闭、闸瓦磨耗超限问题"
    assert second.due == dt.date(2026, 11, 30)
    assert second.terms is not None
    assert [(t.every, t.due, t.name) for t in second.terms] == [
        ("shift", None, None),
        ("shift", None, None),
        (None, dt.date(2026, 11, 15), "专项检查"),
        ("shift", None, None),
    ]


def test_due_lists_the_one_off_check_on_its_own_day_and_the_priority_on_its_check_day() -> None:
    out = _run(EXAMPLE, "due", "--days", "30").stdout
    assert (
        "逾期9天         2026-11-15  S-2026-11/2  保安全重点: "
        "对C70E、C64K制动梁安全链、钩舌销开口销开展专项检查\n" in out
    )
    assert (
        "还有6天         2026-11-30  S-2026-11/2  保安全重点: "
        "集中整治截断塞门手把关闭、闸瓦磨耗超限问题\n" in out
    )


def test_the_next_months_analysis_judges_the_priority_by_its_overdue_check() -> None:
    md = _run(EXAMPLE, "analyze", "--month", "2026-11", "--format", "md").stdout
    section = md.split("## 四、上月保安全重点落实情况")[1].split("## 五")[0]
    assert (
        "| 集中整治截断塞门手把关闭、闸瓦磨耗超限问题 | 车间党总支 | 刘振华 | 11月15日 | "
        "逾期未完成 | — |" in section
    )


def _record(*terms: dict[str, object], due: str = "2026-12-31") -> Priorities:
    return Priorities.model_validate(
        {
            "id": "S-2026-12",
            "month": "2026-12",
            "adopted": "2026-11-30",
            "by": "wang",
            "items": [
                {
                    "content": "集中整治截断塞门手把关闭问题",
                    "measures": ["截断塞门逐车确认", "开展专项检查"],
                    "terms": list(terms),
                    "unit": "B1",
                    "owner": "wang",
                    "due": due,
                }
            ],
        }
    )


def test_the_terms_are_checked_one_for_each_measure_and_within_the_priority() -> None:
    today = dt.date(2026, 11, 30)
    good = _record({"every": "shift"}, {"due": "2026-12-15", "name": "专项检查"})
    assert good.problems(today=today) == []
    short = _record({"every": "shift"})
    assert [(p.loc, p.code) for p in short.problems(today=today)] == [
        (("items", 0, "terms"), "value")
    ]
    both = _record({"every": "shift", "due": "2026-12-15"}, {"due": "2026-12-15"})
    assert [p.loc for p in both.problems(today=today)] == [("items", 0, "terms", 0)]
    neither = _record({}, {"due": "2026-12-15"})
    assert [p.loc for p in neither.problems(today=today)] == [("items", 0, "terms", 0)]
    # the priority's own day is the last of its terms: `due` and the follow-up read it
    later = _record({"every": "shift", "check": "2027-01-05"}, {"due": "2026-12-15"})
    assert [p.loc for p in later.problems(today=today)] == [("items", 0, "terms", 0, "check")]
    done_early = _record({"every": "shift"}, {"due": "2026-12-15", "done": "2026-12-01"})
    assert [p.code for p in done_early.problems(today=today)] == ["future-date"]


def test_the_follow_up_day_is_an_overdue_one_off_check_else_the_priority_s_own() -> None:
    item = _record({"every": "shift"}, {"due": "2026-12-15"}).items[0]
    assert item.deadline(dt.date(2026, 12, 10)) == dt.date(2026, 12, 31)
    assert item.deadline(dt.date(2026, 12, 20)) == dt.date(2026, 12, 15)
    done = _record({"every": "shift"}, {"due": "2026-12-15", "done": "2026-12-14"}).items[0]
    assert done.deadline(dt.date(2026, 12, 20)) == dt.date(2026, 12, 31)


# -- NOTICE zh 2, en 3: 钻车作业钻跨到位 among the questions at the briefing --------------------


def test_the_briefing_questions_cover_going_under_and_over_cars(notices: dict[str, str]) -> None:
    zh = _between(notices["zh-10"], "3. 在班前会上逐人提问", "\n")
    assert (
        "各党支部每日班前对横越线路“一站、二看、三通过”、着装、呼唤应答、钻车作业钻跨到位逐人提问；"
        in zh
    )
    en = _between(notices["en-10"], "3. Stop rule violations at the shift briefings", "\n")
    assert (
        "every branch questions each worker daily at the pre-shift briefing on “stop, look both "
        "ways, then cross”, dress, call-and-response and going under and over cars the safe way;"
        in en
    )


# -- NOTICE zh 3: the 印发机关 and the 机关代字 the depot's committee assigned ---------------------


def test_the_printer_and_the_number_are_the_workshop_s_own(notices: dict[str, str]) -> None:
    zh = notices["zh-10"]
    assert "\n列检党总支〔2026〕4号（草稿）\n" in zh
    assert zh.endswith("\n列检车间党总支　　2026年11月5日印发\n")
    assert "办公室" not in zh
    en = notices["en-10"]
    assert "\nTrain Inspection General Party Branch \\[2026\\] No. 4 (draft)\n" in en
    assert en.endswith(
        "\nPrinted by the General Party Branch of the Train Inspection Workshop, 5 November 2026\n"
    )
    # the example's register was issued under these settings (regenerated, see the report)
    register = {n.id: n.number for n in load_tree(EXAMPLE).notices}
    assert register["N-2026-003"] == "列检党总支〔2026〕3号"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_new_settings_leave_an_issued_notice_as_it_was_issued(tmp_path: Path, fmt: Format) -> None:
    root, _ = october(tmp_path / "records")
    settings = root / "barrier.yaml"
    given = json.loads(settings.read_text(encoding="utf-8"))

    def notice_settings(printer: str, number: str) -> None:
        given["notice"] = {"printer": printer, "number": number}
        settings.write_text(json.dumps(given, ensure_ascii=False), encoding="utf-8")

    notice_settings("车间党总支办公室", "车间党总支〔{year}〕{seq}号")
    shown: list[str] = []
    month, issued_on = Month(2026, 10), dt.date(2026, 11, 5)
    publish_notice(
        root=root,
        month=month,
        fmt=fmt,
        lang=None,
        today=issued_on,
        deliver=shown.append,
        issue=True,
    )
    issued = shown[-1]
    assert "车间党总支〔2026〕1号" in issued and "车间党总支办公室" in issued
    notice_settings("列检车间党总支", "列检党总支〔{year}〕{seq}号")
    publish_notice(
        root=root, month=month, fmt=fmt, lang=None, today=dt.date(2026, 12, 5), deliver=shown.append
    )
    assert shown[-1] == issued
    # a draft says what the settings now say
    publish_notice(
        root=root,
        month=month,
        fmt=fmt,
        lang=None,
        today=dt.date(2026, 12, 5),
        deliver=shown.append,
        draft=True,
    )
    assert "列检车间党总支" in shown[-1] and "车间党总支办公室" not in shown[-1]


# -- NOTICE zh 4: a count inside a phrase in Chinese numerals ----------------------------------


def test_a_count_of_kinds_is_said_in_chinese_numerals(notices: dict[str, str]) -> None:
    zh = notices["zh-10"]
    assert "“邻线来车避让不及时”“撤除防护号志前未确认人员撤出”两类反复发生的事故苗子" in zh
    assert "本月收集事故苗子信息4条，集中在两个问题：" in zh
    assert "2类" not in zh and "2个问题" not in zh
    en = notices["en-10"]
    assert "Four near misses were reported this month, on two problems." in en
    assert "the two kinds of recurring near miss" in en


@pytest.mark.parametrize(
    ("n", "zh", "en"),
    [(1, "一", "one"), (2, "两", "two"), (3, "三", "three"), (9, "九", "nine"), (12, "12", "12")],
)
def test_the_count_in_a_phrase(n: int, zh: str, en: str) -> None:
    from barrier_cli.core import i18n
    from barrier_cli.present.notice_prose import phrase_count

    with i18n.using("zh"):
        assert phrase_count(n) == zh
    with i18n.using("en"):
        assert phrase_count(n) == en


def test_an_overdue_one_off_check_is_the_reason_carried_into_next_month() -> None:
    md = _run(EXAMPLE, "analyze", "--month", "2026-11", "--format", "md").stdout
    proposed = md.split("## 六、")[1].split("\n2. ")[0]
    assert (
        "逾期原因：车间党总支未按期落实“对C70E、C64K制动梁安全链、钩舌销开口销开展专项检查”，"
        "须在分析会上说明原因。" in proposed
    )
    # the per-shift duties are checked on 30 November, not late on the 24th
    assert "未按期落实“始发作业后" not in proposed
