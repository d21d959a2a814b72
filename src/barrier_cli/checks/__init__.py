"""`barrier check`: every rule over a records tree, as a list of located findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from barrier_cli import findings as f
from barrier_cli.checks.layout import layout_problems
from barrier_cli.checks.refs import reference_problems
from barrier_cli.errors import UnsafePath
from barrier_cli.findings import CheckResult as CheckResult
from barrier_cli.findings import Finding
from barrier_cli.loader import FileResult, Tree, load_tree, today
from barrier_cli.models import Assessment, Incident, NoticeEntry, Pairing, Report
from barrier_cli.models.common import Model, Problem
from barrier_cli.yamlio import Locator, ParseProblem, decode, locate


def record_problems(record: Model, tree: Tree, day: dt.date) -> list[Problem]:
    """The rules one record breaks on its own, given the tree's settings and today."""
    settings = tree.settings
    if isinstance(record, Report | Assessment | NoticeEntry):
        return record.problems(today=day)
    if isinstance(record, Incident):
        return record.problems(today=day, closure=settings.closure)
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
    day = day or today()
    tree = load_tree(root, results=results, cache=cache, jobs=jobs)
    by_file: dict[str, list[Problem]] = {}
    parse: list[tuple[str, ParseProblem]] = []
    for result in tree.files:
        if result.parse_problem is not None:
            parse.append((result.rel, result.parse_problem))
        problems = by_file.setdefault(result.rel, [])
        problems.extend(result.problems)
        if result.record is not None:
            problems.extend(record_problems(result.record, tree, day))
    if (root / "org.yaml").is_file() is False:
        parse.append(
            (
                "org.yaml",
                ParseProblem(
                    f.MISSING,
                    "no org.yaml: units and people are defined there",
                    hint="run 'barrier init'",
                ),
            )
        )
    for rel, problem in [*layout_problems(tree), *reference_problems(tree)]:
        by_file.setdefault(rel, []).append(problem)

    wanted = _selector(root, paths)
    findings = [_from_parse(rel, p) for rel, p in parse if wanted(rel)]
    for rel, problems in by_file.items():
        if problems and wanted(rel):
            findings.extend(_locate_all(root, rel, problems))
    findings.sort(key=Finding.sort_key)
    checked = sum(1 for r in tree.files if wanted(r.rel))
    return CheckResult(findings, checked)


def _selector(root: Path, paths: Iterable[Path] | None) -> _Wanted:
    if paths is None:
        return _Wanted(None)
    rels: list[str] = []
    real_root = root.resolve()
    for path in paths:
        full = path.resolve()
        if full != real_root and real_root not in full.parents:
            raise UnsafePath(f"{path}: not inside the records tree {root}")
        rels.append("" if full == real_root else full.relative_to(real_root).as_posix())
    return _Wanted(rels)


@dataclass
class _Wanted:
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
