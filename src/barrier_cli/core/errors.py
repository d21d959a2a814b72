"""One error hierarchy; the CLI entry point maps it to exit codes (SPEC §3)."""

from __future__ import annotations

import errno

from barrier_cli.core import i18n


class BarrierError(Exception):
    """Base of every error barrier raises on purpose."""

    exit_code = 3
    quiet = False
    """Said as it is, without 'barrier: error:' (a person stopping on purpose is no error)."""


class UserError(BarrierError):
    """Something the user can fix: one clear line, exit 1, no traceback."""

    exit_code = 1


class RecordsNotFound(UserError):
    """No records tree could be found."""


class RecordNotFound(UserError):
    """An id names no record in the tree."""


class RecordExists(UserError):
    """A new record would overwrite an existing file."""


class ConcurrentEdit(UserError):
    """The file changed on disk since it was read."""


class UnsafePath(UserError):
    """A path would leave the records tree."""


class InvalidInput(UserError):
    """A value given on the command line or at a prompt is not valid."""


class WriteFailed(UserError):
    """The file system refused a write (disk full, read-only); nothing was changed."""


# msgids as the C library words them, so English output is what the system says
_OS_REASONS = {
    errno.ENOENT: "No such file or directory",
    errno.EACCES: "Permission denied",
    errno.EPERM: "Operation not permitted",
    errno.ENOSPC: "No space left on device",
    errno.EDQUOT: "Disk quota exceeded",
    errno.EROFS: "Read-only file system",
    errno.EISDIR: "Is a directory",
    errno.ENOTDIR: "Not a directory",
}


def os_reason(e: OSError) -> str:
    """Why the system refused, in the run's language: the common causes said in its words,
    any other as the system says it."""
    said = _OS_REASONS.get(e.errno or 0)
    return i18n._(said) if said is not None else str(e.strerror or e)
