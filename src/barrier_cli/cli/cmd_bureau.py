"""`barrier bureau`: the department above the units: sync their trees, analyse, draft the 通报."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

import typer

from barrier_cli.cli import options
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n

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
    from barrier_cli.io.loader import today
    from barrier_cli.reports.bureau.models import load_bureau
    from barrier_cli.reports.bureau.sync import sync as run_sync

    done = run_sync(load_bureau(bureau), today=today(), fetch=not no_fetch, dataset=dataset)
    for unit in done:
        if unit.status == "ok":
            line = i18n._("{id} {name}: ok, {rows} rows")
        elif unit.status == "failed":
            line = i18n._("{id} {name}: failed ({errors} errors; {first}); left out of the figures")
        else:
            line = i18n._(
                "{id} {name}: unreachable ({errors} errors; {first}); left out of the figures"
            )
        line = line.format(
            id=unit.id, name=unit.name, rows=unit.rows, errors=unit.errors, first=unit.first_error
        )
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
        Literal["md", "json", "docx", "pdf"],
        typer.Option(
            "--format", help="md, json (every figure), or docx or pdf (need --out or a pipe)."
        ),
    ] = "md",
    out: OutOption = None,
) -> None:
    """The department's monthly comprehensive analysis, per unit and per system."""
    from barrier_cli.present.bureau_document import analysis_text

    _document(ctx, analysis_text, bureau, month, output_format, dataset, out, source="md")


@app.command("notice")
def notice(
    ctx: typer.Context,
    month: MonthOption,
    bureau: BureauOption = Path("."),
    dataset: DatasetOption = None,
    output_format: Annotated[
        Literal["md", "html", "docx", "pdf"],
        typer.Option("--format", help="md, html, or docx or pdf (need --out or a pipe)."),
    ] = "md",
    out: OutOption = None,
) -> None:
    """Draft the 通报 naming each unit organisation that shows one of the five shortcomings."""
    from barrier_cli.present.bureau_document import notice_text

    _document(ctx, notice_text, bureau, month, output_format, dataset, out, source="html")


def _document(
    ctx: typer.Context,
    make: Callable[..., str],
    bureau: Path,
    month: str,
    fmt: str,
    dataset: Path | None,
    out: Path | None,
    *,
    source: Literal["md", "html"],
) -> None:
    """One bureau document of ``month``, printed or written to ``out``; docx and pdf are
    made from its ``source`` rendering."""
    from barrier_cli.core.periods import month_named
    from barrier_cli.core.tree_root import today
    from barrier_cli.reports.bureau.models import load_bureau

    tree = load_bureau(bureau)
    period = month_named(month, today())
    lang = globals_of(ctx).lang or "zh"
    if fmt == "docx" or fmt == "pdf":
        from barrier_cli.present.office import binary_target, bureau_file

        binary: Literal["docx", "pdf"] = "docx" if fmt == "docx" else "pdf"
        deliver = binary_target(
            fmt, out, root=None, stdout=sys.stdout.buffer, terminal=sys.stdout.isatty()
        )
        text = make(tree, month=period, fmt=source, lang=lang, dataset=dataset)
        title = f"{tree.bureau.name} {period}" if tree.bureau.name else str(period)
        deliver(
            bureau_file(
                bureau_root=tree.root,
                text=text,
                source=source,
                month=period,
                fmt=binary,
                lang=lang,
                author=tree.bureau.issuer,
                title=title,
            )
        )
        if out is not None:
            sys.stderr.write(i18n._("wrote {path}").format(path=out) + "\n")
        return
    text = make(tree, month=period, fmt=fmt, lang=lang, dataset=dataset)
    if out is None:
        sys.stdout.write(text)
        return
    from barrier_cli.io.store import write_document

    write_document(out, text)
    sys.stderr.write(i18n._("wrote {path}").format(path=out) + "\n")
