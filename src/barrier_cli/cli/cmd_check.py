"""`barrier check`: validate records and report every finding."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from barrier_cli.cli.context import globals_of


def check(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to report on (default: the whole tree)."),
    ] = None,
    output_format: Annotated[
        Literal["text", "json", "github"],
        typer.Option(
            "--format", help="text for people, json for tools, github for CI annotations."
        ),
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
) -> None:
    """Validate records: syntax, schema, cross-references, lifecycle and closure rules."""
    from barrier_cli.checks import check_tree
    from barrier_cli.reporters import REPORTERS

    g = globals_of(ctx)
    root = g.root(start=paths[0] if paths and g.records is None else None)
    result = check_tree(root, paths=paths or None)
    sys.stdout.write(REPORTERS[output_format](result.findings, root, result.files))
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(1 if failed else 0)
