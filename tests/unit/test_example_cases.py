"""The example records show the source's cases, people and scores as the programme runs them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.core.periods import Month, Quarter
from barrier_cli.io.loader import Tree
from barrier_cli.io.parallel import load_tree
from barrier_cli.reports.analysis.keypersons import key_person_signals
from barrier_cli.reports.analysis.monthly import analyze
from barrier_cli.reports.analysis.rewards import year_totals
from barrier_cli.reports.assess import assess
from barrier_cli.reports.due import due_list
from cli_helpers import barrier

RECORDS = Path(__file__).resolve().parents[2] / "records"
TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_tree(RECORDS)


def test_the_three_general_a_accidents_replaced_three_leaders_and_a_duty_officer(
    tree: Tree,
) -> None:
    cases = tree.settings.cases
    accidents = [i for i in tree.incidents if i.class_ == "general_a"]
    assert len(accidents) == 3 and all(i.is_typical(cases) for i in accidents)
    closed = [i for i in accidents if i.status == "closed"]
    assert len(closed) == 2 and all(i.closure_gaps("three", cases) == [] for i in closed)
    replaced = {
        (a.person, a.role) for i in accidents for a in i.accountability if a.action == "replaced"
    }
    roles = {p.id: p.roles for p in tree.org.people}
    assert sorted(r for p, _ in replaced for r in roles[p] if r != "committee") == [
        "duty_officer",
        "team_leader",
        "team_leader",
        "team_leader",
    ]
    assert {role for _, role in replaced} == {"overseer", "doer"}


def test_a_serious_violation_is_blocked_from_closing(tree: Tree) -> None:
    case = next(i for i in tree.incidents if i.id == "I-20260918-01")
    assert case.is_typical(tree.settings.cases) and case.status == "rectifying"
    gaps = case.closure_gaps("three", tree.settings.cases)
    assert {"timeline", "chain", "measures not done"} <= set(gaps)


def test_a_key_person_confirmed_from_quality_feedback(tree: Tree) -> None:
    entry = next(k for k in tree.key_persons if k.id == "K-20261114-01")
    assert {s.kind for s in entry.signals} == {"quality", "precursor"}
    assert entry.status == "paired" and entry.pairing == "P-20261118-01"
    [zheng] = [
        c for c in key_person_signals(tree, Month(2026, 11), TODAY) if c.person == "zheng_yu"
    ]
    assert zheng.register == entry.id and {e.kind for e in zheng.signals} >= {
        "quality",
        "precursor",
    }


def test_escalated_pairings_are_followed_up_by_their_committee_member(tree: Tree) -> None:
    escalated = [p for p in tree.pairings if p.escalated]
    assert {p.person for p in escalated} == {"jiang_haifeng", "gao_jianjun", "zhang_liang"}
    for p in escalated:
        assert p.escalated_on is not None and p.full_on is not None
        assert any(r.by == p.assistant for r in p.reviews)
        assert p.overdue_milestones(tree.settings.deadlines, TODAY) == []


def test_a_quarter_of_member_scores_ranked_within_each_branch(tree: Tree) -> None:
    rows = [
        r for r in analyze(tree, Month(2026, 9), today=TODAY).assessments if r.standard == "member"
    ]
    branches = {r.branch for r in rows}
    assert branches == {"B1", "B2", "B3", "B4"}
    for branch in branches:
        mine = [r for r in rows if r.branch == branch and r.period == "2026-Q3"]
        assert [r.rank for r in mine] == sorted(r.rank for r in mine)
        assert sum(r.flagged for r in mine) >= 1
    drafts = assess(tree, Quarter(2026, 3), today=TODAY)
    assert {m.branch for m in drafts.tail} >= {"B1", "B2", "B3", "B4"}


def test_the_3000_yuan_reward_for_916018_and_the_year_totals(tree: Tree) -> None:
    reward = next(w for w in tree.rewards if w.amount == 3000)
    assert reward.person == "jiang_haifeng" and reward.record == "R-20250627-JHF1"
    totals = year_totals(tree, 2025).by("kind")
    assert totals["reward"].amount == 3000 and totals["commendation"].count == 1
    # 2026: the replaced team leaders and duty officer are penalties from 责任追究
    assert year_totals(tree, 2026).by("kind")["penalty"].count >= 4


def test_the_precursor_awaiting_analysis_is_due(tree: Tree) -> None:
    items = [i for o in due_list(tree, today=TODAY).owners for i in o.items]
    late = next(i for i in items if i.ref == "I-20261112-01")
    assert late.kind == "analysis" and late.overdue and late.owner == "ren_hui"


def test_the_new_kinds_are_listed_and_shown() -> None:
    listed = barrier(RECORDS, "--lang", "en", "list", "keyperson", "--month", "2026-11")
    assert listed.returncode == 0, listed.stderr
    assert "K-20261114-01" in listed.stdout and "P-20261118-01" in listed.stdout
    shown = barrier(RECORDS, "show", "W-20250627-01")
    assert shown.returncode == 0 and "3000" in shown.stdout
