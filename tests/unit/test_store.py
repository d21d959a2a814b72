"""store.write_document: the one atomic writer of documents (exports, notices, analyses)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from barrier_cli import store
from barrier_cli.errors import ConcurrentEdit, WriteFailed


def test_a_document_is_written_as_bytes_or_utf8_text_into_a_new_folder(tmp_path: Path) -> None:
    store.write_document(tmp_path / "a" / "b.parquet", b"\x00PAR1\xff")
    store.write_document(tmp_path / "notice.md", "通报\n")
    assert (tmp_path / "a" / "b.parquet").read_bytes() == b"\x00PAR1\xff"
    assert (tmp_path / "notice.md").read_bytes() == "通报\n".encode()


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
    folder = tmp_path / "is-a-directory"
    (folder / "inside").mkdir(parents=True)
    with pytest.raises(WriteFailed, match="is-a-directory: cannot write"):
        store.write_document(folder, "text")
    assert [p.name for p in folder.iterdir()] == ["inside"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["is-a-directory"]


def test_replace_still_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "R-1.yaml"
    path.write_text("id: R-1\n", encoding="utf-8")
    snapshot = store.Snapshot.read(path)
    path.write_text("id: R-1\nnotes: someone else\n", encoding="utf-8")
    with pytest.raises(ConcurrentEdit):
        store.replace(snapshot, "id: R-1\nnotes: mine\n")
    assert path.read_text(encoding="utf-8") == "id: R-1\nnotes: someone else\n"
    assert [p.name for p in tmp_path.iterdir()] == ["R-1.yaml"]
