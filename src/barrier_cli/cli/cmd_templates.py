"""`barrier templates`: the built-in document templates, and copying one into the tree."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n

app = typer.Typer(
    help="The built-in document templates: list them, eject one to override it.",
    no_args_is_help=True,
)


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """List the built-in templates, marking those the tree overrides."""
    from barrier_cli.write.scaffold import shipped_templates

    own = globals_of(ctx).root() / "templates"
    for name in shipped_templates():
        mark = i18n._("  (overridden in the tree)") if (own / name).is_file() else ""
        sys.stdout.write(f"{name}{mark}\n")


@app.command()
def eject(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(help="A name from 'barrier templates list', e.g. zh/notice.md.j2."),
    ],
) -> None:
    """Copy a built-in template into records/templates/ to edit it; the copy then wins."""
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.present.reporters import display_path
    from barrier_cli.write.scaffold import eject_template

    g = globals_of(ctx)
    root = g.root()
    lang = g.lang or load_tree(root, cache=True).settings.lang
    written = eject_template(root, name, lang)
    sys.stdout.write(
        i18n._("created {path}").format(path=display_path(root.parent, str(written))) + "\n"
    )
