"""Property tests: for any tree of reports, the analysis adds up and its JSON round-trips."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from analysis_tree import ORG, SETTINGS
from barrier_cli.core.models import Org, Report, Settings
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.monthly import analyze

TODAY = dt.date(2026, 11, 24)
OCT = Month(2026, 10)
PEOPLE = [p["id"] for p in ORG["people"]]

reports = st.builds(
    dict,
    date=st.one_of(
        st.dates(OCT.first, OCT.last), st.dates(dt.date(2025, 9, 1), dt.date(2026, 11, 24))
    ),
    reporter=st.sampled_from(PEOPLE),
    level=st.sampled_from(["member", "group", "branch"]),
    source=st.sampled_from(["on_site", "cadre_patrol", "briefing", "other"]),
    element=st.sampled_from(["equipment", "personnel", "management"]),
    category=st.sampled_from(["hazard", "violation", "fault", "near_miss", "quality"]),
    keys=st.lists(st.sampled_from(["train", "group", "post", "link", "person"]), unique=True),
    risk=st.sampled_from(["low", "medium", "high"]),
    location=st.sampled_from([None, "到达场", "出发场"]),
    persons=st.lists(st.sampled_from(PEOPLE), max_size=2),
    withdrawn=st.booleans(),
)


def _tree(specs: list[dict[str, Any]]) -> Tree:
    records = []
    for n, spec in enumerate(specs):
        day = spec.pop("date")
        gone = spec.pop("withdrawn")
        records.append(
            Report.model_validate(
                {
                    **spec,
                    "id": f"R-{day:%Y%m%d}-{n:04d}",
                    "date": day,
                    "summary": f"情况 {n}",
                    "withdrawn": {"date": day, "by": "lead1", "reason": "重复"} if gone else None,
                }
            )
        )
    return Tree(
        root=Path("."),
        settings=Settings.model_validate(SETTINGS),
        org=Org.model_validate(ORG),
        standards={},
        reports=records,
        incidents=[],
        pairings=[],
        assessments=[],
        notices=[],
        files=[],
    )


@settings(max_examples=25, deadline=None)
@given(specs=st.lists(reports, min_size=1, max_size=40))
def test_property_sections_add_up(specs: list[dict[str, Any]]) -> None:
    tree = _tree(specs)
    standing = [r for r in tree.reports if r.withdrawn is None and OCT.contains(r.date)]
    assume(standing)  # an empty month is refused; the example-based tests cover that
    a = analyze(tree, OCT, today=TODAY)
    assert a.totals.reports == len(standing)
    for section in ("element", "category", "source", "level", "unit"):
        assert sum(c.count for c in a.by[section]) == len(standing)
    assert sum(u.total for u in a.unit_element) == len(standing)
    assert a.trend[-1].reports == len(standing)
    # Every report of the month stands behind at least one weak link, and is weighed once
    # per key it touches.
    assert set().union(*(w.evidence for w in a.weak_links)) == {r.id for r in standing}
    # each report stands behind one weak link only, however many keys it touches
    assert sum(w.count for w in a.weak_links) == len(standing)
    assert 1 <= len(a.priorities) <= 3
    assert [w.rank for w in a.weak_links] == list(range(1, len(a.weak_links) + 1))
    data = json.loads(a.to_json())
    assert data["totals"]["reports"] == len(standing)
    assert json.loads(json.dumps(data)) == data
