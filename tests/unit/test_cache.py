"""The cache never gives a different answer than a cold run, and an unchanged tree is not read."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from array import array
from pathlib import Path
from typing import Any

import msgspec
import pytest
from bigtree import generate

from barrier_cli.checks import cached, incremental
from barrier_cli.checks.run import check_tree
from barrier_cli.core.findings import CheckResult
from barrier_cli.core.kinds import YAML_SUFFIXES
from barrier_cli.io import cache
from barrier_cli.io.loader import parse_file, read_file
from barrier_cli.io.parallel import read_tree
from cli_helpers import barrier


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A generated tree of 120 reports, with every kind and a few flawed records."""
    root = tmp_path / "records"
    return generate(root, reports=120, seed=3, defects=0.05)


def _cold(root: Path) -> CheckResult:
    return check_tree(root, cache=False)


def _warm(root: Path) -> CheckResult:
    return cached.check(root, use_cache=True)


def _reports(root: Path) -> list[Path]:
    return sorted((root / "reports").rglob("*.yaml"))


def test_warm_equals_cold_through_changes_adds_deletes_and_renames(tree: Path) -> None:
    first = _warm(tree)
    assert first == _cold(tree)
    assert first.errors > 0, "the generated tree should carry a few flawed records"
    assert _warm(tree) == first

    victim, other = _reports(tree)[:2]
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace("element: ", "element: equipmnet\n#", 1), encoding="utf-8")
    changed = _warm(tree)
    assert changed == _cold(tree)
    assert any(x.path.endswith(victim.name) and x.code == "choice" for x in changed.findings)

    added = other.with_name("R-20260101-ZZZZ.yaml")
    added.write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    assert _warm(tree) == _cold(tree)
    assert any(x.code == "id-mismatch" for x in _warm(tree).findings)

    other.unlink()
    assert _warm(tree) == _cold(tree)

    renamed = tree / "reports" / "2026" / "01" / victim.name
    renamed.parent.mkdir(parents=True, exist_ok=True)
    victim.rename(renamed)
    assert _warm(tree) == _cold(tree)

    org = tree / "org.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("u0005", "u9995"), encoding="utf-8")
    after_org = _warm(tree)
    assert after_org == _cold(tree)
    assert any(x.code == "unknown-person" for x in after_org.findings)

    shutil.rmtree(tree / "pairings")
    assert _warm(tree) == _cold(tree)


def test_warm_equals_cold_for_a_path_selection(tree: Path) -> None:
    folder = tree / "reports"
    assert cached.check(tree, paths=[folder]) == check_tree(tree, paths=[folder])
    assert cached.check(tree, paths=[folder]) != cached.check(tree)


def test_an_unchanged_tree_is_answered_without_checking(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _warm(tree)

    def no_check(root: Path, **options: object) -> CheckResult:
        raise AssertionError("the memo should have answered")

    monkeypatch.setattr(incremental, "check_changes", no_check)
    assert _warm(tree) == expected


def test_a_new_day_or_new_code_checks_again(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _warm(tree)
    calls: list[object] = []
    real = incremental.check_changes

    def counted(root: Path, **options: Any) -> CheckResult:
        calls.append(options)
        return real(root, **options)

    monkeypatch.setattr(incremental, "check_changes", counted)
    monkeypatch.setenv("BARRIER_TODAY", "2026-11-25")
    _warm(tree)
    assert len(calls) == 1
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another version")
    _warm(tree)
    assert len(calls) == 2


def test_only_changed_files_are_read_again(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = read_tree(tree, cache=True, jobs=1)
    read: list[str] = []

    def counting(root: Path, rel: str) -> object:
        read.append(rel)
        return parse_file(root, rel)

    monkeypatch.setattr("barrier_cli.io.parallel.parse_file", counting)
    assert read_tree(tree, cache=True, jobs=1) == cold
    assert read == []
    victim = _reports(tree)[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "notes: 复查\n", encoding="utf-8")
    warm = read_tree(tree, cache=True, jobs=1)
    assert read == [victim.relative_to(tree).as_posix()]
    assert warm == read_tree(tree, cache=False, jobs=1)


def test_a_racy_file_is_checked_by_content(tree: Path) -> None:
    """Same size, same stamp, different bytes: only the content hash can tell."""
    victim = _reports(tree)[0]
    rel = victim.relative_to(tree).as_posix()
    store = cache.FileCache(tree)
    now = cache.stamp(victim)
    store.put(rel, now, store.racy_digest(rel, now), _packed(tree, rel))
    assert store.get(rel, now) is not None
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace("reporter: u", "reporter: v", 1), encoding="utf-8")
    assert victim.stat().st_size == now[0]
    assert store.get(rel, now) is None


def _packed(root: Path, rel: str) -> cache.Packed | None:
    return cache.pack_read(*parse_file(root, rel)[1:])


def test_cached_results_round_trip_exactly(tree: Path) -> None:
    results = read_tree(tree, cache=False, jobs=1)
    assert any(r.parse_problem is not None and r.parse_problem.hint for r in results)
    assert any(r.partial is not None for r in results)
    for result in results:
        packed = _packed(tree, result.rel)
        assert packed is not None
        kept = cache.decode(cache.encode(packed), cache.Packed)
        assert cache.unpack_read(result.rel, kept) == result


def test_what_the_format_cannot_hold_exactly_is_not_kept() -> None:
    for value in [float("nan"), 2**70, {1: "a"}, {"\x00date": "x"}, b"bytes", {"a": {1, 2}}]:
        with pytest.raises(cache.Uncacheable):
            cache.pack(value)
    data = {"d": dt.date(2026, 1, 2), "t": dt.datetime(2026, 1, 2, 3, 4), "x": [1, 2.5, None]}
    assert cache.unpack(cache.decode(cache.encode(cache.pack(data)), object)) == data


def test_a_tree_that_cannot_hold_a_cache_is_still_checked(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(blocker))
    assert _warm(tree) == _cold(tree)
    assert _warm(tree) == _cold(tree)


def test_scan_sees_every_suffix_the_loader_reads() -> None:
    assert cache.YAML_SUFFIXES == YAML_SUFFIXES


def test_a_relinked_file_is_a_change(tree: Path) -> None:
    if not hasattr(os, "symlink"):
        pytest.skip("no symbolic links here")
    first, second = _reports(tree)[:2]
    link = first.with_name("R-20200101-LINK.yaml")
    link.symlink_to(first.name)
    assert _warm(tree) == _cold(tree)
    link.unlink()
    link.symlink_to(second.name)
    assert _warm(tree) == _cold(tree)


def test_a_memoised_document_is_recomputed_when_a_template_changes(tree: Path) -> None:
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        return f"document {len(calls)}"

    key = ("analysis", "2026-10")
    assert cache.memoised(tree, "analysis", key, compute, str) == "document 1"
    assert cache.memoised(tree, "analysis", key, compute, str) == "document 1"
    assert cache.memoised(tree, "analysis", ("analysis", "2026-09"), compute, str) == "document 2"
    override = tree / "templates" / "zh" / "analysis.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text("{{ title }}\n", encoding="utf-8")
    assert cache.memoised(tree, "analysis", key, compute, str) == "document 3"
    assert len(calls) == 3


def test_a_memo_keyed_on_an_earlier_scan_never_answers_a_later_state(tree: Path) -> None:
    """`memoised` keys on the scan it is given, taken before computing: an edit made after
    the scan is the next call's change, never taken for the state the memo was keyed on."""
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        return f"answer {len(calls)}"

    key: tuple[object, ...] = ("check", "2026-11-20", [])
    scanned = cache.scan_tree(tree)
    victim = _reports(tree)[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "notes: 复查\n", encoding="utf-8")
    assert cache.memoised(tree, "memo-test", key, compute, str, scanned=scanned) == "answer 1"
    assert cache.memoised(tree, "memo-test", key, compute, str) == "answer 2"
    assert cache.memoised(tree, "memo-test", key, compute, str) == "answer 2"


def test_the_memo_keeps_one_answer_per_options(tree: Path) -> None:
    """Each edit makes the last answer for the same options one no later tree can ask for;
    kept, they made every check that missed rewrite eight whole results."""
    key: tuple[object, ...] = ("check", "2026-11-20", [])
    other: tuple[object, ...] = ("check", "2026-11-21", [])
    victim = _reports(tree)[0]
    for n in range(3):
        victim.write_text(victim.read_text(encoding="utf-8") + f"# {n}\n", encoding="utf-8")
        assert cache.memoised(tree, "memo-test", key, f"state {n}".__str__, str) == f"state {n}"
        assert cache.memoised(tree, "memo-test", other, lambda: "other", str) == "other"
        memo = cache._read(tree, "memo-test", cache.Memo)
        assert memo is not None and len(memo) == 2
    assert cache.memoised(tree, "memo-test", key, lambda: "recomputed", str) == "state 2"


def _scan_by_path(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, cache.Folder]:
    with monkeypatch.context() as patched:
        patched.setattr(cache, "_BY_FD", False)
        return cache.tree_folders(root)


def test_listing_through_a_descriptor_sees_what_listing_by_path_sees(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if hasattr(os, "symlink"):
        first = _reports(tree)[0]
        first.with_name("R-20200101-LINK.yaml").symlink_to(first.name)
    (tree / "reports" / "stray.yaml.orig").write_text("id: x\n", encoding="utf-8")
    by_fd, by_path = cache.tree_folders(tree), _scan_by_path(tree, monkeypatch)
    assert by_fd.keys() == by_path.keys()
    for name, folder in by_fd.items():
        other = by_path[name]
        assert (folder.digest, folder.files, folder.newest_ns) == (
            other.digest,
            other.files,
            other.newest_ns,
        )
    every = {rel for folder in by_fd.values() for rel in folder.files}
    assert not any(folder.extra.get(name.rstrip("/") or ".") for name, folder in by_fd.items())
    assert {
        "reports/stray.yaml.orig",
        *(p.relative_to(tree).as_posix() for p in _reports(tree)),
    } <= every


def test_a_records_folder_reached_through_a_link_and_a_folder_named_like_a_record(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(os, "symlink"):
        pytest.skip("no symbolic links here")
    odd = tree / "reports" / "odd.yaml"
    odd.mkdir()
    shutil.copy(_reports(tree)[0], odd / "R-20200101-ODD1.yaml")
    link = tmp_path / "linked"
    link.symlink_to(tree, target_is_directory=True)
    scanned = cache.tree_folders(link)
    assert "reports/odd.yaml/" in scanned
    assert "reports/odd.yaml/R-20200101-ODD1.yaml" in scanned["reports/odd.yaml/"].files
    assert not any(st[4] for folder in scanned.values() for st in folder.extra.values())
    assert {n: f.digest for n, f in scanned.items()} == {
        n: f.digest for n, f in _scan_by_path(link, monkeypatch).items()
    }


def test_a_folder_digest_changes_with_any_stamp_and_any_name() -> None:
    stamps = [10, 1_000, 7, 1_000, 20, 2_000, 8, 2_000]
    base = cache.Folder("reports/", ["a.yaml", "b.yaml"], array("q", stamps))
    assert base.files == {
        "reports/a.yaml": (10, 1_000, 7, 1_000, ""),
        "reports/b.yaml": (20, 2_000, 8, 2_000, ""),
    }
    assert base.newest_ns == 2_000
    digests = {base.digest}
    for n in range(len(stamps)):
        changed = stamps.copy()
        changed[n] += 1
        digests.add(cache.Folder("reports/", ["a.yaml", "b.yaml"], array("q", changed)).digest)
    for names in (["a.yaml", "c.yaml"], ["b.yaml", "a.yaml"], ["a.yaml\x00b.yaml", ""]):
        digests.add(cache.Folder("reports/", names, array("q", stamps)).digest)
    link = {"reports/c.yaml": (1, 1, 1, 1, "a.yaml")}
    digests.add(cache.Folder("reports/", ["a.yaml", "b.yaml"], array("q", stamps), link).digest)
    # numbers no machine integer holds are digested as text, still exactly
    huge = [*stamps[:2], 2**64 - 1, *stamps[3:]]
    digests.add(cache.Folder("reports/", ["a.yaml", "b.yaml"], huge).digest)
    assert len(digests) == 1 + len(stamps) + 3 + 1 + 1


def test_editing_one_record_rewrites_only_its_folder_shard(tree: Path) -> None:
    read_tree(tree, cache=True, jobs=1)
    shards = {p: p.stat().st_mtime_ns for p in (cache._folder(tree) / "files").iterdir()}
    victim = _reports(tree)[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "notes: 复查\n", encoding="utf-8")
    read_tree(tree, cache=True, jobs=1)
    rewritten = [p for p, ns in shards.items() if p.stat().st_mtime_ns != ns]
    assert len(shards) > 5
    assert len(rewritten) == 1


# -- the incremental check: only what a change can affect is checked again ------------------


def _same_as_cold(root: Path) -> CheckResult:
    warm = _warm(root)
    assert warm == _cold(root)
    return warm


def _codes_of(result: CheckResult, path: Path, root: Path) -> set[str]:
    rel = path.relative_to(root).as_posix()
    return {x.code for x in result.findings if x.path == rel}


def _with_links(path: Path, *ids: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"links: [{', '.join(ids)}]\n", encoding="utf-8")


def _copy_as(source: Path, target: Path, new_id: str) -> None:
    """``source`` as a record of its own, with a new id (and file name)."""
    old_id = source.stem
    target.write_text(source.read_text(encoding="utf-8").replace(old_id, new_id), encoding="utf-8")


def test_one_touched_file_is_the_only_one_read(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _warm(tree)
    read: list[str] = []

    def counting(root: Path, rel: str) -> object:
        read.append(rel)
        return read_file(root, rel)

    def parsing(root: Path, rel: str) -> object:
        read.append(rel)
        return parse_file(root, rel)

    monkeypatch.setattr(incremental, "read_file", counting)
    monkeypatch.setattr("barrier_cli.io.parallel.parse_file", parsing)
    victim = _reports(tree)[5]
    victim.write_text(victim.read_text(encoding="utf-8") + "notes: 复查\n", encoding="utf-8")
    assert _same_as_cold(tree) is not None
    assert read[0] == victim.relative_to(tree).as_posix()
    assert len(read) == 1 + len(read[1:])  # the cold run of _same_as_cold reads the rest
    assert read.count(read[0]) == 2


def test_a_broken_reference_in_an_edited_record(tree: Path) -> None:
    _warm(tree)
    victim = _reports(tree)[3]
    _with_links(victim, "R-20990101-NONE")
    assert "unknown-ref" in _codes_of(_same_as_cold(tree), victim, tree)


def test_an_added_record_that_duplicates_an_id_marks_the_untouched_one_too(tree: Path) -> None:
    _warm(tree)
    original = _reports(tree)[7]
    twin = original.with_name("R-00000000-AAAA.yaml")  # sorts first: the original is the copy
    twin.write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    result = _same_as_cold(tree)
    assert "duplicate-id" in _codes_of(result, original, tree)
    twin.unlink()
    assert "duplicate-id" not in _codes_of(_same_as_cold(tree), original, tree)


def test_adding_the_record_a_link_names_clears_the_dangling_link(tree: Path) -> None:
    _warm(tree)
    linking, model = _reports(tree)[10:12]
    new_id = model.stem[:-4] + "NEW1"
    _with_links(linking, new_id)
    assert "unknown-ref" in _codes_of(_same_as_cold(tree), linking, tree)
    _copy_as(model, model.with_name(f"{new_id}.yaml"), new_id)
    assert "unknown-ref" not in _codes_of(_same_as_cold(tree), linking, tree)


def test_removing_a_linked_record_makes_the_link_unknown(tree: Path) -> None:
    flawed = {x.path for x in _warm(tree).findings}
    linking, linked = [p for p in _reports(tree) if p.relative_to(tree).as_posix() not in flawed][
        :2
    ]
    _with_links(linking, linked.stem)
    assert "unknown-ref" not in _codes_of(_same_as_cold(tree), linking, tree)
    linked.unlink()
    assert "unknown-ref" in _codes_of(_same_as_cold(tree), linking, tree)


def test_a_person_removed_from_org_is_unknown_in_an_untouched_record(tree: Path) -> None:
    _warm(tree)
    victim = _reports(tree)[15]
    reporter = re.search(r"^reporter: (\S+)$", victim.read_text(encoding="utf-8"), re.M)
    assert reporter is not None
    org = tree / "org.yaml"
    text = org.read_text(encoding="utf-8")
    block = re.compile(rf"^  - id: {reporter[1]}\n(?:    .*\n)*", re.M)
    assert block.search(text)
    org.write_text(block.sub("", text), encoding="utf-8")
    assert "unknown-person" in _codes_of(_same_as_cold(tree), victim, tree)


# -- where the cache lives, and what a damaged one does --------------------------------------


def _files_below(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_cache_outside_tree_by_default(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cache.ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    before = _files_below(tree)
    _warm(tree)
    read_tree(tree, cache=True, jobs=1)
    assert _files_below(tree) == before
    kept = tmp_path / "xdg" / "barrier" / cache._folder(tree).name
    assert {"check", "check-index", "check-shards", "files"} <= _files_below(kept)


def test_cache_dir_override(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_dir, option_dir = tmp_path / "from-env", tmp_path / "from-option"
    monkeypatch.setenv(cache.ENV, str(env_dir))
    barrier(tree, "check")
    assert (env_dir / cache._folder(tree).name / "check").is_file()
    barrier(tree, "--cache-dir", str(option_dir), "check")
    assert (option_dir / cache._folder(tree).name / "check").is_file()
    # the option holds for its own run only
    assert cache.base_dir() == env_dir
    other = tmp_path / "other" / "records"
    shutil.copytree(tree, other)
    assert cache._folder(other) != cache._folder(tree)


def _stores(root: Path) -> list[Path]:
    return [p for p in cache._folder(root).rglob("*") if p.is_file()]


def _envelope(path: Path) -> Any:
    return cache.decode(path.read_bytes(), cache._Envelope)


def _damage_truncated(path: Path, root: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _damage_garbage(path: Path, root: Path) -> None:
    path.write_bytes(b"\x80\x05garbage that is neither msgpack nor pickle")


def _damage_version(path: Path, root: Path) -> None:
    old = _envelope(path)
    path.write_bytes(cache.encode(cache._Envelope(0, old.code, old.tree, old.name, old.body)))


def _damage_tree(path: Path, root: Path) -> None:
    old = _envelope(path)
    path.write_bytes(cache.encode(cache._Envelope(1, old.code, "/elsewhere", old.name, old.body)))


def _damage_types(path: Path, root: Path) -> None:
    """A well-formed envelope around a body of the wrong shape, for every store."""
    old = _envelope(path)
    body = msgspec.Raw(cache.encode({"x": [1, "two", {"three": b"\x00"}]}))
    path.write_bytes(cache.encode(cache._Envelope(1, old.code, old.tree, old.name, body)))


def _damage_values(path: Path, root: Path) -> None:
    """Right shape, wrong values inside: a file read whose YAML data holds bytes and bad
    dates (only the file shards hold data of no fixed type)."""
    old = _envelope(path)
    if not old.name.startswith("files/"):
        return _damage_types(path, root)
    shard = cache.decode(old.body, cache.Shard)
    bad = [{"date": {"\x00date": "2026-13-45"}}, {"id": b"\xff"}, [{1: 2}], {"\x00x": 1}]
    forged = {
        rel: entry._replace(read=cache.Packed(bad[n % len(bad)], None))
        for n, (rel, entry) in enumerate(shard.items())
    }
    body = msgspec.Raw(cache.encode(forged))
    path.write_bytes(cache.encode(cache._Envelope(1, old.code, old.tree, old.name, body)))
    return None


DAMAGE = [
    _damage_truncated,
    _damage_garbage,
    _damage_version,
    _damage_tree,
    _damage_types,
    _damage_values,
]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda d: d.__name__.removeprefix("_damage_"))
def test_corrupt_cache_is_cold(tree: Path, damage: Any) -> None:
    expected = _cold(tree)
    assert _warm(tree) == expected
    read_tree(tree, cache=True, jobs=1)
    stores = _stores(tree)
    assert {"check", "check-index"} <= {p.name for p in stores}
    assert len(stores) > 5
    for path in stores:
        damage(path, tree)
    assert _warm(tree) == expected
    assert read_tree(tree, cache=True, jobs=1) == read_tree(tree, cache=False, jobs=1)
    assert _warm(tree) == expected


def test_a_foreign_trees_cache_is_not_used(tree: Path, tmp_path: Path) -> None:
    _warm(tree)
    other = tmp_path / "other" / "records"
    shutil.copytree(tree, other)
    shutil.copytree(cache._folder(tree), cache._folder(other))
    assert cache._read(other, "check", cache.Memo) is None
    assert cache._read(tree, "check", cache.Memo) is not None


@pytest.mark.parametrize("xdg", [None, "", "  ", "/somewhere/cache"])
def test_the_default_folder_is_platformdirs_own(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_cache_dir

    monkeypatch.delenv(cache.ENV)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME")
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache.base_dir() == Path(user_cache_dir("barrier", appauthor=False))


def test_a_name_gone_or_turned_into_a_folder_between_listing_and_stat(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan lists a folder by name and stats its records in one go; a name that is gone
    by then, or a folder, a link or a pipe named like a record, sends that folder through
    the one-by-one path, which sees what listing by path sees."""
    first = _reports(tree)[0]
    folder = first.parent
    (folder / "R-20200101-DIR1.yaml").mkdir()
    shutil.copy(first, folder / "R-20200101-DIR1.yaml" / "R-20200101-DIR2.yaml")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "R-20200101-FIFO.yaml")
    expected = _scan_by_path(tree, monkeypatch)

    def digests(scanned: dict[str, cache.Folder]) -> dict[str, tuple[bytes, dict[str, Any]]]:
        return {n: (f.digest, f.files) for n, f in scanned.items()}

    scanned = cache.tree_folders(tree)
    assert digests(scanned) == digests(expected)
    listdir = os.listdir

    def with_a_ghost(fd: Any) -> list[str]:
        return [*listdir(fd), "R-20200101-GONE.yaml"]

    monkeypatch.setattr(os, "listdir", with_a_ghost)
    haunted = cache.tree_folders(tree)
    monkeypatch.undo()
    assert digests(haunted) == digests(expected)
    rel = folder.relative_to(tree).as_posix() + "/"
    assert f"{rel}R-20200101-DIR1.yaml/" in scanned
    assert not any("GONE" in name for f in scanned.values() for name in f.files)
    assert f"{rel}R-20200101-DIR1.yaml" not in scanned[rel].files
