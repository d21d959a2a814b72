"""What adding one record needs to know about the tree, without reading the tree.

A new record is checked against the tree's settings, org.yaml and standards (the
*context*), the set of record ids it may point at and the files that already claim its own
id. The index keeps exactly that for every file — its kind, id, date, and for reports and
incidents the train, vehicle, location and headline that the prompts offer — so that
`report add` and the other writers of one record cost the same at 100k files as at 100.

It lives with the cache (`cache.save_store`: the user's cache folder, never the tree),
is data only (MessagePack decoded by msgspec into the types below; a context file's YAML
is kept as bytes in the head, its dates as MessagePack extensions, so that it is decoded in
one call when it is used, and not at all when it is not) and is rebuilt from the
tree when missing, damaged, or written by another version of barrier. It is in two parts,
so that what every use decodes stays small at 100k files: the *head* (each folder's stamp,
subfolders, context files and the ids of its records, one string per folder) and a *shard*
per folder with each file's entry, read only for a folder that changed, or when the
prompts offer values seen before.

Keeping it current without reading the tree:

* Every folder's own stamp (mtime, inode, ctime) is kept. Adding, removing or renaming a
  file — a `git pull`, a copy, an editor that saves by rename — changes its folder's
  stamp; only such folders are listed again, and only their new or changed files read.
  A folder stat costs a few microseconds: a tree of 100k records has a few hundred.
* The tree's own folder and ``standards/`` hold the context: they are listed on every
  use, so an edit of org.yaml in place is seen at once.
* A folder or file whose stamp is too new to trust (`cache.RACY_NS`) is kept with an
  impossible stamp, so it is looked at again next time.
* A writer of this tool notes the file it created (`note`); it does not touch the
  folder's stamp, so a file another writer added meanwhile is still found.

What it cannot see is a record edited in place (not by rename) outside the context
folders; `barrier check` reads every file and reports what such an edit breaks (a
duplicate id, a dangling link).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import stat
import time
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import msgspec

from barrier_cli.core.kinds import KINDS, YAML_SUFFIXES, classify
from barrier_cli.io import cache as c

if TYPE_CHECKING:
    from barrier_cli.core.models import Org, Person, Roster, Settings, Standard
    from barrier_cli.core.models.common import Model
    from barrier_cli.io.loader import FileResult

SKIPPED_DIRS = frozenset({"templates", "node_modules"})
"""The same as `loader.SKIPPED_DIRS` (a test holds them equal): kept here so that reading
the index never imports the loader and its YAML reader, which only a changed file needs."""

STORE = "index"
VERSION = 4
"""Bumped whenever what an entry holds changes (the cache's own format is checked too)."""
HEADLINE_CHARS = 24
"""Enough of a report's summary to tell it apart in a completion list."""
CONTEXT_FOLDERS = ("", "standards")
"""Listed on every use: the context files live there, and every check rests on them."""
UNTRUSTED = (-1, -1, -1)
"""The stamp of a folder changed too recently to trust its stamp: listed again next time."""
SEEN = ("train", "vehicle", "location")
REBUILD_CHUNK = 4000
"""Files read at a time by a rebuild: their validated records are dropped once indexed, so a
rebuild of 100k files holds a few thousand records, not all of them."""
FileStamp = tuple[int, int, int, int]


class Entry(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """One record file: what a new record's checks and the prompts need of it."""

    size: int
    mtime: int
    """-1 when it was too new to trust: read again when its folder is listed."""
    ino: int
    ctime: int
    kind: str
    id: str
    claims: bool
    """Whether the file claims its id as a dated record's (a second claim is a duplicate)."""
    date: str
    train: str
    vehicle: str
    location: str
    headline: str

    @property
    def stamp(self) -> FileStamp:
        return (self.size, self.mtime, self.ino, self.ctime)


class Context(msgspec.Struct, array_like=True, frozen=True):
    """A context file (settings, org, roster, standards): its `Read`, encoded, or None when
    the cache's format cannot hold it exactly (then it is read on every use)."""

    stamp: FileStamp
    read: bytes | None
    whole: bool
    """Whether the file validated as a whole when it was indexed: then a part of it (the
    people a record names, `Basis.org_of`) validates as it does within the whole."""
    record: bytes | None
    """Its validated record, kept (`rebuild.keep`): made again without building a
    validator while the file is unchanged; None where it did not validate or is not kept."""


class Read(msgspec.Struct, array_like=True, frozen=True):
    """A context file's YAML data (None for an empty file), or why it does not parse."""

    data: Any
    problem: tuple[str, str, int, int, str] | None


_DATE, _DATETIME = 1, 2
"""The MessagePack extension codes of the dates in a `Read`."""


class Head(msgspec.Struct, array_like=True):
    stamp: tuple[int, int, int]
    folders: list[str]
    context: dict[str, Context]
    ids: str
    """The ids of the folder's records, one a line: a set of 100k ids is built from a few
    hundred strings, not decoded from 100k."""


class State(msgspec.Struct, array_like=True):
    version: int
    folders: dict[str, Head]


Shard = dict[str, Entry]


@dataclass
class Index:
    """The index of one tree, as read and brought up to date by `refresh`."""

    root: Path
    heads: dict[str, Head]
    shards: dict[str, Shard] = field(default_factory=dict)
    """The shards read so far, by folder."""

    def shard(self, folder: str) -> Shard:
        if folder not in self.shards:
            self.shards[folder] = _load_shard(self.root, folder) or {}
        return self.shards[folder]

    def save(self, folders: list[str]) -> None:
        for folder in folders:
            c.save_store(self.root, _shard_name(folder), self.shards.get(folder, {}))
        c.save_store(self.root, STORE, State(VERSION, self.heads))


@dataclass
class Basis:
    """What checking one new record needs: the context, and the ids of every file."""

    root: Path
    reads: list[tuple[str, bytes | None]]
    """Each context file and its encoded `Read` (None: read it from the file)."""
    index: Index | None = None
    whole: frozenset[str] = frozenset()
    """The context files that validated as a whole when indexed (`Context.whole`)."""
    kept: dict[str, bytes] = field(default_factory=dict)
    """The context files' validated records, kept when indexed (`Context.record`)."""
    _records: dict[str, Model | None] = field(default_factory=dict, repr=False)

    @cached_property
    def context(self) -> list[FileResult]:
        """The context files' records, for the checker's tree of one new record."""
        from barrier_cli.io.loader import FileResult, read_file

        out = []
        for rel, read in self.reads:
            if read is None:
                out.append(read_file(self.root, rel))
                continue
            kind = classify(PurePosixPath(rel))
            out.append(FileResult(rel, kind.name if kind else None, self._validated(rel, read)))
        return out

    @cached_property
    def settings(self) -> Settings:
        from barrier_cli.core.models import Settings

        found = self._model("settings")
        return found if isinstance(found, Settings) else Settings()

    @cached_property
    def org(self) -> Org:
        from barrier_cli.core.models import Org

        found = self._model("org")
        return found if isinstance(found, Org) else Org()

    @cached_property
    def roster(self) -> Roster:
        from barrier_cli.core.models import Roster

        found = self._model("roster")
        return found if isinstance(found, Roster) else Roster()

    @cached_property
    def standards(self) -> dict[str, Standard]:
        from barrier_cli.core.models import Standard

        return {r.record.id: r.record for r in self.context if isinstance(r.record, Standard)}

    def org_of(self, ids: AbstractSet[str]) -> Org:
        """org.yaml with only the people of ``ids``: what a check that looks up only those
        people needs, without validating thousands of others. Its units and partners, and
        those people, are the whole org's (it validated as a whole, and nothing in it is
        checked across entries); the whole org where that is not known, or already built."""
        from barrier_cli.core.models import Org

        data = None if "org" in self.__dict__ else self._org_data
        people = data.get("people") if isinstance(data, dict) else None
        if data is None or not isinstance(people, list):
            return self.org
        named = [p for p in people if isinstance(p, dict) and p.get("id") in ids]
        return Org.model_validate({**data, "people": named})

    def person(self, pid: str) -> Person | None:
        """The person ``pid`` of org.yaml (the last entry, as every lookup keeps it)."""
        found = self.org_of({pid}).people
        return next((p for p in reversed(found) if p.id == pid), None)

    def context_of(self, ids: AbstractSet[str]) -> list[FileResult]:
        """`context` with org.yaml narrowed to the people of ``ids`` (`org_of`)."""
        if "context" in self.__dict__ or "org" in self.__dict__ or self._org_data is None:
            return self.context
        from barrier_cli.io.loader import FileResult

        out = []
        for rel, read in self.reads:
            kind = classify(PurePosixPath(rel))
            if kind is not None and kind.name == "org":
                out.append(FileResult(rel, kind.name, self.org_of(ids)))
            elif read is None:
                return self.context
            else:
                out.append(FileResult(rel, kind.name if kind else None, self._validated(rel, read)))
        return out

    @cached_property
    def _org_data(self) -> Any:
        """org.yaml's data when it validated as a whole when indexed, else None."""
        for rel, read in self.reads:
            kind = classify(PurePosixPath(rel))
            if kind is None or kind.name != "org":
                continue
            if read is None or rel not in self.whole:
                return None
            with contextlib.suppress(msgspec.MsgspecError, ValueError):
                return _READ.decode(read).data
            return None
        return None

    def _model(self, kind: str) -> Model | None:
        """The first valid record of a context kind."""
        for rel, read in self.reads:
            found = classify(PurePosixPath(rel))
            if found is None or found.name != kind:
                continue
            if read is None:
                record = self.context[self.reads.index((rel, read))].record
            else:
                record = self._validated(rel, read)
            if record is not None:
                return record
        return None

    def _validated(self, rel: str, read: bytes) -> Model | None:
        """A context file's record from the index's data, validated once, as
        `loader.validate` does (the loader itself, and its YAML reader, are not needed)."""
        if rel in self._records:
            return self._records[rel]
        if rel in self.kept:
            from barrier_cli.io import rebuild

            kind = classify(PurePosixPath(rel))
            again = rebuild.rebuilt(kind.model, self.kept[rel]) if kind is not None else None
            if again is not None:
                self._records[rel] = again
                return again
        try:
            kept = _READ.decode(read)
        except (msgspec.MsgspecError, ValueError):  # never written so: read the file instead
            from barrier_cli.io.loader import read_file

            self._records[rel] = read_file(self.root, rel).record
            return self._records[rel]
        self._records[rel] = _record(rel, kept)
        return self._records[rel]

    @cached_property
    def ids(self) -> Ids:
        """Every record id of the tree."""
        heads = self.index.heads.values() if self.index else []
        return Ids("\n".join(["", *(h.ids for h in heads if h.ids), ""]))

    def files(self) -> Iterator[tuple[str, Entry]]:
        """Every record file with its entry, in the tree's (sorted path) order; this reads
        every shard, so only the prompts' offers and a duplicate id ask for it."""
        if self.index is None:
            return
        for folder in sorted(self.index.heads):
            prefix = f"{folder}/" if folder else ""
            shard = self.index.shard(folder)
            for name in sorted(shard):
                yield prefix + name, shard[name]

    def entry(self, rel: str) -> Entry | None:
        folder, _, name = rel.rpartition("/")
        if self.index is None or folder not in self.index.heads:
            return None
        return self.index.shard(folder).get(name)

    def holders(self, record_id: str) -> list[str]:
        """The files that hold ``record_id``, in the tree's order."""
        return [rel for rel, e in self._holding(record_id) if e.id == record_id]

    def claimants(self, record_id: str) -> list[str]:
        """The files that claim ``record_id`` as a dated record's own (see `layout_id`)."""
        return [rel for rel, e in self._holding(record_id) if e.claims and e.id == record_id]

    def _holding(self, record_id: str) -> Iterator[tuple[str, Entry]]:
        """The entries of the folders whose heads list ``record_id``: one shard read, not all."""
        if self.index is None or record_id not in self.ids:
            return
        for folder in sorted(self.index.heads):
            if record_id in self.index.heads[folder].ids.split("\n"):
                prefix = f"{folder}/" if folder else ""
                shard = self.index.shard(folder)
                for name in sorted(shard):
                    yield prefix + name, shard[name]


class Ids(AbstractSet[str]):
    """A set of ids held as one line-separated text: asking for one id searches the text
    (a millisecond at 100k ids) instead of first building a set of 100k strings."""

    def __init__(self, text: str, more: frozenset[str] = frozenset()) -> None:
        self._text = text
        self._more = more

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str) or not item or "\n" in item:
            return False
        return item in self._more or f"\n{item}\n" in self._text

    def __iter__(self) -> Iterator[str]:
        yield from (i for i in self._text.split("\n") if i and i not in self._more)
        yield from self._more

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def adding(self, item: str) -> Ids:
        return self if item in self else Ids(self._text, self._more | {item})


def basis(root: Path) -> Basis:
    """The tree's basis from its index, brought up to date (and rebuilt if unusable)."""
    index = refresh(root)
    reads: list[tuple[str, bytes | None]] = []
    whole = set()
    kept = {}
    for folder in CONTEXT_FOLDERS:
        head = index.heads.get(folder)
        prefix = f"{folder}/" if folder else ""
        for name in sorted(head.context if head else ()):
            reads.append((prefix + name, head.context[name].read if head else None))
            if head and head.context[name].whole:
                whole.add(prefix + name)
            record = head.context[name].record if head else None
            if record is not None:
                kept[prefix + name] = record
    return Basis(root, reads, index, frozenset(whole), kept)


def note(basis: Basis, rel: str, record: Model) -> None:
    """Keep a record this process has just created in the index, without reading it back.

    The folder's stamp stays as it was: if another writer added a file there meanwhile, the
    next use lists the folder again and finds it.
    """
    index = basis.index
    folder, _, name = rel.rpartition("/")
    if index is None or folder not in index.heads:
        return  # a new folder: the next use lists it
    try:
        st = os.stat(basis.root / rel, follow_symlinks=False)
    except OSError:
        return
    # Its own stamp, although new: the entry is what this process wrote, and one kept as
    # too new would have the next add read the file back (and import the YAML reader).
    now = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
    kind = classify(PurePosixPath(rel))
    entry = _entry(kind.name if kind else None, record, now)
    shard = index.shard(folder)
    shard[name] = entry
    index.heads[folder].ids = _ids_of(shard)
    # Only the shard is saved: creating the file changed its folder's stamp, so the next use
    # lists the folder again and takes the ids from this shard. The head (every folder's ids,
    # 2 MB at 100k files) is written once per add, by that use, not twice.
    c.save_store(index.root, _shard_name(folder), shard)


# -- keeping it current --------------------------------------------------------------------


def refresh(root: Path) -> Index:
    """The tree's index with every folder whose stamp changed listed again (and saved)."""
    started = time.time_ns()
    state = c.load_store(root, STORE, State)
    old = state.folders if state is not None and state.version == VERSION else {}
    index = Index(root, {})
    unread: list[tuple[str, FileStamp]] = []
    before: dict[str, tuple[Head | None, Shard]] = {}
    pending = [""]
    while pending:
        rel = pending.pop()
        known = old.get(rel)
        try:
            st = os.stat(root / rel if rel else root, follow_symlinks=False)
        except OSError:
            continue
        now = _folder_stamp(st, started)
        if known is not None and known.stamp == now != UNTRUSTED and rel not in CONTEXT_FOLDERS:
            index.heads[rel] = known
            pending.extend(known.folders)
            continue
        previous = (index.shard(rel) if known is not None else {}), known
        head = _list(root, rel, previous, now, started, index, unread)
        if head is None:
            continue
        index.heads[rel] = head
        pending.extend(head.folders)
        before[rel] = known, previous[0]
    if unread:
        _read_into(root, index, unread)
    changed = []
    for rel, (known, shard) in before.items():
        head = index.heads[rel]
        head.ids = _ids_of(index.shards[rel])
        if known is None or _differs(known, head) or index.shards[rel] != shard:
            changed.append(rel)
    if changed or set(old) != set(index.heads):
        index.save(changed)
    return index


def _list(
    root: Path,
    rel: str,
    previous: tuple[Shard, Head | None],
    now: tuple[int, int, int],
    started: int,
    index: Index,
    unread: list[tuple[str, FileStamp]],
) -> Head | None:
    """The folder ``rel`` listed again: unchanged files kept, the others queued in ``unread``."""
    prefix = f"{rel}/" if rel else ""
    known_files, known = previous
    try:
        with os.scandir(root / rel if rel else root) as listing:
            entries = list(listing)
    except OSError:
        return None
    head = Head(now, [], {}, "")
    shard: Shard = {}
    for item in entries:
        name = item.name
        if name.startswith("."):
            continue
        try:
            if item.is_dir(follow_symlinks=False):
                if rel or name not in SKIPPED_DIRS:
                    head.folders.append(prefix + name)
                continue
            if not name.endswith(YAML_SUFFIXES):
                continue
            st = item.stat(follow_symlinks=False)
        except OSError:
            continue
        stamp = _file_stamp(st, started)
        raw = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
        # A whole stamp was kept when it could be trusted (or by the file's own writer,
        # `note`): the file is unchanged while it still has it, however new it is now.
        trusted = stat.S_ISREG(st.st_mode)
        had = known_files.get(name)
        if had is not None and trusted and had.mtime != -1 and had.stamp == raw:
            shard[name] = had
            continue
        context = known.context.get(name) if known is not None else None
        if context is not None and trusted and context.stamp[1] != -1 and context.stamp == raw:
            head.context[name] = context
            continue
        unread.append((prefix + name, stamp))
    head.folders.sort()
    index.shards[rel] = shard
    return head


def _differs(before: Head, after: Head) -> bool:
    return (
        before.stamp != after.stamp
        or before.folders != after.folders
        or before.context != after.context
        or before.ids != after.ids
    )


def _read_into(root: Path, index: Index, unread: list[tuple[str, FileStamp]]) -> None:
    """Read the new and changed files, from the file cache where it still holds them.

    A rebuild reads the whole tree this way once, over all cores (as `parallel.read_tree`
    does); a refresh reads a handful, in this process.
    """
    from barrier_cli.io.loader import parse_file
    from barrier_cli.io.parallel import read_packed

    store = c.FileCache.open(root)
    for start in range(0, len(unread), REBUILD_CHUNK):
        chunk = unread[start : start + REBUILD_CHUNK]
        results: dict[str, FileResult] = {}
        todo = []
        for rel, now in chunk:
            if _is_context(rel):
                continue
            hit = store.get(rel, (*now, "")) if now[1] != -1 else None
            if hit is None:
                todo.append(rel)
            else:
                results[rel] = hit
        for rel, (result, _) in zip(todo, read_packed(root, todo), strict=True):
            results[rel] = result
        for rel, now in chunk:
            folder, _, name = rel.rpartition("/")
            if _is_context(rel):
                from barrier_cli.io import rebuild

                read = _context_read(*parse_file(root, rel)[1:])
                record = _record(rel, _READ.decode(read)) if read is not None else None
                # org.yaml's people are validated a few at a time (`Basis.org_of`), which
                # costs less than decoding thousands of them kept
                org = classify(PurePosixPath(rel)) is KINDS["org"]
                kept = rebuild.keep(record) if record is not None and not org else None
                index.heads[folder].context[name] = Context(now, read, record is not None, kept)
            else:
                result = results[rel]
                index.shards[folder][name] = _entry(
                    result.kind, result.record or result.partial, now
                )


def _context_read(data: Any, problem: Any) -> bytes | None:
    """A context file's parse as an encoded `Read`; None where the cache's format would not
    hold it exactly (`cache.pack_read` decides, by the same rules as for every file)."""
    packed = c.pack_read(data, problem)
    if packed is None:
        return None
    if packed.parse_problem is not None:
        return _ENCODER.encode(Read(None, packed.parse_problem))
    return _ENCODER.encode(Read(None if packed.data is None else _dated(data), None))


def _record(rel: str, kept: Read) -> Model | None:
    """A context file's record from its `Read`, validated as `loader.validate` does (the
    loader itself, and its YAML reader, are not needed)."""
    from pydantic import ValidationError

    kind = classify(PurePosixPath(rel))
    if kind is None or kept.problem is not None:
        return None
    if kept.data is None:
        return kind.model()
    if isinstance(kept.data, dict):
        with contextlib.suppress(ValidationError):
            return kind.model.model_validate(kept.data)
    return None


def _dated(value: Any) -> Any:
    """Parsed YAML with its dates as MessagePack extensions (decoded by `_undated`)."""
    kind = type(value)
    if kind is dict:
        return {key: _dated(item) for key, item in value.items()}
    if kind is list:
        return [_dated(item) for item in value]
    if kind is dt.datetime:
        return msgspec.msgpack.Ext(_DATETIME, value.isoformat().encode())
    if kind is dt.date:
        return msgspec.msgpack.Ext(_DATE, value.isoformat().encode())
    return value


def _undated(code: int, data: memoryview) -> dt.date:
    text = bytes(data).decode()
    if code == _DATE:
        return dt.date.fromisoformat(text)
    if code == _DATETIME:
        return dt.datetime.fromisoformat(text)
    raise ValueError(f"extension {code} is never written")


_ENCODER = msgspec.msgpack.Encoder()
_READ = msgspec.msgpack.Decoder(Read, ext_hook=_undated)


def _is_context(rel: str) -> bool:
    kind = classify(PurePosixPath(rel))
    return kind is not None and not kind.is_record


def _ids_of(shard: Shard) -> str:
    return "\n".join(sorted({e.id for e in shard.values() if e.id}))


def _entry(kind_name: str | None, record: Model | None, now: FileStamp) -> Entry:
    rid = getattr(record, "id", None)
    kind = KINDS.get(kind_name or "")
    claims = kind is not None and kind.is_record and kind.folder is not None and record is not None
    day = getattr(record, "date", None) or getattr(record, "start", None)
    train, vehicle, location = (_text(getattr(record, name, None)) for name in SEEN)
    headline = getattr(record, "summary", None) or getattr(record, "title", None)
    size, mtime, ino, ctime = now
    return Entry(
        size,
        mtime,
        ino,
        ctime,
        kind_name or "",
        _text(rid),
        claims,
        day.isoformat() if isinstance(day, dt.date) else "",
        train,
        vehicle,
        location,
        _text(headline)[:HEADLINE_CHARS],
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _folder_stamp(st: os.stat_result, started: int) -> tuple[int, int, int]:
    if max(st.st_mtime_ns, st.st_ctime_ns) >= started - c.RACY_NS:
        return UNTRUSTED
    return (st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def _file_stamp(st: os.stat_result, started: int) -> FileStamp:
    if not stat.S_ISREG(st.st_mode) or max(st.st_mtime_ns, st.st_ctime_ns) >= started - c.RACY_NS:
        return (st.st_size, -1, st.st_ino, -1)
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def _shard_name(folder: str) -> str:
    return f"index-files/{hashlib.blake2b(folder.encode(), digest_size=8).hexdigest()}"


def _load_shard(root: Path, folder: str) -> Shard | None:
    return c.load_store(root, _shard_name(folder), Shard)


def seen_values(files: Iterator[tuple[str, Entry]]) -> dict[str, list[str]]:
    """Trains, vehicles and locations of reports and incidents, most used first."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in SEEN}
    for _, entry in files:
        if entry.kind in ("report", "incident"):
            for name in SEEN:
                value = getattr(entry, name)
                if value:
                    counts[name][value] += 1
    return {name: [v for v, _ in counts[name].most_common()] for name in SEEN}
