"""Find the records tree, read every file into a validated record, and hold them as a Tree.

Reading one file (`read_file`) is a pure function of the file's bytes, so its result can be
cached by file identity and computed on any core. Rules that depend on today's date or on
other records are applied afterwards, on every run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from pydantic import ValidationError

from barrier_cli import findings as f
from barrier_cli.kinds import KINDS, YAML_SUFFIXES, Kind, classify
from barrier_cli.models import (
    Assessment,
    Competence,
    Incident,
    KeyPerson,
    NilReturns,
    NoticeEntry,
    Org,
    Pairing,
    Priorities,
    Report,
    Reward,
    Roster,
    Roundup,
    Settings,
    Standard,
)
from barrier_cli.models.common import Model, Problem
from barrier_cli.schema_errors import problems_from
from barrier_cli.tree_root import SETTINGS_FILE, find_records, is_stray, today
from barrier_cli.yamlio import ParseProblem, decode, load_text, read_bytes

SKIPPED_DIRS = frozenset({"templates", "node_modules"})
M = TypeVar("M", bound=Model)


@dataclass
class FileResult:
    """One file read: its record if it validated, and the problems it has on its own."""

    rel: str
    kind: str | None
    record: Model | None = None
    problems: list[Problem] = field(default_factory=list)
    parse_problem: ParseProblem | None = None
    partial: Model | None = None
    """When the record fails its schema: the record without its faulty top-level fields,
    if that validates. Only the identity and reference checks look at it."""

    @property
    def record_id(self) -> str | None:
        return getattr(self.record, "id", None)


def read_file(root: Path, rel: str) -> FileResult:
    """Read, parse and validate one file. Never raises for anything the file contains."""
    return result_of(rel, *parse_file(root, rel))


NO_DATA: Any = object()
"""What `parse_file` gives for a file that is no record kind or does not parse."""


def parse_file(root: Path, rel: str) -> tuple[Kind | None, Any, ParseProblem | None]:
    """A file's kind and parsed YAML (the slow half of `read_file`), or why it does not parse."""
    kind = classify(PurePosixPath(rel))
    if kind is None:
        name = PurePosixPath(rel).name
        if is_stray(name):
            return (
                None,
                NO_DATA,
                ParseProblem(
                    f.UNKNOWN_FILE,
                    f"'{name}' is not read: only files ending in .yaml or .yml are records",
                    hint="rename it if it is a record; delete it if it is a leftover copy",
                ),
            )
        return None, NO_DATA, None
    try:
        return kind, load_text(decode(read_bytes(root / rel))), None
    except ParseProblem as e:
        return kind, NO_DATA, e
    except OSError as e:
        return kind, NO_DATA, ParseProblem(f.UNREADABLE, f"cannot read: {e.strerror}")


def result_of(
    rel: str, kind: Kind | None, data: Any, parse_problem: ParseProblem | None
) -> FileResult:
    """The file's result from its parsed YAML: validated, with what can be salvaged."""
    result = FileResult(rel, kind.name if kind else None, parse_problem=parse_problem)
    if kind is None or parse_problem is not None:
        return result
    result.record, result.problems = validate(kind, data)
    if result.record is None and isinstance(data, dict):
        result.partial = salvage(kind, data, result.problems)
    return result


def salvage(kind: Kind, data: dict[Any, Any], problems: list[Problem]) -> Model | None:
    """The record less the top-level fields its problems are in, if that still validates.

    One typo in a field must not hide the rest: a report with a misspelt risk still gets
    its reporter and links checked. A missing required field leaves nothing to salvage.
    """
    faulty = {p.loc[0] for p in problems if p.loc}
    if not faulty or any(not p.loc for p in problems):
        return None
    try:
        return kind.model.model_validate({k: v for k, v in data.items() if k not in faulty})
    except ValidationError:
        return None


def validate(kind: Kind, data: Any) -> tuple[Model | None, list[Problem]]:
    if data is None:
        if not kind.is_record:
            return kind.model(), []
        return None, [Problem(f.EMPTY, (), "the file holds no record")]
    if not isinstance(data, dict):
        return None, [
            Problem(
                f.NOT_MAPPING,
                (),
                f"a {kind.name} is a mapping of fields, not {type(data).__name__}",
                "write 'key: value' lines",
            )
        ]
    try:
        return kind.model.model_validate(data), []
    except ValidationError as e:
        return None, problems_from(e, kind.model)


def iter_files(root: Path) -> Iterator[tuple[str, ParseProblem | None]]:
    """Every YAML file under ``root`` as a posix path relative to it, sorted.

    Hidden folders (.git, .barrier-cache) and the tree's own templates are skipped. A
    symlink that points outside the tree is reported, never followed; so is a folder that
    cannot be listed, and a name that only looks like a record's (`tree_root.is_stray`).
    (One `os.scandir` per folder and no path objects per file: on 100k files this walk is
    on every run.)
    """
    real_root = root.resolve()
    out: list[tuple[str, ParseProblem | None]] = []
    pending = [(os.fspath(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as e:  # what it holds would be missing from every count: say so
            out.append((prefix.rstrip("/") or ".", _unlistable(e)))
            continue
        for entry in entries:
            name, rel = entry.name, prefix + entry.name
            if _is_dir(entry):
                if name.startswith(".") or (not prefix and name in SKIPPED_DIRS):
                    continue
                if entry.is_symlink():
                    out.append((rel, _symlink_problem(Path(entry.path), real_root)))
                else:
                    pending.append((entry.path, rel + "/"))
            elif (name.endswith(YAML_SUFFIXES) or is_stray(name)) and not name.startswith("."):
                link = entry.is_symlink()
                out.append((rel, _symlink_problem(Path(entry.path), real_root) if link else None))
    yield from sorted(out)


def _unlistable(error: OSError) -> ParseProblem:
    return ParseProblem(
        f.UNREADABLE,
        f"cannot list this folder ({error.strerror or error}): its records are not checked",
        hint="give the folder read and execute permission",
    )


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A folder, or a link to one (as os.walk sees it)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _symlink_problem(path: Path, real_root: Path) -> ParseProblem | None:
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop: RuntimeError before Python 3.13, then OSError
        return ParseProblem(f.SYMLINK, "a symbolic link that loops back on itself")
    if target == real_root or real_root in target.parents:
        return None
    return ParseProblem(
        f.SYMLINK,
        f"symbolic link to {target}, outside the records tree",
        hint="copy the file into the tree instead",
    )


@dataclass
class Tree:
    """Every valid record of a tree, by kind, plus the per-file results."""

    root: Path
    settings: Settings
    org: Org
    standards: dict[str, Standard]
    reports: list[Report]
    incidents: list[Incident]
    pairings: list[Pairing]
    assessments: list[Assessment]
    notices: list[NoticeEntry]
    files: list[FileResult]
    returns: list[NilReturns] = field(default_factory=list)
    """Nil returns (今日无异常): cadence feedback, never safety information."""
    roster: Roster = field(default_factory=Roster)
    """Shift cycles and leave (roster.yaml, optional): who is on duty which day."""
    roundups: list[Roundup] = field(default_factory=list)
    """Weekly (group) and monthly (branch) roll-ups: feedback of those tiers."""
    competence: list[Competence] = field(default_factory=list)
    key_persons: list[KeyPerson] = field(default_factory=list)
    rewards: list[Reward] = field(default_factory=list)
    priorities: list[Priorities] = field(default_factory=list)

    def by_id(self) -> dict[str, FileResult]:
        index: dict[str, FileResult] = {}
        for result in self.files:
            rid = result.record_id
            if rid is not None:
                index.setdefault(rid, result)
        return index

    def file_of(self, record: Model) -> str:
        rid = getattr(record, "id", None)
        rel = self._rel_of.get(rid) if rid else self._rel_of.get(id(record))
        if rel is None:
            raise KeyError(rid)
        return rel

    @cached_property
    def _rel_of(self) -> dict[object, str]:
        """The first file of each record id (or of each id-less record), built once."""
        index: dict[object, str] = {}
        for result in self.files:
            if result.record is not None:
                index.setdefault(result.record_id or id(result.record), result.rel)
        return index


def load_tree(
    root: Path,
    *,
    results: list[FileResult] | None = None,
    cache: bool = False,
    jobs: int | None = None,
) -> Tree:
    """Read the whole tree (or take already-read ``results``) into a Tree.

    ``cache`` reuses the read results of unchanged files from ``.barrier-cache/`` (see
    `cache`); many files are read over ``jobs`` processes (see `parallel`).
    """
    if results is None:
        from barrier_cli.parallel import read_tree

        results = read_tree(root, cache=cache, jobs=jobs)
    return build_tree(root, results)


def build_tree(root: Path, results: list[FileResult]) -> Tree:
    def records(model: type[M]) -> list[M]:
        return [r.record for r in results if isinstance(r.record, model)]

    settings = next(iter(records(Settings)), None) or Settings()
    org = next(iter(records(Org)), None) or Org()
    return Tree(
        root=root,
        settings=settings,
        org=org,
        standards={s.id: s for s in records(Standard)},
        reports=records(Report),
        incidents=records(Incident),
        pairings=records(Pairing),
        assessments=records(Assessment),
        notices=records(NoticeEntry),
        files=results,
        returns=records(NilReturns),
        roster=next(iter(records(Roster)), None) or Roster(),
        roundups=records(Roundup),
        competence=records(Competence),
        key_persons=records(KeyPerson),
        rewards=records(Reward),
        priorities=records(Priorities),
    )


__all__ = [
    "KINDS",
    "SETTINGS_FILE",
    "FileResult",
    "Tree",
    "find_records",
    "load_tree",
    "read_file",
    "today",
]
