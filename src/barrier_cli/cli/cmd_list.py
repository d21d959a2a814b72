"""`barrier list KIND` and `barrier show ID`: find records and read one."""

from __future__ import annotations

import sys
from typing import Annotated, Literal

import typer

from barrier_cli.cli import options
from barrier_cli.cli.adding import lang_of
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n


def list_(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            help="report, incident, pairing, assessment, notice, competence, keyperson or reward."
        ),
    ],
    month: Annotated[str | None, options.month("Records dated in that month")] = None,
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
    from barrier_cli.core.periods import month_named
    from barrier_cli.io.loader import today
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.query import kind_named, list_records

    root = globals_of(ctx).root()
    tree = load_tree(root, cache=True)
    lang = lang_of(ctx) or tree.settings.lang
    chosen = kind_named(kind)
    listing = list_records(
        tree,
        kind=chosen,
        month=month_named(month, today(root)) if month is not None else None,
        unit=unit,
        status=status,
        person=person,
        lang=lang,
    )
    if output_format == "json":
        from barrier_cli.core import jsonout

        sys.stdout.write(jsonout.dumps({"kind": chosen, "records": listing.rows}))
    elif output_format == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=[*listing.columns, "path"])
        writer.writeheader()
        for row in listing.rows:
            writer.writerow(
                {k: "|".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}
            )
    else:
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
        from barrier_cli.core import color

        console = color.console()
        console.print(table)
        n = len(listing.rows)
        console.print(i18n.in_lang(lang, "{n} records").format(n=n), style="dim")


def show(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The record's id.")],
    output_format: Annotated[
        Literal["text", "json"],
        typer.Option("--format", help="text for people; json holds the stored values."),
    ] = "text",
) -> None:
    """Show one record, readable: field titles, choices as labels, people by name."""
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.query import describe

    root = globals_of(ctx).root()
    tree = load_tree(root, cache=True)
    result, lines = describe(tree, record_id, lang=lang_of(ctx) or tree.settings.lang)
    if output_format == "json":
        from pydantic import BaseModel

        from barrier_cli.core import jsonout

        assert isinstance(result.record, BaseModel)
        record = result.record.model_dump(mode="json", by_alias=True, exclude_none=True)
        sys.stdout.write(
            jsonout.dumps({"id": result.record_id, "path": result.rel, "record": record})
        )
        return
    out = [f"{result.record_id}  ({root / result.rel})"]
    for line in lines:
        pad = "  " * line.depth
        out.append(f"{pad}{line.title}" + (f": {line.text}" if line.text else ""))
    typer.echo("\n".join(out))
