"""`barrier report add`: one piece of safety information, by prompts or by flags."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli.adding import COMMIT_HELP, FROM_HELP, NO_INPUT_HELP, run_add

app = typer.Typer(help="Safety information reports (安全信息).", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Option(metavar="DATE", help="When observed: YYYY-MM-DD [today].")
    ] = None,
    reporter: Annotated[
        str | None,
        typer.Option(
            metavar="PERSON",
            help="Id, name, pinyin or initials (zcx) [the last reporter, else $BARRIER_USER].",
        ),
    ] = None,
    unit: Annotated[
        str | None, typer.Option(metavar="UNIT", help="Unit: id or name [the reporter's unit].")
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(metavar="TIER", help="Tier: member|group|branch (or 党员…) [member]."),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            metavar="SOURCE",
            help="on_site|cadre_patrol|joint_labour|briefing|other (or 现场作业…).",
        ),
    ] = None,
    partner: Annotated[
        str | None,
        typer.Option(
            metavar="PARTNER", help="Partner unit: id or name; required for joint_labour."
        ),
    ] = None,
    element: Annotated[
        str | None,
        typer.Option(metavar="ELEMENT", help="equipment|personnel|management (or 设备…)."),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            metavar="CATEGORY", help="hazard|violation|fault|near_miss|quality|suggestion|other."
        ),
    ] = None,
    keys: Annotated[
        list[str] | None,
        typer.Option(
            metavar="KEY,…", help="Five keys touched: train,group,post,link,person (repeat or a,b)."
        ),
    ] = None,
    risk: Annotated[
        str | None, typer.Option(metavar="RISK", help="low|medium|high [medium].")
    ] = None,
    train: Annotated[
        str | None, typer.Option(metavar="TRAIN", help="Train number, e.g. 41008.")
    ] = None,
    vehicle: Annotated[
        str | None, typer.Option(metavar="CAR", help="Car number, e.g. G606230356.")
    ] = None,
    location: Annotated[
        str | None, typer.Option(metavar="PLACE", help="Track, yard, post.")
    ] = None,
    persons: Annotated[
        list[str] | None,
        typer.Option(
            metavar="PERSON,…", help="People involved: ids, names or pinyin (repeat or a,b)."
        ),
    ] = None,
    summary: Annotated[
        str | None, typer.Option(metavar="TEXT", help="One line: what was found.")
    ] = None,
    details: Annotated[
        str | None, typer.Option(metavar="TEXT", help="What happened, where, what was done.")
    ] = None,
    commend: Annotated[
        bool | None, typer.Option("--commend/--no-commend", help="A good catch to praise.")
    ] = None,
    links: Annotated[
        list[str] | None, typer.Option(metavar="ID,…", help="Related report or incident ids.")
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help=NO_INPUT_HELP)] = False,
    from_file: Annotated[str | None, typer.Option("--from", metavar="FILE", help=FROM_HELP)] = None,
    commit: Annotated[bool, typer.Option("--commit", help=COMMIT_HELP)] = False,
) -> None:
    """Add a report: prompts at a terminal, or every field by flags with --no-input.

    At a prompt, Enter takes the [default], < goes back one question, - clears an optional
    answer, and Ctrl-C quits writing nothing. Choices take the value, its label or its
    number; people and units their id, name, pinyin or initials (zcx for 朱春祥), here and
    in --from. Prints the new id and its file.
    """
    flags = {
        "date": date,
        "reporter": reporter,
        "unit": unit,
        "level": level,
        "source": source,
        "partner": partner,
        "element": element,
        "category": category,
        "keys": keys,
        "risk": risk,
        "train": train,
        "vehicle": vehicle,
        "location": location,
        "persons": persons,
        "summary": summary,
        "details": details,
        "commend": commend,
        "links": links,
    }
    run_add(ctx, "report", flags, no_input=no_input, from_file=from_file, commit=commit)
