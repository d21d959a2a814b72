"""`barrier incident add`: an accident, a precursor or a violation (两违)."""

from __future__ import annotations

from typing import Annotated

import typer

from barrier_cli.cli.adding import COMMIT_HELP, FROM_HELP, NO_INPUT_HELP, run_add

app = typer.Typer(help="Accidents, precursors and violations.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Option(metavar="DATE", help="When it happened: YYYY-MM-DD [today].")
    ] = None,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="One line.")] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            metavar="UNIT",
            help="Unit: id or name [the unit of the last reporter, else of $BARRIER_USER].",
        ),
    ] = None,
    incident_type: Annotated[
        str | None,
        typer.Option(
            "--type", metavar="TYPE", help="accident|precursor|violation (or 事故, 事故苗子, 两违)."
        ),
    ] = None,
    accident_class: Annotated[
        str | None,
        typer.Option(
            "--class",
            metavar="CLASS",
            help="For accidents: general_a…general_d, large, major, extraordinary.",
        ),
    ] = None,
    code: Annotated[
        str | None, typer.Option(metavar="CODE", help="For accidents: a code such as C2.")
    ] = None,
    violation_kind: Annotated[
        str | None,
        typer.Option(metavar="KIND", help="For violations: rule|discipline (违章, 违纪)."),
    ] = None,
    violation_severity: Annotated[
        str | None, typer.Option(metavar="SEVERITY", help="For violations: serious|general.")
    ] = None,
    violation_person: Annotated[
        str | None,
        typer.Option(metavar="PERSON", help="For violations: who (id, name, pinyin or initials)."),
    ] = None,
    violation_grade: Annotated[
        str | None,
        typer.Option(metavar="GRADE", help="For violations: A|B [by severity, see settings]."),
    ] = None,
    train: Annotated[str | None, typer.Option(metavar="TRAIN", help="Train number.")] = None,
    location: Annotated[str | None, typer.Option(metavar="PLACE", help="Where.")] = None,
    description: Annotated[str | None, typer.Option(metavar="TEXT", help="What happened.")] = None,
    reports: Annotated[
        list[str] | None, typer.Option(metavar="ID,…", help="Linked report ids.")
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help=NO_INPUT_HELP)] = False,
    from_file: Annotated[str | None, typer.Option("--from", metavar="FILE", help=FROM_HELP)] = None,
    commit: Annotated[bool, typer.Option("--commit", help=COMMIT_HELP)] = False,
) -> None:
    """Add an incident: prompts at a terminal, or every field by flags with --no-input.

    Causes, responsibility, measures and the rest of 三不放过 are added as the case is
    analysed, by editing the file.
    """
    flags = {
        "date": date,
        "title": title,
        "unit": unit,
        "type": incident_type,
        "class": accident_class,
        "code": code,
        "violation.kind": violation_kind,
        "violation.severity": violation_severity,
        "violation.person": violation_person,
        "violation.grade": violation_grade,
        "train": train,
        "location": location,
        "description": description,
        "reports": reports,
    }
    run_add(ctx, "incident", flags, no_input=no_input, from_file=from_file, commit=commit)
