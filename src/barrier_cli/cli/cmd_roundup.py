"""`barrier roundup`: draft a group's weekly or a branch's monthly feedback, complete, save."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli import options
from barrier_cli.cli.adding import prompter_for
from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n


def roundup(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option(metavar="UNIT", help="The group (--week) or branch.")],
    week: Annotated[
        str | None, typer.Option(metavar="YYYY-Www", help="A group's week, e.g. 2026-W12.")
    ] = None,
    month: Annotated[str | None, options.month("A branch's month, e.g. 2026-03")] = None,
    by: Annotated[
        str | None,
        typer.Option(metavar="PERSON", help="Who writes it [the group leader or secretary]."),
    ] = None,
    judgement: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Your own assessment and what is to be done."),
    ] = None,
    final: Annotated[
        bool, typer.Option("--final", help="Save it final (needs --judgement): it then counts.")
    ] = False,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt.")] = False,
) -> None:
    """Draft the weekly (group) or monthly (branch) roundup from the level below, and save it.

    The draft holds the period's safety information by element, the nil returns, what is
    open, what to raise, and who gave no feedback when. It is written as a draft; with
    --judgement and --final (or answering the prompts) it is saved final, and only a final
    roundup meets the group leader's or branch's cadence.
    """
    from barrier_cli.core.errors import InvalidInput
    from barrier_cli.core.lookup import Lookup
    from barrier_cli.core.periods import month_named
    from barrier_cli.io.canonical import record_text
    from barrier_cli.io.loader import today
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.write.roundups import draft_month, draft_week, parse_week, save_roundup

    if (week is None) == (month is None):
        raise InvalidInput(
            i18n._("give one of --week YYYY-Www (a group) or --month YYYY-MM (a branch)")
        )
    root = globals_of(ctx).root()
    tree = load_tree(root, cache=True)
    day = today(root)
    lang = globals_of(ctx).language(tree.settings.lang)
    unit = Lookup.of(tree.org, "unit").option(unit, "--unit", lang)
    by = Lookup.of(tree.org, "person").option(by, "--by", lang) if by is not None else None
    if week is not None:
        draft = draft_week(tree, week=parse_week(week), unit=unit, day=day, by=by)
    else:
        draft = draft_month(tree, month=month_named(month or "", day), unit=unit, day=day, by=by)
    if draft.span[0] > day:
        raise InvalidInput(i18n._("{period} has not begun").format(period=draft.period))
    prompter = prompter_for(no_input=no_input or (final and judgement is not None))
    if prompter is not None:
        prompter.say(record_text(draft).rstrip())
        if judgement is None:
            judgement = (
                prompter.ask(
                    i18n._("judgement: "),
                    candidates=[],
                    multi=False,
                    hint=i18n._("your own assessment"),
                ).strip()
                or None
            )
        if judgement is not None and not final:
            answer = prompter.ask(
                i18n._("save final? [y/N]: "), candidates=[], multi=False, hint=""
            )
            final = answer.strip().lower() in ("y", "yes", "是")
    if final and not judgement:
        raise InvalidInput(i18n._("a final roundup needs --judgement"))
    update: dict[str, object] = {"status": "final" if final else "draft"}
    if judgement:
        update["judgement"] = judgement
    path = save_roundup(root, draft.model_copy(update=update))
    saved = (
        i18n._("{id} saved as final: {path}") if final else i18n._("{id} saved as a draft: {path}")
    )
    typer.echo(saved.format(id=draft.id, path=path))
