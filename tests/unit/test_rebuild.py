"""Context records kept as data and made again without validation (`io.rebuild`).

A record made again must be the validated record: equal, with the same types and the same
fields set in every nested model. Whatever the data cannot give back exactly is not kept,
and the file is validated as before.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from bigtree import generate

from barrier_cli.checks import cached, incremental
from barrier_cli.checks.run import check_tree
from barrier_cli.core.kinds import classify
from barrier_cli.core.models import Settings, Standard
from barrier_cli.core.models.common import Model
from barrier_cli.io import cache, index, rebuild
from barrier_cli.io.loader import read_file

REPO = Path(__file__).resolve().parents[2]
TREES = [REPO / "records", REPO / "tests" / "data" / "tiny", REPO / "tests" / "data" / "entry"]

EVERY_SETTING = """\
organisation: 列检车间
organisation_en: Inspection workshop
lang: en
timezone: Asia/Urumqi
cadence:
  member: {period: week, min: 2}
  branch: {period: month, min: 1}
patrol: {period: day, min: 2}
working_days: [mon, tue, wed, thu, fri, sat]
deadlines: {backdate_days: 9}
closure: four
risk_weights: {low: 1, medium: 3, high: 7}
cases:
  handover_levels: [车间党总支, 段党委]
  handover_levels_en: [Workshop branch, Depot committee]
  grade_weights: {A: 4.0, B: 0.5}
key_persons: {threshold: 3.5, months: 2, pair_days: 7}
"""


def _context_files() -> list[Path]:
    """The context files (settings, org, roster, hazards, standards) of the example trees."""
    out = []
    for tree in TREES:
        for path in sorted(tree.rglob("*.yaml")):
            kind = classify(PurePosixPath(path.relative_to(tree).as_posix()))
            if kind is not None and not kind.is_record:
                out.append(path)
    return out


def _shape(value: Any) -> Any:
    """A value with the type of every part and the fields set of every model spelled out."""
    if isinstance(value, Model):
        return (
            type(value),
            sorted(value.model_fields_set),
            {name: _shape(getattr(value, name)) for name in type(value).model_fields},
        )
    if isinstance(value, dict):
        return (dict, {k: _shape(v) for k, v in value.items()})
    if isinstance(value, list):
        return (list, [_shape(v) for v in value])
    return (type(value), value)


def _the_same(again: Model | None, record: Model) -> None:
    assert again is not None
    assert again == record
    assert again.model_dump() == record.model_dump()
    assert _shape(again) == _shape(record)


@pytest.mark.parametrize("path", _context_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_context_file_of_the_example_trees_comes_back_as_validated(path: Path) -> None:
    tree = next(t for t in TREES if t in path.parents)
    result = read_file(tree, path.relative_to(tree).as_posix())
    if result.record is None:
        pytest.skip("does not validate: never kept")
    blob = rebuild.keep(result.record)
    assert blob is not None
    _the_same(rebuild.rebuilt(type(result.record), blob), result.record)


def test_settings_with_every_section_given_come_back_as_validated(tmp_path: Path) -> None:
    (tmp_path / "barrier.yaml").write_text(EVERY_SETTING, encoding="utf-8")
    record = read_file(tmp_path, "barrier.yaml").record
    assert isinstance(record, Settings)
    assert record.cases.handover_levels_en == ["Workshop branch", "Depot committee"]
    blob = rebuild.keep(record)
    assert blob is not None
    _the_same(rebuild.rebuilt(Settings, blob), record)
    # only what the file gave is set, in every nested model, as validation has it
    again = rebuild.rebuilt(Settings, blob)
    assert again is not None
    assert again.model_fields_set == record.model_fields_set != set(Settings.model_fields)
    assert again.cases.model_fields_set == {
        "handover_levels",
        "handover_levels_en",
        "grade_weights",
    }


def test_default_settings_come_back_with_nothing_set() -> None:
    record = Settings()
    blob = rebuild.keep(record)
    assert blob is not None
    again = rebuild.rebuilt(Settings, blob)
    _the_same(again, record)
    assert again is not None and again.model_fields_set == set()


def test_what_the_data_cannot_give_back_is_not_kept() -> None:
    record = Settings()
    # a tuple where the model holds a list, set behind validation's back: not kept
    object.__setattr__(record, "working_days", ("mon",))
    assert rebuild.keep(record) is None
    odd = Settings()
    object.__setattr__(odd, "organisation", float("nan"))
    assert rebuild.keep(odd) is None


def test_data_not_kept_for_the_model_is_not_made_into_one() -> None:
    blob = rebuild.keep(Settings())
    assert blob is not None
    assert rebuild.rebuilt(Standard, blob) is None  # another model's fields
    assert rebuild.rebuilt(Settings, b"\xc1") is None  # not MessagePack
    assert rebuild.rebuilt(Settings, b"\x90") is None  # not a kept model


@pytest.fixture
def entry_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The entry tree with every setting given, its stamps old enough to trust (as in
    test_index: its ctimes are now, so the index looks from ten seconds on)."""
    root = tmp_path / "records"
    shutil.copytree(REPO / "tests" / "data" / "entry" / "records", root)
    (root / "barrier.yaml").write_text(EVERY_SETTING, encoding="utf-8")
    past = time.time_ns() - 3600 * 10**9
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            os.utime(Path(folder) / name, ns=(past, past))
    os.utime(root, ns=(past, past))
    real = time.time_ns
    monkeypatch.setattr(index.time, "time_ns", lambda: real() + 10 * 10**9)
    return root


def test_the_index_keeps_settings_and_makes_them_again_equal(
    entry_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = entry_tree
    index.basis(root)
    validated: list[str] = []
    real = index._record

    def counting(rel: str, kept: Any) -> Any:
        validated.append(rel)
        return real(rel, kept)

    monkeypatch.setattr(index, "_record", counting)
    basis = index.basis(root)
    assert basis.settings == read_file(root, "barrier.yaml").record
    assert _shape(basis.settings) == _shape(read_file(root, "barrier.yaml").record)
    assert "barrier.yaml" not in validated
    # a kept record that does not come back is validated as before
    basis = index.basis(root)
    basis.kept["barrier.yaml"] = b"\x90"
    assert basis.settings == read_file(root, "barrier.yaml").record
    assert "barrier.yaml" in validated


def test_settings_that_do_not_validate_are_not_kept(entry_tree: Path) -> None:
    root = entry_tree
    (root / "barrier.yaml").write_text("lang: fr\n", encoding="utf-8")
    basis = index.basis(root)
    assert basis.kept.get("barrier.yaml") is None
    assert basis.settings == Settings()


def test_once_indexed_the_settings_validator_is_never_built(
    entry_tree: Path, tmp_path: Path
) -> None:
    """Settings made again, not validated: their validator (and its parts') is not built."""
    root = entry_tree
    script = (
        "import sys, time; from pathlib import Path; from barrier_cli.io import index; "
        "from barrier_cli.core.models import Settings; "
        "now = time.time_ns; time.time_ns = lambda: now() + 10**10; "
        "b = index.basis(Path(sys.argv[1])); s = b.settings; "
        "print(s.deadlines.backdate_days, Settings.__pydantic_complete__)"
    )
    env = {**os.environ, "BARRIER_CACHE_DIR": str(tmp_path / "cache")}
    first = subprocess.run(
        [sys.executable, "-c", script, str(root)], env=env, capture_output=True, text=True
    )
    again = subprocess.run(
        [sys.executable, "-c", script, str(root)], env=env, capture_output=True, text=True
    )
    assert first.stdout.split() == ["9", "True"], first.stderr
    assert again.stdout.split() == ["9", "False"], again.stderr


def test_a_check_of_one_edit_makes_the_context_again_and_answers_as_cold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate(tmp_path / "records", reports=60, seed=3, defects=0.05)
    (root / "barrier.yaml").write_text(EVERY_SETTING.replace("lang: en", "lang: zh"), "utf-8")
    past = 1_600_000_000_000_000_000
    for path in root.rglob("*.yaml"):
        os.utime(path, ns=(past, past))
    real_now = time.time_ns  # their ctimes are now: looked at from ten seconds on, not racy
    monkeypatch.setattr(cache.time, "time_ns", lambda: real_now() + 10 * 10**9)
    cached.check(root)
    report = sorted((root / "reports").rglob("*.yaml"))[7]
    made: list[str] = []
    real = rebuild.rebuilt

    def counting(model: Any, blob: bytes) -> Any:
        made.append(model.__name__)
        return real(model, blob)

    monkeypatch.setattr(rebuild, "rebuilt", counting)
    full: list[str] = []
    monkeypatch.setattr(incremental, "load_tree", lambda *a, **k: full.append("full"))
    for note in ("notes: 复查\n", ""):
        text = report.read_text(encoding="utf-8")
        report.write_text(text + note if note else text.replace("notes: 复查\n", ""), "utf-8")
        os.utime(report, ns=(past + len(note), past + len(note)))
        warm = cached.check(root)
        assert not full
        assert warm == check_tree(root, cache=False)
    assert (cache._folder(root) / incremental.CONTEXT).is_file()
    assert "Settings" in made  # the second edit's check made them again


def test_a_kept_date_comes_back_as_a_date() -> None:
    from barrier_cli.core.models import Org

    org = Org.model_validate(
        {
            "units": [{"id": "G1", "name": "一组", "kind": "group"}],
            "people": [{"id": "a", "name": "甲", "unit": "G1", "since": dt.date(2026, 1, 5)}],
        }
    )
    blob = rebuild.keep(org)
    assert blob is not None
    again = rebuild.rebuilt(Org, blob)
    _the_same(again, org)
    assert again is not None and type(again.people[0].since) is dt.date
