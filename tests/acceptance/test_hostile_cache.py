"""A cache is data, never code: nothing in the records tree is ever loaded as a cache.

Older versions kept their cache in ``records/.barrier-cache/`` and unpickled it before
verifying anything, so a committed cache file ran code on every clone that ran
`barrier check`. The cache now lives outside the tree; one found in it is reported.
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from barrier_cli.io import cache
from cli_helpers import barrier, copy_tiny


class _Bomb:
    """Unpickling this creates ``marker``: what an attacker's ``os.system`` call would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (str(self.marker),)


def _invoke(root: Path, *args: str) -> tuple[int, str]:
    result = barrier(root, *args)
    return result.returncode, result.stdout


def _plant(records: Path, marker: Path) -> list[str]:
    """Bombs wherever any version looked for a cache, and a stray pickle among the records."""
    blob = pickle.dumps(_Bomb(marker))
    folder = records / cache.CACHE_DIR
    (folder / "files").mkdir(parents=True)
    places = ["check.pickle", "check-files.pickle", "analysis.pickle", "check", "check-files"]
    for name in places:
        (folder / name).write_bytes(blob)
    for shard in ("", "reports/2026/11", "standards"):
        name = cache._shard_of(f"{shard}/x.yaml" if shard else "x.yaml")
        (folder / "files" / f"{name}.pickle").write_bytes(blob)
        (folder / "files" / name).write_bytes(blob)
    (records / "reports" / "notes.pickle").write_bytes(blob)
    return [cache.CACHE_DIR, "reports/notes.pickle"]


def test_the_planted_bomb_would_go_off(tmp_path: Path) -> None:
    """The test below can fail: loading the planted file does create the marker."""
    marker = tmp_path / "marker"
    pickle.loads(pickle.dumps(_Bomb(marker)))
    assert marker.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["check", "--no-cache"],
        ["list", "report"],
        ["analyze", "--month", "2026-11", "--format", "md"],
        ["due"],
    ],
    ids=lambda c: " ".join(c),
)
def test_committed_cache_never_executes(tmp_path: Path, command: list[str]) -> None:
    records = copy_tiny(tmp_path)
    marker = tmp_path / "pwned"
    _plant(records, marker)
    _invoke(records, *command)
    _invoke(records, *command)  # and again, now that a cache of its own exists
    assert not marker.exists()


def test_committed_cache_is_reported_by_check(tmp_path: Path) -> None:
    records = copy_tiny(tmp_path)
    marker = tmp_path / "pwned"
    planted = _plant(records, marker)
    for _ in range(2):  # cold, then answered from the (real) cache: reported both times
        code, out = _invoke(records, "check", "--format", "json")
        found = [x["path"] for x in json.loads(out)["findings"] if x["code"] == "cache-in-tree"]
        assert sorted(Path(p).relative_to(records).as_posix() for p in found) == planted
        assert code == 1
    assert not marker.exists()


def test_a_clean_tree_has_no_cache_finding_after_many_runs(tmp_path: Path) -> None:
    records = copy_tiny(tmp_path)
    for _ in range(3):
        code, out = _invoke(records, "check")
        assert code == 0, out
    assert not (records / cache.CACHE_DIR).exists()
