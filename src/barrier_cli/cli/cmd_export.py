"""`barrier export`: flat tables of every record for Excel, DuckDB, Spark or pandas."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from barrier_cli.cli import options
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n


def export(
    ctx: typer.Context,
    output_format: Annotated[
        Literal["csv", "jsonl", "parquet", "xlsx"],
        typer.Option(
            "--format", help="csv, jsonl, parquet (one file per table) or xlsx (one workbook)."
        ),
    ] = "csv",
    out: Annotated[
        Path,
        typer.Option("--out", help="The folder to write into (made if missing).", file_okay=False),
    ] = Path("barrier-export"),
    labels: Annotated[
        Literal["zh", "en"] | None,
        typer.Option(
            "--labels", help="Headers and choice values as zh or en labels (default: keys)."
        ),
    ] = None,
    dataset: Annotated[
        Path | None,
        typer.Option(
            "--dataset",
            help="Add this tree as one unit of a hive-partitioned Parquet dataset (the bureau's "
            "ledger); re-export replaces the unit's partitions.",
            file_okay=False,
        ),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="The unit id in the dataset (with --dataset).")
    ] = None,
    month: Annotated[
        str | None,
        options.month("With --dataset: replace only this month"),
    ] = None,
) -> None:
    """One flat table per record kind, with actions and measures as tables of their own."""
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.export import export as run_export

    if dataset is not None and unit is None:
        from barrier_cli.core.errors import InvalidInput

        raise InvalidInput(i18n._("--dataset needs --unit ID: the unit these records are"))
    tree = load_tree(globals_of(ctx).root())
    if dataset is not None:
        from barrier_cli.core.periods import month_named
        from barrier_cli.io.loader import today
        from barrier_cli.reports.bureau.dataset import export_dataset

        assert unit is not None
        day = today(tree.root)
        written = export_dataset(
            tree,
            unit=unit,
            out=dataset,
            month=month_named(month, day) if month else None,
            today=day,
        )
        sys.stderr.write(
            i18n._("wrote {count} partitions of unit={unit} in {path}").format(
                count=written.partitions, unit=unit, path=dataset
            )
            + "\n"
        )
        _say_rows(written.rows)
        return
    done = run_export(tree, fmt=output_format, out=out, labels=labels)
    for path in done.files:
        sys.stderr.write(i18n._("wrote {path}").format(path=path) + "\n")
    for line in done.cut:
        sys.stderr.write(i18n._("warning: {message}").format(message=line) + "\n")
    _say_rows(done.rows)


def _say_rows(rows: dict[str, int]) -> None:
    # table names are the names of the files and sheets written: kept as they are
    counts = i18n.join(i18n._("{table} {count}").format(table=t, count=n) for t, n in rows.items())
    sys.stderr.write(i18n._("rows: {counts}").format(counts=counts) + "\n")
