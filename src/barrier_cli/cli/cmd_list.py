"""`barrier list KIND` and `barrier show ID`: find records and read one."""

from __future__ import annotations

import sys
from typing import Annotated, Literal

import typer

from barrier_cli.cli.adding import lang_of
from barrier_cli.cli.context import globals_of


def list_(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            help="report, incident, pairing, assessment, notice, competence, keyperson or reward."
        ),
    ],
    month: Annotated[str | None, typer.Option(help="YYYY-MM: records dated in that month.")] = None,
    unit: Annotated[
        str | None, typer.Option(help="A unit (id or name) and every unit below it.")
    ] = None,
    status: Annotated[str | None, typer.Option(help="A status, as a value or a label.")] = None,
    person: Annotated[
        str | None,
        typer.Option(help="Anyone the record names: reporter, owner, mentor… (id or name)."),
    ] = None,
    output_format: Annotated[
        Literal["table", "json", "csv"],
        typer.Option("--format", help="table for people; json and csv hold the stored values."),
    ] = "table",
) -> None:
    """List records of one kind, oldest first, filtered by month, unit, status and person."""
    from barrier_cli.loader import load_tree
    from barrier_cli.query import kind_named, list_records

    root = globals_of(ctx).root()
    tree = load_tree(root, cache=True)
    lang = lang_of(ctx) or tree.settings.lang
    listing = list_records(
        tree,
        kind=kind_named(kind),
        month=month,
        unit=unit,
        status=status,
        person=person,
        lang=lang,
    )
    if output_format == "json":
        import json

        json.dump(listing.rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif output_format == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=[*listing.columns, "path"])
        writer.writeheader()
        for row in listing.rows:
            writer.writerow(
                {k: "|".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}
            )
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(box=None, header_style="bold", pad_edge=False)
        for column, title in zip(listing.table, listing.titles, strict=True):
            # Ids, dates and labels are read whole; only free text and names wrap.
            wraps = column in ("summary", "title", "reasons")
            table.add_column(
                title,
                no_wrap=not wraps,
                overflow="fold",
                ratio=1 if wraps else None,
                min_width=10 if wraps else None,
            )
        for row in listing.shown:
            table.add_row(*(row[c] for c in listing.table))
        console = Console()
        console.print(table)
        n = len(listing.rows)
        console.print(f"共 {n} 条" if lang == "zh" else f"{n} records", style="dim")


def show(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The record's id.")],
) -> None:
    """Show one record, readable: field titles, choices as labels, people by name."""
    from barrier_cli.loader import load_tree
    from barrier_cli.query import describe

    root = globals_of(ctx).root()
    tree = load_tree(root, cache=True)
    result, lines = describe(tree, record_id, lang=lang_of(ctx) or tree.settings.lang)
    out = [f"{result.record_id}  ({root / result.rel})"]
    for line in lines:
        pad = "  " * line.depth
        out.append(f"{pad}{line.title}" + (f": {line.text}" if line.text else ""))
    typer.echo("\n".join(out))
