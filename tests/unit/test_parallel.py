"""Reading over several processes gives exactly what reading in one does, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest
from bigtree import generate

from barrier_cli import parallel
from barrier_cli.checks import check_tree
from barrier_cli.loader import iter_files, read_file


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "records"
    monkeypatch.setattr(parallel, "MIN_FILES", 10)
    return generate(root, reports=80, seed=11, defects=0.1)


def _rels(root: Path) -> list[str]:
    return [rel for rel, problem in iter_files(root) if problem is None]


def test_workers_read_what_one_process_reads(tree: Path) -> None:
    rels = _rels(tree)
    serial = [read_file(tree, rel) for rel in rels]
    assert any(r.parse_problem or r.problems for r in serial)
    assert parallel.read_files(tree, rels, jobs=3) == serial


def test_a_check_over_workers_equals_a_check_in_one_process(tree: Path) -> None:
    one = check_tree(tree, jobs=1)
    assert one.findings
    assert check_tree(tree, jobs=2) == one


def test_few_files_are_read_without_a_pool(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool for a handful of files")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    rels = _rels(tree)[:15]
    assert parallel.read_files(tree, rels, jobs=4) == [read_file(tree, r) for r in rels]
    assert parallel.read_files(tree, _rels(tree), jobs=1)


def test_cpu_count_is_at_least_one() -> None:
    assert parallel.cpu_count() >= 1
