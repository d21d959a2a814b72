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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from barrier_cli import cache as c
from barrier_cli.checks import (
    FileCheck,
    check_files,
    selector,
    summarise,
    tree_findings,
)
from barrier_cli.checks.layout import layout_id
from barrier_cli.checks.refs import record_id
from barrier_cli.findings import CheckResult, Finding
from barrier_cli.kinds import classify
from barrier_cli.loader import SKIPPED_DIRS, FileResult, build_tree, load_tree, read_file

STORE = "check-files"
MAX_CHANGED = 250
"""More changed files than this are read over all cores by the full path instead."""


class _Known(NamedTuple):
    """What the last check knew of one file (a plain tuple: the fastest to store and load)."""

    stamp: c.Stamp
    digest: bytes | None
    """The content hash when the stamp was too new to trust (see `cache.RACY_NS`)."""
    findings: tuple[Finding, ...]
    record_id: str | None
    layout_id: str | None
    asked: frozenset[str]

    def check(self, rel: str) -> FileCheck:
        return FileCheck(rel, self.findings, self.record_id, self.layout_id, self.asked)


@dataclass
class _State:
    day: str
    files: dict[str, _Known]
    """Every file the loader lists, in its (sorted) order."""
    tree_wide: list[Finding]


def check_changes(
    root: Path,
    *,
    paths: Iterable[Path] | None,
    day: dt.date,
    stamps: dict[str, c.Stamp],
    started: int,
    jobs: int | None = None,
) -> CheckResult:
    """The check of the tree whose files had ``stamps`` at ``started``, for ``paths``.

    The per-file answers are kept for the next run whatever ``paths`` selects.
    """
    wanted = selector(root, paths)
    listed = _listed(stamps)
    racy = c.racy_hashes(root, stamps, started)
    state = c.load_store(root, STORE, _State)
    checks = None
    if state is not None and listed is not None:
        checks, tree_wide = _recheck(root, state, day, listed, stamps, racy), state.tree_wide
    if checks is None:
        tree = load_tree(root, cache=True, jobs=jobs)
        checks, tree_wide = check_files(tree, day, tree.files), tree_findings(tree, day)
    missing: c.Stamp = (-2, -2, -2, -2, "")  # a file listed after the scan: changed next time
    files = {
        ch.rel: _Known(stamps.get(ch.rel, missing), racy.get(ch.rel), *ch[1:]) for ch in checks
    }
    c.save_store(root, STORE, _State(day.isoformat(), files, tree_wide))
    return summarise(checks, tree_wide if wanted("org.yaml") else [], wanted)


def _listed(stamps: dict[str, c.Stamp]) -> list[str] | None:
    """What `loader.iter_files` lists, from the memo's scan; None if a link makes it differ."""
    out = []
    for rel, st in stamps.items():
        if "/" in rel and rel.partition("/")[0] in SKIPPED_DIRS:
            continue
        if st[4]:
            return None
        out.append(rel)
    out.sort()
    return out


def _recheck(
    root: Path,
    state: _State,
    day: dt.date,
    listed: list[str],
    stamps: dict[str, c.Stamp],
    racy: dict[str, bytes],
) -> list[FileCheck] | None:
    """The checks of ``listed`` from ``state`` and a few files read again, or None when the
    change is one only the full path may answer."""
    if state.day != day.isoformat():
        return None
    old = state.files
    changed = [rel for rel in listed if not _same(root, rel, old.get(rel), stamps[rel], racy)]
    present = set(listed)
    removed = [rel for rel in old if rel not in present]
    if len(changed) + len(removed) > MAX_CHANGED:
        return None
    if any(_is_context(rel) for rel in [*changed, *removed]):
        return None
    store = c.FileCache.open(root)  # for the few unchanged files read; never written here
    fresh = {rel: read_file(root, rel) for rel in changed}

    def known(rel: str) -> tuple[str | None, str | None]:
        if rel in fresh:
            return record_id(fresh[rel]), layout_id(fresh[rel])
        return old[rel].record_id, old[rel].layout_id

    before_ids = {k.record_id for k in old.values()}
    now = {rel: known(rel) for rel in listed}
    after_ids = {rid for rid, _ in now.values()}
    came_or_went = (before_ids ^ after_ids) - {None}
    first_before = _first_files((rel, k.layout_id) for rel, k in old.items())
    first_after = _first_files((rel, lid) for rel, (_, lid) in now.items())
    redo = set(fresh)
    for rel in listed:
        if rel in redo:
            continue
        lid = old[rel].layout_id
        if old[rel].asked & came_or_went or (
            lid is not None and first_before.get(lid) != first_after.get(lid)
        ):
            redo.add(rel)
    again = {
        rel: fresh[rel] if rel in fresh else _read(root, rel, store, stamps[rel]) for rel in redo
    }
    context = [_read(root, rel, store, stamps[rel]) for rel in listed if _is_context(rel)]
    tree = build_tree(root, [*context, *again.values()])
    records = {rid for rid in after_ids if rid is not None}
    redone = check_files(
        tree, day, [again[rel] for rel in sorted(redo)], records=records, first_of=first_after
    )
    by_rel = {ch.rel: ch for ch in redone}
    return [by_rel.get(rel) or old[rel].check(rel) for rel in listed]


def _same(root: Path, rel: str, known: _Known | None, now: c.Stamp, racy: dict[str, bytes]) -> bool:
    if known is None or known.stamp != now:
        return False
    if known.digest is None:
        return True
    digest = racy.get(rel)
    return known.digest == (digest if digest is not None else c.content_hash(root / rel))


def _is_context(rel: str) -> bool:
    """org.yaml, barrier.yaml and standards: every file's findings may rest on them."""
    if "/" in rel and not rel.startswith("standards/"):
        return False  # what `classify` would say, without a path object per file
    kind = classify(PurePosixPath(rel))
    return kind is not None and not kind.is_record


def _first_files(claims: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """`layout.first_files` from the claims of every file, given in the tree's order."""
    first: dict[str, str] = {}
    for rel, claimed in claims:
        if claimed is not None:
            first.setdefault(claimed, rel)
    return first


def _read(root: Path, rel: str, store: c.FileCache, now: c.Stamp) -> FileResult:
    """A file's read result, from the file cache if it is unchanged there.

    The file cache is left as it is: the next full check brings it up to date.
    """
    hit = store.get(rel, now)
    return hit if hit is not None else read_file(root, rel)
