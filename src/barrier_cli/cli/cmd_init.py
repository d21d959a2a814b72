"""`barrier init`: scaffold a new records tree with hooks, CI and editor support."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from barrier_cli.cli.context import globals_of


def init(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(help="The project folder; records/ is created inside it.", file_okay=False),
    ] = Path("."),
    name: Annotated[
        str | None, typer.Option("--name", help="The organisation's name, e.g. 列检车间.")
    ] = None,
    bureau: Annotated[
        bool,
        typer.Option("--bureau", help="Create a bureau tree (bureau.yaml) in FOLDER instead."),
    ] = False,
) -> None:
    """Create records/ (settings, org, standards, templates, schemas), hooks and CI files."""
    from barrier_cli.reporters import display_path

    if bureau:
        from barrier_cli.bureau.scaffold import init_bureau

        made = init_bureau(folder, name=name)
        for path in made.written:
            sys.stdout.write(f"created {display_path(Path.cwd(), str(path))}\n")
        for path in made.kept:
            sys.stdout.write(
                f"kept    {display_path(Path.cwd(), str(path))} (exists; not changed)\n"
            )
        sys.stdout.write(
            f"\nA new bureau tree is in {folder}. Next: list the member units in bureau.yaml,\n"
            "then run 'barrier bureau sync' and 'barrier bureau analyze --month YYYY-MM'\n"
        )
        return
    from barrier_cli.scaffold import init_project

    lang = globals_of(ctx).lang or "zh"
    result = init_project(folder, name=name, lang="en" if lang == "en" else "zh")
    for path in result.written:
        sys.stdout.write(f"created {display_path(Path.cwd(), str(path))}\n")
    for path in result.kept:
        sys.stdout.write(f"kept    {display_path(Path.cwd(), str(path))} (exists; not changed)\n")
    sys.stdout.write(
        f"\nA new records tree is in {result.records}. Next:\n"
        f"  edit {result.records / 'org.yaml'} (units and people), then run 'barrier check'\n"
        "  git init && pre-commit install   (checks every commit)\n"
    )
