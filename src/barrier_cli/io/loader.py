"""Find the records tree, read every file into a validated record, and hold them as a Tree.

Reading one file (`read_file`) is a pure function of the file's bytes, so its result can be
cached by file identity and computed on any core. Rules that depend on today's date or on
other records are applied afterwards, on every run.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, get_args

from pydantic import BaseModel, ValidationError

from barrier_cli.core import findings as f
from barrier_cli.core import i18n, models
from barrier_cli.core.errors import os_reason
from barrier_cli.core.kinds import KINDS, YAML_SUFFIXES, Kind, classify
from barrier_cli.core.lookup import Places
from barrier_cli.core.models.common import Model, Problem
from barrier_cli.core.tree_root import SETTINGS_FILE, find_records, is_stray, today
from barrier_cli.io.collector import collector_paused as collector_paused
from barrier_cli.io.schema_errors import problems_from
from barrier_cli.io.yamlio import ParseProblem, blob_bytes, decode, load_text, read_bytes

if TYPE_CHECKING:
    import datetime as dt

    from barrier_cli.core.models import (
        Action,
        Assessment,
        Competence,
        HazardLog,
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
    from barrier_cli.core.models.salvage import Salvaged

SKIPPED_DIRS = frozenset({"templates", "node_modules"})


@dataclass(slots=True)
class FileResult:
    """One file read: its record if it validated, and the problems it has on its own.

    Slotted: a check holds one per file of the tree."""

    rel: str
    kind: str | None
    record: Model | None = None
    problems: list[Problem] = field(default_factory=list)
    parse_problem: ParseProblem | None = None
    salvaged: Salvaged | None = None
    """When the record fails its schema: the records it may have meant (`models.salvage`),
    so its other fields are still checked."""

    @property
    def partial(self) -> Model | None:
        """One record it may have meant, for the identity and reference checks."""
        return self.salvaged.record if self.salvaged is not None else None

    @property
    def record_id(self) -> str | None:
        return getattr(self.record, "id", None)


def read_file(root: Path, rel: str) -> FileResult:
    """Read, parse and validate one file. Never raises for anything the file contains."""
    return result_of(rel, *parse_file(root, rel))


def read_blob(rel: str, raw: bytes) -> FileResult:
    """`read_file` over bytes git holds (the index, a revision): the same parse, validation
    and salvage, so `check --staged` says what `check` says of the same content."""
    return result_of(rel, *parse_file(Path(), rel, lambda _path: blob_bytes(raw)))


NO_DATA: Any = object()
"""What `parse_file` gives for a file that is no record kind or does not parse."""


def parse_file(
    root: Path, rel: str, reader: Callable[[str], bytes] | None = None
) -> tuple[Kind | None, Any, ParseProblem | None]:
    """A file's kind and parsed YAML (the slow half of `read_file`), or why it does not parse.

    ``reader`` gives the bytes at a path: `read_bytes` (looked up at the call, so there is one
    reader of record bytes to watch), unless they come from git."""
    kind = _classify(rel)
    if kind is None:
        name = PurePosixPath(rel).name
        if is_stray(name):
            return (
                None,
                NO_DATA,
                ParseProblem(
                    f.UNKNOWN_FILE,
                    i18n._(
                        "'{name}' is not read: only files ending in .yaml or .yml are records"
                    ).format(name=name),
                    hint=i18n._("rename it if it is a record; delete it if it is a leftover copy"),
                ),
            )
        return None, NO_DATA, None
    try:
        # a string path: a path object per file costs more than opening the file
        return kind, load_text(decode((reader or read_bytes)(f"{os.fspath(root)}/{rel}"))), None
    except ParseProblem as e:
        return kind, NO_DATA, e
    except OSError as e:
        return (
            kind,
            NO_DATA,
            ParseProblem(
                f.UNREADABLE, i18n._("cannot read: {strerror}").format(strerror=os_reason(e))
            ),
        )


def _classify(rel: str) -> Kind | None:
    """`kinds.classify` without a path object per file: below the top folder a file's kind
    follows from its folder and suffix alone."""
    folder, _, name = rel.rpartition("/")
    if not folder:
        return classify(PurePosixPath(rel))
    dot = name.rfind(".")
    return _classify_in(folder, name[dot:] if dot > 0 else "")


@functools.cache
def _classify_in(folder: str, suffix: str) -> Kind | None:
    return classify(PurePosixPath(folder) / f"x{suffix}")


def result_of(
    rel: str,
    kind: Kind | None,
    data: Any,
    parse_problem: ParseProblem | None,
    *,
    kept: bool = True,
) -> FileResult:
    """The file's result from its parsed YAML: validated, with what can be salvaged.

    ``kept``: the record is kept beyond this call, so what it shares with others is shared
    (`share_fields_sets`); false for one read only to be taken apart."""
    result = FileResult(rel, kind.name if kind else None, parse_problem=parse_problem)
    if kind is None or parse_problem is not None:
        return result
    result.record, result.problems = validate(kind, data)
    if kept and result.record is not None:
        share_fields_sets(result.record)
    if result.record is None and isinstance(data, dict):
        from barrier_cli.core.models.salvage import salvage  # for invalid files only

        result.salvaged = salvage(kind.model, data)
    return result


def validate(kind: Kind, data: Any) -> tuple[Model | None, list[Problem]]:
    if data is None:
        if not kind.is_record:
            return kind.model(), []
        return None, [Problem(f.EMPTY, (), i18n._("the file holds no record"))]
    if not isinstance(data, dict):
        return None, [
            Problem(
                f.NOT_MAPPING,
                (),
                i18n._("a {kind} is a mapping of fields, not {type}").format(
                    kind=kind.name, type=type(data).__name__
                ),
                i18n._("write 'key: value' lines"),
            )
        ]
    try:
        return kind.model.model_validate(data), []
    except ValidationError as e:
        return None, problems_from(e, kind.model)


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
"""One set of field names for every model validated with the same fields given."""


def share_fields_sets(model: BaseModel) -> None:
    """Make ``model`` and the models it holds share their sets of given field names.

    pydantic keeps a set of the fields a model was given, per model: at a third of a
    validated report's own size, the largest part of a 300k tree held whole (380 MB), and
    a few dozen distinct sets between them. Nothing reads these sets but ``model_copy``,
    which copies the set before it adds to it; a set of the same names is the same answer.
    """
    given = model.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(given), given)
    if shared is not given:
        object.__setattr__(model, "__pydantic_fields_set__", shared)
    values = model.__dict__
    for name in _nested(type(model)):
        value = values[name]
        if isinstance(value, BaseModel):
            share_fields_sets(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    share_fields_sets(item)


@functools.cache
def _nested(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` that may hold models (a model, a list of them): a report's
    other thirty are not looked at."""
    return tuple(name for name, info in cls.model_fields.items() if _holds(info.annotation))


def _holds(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds(arg) for arg in get_args(annotation))


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
        i18n._("cannot list this folder ({value}): its records are not checked").format(
            value=os_reason(error)
        ),
        hint=i18n._("give the folder read and execute permission"),
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
        return ParseProblem(f.SYMLINK, i18n._("a symbolic link that loops back on itself"))
    if target == real_root or real_root in target.parents:
        return None
    return ParseProblem(
        f.SYMLINK,
        i18n._("symbolic link to {target}, outside the records tree").format(target=target),
        hint=i18n._("copy the file into the tree instead"),
    )


@dataclass(frozen=True, slots=True)
class EarlierReport:
    """A report a tree read for one document does not hold whole (`io.columnar`): what the
    document counts of its open work. Only a report with actions not done before the first
    day the document looks into has one."""

    id: str
    date: dt.date
    unit: str | None
    reporter: str
    summary: str
    actions: tuple[tuple[int, Action], ...]
    """Its actions not done by that day, each with its index among the report's actions."""
    before: int
    """How many reports the tree holds whole come before it in file order."""
    summary_en: str | None = None
    """Its summary in English, if the record gives one (`reports.names.in_language`)."""


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
    roster: Roster = field(default_factory=lambda: models.Roster())
    """Shift cycles and leave (roster.yaml, optional): who is on duty which day."""
    roundups: list[Roundup] = field(default_factory=list)
    """Weekly (group) and monthly (branch) roll-ups: feedback of those tiers."""
    competence: list[Competence] = field(default_factory=list)
    key_persons: list[KeyPerson] = field(default_factory=list)
    rewards: list[Reward] = field(default_factory=list)
    priorities: list[Priorities] = field(default_factory=list)
    hazards: HazardLog = field(default_factory=lambda: models.HazardLog())
    """The hazard log (hazards.yaml, optional): one hazard however a report words it."""
    earlier: list[EarlierReport] = field(default_factory=list)
    """Reports not held whole whose open work still counts (`EarlierReport`); a tree read
    whole has none."""

    def by_id(self) -> dict[str, FileResult]:
        index: dict[str, FileResult] = {}
        for result in self.files:
            rid = result.record_id
            if rid is not None:
                index.setdefault(rid, result)
        return index

    @cached_property
    def places(self) -> Places:
        """Org lookups (whose unit, which branch), built once for the tree."""
        return Places(self.org)


_MODELS = (
    "Settings",
    "Org",
    "Standard",
    "Report",
    "Incident",
    "Pairing",
    "Assessment",
    "NoticeEntry",
    "NilReturns",
    "Roster",
    "Roundup",
    "Competence",
    "KeyPerson",
    "Reward",
    "Priorities",
    "HazardLog",
)
"""By name, not class: sorting a small tree (an add's) imports no model it does not hold."""


def build_tree(root: Path, results: list[FileResult]) -> Tree:
    # one pass over the files, not one per kind: at 300k files each pass is felt
    by_model: dict[str, list[Any]] = {name: [] for name in _MODELS}
    lists_of: dict[type, list[Any] | None] = {}
    for result in results:
        record = result.record
        if record is None:
            continue
        cls = type(record)
        if cls not in lists_of:
            lists_of[cls] = by_model.get(models.exported_name(record) or "")
        found = lists_of[cls]
        if found is not None:
            found.append(record)

    def records(name: str) -> list[Any]:
        return by_model[name]

    settings = next(iter(records("Settings")), None) or models.Settings()
    org = next(iter(records("Org")), None) or models.Org()
    return Tree(
        root=root,
        settings=settings,
        org=org,
        standards={s.id: s for s in records("Standard")},
        reports=records("Report"),
        incidents=records("Incident"),
        pairings=records("Pairing"),
        assessments=records("Assessment"),
        notices=records("NoticeEntry"),
        files=results,
        returns=records("NilReturns"),
        roster=next(iter(records("Roster")), None) or models.Roster(),
        roundups=records("Roundup"),
        competence=records("Competence"),
        key_persons=records("KeyPerson"),
        rewards=records("Reward"),
        priorities=records("Priorities"),
        hazards=next(iter(records("HazardLog")), None) or models.HazardLog(),
    )


__all__ = [
    "KINDS",
    "SETTINGS_FILE",
    "FileResult",
    "Tree",
    "find_records",
    "read_file",
    "today",
]
