"""What git holds: the staged files, the files changed since a revision, and file contents.

Everything goes through the `git` command (plumbing, ``-z`` output, paths relative to the
repository), so it behaves exactly as the user's git does: hooks, worktrees, sparse
checkouts. Contents are read in one ``git cat-file --batch`` process, not one per file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import shlex
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from barrier_cli.core import i18n
from barrier_cli.core.errors import UserError

INDEX = ":index"
"""Stands for the staging area where a revision is expected."""


class GitError(UserError):
    """git is missing, the folder is not a repository, or a revision does not exist."""

    def __init__(self, message: str, said: str = "") -> None:
        super().__init__(message)
        self.said = said
        """git's own first line, in git's words: what the retries match on."""


_GIT_SAYS = (
    ("not a git repository", "{repo} is not in a git repository"),
    ("did not match any file", "git {command}: the path is not in the repository"),
    ("index.lock", "git {command}: another git process holds the index (index.lock)"),
    ("please tell me who you are", "git {command}: set git's user.name and user.email first"),
    ("empty ident", "git {command}: set git's user.name and user.email first"),
    ("nothing to commit", "git {command}: nothing to commit"),
)
"""git's common refusals, said in the run's language; any other is quoted as git says it."""


def _git_failed(repo: Path, command: str, said: str) -> GitError:
    lowered = said.lower()
    for pattern, message in _GIT_SAYS:
        if pattern in lowered:
            return GitError(i18n._(message).format(repo=repo, command=command), said)
    if not said:
        return GitError(i18n._("git {command} failed").format(command=command), said)
    return GitError(i18n._("git {command}: {said}").format(command=command, said=said), said)


def git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run ``git -C repo args`` and return its output; GitError with git's own message."""
    command = ["git", "-C", str(repo), "-c", "core.quotepath=off", *args]
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, check=False)
    except FileNotFoundError as e:
        raise GitError(i18n._("git is not installed or not on PATH")) from e
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _git_failed(repo, args[0], message[0] if message else "")
    return done.stdout


@dataclass(frozen=True)
class Repo:
    """A git work tree and where the records tree sits in it."""

    top: Path
    prefix: str
    """The records tree relative to ``top`` ('' when it is the top itself), posix."""

    @classmethod
    def of(cls, root: Path) -> Repo:
        out = git(root, "rev-parse", "--show-toplevel").decode("utf-8").strip()
        top = Path(out).resolve()
        rel = root.resolve().relative_to(top).as_posix()
        return cls(top, "" if rel == "." else rel)

    def to_root(self, path: str) -> str | None:
        """A repository path as a path relative to the records tree, or None if outside it."""
        if not self.prefix:
            return path
        head = self.prefix + "/"
        return path[len(head) :] if path.startswith(head) else None

    def _scope(self) -> list[str]:
        return ["--", self.prefix] if self.prefix else []

    def _rels(self, raw: bytes) -> list[str]:
        names = [p.decode("utf-8", "surrogateescape") for p in raw.split(b"\0") if p]
        return [rel for rel in map(self.to_root, names) if rel is not None]

    def has_commits(self) -> bool:
        try:
            git(self.top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        except GitError:
            return False
        return True

    def commit(self, rev: str) -> str:
        """The commit ``rev`` names, or GitError saying it does not exist."""
        try:
            out = git(
                self.top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"
            )
        except GitError as e:
            raise GitError(
                i18n._("'{rev}' is not a commit in {top}").format(rev=rev, top=self.top)
            ) from e
        return out.decode().strip()

    def staged(self, rev: str = "HEAD") -> list[str]:
        """Paths whose staged content differs from ``rev`` (added, changed, deleted).

        Before the first commit every staged file counts.
        """
        if rev == "HEAD" and not self.has_commits():
            return self._rels(git(self.top, "ls-files", "-z", *self._scope()))
        commit = self.commit(rev)
        out = git(
            self.top,
            "diff",
            "--cached",
            "--name-only",
            "--no-renames",
            "-z",
            commit,
            *self._scope(),
        )
        return self._rels(out)

    def changed_since(self, rev: str) -> list[str]:
        """Paths that differ between ``rev`` and the working tree, untracked files included."""
        commit = self.commit(rev)
        tracked = git(self.top, "diff", "--name-only", "--no-renames", "-z", commit, *self._scope())
        untracked = git(
            self.top, "ls-files", "-z", "--others", "--exclude-standard", *self._scope()
        )
        return sorted(set(self._rels(tracked)) | set(self._rels(untracked)))

    def unstaged(self) -> list[str]:
        """Paths whose working file differs from the index (edited, or deleted, since staged)."""
        return self._rels(
            git(self.top, "diff", "--name-only", "--no-renames", "-z", *self._scope())
        )

    def untracked(self) -> list[str]:
        """Working files git does not hold in the index, ignored ones included."""
        return self._rels(git(self.top, "ls-files", "-z", "--others", *self._scope()))

    def files(self, rev: str, only: set[str] | None = None) -> dict[str, bytes]:
        """Every file of the records tree (or those in ``only``) as ``rev`` or INDEX holds it."""
        if rev == INDEX:
            listing = git(self.top, "ls-files", "-z", "--stage", *self._scope())
            entries = _entries(listing, stage_field=True)
        else:
            listing = git(
                self.top, "ls-tree", "-r", "-z", "--full-tree", self.commit(rev), *self._scope()
            )
            entries = _entries(listing, stage_field=False)
        wanted = {
            rel: sha
            for path, sha in entries
            if (rel := self.to_root(path)) is not None and (only is None or rel in only)
        }
        blobs = cat_blobs(self.top, wanted.values())
        return {rel: blobs[sha] for rel, sha in wanted.items()}


def _entries(listing: bytes, *, stage_field: bool) -> list[tuple[str, str]]:
    """(path, blob sha) from ``ls-files --stage -z`` or ``ls-tree -r -z`` output.

    Submodules and, in the index, unmerged entries (stages 1-3) are left out: a conflicted
    file is not content anyone meant to commit.
    """
    out: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        fields = meta.split()
        if stage_field:
            mode, sha, stage = fields[0], fields[1], fields[2]
            if stage != b"0":
                continue
        else:
            mode, kind, sha = fields[0], fields[1], fields[2]
            if kind != b"blob":
                continue
        if mode.startswith(b"160"):
            continue
        out.append((path.decode("utf-8", "surrogateescape"), sha.decode()))
    return out


def cat_blobs(repo: Path, shas: Iterable[str]) -> dict[str, bytes]:
    """The contents of blobs by sha, read through one ``git cat-file --batch``."""
    unique = list(dict.fromkeys(shas))
    if not unique:
        return {}
    out = git(repo, "cat-file", "--batch", stdin="".join(s + "\n" for s in unique).encode())
    blobs: dict[str, bytes] = {}
    pos = 0
    for sha in unique:
        header_end = out.index(b"\n", pos)
        header = out[pos:header_end].split()
        if len(header) < 3 or header[1] == b"missing":
            raise GitError(i18n._("cat-file: object {sha} is missing").format(sha=sha))
        size = int(header[2])
        start = header_end + 1
        blobs[sha] = out[start : start + size]
        pos = start + size + 1
    return blobs


class CommitFailed(UserError):
    """The record was written but git would not commit it; it stays, and how to commit is said."""


LOCKED = ("index.lock", "cannot lock ref", "unable to lock", "could not lock")
"""What git says when another git process holds the index or a ref: worth waiting for."""
LOST_ADD = "did not match"
"""The commit finds no such path: another git rewrote the index from a copy read before our
``git add``; adding again and committing is worth it (an add saying so is a missing file)."""
COMMIT_ATTEMPTS = 30
FIRST_WAIT = 0.02
LONGEST_WAIT = 0.5


def commit_file(
    root: Path,
    rel: str,
    message: str,
    *,
    attempts: int = COMMIT_ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """``git add`` and ``git commit`` just ``rel`` (relative to ``root``), leaving anything
    else staged alone.

    Twenty terminals committing at once take turns on a lock of their own in the git
    directory; git run by anyone else meanwhile may still hold the index, so an add and
    commit refused for a lock is done again after a growing, jittered wait (at most
    ``attempts`` times, a few seconds in all). Any other refusal, or the lock still held,
    raises CommitFailed naming the commands that commit the file: it is a valid record and
    stays where it is.
    """
    with _turn(root):
        wait = FIRST_WAIT
        for attempt in range(1, attempts + 1):
            added = False
            try:
                git(root, "add", "--", rel)
                added = True
                git(root, "commit", "-q", "-m", message, "--", rel)
                return
            except GitError as e:
                said = e.said or str(e)
                again = any(m in said.lower() for m in LOCKED) or (added and LOST_ADD in said)
                if attempt == attempts or not again:
                    where, path = shlex.quote(str(root)), shlex.quote(rel)
                    raise CommitFailed(
                        i18n._(
                            "{rel} was written but not committed ({reason}); the record is valid"
                            " and stays: commit it with  {commands}"
                        ).format(
                            rel=rel,
                            reason=e,
                            commands=f"git -C {where} add -- {path} &&"
                            f" git -C {where} commit -m {shlex.quote(message)} -- {path}",
                        )
                    ) from None
                sleep(wait * random.uniform(0.5, 1.5))
                wait = min(wait * 2, LONGEST_WAIT)


@contextlib.contextmanager
def _turn(root: Path) -> Iterator[None]:
    """Barrier's own commits in one repository, one at a time (``git commit -- path`` reads
    the index before it locks it, so two at once can drop the other's ``git add``)."""
    try:
        common = Path(git(root, "rev-parse", "--git-common-dir").decode().strip())
    except GitError:
        yield  # not a repository: the add says so
        return
    fd = os.open((root / common) / "barrier-commit.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # each holder runs at most its bounded attempts
        yield
    finally:
        os.close(fd)
