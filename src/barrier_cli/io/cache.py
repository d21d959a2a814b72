"""Remember what reading and checking a tree found, so unchanged files are never read twice.

The cache of a tree lives outside it, in the user's cache folder (or ``--cache-dir`` /
``$BARRIER_CACHE_DIR``), in a folder named by a hash of the tree's real path. Nothing in
the records tree is ever loaded as a cache: a tree is untrusted input (anyone with commit
access wrote it), and a ``.barrier-cache/`` or ``*.pickle`` found in it is a finding. The
stores are data only (see "the format" below):

* ``files/``: every file's read (its parsed YAML, or why it does not parse), keyed by the
  file's identity — size, mtime, inode and ctime, like git's index — and validated again
  when used. A file whose mtime falls within ``RACY_NS`` of the moment it was cached could
  change again without its stamp changing, so its content hash is kept too and checked.
* ``check``, ``analysis``: the results of the last few `barrier check` and
  `barrier analyze` runs (`memoised`), keyed by the identity of every file of the tree and
  of its templates, today's date and the options. A check of an unchanged tree is then a
  directory walk and one small read, and imports no models at all.
* ``check-index``, ``check-shards/``: each folder's digest and findings and each file's
  findings from the last check and what they rest on, so that after a change only the
  files it can affect are checked again (`checks.incremental`).

All are invalidated wholesale by any change to barrier's own code (its version or any of
its source files) or to the libraries whose behaviour decides a result. The answer is
always the one a cold run gives: a test changes, adds, deletes and renames files and
compares. A rule that reads anything besides the tree's files and today (git, say) must not
run on the memoised path, or must add what it reads to the memo's key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import math
import os
import stat
import sys
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from itertools import chain
from operator import attrgetter
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import msgspec

import barrier_cli
from barrier_cli import __version__
from barrier_cli.core import findings as fc
from barrier_cli.core import i18n
from barrier_cli.core.findings import CheckResult, Finding
from barrier_cli.core.tree_root import is_stray

if TYPE_CHECKING:
    from barrier_cli.io.loader import FileResult

CACHE_DIR = ".barrier-cache"
"""Where older versions kept the cache, inside the tree: now only ever reported."""
HASH_LIMIT = 16 * 1024 * 1024
"""Far above `yamlio.MAX_BYTES`: a larger file is refused unread, so it is not hashed."""
YAML_SUFFIXES = (".yaml", ".yml")
"""The same as `kinds.YAML_SUFFIXES` (a test holds them equal): kept here so that a warm
check never imports the models."""
RACY_NS = 3_000_000_000
"""Files modified this close to a cache write keep a content hash: coarse filesystem clocks
(FAT: 2 s) can hide a second write within the same tick."""
MEMO_ENTRIES = 8
"""Check results kept: the whole tree plus a few path selections (an editor's, a hook's),
one each (see `memoised`)."""

T = TypeVar("T")

Stamp = tuple[int, int, int, int, str]
"""size, mtime_ns, inode, ctime_ns, and the target of a symbolic link ('' for a file)."""


def stamp(path: Path) -> Stamp:
    link = os.readlink(path) if os.path.islink(path) else ""
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1, -1, -1, link)
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, link)


class Folder:
    """One folder's files and their stamps, and a digest of both.

    A folder's digest changes with any file added, removed or renamed in it, and with any
    change to a file's stamp. Editing a file in place changes neither the folder's mtime
    nor its entry count, so the folder's own stat cannot tell: every file is stat'ed (one
    system call each, what git does too), and the digest is what lets everything after the
    scan work per folder: an unchanged folder is one comparison, not one per file.

    A warm check needs only the digests, so the scan keeps each file's stamp as four plain
    integers in one flat list and builds the ``files`` mapping only when it is asked for
    (a check the memo misses, a read of the tree): a tuple and a dict entry per file were a
    third of a warm check's scan.
    """

    __slots__ = ("_files", "_newest", "base", "digest", "extra", "names", "numbers")

    def __init__(
        self,
        base: str,
        names: list[str],
        numbers: Sequence[int],
        extra: dict[str, Stamp] | None = None,
    ) -> None:
        self.base = base
        self.names = names
        """The plain files' names, in the order the folder lists them."""
        self.numbers = numbers
        """size, mtime_ns, inode and ctime_ns of each of ``names``, one after the other."""
        self.extra = extra or {}
        """Stamps of what is not a plain file: links, and a folder that cannot be listed."""
        self._files: dict[str, Stamp] | None = None
        self._newest: int | None = None
        self.digest = _folder_digest(names, numbers, self.extra)

    @property
    def files(self) -> dict[str, Stamp]:
        """Every file's stamp, by its path in the tree."""
        if self._files is None:
            base, n = self.base, self.numbers
            self._files = {
                base + name: (n[i], n[i + 1], n[i + 2], n[i + 3], "")
                for name, i in zip(self.names, range(0, len(n), 4), strict=True)
            }
            self._files |= self.extra
        return self._files

    def __len__(self) -> int:
        """How many files it holds (without building `files`)."""
        return len(self.names) + len(self.extra)

    @property
    def newest_ns(self) -> int:
        """The latest mtime or ctime of its files: a folder older than `RACY_NS` before the
        cache was written has no file whose stamp could hide a change."""
        if self._newest is None:
            n = self.numbers
            newest = max(max(n[1::4], default=0), max(n[3::4], default=0))
            self._newest = max([newest, *(max(st[1], st[3]) for st in self.extra.values())])
        return self._newest


def _folder_digest(names: list[str], numbers: Sequence[int], extra: dict[str, Stamp]) -> bytes:
    # names cannot hold "\0", so the join is unambiguous; the numbers go in as machine
    # integers (one C call for the folder, where a repr costs a conversion per number)
    h = hashlib.blake2b("\0".join(names).encode("utf-8", "surrogateescape"), digest_size=16)
    if isinstance(numbers, array):
        h.update(b"\1" + numbers.tobytes())
    else:
        h.update(b"\2" + repr(numbers).encode())
    if extra:
        h.update(b"\3" + repr(sorted(extra.items())).encode("utf-8", "surrogateescape"))
    return h.digest()


_S_IFMT, _S_IFDIR, _S_IFLNK = 0o170000, stat.S_IFDIR, stat.S_IFLNK

UNLISTABLE: Stamp = (-1, -1, -1, -1, "unlistable")
"""Not a link, but marked like one: the check then walks the tree the full way, which
reports the folder (`loader.iter_files`)."""


def scan_folders(
    root: Path,
    *,
    prefix: str = "",
    suffixes: tuple[str, ...] | None = YAML_SUFFIXES,
    pickles: list[str] | None = None,
) -> dict[str, Folder]:
    """Every folder below ``root`` outside hidden ones, with its YAML files (or all files).

    This is a superset of what `loader.iter_files` reads (it also lists the tree's own
    templates), so no change the loader could see escapes the digests. Linked folders are
    not entered; their target is part of the stamp. ``pickles`` collects the ``*.pickle``
    files seen (see `in_tree_cache`). Keyed by the folder's path with a trailing "/"
    ("" for ``root`` itself).
    """
    out: dict[str, Folder] = {}
    pending = [(str(root), prefix)]
    while pending:
        folder, base = pending.pop()
        try:
            fd = os.open(folder, _DIR_FLAGS) if _BY_FD else None
            try:
                scanned = _scan_one(folder, fd, base, suffixes, pickles, pending)
            finally:
                if fd is not None:
                    os.close(fd)
        except OSError:
            out[base] = Folder(base, [], array("q"), {base.rstrip("/") or ".": UNLISTABLE})
            continue
        if scanned is not None:
            out[base] = scanned
    return out


_BY_FD = (
    os.stat in os.supports_dir_fd
    and os.stat in os.supports_follow_symlinks
    and os.listdir in os.supports_fd
)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
"""Without O_NOFOLLOW: the records folder itself may be a link (a subfolder never is: a link
is stamped, not entered)."""


def _scan_one(
    folder: str,
    fd: int | None,
    base: str,
    suffixes: tuple[str, ...] | None,
    pickles: list[str] | None,
    pending: list[tuple[str, str]],
) -> Folder | None:
    """One folder of `scan_folders`; its subfolders are added to ``pending``.

    Each file is stat'ed through a descriptor of its folder where the system allows it, so
    that the stat looks up one name rather than the whole path from the root (an eighth of
    the scan on a 100k tree), and the folder is listed by name alone: the stat a record
    needs anyway tells a folder or a link apart, and the few other names (a year's months)
    get one of their own. That is the scan of a warm check, so its cost per file is the
    stat and little more.
    """
    if fd is None:
        return _scan_by_path(folder, base, suffixes, pickles, pending)
    names: list[str] = []
    others: list[str] = []
    for name in os.listdir(fd):
        if name[:1] == ".":
            continue
        if suffixes is None or name.endswith(suffixes) or is_stray(name):
            names.append(name)
        else:
            others.append(name)
    stats = _stats(fd, names)
    extra: dict[str, Stamp] = {}
    if stats is None or not _REGULAR.issuperset(map(_MODE, stats)):
        # something else than plain files, or a file removed since the listing: one by one
        names, others, stats = [], others + names, []
    for name in others:
        try:
            st = os.stat(name, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:  # removed since the folder was listed
            continue
        kind = st.st_mode & _S_IFMT
        if kind == _S_IFDIR:
            pending.append((os.path.join(folder, name), base + name + "/"))
        elif kind == _S_IFLNK:
            extra[base + name] = stamp(Path(folder, name))
        elif suffixes is None or name.endswith(suffixes) or is_stray(name):
            names.append(name)
            stats.append(st)
        elif pickles is not None and name.endswith(".pickle"):
            pickles.append(base + name)
    return _folder_of(base, names, stats, extra)


def _stats(fd: int, names: list[str]) -> list[os.stat_result] | None:
    try:
        return [os.stat(name, dir_fd=fd, follow_symlinks=False) for name in names]
    except FileNotFoundError:
        return None


_MODE = attrgetter("st_mode")
_REGULAR = frozenset({stat.S_IFREG | bits for bits in range(0o10000)})
"""Every st_mode of a plain file, whatever its permission bits."""


def _scan_by_path(
    folder: str,
    base: str,
    suffixes: tuple[str, ...] | None,
    pickles: list[str] | None,
    pending: list[tuple[str, str]],
) -> Folder | None:
    """`_scan_one` where a stat cannot go through a descriptor of the folder."""
    names: list[str] = []
    stats: list[os.stat_result] = []
    extra: dict[str, Stamp] = {}
    with os.scandir(folder) as listing:
        entries = list(listing)
    for entry in entries:
        name = entry.name
        if name[:1] == ".":
            continue
        if suffixes is None or name.endswith(suffixes) or is_stray(name):
            # the stat a record needs anyway tells a folder or a link apart too (one call
            # per file, not three)
            try:
                st = entry.stat(follow_symlinks=False)
            except FileNotFoundError:  # removed since the folder was listed
                continue
            kind = st.st_mode & _S_IFMT
            if kind == _S_IFDIR:
                pending.append((os.path.join(folder, name), base + name + "/"))
            elif kind == _S_IFLNK:
                extra[base + name] = stamp(Path(folder, name))
            else:
                names.append(name)
                stats.append(st)
        elif entry.is_dir(follow_symlinks=False):
            pending.append((os.path.join(folder, name), base + name + "/"))
        elif entry.is_symlink():
            extra[base + name] = stamp(Path(folder, name))
        elif pickles is not None and name.endswith(".pickle"):
            pickles.append(base + name)
    return _folder_of(base, names, stats, extra)


def _folder_of(
    base: str, names: list[str], stats: list[os.stat_result], extra: dict[str, Stamp]
) -> Folder | None:
    if not names and not extra:
        return None
    numbers: Sequence[int]
    try:
        numbers = array("q", chain.from_iterable(map(_STAMP_FIELDS, stats)))
    except OverflowError:  # an inode beyond 2**63 (some network file systems)
        numbers = list(chain.from_iterable(map(_STAMP_FIELDS, stats)))
    return Folder(base, names, numbers, extra)


_STAMP_FIELDS = attrgetter("st_size", "st_mtime_ns", "st_ino", "st_ctime_ns")


def scan(
    root: Path,
    *,
    prefix: str = "",
    suffixes: tuple[str, ...] | None = YAML_SUFFIXES,
    pickles: list[str] | None = None,
) -> dict[str, Stamp]:
    """The stamp of every file `scan_folders` lists."""
    found: dict[str, Stamp] = {}
    for folder in scan_folders(root, prefix=prefix, suffixes=suffixes, pickles=pickles).values():
        found |= folder.files
    return found


def is_racy(now: Stamp, started_ns: int) -> bool:
    """Whether a later write could leave this stamp unchanged (see `RACY_NS`)."""
    return max(now[1], now[3]) >= started_ns - RACY_NS


def racy_hashes(root: Path, folders: dict[str, Folder], started_ns: int) -> dict[str, bytes]:
    """The content hash of every file whose stamp `is_racy` (a folder with no file that
    new is passed over whole: on a 100k tree this runs on every check the memo misses)."""
    since = started_ns - RACY_NS
    return {
        rel: content_hash(root / rel)
        for folder in folders.values()
        if folder.newest_ns >= since
        for rel, st in folder.files.items()
        if st[1] >= since or st[3] >= since
    }


def content_hash(path: Path) -> bytes:
    """The hash of a file's bytes; b"" for what no record can be (a pipe, a huge file).

    Those are never read (a pipe would block for ever): yamlio refuses them unread, and
    their stamp alone tells a change.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size > HASH_LIMIT:
                return b""
            return hashlib.blake2b(fh.read(), digest_size=16).digest()
    except OSError:
        return b""


def code_fingerprint() -> str:
    """What decides every kept result: barrier's code and the language of its messages (a
    finding kept in English must not answer a Chinese run)."""
    return f"{_code_files()} {i18n.current()}"


@functools.cache
def _code_files() -> str:
    """barrier's version, sources and templates, and the libraries that decide results."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{__version__} {sys.version} {sys.executable}".encode())
    for rel, size, mtime in _package_files(os.path.dirname(barrier_cli.__file__)):
        h.update(f"{rel} {size} {mtime}".encode())
    for module in ("pydantic", "pydantic_core", "ruamel.yaml", "_ruamel_yaml"):
        spec = find_spec(module)
        if spec is not None and spec.origin:
            st = os.stat(spec.origin)
            h.update(f"{module} {spec.origin} {st.st_size} {st.st_mtime_ns}".encode())
    return h.hexdigest()


def _package_files(package: str) -> list[tuple[str, int, int]]:
    """Every file of the package but compiled ones, with its size and mtime, by path (a
    walk with `os.scandir`: every run checks these, and pathlib took three times as long)."""
    out = []
    pending = [("", package)]
    while pending:
        rel, folder = pending.pop()
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        pending.append((f"{rel}{entry.name}/", entry.path))
                elif entry.is_file():
                    st = entry.stat()
                    out.append((rel + entry.name, st.st_size, st.st_mtime_ns))
    return sorted(out)


# -- the format -----------------------------------------------------------------------------
# A cache is data, never code: every store is MessagePack decoded by msgspec into the exact
# types it holds (ints, strings, dates, findings), and a file's read result is kept as the
# YAML data it parsed to, validated again by the models when it is used. A store that does
# not decode into its type, or was written by other code, for another tree or under another
# name, is a cold cache. (msgspec was measured against the stdlib's json, orjson and sqlite:
# it is the fastest of them and the only one that checks the types as it decodes.)

FORMAT = 1
"""Bumped whenever the layout of a store changes."""


class _Envelope(msgspec.Struct, array_like=True):
    format: int
    code: str
    tree: str
    name: str
    body: msgspec.Raw


_DECODE_ERRORS = (msgspec.MsgspecError, ValueError, TypeError, RecursionError)


class Uncacheable(Exception):
    """A value that the cache's format cannot hold exactly: the file is read every time."""


_DATE = "\x00date"
_DATETIME = "\x00datetime"


def pack(value: Any) -> Any:
    """Parsed YAML as plain MessagePack values, dates tagged; `Uncacheable` if not exact."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        if not -(2**63) <= value < 2**64:
            raise Uncacheable
        return value
    if kind is float:
        if not math.isfinite(value):
            raise Uncacheable
        return value
    if kind is dict:
        out = {}
        for key, item in value.items():
            if type(key) is not str or key.startswith("\x00"):
                raise Uncacheable
            out[key] = pack(item)
        return out
    if kind is list:
        return [pack(item) for item in value]
    if kind is dt.date:
        return {_DATE: value.isoformat()}
    if kind is dt.datetime:
        return {_DATETIME: value.isoformat()}
    raise Uncacheable


def unpack(value: Any) -> Any:
    """`pack` undone; short strings are interned, as the YAML reader does (memory).

    ValueError for anything `pack` never gives (bytes, extension types, other keys). This
    runs for every file read from the cache or a worker, so strings, the most common
    values, are handled in the loops rather than by a call each.
    """
    kind = type(value)
    if kind is dict:
        if len(value) == 1:
            if _DATE in value:
                return dt.date.fromisoformat(value[_DATE])
            if _DATETIME in value:
                return dt.datetime.fromisoformat(value[_DATETIME])
        out = {}
        for key, item in value.items():
            if type(key) is not str or key[:1] == "\x00":
                raise ValueError("not a packed mapping")
            if type(item) is str:
                out[key] = _intern(item) if len(item) <= 40 else item
            else:
                out[key] = unpack(item)
        return out
    if kind is list:
        return [
            (_intern(item) if len(item) <= 40 else item) if type(item) is str else unpack(item)
            for item in value
        ]
    if kind is str:
        return _intern(value) if len(value) <= 40 else value
    if kind in _PLAIN:
        return value
    raise ValueError(f"{kind.__name__} is never packed")


_intern = sys.intern
_PLAIN = (int, float, bool, type(None))


class Packed(NamedTuple):
    """One file's read, as data: its YAML, or why it does not parse (code, message, line,
    col, hint). Its kind is never stored: it follows from the path."""

    data: Any
    parse_problem: tuple[str, str, int, int, str] | None


def pack_read(data: Any, parse_problem: Any) -> Packed | None:
    """What `loader.parse_file` gave, ready to keep; None if it cannot be kept exactly."""
    from barrier_cli.io.loader import NO_DATA

    if parse_problem is not None:
        p = parse_problem
        return Packed(None, (p.code, p.message, p.line, p.col, p.hint))
    try:
        return Packed(None if data is NO_DATA else pack(data), None)
    except (Uncacheable, RecursionError):
        return None


def unpack_read(rel: str, packed: Packed) -> FileResult:
    """The file's `loader.FileResult` from its kept read: its YAML validated again."""
    from barrier_cli.core.kinds import classify
    from barrier_cli.io.loader import NO_DATA, result_of
    from barrier_cli.io.yamlio import ParseProblem

    kind = classify(PurePosixPath(rel))
    if packed.parse_problem is not None:
        return result_of(rel, kind, NO_DATA, ParseProblem(*packed.parse_problem))
    return result_of(rel, kind, unpack(packed.data), None)


def encode(value: Any) -> bytes:
    return msgspec.msgpack.encode(value)


def decode(blob: bytes, kind: type[T]) -> T:
    return msgspec.msgpack.decode(blob, type=kind)


# -- where the cache lives -------------------------------------------------------------------

ENV = "BARRIER_CACHE_DIR"
_chosen: Path | None = None


def use_dir(folder: Path | None) -> None:
    """Keep caches under ``folder`` (--cache-dir); None: $BARRIER_CACHE_DIR, else the
    user's cache folder."""
    global _chosen
    _chosen = folder


def base_dir() -> Path:
    if _chosen is not None:
        return _chosen
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    if sys.platform.startswith("linux"):
        # what platformdirs answers here (a test holds them equal), without importing it:
        # that import is a tenth of a warm check
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(xdg or os.path.expanduser("~/.cache")) / "barrier"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("barrier", appauthor=False))


def _real(root: Path) -> str:
    return os.path.realpath(root)


def _folder(root: Path) -> Path:
    """The tree's own cache folder: outside the tree, named by its real path."""
    name = hashlib.blake2b(_real(root).encode(), digest_size=12).hexdigest()
    return base_dir() / name


def _read(root: Path, name: str, kind: type[T]) -> T | None:
    """A store's content, or None when it is missing, damaged or not this tree's and code's."""
    try:
        envelope = decode((_folder(root) / name).read_bytes(), _Envelope)
        if (envelope.format, envelope.code, envelope.tree, envelope.name) != (
            FORMAT,
            code_fingerprint(),
            _real(root),
            name,
        ):
            return None
        return decode(envelope.body, kind)
    except (OSError, *_DECODE_ERRORS):  # a damaged or foreign cache is just a cold cache
        return None


def _write(root: Path, name: str, value: Any) -> None:
    """Atomically replace the store ``name``; a cache that cannot be written is no cache."""
    path = _folder(root) / name
    try:
        body = msgspec.Raw(encode(value))
        blob = encode(_Envelope(FORMAT, code_fingerprint(), _real(root), name, body))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, path)
    except (OSError, msgspec.MsgspecError, UnicodeError, RecursionError):
        pass


# -- the stores ----------------------------------------------------------------------------


class _Entry(NamedTuple):
    stamp: Stamp
    digest: bytes | None
    read: msgspec.Raw
    """The `Packed` read as encoded, decoded when asked for: a shard's reads decoded are
    seven times its bytes, and a whole tree's of them were held for a run."""


Shard = dict[str, _Entry]


@dataclass
class FileCache:
    """Read results of a tree's files by identity; `get` misses on any change.

    Results are stored in shards, one per folder of the tree (reports/2026/11, ...), so
    that editing one record rewrites one month's shard, not the whole store. A shard is
    read when one of its files is first asked for: re-checking one file reads one shard.
    """

    root: Path
    entries: dict[str, _Entry] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)
    started_ns: int = field(default_factory=time.time_ns)
    loaded: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, root: Path) -> FileCache:
        return cls(root)

    def _load(self, name: str) -> None:
        if name in self.loaded:
            return
        self.loaded.add(name)
        shard = _read(self.root, f"files/{name}", Shard)
        if shard is not None:
            for rel, entry in shard.items():
                self.entries.setdefault(rel, entry)

    def get(self, rel: str, now: Stamp) -> FileResult | None:
        packed = self.get_packed(rel, now)
        if packed is None:
            return None
        try:
            return unpack_read(rel, packed)
        except _DECODE_ERRORS:  # data no parse could give: read the file again
            return None

    def get_packed(self, rel: str, now: Stamp) -> Packed | None:
        """The file's kept read as kept (`pack`), for a caller that unpacks only a part."""
        self._load(_shard_of(rel))
        entry = self.entries.get(rel)
        if entry is None or entry.stamp != now:
            return None
        if entry.digest is not None and entry.digest != content_hash(self.root / rel):
            return None
        try:
            return decode(entry.read, Packed)
        except _DECODE_ERRORS:
            return None

    def racy_digest(self, rel: str, now: Stamp) -> bytes | None:
        """The content hash to keep with a result, taken *before* the file is read."""
        return content_hash(self.root / rel) if is_racy(now, self.started_ns) else None

    def put(
        self, rel: str, now: Stamp, digest: bytes | None, read: Packed | msgspec.Raw | None
    ) -> None:
        """Keep a file's read (`pack_read`, or it encoded); None forgets it (it cannot be
        kept)."""
        if read is None:
            self.forget(rel)
            return
        name = _shard_of(rel)
        self._load(name)
        raw = read if isinstance(read, msgspec.Raw) else msgspec.Raw(encode(read))
        self.entries[rel] = _Entry(now, digest, raw)
        self.dirty.add(name)

    def forget(self, rel: str) -> None:
        name = _shard_of(rel)
        self._load(name)
        if self.entries.pop(rel, None) is not None:
            self.dirty.add(name)

    def keep_only(self, rels: Iterable[str]) -> None:
        """Forget files that are gone, so the store never grows with renames."""
        try:
            for path in (_folder(self.root) / "files").iterdir():
                if not path.name.startswith("."):
                    self._load(path.name)
        except OSError:
            pass
        wanted = set(rels)
        for rel in [rel for rel in self.entries if rel not in wanted]:
            self.forget(rel)

    def save(self) -> None:
        if not self.dirty:
            return
        shards: dict[str, Shard] = {name: {} for name in self.dirty}
        for rel, entry in self.entries.items():
            shard = shards.get(_shard_of(rel))
            if shard is not None:
                shard[rel] = entry
        for name, shard in shards.items():
            if shard:
                _write(self.root, f"files/{name}", shard)
            else:
                with contextlib.suppress(OSError):
                    (_folder(self.root) / "files" / name).unlink(missing_ok=True)
        self.dirty.clear()


def _shard_of(rel: str) -> str:
    folder = rel.rpartition("/")[0]
    return hashlib.blake2b(folder.encode(), digest_size=8).hexdigest()


# -- memoised results ----------------------------------------------------------------------

Memo = dict[str, tuple[str, dict[str, bytes], msgspec.Raw]]
"""Memo key -> a digest of its options alone, the content hashes of its racy files, and the
value (decoded on a hit)."""


@dataclass(frozen=True)
class TreeScan:
    """What `scan_tree` saw of a tree: its folders (`tree_folders`), when it began to look
    (what `racy_hashes` measures from) and the pickles it came across (`in_tree_cache`)."""

    folders: dict[str, Folder]
    started_ns: int
    pickles: list[str]


def scan_tree(root: Path) -> TreeScan:
    """The stamps `memoised` keys its answers on, for a caller that needs them too."""
    started = time.time_ns()
    pickles: list[str] = []
    return TreeScan(tree_folders(root, pickles), started, pickles)


def memoised(
    root: Path,
    name: str,
    key: object,
    compute: Callable[[], T],
    kind: type[T],
    *,
    scanned: TreeScan | None = None,
) -> T:
    """``compute()``, or what it returned before for the same ``key`` and an unchanged tree.

    The memo's key is ``key`` (the command's options and today's date) plus the stamp of
    every file of the tree and of its own templates, and barrier's code, all taken before
    computing (``scanned``, else scanned here): a file that changes meanwhile gets a new
    stamp, so the entry is never hit for the new state. Files too new to trust their stamp
    are also compared by content. The value must be what msgspec decodes into ``kind``
    (str, dataclasses of plain values).
    """
    scanned = scanned or scan_tree(root)
    digest = _memo_key(key, scanned.folders)
    memo = _read(root, name, Memo) or {}
    hit = memo.get(digest)
    if hit is not None and _still_same(root, hit[1]):
        with contextlib.suppress(*_DECODE_ERRORS):
            return decode(hit[2], kind)
    racy = racy_hashes(root, scanned.folders, scanned.started_ns)
    value = compute()
    # an answer for the same options and an earlier state of the tree is never asked for
    # again: a changed file's ctime, which no one can set back, is in every later stamp
    options = hashlib.blake2b(repr(key).encode(), digest_size=16).hexdigest()
    memo = {old: entry for old, entry in memo.items() if entry[0] != options}
    memo[digest] = (options, racy, msgspec.Raw(encode(value)))
    for old in list(memo)[:-MEMO_ENTRIES]:
        del memo[old]
    _write(root, name, memo)
    return value


def load_store(root: Path, name: str, kind: type[T]) -> T | None:
    """The store ``name`` of the tree's cache as ``kind``, or None (missing, damaged,
    another tree's or other code's)."""
    return _read(root, name, kind)


def save_store(root: Path, name: str, value: Any) -> None:
    """Keep ``value`` (plain values, dataclasses and named tuples of them)."""
    _write(root, name, value)


def drop_store(root: Path, name: str) -> None:
    with contextlib.suppress(OSError):
        (_folder(root) / name).unlink(missing_ok=True)


def tree_folders(root: Path, pickles: list[str] | None = None) -> dict[str, Folder]:
    """The folders of records, and those of the tree's own templates with every file in
    them (they shape documents), the latter keyed with a leading `TEMPLATES`."""
    folders = scan_folders(root, pickles=pickles)
    templates = root / "templates"
    if templates.is_dir():
        every = scan_folders(templates, prefix="templates/", suffixes=None, pickles=pickles)
        folders |= {TEMPLATES + name: folder for name, folder in every.items()}
    return folders


TEMPLATES = "+"
"""Marks the template folders of `tree_folders` (their files, all of them, are no records)."""


def in_tree_cache(root: Path, pickles: list[str] | None = None) -> list[Finding]:
    """A cache committed to (or left in) the tree, and any pickle: reported, never loaded.

    Older versions kept their cache in ``.barrier-cache/`` and loaded it with pickle, which
    runs code: a clone whose tree carries one would run it with any such version.
    ``pickles``: those `scan` already found (else the tree is scanned for them).
    """
    if pickles is None:
        pickles = []
        tree_folders(root, pickles)
    out = []
    if os.path.lexists(root / CACHE_DIR):
        out.append(
            Finding(
                f"{CACHE_DIR}/",
                fc.CACHE_IN_TREE,
                "a cache folder in the records tree: barrier never reads it",
                hint=f"delete it (rm -r {CACHE_DIR}) and keep it out of git",
            )
        )
    for rel in sorted(pickles):
        out.append(
            Finding(
                rel,
                fc.CACHE_IN_TREE,
                "a pickle file in the records tree: it may run code when loaded",
                hint="delete it; records are YAML only",
            )
        )
    return out


def _memo_key(key: object, folders: dict[str, Folder]) -> str:
    h = hashlib.blake2b(repr(key).encode(), digest_size=20)
    for name in sorted(folders):
        h.update(name.encode() + b"\0" + folders[name].digest)
    return h.hexdigest()


def _still_same(root: Path, racy: dict[str, bytes]) -> bool:
    return all(content_hash(root / rel) == digest for rel, digest in racy.items())


def with_in_tree_cache(
    root: Path, result: CheckResult, pickles: list[str] | None = None
) -> CheckResult:
    """``result`` with `in_tree_cache`'s findings added, in report order."""
    extra = in_tree_cache(root, pickles)
    if not extra:
        return result
    findings = sorted([*result.findings, *extra], key=Finding.sort_key)
    return CheckResult(findings, result.files)
