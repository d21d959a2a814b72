"""`barrier terminal`: the duty room's shared terminal, one person after another."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli.adding import COMMIT_HELP, at_terminal, lang_of
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n


def terminal(
    ctx: typer.Context,
    idle: Annotated[
        float,
        typer.Option(
            metavar="SECONDS",
            min=1,
            help="Back to the start screen, writing nothing, after this long without a key.",
        ),
    ] = 120,
    commit: Annotated[bool, typer.Option("--commit", help=COMMIT_HELP)] = False,
) -> None:
    """A shared terminal for a shift: who is reporting, a nil return or a report, the next.

    Each person types their initials (zcx for 朱春祥), pinyin, name or id, then 1 for a nil
    return (今日无异常) or 2 for a report, asked as `report add` asks it; then the start
    screen is back for the next person, with none of the last one's answers. q at the start
    screen ends the shift and prints what it wrote.
    """
    if not at_terminal():
        raise typer.BadParameter(
            i18n._("needs a terminal on stdin and stdout"), param_hint="terminal"
        )
    from barrier_cli.write.entry.shift import run_shift
    from barrier_cli.write.entry.terminal import TerminalPrompter

    run_shift(
        root=globals_of(ctx).root(),
        lang=lang_of(ctx),
        new_prompter=lambda: TerminalPrompter(idle=idle),
        commit=commit,
    )
