"""Read a tree for one document: every report as a few columns, whole records only where asked.

A month's analysis counts over the whole history (trends, year-ago and cumulative figures)
but quotes only the records of a short window (the month's, the open ones, what they
reference). Holding every report of a 300k tree as a validated record cost 1.35 GB; as
columns it is a tenth of that. The workers parse and validate each report file and send
back its column values, and the parsed YAML only of the reports ``keep`` wants whole; the
parent validates those again (as it does any read that crossed a pipe) and never holds a
second copy of the rest. Every other kind of record (incidents, pairings, org, settings,
...) is read whole, first, so that ``keep`` can be chosen from it.

This path neither reads nor writes the file cache: a cache entry is the parsed YAML, which
would have to be validated again in this process, and keeping the cache up to date means
holding every file's read until the end. What an unchanged tree costs is paid by the memo
of the finished document instead (`cache.memoised`).
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import datetime as dt
import functools
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import msgspec

from barrier_cli.core.kinds import KINDS
from barrier_cli.core.models import Action, HazardLog, Report
from barrier_cli.core.models.common import ActionType, Urged
from barrier_cli.io import cache as c
from barrier_cli.io import parallel
from barrier_cli.io.loader import (
    EarlierReport,
    FileResult,
    Tree,
    _classify,
    build_tree,
    collector_paused,
    iter_files,
    parse_file,
    read_file,
    result_of,
    share_fields_sets,
)

REPORTS = "reports/"
_REPORT = KINDS["report"]
CHUNK_FILES = 2000
"""Report files per task: small enough that what a worker sends back at once stays a few
MB, large enough that a task's overhead is lost in it."""

V = TypeVar("V")


class Keep(Protocol):
    """Which reports the document needs whole; of each other report, its actions not done
    before ``since`` are kept (`EarlierReport`). It must be picklable (it goes to the
    workers)."""

    @property
    def since(self) -> dt.date: ...

    def __call__(self, report: Report) -> bool: ...


@dataclass
class ReportColumns:
    """Every valid report of a tree, one list per field, in the tree's file order.

    Only what counts across the whole history is kept; ``unit`` is the report's own (None:
    its reporter's, looked up in the org when used).
    """

    id: list[str] = field(default_factory=list)
    date: list[dt.date] = field(default_factory=list)
    withdrawn: list[bool] = field(default_factory=list)
    reporter: list[str] = field(default_factory=list)
    unit: list[str | None] = field(default_factory=list)
    level: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    element: list[str] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    keys: list[tuple[str, ...]] = field(default_factory=list)
    risk: list[str] = field(default_factory=list)
    location: list[str | None] = field(default_factory=list)
    closed: list[dt.date | None] = field(default_factory=list)
    near_miss: list[str | None] = field(default_factory=list)
    """A near miss's summary (near misses are grouped by what happened), None for the rest."""
    hazard: list[str | None] = field(default_factory=list)
    """The hazard of the log (hazards.yaml) the report shows (`HazardLog.of`), None if none:
    matched where the report is read, so the summaries of the rest need not be kept."""
    seen: dict[object, object] = field(default_factory=dict, repr=False, compare=False)
    """One object for each value met (the values repeat: a few hundred words, a few
    thousand dates), shared by every row that holds it."""

    def __len__(self) -> int:
        return len(self.id)

    def add(self, r: Report, hazards: HazardLog) -> None:
        self.id.append(r.id)
        self.date.append(r.date)
        self.withdrawn.append(r.withdrawn is not None)
        self.reporter.append(r.reporter)
        self.unit.append(r.unit)
        self.level.append(r.level)
        self.source.append(r.source)
        self.element.append(r.element)
        self.category.append(r.category)
        self.keys.append(tuple(r.keys))
        self.risk.append(r.risk)
        self.location.append(r.location)
        self.closed.append(r.closed)
        self.near_miss.append(r.summary if r.category == "near_miss" else None)
        # a report's own words only matter to a log with hazards (most trees have none):
        # reading them goes through pydantic's lookup of private attributes, once a report
        self.hazard.append(hazards.of(r.hazard, r.written) if hazards.hazards else r.hazard)

    @classmethod
    def of(cls, reports: Iterable[Report], hazards: HazardLog | None = None) -> ReportColumns:
        out = cls()
        log = hazards if hazards is not None else HazardLog()
        for r in reports:
            out.add(r, log)
        return out

    def extend(self, chunk: _Chunk) -> None:
        """A worker's columns appended, repeated values shared: each decoded string, date or
        list is a new object, and 300k copies of 'equipment' would outweigh the rest.

        A column of values that repeat comes as its distinct values and each row's place
        among them (`_coded`): the values are shared once each and the rows are filled
        without a Python call per row (decoding and sharing every row's own copy was a
        quarter of the parent's load at 300k reports)."""
        theirs = chunk.columns
        self.id += theirs.id
        self.withdrawn += theirs.withdrawn
        self.near_miss += theirs.near_miss
        for name in _CODED:
            distinct, rows = getattr(theirs, name)
            if name == "location":
                table = list(map(self._shared, distinct))
            else:
                table = [self.seen.setdefault(value, value) for value in distinct]
            getattr(self, name).extend(map(table.__getitem__, rows))

    def _shared(self, value: V) -> V:
        if value is None or (isinstance(value, str) and len(value) > 40):
            return value
        return cast(V, self.seen.setdefault(value, value))


Coded = tuple[list[V], list[int]]
"""A column as its distinct values, in the order met, and each row's place among them."""

_CODED = (
    "date",
    "reporter",
    "unit",
    "level",
    "source",
    "element",
    "category",
    "keys",
    "risk",
    "location",
    "closed",
    "hazard",
)
"""The columns whose values repeat (choices, people, units, days, places)."""


def _coded(values: list[V]) -> Coded[V]:
    at = dict.fromkeys(values, 0)
    distinct = list(at)
    at.update(zip(distinct, range(len(distinct)), strict=True))
    return distinct, list(map(at.__getitem__, values))


class _Columns(msgspec.Struct, array_like=True):
    """`ReportColumns` as they cross the pipe, those of `_CODED` coded."""

    id: list[str]
    date: Coded[dt.date]
    withdrawn: list[bool]
    reporter: Coded[str]
    unit: Coded[str | None]
    level: Coded[str]
    source: Coded[str]
    element: Coded[str]
    category: Coded[str]
    keys: Coded[tuple[str, ...]]
    risk: Coded[str]
    location: Coded[str | None]
    closed: Coded[dt.date | None]
    near_miss: list[str | None]
    hazard: Coded[str | None]


class _OpenAction(msgspec.Struct, array_like=True):
    index: int
    action: str
    type: ActionType
    owner: str | None
    due: dt.date | None
    done: dt.date | None
    verified_by: str | None
    action_en: str | None = None
    urged: tuple[dt.date, str, dt.date] | None = None  # date, by, due


class _Earlier(msgspec.Struct, array_like=True):
    """`EarlierReport` as it crosses the pipe, by position in the task."""

    at: int
    id: str
    date: dt.date
    unit: str | None
    reporter: str
    summary: str
    actions: list[_OpenAction]
    summary_en: str | None = None


class _Chunk(msgspec.Struct, array_like=True):
    """What a worker sends back for its files: the valid reports' columns, the reads of those
    kept whole, the positions of those kept whole whose read cannot be pickled (they are
    read again here) and of the files that do not validate, and the open work of the
    others."""

    columns: _Columns
    kept: bytes
    """The parsed YAML of the reports kept whole with their positions in the task
    (``list[tuple[int, Any]]``), pickled as the pool pickles every answer of a worker: read
    back in C, where the cache's format (`cache.pack`) is undone by a Python call per value
    (half the parent's cost of a report kept whole). One pickle for the task, so a string
    the reader shares between files (`yamlio`) is sent, and read back, once."""
    reread: list[int]
    invalid: list[int]
    earlier: list[_Earlier]


@dataclass(frozen=True)
class Columnar:
    """A tree as one document needs it."""

    tree: Tree
    """Every record but reports; of these, only those kept whole, in file order, and the
    open work of the others (`Tree.earlier`)."""
    columns: ReportColumns
    """Every valid report, in file order."""
    skipped: list[str]
    """Files of a record kind that do not validate, in the tree's order: left out."""


def of_tree(tree: Tree, keep: Keep) -> Columnar:
    """What `load` gives, from a tree already read (tests, scripts and small trees)."""
    whole: list[Report] = []
    earlier: list[EarlierReport] = []
    for r in tree.reports:
        if keep(r):
            whole.append(r)
        elif r.withdrawn is None and (work := _open_work(r, keep.since)):
            earlier.append(_earlier(r, work, len(whole)))
    return Columnar(
        tree=dataclasses.replace(tree, reports=whole, earlier=earlier),
        columns=ReportColumns.of(tree.reports, tree.hazards),
        skipped=[f.rel for f in tree.files if f.kind and f.record is None],
    )


def _open_work(report: Report, since: dt.date) -> list[tuple[int, Action]]:
    return [(n, a) for n, a in enumerate(report.actions) if a.done is None or a.done >= since]


def _earlier(report: Report, work: list[tuple[int, Action]], before: int) -> EarlierReport:
    return EarlierReport(
        report.id,
        report.date,
        report.unit,
        report.reporter,
        report.summary,
        tuple(work),
        before,
        report.summary_en,
    )


def load(root: Path, keep_for: Callable[[Tree], Keep], *, jobs: int | None = None) -> Columnar:
    """Read the tree at ``root``: first every file that is no report, then the reports, over
    ``jobs`` worker processes, keeping whole those that ``keep_for(the first part)`` wants."""
    workers = parallel.jobs_for(_count_reports(root, (jobs or parallel.cpu_count())), jobs)
    with collector_paused(), _pool(workers) as pool:
        reports: list[str] = []
        others: list[str] = []
        results: list[FileResult] = []
        for rel, problem in iter_files(root):
            if problem is not None:
                results.append(FileResult(rel, None, parse_problem=problem))
            elif rel.startswith(REPORTS) and _is_report(rel):
                reports.append(rel)
            else:
                others.append(rel)
        read = parallel.read_packed(root, others, jobs=jobs, keep=False, pool=pool)
        results += [result for result, _ in read]
        first = build_tree(root, results)
        keep = keep_for(first)
        columns = ReportColumns()
        invalid = [r.rel for r in results if r.kind and r.record is None]
        earlier: list[EarlierReport] = []
        held = 0  # reports kept whole so far
        for rels, chunk in _read_reports(root, reports, keep, first.hazards, pool):
            columns.extend(chunk)
            invalid += [rels[n] for n in chunk.invalid]
            whole = [
                (n, result_of(rels[n], _REPORT, data, None)) for n, data in pickle.loads(chunk.kept)
            ]
            whole += [(n, read_file(root, rels[n])) for n in chunk.reread]
            whole.sort(key=lambda pair: pair[0])
            at = [n for n, _ in whole]
            earlier += [_received(e, held + bisect.bisect_left(at, e.at)) for e in chunk.earlier]
            held += len(whole)
            results += [result for _, result in whole]
        tree = dataclasses.replace(build_tree(root, results), earlier=earlier)
        return Columnar(tree, columns, sorted(invalid))


def _received(e: _Earlier, before: int) -> EarlierReport:
    return EarlierReport(
        e.id,
        e.date,
        e.unit,
        e.reporter,
        e.summary,
        tuple((a.index, _action(a)) for a in e.actions),
        before,
        e.summary_en,
    )


def _action(a: _OpenAction) -> Action:
    """The open action a worker validated, rebuilt here as unpickling rebuilds a model
    (``__setstate__``) rather than validated again: what crossed is that action's values,
    each of the type the decoder checked (`_OpenAction`), and a fifth of a long history is
    open (60k actions at 300k reports, 9 µs each to validate)."""
    action = Action.__new__(Action)
    action.__setstate__(
        {
            "__dict__": {
                "action": a.action,
                "action_en": a.action_en,
                "type": a.type,
                "owner": a.owner,
                "due": a.due,
                "done": a.done,
                "verified_by": a.verified_by,
                "urged": None
                if a.urged is None
                else Urged.model_construct(date=a.urged[0], by=a.urged[1], due=a.urged[2]),
            },
            "__pydantic_fields_set__": _action_fields_set(),
            "__pydantic_extra__": None,
            "__pydantic_private__": {"_written": None},
        }
    )
    return action


@functools.cache
def _action_fields_set() -> set[str]:
    """The set of given field names of an action given every field, shared
    (`share_fields_sets`) as that of every other one."""
    action = Action.model_construct(set(Action.model_fields), action="")
    share_fields_sets(action)
    return action.__pydantic_fields_set__


def _count_reports(root: Path, enough: int) -> int:
    """The number of report files, counted up to what is ``enough`` to start every worker:
    the workers are forked before anything is read, while this process is small (each
    worker's resident memory begins as what its parent holds when it is forked)."""
    wanted = enough * parallel.MIN_FILES
    found = 0
    pending = [os.fspath(root / REPORTS)]
    while pending and found < wanted:
        try:
            with os.scandir(pending.pop()) as listing:
                for entry in listing:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    else:
                        found += 1
        except OSError:
            continue  # the listing proper says what cannot be read
    return found


@contextlib.contextmanager
def _pool(workers: int) -> Iterator[parallel.Pool | None]:
    if workers <= 1:
        yield None
        return
    with parallel.started_pool(workers) as pool:
        yield pool


def _is_report(rel: str) -> bool:
    kind = _classify(rel)
    return kind is not None and kind.name == "report"


def _read_reports(
    root: Path,
    rels: list[str],
    keep: Keep,
    hazards: HazardLog,
    pool: parallel.Pool | None,
) -> Iterator[tuple[list[str], _Chunk]]:
    """Each task's files and what was read of them, in order."""
    size = CHUNK_FILES
    chunks = [rels[n : n + size] for n in range(0, len(rels), size)]
    work = functools.partial(_report_chunk, root, keep, hazards)
    blobs = map(work, chunks) if pool is None else pool.map(work, chunks)
    for rels_of, blob in zip(chunks, blobs, strict=True):
        yield rels_of, c.decode(blob, _Chunk)


def _report_chunk(root: Path, keep: Keep, hazards: HazardLog, rels: list[str]) -> bytes:
    """Read, validate and take apart report files (in a worker)."""
    columns = ReportColumns()
    kept: list[tuple[int, Any]] = []
    invalid: list[int] = []
    earlier: list[_Earlier] = []
    for n, rel in enumerate(rels):
        kind, data, problem = parse_file(root, rel)
        record = result_of(rel, kind, data, problem, kept=False).record
        if not isinstance(record, Report):
            invalid.append(n)
            continue
        columns.add(record, hazards)
        if keep(record):
            kept.append((n, data))
        elif record.withdrawn is None and (work := _open_work(record, keep.since)):
            earlier.append(_sent(n, record, work))
    sent = _Columns(
        id=columns.id,
        date=_coded(columns.date),
        withdrawn=columns.withdrawn,
        reporter=_coded(columns.reporter),
        unit=_coded(columns.unit),
        level=_coded(columns.level),
        source=_coded(columns.source),
        element=_coded(columns.element),
        category=_coded(columns.category),
        keys=_coded(columns.keys),
        risk=_coded(columns.risk),
        location=_coded(columns.location),
        closed=_coded(columns.closed),
        near_miss=columns.near_miss,
        hazard=_coded(columns.hazard),
    )
    try:
        whole, reread = pickle.dumps(kept, pickle.HIGHEST_PROTOCOL), []
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        whole, reread = pickle.dumps([]), [n for n, _ in kept]
    return c.encode(_Chunk(sent, whole, reread, invalid, earlier))


def _sent(at: int, report: Report, work: list[tuple[int, Action]]) -> _Earlier:
    actions = [
        _OpenAction(
            n,
            a.action,
            a.type,
            a.owner,
            a.due,
            a.done,
            a.verified_by,
            a.action_en,
            None if a.urged is None else (a.urged.date, a.urged.by, a.urged.due),
        )
        for n, a in work
    ]
    return _Earlier(
        at,
        report.id,
        report.date,
        report.unit,
        report.reporter,
        report.summary,
        actions,
        report.summary_en,
    )
