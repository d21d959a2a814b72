"""Remember what reading and checking a tree found, so unchanged files are never read twice.

Three stores live in ``<records>/.barrier-cache/`` (hidden, so the walker never reads it, and
ignored by git):

* ``files/``: every file's read result (`loader.FileResult`: record or problems), keyed
  by the file's identity — size, mtime, inode and ctime, like git's index. A file whose
  mtime falls within ``RACY_NS`` of the moment it was cached could change again without its
  stamp changing, so its content hash is kept too and checked on use.
* ``check.pickle``, ``analysis.pickle``: the results of the last few `barrier check` and
  `barrier analyze` runs (`memoised`), keyed by the identity of every file of the tree and
  of its templates, today's date and the options. A check of an unchanged tree is then a
  directory walk and one small read, and imports no models at all.
* ``check-files.pickle``: each file's findings from the last check and what they rest on,
  so that after a change only the files it can affect are checked again
  (`checks.incremental`).

All are invalidated wholesale by any change to barrier's own code (its version or any of
its source files) or to the libraries whose behaviour decides a result. The answer is
always the one a cold run gives: a test changes, adds, deletes and renames files and
compares. A rule that reads anything besides the tree's files and today (git, say) must not
run on the memoised path, or must add what it reads to the memo's key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import io
import os
import pickle
import stat
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from barrier_cli import __version__
from barrier_cli.findings import CheckResult
from barrier_cli.tree_root import is_stray

if TYPE_CHECKING:
    from barrier_cli.loader import FileResult

CACHE_DIR = ".barrier-cache"
HASH_LIMIT = 16 * 1024 * 1024
"""Far above `yamlio.MAX_BYTES`: a larger file is refused unread, so it is not hashed."""
YAML_SUFFIXES = (".yaml", ".yml")
"""The same as `kinds.YAML_SUFFIXES` (a test holds them equal): kept here so that a warm
check never imports the models."""
RACY_NS = 3_000_000_000
"""Files modified this close to a cache write keep a content hash: coarse filesystem clocks
(FAT: 2 s) can hide a second write within the same tick."""
MEMO_ENTRIES = 8
"""Check results kept: the whole tree plus a few path selections (an editor's, a hook's)."""

Stamp = tuple[int, int, int, int, str]
"""size, mtime_ns, inode, ctime_ns, and the target of a symbolic link ('' for a file)."""


def stamp(path: Path) -> Stamp:
    link = os.readlink(path) if os.path.islink(path) else ""
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1, -1, -1, link)
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, link)


def scan(
    root: Path, *, prefix: str = "", suffixes: tuple[str, ...] | None = YAML_SUFFIXES
) -> dict[str, Stamp]:
    """Every YAML file (or every file) below ``root`` outside hidden folders, with its stamp.

    This is a superset of what `loader.iter_files` reads (it also lists the tree's own
    templates), so no change the loader could see escapes the key. Linked folders are not
    entered; their target is part of the stamp.
    """
    found: dict[str, Stamp] = {}
    pending = [(str(root), prefix)]
    while pending:
        folder, base = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            # Not a link, but marked like one: the check then walks the tree the full way,
            # which reports the folder (`loader.iter_files`).
            found[base.rstrip("/") or "."] = (-1, -1, -1, -1, "unlistable")
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = base + name
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, rel + "/"))
            elif entry.is_symlink():
                found[rel] = stamp(Path(entry.path))
            elif suffixes is None or name.endswith(suffixes) or is_stray(name):
                st = entry.stat(follow_symlinks=False)
                found[rel] = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, "")
    return found


def is_racy(now: Stamp, started_ns: int) -> bool:
    """Whether a later write could leave this stamp unchanged (see `RACY_NS`)."""
    return max(now[1], now[3]) >= started_ns - RACY_NS


def racy_hashes(root: Path, stamps: dict[str, Stamp], started_ns: int) -> dict[str, bytes]:
    """The content hash of every file whose stamp `is_racy` (one comparison per file: on a
    100k tree this runs on every check that is not answered by the memo)."""
    since = started_ns - RACY_NS
    return {
        rel: content_hash(root / rel)
        for rel, st in stamps.items()
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


@functools.cache
def code_fingerprint() -> str:
    """barrier's version, sources and templates, and the libraries that decide results."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{__version__} {sys.version} {sys.executable}".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        st = path.stat()
        h.update(f"{path.relative_to(package)} {st.st_size} {st.st_mtime_ns}".encode())
    for module in ("pydantic", "pydantic_core", "ruamel.yaml", "_ruamel_yaml"):
        spec = find_spec(module)
        if spec is not None and spec.origin:
            st = os.stat(spec.origin)
            h.update(f"{module} {spec.origin} {st.st_size} {st.st_mtime_ns}".encode())
    return h.hexdigest()


# -- pickling ------------------------------------------------------------------------------
# pydantic's own pickling rebuilds every model through __setstate__ and costs about five
# times more than reading the data; a validated model is just its field values, so it is
# stored as (class, values, fields set) and rebuilt without validation.
#
# The set of explicitly set field names takes ~700 bytes per model, as much as its values:
# rebuilt models share one set per distinct set of names (a 100k-record tree has a few
# dozen), which keeps a 100k tree within its memory budget. Only assigning to a field
# changes that set, and barrier never assigns to a loaded record (changes are written as
# new text and read again), so sharing it is safe.

_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def _rebuild(cls: type[Any], values: dict[str, Any], names: frozenset[str]) -> Any:
    fields_set = _FIELD_SETS.get(names)
    if fields_set is None:
        fields_set = _FIELD_SETS[names] = set(names)
    model = object.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", fields_set)
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._names: dict[frozenset[str], frozenset[str]] = {}

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, type):
            return NotImplemented
        fields_set = getattr(obj, "__pydantic_fields_set__", None)
        if fields_set is not None:
            names = frozenset(fields_set)
            return _rebuild, (type(obj), obj.__dict__, self._names.setdefault(names, names))
        if isinstance(obj, BaseException) and dataclasses.is_dataclass(obj):
            # an exception pickles only its positional args: a keyword-given hint was lost
            return type(obj), tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))
        return NotImplemented


def dumps(value: Any) -> bytes:
    """Pickle ``value``, storing pydantic models by their field values."""
    buffer = io.BytesIO()
    _Pickler(buffer).dump(value)
    return buffer.getvalue()


def loads(blob: bytes) -> Any:
    return pickle.loads(blob)


# -- the stores ----------------------------------------------------------------------------


def _folder(root: Path) -> Path:
    return root / CACHE_DIR


def _read(path: Path) -> Any:
    """A store's content, or None when it is missing, unreadable or from other code."""
    try:
        blob = path.read_bytes()
        fingerprint, value = loads(blob)
    except Exception:  # a damaged or foreign cache is just a cold cache
        return None
    return value if fingerprint == code_fingerprint() else None


def _write(root: Path, name: str, value: Any, dump: Callable[[Any], bytes] = dumps) -> None:
    """Atomically replace the store ``name``; a tree we may not write to goes uncached."""
    folder = _folder(root)
    path = folder / name
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(dump((code_fingerprint(), value)))
        os.replace(tmp, path)
    except OSError:
        pass


@dataclass
class _Entry:
    stamp: Stamp
    digest: bytes | None
    result: FileResult


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
        shard = _read(_folder(self.root) / "files" / f"{name}.pickle")
        if isinstance(shard, dict):
            for rel, entry in shard.items():
                self.entries.setdefault(rel, entry)

    def get(self, rel: str, now: Stamp) -> FileResult | None:
        self._load(_shard_of(rel))
        entry = self.entries.get(rel)
        if entry is None or entry.stamp != now:
            return None
        if entry.digest is not None and entry.digest != content_hash(self.root / rel):
            return None
        return entry.result

    def racy_digest(self, rel: str, now: Stamp) -> bytes | None:
        """The content hash to keep with a result, taken *before* the file is read."""
        return content_hash(self.root / rel) if is_racy(now, self.started_ns) else None

    def put(self, rel: str, now: Stamp, digest: bytes | None, result: FileResult) -> None:
        name = _shard_of(rel)
        self._load(name)
        self.entries[rel] = _Entry(now, digest, result)
        self.dirty.add(name)

    def forget(self, rel: str) -> None:
        name = _shard_of(rel)
        self._load(name)
        if self.entries.pop(rel, None) is not None:
            self.dirty.add(name)

    def keep_only(self, rels: Iterable[str]) -> None:
        """Forget files that are gone, so the store never grows with renames."""
        try:
            for path in (_folder(self.root) / "files").glob("*.pickle"):
                self._load(path.stem)
        except OSError:
            pass
        wanted = set(rels)
        for rel in [rel for rel in self.entries if rel not in wanted]:
            self.forget(rel)

    def save(self) -> None:
        if not self.dirty:
            return
        shards: dict[str, dict[str, _Entry]] = {name: {} for name in self.dirty}
        for rel, entry in self.entries.items():
            shard = shards.get(_shard_of(rel))
            if shard is not None:
                shard[rel] = entry
        for name, shard in shards.items():
            if shard:
                _write(self.root, f"files/{name}.pickle", shard)
            else:
                (_folder(self.root) / "files" / f"{name}.pickle").unlink(missing_ok=True)
        self.dirty.clear()


def _shard_of(rel: str) -> str:
    folder = rel.rpartition("/")[0]
    return hashlib.blake2b(folder.encode(), digest_size=8).hexdigest()


# -- memoised results ----------------------------------------------------------------------

T = TypeVar("T")


def memoised(root: Path, name: str, key: object, compute: Callable[[], T]) -> T:
    """``compute()``, or what it returned before for the same ``key`` and an unchanged tree.

    The memo's key is ``key`` (the command's options and today's date) plus the stamp of
    every file of the tree and of its own templates, and barrier's code, all taken before
    computing: a file that changes meanwhile gets a new stamp, so the entry is never hit
    for the new state. Files too new to trust their stamp are also compared by content.
    """
    started = time.time_ns()
    return _memoised(root, name, key, _tree_stamps(root), started, compute)


def _memoised(
    root: Path,
    name: str,
    key: object,
    stamps: dict[str, Stamp],
    started: int,
    compute: Callable[[], T],
) -> T:
    digest = _memo_key(key, stamps)
    memo_path = _folder(root) / f"{name}.pickle"
    memo = _read(memo_path)
    memo = memo if isinstance(memo, dict) else {}
    hit = memo.get(digest)
    if hit is not None and _still_same(root, hit[0]):
        value: T = hit[1]
        return value
    racy = racy_hashes(root, stamps, started)
    value = compute()
    memo.pop(digest, None)
    memo[digest] = (racy, value)
    for old in list(memo)[:-MEMO_ENTRIES]:
        del memo[old]
    _write(root, f"{name}.pickle", memo)
    return value


def load_store(root: Path, name: str) -> Any:
    """The store ``name`` of the tree's cache, or None (missing, damaged, other code)."""
    return _read(_folder(root) / name)


def save_store(root: Path, name: str, value: Any) -> None:
    """Keep ``value``, which holds no pydantic model: plain pickle is faster for it."""
    _write(root, name, value, functools.partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL))


def _tree_stamps(root: Path) -> dict[str, Stamp]:
    """The records, and every file of the tree's own templates (they shape documents)."""
    stamps = scan(root)
    templates = root / "templates"
    if templates.is_dir():
        stamps |= scan(templates, prefix="templates/", suffixes=None)
    return stamps


def _memo_key(key: object, stamps: dict[str, Stamp]) -> str:
    h = hashlib.blake2b(repr(key).encode(), digest_size=20)
    h.update(repr(sorted(stamps.items())).encode())
    return h.hexdigest()


def _still_same(root: Path, racy: dict[str, bytes]) -> bool:
    return all(content_hash(root / rel) == digest for rel, digest in racy.items())


def check(
    root: Path,
    *,
    paths: list[Path] | None = None,
    day: dt.date | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
) -> CheckResult:
    """`checks.check_tree`, answered from the memo when no file of the tree has changed,
    and otherwise by re-checking only the files a change can affect (`checks.incremental`)."""
    from barrier_cli.tree_root import today

    day = day or today(root)
    if not use_cache:
        return _check_tree(root, paths=paths, day=day, cache=False, jobs=jobs)
    selection = sorted(str(p.resolve()) for p in paths) if paths else []
    started = time.time_ns()
    stamps = _tree_stamps(root)

    def compute() -> CheckResult:
        from barrier_cli.checks.incremental import check_changes

        return check_changes(root, paths=paths, day=day, stamps=stamps, started=started, jobs=jobs)

    return _memoised(root, "check", ("check", day.isoformat(), selection), stamps, started, compute)


def _check_tree(root: Path, **options: Any) -> CheckResult:
    from barrier_cli.checks import check_tree

    return check_tree(root, **options)
