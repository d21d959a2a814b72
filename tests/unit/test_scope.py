"""scope: PATH arguments as tree-relative prefixes, shared by `check` and `fmt`."""

from __future__ import annotations

from pathlib import Path

import pytest

from barrier_cli.core.errors import UnsafePath
from barrier_cli.io.scope import tree_prefixes, under


def test_paths_become_prefixes_and_name_the_files_below_them(tmp_path: Path) -> None:
    (tmp_path / "reports" / "2026").mkdir(parents=True)
    prefixes = tree_prefixes(tmp_path, [tmp_path / "reports" / "2026", tmp_path / "org.yaml"])
    assert prefixes == ["reports/2026", "org.yaml"]
    assert under("reports/2026/11/R-1.yaml", prefixes) and under("org.yaml", prefixes)
    assert not under("reports/20261/R-1.yaml", prefixes)
    assert not under("incidents/2026/I-1.yaml", prefixes)


def test_the_root_names_everything_and_no_paths_too(tmp_path: Path) -> None:
    assert tree_prefixes(tmp_path, [tmp_path]) == [""]
    assert under("anything.yaml", [""]) and under("anything.yaml", None)
    assert tree_prefixes(tmp_path, None) is None


def test_a_path_outside_the_tree_is_refused(tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    with pytest.raises(UnsafePath, match="not inside the records tree"):
        tree_prefixes(tmp_path / "records", [tmp_path / "elsewhere"])
