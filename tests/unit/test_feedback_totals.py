"""Feedback to the reporter and cumulative totals: known answers on the October tree of
``analysis_tree`` (its reports are listed there), written down before the code ran."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from analysis_tree import october
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.analysis.feedback import feedback_summary, reporter_outcomes
from barrier_cli.reports.analysis.totals import cumulative
from cli_helpers import barrier

END = dt.date(2026, 10, 31)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> tuple[Tree, dict[str, str]]:
    root, ids = october(tmp_path_factory.mktemp("october") / "records")
    return load_tree(root), ids


def test_days_to_feedback_and_the_reports_nobody_answered(
    scenario: tuple[Tree, dict[str, str]],
) -> None:
    tree, ids = scenario
    s = feedback_summary(tree, Month(2026, 10), as_of=END)
    # r1 analysed after 1 day, r2 after 7 (the deadline itself), r3 the same day; r4 (20th)
    # and r5 (21st) have no analysis and their 7 days ran out before the 31st.
    assert (s.answered, s.median_days, s.within, s.late) == (3, 1.0, 3, [])
    assert [(o.id, o.reporter_name) for o in s.unanswered] == [
        (ids["r4"], "王党员"),
        (ids["r5"], "赵工人"),
    ]
    # As of the 25th r5 still had time; r4 (deadline the 27th) too.
    assert feedback_summary(tree, Month(2026, 10), as_of=dt.date(2026, 10, 25)).unanswered == []


def test_a_member_sees_what_became_of_each_report(scenario: tuple[Tree, dict[str, str]]) -> None:
    tree, ids = scenario
    mine = reporter_outcomes(tree, "mem1", as_of=END)
    # r3, r1 in October, s1, a1, y2, y1 earlier; the withdrawn r6 is not shown.
    assert [o.id for o in mine][:2] == [ids["r3"], ids["r1"]] and len(mine) == 6
    r3 = mine[0]
    assert (r3.answered, r3.by, r3.days, r3.overdue) == (dt.date(2026, 10, 6), "lead1", 0, False)
    assert r3.answer.startswith("作业不规范; 工具箱倒角 (mem1, due 2026-10-15)")
    s1 = next(o for o in mine if o.date == dt.date(2026, 9, 10))
    assert (s1.answered, s1.overdue) == (None, True)


def test_cumulative_totals_count_information_only(scenario: tuple[Tree, dict[str, str]]) -> None:
    tree, _ = scenario
    c = cumulative(tree, as_of=END)
    # y1 y2 a1 s1 s2 r1-r5: ten (r6 withdrawn); management a1 r3, personnel s2 r2.
    assert (c.since, c.reports, c.closed) == (dt.date(2025, 10, 3), 10, 1)
    assert c.by_element == {"equipment": 6, "personnel": 2, "management": 2}
    assert c.by_source["joint_labour"] == 1 and sum(c.by_source.values()) == 10
    assert cumulative(tree, as_of=dt.date(2025, 12, 31)).reports == 2


def test_barrier_stats_and_feedback_commands(scenario: tuple[Tree, dict[str, str]]) -> None:
    tree, ids = scenario
    root: Path = tree.root
    done = barrier(root, "stats", "--as-of", "2026-10-31", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["reports"], data["nil_returns"]) == (10, 0)
    text = barrier(root, "stats", "--as-of", "2026-10-31").stdout
    assert "共收集各类安全信息 10 件" in text
    shown = barrier(root, "feedback", "--person", "王党员").stdout
    assert ids["r4"] in shown and "尚未反馈" in shown
    assert ids["r4"] in barrier(root, "feedback", "--person", "wangdangyuan").stdout  # pinyin
    assert barrier(root, "feedback", "--person", "nobody").returncode == 1


def test_stats_totals_the_years_rewards_and_penalties_up_to_its_day() -> None:
    from conftest import REPO

    records = REPO / "records"
    # The source: 姜海峰 found the broken brake-beam end shaft on train 916018 on 2025-06-27
    # and was rewarded 3000 yuan; the example register holds it.
    before = json.loads(
        barrier(records, "stats", "--as-of", "2025-06-26", "--format", "json").stdout
    )
    assert "reward" not in before["rewards"]["by_kind"]
    after = barrier(records, "stats", "--as-of", "2025-12-31", "--format", "json")
    assert after.returncode == 0, after.stderr
    rewards = json.loads(after.stdout)["rewards"]
    assert rewards["year"] == 2025
    assert rewards["by_kind"]["reward"] == {"count": 1, "amount": 3000.0}
    text = barrier(records, "stats", "--as-of", "2025-12-31").stdout
    assert "2025年奖惩（截至2025-12-31）" in text and "奖励 1 次，3000 元" in text
