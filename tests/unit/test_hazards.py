"""The hazard log (hazards.yaml): one hazard, however it is worded, is one row, with its
recurrence, on a small hand-made tree whose answers are worked out by hand below.

The log: H-01 邻线来车避让不及时 (phrases 未及时下道避让, 邻线接车), H-02 撤除防护号志前未确认
人员撤出 (撤除防护号志), H-03 脱轨器插撤不灵活 (equipment), H-04 防护号志损坏 (equipment).

The near misses, and what each is by hand:
  a 2026-06-10 一班 撤除防护号志前未确认全部作业人员已撤出 → H-02; measure done 06-20
  b 2026-08-15 二班 撤除防护号志前未确认全部人员撤出         → H-02
  c 2026-09-20 一班 撤除防护号志前未确认人员                 → H-02
  d 2026-10-05 一班 撤除防护号志前未确认全部作业人员已撤出   → H-02
  e 2026-10-12 二班 邻线来车时作业人员未及时下道避让 (人员)  → H-01 by its phrase
  f 2026-10-20 二班 信号楼未及时通知，作业人员险些来不及避让 → H-01 named (no phrase matches)
  g 2026-10-22 一班 邻线接车时撤除防护号志前未确认, named H-02 → H-02 (both phrases match:
    the field wins)
  h 2026-10-25 二班 撤除防护号志时发现防护号志损坏 → H-02 and H-04 match: unmatched, itself
and two equipment hazards of October, 脱轨器插撤不灵活 at 到达场南端 and at 到达场5道 → H-03.

So for October 2026 (as of 10-31): H-02 happened 2 times in the month (d, g), 4 in the three
months August to October (b, c, d, g), 5 since its first report on 2026-06-10, and the
measure taken after a has not held; H-01 2 times in the month, 2 in three months, 2 since
10-12; h once, never before (not a repeat); H-03 is one weak link of 2 reports, its two
places listed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from barrier_cli.core.models import HazardLog
from barrier_cli.core.periods import Month
from barrier_cli.io.canonical import dumps
from barrier_cli.io.loader import Tree
from barrier_cli.present import notice as n
from barrier_cli.reports.analysis.hazards import recurrence
from barrier_cli.reports.analysis.monthly import analyze
from cli_helpers import barrier
from minitree import build, report, write

OCT = Month(2026, 10)
TODAY = dt.date(2026, 11, 24)
LOG: dict[str, Any] = {
    "hazards": [
        {
            "id": "H-01",
            "name": "邻线来车避让不及时",
            "name_en": "Late clearing of the track for adjacent-line trains",
            "element": "management",
            "phrases": ["未及时下道避让", "邻线接车"],
        },
        {
            "id": "H-02",
            "name": "撤除防护号志前未确认人员撤出",
            "name_en": "Protection signals removed before all staff were clear",
            "element": "management",
            "phrases": ["撤除防护号志"],
        },
        {
            "id": "H-03",
            "name": "脱轨器插撤不灵活",
            "name_en": "Stiff derailers",
            "element": "equipment",
            "phrases": ["脱轨器插撤不灵活"],
        },
        {
            "id": "H-04",
            "name": "防护号志损坏",
            "element": "equipment",
            "phrases": ["防护号志损坏"],
        },
    ]
}
MEASURE = "撤除号志纳入党员确认项点"


def _near(day: dt.date, reporter: str, summary: str, **fields: Any) -> Any:
    data: dict[str, Any] = {
        "date": day,
        "reporter": reporter,
        "element": "management",
        "category": "near_miss",
        "train": None,
        "summary": summary,
    }
    return report(**(data | fields))


def _records() -> dict[str, Any]:
    return {
        "a": _near(
            dt.date(2026, 6, 10),
            "zhu",
            "撤除防护号志前未确认全部作业人员已撤出",
            actions=[
                {
                    "action": MEASURE,
                    "type": "preventive",
                    "owner": "wang",
                    "due": dt.date(2026, 6, 30),
                    "done": dt.date(2026, 6, 20),
                }
            ],
        ),
        "b": _near(dt.date(2026, 8, 15), "jiang", "撤除防护号志前未确认全部人员撤出"),
        "c": _near(dt.date(2026, 9, 20), "zhu", "撤除防护号志前未确认人员"),
        "d": _near(dt.date(2026, 10, 5), "zhu", "撤除防护号志前未确认全部作业人员已撤出"),
        "e": _near(
            dt.date(2026, 10, 12), "jiang", "邻线来车时作业人员未及时下道避让", element="personnel"
        ),
        "f": _near(
            dt.date(2026, 10, 20),
            "jiang",
            "信号楼未及时通知，作业人员险些来不及避让",
            hazard="H-01",
        ),
        "g": _near(dt.date(2026, 10, 22), "zhu", "邻线接车时撤除防护号志前未确认", hazard="H-02"),
        "h": _near(dt.date(2026, 10, 25), "jiang", "撤除防护号志时发现防护号志损坏"),
        "south": report(
            date=dt.date(2026, 10, 3),
            category="hazard",
            train=None,
            location="到达场南端",
            summary="到达场南端脱轨器插撤不灵活",
        ),
        "five": report(
            date=dt.date(2026, 10, 9),
            category="hazard",
            train=None,
            location="到达场5道",
            summary="到达场5道脱轨器插撤不灵活",
        ),
    }


def _tree(*records: Any) -> Tree:
    return dataclasses.replace(build(*records), hazards=HazardLog.model_validate(LOG))


@pytest.fixture(scope="module")
def made() -> dict[str, Any]:
    return _records()


def test_an_explicit_hazard_wins_and_an_ambiguous_summary_stays_unmatched(
    made: dict[str, Any],
) -> None:
    log = HazardLog.model_validate(LOG)
    of = {k: log.of(r.hazard, r.summary) for k, r in made.items()}
    assert of == {
        "a": "H-02",
        "b": "H-02",
        "c": "H-02",
        "d": "H-02",
        "e": "H-01",
        "f": "H-01",
        "g": "H-02",
        "h": None,
        "south": "H-03",
        "five": "H-03",
    }


def test_two_wordings_of_one_hazard_are_one_row_with_the_summed_count(
    made: dict[str, Any],
) -> None:
    a = analyze(_tree(*made.values()), OCT, today=TODAY, lang="zh")
    near = {w.problem: w for w in a.weak_links if w.category == "near_miss"}
    adjacent = near["邻线来车避让不及时"]
    # e was reported as a personnel problem, f as management: the log's element wins
    assert (adjacent.count, adjacent.element, adjacent.hazard) == (2, "management", "H-01")
    assert sorted(adjacent.evidence) == sorted([made["e"].id, made["f"].id])
    removed = near["撤除防护号志前未确认人员撤出"]
    assert (removed.count, removed.recent) == (2, 4)
    assert removed.evidence == sorted([made["d"].id, made["g"].id])
    # the ambiguous one is its own row, under its own words
    assert near["撤除防护号志时发现防护号志损坏"].count == 1
    assert near["撤除防护号志时发现防护号志损坏"].hazard == ""


def test_an_equipment_hazard_is_one_row_whatever_the_siding(made: dict[str, Any]) -> None:
    a = analyze(_tree(*made.values()), OCT, today=TODAY, lang="zh")
    (derailers,) = [w for w in a.weak_links if w.hazard == "H-03"]
    assert (derailers.count, derailers.location, derailers.key) == (2, "", "")
    assert derailers.places == ["到达场5道", "到达场南端"]


def test_recurrence_is_counted_in_the_month_the_three_months_and_since_the_first(
    made: dict[str, Any],
) -> None:
    a = analyze(_tree(*made.values()), OCT, today=TODAY, lang="zh")
    rows = {r.text: r for r in a.near_miss_repeats}
    assert set(rows) == {"邻线来车避让不及时", "撤除防护号志前未确认人员撤出"}
    removed = rows["撤除防护号志前未确认人员撤出"]
    assert (len(removed.reports), removed.recent, removed.since) == (2, 4, 5)
    assert removed.first == dt.date(2026, 6, 10)
    assert removed.units == ["一班党支部", "二班党支部"]
    assert removed.not_held == [MEASURE]
    (taken,) = removed.measures
    assert (taken.state, taken.done, taken.held) == ("done", dt.date(2026, 6, 20), False)
    adjacent = rows["邻线来车避让不及时"]
    assert (len(adjacent.reports), adjacent.recent, adjacent.since) == (2, 2, 2)
    assert adjacent.first == dt.date(2026, 10, 12)
    assert adjacent.not_held == []


def test_the_documents_say_the_recurrence(made: dict[str, Any]) -> None:
    from barrier_cli.present.render.document import render_analysis

    tree = _tree(*made.values())
    md = render_analysis(analyze(tree, OCT, today=TODAY, lang="zh"), fmt="md", lang="zh")
    assert (
        "本月收集事故苗子信息5条，其中反复发生的问题：一是“撤除防护号志前未确认人员撤出”2起"
        "（10月5日一班一组、10月22日一班一组），近三个月共4起，2026年6月以来共5起，"
        f"说明“{MEASURE}”措施未落到实处。二是“邻线来车避让不及时”2起"
    ) in md
    assert "| 脱轨器插撤不灵活（到达场5道、到达场南端） | 2 |" in md
    prose = n.build_notice(tree, OCT, today=TODAY, lang="zh").prose
    assert prose is not None
    text = "".join(prose.near_misses)
    # five near misses on three problems, counted off in the order they first happened
    assert text.startswith(
        "本月收集事故苗子信息5条，集中在三个问题：一是“撤除防护号志前未确认人员撤出”2起（"
    )
    assert "；二是“邻线来车避让不及时”2起（" in text
    assert "；三是“撤除防护号志时发现防护号志损坏”1起（" in text
    assert f"近三个月共4起，6月以来共5起，说明“{MEASURE}”措施未落到实处" in text
    assert "“邻线来车避让不及时”2起（" in text
    assert "以上问题反复发生" in text


def test_english_documents_name_the_hazard_in_english(made: dict[str, Any]) -> None:
    broken = report(
        date=dt.date(2026, 10, 14),
        category="hazard",
        train=None,
        summary="号志灯罩破裂",
        hazard="H-04",
    )
    a = analyze(_tree(*made.values(), broken), OCT, today=TODAY, lang="en")
    names = {w.hazard: w.problem for w in a.weak_links if w.hazard}
    assert names["H-02"] == "Protection signals removed before all staff were clear"
    assert names["H-03"] == "Stiff derailers"
    # a hazard without an English name keeps its Chinese one: none is made up
    assert names["H-04"] == "防护号志损坏"
    assert {r.text for r in a.near_miss_repeats} == {
        "Late clearing of the track for adjacent-line trains",
        "Protection signals removed before all staff were clear",
    }


def test_reports_after_the_moment_change_nothing(made: dict[str, Any]) -> None:
    before = analyze(_tree(*made.values()), OCT, today=TODAY, lang="zh")
    later = _near(dt.date(2026, 11, 2), "zhu", "撤除防护号志前未确认全部作业人员已撤出")
    after = analyze(_tree(*made.values(), later), OCT, today=TODAY, lang="zh")
    assert after.near_miss_repeats == before.near_miss_repeats
    assert after.weak_links == before.weak_links
    assert after.proposed == before.proposed


def test_recurrence_counts_only_up_to_the_month() -> None:
    days = [dt.date(2026, 6, 1), dt.date(2026, 8, 1), dt.date(2026, 10, 31)]
    got = recurrence([*days, dt.date(2026, 11, 1)], Month(2026, 10))
    assert (got.month, got.recent, got.since, got.first) == (1, 2, 3, dt.date(2026, 6, 1))


def test_an_unknown_hazard_is_a_check_finding_with_file_and_line(tmp_path: Path) -> None:
    bad = _near(dt.date(2026, 10, 5), "zhu", "撤除防护号志前未确认", hazard="H-99")
    root = write(tmp_path / "records", bad)
    (root / "hazards.yaml").write_text(dumps(LOG), encoding="utf-8")
    rel = f"reports/2026/10/{bad.id}.yaml"
    line = (root / rel).read_text(encoding="utf-8").splitlines().index("hazard: H-99") + 1
    ran = barrier(root, "check")
    assert ran.returncode == 1
    said = ran.stdout + ran.stderr
    assert f"{rel}:{line}" in said
    assert "H-99" in said


def test_a_hazard_listed_twice_is_a_check_finding(tmp_path: Path) -> None:
    root = write(tmp_path / "records")
    twice = {"hazards": [*LOG["hazards"], LOG["hazards"][0]]}
    (root / "hazards.yaml").write_text(dumps(twice), encoding="utf-8")
    ran = barrier(root, "check")
    assert ran.returncode == 1
    assert "hazards.yaml" in ran.stdout + ran.stderr
    assert "H-01" in ran.stdout + ran.stderr
