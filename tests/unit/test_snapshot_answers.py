"""A snapshot of a snapshot at the same day is the snapshot itself, and what the documents
ask of one snapshot (the month's compliance and deficiencies) is computed once and is what
a fresh computation says."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from barrier_cli.core.periods import Month
from barrier_cli.io import parallel
from barrier_cli.io.loader import Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.compliance import reporting_compliance
from barrier_cli.reports.deficiencies import find_deficiencies

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
DAY = dt.date(2026, 10, 31)
MONTH = Month(2026, 10)


@pytest.fixture(scope="module")
def tree() -> Tree:
    return parallel.load_tree(EXAMPLE, jobs=1)


def test_a_snapshot_at_its_own_day_is_itself_and_at_another_a_new_one(tree: Tree) -> None:
    stood = snapshot.as_of(tree, DAY)
    assert snapshot.as_of(stood, DAY) is stood
    earlier = dt.date(2026, 9, 15)
    again = snapshot.as_of(stood, earlier)
    assert again is not stood
    assert again == snapshot.as_of(tree, earlier)  # forgetting in two steps forgets the same


def test_a_snapshot_is_asked_once_and_any_other_tree_every_time(tree: Tree) -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    stood = snapshot.as_of(tree, DAY)
    assert [snapshot.answer(stood, "q", compute) for _ in range(3)] == [1, 1, 1]
    assert snapshot.answer(stood, "other", compute) == 2
    assert [snapshot.answer(tree, "q", compute) for _ in range(2)] == [3, 4]


def test_the_answers_kept_are_what_a_fresh_computation_says(tree: Tree) -> None:
    stood = snapshot.as_of(tree, DAY)
    fresh = reporting_compliance(tree, MONTH, today=DAY)  # not a snapshot: computed afresh
    first = reporting_compliance(stood, MONTH, today=DAY)
    assert first == fresh and first.members
    first.members.clear()  # a caller's change to its copy reaches no one else
    assert reporting_compliance(stood, MONTH, today=DAY) == fresh
    found = find_deficiencies(stood, MONTH, today=DAY, lang="zh")
    assert found and found == find_deficiencies(stood, MONTH, today=DAY, lang="zh")
    found.clear()
    assert find_deficiencies(stood, MONTH, today=DAY, lang="zh") == find_deficiencies(
        tree, MONTH, today=DAY, lang="zh"
    )
    assert find_deficiencies(stood, MONTH, today=DAY, lang="en") != find_deficiencies(
        stood, MONTH, today=DAY, lang="zh"
    )


def test_a_view_of_a_snapshot_stands_on_its_day_and_a_view_of_any_other_tree_does_not(
    tree: Tree,
) -> None:
    stood = snapshot.as_of(tree, DAY)
    view = dataclasses.replace(stood, org=stood.org.model_copy())
    assert snapshot.view_of(view, stood) is view
    assert snapshot.as_of(view, DAY) is view  # no copy of the view per section that asks
    assert snapshot.answer(view, "q", lambda: 1) == 1
    assert snapshot.answer(view, "q", lambda: 2) == 1
    assert snapshot.answer(stood, "q", lambda: 3) == 3  # its own answers, not the tree's
    loose = dataclasses.replace(tree, org=tree.org.model_copy())
    assert snapshot.view_of(loose, tree) is loose
    assert snapshot.as_of(loose, DAY) is not loose


def test_compliance_as_of_any_day_after_the_month_is_the_month_end_answer(tree: Tree) -> None:
    stood = snapshot.as_of(tree, DAY)
    at_end = reporting_compliance(stood, MONTH, today=DAY)
    later = reporting_compliance(stood, MONTH, today=dt.date(2026, 12, 1))
    assert later == at_end == reporting_compliance(tree, MONTH, today=dt.date(2026, 12, 1))
