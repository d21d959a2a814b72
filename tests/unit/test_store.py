"""store: the one atomic writer of documents (exports, notices, analyses), only ever onto a
plain file, and the record lock that keeps two writers of one record from losing an update."""

from __future__ import annotations

import fcntl
import os
import socket
import stat
import threading
import time
from pathlib import Path

import pytest

from barrier_cli.core.errors import ConcurrentEdit, UnsafePath, WriteFailed
from barrier_cli.io import store
from cli_helpers import device_node


def test_a_document_is_written_as_bytes_or_utf8_text(tmp_path: Path) -> None:
    store.write_document(tmp_path / "b.parquet", b"\x00PAR1\xff")
    store.write_document(tmp_path / "notice.md", "通报\n")
    assert (tmp_path / "b.parquet").read_bytes() == b"\x00PAR1\xff"
    assert (tmp_path / "notice.md").read_bytes() == "通报\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.parquet", "notice.md"]


def test_out_into_a_missing_folder_is_an_error_and_makes_no_folder(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed, match=r"the folder .*/nonexistent/dir does not exist"):
        store.write_document(tmp_path / "nonexistent" / "dir" / "x.md", "text")
    assert list(tmp_path.iterdir()) == []


def test_out_onto_a_named_pipe_is_refused_without_waiting_for_a_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "notice.md"
    os.mkfifo(fifo)
    with pytest.raises(UnsafePath, match=r"notice\.md: is a named pipe"):
        store.write_document(fifo, "text")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["notice.md"]


def test_out_onto_a_symlink_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "bashrc"
    target.write_text("alias ls='ls --color'\n", encoding="utf-8")
    link = tmp_path / "notice.md"
    link.symlink_to(target)
    with pytest.raises(UnsafePath, match=r"notice\.md: is a symbolic link"):
        store.write_document(link, "text")
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("alias")
    dangling = tmp_path / "analysis.md"
    dangling.symlink_to(tmp_path / "elsewhere.md")
    with pytest.raises(UnsafePath, match=r"analysis\.md: is a symbolic link"):
        store.write_document(dangling, "text")
    assert not (tmp_path / "elsewhere.md").exists()


@pytest.mark.parametrize("name", ["null", "full"])
def test_out_onto_a_device_is_refused_and_the_node_stays(tmp_path: Path, name: str) -> None:
    device = device_node(tmp_path, name)
    before = os.lstat(device)
    with pytest.raises(UnsafePath, match=f"{device}: is a device"):
        store.write_document(device, "text")
    after = os.lstat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_out_onto_a_socket_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a socket's path must be short; tmp_path may not be
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind("notice.md")
        with pytest.raises(UnsafePath, match=r"notice\.md: is a socket"):
            store.write_document(Path("notice.md"), "text")
        assert stat.S_ISSOCK(os.lstat("notice.md").st_mode)


def test_out_onto_a_folder_is_refused_and_it_keeps_what_it_holds(tmp_path: Path) -> None:
    folder = tmp_path / "is-a-directory"
    (folder / "inside").mkdir(parents=True)
    with pytest.raises(UnsafePath, match="is-a-directory: is a folder"):
        store.write_document(folder, "text")
    assert [p.name for p in folder.iterdir()] == ["inside"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["is-a-directory"]


def test_a_document_folder_is_made_one_level_deep_never_through_a_link(tmp_path: Path) -> None:
    store.document_folder(tmp_path / "export")
    assert (tmp_path / "export").is_dir()
    store.document_folder(tmp_path / "export")  # already there: fine
    with pytest.raises(WriteFailed, match="does not exist"):
        store.document_folder(tmp_path / "missing" / "export")
    assert not (tmp_path / "missing").exists()
    (tmp_path / "outside").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "outside")
    with pytest.raises(UnsafePath, match="linked: is a symbolic link"):
        store.document_folder(tmp_path / "linked")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(UnsafePath, match="file: is not a folder"):
        store.document_folder(tmp_path / "file")


def test_an_older_version_is_replaced_keeping_its_permissions_and_no_temp_is_left(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notice.html"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    store.write_document(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["notice.html"]


def test_a_new_document_gets_the_permissions_open_would_give(tmp_path: Path) -> None:
    umask = os.umask(0o027)
    try:
        store.write_document(tmp_path / "barrier.xlsx", b"x")
    finally:
        os.umask(umask)
    assert (tmp_path / "barrier.xlsx").stat().st_mode & 0o777 == 0o640


def test_a_document_that_cannot_be_written_is_a_user_error_and_nothing_changes(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "notice.md").write_text("old", encoding="utf-8")
    with pytest.raises(WriteFailed, match=r"notice\.md: cannot write"):
        store._swap_in(folder / "notice.md", b"new", before=_refuse)
    assert [p.name for p in folder.iterdir()] == ["notice.md"]
    assert (folder / "notice.md").read_text(encoding="utf-8") == "old"


def _refuse() -> None:
    raise PermissionError(13, "Permission denied")


def test_replace_still_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "R-1.yaml"
    path.write_text("id: R-1\n", encoding="utf-8")
    snapshot = store.Snapshot.read(path)
    path.write_text("id: R-1\nnotes: someone else\n", encoding="utf-8")
    with pytest.raises(ConcurrentEdit):
        store.replace(snapshot, "id: R-1\nnotes: mine\n")
    assert path.read_text(encoding="utf-8") == "id: R-1\nnotes: someone else\n"
    assert [p.name for p in tmp_path.iterdir()] == ["R-1.yaml"]


def _wait_for_a_blocked_lock(path: Path) -> None:
    """Return once some process or thread waits for the flock of ``path`` (/proc/locks marks
    a waiter with ``->``), or fail: a writer that does not wait has no lock to wait for."""
    inode = f":{os.stat(path).st_ino} "
    for _ in range(2000):
        locks = Path("/proc/locks").read_text(encoding="utf-8").splitlines()
        if any("->" in line and "FLOCK" in line and inode in line for line in locks):
            return
        time.sleep(0.005)
    raise AssertionError(f"nobody waited for the lock of {path}")


def test_a_second_writer_waits_for_the_first_and_edits_what_it_wrote(tmp_path: Path) -> None:
    """The second one's lock is granted on the file the first renamed away; it must notice
    and read the new file, or it would edit (and write back) the old text."""
    path = tmp_path / "R-1.yaml"
    path.write_text("id: R-1\n", encoding="utf-8")
    first_read = threading.Event()
    go_on = threading.Event()
    seen: list[bytes] = []

    def first() -> None:
        with store.editing(path) as snapshot:
            first_read.set()
            go_on.wait(30)
            store.replace(snapshot, snapshot.content.decode() + "tags: [first]\n")

    def second() -> None:
        with store.editing(path) as snapshot:
            seen.append(snapshot.content)
            store.replace(snapshot, snapshot.content.decode() + "notes: second\n")

    one = threading.Thread(target=first)
    one.start()
    assert first_read.wait(30)
    two = threading.Thread(target=second)
    two.start()
    try:
        _wait_for_a_blocked_lock(path)
    finally:
        go_on.set()
        one.join(30)
        two.join(30)
    assert seen == [b"id: R-1\ntags: [first]\n"]
    assert path.read_text(encoding="utf-8") == "id: R-1\ntags: [first]\nnotes: second\n"
    assert [p.name for p in tmp_path.iterdir()] == ["R-1.yaml"]


def test_a_plain_replace_waits_for_an_edit_in_progress_then_refuses_its_stale_text(
    tmp_path: Path,
) -> None:
    """``Snapshot.read`` + ``replace`` without ``editing`` is safe too: its compare-and-swap
    waits for the lock, so it sees the other edit and refuses instead of overwriting it."""
    path = tmp_path / "R-1.yaml"
    path.write_text("id: R-1\n", encoding="utf-8")
    stale = store.Snapshot.read(path)
    holding = threading.Event()
    go_on = threading.Event()
    outcome: list[BaseException | None] = []

    def editor() -> None:
        with store.editing(path) as snapshot:
            holding.set()
            go_on.wait(30)
            store.replace(snapshot, "id: R-1\ntags: [editor]\n")

    def plain() -> None:
        try:
            store.replace(stale, "id: R-1\nnotes: stale\n")
            outcome.append(None)
        except ConcurrentEdit as e:
            outcome.append(e)

    one = threading.Thread(target=editor)
    one.start()
    assert holding.wait(30)
    two = threading.Thread(target=plain)
    two.start()
    try:
        _wait_for_a_blocked_lock(path)
    finally:
        go_on.set()
        one.join(30)
        two.join(30)
    assert isinstance(outcome[0], ConcurrentEdit)
    assert path.read_text(encoding="utf-8") == "id: R-1\ntags: [editor]\n"


def test_a_symlinked_or_special_record_is_never_edited(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.yaml").write_text("id: R-1\n", encoding="utf-8")
    (tmp_path / "R-1.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    with pytest.raises(UnsafePath, match="symbolic link"), store.editing(tmp_path / "R-1.yaml"):
        pass
    os.mkfifo(tmp_path / "R-2.yaml")
    with pytest.raises(UnsafePath, match="not a plain file"), store.editing(tmp_path / "R-2.yaml"):
        pass


def test_a_temporary_file_left_by_a_killed_writer_is_removed_by_the_next_write(
    tmp_path: Path,
) -> None:
    """Only one nobody holds: a live writer's temp (locked) and a young fallback temp stay."""
    left = tmp_path / ".barrier-KILLEDWRITER.tmp"
    left.write_text("whole but orphaned", encoding="utf-8")
    busy = tmp_path / ".barrier-STILLWRITING.tmp"
    busy.write_text("in use", encoding="utf-8")
    young = tmp_path / ".barrier-young.part"
    young.write_text("just made", encoding="utf-8")
    old = tmp_path / ".barrier-old.part"
    old.write_text("long dead", encoding="utf-8")
    an_hour_ago = time.time() - store.STALE_PART - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    holder = os.open(busy, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        store.write_document(tmp_path / "notice.md", "text")
    finally:
        os.close(holder)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".barrier-STILLWRITING.tmp",
        ".barrier-young.part",
        "notice.md",
    ]
