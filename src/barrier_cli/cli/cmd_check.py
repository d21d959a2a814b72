"""`barrier check`: validate records and report every finding."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from barrier_cli.cli.context import globals_of
from barrier_cli.cli.options import require_existing


def check(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to report on (default: the whole tree)."),
    ] = None,
    output_format: Annotated[
        Literal["text", "json", "github", "gitlab", "junit"],
        typer.Option(
            "--format",
            help="text for people, json for tools, github for CI annotations, gitlab for a "
            "Code Quality report, junit for a test report.",
        ),
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    staged: Annotated[
        bool,
        typer.Option(
            "--staged", help="Check the staged content; report on staged files and their referrers."
        ),
    ] = False,
    changed: Annotated[
        bool,
        typer.Option(
            "--changed",
            help="Report on files changed since --against REV (default HEAD) and their referrers.",
        ),
    ] = False,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="REV",
            help="Audit trail: no record deleted, no closed/final record changed without an "
            "amendment, no id reused since REV (e.g. the merge base).",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Read every file afresh; do not use or update the cache."),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes that read files (default: all cores)."),
    ] = None,
) -> None:
    """Validate records: syntax, schema, cross-references, lifecycle and closure rules."""
    from barrier_cli.checks.cached import check as cached_check
    from barrier_cli.io.cache import with_in_tree_cache
    from barrier_cli.present.reporters import REPORTERS

    g = globals_of(ctx)
    root = g.root(start=paths[0] if paths and g.records is None else None)
    if staged or changed or against is not None:
        from barrier_cli.checks.gitcheck import check_git

        result = check_git(
            root,
            paths=paths or None,
            staged=staged,
            changed=changed,
            against=against,
            cache=not no_cache,
            jobs=jobs,
        )
        result = with_in_tree_cache(root, result)
    else:
        require_existing(paths)
        result = cached_check(root, paths=paths or None, use_cache=not no_cache, jobs=jobs)
    if not paths:
        from barrier_cli.core.findings import CheckResult, Finding
        from barrier_cli.io.schema_age import stale_schemas

        stale = stale_schemas(root)
        if stale:
            result = CheckResult(
                sorted([*result.findings, *stale], key=Finding.sort_key), result.files
            )
    sys.stdout.write(REPORTERS[output_format](result.findings, root, result.files))
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(1 if failed else 0)
