"""`barrier feedback --person X`: what became of each report a member filed."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli.context import globals_of


def feedback(
    ctx: typer.Context,
    person: Annotated[str, typer.Option(metavar="PERSON", help="Whose reports: id or name.")],
    limit: Annotated[int, typer.Option(metavar="N", help="Show the N newest reports.")] = 20,
) -> None:
    """Show a member what became of their reports: who answered, when, and what was decided.

    Reports nobody answered within deadlines.feedback_days are marked; the reply is taken
    from the report's analysis, actions and closure.
    """
    from barrier_cli.analysis.feedback import reporter_outcomes
    from barrier_cli.loader import load_tree, today
    from barrier_cli.lookup import Lookup

    tree = load_tree(globals_of(ctx).root(), cache=True)
    lang = globals_of(ctx).language(tree.settings.lang)
    pid = Lookup.of(tree.org, "person").option(person, "--person", lang)
    who = next(p for p in tree.org.people if p.id == pid)
    zh = lang == "zh"
    days = tree.settings.deadlines.feedback_days
    names = {p.id: p.name for p in tree.org.people}
    outcomes = reporter_outcomes(tree, who.id, as_of=today(tree.root))
    typer.echo(f"{who.name} ({who.id}): {len(outcomes)} " + ("条信息" if zh else "reports"))
    for o in outcomes[:limit]:
        flag = " !" if o.overdue else ""
        typer.echo(f"{o.date} {o.id} [{o.status}]{flag} {o.summary}")
        if o.answered is None:
            wait = f"尚未反馈（时限{days}天）" if zh else f"no answer yet (due within {days} days)"
            typer.echo(f"    {wait}")
        else:
            head = f"{o.answered} {names.get(o.by or '', o.by or '')}".rstrip()
            typer.echo(
                f"    {head}（{o.days}天）：{o.answer}"
                if zh
                else f"    {head} ({o.days} d): {o.answer}"
            )
