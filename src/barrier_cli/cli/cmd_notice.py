"""`barrier notice`: the circulated notice (通报) of a month; `--issue` numbers and registers it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from barrier_cli.cli import options
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n


def notice(
    ctx: typer.Context,
    month: Annotated[str, options.month("The month covered")],
    output_format: Annotated[
        Literal["md", "html", "docx", "pdf"],
        typer.Option(
            "--format",
            help="md (Markdown), html (a formal A4 document), docx (Word, from the Word "
            "template notice.docx) or pdf (from the html); docx and pdf need --out or a pipe.",
        ),
    ] = "md",
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the document to FILE instead of standard output."),
    ] = None,
    issue: Annotated[
        bool,
        typer.Option(
            "--issue",
            help="Take the next notice number of the year and add the notice to notices/YYYY/.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="With --issue: issue even if the month already has one.")
    ] = False,
    draft: Annotated[
        bool,
        typer.Option(
            "--draft",
            help="For an issued month: what today's records would say, unnumbered, "
            "instead of the issued document.",
        ),
    ] = False,
    with_ids: Annotated[
        bool,
        typer.Option(
            "--with-ids",
            help="Add the record numbers to the attachment, for the office that keeps the "
            "records (a circulated notice names its matters by date, unit and content).",
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Count the records as they stood at the end of DATE (YYYY-MM-DD); "
            "default: the month's last day, or today while it runs.",
        ),
    ] = None,
) -> None:
    """Praise good catches, name each unit's shortcomings with evidence, set corrections."""
    from barrier_cli.core.errors import InvalidInput
    from barrier_cli.core.periods import month_named, parse_day
    from barrier_cli.io.loader import today
    from barrier_cli.present.notice import publish_notice

    if force and not issue:
        raise InvalidInput(i18n._("--force only makes sense with --issue"))
    g = globals_of(ctx)
    root = g.root()
    day = today(root)
    moment = parse_day(as_of, "--as-of") if as_of else None
    if output_format == "docx" or output_format == "pdf":
        from barrier_cli.present.office import binary_target, notice_file

        published = notice_file(
            root=root,
            month=month_named(month, day),
            fmt=output_format,
            lang=g.lang,
            today=day,
            deliver=binary_target(
                output_format,
                out,
                root=root,
                stdout=sys.stdout.buffer,
                terminal=sys.stdout.isatty(),
            ),
            issue=issue,
            force=force,
            moment=moment,
            draft=draft,
            with_ids=with_ids,
        )
    else:
        published = publish_notice(
            root=root,
            month=month_named(month, day),
            fmt=output_format,
            lang=g.lang,
            today=day,
            issue=issue,
            force=force,
            out=out,
            deliver=_print,
            moment=moment,
            draft=draft,
            with_ids=with_ids,
        )
    again = published.reproduced
    if again is not None:
        e = again.entry
        how = (
            i18n._("byte for byte as issued (digest verified)")
            if again.verified
            else i18n._(
                "from its frozen content, but the templates changed since: "
                "this rendering differs from the issued document"
            )
            if again.frozen
            else i18n._(
                "rebuilt from the records as of {date} (issued before notices were frozen)"
            ).format(date=e.date)
        )
        sys.stderr.write(
            i18n._(
                "issued notice {number} ({id}, {date}): {how}; --draft shows today's records"
            ).format(number=e.number, id=e.id, date=e.date, how=how)
            + "\n"
        )
    if published.entry is not None and published.register is not None:
        where = published.register.relative_to(root).as_posix()
        sys.stderr.write(
            i18n._("issued {number} ({id}): {path}").format(
                number=published.entry.number, id=published.entry.id, path=where
            )
            + "\n"
        )
    elif out is not None:
        sys.stderr.write(i18n._("wrote {path}").format(path=out) + "\n")


def _print(document: str) -> None:
    # Flushed before the number is registered: a notice that could not be shown keeps it free.
    sys.stdout.write(document)
    sys.stdout.flush()
