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
    from barrier_cli.core.i18n import _
    from barrier_cli.core.labels import label
    from barrier_cli.core.lookup import Lookup
    from barrier_cli.io.loader import today
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.analysis.feedback import reporter_outcomes

    tree = load_tree(globals_of(ctx).root(), cache=True)
    lang = globals_of(ctx).language(tree.settings.lang)
    pid = Lookup.of(tree.org, "person").option(person, "--person", lang)
    who = next(p for p in tree.org.people if p.id == pid)
    days = tree.settings.deadlines.feedback_days
    names = {p.id: p.name for p in tree.org.people}
    outcomes = reporter_outcomes(tree, who.id, as_of=today(tree.root))
    typer.echo(_("{name} ({id}): {n} reports").format(name=who.name, id=who.id, n=len(outcomes)))
    for o in outcomes[:limit]:
        flag = " !" if o.overdue else ""
        status = label("report_status", o.status, lang)
        typer.echo(f"{o.date} {o.id} [{status}]{flag} {o.summary}")
        if o.answered is None:
            typer.echo("    " + _("no answer yet (due within {days} days)").format(days=days))
        else:
            head = f"{o.answered} {names.get(o.by or '', o.by or '')}".rstrip()
            typer.echo(
                "    "
                + _("{head} ({days} d): {answer}").format(head=head, days=o.days, answer=o.answer)
            )
