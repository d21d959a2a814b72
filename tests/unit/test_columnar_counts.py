"""Open and overdue work counted from columns and the open work of earlier reports
(`Tree.earlier`) equals what the same records held whole say, on a hand-made tree and on
the example records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import minitree
from barrier_cli.core.models import Report
from barrier_cli.core.periods import Month
from barrier_cli.io import columnar, parallel
from barrier_cli.reports import snapshot
from barrier_cli.reports.analysis import counts, frames, monthly, weak_links

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
TODAY = dt.date(2026, 11, 24)
EVERY_REPORT = monthly.Window(dt.date.min, dt.date.max, frozenset())


def _acts(*acts: tuple[str, dt.date | None, dt.date | None]) -> list[dict[str, Any]]:
    return [{"action": a, "owner": "zhu", "due": due, "done": done} for a, due, done in acts]


def _old(day: dt.date, *acts: tuple[str, dt.date | None, dt.date | None], **more: Any) -> Report:
    return minitree.report(date=day, status="rectifying", actions=_acts(*acts), **more)


@pytest.fixture(scope="module")
def handmade(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = dt.date
    records = [
        # long before the window: one action done then, one never (overdue ever since)
        _old(
            d(2025, 1, 6), ("换闸瓦", d(2025, 1, 20), d(2025, 1, 18)), ("复查", d(2025, 2, 1), None)
        ),
        # open, nothing to do yet: an open report, no open action
        minitree.report(date=d(2025, 3, 3), status="open", analysis=None),
        # done after the moment judged: open then, and overdue
        _old(d(2025, 4, 7), ("加装防护", d(2025, 5, 1), d(2026, 11, 2))),
        # withdrawn: counts nowhere
        _old(
            d(2025, 5, 5),
            ("撤回的", d(2025, 6, 1), None),
            withdrawn={"by": "wang", "date": d(2025, 5, 6), "reason": "重复"},
        ),
        # due later than the moment: open, not overdue
        _old(d(2025, 6, 2), ("年度复训", d(2027, 1, 1), None)),
        # the month's own, overdue at the moment
        _old(d(2026, 10, 3), ("当月整改", d(2026, 10, 10), None)),
        _old(d(2026, 10, 4), ("按期完成", d(2026, 10, 10), d(2026, 10, 9))),
    ]
    cited = _old(d(2025, 2, 3), ("被引用的", d(2025, 3, 1), None))
    case = minitree.incident(date=d(2026, 10, 5), reports=[cited.id])
    return minitree.write(tmp_path_factory.mktemp("handmade") / "records", *records, cited, case)


def _whole_counts(root: Path, month: Month, moment: dt.date | None) -> tuple[int, int, list[str]]:
    """Open reports, open actions and measures and the overdue (record, index), straight
    from whole records: what the columns must agree with."""
    as_of = snapshot.check_moment(month, TODAY, moment)
    tree = parallel.load_tree(root, jobs=1)
    standing = [r for r in tree.reports if r.withdrawn is None and r.date <= as_of]
    still_open = [r for r in standing if r.closed is None or r.closed > as_of]
    work = [(r.id, r.actions) for r in standing]
    work += [(i.id, i.measures) for i in tree.incidents if i.withdrawn is None and i.date <= as_of]
    pending = [
        (rid, n, a)
        for rid, actions in work
        for n, a in enumerate(actions)
        if a.done is None or a.done > as_of
    ]
    late = sorted(f"{rid}/{n}" for rid, n, a in pending if a.due is not None and a.due < as_of)
    return len(still_open), len(pending), late


def _check(root: Path, month: Month, moment: dt.date | None) -> None:
    whole = monthly.analyze_columns(
        columnar.of_tree(parallel.load_tree(root, jobs=1), EVERY_REPORT),
        month,
        today=TODAY,
        moment=moment,
    )
    data = monthly.load_for(root, month, today=TODAY, moment=moment, jobs=1)
    found = monthly.analyze_columns(data, month, today=TODAY, moment=moment)
    assert found == whole
    tl = found.timeliness
    opened, pending, late = _whole_counts(root, month, moment)
    assert (tl.open_reports, tl.open_actions) == (opened, pending)
    assert sorted(f"{o.record}/{o.index}" for o in tl.overdue) == late


def test_the_handmade_trees_open_work_is_counted_from_columns(handmade: Path) -> None:
    month = Month(2026, 10)
    data = monthly.load_for(handmade, month, today=TODAY, jobs=1)
    assert [e.summary for e in data.tree.earlier]  # the old open ones are not whole
    assert all(
        e.date < monthly.window(data.tree, month, today=TODAY).since for e in data.tree.earlier
    )
    for moment in (None, dt.date(2026, 10, 15)):
        _check(handmade, month, moment)
    tl = monthly.analyze_columns(data, month, today=TODAY).timeliness
    # 2025-01 (复查), 2025-02 cited, 2025-04 (done 11-02, after 10-31), the month's 10-03
    assert len(tl.overdue) == 4
    assert tl.open_reports == 7 and tl.open_actions == 5  # none closed; withdrawn left out


@pytest.mark.parametrize(
    ("month", "moment"),
    [(Month(2026, 10), None), (Month(2026, 9), None), (Month(2025, 11), dt.date(2025, 11, 12))],
)
def test_the_example_records_open_work_is_counted_from_columns(
    month: Month, moment: dt.date | None
) -> None:
    _check(EXAMPLE, month, moment)


@pytest.mark.parametrize(
    ("root", "month"),
    [
        (EXAMPLE, Month(2026, 10)),
        (EXAMPLE, Month(2025, 9)),
        ("handmade", Month(2026, 10)),
        ("handmade", Month(2025, 4)),  # its records begin within the year before
        ("handmade", Month(2025, 1)),  # in the month they begin: no month before is known
    ],
)
def test_a_frame_of_the_last_year_counts_what_the_whole_history_counts(
    root: Path | str, month: Month, request: pytest.FixtureRequest
) -> None:
    tree_root = request.getfixturevalue("handmade") if root == "handmade" else root
    data = monthly.load_for(tree_root, month, today=TODAY, jobs=1)
    as_of = snapshot.default_moment(month, TODAY)
    whole = frames.reports_frame(data.columns, data.tree, as_of)
    recent = frames.reports_frame(data.columns, data.tree, as_of, since=month.year_ago.first)
    assert len(recent) <= len(whole)
    first = frames.first_day(data.columns, as_of)
    assert first == min(whole["date"], default=None)
    assert counts.totals(recent, data.tree, month, first) == counts.totals(
        whole, data.tree, month, first
    )
    assert counts.trend(recent, month) == counts.trend(whole, month)
    assert weak_links.weak_links(recent, month) == weak_links.weak_links(whole, month)


def test_where_the_records_begin_is_known_beyond_the_frames_year(handmade: Path) -> None:
    month = Month(2026, 10)
    data = monthly.load_for(handmade, month, today=TODAY, jobs=1)
    recent = frames.reports_frame(data.columns, data.tree, month.last, since=month.year_ago.first)
    assert set(recent["month"]) == {"2026-10"}  # the handmade tree's 2025 is out of it
    first = frames.first_day(data.columns, month.last)
    assert first == dt.date(2025, 1, 6)
    totals = counts.totals(recent, data.tree, month, first)
    assert totals.year_ago_known and totals.previous_known and totals.year_ago == 0
    assert not counts.totals(recent, data.tree, month, None).year_ago_known
