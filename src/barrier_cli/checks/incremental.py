"""Re-check only the files a change can affect, from the last check's answer for each file.

The last check keeps, for every file, its stamp and its `FileCheck`: the located findings,
the id it claims and the record ids its references looked up. A file's findings rest on
its own bytes, today, barrier's code, org.yaml, barrier.yaml and the standards (the
*context*), on whether the ids it looked up exist, and on which file first claims its id.
So when only records changed (edited, added, removed), the files to check again are:

* the changed and added ones;
* those that looked up an id that came or went (a link that dangles, or no longer does);
* those whose id's first file changed (a duplicate appears or goes away).

Everything else keeps its findings without its record being read or validated. Any change
to the context, another day, a symbolic link, or many changed files take the full path,
which is `check_tree` itself; both paths give exactly the answer a cold run gives (the
cache-equivalence tests compare them change by change).

The answers are kept per folder, so that the work and the writing grow with the change,
not the tree: a small index (`INDEX`) holds each folder's digest (`cache.Folder`) and
findings; the ids each folder's files claim and look up, most of what is known of the tree
(1.7 MB at 100k), are a store of their own (`IDS`), written only when an id changed, not on
every edit of a note; each folder's files are a shard of their own (`SHARDS`), read only
when the folder changed or an id it holds is concerned, and written only when one of its
files was checked again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple

import msgspec

from barrier_cli.checks.run import (
    FileCheck,
    Wanted,
    check_files,
    selector,
    summarise,
    tree_findings,
)
from barrier_cli.core.findings import CheckResult, Finding
from barrier_cli.core.kinds import classify
from barrier_cli.io import cache as c
from barrier_cli.io.collector import collector_paused
from barrier_cli.io.loader import (
    SKIPPED_DIRS,
    FileResult,
    Tree,
    build_tree,
    read_file,
    result_of,
)

INDEX = "check-index"
IDS = "check-ids"
SHARDS = "check-shards"
"""A folder of its own: before the index, "check-files" was one file of that name, which a
cache written by an older version may still hold."""
CONTEXT = "check-context"
"""The context files' validated records (`rebuild.keep`), by path, with the stamp each
was read at: a check of one changed record makes them again instead of validating them."""
MAX_CHANGED = 250
"""More changed files than this are read over all cores by the full path instead."""


class _Known(NamedTuple):
    """What the last check knew of one file (a plain tuple: the fastest to store and load)."""

    stamp: c.Stamp
    findings: tuple[Finding, ...]
    record_id: str | None
    layout_id: str | None
    asked: frozenset[str]

    def check(self, rel: str) -> FileCheck:
        return FileCheck(rel, self.findings, self.record_id, self.layout_id, self.asked)


Shard = dict[str, _Known]


class _ShardFile(NamedTuple):
    token: str
    """Names this writing of the shard; the index names the one it was written with, so a
    shard left by a run that stopped before its index, or by another run meanwhile, is
    never taken for this index's."""
    files: Shard


class _Names(msgspec.Struct, array_like=True, frozen=True):
    """A folder's ids (those its files claim or look up) as one string, asked one at a time.

    Decoding a thousand ids into a set for each of a hundred folders was most of what a
    one-file check spent reading the index; a string is one copy, and a membership test is
    one search in it. Ids that hold a line break, which no valid record has, are kept aside.
    """

    joined: str
    """The ids, sorted, each between line breaks ("" for none)."""
    odd: tuple[str, ...] = ()

    @classmethod
    def of(cls, names: Iterable[str]) -> _Names:
        unique = set(names)
        plain = sorted(n for n in unique if "\n" not in n)
        joined = "\n" + "\n".join(plain) + "\n" if plain else ""
        return cls(joined, tuple(sorted(unique.difference(plain))))

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if "\n" in name:
            return name in self.odd
        return f"\n{name}\n" in self.joined

    def __iter__(self) -> Iterator[str]:
        yield from self.joined.split("\n")[1:-1]
        yield from self.odd

    def any_of(self, names: Iterable[str]) -> bool:
        return any(name in self for name in names)


class _AllIds(Set[str]):
    """Every record id of the tree, asked one at a time (`refs.Index.records`): what the
    unchanged folders kept, and what the changed ones claim now, never gathered into one set
    of the whole tree."""

    def __init__(self, parts: list[_Names | frozenset[str]]) -> None:
        self.parts = parts

    def __contains__(self, rid: object) -> bool:
        return any(rid in part for part in self.parts)

    def __iter__(self) -> Iterator[str]:
        seen: set[str] = set()
        for part in self.parts:
            seen.update(part)
        return iter(seen)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Folder(NamedTuple):
    """What the index keeps of one folder."""

    digest: bytes
    """`cache.Folder.digest` when its files were checked."""
    token: str
    """`_ShardFile.token` of its files' shard."""
    racy: dict[str, bytes]
    """The content hashes of its files whose stamps were too new to trust (`cache.RACY_NS`)."""
    findings: tuple[Finding, ...]
    record_ids: _Names
    own_layout_ids: _Names | None
    """None when they are the record ids, as they nearly always are (half the index)."""
    asked: _Names

    @property
    def layout_ids(self) -> _Names:
        return self.record_ids if self.own_layout_ids is None else self.own_layout_ids


@dataclass
class _Index:
    day: str
    folders: dict[str, _Folder]
    tree_wide: list[Finding]
    ids_token: str = ""
    """`_IdsFile.token` of the ids the folders were stored with ("" before they are)."""


class _Head(NamedTuple):
    """The index as stored, without the ids (`_IdsFile`) of the folders."""

    day: str
    folders: dict[str, tuple[bytes, str, dict[str, bytes], tuple[Finding, ...]]]
    tree_wide: list[Finding]
    ids_token: str


class _IdsFile(NamedTuple):
    token: str
    """Names this writing of the ids; the head names the one it goes with."""
    folders: dict[str, tuple[_Names, _Names | None, _Names]]


def _ids_of(kept: _Folder) -> tuple[_Names, _Names | None, _Names]:
    return kept.record_ids, kept.own_layout_ids, kept.asked


def _load_index(root: Path) -> _Index | None:
    """The index, or None when it or its ids are missing, damaged or not of one writing."""
    head = c.load_store(root, INDEX, _Head)
    if head is None:
        return None
    ids = c.load_store(root, IDS, _IdsFile)
    if ids is None or ids.token != head.ids_token or ids.folders.keys() != head.folders.keys():
        return None
    folders = {name: _Folder(*kept, *ids.folders[name]) for name, kept in head.folders.items()}
    return _Index(head.day, folders, head.tree_wide, head.ids_token)


def _save_index(root: Path, index: _Index, before: _Index | None = None) -> _Index:
    """Keep ``index``; its ids are written again only when they differ from ``before``'s."""
    same = (
        before is not None
        and bool(index.ids_token)
        and before.folders.keys() == index.folders.keys()
        and all(_ids_of(k) == _ids_of(before.folders[n]) for n, k in index.folders.items())
    )
    token = index.ids_token if same else os.urandom(8).hex()
    if not same:
        ids = {name: _ids_of(kept) for name, kept in index.folders.items()}
        c.save_store(root, IDS, _IdsFile(token, ids))
    head = {name: (k.digest, k.token, k.racy, k.findings) for name, k in index.folders.items()}
    c.save_store(root, INDEX, _Head(index.day, head, index.tree_wide, token))
    return _Index(index.day, index.folders, index.tree_wide, token)


def check_changes(
    root: Path,
    *,
    paths: Iterable[Path] | None,
    day: dt.date,
    folders: dict[str, c.Folder],
    started: int,
    jobs: int | None = None,
) -> CheckResult:
    """The check of the tree whose folders were ``folders`` at ``started``, for ``paths``.

    The per-file answers are kept for the next run whatever ``paths`` selects.
    """
    wanted = selector(root, paths)
    listed = _listed(folders)
    racy = c.racy_hashes(root, folders, started)
    index = _load_index(root)
    if index is not None and listed is not None and index.day == day.isoformat():
        with collector_paused():  # the models it builds on first use live to the end
            kept = _Recheck(root, index, day, listed, racy).run()
        if kept is not None:
            return _summary(kept, listed, wanted)
    tree = load_tree(root, cache=True, jobs=jobs)
    checks, tree_wide = check_files(tree, day, tree.files), tree_findings(tree, day)
    shards: dict[str, Shard] = {}
    missing: c.Stamp = (-2, -2, -2, -2, "")  # a file listed after the scan: changed next time
    for ch in checks:
        folder = _folder_of(ch.rel)
        scanned = folders.get(folder)
        now = scanned.files.get(ch.rel) if scanned else None
        shards.setdefault(folder, {})[ch.rel] = _Known(now or missing, *ch[1:])
    index = _Index(day.isoformat(), {}, tree_wide)
    for folder, shard in shards.items():
        scanned = folders.get(folder)
        digest = scanned.digest if scanned else b""
        index.folders[folder] = _summarise_folder(
            shard, digest, racy, _save_shard(root, folder, shard)
        )
    _save_index(root, index)
    return summarise(checks, tree_wide if wanted("org.yaml") else [], wanted)


def load_tree(root: Path, *, cache: bool, jobs: int | None) -> Tree:
    """`parallel.load_tree`, imported by the full path alone: its worker machinery
    (multiprocessing, ctypes) was a tenth of what a one-file check imports."""
    from barrier_cli.io import parallel

    return parallel.load_tree(root, cache=cache, jobs=jobs)


def _summary(index: _Index, listed: dict[str, c.Folder], wanted: Wanted) -> CheckResult:
    """`checks.summarise` from the folders' findings, without a file's answer read."""
    findings = [x for kept in index.folders.values() for x in kept.findings if wanted(x.path)]
    if wanted.prefixes is None:
        checked = sum(len(folder) for folder in listed.values())
    else:
        checked = sum(1 for folder in listed.values() for rel in folder.files if wanted(rel))
    findings.extend(index.tree_wide if wanted("org.yaml") else [])
    findings.sort(key=Finding.sort_key)
    return CheckResult(findings, checked)


def _listed(folders: dict[str, c.Folder]) -> dict[str, c.Folder] | None:
    """The folders `loader.iter_files` reads, from the scan; None if a link makes it differ."""
    out = {}
    for name, folder in folders.items():
        if name.startswith(c.TEMPLATES) or name.partition("/")[0] in SKIPPED_DIRS:
            continue
        if any(st[4] for st in folder.extra.values()):
            return None
        out[name] = folder
    return out


class _Recheck:
    """The index after checking again what changed since ``index`` and what it reaches,
    or None (`run`) when the change is one only the full path may answer."""

    def __init__(
        self,
        root: Path,
        index: _Index,
        day: dt.date,
        listed: dict[str, c.Folder],
        racy: dict[str, bytes],
    ) -> None:
        self.root, self.index, self.day, self.listed, self.racy = root, index, day, listed, racy
        self.old = index.folders
        self.shards: dict[str, Shard] = {}
        """The folders' files as the last check knew them, read when first needed."""
        self.claims: dict[str, tuple[str | None, str | None]] = {}
        """The record and layout ids of the files read again."""
        self.files: c.FileCache | None = None
        self.context: dict[str, tuple[c.Stamp, bytes]] | None = None
        """`CONTEXT`, read when first needed."""
        self.context_changed = False

    def shard(self, folder: str) -> Shard:
        if folder not in self.shards:
            loaded = c.load_store(self.root, _shard_name(folder), _ShardFile)
            if loaded is None or loaded.token != self.old[folder].token:
                raise _FullPath  # damaged, missing or not this index's: read everything
            self.shards[folder] = loaded.files
        return self.shards[folder]

    def run(self) -> _Index | None:
        try:
            return self._run()
        except _FullPath:
            return None

    def _run(self) -> _Index:
        old = self.old
        touched = [f for f in self.listed if f not in old or not self._same_folder(f, old[f])]
        gone = [f for f in old if f not in self.listed]
        changed: list[str] = []
        removed: list[str] = []
        before: list[_Known] = []  # what the changed and removed files claimed
        for folder in [*touched, *gone]:
            shard = self.shard(folder) if folder in old else {}
            now = self.listed[folder].files if folder in self.listed else {}
            for rel, st in now.items():
                known = shard.get(rel)
                if known is None or not self._same_file(rel, known, st):
                    changed.append(rel)
                    if known is not None:
                        before.append(known)
            removed += [rel for rel in shard if rel not in now]
            before += [shard[rel] for rel in shard if rel not in now]
        if len(changed) + len(removed) > MAX_CHANGED:
            raise _FullPath
        if any(_is_context(rel) for rel in [*changed, *removed]):
            raise _FullPath
        fresh = {rel: read_file(self.root, rel) for rel in changed}
        self.claims = {rel: _claims(result) for rel, result in fresh.items()}
        now_ids = {folder: self._ids(folder) for folder in touched}
        came_or_went = self._came_or_went(before, now_ids)
        lids = {k.layout_id for k in before} | {lid for _, lid in self.claims.values()}
        redo = set(fresh)
        first_of: dict[str, str] = {}
        for lid in (lid for lid in lids if lid is not None):
            claimed = self._claimants(lid, now_ids)
            if claimed:
                first_of[lid] = min(claimed)
            if min(self._claimants(lid, now_ids, before=True), default=None) != min(
                claimed, default=None
            ):
                redo |= claimed
        for folder, kept in old.items() if came_or_went else ():
            if folder in self.listed and kept.asked.any_of(came_or_went):
                redo |= {r for r, k in self.shard(folder).items() if k.asked & came_or_went}
        again = {rel: fresh.get(rel) or self._read(rel) for rel in redo}
        for result in again.values():
            own = _claims(result)[1]
            if own is not None and own not in first_of:
                first_of[own] = min(self._claimants(own, now_ids))
        records = _AllIds(
            [
                *(ids for ids, _ in now_ids.values()),
                *(k.record_ids for f, k in old.items() if f in self.listed and f not in now_ids),
            ]
        )
        results = [again[rel] for rel in sorted(redo)]
        redone: list[FileCheck] = []
        narrowed = self._narrowed_context(results)
        if narrowed is not None:
            tree = build_tree(self.root, [*narrowed, *again.values()])
            redone = check_files(tree, self.day, results, records=records, first_of=first_of)
        if narrowed is None or any(ch.findings for ch in redone):
            # what is said of a finding (a did-you-mean among everybody) needs the whole org
            context = [self._read(rel) for rel in self._context_files()]
            tree = build_tree(self.root, [*context, *again.values()])
            redone = check_files(tree, self.day, results, records=records, first_of=first_of)
        return self._kept(redone, [*touched, *gone])

    def _narrowed_context(self, results: list[FileResult]) -> list[FileResult] | None:
        """The context with org.yaml's people narrowed to those the records checked again
        name, which is all their rules look up (`refs.Index`; `checks.entry` relies on the
        same), so that thousands of others are neither unpacked nor validated; a check that
        finds anything is made again with the whole org. None where the narrowed org is not
        known to answer as the whole one: a record that did not validate, or an org.yaml with
        findings of its own (it may not validate as a whole) or not in the file cache."""
        names: set[str] = set()
        for result in results:
            if result.record is None:
                return None
            names |= _strings(result.record.model_dump())
        out = []
        for rel in self._context_files():
            kind = classify(PurePosixPath(rel))
            if kind is None or kind.name != "org":
                out.append(self._context_file(rel))
                continue
            kept = self.old.get("")
            if kept is None or any(x.path == rel for x in [*kept.findings, *self.index.tree_wide]):
                return None
            packed = self._files().get_packed(rel, self.listed[""].files[rel])
            data = packed.data if packed is not None and packed.parse_problem is None else None
            if not isinstance(data, dict) or not isinstance(data.get("people"), list):
                return None
            named = [p for p in data["people"] if isinstance(p, dict) and p.get("id") in names]
            org = result_of(rel, kind, c.unpack({**data, "people": named}), None)
            if org.record is None:
                return None
            out.append(org)
        return out

    def _same_folder(self, folder: str, kept: _Folder) -> bool:
        if kept.digest != self.listed[folder].digest:
            return False
        return all(self._hash(rel) == digest for rel, digest in kept.racy.items())

    def _same_file(self, rel: str, known: _Known, now: c.Stamp) -> bool:
        if known.stamp != now:
            return False
        digest = self.old[_folder_of(rel)].racy.get(rel)
        return digest is None or digest == self._hash(rel)

    def _hash(self, rel: str) -> bytes:
        digest = self.racy.get(rel)
        return digest if digest is not None else c.content_hash(self.root / rel)

    def _now(self, folder: str) -> dict[str, tuple[str | None, str | None]]:
        """What each file of a changed folder claims now."""
        shard = self.shards.get(folder, {})
        return {
            rel: self.claims[rel]
            if rel in self.claims
            else (shard[rel].record_id, shard[rel].layout_id)
            for rel in self.listed[folder].files
        }

    def _ids(self, folder: str) -> tuple[frozenset[str], frozenset[str]]:
        """The record and layout ids a changed folder's files claim now."""
        claims = self._now(folder).values()
        return (
            frozenset(rid for rid, _ in claims if rid is not None),
            frozenset(lid for _, lid in claims if lid is not None),
        )

    def _came_or_went(
        self, before: list[_Known], now_ids: dict[str, tuple[frozenset[str], frozenset[str]]]
    ) -> frozenset[str]:
        """The record ids that exist now and did not before, or the other way round."""
        candidates = {k.record_id for k in before} | {rid for rid, _ in self.claims.values()}
        out = set()
        for rid in candidates - {None}:
            was = any(rid in kept.record_ids for kept in self.old.values())
            is_ = any(rid in ids for ids, _ in now_ids.values()) or any(
                rid in kept.record_ids
                for f, kept in self.old.items()
                if f in self.listed and f not in now_ids
            )
            if was != is_:
                out.add(rid)
        return frozenset(rid for rid in out if rid is not None)

    def _claimants(
        self,
        lid: str,
        now_ids: dict[str, tuple[frozenset[str], frozenset[str]]],
        *,
        before: bool = False,
    ) -> set[str]:
        """The files that claim ``lid`` as their layout id: now, or ``before`` the change."""
        out: set[str] = set()
        for folder, kept in self.old.items():
            unchanged = folder in self.listed and folder not in now_ids
            if (before or unchanged) and lid in kept.layout_ids:
                out |= {rel for rel, k in self.shard(folder).items() if k.layout_id == lid}
        if not before:
            for folder, (_, lids) in now_ids.items():
                if lid in lids:
                    out |= {
                        rel for rel, (_, claimed) in self._now(folder).items() if claimed == lid
                    }
        return out

    def _context_files(self) -> list[str]:
        return [
            rel
            for folder in ("", "standards/")
            if folder in self.listed
            for rel in self.listed[folder].files
            if _is_context(rel)
        ]

    def _files(self) -> c.FileCache:
        """The file cache, left as it is: the next full check brings it up to date."""
        if self.files is None:
            self.files = c.FileCache.open(self.root)
        return self.files

    def _read(self, rel: str) -> FileResult:
        """A file's read result, from the file cache if it is unchanged there."""
        hit = self._files().get(rel, self.listed[_folder_of(rel)].files[rel])
        return hit if hit is not None else read_file(self.root, rel)

    def _context_file(self, rel: str) -> FileResult:
        """A context file's result: its record made again from `CONTEXT` while its stamp is
        the one kept (any change to it takes the full path, `_run`), else read and kept.
        A file too new to trust its stamp (`cache.is_racy`) is read every time."""
        from barrier_cli.io import rebuild

        if self.context is None:
            found = c.load_store(self.root, CONTEXT, dict[str, tuple[c.Stamp, bytes]])
            self.context = found if found is not None else {}
        now = self.listed[_folder_of(rel)].files[rel]
        kind = classify(PurePosixPath(rel))
        kept = self.context.get(rel)
        if kind is not None and kept is not None and kept[0] == now and rel not in self.racy:
            record = rebuild.rebuilt(kind.model, kept[1])
            if record is not None:
                return FileResult(rel, kind.name, record)
        result = self._read(rel)
        blob = None
        if result.record is not None and not result.problems and rel not in self.racy:
            blob = rebuild.keep(result.record)
        if blob is not None:
            self.context[rel] = (now, blob)
            self.context_changed = True
        return result

    def _kept(self, redone: list[FileCheck], changed_folders: list[str]) -> _Index:
        """The new index; the shards of the folders that changed or were checked again
        are written, no other."""
        by_folder: dict[str, dict[str, _Known]] = {f: {} for f in changed_folders}
        for ch in redone:
            folder = _folder_of(ch.rel)
            by_folder.setdefault(folder, {})[ch.rel] = _Known(
                self.listed[folder].files[ch.rel], *ch[1:]
            )
        folders = dict(self.old)
        for folder, fresh in by_folder.items():
            now = self.listed.get(folder)
            if now is None:
                folders.pop(folder, None)
                c.drop_store(self.root, _shard_name(folder))
                continue
            kept = self.shards.get(folder) or (self.shard(folder) if folder in self.old else {})
            shard = {rel: fresh.get(rel) or kept[rel] for rel in now.files}
            token = _save_shard(self.root, folder, shard)
            folders[folder] = _summarise_folder(shard, now.digest, self.racy, token)
        index = _Index(self.index.day, folders, self.index.tree_wide, self.index.ids_token)
        if self.context_changed and self.context is not None:
            c.save_store(self.root, CONTEXT, self.context)
        return _save_index(self.root, index, self.index)


class _FullPath(Exception):
    """The change is one only the full path may answer."""


def _strings(value: object) -> set[str]:
    """Every text in a record's data: a superset of the people it names."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*map(_strings, value.values()))
    if isinstance(value, list | tuple | set | frozenset):
        return set().union(*map(_strings, value))
    return set()


def _claims(result: FileResult) -> tuple[str | None, str | None]:
    from barrier_cli.checks.layout import layout_id
    from barrier_cli.checks.refs import record_id

    return record_id(result), layout_id(result)


def _summarise_folder(shard: Shard, digest: bytes, racy: dict[str, bytes], token: str) -> _Folder:
    record_ids = _Names.of(k.record_id for k in shard.values() if k.record_id is not None)
    layout_ids = _Names.of(k.layout_id for k in shard.values() if k.layout_id is not None)
    return _Folder(
        digest,
        token,
        {rel: racy[rel] for rel in shard if rel in racy},
        tuple(x for known in shard.values() for x in known.findings),
        record_ids,
        None if layout_ids == record_ids else layout_ids,
        _Names.of(rid for k in shard.values() for rid in k.asked),
    )


def _folder_of(rel: str) -> str:
    """The `cache.scan_folders` key of the folder ``rel`` is in."""
    return rel[: rel.rfind("/") + 1]


def _save_shard(root: Path, folder: str, shard: Shard) -> str:
    token = os.urandom(8).hex()
    c.save_store(root, _shard_name(folder), _ShardFile(token, shard))
    return token


def _shard_name(folder: str) -> str:
    return f"{SHARDS}/{hashlib.blake2b(folder.encode(), digest_size=8).hexdigest()}"


def _is_context(rel: str) -> bool:
    """org.yaml, barrier.yaml and standards: every file's findings may rest on them."""
    if "/" in rel and not rel.startswith("standards/"):
        return False  # what `classify` would say, without a path object per file
    kind = classify(PurePosixPath(rel))
    return kind is not None and not kind.is_record
