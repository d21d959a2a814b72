"""`barrier analyze`: the monthly comprehensive analysis (月度安全信息综合分析)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from barrier_cli.cli import options
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n


def analyze(
    ctx: typer.Context,
    month: Annotated[str, options.month("The month to analyse")],
    output_format: Annotated[
        Literal["term", "md", "html", "json", "docx", "pdf"] | None,
        typer.Option(
            "--format",
            help="term (tables; the default at a terminal), md (the default otherwise), "
            "html (one file for print, with charts), json (every number, for dashboards), "
            "docx (Word, from the Word template analysis.docx) or pdf (from the html); "
            "docx and pdf need --out or a pipe.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the document to FILE instead of standard output."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Count the records as they stood at the end of DATE (YYYY-MM-DD); "
            "default: the month's last day, or today while it runs.",
        ),
    ] = None,
) -> None:
    """The monthly analysis: who reported, what is open, weak links, next month's priorities."""
    from barrier_cli.core import color
    from barrier_cli.core.periods import month_named, parse_day
    from barrier_cli.core.tree_root import today
    from barrier_cli.present.analysis_document import analysis_document

    g = globals_of(ctx)
    interactive = out is None and sys.stdout.isatty()
    if output_format == "docx" or output_format == "pdf":
        _office(g.root(), month, output_format, g.lang, out, as_of, interactive)
        return
    fmt = output_format or ("term" if interactive else "md")
    day = today(g.root())
    document = analysis_document(
        root=g.root(),
        month=month_named(month, day),
        fmt=fmt,
        lang=g.lang,
        today=day,
        out=out,
        color=fmt == "term" and color.enabled(sys.stdout),
        moment=parse_day(as_of, "--as-of") if as_of else None,
    )
    for rel in document.skipped_files:
        sys.stderr.write(
            i18n._("barrier: warning: {path} does not validate and is left out").format(path=rel)
            + "\n"
        )
    if out is None:
        sys.stdout.write(document.text)
    else:
        sys.stderr.write(i18n._("wrote {path}").format(path=out) + "\n")


def _office(
    root: Path,
    month: str,
    fmt: Literal["docx", "pdf"],
    lang: Literal["zh", "en"] | None,
    out: Path | None,
    as_of: str | None,
    terminal: bool,
) -> None:
    from barrier_cli.core.periods import month_named, parse_day
    from barrier_cli.core.tree_root import today
    from barrier_cli.present.office import analysis_file, binary_target

    deliver = binary_target(fmt, out, root=root, stdout=sys.stdout.buffer, terminal=terminal)
    day = today(root)
    skipped = analysis_file(
        root=root,
        month=month_named(month, day),
        fmt=fmt,
        lang=lang,
        today=day,
        deliver=deliver,
        moment=parse_day(as_of, "--as-of") if as_of else None,
    )
    for rel in skipped:
        sys.stderr.write(
            i18n._("barrier: warning: {path} does not validate and is left out").format(path=rel)
            + "\n"
        )
    if out is not None:
        sys.stderr.write(i18n._("wrote {path}").format(path=out) + "\n")
