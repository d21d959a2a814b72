"""`barrier pairing add` and `barrier pairing review ID`: key-person pairings (包保对子)."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli.adding import (
    COMMIT_HELP,
    FROM_HELP,
    NO_INPUT_HELP,
    lang_of,
    prompter_for,
    run_add,
)
from barrier_cli.cli.context import globals_of

app = typer.Typer(help="Key-person pairings (包保对子).", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    mentor: Annotated[
        str | None,
        typer.Option(
            metavar="PERSON", help="The party member who mentors: id, name, pinyin or initials."
        ),
    ] = None,
    person: Annotated[
        str | None,
        typer.Option(metavar="PERSON", help="The key person: id, name, pinyin or initials."),
    ] = None,
    unit: Annotated[
        str | None, typer.Option(metavar="UNIT", help="Unit: id or name [the key person's unit].")
    ] = None,
    start: Annotated[
        str | None, typer.Option(metavar="DATE", help="Start date: YYYY-MM-DD [today].")
    ] = None,
    reasons: Annotated[
        list[str] | None,
        typer.Option(
            metavar="REASON,…",
            help="low_skill,few_finds,violations,attitude,other (or 业务素质差…).",
        ),
    ] = None,
    plan: Annotated[str | None, typer.Option(metavar="TEXT", help="The mentoring plan.")] = None,
    cadence: Annotated[
        str | None,
        typer.Option(
            metavar="CADENCE",
            help="How often the plan mentors: weekly, fortnightly or monthly (每周一次…).",
        ),
    ] = None,
    measures: Annotated[
        list[str] | None,
        typer.Option(metavar="MEASURE", help="Measures (repeat, or separate with ';')."),
    ] = None,
    goals: Annotated[
        list[str] | None, typer.Option(metavar="GOAL", help="Goals (repeat, or separate with ';').")
    ] = None,
    letter: Annotated[
        str | None, typer.Option(metavar="DATE", help="Date the responsibility letter was signed.")
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help=NO_INPUT_HELP)] = False,
    from_file: Annotated[str | None, typer.Option("--from", metavar="FILE", help=FROM_HELP)] = None,
    commit: Annotated[bool, typer.Option("--commit", help=COMMIT_HELP)] = False,
) -> None:
    """Add a pairing: prompts at a terminal, or every field by flags with --no-input."""
    flags = {
        "mentor": mentor,
        "person": person,
        "unit": unit,
        "start": start,
        "reasons": reasons,
        "plan": plan,
        "cadence": cadence,
        "measures": ";".join(measures) if measures else None,
        "goals": ";".join(goals) if goals else None,
        "letter": letter,
    }
    run_add(ctx, "pairing", flags, no_input=no_input, from_file=from_file, commit=commit)


@app.command("review")
def review(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The pairing's id.")],
    by: Annotated[
        str | None,
        typer.Option(
            metavar="PERSON",
            help="Who reviewed: id, name, pinyin or initials [the last reporter, else "
            "$BARRIER_USER].",
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option(metavar="TEXT", help="How the key person is doing.")
    ] = None,
    date: Annotated[str | None, typer.Option(metavar="DATE", help="YYYY-MM-DD [today].")] = None,
    diligences: Annotated[
        list[str] | None,
        typer.Option(metavar="WHICH,…", help="五勤 done: observe,instil,help,remind,report."),
    ] = None,
    together: Annotated[
        list[str] | None,
        typer.Option(metavar="WHICH,…", help="四同 kept: start,work,return,rest."),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Never prompt: take every field from flags; a missing one is an error.",
        ),
    ] = False,
) -> None:
    """Append a review (跟踪记录) to a pairing, keeping the file's comments and order.

    The review is checked as `check` would before anything is written.
    """
    from barrier_cli.write.entry.review import review_pairing

    edited = review_pairing(
        root=globals_of(ctx).root(),
        record_id=record_id,
        flags={
            "date": date,
            "by": by,
            "note": note,
            "diligences": ";".join(diligences) if diligences else None,
            "together": ";".join(together) if together else None,
        },
        lang=lang_of(ctx),
        prompter=prompter_for(no_input=no_input),
    )
    typer.echo(f"{edited.id} {edited.what}")
