"""`barrier check --staged | --changed | --against REV`: check what git is about to record.

``--staged`` checks the tree as it is staged, so the commit being made is checked, not the
working files (which may hold unstaged edits or untracked files). ``--changed`` reports on
the files that differ from a revision. Either way findings are reported for the touched
files *and* for every record that refers to one of them: changing a report can break the
incident that links to it. ``--against REV`` adds the audit trail (see `audit`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from barrier_cli.checks.audit import audit
from barrier_cli.checks.run import CheckResult, check_tree, locator_of
from barrier_cli.core import findings as f
from barrier_cli.core.findings import Finding
from barrier_cli.core.kinds import YAML_SUFFIXES, classify
from barrier_cli.core.models.common import Problem
from barrier_cli.io.gitio import INDEX, Repo
from barrier_cli.io.loader import SKIPPED_DIRS, FileResult, read_blob
from barrier_cli.io.parallel import load_tree
from barrier_cli.io.scope import tree_prefixes, under


def blob_results(blobs: dict[str, bytes]) -> list[FileResult]:
    """Files given as bytes (from git), read by the loader's own reader."""
    return [read_blob(rel, blobs[rel]) for rel in sorted(blobs) if _walked(rel)]


def _walked(rel: str) -> bool:
    """Whether the tree walker (`loader.iter_files`) would visit a file at ``rel``."""
    parts = PurePosixPath(rel).parts
    if any(p.startswith(".") for p in parts) or not rel.endswith(YAML_SUFFIXES):
        return False
    return not (len(parts) > 1 and parts[0] in SKIPPED_DIRS)


def affected(results: list[FileResult], touched: Iterable[str]) -> set[str]:
    """The touched files plus every record that mentions the id of a touched record.

    Settings, org.yaml and the standards are read by every rule, so touching one of them
    affects the whole tree.
    """
    touched = set(touched)
    if any(_kind_name(rel) in ("settings", "org", "standard") for rel in touched):
        return {r.rel for r in results} | touched
    ids = {PurePosixPath(rel).stem for rel in touched}
    ids |= {r.record_id for r in results if r.rel in touched and r.record_id}
    out = set(touched)
    for result in results:
        if result.record is not None and not ids.isdisjoint(_strings(result.record.model_dump())):
            out.add(result.rel)
    return out


def _kind_name(rel: str) -> str:
    kind = classify(PurePosixPath(rel))
    return kind.name if kind else ""


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def check_git(
    root: Path,
    *,
    paths: list[Path] | None = None,
    staged: bool = False,
    changed: bool = False,
    against: str | None = None,
    day: dt.date | None = None,
    cache: bool = False,
    jobs: int | None = None,
) -> CheckResult:
    """Check the staged tree (or the working tree), report on what changed, audit if asked.

    ``changed`` compares with ``against`` (default HEAD). ``against`` HEAD in a repository
    without commits yet (the first commit) has nothing to audit and is skipped. ``cache``
    and ``jobs`` apply to reading the working tree, as for a plain check.
    """
    repo = Repo.of(root)
    prefixes = tree_prefixes(root, paths)
    base = against or "HEAD"
    first_commit = base == "HEAD" and not repo.has_commits()
    touched: list[str] = []
    if staged:
        touched = repo.staged()
        if not touched and base == "HEAD":
            return CheckResult([], 0)  # a commit that leaves the records alone: nothing to say
    blobs: dict[str, bytes] | None = None
    if staged:
        results, blobs = staged_results(repo, root, cache=cache, jobs=jobs)
    else:
        results = load_tree(root, cache=cache, jobs=jobs).files
    if changed and not staged:  # before the first commit, every file is a change
        touched = [r.rel for r in results] if first_commit else repo.changed_since(base)
    scope: set[str] | None = None
    if staged or changed:
        scope = {rel for rel in affected(results, touched) if under(rel, prefixes)}
    elif paths is not None:
        scope = {r.rel for r in results if under(r.rel, prefixes)}
    everything = scope is None or scope >= {r.rel for r in results}
    selection = None if everything else [root / rel for rel in sorted(scope or ())]
    result = check_tree(root, paths=selection, day=day, results=results, blobs=blobs)
    if against is not None and not first_commit:
        # a file the same at REV and now cannot break the audit trail: read only the others
        since = set(repo.staged(base) if staged else repo.changed_since(base))
        before = blob_results(repo.files(base, only=since))
        extra = [
            _located(root, rel, problem, blobs)
            for rel, problem in audit(before, results)
            if under(rel, prefixes) and (scope is None or rel in scope or problem.code == f.DELETED)
        ]
        result = CheckResult(sorted([*result.findings, *extra], key=Finding.sort_key), result.files)
    return result


def staged_results(
    repo: Repo, root: Path, *, cache: bool = False, jobs: int | None = None
) -> tuple[list[FileResult], dict[str, bytes]]:
    """The tree as staged, and the index contents that differ from the working files.

    Most staged files equal their working file, so those are read like a plain check
    (through the cache); only files edited since staging, or deleted from the working tree,
    are read from the index, and files git does not track are left out.
    """
    drift = set(repo.unstaged()) | set(repo.untracked())
    working = [r for r in load_tree(root, cache=cache, jobs=jobs).files if r.rel not in drift]
    blobs = repo.files(INDEX, only=drift)
    results = sorted([*working, *blob_results(blobs)], key=lambda r: r.rel)
    return results, blobs


def _located(root: Path, rel: str, problem: Problem, blobs: dict[str, bytes] | None) -> Finding:
    line, col = locator_of(root, rel, blobs).key(problem.loc) if problem.loc else (0, 0)
    return Finding(
        rel, problem.code, problem.message, line, col, f.CODES.severity(problem.code), problem.hint
    )


__all__ = ["affected", "blob_results", "check_git"]
