"""`barrier assess`: draft assessments derived from the records, printed as tables."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli import options
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n


def assess(
    ctx: typer.Context,
    month: Annotated[
        str | None, options.month("Rate members and score branches for a month")
    ] = None,
    quarter: Annotated[str | None, options.quarter("Score and rank branches for a quarter")] = None,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help="Write the drafts to assessments/ (status: draft); final ones are never touched.",
        ),
    ] = False,
) -> None:
    """Derive draft assessments from the records and the standards, for people to review."""
    from barrier_cli.cli.assess_tables import tables
    from barrier_cli.core import color
    from barrier_cli.io.loader import today
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.assess import assess as derive
    from barrier_cli.reports.assess import parse_period, write_drafts
    from barrier_cli.reports.names import in_language

    g = globals_of(ctx)
    tree = load_tree(g.root(), cache=True)
    period = parse_period(month, quarter, today(tree.root))
    lang = g.language(tree.settings.lang)
    result = derive(tree, period, today=today(tree.root), lang=lang)
    console = color.console()
    if not console.is_terminal:
        console.width = 200  # piped into a file or a pager: do not cut the reasons short
    for table in tables(result, in_language(tree, lang)):
        console.print(table)
    err = color.console(stderr=True)
    for note in result.notes:
        err.print(i18n._("note: {note}").format(note=note))
    if write:
        said = {
            "created": i18n._("created: {path}"),
            "replaced": i18n._("replaced: {path}"),
            "kept": i18n._("kept: {path}"),
        }
        for written in write_drafts(tree, result):
            err.print(said[written.action].format(path=written.path))
