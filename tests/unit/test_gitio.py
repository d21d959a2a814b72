from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from barrier_cli.io.gitio import INDEX, CommitFailed, GitError, Repo, cat_blobs, commit_file, git


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


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    for args in (["init", "-q"], ["config", "user.name", "t"], ["config", "user.email", "t@t"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True)
    (repo / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    return repo


def test_commit_waits_for_the_index_lock_to_be_released(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    lock = repo / ".git" / "index.lock"
    lock.write_text("", encoding="utf-8")
    waits: list[float] = []

    def sleep(seconds: float) -> None:  # another git finishes while this one waits
        waits.append(seconds)
        if len(waits) == 3:
            lock.unlink()

    commit_file(repo, "a.yaml", "first", sleep=sleep)
    assert len(waits) == 3 and waits[0] < waits[2]  # backing off
    assert git(repo, "log", "--format=%s").decode() == "first\n"


def test_a_lock_never_released_keeps_the_file_and_says_how_to_commit(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / ".git" / "index.lock").write_text("", encoding="utf-8")
    with pytest.raises(CommitFailed) as failed:
        commit_file(repo, "a.yaml", "it's mine", attempts=4, sleep=lambda _: None)
    message = str(failed.value)
    assert "index.lock" in message and "stays" in message and "remove" not in message
    assert f"git -C {repo} add -- a.yaml && git -C {repo} commit -m 'it'\"'\"'s mine'" in message
    assert (repo / "a.yaml").exists()


def test_a_refusal_other_than_a_lock_is_not_retried(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    waits: list[float] = []
    with pytest.raises(CommitFailed, match="not committed"):
        commit_file(repo, "missing.yaml", "x", sleep=waits.append)
    assert waits == []
