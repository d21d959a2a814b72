"""`barrier action done ID[/N]`: mark a report action or an incident measure done."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from barrier_cli.cli.adding import at_terminal, lang_of, prompter_for
from barrier_cli.cli.context import globals_of

if TYPE_CHECKING:
    from barrier_cli.edit import Choose
    from barrier_cli.entry.session import Prompter
    from barrier_cli.models import Action

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
        typer.Option(metavar="PERSON", help="Who checked it was done: person id or name."),
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

    Without /N the only open action is meant; with several open, you are asked which (or,
    without a terminal, told their numbers). Refused if the file changed since it was read.
    """
    from barrier_cli.edit import mark_done
    from barrier_cli.entry.questions import InvalidAnswer, parse_date
    from barrier_cli.errors import InvalidInput
    from barrier_cli.loader import today

    day = None
    if date is not None:
        try:
            day = parse_date(date, today(globals_of(ctx).root()), lang_of(ctx) or "en")
        except InvalidAnswer as e:
            raise InvalidInput(f"--date: {e}") from None
    # Asked only when several actions are open; without a terminal that is refused instead.
    prompter = prompter_for(no_input=no_input or not at_terminal())
    edited = mark_done(
        root=globals_of(ctx).root(),
        ref=ref,
        day=day,
        verified_by=verified_by,
        choose=_chooser(prompter) if prompter is not None else None,
    )
    typer.echo(f"{edited.id} {edited.what}")
    if edited.open_left == 0:
        typer.echo("no open actions left: the record may now be closed", err=True)


def _chooser(prompter: Prompter) -> Choose:
    def choose(pending: list[tuple[int, Action]]) -> int:
        numbers = {str(n) for n, _ in pending}
        for n, action in pending:
            prompter.say(f"{n:>3}  {action.action}  ({action.owner or '?'}, {action.due or '?'})")
        while True:
            answer = prompter.ask("N: ", candidates=[], multi=False, hint="").strip()
            if answer in numbers:
                return int(answer)
            prompter.say(f"  ✗ {', '.join(sorted(numbers))}")

    return choose
