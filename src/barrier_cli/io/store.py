"""Writing records so that nothing is ever lost.

Every write goes to a temporary file in the destination folder, is flushed to disk, and then
appears under its name in one step: ``os.link`` for a new record (which fails rather than
overwrite), ``os.replace`` for an edit (after checking that nobody changed the file since it
was read). A crash or Ctrl-C at any point leaves the old file or the new one, never half.
Documents made from the records (exports, notices, analyses) go the same way through
``write_document``, text or bytes, replacing their older version, and only ever onto a plain
file or a free name in an existing folder: never through a link, onto a device, a pipe or a
socket.

An edit holds the record's lock (``flock`` on the file itself) from reading it to renaming
the new text over it (``editing``), so two writers of this tool take turns instead of one
dropping the other's change; ``replace`` takes the same lock for its compare-and-swap when
its caller did not hold it from the read.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from barrier_cli.core import i18n
from barrier_cli.core.errors import (
    ConcurrentEdit,
    RecordExists,
    UnsafePath,
    WriteFailed,
    os_reason,
)
from barrier_cli.core.ids import random_suffix


def inside(root: Path, rel: str | Path) -> Path:
    """``root / rel``, refusing anything that would leave the tree (``..``, absolute, links)."""
    candidate = Path(rel)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise UnsafePath(
            i18n._("{rel}: a path inside the records tree was expected").format(rel=rel)
        )
    full = root / candidate
    real_root = root.resolve()
    real = full.resolve()
    if real != real_root and real_root not in real.parents:
        raise UnsafePath(i18n._("{rel}: leads outside the records tree").format(rel=rel))
    return full


def refuse_record_path(root: Path, out: Path) -> None:
    """Refuse a document's ``--out`` that is a YAML file inside the tree: it would overwrite
    a record, or be read back as one. Anywhere else is the user's choice."""
    from barrier_cli.core.kinds import YAML_SUFFIXES

    if out.name.endswith(YAML_SUFFIXES) and root.resolve() in out.resolve().parents:
        raise UnsafePath(
            i18n._("{out}: inside the records tree a YAML file would be read as a record").format(
                out=out
            )
        )


def _write_temp(folder: Path, content: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=".barrier-", suffix=".part", dir=folder)
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


_SWEPT: set[str] = set()
STALE_PART = 3600
"""Seconds after which a ``.barrier-*.part`` file (the named temp where O_TMPFILE is missing,
unlocked in its first instant) is taken for a killed writer's and removed."""


def _sweep(folder: Path) -> None:
    """Remove what a writer killed in the instant between naming its temporary file and
    renaming it left in ``folder``; once per folder and process.

    A ``.barrier-*.tmp`` is locked by its writer from before it has a name until after the
    rename, so one whose lock is free belongs to nobody.
    """
    key = os.path.abspath(folder)
    if key in _SWEPT:
        return
    _SWEPT.add(key)
    try:
        found = [e for e in os.scandir(folder) if e.name.startswith(".barrier-")]
    except OSError:
        return
    now = time.time()
    for entry in found:
        if entry.name.endswith(".tmp"):
            _remove_unlocked(Path(entry.path))
        elif entry.name.endswith(".part"):
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_PART:
                    _remove_unlocked(Path(entry.path))


def _remove_unlocked(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held, named = os.fstat(fd), os.stat(path, follow_symlinks=False)
        if stat.S_ISREG(held.st_mode) and (held.st_dev, held.st_ino) == (
            named.st_dev,
            named.st_ino,
        ):
            os.unlink(path)
    except OSError:
        pass  # in use by its writer, or already renamed away
    finally:
        os.close(fd)


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
        os.write(2, b"barrier: paused before link\n")
        time.sleep(float(pause))


def create(path: Path, text: str | bytes) -> None:
    """Write a new file atomically; raise RecordExists if ``path`` already exists."""
    fd: int | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _sweep(path.parent)
        content = text.encode("utf-8") if isinstance(text, str) else text
        fd = _write_anonymous(path.parent, content)
        temp = None if fd is not None else _write_temp(path.parent, content)
    except OSError as e:
        raise WriteFailed(
            i18n._("{path}: cannot write ({reason}); nothing was changed").format(
                path=path, reason=_reason(e)
            )
        ) from e
    _pause_for_crash_test()
    try:
        if temp is not None:
            os.link(temp, path)
        elif fd is not None:
            _link_anonymous(fd, path)
    except FileExistsError as e:
        raise RecordExists(
            i18n._("{path} already exists; nothing was overwritten").format(path=path)
        ) from e
    except OSError as e:
        raise WriteFailed(
            i18n._("{path}: cannot write ({reason}); nothing was changed").format(
                path=path, reason=_reason(e)
            )
        ) from e
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
            raise WriteFailed(
                i18n._("{path}: cannot read ({reason})").format(path=path, reason=os_reason(e))
            ) from e


_HELD: set[tuple[int, str]] = set()
"""(thread, record) of the locks held by ``editing`` in this process, so ``replace`` does not
wait on its own lock: a second ``flock`` through a new descriptor would block against it."""


def _held_key(path: Path) -> tuple[int, str]:
    return threading.get_ident(), os.path.abspath(path)


_LOCK_TRIES = 1000


def _lock(path: Path) -> int:
    """A descriptor of ``path`` holding its exclusive lock, once ``path`` still names it.

    Whoever held the lock before may have renamed a new file over ``path`` meanwhile; the
    lock on the old, unnamed file then guards nothing, so the new one is opened and locked.
    """
    for _ in range(_LOCK_TRIES):
        try:
            flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
            fd = os.open(path, flags)
        except OSError as e:
            if e.errno == errno.ELOOP:
                raise UnsafePath(
                    i18n._("{path}: is a symbolic link; it is never edited").format(path=path)
                ) from e
            raise WriteFailed(
                i18n._("{path}: cannot read ({reason})").format(path=path, reason=os_reason(e))
            ) from e
        try:
            held = os.fstat(fd)
            if not stat.S_ISREG(held.st_mode):
                raise UnsafePath(
                    i18n._("{path}: is not a plain file; it is never edited").format(path=path)
                )
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                named = os.stat(path, follow_symlinks=False)
            except FileNotFoundError:
                named = None
        except BaseException:
            os.close(fd)
            raise
        if named is not None and (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino):
            return fd
        os.close(fd)
        if named is None:
            raise ConcurrentEdit(
                i18n._("{path} was removed while waiting to edit it; nothing was written").format(
                    path=path
                )
            )
    raise ConcurrentEdit(
        i18n._("{path} keeps being replaced by others; nothing was written").format(path=path)
    )


@contextlib.contextmanager
def editing(path: Path) -> Iterator[Snapshot]:
    """Read ``path`` holding its lock until the block ends: a ``replace`` of the snapshot in
    the block cannot be overtaken by another writer of this tool between read and rename."""
    key = _held_key(path)
    if key in _HELD:
        raise ConcurrentEdit(
            i18n._("{path} is already being edited by this process").format(path=path)
        )
    fd = _lock(path)
    try:
        with open(fd, "rb", closefd=False) as fh:
            content = fh.read()
    except OSError as e:
        os.close(fd)
        raise WriteFailed(
            i18n._("{path}: cannot read ({reason})").format(path=path, reason=os_reason(e))
        ) from e
    _HELD.add(key)
    try:
        yield Snapshot(path, content)
    finally:
        _HELD.discard(key)
        os.close(fd)


def _pause_before_replace() -> None:
    """``$BARRIER_TEST_PAUSE_BEFORE_REPLACE`` seconds between reading a record and renaming
    its new text over it, holding the lock, so a test can run another writer in that gap
    (tests/acceptance/test_faults.py)."""
    pause = os.environ.get("BARRIER_TEST_PAUSE_BEFORE_REPLACE")
    if pause:
        os.write(2, b"barrier: paused before replace\n")
        time.sleep(float(pause))


def replace(snapshot: Snapshot, text: str) -> None:
    """Replace the file read as ``snapshot`` with ``text``, unless it changed meanwhile.

    Inside ``editing`` the lock is already held; otherwise it is taken here, so the
    comparison and the rename are one step for every other writer of this tool.
    """
    path = snapshot.path

    def unchanged() -> None:
        if path.read_bytes() != snapshot.content:
            raise ConcurrentEdit(
                i18n._("{path} changed on disk since it was read; nothing was written").format(
                    path=path
                )
            )

    fd = None if _held_key(path) in _HELD else _lock(path)
    try:
        _pause_before_replace()
        _swap_in(path, text.encode("utf-8"), before=unchanged)
    finally:
        if fd is not None:
            os.close(fd)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s exclusive lock (made if missing) for the block: writers of one
    register (the notice numbers of a year) take turns, and a killed one frees it at once."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as e:
        raise WriteFailed(
            i18n._("{folder}: cannot write ({reason}); nothing was changed").format(
                folder=folder, reason=_reason(e)
            )
        ) from e
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


_NOT_PLAIN = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)


def check_document_target(path: Path) -> None:
    """Refuse a document's ``--out`` unless it is a plain file or a new name in an existing
    folder: a write must never replace a device node, a pipe, a socket or a link (nor write
    through one), and a mistyped folder is not silently made."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as e:
        raise WriteFailed(
            i18n._("{path}: cannot write ({reason}); nothing was written").format(
                path=path, reason=_reason(e)
            )
        ) from e
    if found is not None:
        if stat.S_ISLNK(found.st_mode):
            raise UnsafePath(
                i18n._("{path}: is a symbolic link; --out writes plain files only").format(
                    path=path
                )
            )
        for test, what in _NOT_PLAIN:
            if test(found.st_mode):
                raise UnsafePath(
                    i18n._("{path}: is {what}; --out writes plain files only").format(
                        path=path, what=i18n._(what)
                    )
                )
    if not path.parent.is_dir():
        raise WriteFailed(
            i18n._("{path}: the folder {folder} does not exist; nothing was written").format(
                path=path, folder=path.parent
            )
        )


def document_folder(folder: Path) -> None:
    """Make ``folder`` for documents (``--out DIR``) if missing, but not its parents, and
    refuse one that is a link or not a folder: the files written into it must land there."""
    try:
        found = os.lstat(folder)
    except FileNotFoundError:
        found = None
    except OSError as e:
        raise WriteFailed(
            i18n._("{folder}: cannot write ({reason}); nothing was written").format(
                folder=folder, reason=_reason(e)
            )
        ) from e
    if found is not None and stat.S_ISLNK(found.st_mode):
        raise UnsafePath(
            i18n._("{folder}: is a symbolic link; --out writes into a plain folder only").format(
                folder=folder
            )
        )
    if found is not None and not stat.S_ISDIR(found.st_mode):
        raise UnsafePath(
            i18n._("{folder}: is not a folder; nothing was written").format(folder=folder)
        )
    if found is None:
        if not folder.parent.is_dir():
            raise WriteFailed(
                i18n._("{folder}: the folder {parent} does not exist; nothing was written").format(
                    folder=folder, parent=folder.parent
                )
            )
        try:
            folder.mkdir()
        except FileExistsError:
            document_folder(folder)
        except OSError as e:
            raise WriteFailed(
                i18n._("{folder}: cannot create the folder ({reason})").format(
                    folder=folder, reason=_reason(e)
                )
            ) from e


def write_document(path: Path, content: str | bytes) -> None:
    """Write a document (an export, a rendered notice or analysis; never a record) in one step,
    replacing an older version of it, inside the tree or anywhere else the user names.

    Readers see the old file or the new one, never half. Callers that write inside the tree
    refuse record paths first (``refuse_record_path``): a record is only ever written through
    ``create`` or ``replace``. Only a plain file or a new name is written
    (``check_document_target``).
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    check_document_target(path)
    _swap_in(path, data, before=lambda: None)


def _swap_in(path: Path, content: bytes, *, before: Callable[[], None]) -> None:
    """Put ``content`` at ``path`` through a synced temp file and ``os.replace``.

    ``before`` runs just before the swap and may refuse it. The file keeps the permissions
    of the one it replaces; a new file gets those ``open`` would give it. The text is
    written and synced without a name (O_TMPFILE where there is one) and named only for the
    rename, so a kill leaves a temporary file behind only in that instant, never a half one,
    and the next write in the folder removes it (``_sweep``).
    """
    fd: int | None = None
    temp: Path | None = None
    _sweep(path.parent)
    try:
        fd = _write_anonymous(path.parent, content)
        if fd is not None:
            # held until after the rename: a sweeper in another process leaves it alone
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:
            temp = _write_temp(path.parent, content)
    except OSError as e:
        raise WriteFailed(
            i18n._("{path}: cannot write ({reason}); the file is unchanged").format(
                path=path, reason=_reason(e)
            )
        ) from e
    try:
        before()
        if fd is not None:
            with contextlib.suppress(OSError):
                os.fchmod(fd, _mode_for(path))
            temp = _link_temp(fd, path.parent)
        else:
            assert temp is not None
            with contextlib.suppress(OSError):
                os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except OSError as e:
        raise WriteFailed(
            i18n._("{path}: cannot write ({reason}); the file is unchanged").format(
                path=path, reason=_reason(e)
            )
        ) from e
    finally:
        if fd is not None:
            os.close(fd)
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    _fsync_dir(path.parent)


def _link_temp(fd: int, folder: Path) -> Path:
    """A fresh hidden name in ``folder`` for the unnamed file ``fd``, to rename from."""
    while True:
        temp = folder / f".barrier-{random_suffix(12)}.tmp"
        try:
            _link_anonymous(fd, temp)
        except FileExistsError:
            continue
        return temp


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
    return i18n._("read-only") if e.errno in (errno.EROFS, errno.EACCES) else os_reason(e)
