"""The analysis read as columns (every report) plus a window of whole records says what the
analysis of every record whole says, in any worker count, inside a larger history."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import bigtree
import pytest

from barrier_cli.core.periods import Month
from barrier_cli.io import columnar, parallel
from barrier_cli.present.render.document import render_analysis
from barrier_cli.reports import snapshot
from barrier_cli.reports.analysis import monthly

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
TODAY = dt.date(2026, 11, 24)


def _with_history(
    base: Path, *, reports: int, defects: float, until: dt.date | None = None
) -> Path:
    """The example records inside a generated history of other people's reports and cases
    (the generator leaves a fifth of them open for ever), ending ``until`` (default: the
    generator's own end, 2026-11, so it overlaps the example months)."""
    root = base / "records"
    shutil.copytree(EXAMPLE, root)
    module = bigtree._module()
    end = module.TODAY
    module.TODAY = until or end
    try:
        history = bigtree.generate(base / "history", reports=reports, seed=3, defects=defects)
    finally:
        module.TODAY = end
    for kind in ("reports", "incidents"):
        for path in sorted((history / kind).rglob("*.yaml")):
            target = root / path.relative_to(history)
            assert not target.exists()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return root


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _with_history(tmp_path_factory.mktemp("embedded"), reports=400, defects=0.02)


@pytest.mark.parametrize(
    ("month", "moment"),
    [(Month(2026, 10), None), (Month(2026, 3), dt.date(2026, 3, 20))],
)
def test_the_window_and_the_columns_say_what_every_record_whole_says(
    embedded: Path, month: Month, moment: dt.date | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = parallel.load_tree(embedded, jobs=1)
    whole = monthly.analyze_columns(
        columnar.of_tree(tree, monthly.Window(dt.date.min, dt.date.max, frozenset())),
        month,
        today=TODAY,
        moment=moment,
    )
    assert whole.totals.reports > 0 and whole.skipped_files
    kept = monthly.window(tree, month, today=TODAY, moment=moment)
    assert sum(map(kept, tree.reports)) < len(tree.reports) / 2  # the window is a window
    assert monthly.analyze(tree, month, today=TODAY, moment=moment) == whole
    monkeypatch.setattr(parallel, "MIN_FILES", 100)
    monkeypatch.setattr(columnar, "CHUNK_FILES", 150)
    for jobs in (1, 2):
        data = monthly.load_for(embedded, month, today=TODAY, moment=moment, jobs=jobs)
        assert len(data.columns) == sum(1 for f in tree.files if f.kind == "report" and f.record)
        found = monthly.analyze_columns(data, month, today=TODAY, moment=moment)
        assert found == whole, jobs
    for lang in ("zh", "en"):
        expected = render_analysis(whole, fmt="md", lang=lang, records=embedded)
        assert render_analysis(found, fmt="md", lang=lang, records=embedded) == expected


@pytest.mark.parametrize("month", [Month(2025, 9), Month(2026, 10)])
def test_an_example_months_document_is_the_same_inside_a_larger_history(
    tmp_path: Path, month: Month, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Years of records written after the month change nothing of its document, read over
    any number of workers: what it counts and quotes is what stood at its end."""
    root = _with_history(tmp_path, reports=300, defects=0.0, until=dt.date(2028, 6, 30))
    monkeypatch.setattr(parallel, "MIN_FILES", 100)
    monkeypatch.setattr(columnar, "CHUNK_FILES", 150)
    alone = monthly.analyze(parallel.load_tree(EXAMPLE, jobs=1), month, today=TODAY)
    expected = render_analysis(alone, fmt="md", lang="zh", records=EXAMPLE)
    for jobs in (1, 2, 3):
        inside = monthly.analyze_columns(
            monthly.load_for(root, month, today=TODAY, jobs=jobs), month, today=TODAY
        )
        assert render_analysis(inside, fmt="md", lang="zh", records=root) == expected


def test_an_invalid_moment_is_still_refused_before_anything_is_read_whole(embedded: Path) -> None:
    from barrier_cli.core.errors import InvalidInput

    data = monthly.load_for(embedded, Month(2026, 10), today=TODAY, moment=dt.date(2027, 1, 1))
    with pytest.raises(InvalidInput):
        monthly.analyze_columns(data, Month(2026, 10), today=TODAY, moment=dt.date(2027, 1, 1))


def test_columns_hold_every_valid_report_in_file_order(embedded: Path) -> None:
    tree = parallel.load_tree(embedded, jobs=1)
    data = monthly.load_for(embedded, Month(2026, 10), today=TODAY, jobs=1)
    assert data.columns.id == [r.id for r in tree.reports]
    assert data.columns.closed == [r.closed for r in tree.reports]
    # every column as the whole records give it, the hazards matched on the log's phrases
    assert tree.hazards.hazards and any(data.columns.hazard)
    assert data.columns == columnar.ReportColumns.of(tree.reports, tree.hazards)
    assert data.skipped == [f.rel for f in tree.files if f.kind and f.record is None]
    window = monthly.window(tree, Month(2026, 10), today=TODAY)
    assert [r.id for r in data.tree.reports] == [r.id for r in tree.reports if window(r)]
    # of the others, the open work only, each placed among the whole ones as in the files
    assert data.tree.earlier and data.tree.earlier == columnar.of_tree(tree, window).tree.earlier
    order = [r.id for r, _ in snapshot.report_actions(data.tree)]
    assert order == [r.id for r in tree.reports if r.id in set(order)]
    assert dataclasses.replace(data.tree, reports=[], files=[], earlier=[]) == dataclasses.replace(
        tree, reports=[], files=[]
    )


def test_open_work_crosses_the_pipe_as_the_actions_validation_gives(embedded: Path) -> None:
    """The open actions of earlier reports are rebuilt from their values, not validated
    again: each is the model validating those values gives, down to its given fields."""
    from barrier_cli.core.models import Action

    data = monthly.load_for(embedded, Month(2026, 10), today=TODAY, jobs=1)
    actions = [a for e in data.tree.earlier for _, a in e.actions]
    assert actions
    for a in actions:
        validated = Action(**{name: getattr(a, name) for name in Action.model_fields})
        assert a == validated
        assert a.__pydantic_fields_set__ == validated.__pydantic_fields_set__
        assert a.__pydantic_private__ == validated.__pydantic_private__ == {"_written": None}
        assert a.__pydantic_extra__ is validated.__pydantic_extra__
        assert a.model_dump() == validated.model_dump()


def test_a_whole_report_whose_read_cannot_be_pickled_is_read_again(
    embedded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = monthly.load_for(embedded, Month(2026, 10), today=TODAY, jobs=1)
    dumps = columnar.pickle.dumps

    def refuse(value: object, *args: object) -> bytes:
        if value:
            raise columnar.pickle.PicklingError("not this one")
        return dumps(value, *args)

    monkeypatch.setattr(columnar.pickle, "dumps", refuse)
    again = monthly.load_for(embedded, Month(2026, 10), today=TODAY, jobs=1)
    assert again.tree.reports and again.tree.reports == expected.tree.reports
    assert again.tree.earlier == expected.tree.earlier
    assert again.columns == expected.columns


def test_repeated_values_are_one_object_across_tasks(
    embedded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_FILES", 100)
    monkeypatch.setattr(columnar, "CHUNK_FILES", 150)
    columns = monthly.load_for(embedded, Month(2026, 10), today=TODAY, jobs=2).columns
    for name in ("date", "reporter", "level", "element", "keys", "closed", "unit"):
        values = getattr(columns, name)
        assert len({id(v) for v in values}) == len(set(values)), name
    short = [v for v in columns.location if v is not None and len(v) <= 40]
    assert len({id(v) for v in short}) == len(set(short))


def test_an_open_action_crosses_with_every_field_of_an_action() -> None:
    # a field added to Action and not to what crosses would be dropped from earlier reports
    crossing = set(columnar._OpenAction.__struct_fields__) - {"index"}
    assert crossing == set(columnar.Action.model_fields)
