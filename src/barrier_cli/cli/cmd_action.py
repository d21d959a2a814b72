"""`barrier action done ID[/N]`: mark a report action or an incident measure done."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli.adding import at_terminal, lang_of, prompter_for
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n

app = typer.Typer(help="Actions of reports and measures of incidents.", no_args_is_help=True)


@app.command("done")
def done(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(
            metavar="ID[/N]",
            help="A report or incident id; /N picks its Nth action or measure, counted from 1.",
        ),
    ],
    verified_by: Annotated[
        str | None,
        typer.Option(
            metavar="PERSON", help="Who checked it was done: id, name, pinyin or initials."
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="When it was done: YYYY-MM-DD, today, yesterday [today]."
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask which action is meant; refuse instead.")
    ] = False,
) -> None:
    """Mark an action or measure done (and verified), keeping the file's comments and order.

    Without /N the only open action is meant; with several open, they are listed with their
    text and owner and you are asked which (or, without a terminal, told their numbers).
    Refused if the file changed since it was read.
    """
    from barrier_cli.core.errors import InvalidInput
    from barrier_cli.io.loader import today
    from barrier_cli.write.entry.actions import done as mark
    from barrier_cli.write.entry.questions import InvalidAnswer, parse_date

    day = None
    if date is not None:
        try:
            day = parse_date(date, today(globals_of(ctx).root()), lang_of(ctx) or i18n.current())
        except InvalidAnswer as e:
            raise InvalidInput(f"--date: {e}") from None
    edited = mark(
        root=globals_of(ctx).root(),
        ref=ref,
        day=day,
        verified_by=verified_by,
        lang=lang_of(ctx),
        # Asked only when several actions are open; without a terminal that is refused.
        prompter=prompter_for(no_input=no_input or not at_terminal()),
    )
    typer.echo(f"{edited.id} {edited.what}")
    if edited.open_left == 0:
        typer.echo(i18n._("no open actions left: the record may now be closed"), err=True)
