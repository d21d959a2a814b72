"""The index that lets one record be added without reading the tree (issue 17, item 1)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from barrier_cli.checks.run import check_tree
from barrier_cli.core.errors import InvalidInput, RecordNotFound
from barrier_cli.core.findings import Severity
from barrier_cli.io import cache, index, loader
from barrier_cli.io.parallel import load_tree
from barrier_cli.write.edit import mark_done
from barrier_cli.write.entry import add as adding
from barrier_cli.write.entry.add import InvalidRecord, add_record
from barrier_cli.write.entry.review import review_pairing

DATA = Path(__file__).resolve().parents[1] / "data" / "entry" / "records"
REPORT = {
    "reporter": "zhang_san",
    "source": "on_site",
    "element": "equipment",
    "category": "hazard",
    "summary": "工具箱尖角划破工作服",
}
AN_HOUR = 3600 * 10**9


def _age(root: Path) -> None:
    """Every file and folder an hour old: stamps the index may trust (not racy)."""
    past = time.time_ns() - AN_HOUR
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            os.utime(Path(folder) / name, ns=(past, past))
    os.utime(root, ns=(past, past))


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The entry tree, its stamps an hour old, seen from ten seconds on: a change made now
    would otherwise be within the racy window (`cache.RACY_NS`), which lists every folder."""
    out = tmp_path / "records"
    shutil.copytree(DATA, out)
    _age(out)
    real = time.time_ns
    monkeypatch.setattr(index.time, "time_ns", lambda: real() + 10 * 10**9)
    return out


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every file of the tree whose bytes are read (through the one reader of record bytes)."""
    seen: list[str] = []
    original = loader.read_bytes

    def counting(path: Path) -> bytes:
        seen.append(Path(path).name)
        return original(path)

    monkeypatch.setattr(loader, "read_bytes", counting)
    yield seen


def _write_report(root: Path, folder: str, record_id: str, day: str) -> Path:
    path = root / folder / f"{record_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"id: {record_id}\ndate: {day}\nreporter: zhang_san\nsource: on_site\n"
        "element: equipment\ncategory: hazard\nsummary: 从别的克隆拉来的\n",
        encoding="utf-8",
    )
    return path


def _ids_of_tree(root: Path) -> set[str]:
    return {r.record_id for r in load_tree(root).files if r.record_id}


def test_the_index_holds_every_id_the_tree_holds(root: Path) -> None:
    basis = index.basis(root)
    assert basis.ids == _ids_of_tree(root)
    assert basis.org.people and basis.settings == load_tree(root).settings


def test_once_built_an_add_reads_no_record_of_the_tree(root: Path, reads: list[str]) -> None:
    index.basis(root)
    reads.clear()
    added = add_record(root=root, kind="report", flags=dict(REPORT))
    assert reads == []  # neither the records nor the context files
    assert added.id in index.basis(root).ids
    assert reads == []  # the writer noted its record: nothing to read back


def test_an_add_with_links_is_checked_against_the_ids(root: Path, reads: list[str]) -> None:
    index.basis(root)
    reads.clear()
    linked = add_record(root=root, kind="report", flags=REPORT | {"links": ["I-20261105-3A"]})
    with pytest.raises(InvalidRecord, match="没有记录“R-20261101-ZZZZ”"):
        add_record(root=root, kind="report", flags=REPORT | {"links": ["R-20261101-ZZZZ"]})
    assert reads == []
    assert [f for f in check_tree(root).findings if f.severity is Severity.ERROR] == []
    assert linked.id in _ids_of_tree(root)


def test_a_record_pulled_behind_its_back_is_known_before_an_id_is_drawn(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `git pull` brings a record whose id the next draw would give, filed a month off
    (misfiled, so no file name would clash): the add must draw again, not duplicate it."""
    index.basis(root)
    pulled = "R-20261124-PULL"
    _write_report(root, "reports/2026/10", pulled, "2026-11-24")
    draws = iter([pulled, "R-20261124-FREE"])
    monkeypatch.setattr(adding, "new_id", lambda kind, day: next(draws))
    added = add_record(root=root, kind="report", flags=dict(REPORT))
    assert added.id == "R-20261124-FREE"
    assert not [f for f in check_tree(root).findings if f.code == "duplicate-id"]


def test_a_file_added_in_a_trusted_folder_is_found_by_its_folders_stamp(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.basis(root)
    _age(root)
    index.basis(root)  # every stamp trusted now: nothing is listed again
    pulled = _write_report(root, "reports/2026/11", "R-20261124-NEW1", "2026-11-24")
    assert "R-20261124-NEW1" in index.basis(root).ids
    attempted: list[Path] = []
    original = adding.store.create

    def create(path: Path, text: str) -> None:
        attempted.append(path)
        original(path, text)

    monkeypatch.setattr(adding.store, "create", create)
    draws = iter(["R-20261124-NEW1", "R-20261124-NEW2"])
    monkeypatch.setattr(adding, "new_id", lambda kind, day: next(draws))
    added = add_record(root=root, kind="report", flags=dict(REPORT))
    assert added.id == "R-20261124-NEW2"
    assert pulled not in attempted  # refused by the index, not by the file system


def test_removed_and_renamed_files_leave_the_index(root: Path) -> None:
    index.basis(root)
    _age(root)
    index.basis(root)
    (root / "reports/2026/11/R-20261103-7K2Q.yaml").unlink()
    shutil.move(root / "pairings", root / "elsewhere")
    assert index.basis(root).ids == _ids_of_tree(root)


def test_org_edited_in_place_counts_at_once(root: Path) -> None:
    """org.yaml rewritten in place, its folder's stamp put back: the context is relisted."""
    index.basis(root)
    _age(root)
    index.basis(root)
    with pytest.raises(InvalidInput, match="li_new"):
        add_record(root=root, kind="report", flags=REPORT | {"reporter": "li_new"})
    org = root / "org.yaml"
    text = org.read_text(encoding="utf-8").replace(
        "people:\n", "people:\n  - id: li_new\n    name: 李新\n    unit: G11\n", 1
    )
    stat = root.stat()
    with org.open("r+", encoding="utf-8") as fh:
        fh.write(text)
        fh.truncate()
    os.utime(root, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    added = add_record(root=root, kind="report", flags=REPORT | {"reporter": "li_new"})
    assert added.id in _ids_of_tree(root)


def test_the_context_kept_in_the_index_is_the_context_of_the_files(
    root: Path, reads: list[str]
) -> None:
    """Dates come back as dates (their own encoding in the index), a standard as itself, and
    a context file that does not parse as no record, as the loader has it."""
    org = root / "org.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            "people:\n",
            "people:\n  - id: li_new\n    name: 李新\n    unit: G11\n"
            "    since: 2026-01-05\n    until: 2026-12-31\n",
            1,
        ),
        encoding="utf-8",
    )
    (root / "standards").mkdir()
    (root / "standards" / "member.yaml").write_text(
        (Path(__file__).resolve().parents[2] / "records" / "standards" / "member.yaml").read_text(
            encoding="utf-8"
        ),
        encoding="utf-8",
    )
    (root / "roster.yaml").write_text("people: [unclosed\n", encoding="utf-8")
    _age(root)
    tree = load_tree(root)
    index.basis(root)
    reads.clear()
    kept = index.basis(root)
    assert (kept.org, kept.settings, kept.standards) == (
        tree.org,
        tree.settings,
        tree.standards,
    )
    assert kept.org.people[0].since == dt.date(2026, 1, 5)
    assert [r.record for r in kept.context if r.rel == "roster.yaml"] == [None]
    assert reads == []


def test_a_damaged_index_is_rebuilt_once(root: Path, reads: list[str]) -> None:
    expected = _ids_of_tree(root)
    index.basis(root)
    store = cache._folder(root) / index.STORE
    store.write_bytes(b"\x93\x01garbage")
    for shard in (cache._folder(root) / "index-files").iterdir():
        shard.write_bytes(b"\xc1")
    reads.clear()
    assert index.basis(root).ids == expected
    assert len(reads) == 5  # every file of the tree, once
    reads.clear()
    assert index.basis(root).ids == expected
    assert reads == []


def test_the_index_lives_outside_the_tree(root: Path, tmp_path: Path) -> None:
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    index.basis(root)
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert (cache._folder(root) / index.STORE).is_file()
    assert root not in (cache._folder(root) / index.STORE).parents


def test_a_foreign_store_is_not_taken_for_the_index(root: Path, tmp_path: Path) -> None:
    """Another tree's index copied over this one's: the envelope names the tree, so it is
    a cold index, never another tree's ids."""
    other = tmp_path / "other"
    shutil.copytree(DATA, other)
    (other / "reports/2026/11/R-20261103-7K2Q.yaml").rename(
        other / "reports/2026/11/R-20261103-OTHR.yaml"
    )
    index.basis(other)
    shutil.copytree(cache._folder(other), cache._folder(root))
    assert index.basis(root).ids == _ids_of_tree(root)


def test_skipped_folders_are_the_loaders() -> None:
    assert index.SKIPPED_DIRS == loader.SKIPPED_DIRS


def test_reading_a_current_index_imports_no_yaml_reader(root: Path) -> None:
    """The first prompt of `report add` reads the index in the background; the YAML reader
    (ruamel, a tenth of a second) is left for the files that changed.

    The index is current only for the code that wrote it (`cache.code_fingerprint`). This
    process has known its code since its first test, the probe only from its start: with a
    fingerprint kept from earlier, a file of the package written meanwhile (an edit while the
    suite runs) made the probe rebuild the index and read every file, now and then."""
    cache._code_files.cache_clear()
    index.basis(root)
    add_record(root=root, kind="report", flags=dict(REPORT))
    probe = (
        "import sys, time; from pathlib import Path; from barrier_cli.io import cache, index; "
        "real = time.time_ns; index.time.time_ns = lambda: real() + 10 * 10**9; "  # as `root`
        f"b = index.basis(Path({str(root)!r})); b.org; b.settings; b.ids; "
        "print('ruamel.yaml' in sys.modules, cache.code_fingerprint())"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    imported, fingerprint = done.stdout.split(maxsplit=1)
    cache._code_files.cache_clear()
    if fingerprint.strip() != cache.code_fingerprint():
        pytest.skip("barrier's code changed while the test ran: no index was current")
    assert imported == "False"


def test_action_done_and_a_review_read_only_their_own_record(root: Path, reads: list[str]) -> None:
    index.basis(root)
    reads.clear()
    done = mark_done(root=root, ref="R-20261103-7K2Q/2", day=dt.date(2026, 11, 24))
    assert done.open_left == 1
    review_pairing(
        root=root,
        record_id="P-20260901-4B",
        flags={"date": "2026-11-20", "by": "wang_wu", "note": "复查"},
    )
    # the review reads its pairing twice (checked, then edited), and nothing else
    assert set(reads) == {"R-20261103-7K2Q.yaml", "P-20260901-4B.yaml"}
    with pytest.raises(RecordNotFound):
        mark_done(root=root, ref="R-20261103-ZZZZ/1")


def test_the_next_add_at_once_does_not_read_the_last_one_back(
    root: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two reports a second apart at the duty-room terminal: the first one's file is too new
    for its stamp to be trusted by itself, but its writer noted it."""
    index.basis(root)
    # the clock as it is from here on: the new file is within the racy window
    monkeypatch.setattr(index.time, "time_ns", lambda: time.clock_gettime_ns(time.CLOCK_REALTIME))
    reads.clear()
    first = add_record(root=root, kind="report", flags=dict(REPORT))
    second = add_record(root=root, kind="report", flags=dict(REPORT))
    assert reads == []
    assert {first.id, second.id} <= set(index.basis(root).ids)


def _report(**fields: object) -> object:
    from barrier_cli.checks.entry import build

    record, problems = build(
        "report", {"id": "R-20261124-NEW1", "date": dt.date(2026, 11, 24), **REPORT, **fields}
    )
    assert problems == []
    return record


def test_a_record_is_checked_against_the_people_it_names_only(root: Path) -> None:
    """org.yaml validated whole once, when indexed; an add validates the people it names."""
    from barrier_cli.checks.entry import basis_problems

    index.basis(root)
    kept = index.basis(root)
    assert basis_problems(kept, "report", _report(), dt.date(2026, 11, 24)) == []
    assert "org" not in kept.__dict__  # the whole org was not built
    assert kept.person("zhang_san") == index.basis(root).org_of({"zhang_san"}).people[0]


def test_a_problem_with_a_person_is_said_as_with_the_whole_org(root: Path) -> None:
    from barrier_cli.checks.entry import basis_problems

    index.basis(root)
    narrowed = basis_problems(
        index.basis(root), "report", _report(reporter="zhang_sna"), dt.date(2026, 11, 24)
    )
    whole = index.basis(root)
    whole.org  # noqa: B018
    assert narrowed == basis_problems(
        whole, "report", _report(reporter="zhang_sna"), dt.date(2026, 11, 24)
    )
    assert narrowed and "zhang_san" in (narrowed[0].hint or "")  # the did-you-mean


def test_a_broken_org_is_not_narrowed_into_a_valid_one(root: Path) -> None:
    """One bad person makes org.yaml invalid as a whole, as `check` has it: then nobody is
    known, however valid the named person's own entry."""
    org = root / "org.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            "people:\n", "people:\n  - id: bad one\n    name: 坏\n    unit: G11\n", 1
        ),
        encoding="utf-8",
    )
    _age(root)
    assert load_tree(root).org.people == []
    with pytest.raises(InvalidInput, match="zhang_san"):
        add_record(root=root, kind="report", flags=dict(REPORT))
    flags = {k: v for k, v in REPORT.items() if k != "reporter"}
    with pytest.raises(InvalidRecord, match="zhang_san"):  # --from: refused by the check
        add_record(root=root, kind="report", flags=flags, data={"reporter": "zhang_san"})
    from barrier_cli.checks.entry import basis_problems

    found = basis_problems(index.basis(root), "report", _report(), dt.date(2026, 11, 24))
    assert [p.code for p in found] == ["unknown-person"]
