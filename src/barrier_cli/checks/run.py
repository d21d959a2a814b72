"""`barrier check`: every rule over a records tree, as a list of located findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol, cast

from barrier_cli.checks.layout import file_layout_problems, first_files, layout_id
from barrier_cli.checks.refs import Index, file_reference_problems, org_problems, record_id
from barrier_cli.core import findings as f
from barrier_cli.core import i18n, models
from barrier_cli.core.errors import UnsafePath
from barrier_cli.core.findings import CheckResult as CheckResult
from barrier_cli.core.findings import Finding
from barrier_cli.core.models.common import Model, Problem
from barrier_cli.core.models.dates import date_order_problems
from barrier_cli.io.loader import FileResult, Tree, today
from barrier_cli.io.yamlio import Locator, ParseProblem, decode, locate

if TYPE_CHECKING:
    from barrier_cli.core.models import Incident, KeyPerson, Pairing


class _DatedRules(Protocol):
    def problems(self, *, today: dt.date) -> list[Problem]: ...


def record_problems(record: Model, tree: Tree, day: dt.date) -> list[Problem]:
    """The rules one record breaks on its own, given the tree's settings and today."""
    return _own_problems(record, tree, day) + date_order_problems(record, today=day)


def _own_problems(record: Model, tree: Tree, day: dt.date) -> list[Problem]:
    settings = tree.settings
    name = models.exported_name(record)
    if name == "KeyPerson":
        return cast("KeyPerson", record).problems(today=day, rules=settings.key_persons)
    if name in _PLAIN_RULES:
        return cast("_DatedRules", record).problems(today=day)
    if name == "Incident":
        return cast("Incident", record).problems(
            today=day, closure=settings.closure, cases=settings.cases
        )
    if name == "Pairing":
        return cast("Pairing", record).problems(today=day, deadlines=settings.deadlines)
    return []


_PLAIN_RULES = frozenset(
    {
        "Report",
        "Assessment",
        "NoticeEntry",
        "NilReturns",
        "Roster",
        "HazardLog",
        "Roundup",
        "Competence",
        "Reward",
        "Priorities",
    }
)
"""Models whose rules need only today: matched by name, so that checking one record
imports no other kind's model."""


def check_tree(
    root: Path,
    *,
    paths: Iterable[Path] | None = None,
    day: dt.date | None = None,
    results: list[FileResult] | None = None,
    cache: bool = False,
    jobs: int | None = None,
    blobs: Mapping[str, bytes] | None = None,
) -> CheckResult:
    """Check the tree at ``root``; report findings for ``paths`` (files or folders) only.

    ``blobs`` are the bytes of the files ``results`` read from git rather than from the
    working tree: findings are located in what was checked."""
    from barrier_cli.io.parallel import load_tree  # multiprocessing: not for one record's check

    day = day or today(root)
    tree = load_tree(root, results=results, cache=cache, jobs=jobs)
    wanted = selector(root, paths)
    checked = check_files(tree, day, [r for r in tree.files if wanted(r.rel)], blobs=blobs)
    return summarise(checked, tree_findings(tree, day) if wanted("org.yaml") else [], wanted)


_NOTHING: frozenset[str] = frozenset()
"""Shared by the many files that look up no record (one object to keep, not thousands)."""


class FileCheck(NamedTuple):
    """What checking one file found, and what besides the file and the tree's org, settings
    and standards that answer rests on: the id it claims and the record ids it looked up.

    A tuple: the incremental check keeps one per file of the tree, and tuples store fastest.
    """

    rel: str
    findings: tuple[Finding, ...]
    record_id: str | None
    layout_id: str | None
    asked: frozenset[str]


def check_files(
    tree: Tree,
    day: dt.date,
    results: list[FileResult],
    *,
    records: AbstractSet[str] | None = None,
    first_of: dict[str, str] | None = None,
    blobs: Mapping[str, bytes] | None = None,
) -> list[FileCheck]:
    """Check ``results`` (files of ``tree``), each on its own, against the tree's ids.

    ``records`` (every id of the tree) and ``first_of`` (`layout.first_files`) are given when
    ``tree`` holds only some of the tree's files, as the incremental check's does.
    """
    index = Index.of(tree, records)
    first_of = first_files(tree.files) if first_of is None else first_of
    out = []
    for result in results:
        index.asked = set()
        problems = file_problems(result, tree, day, index, first_of)
        findings = [_from_parse(result.rel, result.parse_problem)] if result.parse_problem else []
        if problems:
            findings.extend(_locate_all(tree.root, result.rel, problems, blobs))
        asked = frozenset(index.asked) if index.asked else _NOTHING
        rid, lid = record_id(result), layout_id(result)
        out.append(FileCheck(result.rel, tuple(findings), rid, lid, asked))
    return out


def file_problems(
    result: FileResult, tree: Tree, day: dt.date, index: Index, first_of: dict[str, str]
) -> list[Problem]:
    """Every problem of one file: its schema, its own rules, its place, its references.

    A record that fails its schema is checked as each record it may have meant
    (`models.salvage`): a rule, layout or reference finding is kept if they all have it, so
    one bad field never hides the findings on the others.
    """

    def rules(read: FileResult) -> list[Problem]:
        found = [] if read.record is None else record_problems(read.record, tree, day)
        found.extend(file_layout_problems(read, first_of))
        found.extend(file_reference_problems(read, index, tree))
        return found

    salvaged = result.salvaged
    if salvaged is None:
        return [*result.problems, *rules(result)]
    return [
        *result.problems,
        *salvaged.agreed(lambda record: rules(replace(result, record=record, salvaged=None))),
    ]


def tree_findings(tree: Tree, day: dt.date) -> list[Finding]:
    """Findings of the tree as a whole: a missing org.yaml, and org.yaml's own cross-checks.

    They rest on org.yaml alone (and on barrier's code).
    """
    if not (tree.root / "org.yaml").is_file():
        missing = ParseProblem(
            f.MISSING,
            i18n._("no org.yaml: units and people are defined there"),
            hint=i18n._("run 'barrier init'"),
        )
        return [_from_parse("org.yaml", missing)]
    problems = list(org_problems(tree, Index.of(tree, set())))
    return _locate_all(tree.root, "org.yaml", problems) if problems else []


def summarise(checks: Iterable[FileCheck], tree_wide: list[Finding], wanted: Wanted) -> CheckResult:
    """The result for the files ``wanted`` picks out, findings in file and line order."""
    findings: list[Finding] = []
    checked = 0
    for check in checks:
        if wanted(check.rel):
            checked += 1
            findings.extend(check.findings)
    findings.extend(tree_wide)
    findings.sort(key=Finding.sort_key)
    return CheckResult(findings, checked)


def selector(root: Path, paths: Iterable[Path] | None) -> Wanted:
    if paths is None:
        return Wanted(None)
    rels: list[str] = []
    real_root = root.resolve()
    for path in paths:
        full = path.resolve()
        if full != real_root and real_root not in full.parents:
            raise UnsafePath(f"{path}: not inside the records tree {root}")
        rels.append("" if full == real_root else full.relative_to(real_root).as_posix())
    return Wanted(rels)


@dataclass
class Wanted:
    prefixes: list[str] | None

    def __call__(self, rel: str) -> bool:
        if self.prefixes is None:
            return True
        return any(p == "" or rel == p or rel.startswith(p + "/") for p in self.prefixes)


def _from_parse(rel: str, problem: ParseProblem) -> Finding:
    return Finding(
        rel,
        problem.code,
        problem.message,
        problem.line,
        problem.col,
        f.CODES.severity(problem.code),
        problem.hint,
    )


def _locate_all(
    root: Path, rel: str, problems: list[Problem], blobs: Mapping[str, bytes] | None = None
) -> list[Finding]:
    locator = locator_of(root, rel, blobs)
    out = []
    for p in problems:
        line, col = (locator.key(p.loc) if p.on_key else locator.value(p.loc)) if p.loc else (1, 1)
        out.append(Finding(rel, p.code, p.message, line, col, f.CODES.severity(p.code), p.hint))
    return out


def locator_of(root: Path, rel: str, blobs: Mapping[str, bytes] | None = None) -> Locator:
    """Positions in the file's bytes: from ``blobs`` (git) if there, else on disk."""
    try:
        raw = blobs[rel] if blobs is not None and rel in blobs else (root / rel).read_bytes()
        return locate(decode(raw))
    except Exception:  # positions are a courtesy: a finding is never lost for want of one
        return Locator()
