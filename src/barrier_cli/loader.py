"""Find the records tree, read every file into a validated record, and hold them as a Tree.

Reading one file (`read_file`) is a pure function of the file's bytes, so its result can be
cached by file identity and computed on any core. Rules that depend on today's date or on
other records are applied afterwards, on every run.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from pydantic import ValidationError

from barrier_cli import findings as f
from barrier_cli.errors import RecordsNotFound
from barrier_cli.kinds import KINDS, YAML_SUFFIXES, Kind, classify
from barrier_cli.models import (
    Assessment,
    Incident,
    NoticeEntry,
    Org,
    Pairing,
    Report,
    Settings,
    Standard,
)
from barrier_cli.models.common import Model, Problem
from barrier_cli.schema_errors import problems_from
from barrier_cli.yamlio import ParseProblem, decode, load_text, read_bytes

SETTINGS_FILE = "barrier.yaml"
SKIPPED_DIRS = frozenset({"templates", "node_modules"})
M = TypeVar("M", bound=Model)


def find_records(explicit: Path | None = None, start: Path | None = None) -> Path:
    """``--records DIR``, else ``$BARRIER_RECORDS``, else the nearest ``records/`` upward."""
    if explicit is None and os.environ.get("BARRIER_RECORDS"):
        explicit = Path(os.environ["BARRIER_RECORDS"])
    if explicit is not None:
        if not (explicit / SETTINGS_FILE).is_file():
            raise RecordsNotFound(f"{explicit}: not a records tree (no {SETTINGS_FILE})")
        return explicit
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
        if (folder / "records" / SETTINGS_FILE).is_file():
            return folder / "records"
    raise RecordsNotFound(
        "no records tree here or above (a 'records/' folder holding barrier.yaml); "
        "use --records DIR or run 'barrier init'"
    )


def today() -> dt.date:
    """Today, or ``$BARRIER_TODAY`` (YYYY-MM-DD) for reproducible runs and tests."""
    fixed = os.environ.get("BARRIER_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


@dataclass
class FileResult:
    """One file read: its record if it validated, and the problems it has on its own."""

    rel: str
    kind: str | None
    record: Model | None = None
    problems: list[Problem] = field(default_factory=list)
    parse_problem: ParseProblem | None = None

    @property
    def record_id(self) -> str | None:
        return getattr(self.record, "id", None)


def read_file(root: Path, rel: str) -> FileResult:
    """Read, parse and validate one file. Never raises for anything the file contains."""
    kind = classify(PurePosixPath(rel))
    result = FileResult(rel, kind.name if kind else None)
    path = root / rel
    if kind is None:
        return result
    try:
        data = load_text(decode(read_bytes(path)))
    except ParseProblem as e:
        result.parse_problem = e
        return result
    except OSError as e:
        result.parse_problem = ParseProblem(f.UNREADABLE, f"cannot read: {e.strerror}")
        return result
    result.record, result.problems = validate(kind, data)
    return result


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
    symlink that points outside the tree is reported, never followed.
    """
    real_root = root.resolve()
    out: list[tuple[str, ParseProblem | None]] = []
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        keep = []
        for d in dirs:
            if d.startswith(".") or (base == root and d in SKIPPED_DIRS):
                continue
            if (base / d).is_symlink():
                out.append((_rel(root, base / d), _symlink_problem(base / d, real_root)))
                continue
            keep.append(d)
        dirs[:] = keep
        for name in files:
            if not name.endswith(YAML_SUFFIXES) or name.startswith("."):
                continue
            full = base / name
            problem = _symlink_problem(full, real_root) if full.is_symlink() else None
            out.append((_rel(root, full), problem))
    yield from sorted(out)


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _symlink_problem(path: Path, real_root: Path) -> ParseProblem | None:
    target = path.resolve()
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

    def by_id(self) -> dict[str, FileResult]:
        index: dict[str, FileResult] = {}
        for result in self.files:
            rid = result.record_id
            if rid is not None:
                index.setdefault(rid, result)
        return index

    def file_of(self, record: Model) -> str:
        rid = getattr(record, "id", None)
        for result in self.files:
            if result.record is record or (rid and result.record_id == rid):
                return result.rel
        raise KeyError(rid)


def load_tree(root: Path, *, results: list[FileResult] | None = None) -> Tree:
    """Read the whole tree (or take already-read ``results``) into a Tree."""
    if results is None:
        results = []
        for rel, problem in iter_files(root):
            if problem is not None:
                results.append(FileResult(rel, None, parse_problem=problem))
            else:
                results.append(read_file(root, rel))
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
    )


__all__ = ["KINDS", "FileResult", "Tree", "find_records", "load_tree", "read_file", "today"]
