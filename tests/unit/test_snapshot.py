"""One snapshot: every document counts the records as they stood at one stated moment."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from analysis_tree import october
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.notice import build_notice, render_notice
from barrier_cli.reports import snapshot
from barrier_cli.reports.analysis.monthly import analyze
from barrier_cli.reports.assess import assess
from barrier_cli.reports.deficiencies import find_deficiencies, rule_title
from cli_helpers import barrier

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
TODAY = dt.date(2026, 11, 24)
OCT = Month(2026, 10)


def _criticised(tree: Tree, month: Month, rule: str) -> list[str]:
    notice = build_notice(tree, month, today=TODAY, lang="zh")
    return sorted(
        rid
        for unit in notice.units
        for group in unit.groups
        if group.rule == rule
        for item in group.items
        for rid in item.evidence_ids
    )


def _agree(tree: Tree, month: Month, *, assessed: bool = True) -> None:
    """The analysis, the notice and assess name the same late analyses and overdue work."""
    analysis = analyze(tree, month, today=TODAY)
    late = sorted(analysis.timeliness.late_analysis)
    # the notice's late analyses also hold cases (I-…), judged by their class's deadline
    assert late == [i for i in _criticised(tree, month, "late_analysis") if i.startswith("R-")]
    overdue = sorted({o.record for o in analysis.timeliness.overdue})
    assert overdue == sorted(set(_criticised(tree, month, "overdue_action")))
    if not assessed:
        return
    deducted = {
        ref
        for draft in assess(tree, month, today=TODAY).branches
        for d in draft.assessment.deductions
        if d.reason.startswith(rule_title("late_analysis", "zh")) and d.ref
        for ref in [d.ref]
        if ref.startswith("R-")
    }
    assert deducted <= set(late)


@pytest.mark.parametrize("month", ["2025-09", "2026-10"])
def test_example_documents_agree_as_of_month_end(month: str) -> None:
    _agree(load_tree(EXAMPLE), Month.parse(month))


def test_hand_made_tree_documents_agree(tmp_path: Path) -> None:
    root, ids = october(tmp_path / "records")
    tree = load_tree(root)
    _agree(tree, OCT, assessed=False)  # the hand-made tree holds no standards
    late = [i for i in _criticised(tree, OCT, "late_analysis") if i.startswith("R-")]
    assert late == sorted([ids["r2"], ids["r4"], ids["r5"]])


def _edit(path: Path, change: Callable[[Any], None]) -> None:
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


def _documents(root: Path) -> tuple[str, str]:
    tree = load_tree(root)
    assert [f.rel for f in tree.files if f.kind and f.record is None] == []
    analysis = analyze(tree, OCT, today=TODAY).to_json()
    notice = build_notice(tree, OCT, today=TODAY, lang="zh")
    return analysis, render_notice(notice, fmt="md", lang="zh", records=root)


def _counted(root: Path) -> tuple[object, ...]:
    """What the notice counts: its overview, cases, scores, failed members and each unit's
    lapses rule by rule."""
    notice = build_notice(load_tree(root), OCT, today=TODAY, lang="zh")
    lapses = [(u.name, [(g.rule, len(g.items)) for g in u.groups]) for u in notice.units]
    return notice.overview, len(notice.cases), notice.scores, notice.failed, lapses


def _close_in_november(data: Any) -> None:
    for action in data["actions"]:
        action.setdefault("done", "2026-11-15")
    data["status"] = "closed"
    data["closed"] = "2026-11-16"


def _analyse_in_november(data: Any) -> None:
    data["status"] = "analysed"
    data["analysis"] = {"date": "2026-11-05", "by": "lead1", "cause": "作业标准执行不到位"}


def test_closures_after_the_moment_move_no_count(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(EXAMPLE, root)
    before = _documents(root)
    counted = _counted(root)
    tree = load_tree(root)
    rectifying = [r for r in tree.reports if OCT.contains(r.date) and r.status == "rectifying"]
    assert len(rectifying) >= 2, "the example October needs open reports for this test"
    for report in rectifying[:2]:
        _edit(root / tree.by_id()[report.id].rel, _close_in_november)
    after = _documents(root)
    assert after[0] == before[0]
    # the notice, dated after the closures, says exactly what it said: its facts are the
    # month's end's, as the analysis's are
    assert after[1] == before[1]
    assert _counted(root) == counted
    # the same closures do count as of a later moment
    later = dt.date(2026, 11, 20)
    closed = analyze(load_tree(root), OCT, today=TODAY, moment=later).timeliness.closed
    assert closed == analyze(tree, OCT, today=TODAY, moment=later).timeliness.closed + 2


def test_analyses_after_the_moment_move_no_count(tmp_path: Path) -> None:
    root, ids = october(tmp_path / "records")
    before = _documents(root)
    tree = load_tree(root)
    for name in ("r4", "r5"):
        report = next(r for r in tree.reports if r.id == ids[name])
        assert report.analysis is None
        _edit(root / tree.by_id()[report.id].rel, _analyse_in_november)
    assert _documents(root) == before


def test_snapshot_forgets_later_facts(tmp_path: Path) -> None:
    root, ids = october(tmp_path / "records")
    tree = load_tree(root)
    then = snapshot.as_of(tree, dt.date(2026, 10, 31))
    r3 = next(r for r in then.reports if r.id == ids["r3"])
    assert (r3.closed, r3.status) == (None, "rectifying")
    assert all(a.done is None or a.done <= dt.date(2026, 10, 31) for a in r3.actions)
    assert all(r.date <= dt.date(2026, 10, 31) for r in then.reports)
    assert len(snapshot.as_of(tree, TODAY).reports) == len(tree.reports)


def test_an_earlier_moment_counts_fewer_reports(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    tree = load_tree(root)
    mid = analyze(tree, OCT, today=TODAY, moment=dt.date(2026, 10, 15))
    end = analyze(tree, OCT, today=TODAY)
    assert mid.as_of == dt.date(2026, 10, 15)
    assert mid.totals.reports < end.totals.reports
    mid_deficiencies = find_deficiencies(tree, OCT, today=TODAY, moment=dt.date(2026, 10, 15))
    late = [d for d in mid_deficiencies if d.rule == "late_analysis"]
    # cases (I-…) are judged by their class's deadline; the analysis's timeliness is reports'
    assert sorted(d.evidence_ids for d in late if d.evidence_ids[0].startswith("R-")) == sorted(
        (rid,) for rid in mid.timeliness.late_analysis
    )


@pytest.mark.parametrize("moment", [dt.date(2026, 9, 30), dt.date(2026, 12, 1)])
def test_a_moment_outside_the_month_and_today_is_refused(tmp_path: Path, moment: dt.date) -> None:
    root, _ = october(tmp_path / "records")
    with pytest.raises(InvalidInput, match="--as-of"):
        analyze(load_tree(root), OCT, today=TODAY, moment=moment)


def test_as_of_on_the_command_line(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    done = barrier(
        root, "analyze", "--month", "2026-10", "--format", "json", "--as-of", "2026-10-15"
    )
    assert done.returncode == 0, done.stderr
    assert '"as_of": "2026-10-15"' in done.stdout
    for command in ("analyze", "notice"):
        bad = barrier(root, command, "--month", "2026-10", "--as-of", "10/15")
        assert bad.returncode == 1
        assert "--as-of '10/15' 不是日期" in bad.stderr


def test_the_open_work_of_earlier_reports_is_shared_unless_the_moment_changes_it() -> None:
    """A snapshot keeps an earlier report's open work as it is (the same entry: a long
    history holds tens of thousands) unless an action was done after the moment."""
    from barrier_cli.core.models import Action, Org, Settings
    from barrier_cli.io.loader import EarlierReport

    day = dt.date(2026, 10, 31)
    standing = EarlierReport(
        "R-20260101-0001",
        dt.date(2026, 1, 1),
        None,
        "wang",
        "钩舌销脱出",
        ((0, Action(action="更换", done=day)), (2, Action(action="复查"))),
        0,
    )
    done_later = EarlierReport(
        "R-20260102-0001",
        dt.date(2026, 1, 2),
        None,
        "wang",
        "闸瓦磨耗",
        ((1, Action(action="更换", done=day + dt.timedelta(days=1), verified_by="li")),),
        0,
    )
    tree = Tree(
        Path(), Settings(), Org(), {}, [], [], [], [], [], [], earlier=[standing, done_later]
    )
    first, second = snapshot.as_of(tree, day).earlier
    assert first is standing
    assert second.actions[0][0] == 1
    assert second.actions[0][1].done is None and second.actions[0][1].verified_by is None
    assert done_later.actions[0][1].done is not None  # the record itself is left as it was
    assert snapshot.as_of(tree, day - dt.timedelta(days=365)).earlier == []
