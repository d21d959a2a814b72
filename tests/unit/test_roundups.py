"""Roundups drafted from the level below: known counts on ``network_tree``, and saving one
final meets the group leader's or the branch's cadence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.core.errors import InvalidInput, RecordExists
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.compliance import reporting_compliance
from barrier_cli.write.roundups import draft_month, draft_week, parse_week, save_roundup
from cli_helpers import barrier
from network_tree import write

MARCH = Month(2026, 3)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write(tmp_path / "records")


def test_a_weeks_draft_holds_the_members_items_of_that_week(root: Path) -> None:
    draft = draft_week(load_tree(root), week="2026-W10", unit="G1", day=dt.date(2026, 3, 9))
    # 2-8 March: m1's twenty reports of the 2nd and one of the 7th, all equipment; nil returns
    # m1 3 (3, 5, 6), m2 5, m3 5.
    assert draft.counts.model_dump() == {
        "equipment": 21,
        "personnel": 0,
        "management": 0,
        "nil_returns": 13,
    }
    assert len(draft.open) == 21 and draft.escalate == []
    # The leader fed back nothing himself; m1 missed the 4th.
    assert [(s.who, s.missed) for s in draft.silent] == [
        ("lead", ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]),
        ("m1", ["2026-03-04"]),
    ]
    assert (draft.by, draft.status, draft.id) == ("lead", "draft", "U-2026-W10-G1")


def test_a_violation_is_raised_to_the_branch(root: Path) -> None:
    draft = draft_week(load_tree(root), week="2026-W12", unit="G1", day=dt.date(2026, 3, 23))
    assert draft.counts.personnel == 1 and draft.counts.nil_returns == 14
    assert draft.escalate == ["R-20260320-0001"] == draft.open


def test_a_months_draft_draws_on_the_groups_final_weeks_and_the_two_violations(
    root: Path,
) -> None:
    draft = draft_month(load_tree(root), month=MARCH, unit="B1", day=dt.date(2026, 4, 2))
    assert draft.weeks == ["U-2026-W09-G1", "U-2026-W10-G1", "U-2026-W11-G1", "U-2026-W13-G1"]
    assert (draft.counts.equipment, draft.counts.personnel) == (22, 1)
    assert draft.counts.nil_returns == 18 + 17 + 21
    assert draft.violations == ["R-20260320-0001"]
    silent = {(s.who, len(s.missed)) for s in draft.silent}
    assert silent == {("lead", 1), ("lead", 22), ("m1", 3), ("sec", 22)}
    assert draft.by == "sec"


def test_saving_a_week_final_meets_the_leaders_cadence(root: Path) -> None:
    tree = load_tree(root)
    assert reporting_compliance(tree, MARCH).groups[0].missed_periods == ("2026-W12",)
    draft = draft_week(tree, week="2026-W12", unit="G1", day=dt.date(2026, 3, 23))
    save_roundup(root, draft.model_copy(update={"status": "final", "judgement": "两违已上报"}))
    lead = reporting_compliance(load_tree(root), MARCH).groups[0]
    assert (lead.missed, lead.late_periods) == (False, ("2026-W13",))
    with pytest.raises(RecordExists):
        save_roundup(root, draft)


def test_saving_a_branch_month_final_meets_its_cadence(root: Path) -> None:
    done = barrier(
        root,
        "roundup",
        "--month",
        "2026-03",
        "--unit",
        "B2",
        "--by",
        "sec",
        "--judgement",
        "本月两违一起，已分析",
        "--final",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("U-2026-03-B2 已保存为定稿：")
    branches = {e.subject: e for e in reporting_compliance(load_tree(root), MARCH).branches}
    assert not branches["B2"].missed
    # Written on 24 November for March: late, and shown so.
    assert branches["B2"].late_periods == ("2026-03",)
    assert barrier(root, "check", "--strict").returncode == 0


def test_a_draft_is_written_without_judgement_and_does_not_count(root: Path) -> None:
    done = barrier(root, "roundup", "--week", "2026-W12", "--unit", "G1", "--no-input")
    assert done.returncode == 0 and "已保存为草稿" in done.stdout
    assert reporting_compliance(load_tree(root), MARCH).groups[0].missed_periods == ("2026-W12",)
    refused = barrier(root, "roundup", "--week", "2026-W12", "--unit", "G1", "--final")
    assert (refused.returncode, "须用 --judgement" in refused.stderr) == (1, True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "2026-W12", "--unit", "B1"], "B1 是党支部，不是党小组"),
        (["--month", "2026-03", "--unit", "G9"], "--unit: org.yaml 中没有单位“G9”"),
        (["--unit", "G1"], "请给出 --week"),
        (["--week", "2026-W54", "--unit", "G1"], "没有第 54 周"),
    ],
)
def test_wrong_units_and_periods_are_one_line(root: Path, args: list[str], message: str) -> None:
    done = barrier(root, "roundup", *args, "--no-input")
    assert done.returncode == 1 and message in done.stderr, done.stderr


def test_parse_week() -> None:
    assert parse_week("2026w3") == "2026-W03"
    with pytest.raises(InvalidInput):
        parse_week("2026-03")
