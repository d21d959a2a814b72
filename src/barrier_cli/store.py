"""Writing records so that nothing is ever lost.

Every write goes to a temporary file in the destination folder, is flushed to disk, and then
appears under its name in one step: ``os.link`` for a new record (which fails rather than
overwrite), ``os.replace`` for an edit (after checking that nobody changed the file since it
was read). A crash or Ctrl-C at any point leaves the old file or the new one, never half.
Documents made from the records (exports, notices, analyses) go the same way through
``write_document``, text or bytes, replacing their older version.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from barrier_cli.errors import ConcurrentEdit, RecordExists, UnsafePath, WriteFailed

# Crockford's base32 without I, L, O, U: readable when copied by hand from a terminal.
ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def random_suffix(length: int) -> str:
    """A suffix that two clones writing in the same second will not share (32**length ways)."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(length))


def inside(root: Path, rel: str | Path) -> Path:
    """``root / rel``, refusing anything that would leave the tree (``..``, absolute, links)."""
    candidate = Path(rel)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise UnsafePath(f"{rel}: a path inside the records tree was expected")
    full = root / candidate
    real_root = root.resolve()
    real = full.resolve()
    if real != real_root and real_root not in real.parents:
        raise UnsafePath(f"{rel}: leads outside the records tree")
    return full


def refuse_record_path(root: Path, out: Path) -> None:
    """Refuse a document's ``--out`` that is a YAML file inside the tree: it would overwrite
    a record, or be read back as one. Anywhere else is the user's choice."""
    from barrier_cli.kinds import YAML_SUFFIXES

    if out.name.endswith(YAML_SUFFIXES) and root.resolve() in out.resolve().parents:
        raise UnsafePath(f"{out}: inside the records tree a YAML file would be read as a record")


def _write_temp(folder: Path, content: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=".barrier-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_anonymous(folder: Path, content: bytes) -> int | None:
    """The text in a file without a name yet (Linux O_TMPFILE): its descriptor.

    A process killed before the file is linked leaves nothing behind, not even a temporary
    file. None where the system or file system cannot; the caller then uses a named temp.
    """
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return None
    try:
        fd = os.open(folder, flag | os.O_WRONLY, 0o644)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb", closefd=False) as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.close(fd)
        raise
    return fd


def _link_anonymous(fd: int, path: Path) -> None:
    """Give the O_TMPFILE file ``fd`` its name; linkat must follow the /proc link to it."""
    proc = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(str(fd), path, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _pause_for_crash_test() -> None:
    """``$BARRIER_TEST_PAUSE_BEFORE_LINK`` seconds between writing and naming a new file, so
    a test can kill the process exactly there (tests/acceptance/test_add_report.py)."""
    pause = os.environ.get("BARRIER_TEST_PAUSE_BEFORE_LINK")
    if pause:
        import time

        os.write(2, b"barrier: paused before link\n")
        time.sleep(float(pause))


def create(path: Path, text: str) -> None:
    """Write a new file atomically; raise RecordExists if ``path`` already exists."""
    fd: int | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        content = text.encode("utf-8")
        fd = _write_anonymous(path.parent, content)
        temp = None if fd is not None else _write_temp(path.parent, content)
    except OSError as e:
        raise WriteFailed(f"{path}: cannot write ({e.strerror}); nothing was changed") from e
    _pause_for_crash_test()
    try:
        if temp is not None:
            os.link(temp, path)
        elif fd is not None:
            _link_anonymous(fd, path)
    except FileExistsError as e:
        raise RecordExists(f"{path} already exists; nothing was overwritten") from e
    except OSError as e:
        raise WriteFailed(f"{path}: cannot write ({e.strerror}); nothing was changed") from e
    finally:
        with contextlib.suppress(OSError):
            if fd is not None:
                os.close(fd)
            elif temp is not None:
                os.unlink(temp)
    _fsync_dir(path.parent)


@dataclass(frozen=True)
class Snapshot:
    """What a file held when it was read, to detect a change made by someone else since."""

    path: Path
    content: bytes

    @classmethod
    def read(cls, path: Path) -> Snapshot:
        try:
            return cls(path, path.read_bytes())
        except OSError as e:
            raise WriteFailed(f"{path}: cannot read ({e.strerror})") from e


def replace(snapshot: Snapshot, text: str) -> None:
    """Replace the file read as ``snapshot`` with ``text``, unless it changed meanwhile."""
    path = snapshot.path

    def unchanged() -> None:
        if path.read_bytes() != snapshot.content:
            raise ConcurrentEdit(f"{path} changed on disk since it was read; nothing was written")

    _swap_in(path, text.encode("utf-8"), before=unchanged)


def write_document(path: Path, content: str | bytes) -> None:
    """Write a document (an export, a rendered notice or analysis; never a record) in one step,
    replacing an older version of it, inside the tree or anywhere else the user names.

    Readers see the old file or the new one, never half. Callers that write inside the tree
    refuse record paths first (``refuse_record_path``): a record is only ever written through
    ``create`` or ``replace``.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteFailed(f"{path}: cannot write ({_reason(e)}); the file is unchanged") from e
    _swap_in(path, data, before=lambda: None)


def _swap_in(path: Path, content: bytes, *, before: Callable[[], None]) -> None:
    """Put ``content`` at ``path`` through a synced temp file and ``os.replace``.

    ``before`` runs just before the swap and may refuse it. The file keeps the permissions
    of the one it replaces; a new file gets those ``open`` would give it.
    """
    try:
        temp = _write_temp(path.parent, content)
    except OSError as e:
        raise WriteFailed(f"{path}: cannot write ({_reason(e)}); the file is unchanged") from e
    try:
        before()
        with contextlib.suppress(OSError):
            os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except OSError as e:
        raise WriteFailed(f"{path}: cannot write ({_reason(e)}); the file is unchanged") from e
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    _fsync_dir(path.parent)


def _mode_for(path: Path) -> int:
    """The permission bits of ``path``, or for a new file 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(e: OSError) -> str:
    """The cause of a failed write in a few words; both ways a tree can refuse a write say so."""
    return "read-only" if e.errno in (errno.EROFS, errno.EACCES) else str(e.strerror)
