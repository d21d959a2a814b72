"""Per-folder state: every way a file can change is seen, and only what changed is redone.

A folder's own stat does not change when a file in it is edited in place, so the scan
stats every file and digests each folder from its files' stamps (`cache.scan_folders`).
Each test makes one kind of change and asserts the warm answer equals a cold run, that
the incremental path (not the full one) answered it, and that only the shards of the
folders concerned were written again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bigtree import generate

from barrier_cli.checks import cached, incremental
from barrier_cli.checks.run import check_tree
from barrier_cli.core.findings import CheckResult
from barrier_cli.io import cache


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return generate(tmp_path / "records", reports=120, seed=5, defects=0.05)


def _cold(root: Path) -> CheckResult:
    return check_tree(root, cache=False)


def _warm(root: Path) -> CheckResult:
    return cached.check(root, use_cache=True)


def _shards(root: Path) -> dict[str, int]:
    folder = cache._folder(root) / incremental.SHARDS
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def _reports(root: Path) -> list[Path]:
    return sorted((root / "reports").rglob("*.yaml"))


def _settle(path: Path) -> None:
    """Put a file's mtime well in the past, so that no stamp is racy and the content hash
    is never what catches a change here: the stamp and folder digest must."""
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


@pytest.fixture
def watched(tree: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[str]]:
    """The tree checked once; then calls of the full path are counted."""
    for path in tree.rglob("*.yaml"):
        _settle(path)
    _warm(tree)
    full: list[str] = []
    real = incremental.load_tree

    def counted(root: Path, **options: object) -> object:
        full.append("full")
        return real(root, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "load_tree", counted)
    return lambda: full


def _same_as_cold_incrementally(root: Path, full: Callable[[], list[str]]) -> CheckResult:
    warm = _warm(root)
    assert not full(), "the change should have been answered incrementally"
    assert warm == _cold(root)
    return warm


def _edit_same_size(path: Path) -> None:
    """The reporter becomes someone org.yaml does not know, in as many bytes."""
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r"^reporter: u\d{4}$", "reporter: u9999", text, count=1, flags=re.M)
    assert edited != text and len(edited.encode()) == len(text.encode())
    path.write_text(edited, encoding="utf-8")


def test_an_edit_in_place_of_the_same_size_with_the_old_mtime_is_seen(
    tree: Path, watched: Callable[[], list[str]]
) -> None:
    """Same size, mtime put back: only the ctime (which no one can set) tells."""
    victim = _reports(tree)[4]
    before = victim.stat()
    _edit_same_size(victim)
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = victim.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    result = _same_as_cold_incrementally(tree, watched)
    rel = victim.relative_to(tree).as_posix()
    assert any(x.path == rel and x.code == "unknown-person" for x in result.findings)


def test_a_touch_alone_changes_nothing_but_is_looked_at(
    tree: Path, watched: Callable[[], list[str]]
) -> None:
    expected = _warm(tree)
    os.utime(_reports(tree)[2])
    assert _same_as_cold_incrementally(tree, watched) == expected


def test_an_added_file_is_seen(tree: Path, watched: Callable[[], list[str]]) -> None:
    source = _reports(tree)[9]
    added = source.with_name("R-20200101-ADD1.yaml")
    added.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    result = _same_as_cold_incrementally(tree, watched)
    assert any(x.path.endswith(added.name) for x in result.findings)


def test_a_deleted_file_is_seen(tree: Path, watched: Callable[[], list[str]]) -> None:
    flawed = {x.path for x in _warm(tree).findings}
    victim = next(p for p in _reports(tree) if p.relative_to(tree).as_posix() in flawed)
    victim.unlink()
    result = _same_as_cold_incrementally(tree, watched)
    assert not any(x.path.endswith(victim.name) for x in result.findings)


def test_a_rename_within_its_folder_is_seen(tree: Path, watched: Callable[[], list[str]]) -> None:
    victim = _reports(tree)[6]
    victim.rename(victim.with_name("R-20200101-MOVD.yaml"))
    result = _same_as_cold_incrementally(tree, watched)
    assert any(x.path.endswith("R-20200101-MOVD.yaml") for x in result.findings)


def test_a_move_to_another_folder_is_seen(tree: Path, watched: Callable[[], list[str]]) -> None:
    victim = _reports(tree)[6]
    target = tree / "reports" / "2019" / "01" / victim.name
    target.parent.mkdir(parents=True)
    victim.rename(target)
    _same_as_cold_incrementally(tree, watched)


def test_a_change_in_a_new_subfolder_is_seen(tree: Path, watched: Callable[[], list[str]]) -> None:
    source = _reports(tree)[1]
    deeper = source.parent / "more" / source.name
    deeper.parent.mkdir()
    deeper.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    _same_as_cold_incrementally(tree, watched)
    _edit_same_size(deeper)
    _same_as_cold_incrementally(tree, watched)


def test_one_edit_rewrites_only_its_folders_shard(
    tree: Path, watched: Callable[[], list[str]]
) -> None:
    shards = _shards(tree)
    assert len(shards) > 5
    _edit_same_size(_reports(tree)[4])
    _same_as_cold_incrementally(tree, watched)
    rewritten = [name for name, ns in _shards(tree).items() if shards.get(name) != ns]
    assert len(rewritten) == 1


def test_a_removed_id_rechecks_the_file_that_links_to_it_in_another_folder(
    tree: Path, watched: Callable[[], list[str]]
) -> None:
    reports = _reports(tree)
    linking = next(p for p in reports if p.parent != reports[-1].parent)
    linked = reports[-1]
    with linking.open("a", encoding="utf-8") as fh:
        fh.write(f"links: [{linked.stem}]\n")
    clean = _same_as_cold_incrementally(tree, watched)
    rel = linking.relative_to(tree).as_posix()
    assert not any(x.path == rel and x.code == "unknown-ref" for x in clean.findings)
    shards = _shards(tree)
    linked.unlink()
    broken = _same_as_cold_incrementally(tree, watched)
    assert any(x.path == rel and x.code == "unknown-ref" for x in broken.findings)
    rewritten = [name for name, ns in _shards(tree).items() if shards.get(name) != ns]
    assert len(rewritten) == 2, "the linked file's folder and the linking file's"


def test_a_shard_not_written_with_its_index_is_never_used(
    tree: Path, watched: Callable[[], list[str]]
) -> None:
    """A run that stops between writing a shard and the index (or another run meanwhile)
    leaves a shard the index does not name: the next run reads everything instead."""
    victim = _reports(tree)[4]
    name = incremental._shard_name(victim.parent.relative_to(tree).as_posix() + "/")
    store = cache.load_store(tree, name, incremental._ShardFile)
    assert store is not None
    cache.save_store(tree, name, store._replace(token="another run"))
    _edit_same_size(victim)
    assert _warm(tree) == _cold(tree)
    assert watched() == ["full"]


def test_a_store_left_by_an_older_version_does_not_block_the_shards(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Older versions kept every file's answer in one file named "check-files"."""
    kept = cache._folder(tree)
    kept.mkdir(parents=True)
    (kept / "check-files").write_bytes(b"an older version's store")
    _warm(tree)
    full: list[str] = []
    monkeypatch.setattr(incremental, "load_tree", lambda *a, **k: full.append("full"))
    _edit_same_size(_reports(tree)[4])
    assert _warm(tree) == _cold(tree)
    assert not full


@pytest.mark.parametrize(
    "ids",
    [
        set(),
        {""},
        {"R-20260101-AAAA"},
        {"R-20260101-AAAA", "R-20260101-AAAAB", "", "with\nbreak", "\n"},
    ],
)
def test_a_folders_ids_kept_as_one_string_answer_exactly(ids: set[str]) -> None:
    names = cache.decode(cache.encode(incremental._Names.of(ids)), incremental._Names)
    assert set(names) == ids
    probes = {"R-20260101-AAA", "R-20260101-AAAAB", "AAAA", "R-20260101-AAAA\n", "with", "break"}
    for probe in ids | probes | {"", "\n", "with\nbreak"}:
        assert (probe in names) == (probe in ids), probe
    assert 7 not in names
    assert names.any_of(ids) == bool(ids)


def test_every_id_of_the_tree_is_asked_of_its_parts() -> None:
    kept = incremental._Names.of({"R-1", "R-2"})
    every = incremental._AllIds([frozenset({"R-3"}), kept])
    assert "R-1" in every and "R-3" in every and "R-4" not in every
    assert set(every) == {"R-1", "R-2", "R-3"} and len(every) == 3


def test_a_record_checked_again_meets_only_the_people_it_names(
    tree: Path, watched: Callable[[], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """org.yaml is validated for the people the edited record names alone, and the answer is
    still a cold run's: with another known reporter (nothing to say), and with an unknown one
    (said with the whole org, as a cold run says it)."""
    seen: list[int] = []
    real = incremental.result_of

    def counted(rel: str, *args: object) -> object:
        found = real(rel, *args)  # type: ignore[arg-type]
        if rel == "org.yaml":
            seen.append(len(getattr(found.record, "people", [])))
        return found

    monkeypatch.setattr(incremental, "result_of", counted)
    everybody = len(re.findall(r"^  - id: u\d{4}$", (tree / "org.yaml").read_text("utf-8"), re.M))
    clean = next(
        p
        for p in _reports(tree)
        if not any(x.path.endswith(p.name) for x in _warm(tree).findings)
        and re.search(r"^reporter: u\d{4}$", p.read_text("utf-8"), re.M)
    )
    text = clean.read_text(encoding="utf-8")
    own = re.search(r"^reporter: (u\d{4})$", text, re.M)
    assert own is not None
    other = "u0001" if own[1] != "u0001" else "u0002"
    clean.write_text(text.replace(f"reporter: {own[1]}", f"reporter: {other}"), encoding="utf-8")
    result = _same_as_cold_incrementally(tree, watched)
    assert not any(x.path.endswith(clean.name) for x in result.findings)
    assert seen and 0 < max(seen) < everybody
    _edit_same_size(clean)
    result = _same_as_cold_incrementally(tree, watched)
    assert any(x.path.endswith(clean.name) and x.code == "unknown-person" for x in result.findings)


def _mtime(root: Path, name: str) -> int:
    return (cache._folder(root) / name).stat().st_mtime_ns


def test_the_ids_are_written_again_only_when_an_id_changed(
    tree: Path, watched: Callable[[], list[str]]
) -> None:
    """Most of the index is the ids each folder claims and looks up: an edit that changes
    none (a note, a reporter) writes the small head and one shard, not them."""
    ids, head = _mtime(tree, incremental.IDS), _mtime(tree, incremental.INDEX)
    victim = _reports(tree)[4]
    _edit_same_size(victim)
    _same_as_cold_incrementally(tree, watched)
    assert _mtime(tree, incremental.IDS) == ids
    assert _mtime(tree, incremental.INDEX) != head
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace(f"id: {victim.stem}", "id: R-20200101-NEW1"), "utf-8")
    result = _same_as_cold_incrementally(tree, watched)
    assert any(x.path.endswith(victim.name) for x in result.findings)
    assert _mtime(tree, incremental.IDS) != ids


def test_ids_not_written_with_the_head_are_never_used(
    tree: Path, watched: Callable[[], list[str]]
) -> None:
    """A run that stops between writing the ids and the head (or another run meanwhile):
    the next run reads everything instead."""
    kept = cache.load_store(tree, incremental.IDS, incremental._IdsFile)
    assert kept is not None
    cache.save_store(tree, incremental.IDS, kept._replace(token="another run"))
    _edit_same_size(_reports(tree)[4])
    assert _warm(tree) == _cold(tree)
    assert watched() == ["full"]
