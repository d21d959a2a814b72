"""`barrier due`: overdue and upcoming actions, measures and pairing milestones, per owner."""

from __future__ import annotations

import sys
from typing import Annotated, Literal

import typer

from barrier_cli.cli.context import globals_of


def due(
    ctx: typer.Context,
    days: Annotated[
        int | None,
        typer.Option(
            "--days", min=0, help="Look this many days ahead (default: the furthest reminder)."
        ),
    ] = None,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner", help="Only what this person answers for: id, name, pinyin or initials."
        ),
    ] = None,
    output_format: Annotated[
        Literal["term", "json"], typer.Option("--format", help="term for people, json for tools.")
    ] = "term",
    fail_on_overdue: Annotated[
        bool, typer.Option("--fail-on-overdue", help="Exit 1 when anything is overdue (for CI).")
    ] = False,
) -> None:
    """What falls due soon and what is late, grouped by owner, soonest first. Exits 0."""
    from barrier_cli.core.lookup import Lookup
    from barrier_cli.io.loader import today
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.due import due_list, format_text

    g = globals_of(ctx)
    tree = load_tree(g.root(), cache=True)
    lang = g.language(tree.settings.lang)
    if owner is not None:
        owner = Lookup.of(tree.org, "person").option(owner, "--owner", lang)
    found = due_list(tree, today=today(tree.root), days=days, owner=owner, lang=lang)
    if output_format == "json":
        sys.stdout.write(found.to_json())
    else:
        sys.stdout.write(format_text(found, lang))
    raise typer.Exit(1 if fail_on_overdue and found.overdue else 0)
