"""`barrier check`: every rule over a records tree, as a list of located findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from barrier_cli import findings as f
from barrier_cli.checks.layout import file_layout_problems, first_files, layout_id
from barrier_cli.checks.refs import Index, file_reference_problems, org_problems, record_id
from barrier_cli.errors import UnsafePath
from barrier_cli.findings import CheckResult as CheckResult
from barrier_cli.findings import Finding
from barrier_cli.loader import FileResult, Tree, load_tree, today
from barrier_cli.models import (
    Assessment,
    Competence,
    Incident,
    KeyPerson,
    NilReturns,
    NoticeEntry,
    Pairing,
    Priorities,
    Report,
    Reward,
    Roster,
    Roundup,
)
from barrier_cli.models.common import Model, Problem
from barrier_cli.models.dates import date_order_problems
from barrier_cli.yamlio import Locator, ParseProblem, decode, locate


def record_problems(record: Model, tree: Tree, day: dt.date) -> list[Problem]:
    """The rules one record breaks on its own, given the tree's settings and today."""
    return _own_problems(record, tree, day) + date_order_problems(record, today=day)


def _own_problems(record: Model, tree: Tree, day: dt.date) -> list[Problem]:
    settings = tree.settings
    if isinstance(record, KeyPerson):
        return record.problems(today=day, rules=settings.key_persons)
    if isinstance(
        record,
        Report
        | Assessment
        | NoticeEntry
        | NilReturns
        | Roster
        | Roundup
        | Competence
        | Reward
        | Priorities,
    ):
        return record.problems(today=day)
    if isinstance(record, Incident):
        return record.problems(today=day, closure=settings.closure, cases=settings.cases)
    if isinstance(record, Pairing):
        return record.problems(today=day, deadlines=settings.deadlines)
    return []


def check_tree(
    root: Path,
    *,
    paths: Iterable[Path] | None = None,
    day: dt.date | None = None,
    results: list[FileResult] | None = None,
    cache: bool = False,
    jobs: int | None = None,
) -> CheckResult:
    """Check the tree at ``root``; report findings for ``paths`` (files or folders) only."""
    day = day or today(root)
    tree = load_tree(root, results=results, cache=cache, jobs=jobs)
    wanted = selector(root, paths)
    checked = check_files(tree, day, [r for r in tree.files if wanted(r.rel)])
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
    records: set[str] | None = None,
    first_of: dict[str, str] | None = None,
) -> list[FileCheck]:
    """Check ``results`` (files of ``tree``), each on its own, against the tree's ids.

    ``records`` (every id of the tree) and ``first_of`` (`layout.first_files`) are given when
    ``tree`` holds only some of the tree's files, as the incremental check's does.
    """
    index = Index.of(tree, records)
    first_of = first_files(tree.files) if first_of is None else first_of
    out = []
    for result in results:
        problems = list(result.problems)
        if result.record is not None:
            problems.extend(record_problems(result.record, tree, day))
        problems.extend(file_layout_problems(result, first_of))
        index.asked = set()
        problems.extend(file_reference_problems(result, index, tree))
        findings = [_from_parse(result.rel, result.parse_problem)] if result.parse_problem else []
        if problems:
            findings.extend(_locate_all(tree.root, result.rel, problems))
        asked = frozenset(index.asked) if index.asked else _NOTHING
        rid, lid = record_id(result), layout_id(result)
        out.append(FileCheck(result.rel, tuple(findings), rid, lid, asked))
    return out


def tree_findings(tree: Tree, day: dt.date) -> list[Finding]:
    """Findings of the tree as a whole: a missing org.yaml, and org.yaml's own cross-checks.

    They rest on org.yaml alone (and on barrier's code).
    """
    if not (tree.root / "org.yaml").is_file():
        missing = ParseProblem(
            f.MISSING, "no org.yaml: units and people are defined there", hint="run 'barrier init'"
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


def _locate_all(root: Path, rel: str, problems: list[Problem]) -> list[Finding]:
    locator = _locator(root / rel)
    out = []
    for p in problems:
        line, col = (locator.key(p.loc) if p.on_key else locator.value(p.loc)) if p.loc else (1, 1)
        out.append(Finding(rel, p.code, p.message, line, col, f.CODES.severity(p.code), p.hint))
    return out


def _locator(path: Path) -> Locator:
    try:
        return locate(decode(path.read_bytes()))
    except Exception:  # positions are a courtesy: a finding is never lost for want of one
        return Locator()
