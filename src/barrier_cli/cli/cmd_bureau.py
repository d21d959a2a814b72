"""`barrier bureau`: the department above the units: sync their trees, analyse, draft the 通报."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

import typer

from barrier_cli.cli import options
from barrier_cli.cli.context import globals_of

app = typer.Typer(
    help="The bureau level: member units' trees, the ledger, the monthly analysis and 通报.",
    no_args_is_help=True,
)

BureauOption = Annotated[
    Path,
    typer.Option(
        "--bureau", help="The bureau tree (holding bureau.yaml).", file_okay=False, exists=False
    ),
]
DatasetOption = Annotated[
    Path | None,
    typer.Option("--dataset", help="The ledger to read [the bureau's own].", file_okay=False),
]
MonthOption = Annotated[str, options.month("The month")]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Write to FILE instead of standard output.")
]


@app.command("sync")
def sync(
    bureau: BureauOption = Path("."),
    dataset: Annotated[
        Path | None,
        typer.Option("--dataset", help="The ledger to write [the bureau's own].", file_okay=False),
    ] = None,
    no_fetch: Annotated[
        bool, typer.Option("--no-fetch", help="Use the cached clones as they are.")
    ] = False,
) -> None:
    """Fetch each member unit's tree, check it and load it into the ledger; report per unit."""
    from barrier_cli.bureau.models import load_bureau
    from barrier_cli.bureau.sync import sync as run_sync
    from barrier_cli.loader import today

    done = run_sync(load_bureau(bureau), today=today(), fetch=not no_fetch, dataset=dataset)
    for unit in done:
        line = f"{unit.id} {unit.name}: {unit.status}"
        if unit.status == "ok":
            line += f", {unit.rows} rows"
        else:
            line += f" ({unit.errors} errors; {unit.first_error}); left out of the figures"
        sys.stdout.write(line + "\n")
    if any(u.status != "ok" for u in done):
        raise typer.Exit(1)


@app.command("analyze")
def analyze(
    ctx: typer.Context,
    month: MonthOption,
    bureau: BureauOption = Path("."),
    dataset: DatasetOption = None,
    output_format: Annotated[
        Literal["md", "json"], typer.Option("--format", help="md or json (every figure).")
    ] = "md",
    out: OutOption = None,
) -> None:
    """The department's monthly comprehensive analysis, per unit and per system."""
    from barrier_cli.bureau.document import analysis_text

    _document(ctx, analysis_text, bureau, month, output_format, dataset, out)


@app.command("notice")
def notice(
    ctx: typer.Context,
    month: MonthOption,
    bureau: BureauOption = Path("."),
    dataset: DatasetOption = None,
    output_format: Annotated[
        Literal["md", "html"], typer.Option("--format", help="md or html.")
    ] = "md",
    out: OutOption = None,
) -> None:
    """Draft the 通报 naming each unit organisation that shows one of the five shortcomings."""
    from barrier_cli.bureau.document import notice_text

    _document(ctx, notice_text, bureau, month, output_format, dataset, out)


def _document(
    ctx: typer.Context,
    make: Callable[..., str],
    bureau: Path,
    month: str,
    fmt: str,
    dataset: Path | None,
    out: Path | None,
) -> None:
    """One bureau document of ``month``, printed or written to ``out``."""
    from barrier_cli.bureau.models import load_bureau
    from barrier_cli.periods import month_named
    from barrier_cli.tree_root import today

    text = make(
        load_bureau(bureau),
        month=month_named(month, today()),
        fmt=fmt,
        lang=globals_of(ctx).lang or "zh",
        dataset=dataset,
    )
    if out is None:
        sys.stdout.write(text)
        return
    from barrier_cli.store import write_document

    write_document(out, text)
    sys.stderr.write(f"wrote {out}\n")
