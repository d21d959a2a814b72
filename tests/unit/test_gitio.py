from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from barrier_cli.gitio import INDEX, GitError, Repo, cat_blobs


def sh(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    sh(tmp_path, "init", "-q")
    sh(tmp_path, "config", "user.email", "t@example.com")
    sh(tmp_path, "config", "user.name", "t")
    (tmp_path / "records" / "reports").mkdir(parents=True)
    (tmp_path / "README.md").write_text("outside the tree\n")
    return tmp_path


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_repo_of_a_subfolder_knows_its_prefix(repo: Path) -> None:
    r = Repo.of(repo / "records")
    assert r.top == repo.resolve() and r.prefix == "records"
    assert r.to_root("records/a.yaml") == "a.yaml" and r.to_root("README.md") is None


def test_before_the_first_commit_everything_staged_counts(repo: Path) -> None:
    write(repo / "records" / "barrier.yaml", "lang: zh\n")
    sh(repo, "add", ".")
    r = Repo.of(repo / "records")
    assert not r.has_commits()
    assert r.staged() == ["barrier.yaml"]


def test_index_content_not_the_working_file(repo: Path) -> None:
    records = repo / "records"
    write(records / "reports" / "备注.yaml", "v: 1\n")
    sh(repo, "add", ".")
    sh(repo, "commit", "-qm", "one")
    write(records / "reports" / "备注.yaml", "v: 2\n")
    sh(repo, "add", ".")
    write(records / "reports" / "备注.yaml", "v: 3 unstaged\n")
    r = Repo.of(records)
    assert r.staged() == ["reports/备注.yaml"]
    assert r.files(INDEX)["reports/备注.yaml"] == b"v: 2\n"
    assert r.files("HEAD")["reports/备注.yaml"] == b"v: 1\n"
    assert "README.md" not in r.files("HEAD")


def test_changed_since_includes_untracked_and_deleted(repo: Path) -> None:
    records = repo / "records"
    write(records / "a.yaml", "a: 1\n")
    write(records / "b.yaml", "b: 1\n")
    sh(repo, "add", ".")
    sh(repo, "commit", "-qm", "one")
    (records / "a.yaml").unlink()
    write(records / "new.yaml", "n: 1\n")
    write(repo / "elsewhere.yaml", "x: 1\n")
    assert Repo.of(records).changed_since("HEAD") == ["a.yaml", "new.yaml"]


def test_unknown_revision_is_a_user_error(repo: Path) -> None:
    write(repo / "records" / "a.yaml", "a: 1\n")
    sh(repo, "add", ".")
    sh(repo, "commit", "-qm", "one")
    with pytest.raises(GitError, match="'nope' is not a commit"):
        Repo.of(repo / "records").files("nope")


def test_not_a_repository(tmp_path: Path) -> None:
    with pytest.raises(GitError):
        Repo.of(tmp_path)


def test_cat_blobs_reads_binary_content_exactly(repo: Path) -> None:
    data = b"\x00\n\xff binary\n\n"
    (repo / "blob").write_bytes(data)
    sha = sh(repo, "hash-object", "-w", "blob").strip()
    assert cat_blobs(repo, [sha, sha]) == {sha: data}
