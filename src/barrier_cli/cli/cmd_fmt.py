"""`barrier fmt`: canonical key order and style for record files, comments kept."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from barrier_cli.cli.context import globals_of
from barrier_cli.cli.options import require_existing
from barrier_cli.core.i18n import _


def fmt(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to format (default: the whole tree)."),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Change nothing; list the files that would change, exit 1."),
    ] = False,
) -> None:
    """Rewrite records in canonical form: model key order, one style, comments kept."""
    from barrier_cli.present.reporters import display_path
    from barrier_cli.write.fmt import format_tree

    g = globals_of(ctx)
    root = g.root(start=paths[0] if paths and g.records is None else None)
    require_existing(paths)
    outcomes = format_tree(root, paths=paths or None, check=check)
    changed = unreadable = 0
    for outcome in outcomes:
        where = display_path(root, outcome.path.relative_to(root).as_posix())
        if outcome.problem is not None:
            p = outcome.problem
            unreadable += 1
            left = _("{message}; left as is").format(message=p.message)
            sys.stderr.write(f"{where}:{p.line}:{p.col}: error[{p.code}]: {left}\n")
        elif outcome.changed:
            changed += 1
            done = _("would reformat {path}") if check else _("reformatted {path}")
            sys.stdout.write(done.format(path=where) + "\n")
    summary = (
        _("{changed} file(s) would be reformatted, {unchanged} unchanged")
        if check
        else _("{changed} file(s) reformatted, {unchanged} unchanged")
    ).format(changed=changed, unchanged=len(outcomes) - changed - unreadable)
    if unreadable:
        summary += _(", {n} not valid YAML (see 'barrier check')").format(n=unreadable)
    sys.stderr.write(summary + "\n")
    raise typer.Exit(1 if unreadable or (check and changed) else 0)
