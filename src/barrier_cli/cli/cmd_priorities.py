"""`barrier priorities adopt`: next month's 保安全重点 become a tracked record."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n

app = typer.Typer(
    help="Next month's priorities (保安全重点) as tracked records.", no_args_is_help=True
)


@app.command()
def adopt(
    ctx: typer.Context,
    month: Annotated[
        str, typer.Option("--month", metavar="YYYY-MM", help="The month the priorities are for.")
    ],
    by: Annotated[str, typer.Option("--by", metavar="PERSON", help="Who adopted them (id).")],
    from_: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="FILE",
            help="Adopt this edited priorities YAML instead of the analysis's proposals.",
        ),
    ] = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open them in $EDITOR before adopting.")
    ] = False,
) -> None:
    """Record the priorities the previous month's analysis proposes (or an edited file).

    With --edit they open in $EDITOR first; or edit a file: `barrier priorities propose
    --month M --by ID > p.yaml`, then `barrier priorities adopt --month M --by ID --from p.yaml`.
    """
    from barrier_cli.core.i18n import in_lang
    from barrier_cli.core.periods import Month
    from barrier_cli.io.canonical import record_text
    from barrier_cli.io.loader import today
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.analysis.adopt import adopt as adopt_record
    from barrier_cli.reports.analysis.adopt import parse_record, proposed_record, read_record

    tree = load_tree(globals_of(ctx).root(), cache=True)
    lang = globals_of(ctx).language(tree.settings.lang)
    period = Month.parse(month)
    now = today(tree.root)
    record = (
        read_record(from_)
        if from_ is not None
        else proposed_record(tree, period, by=by, today=now, lang=lang)
    )
    if edit:
        record = parse_record(_in_editor(record_text(record)), i18n._("(edited priorities)"))
    done = adopt_record(tree, record, month=period, today=now)
    typer.echo(
        in_lang(lang, "Adopted {n} priorities for {month}: {path}").format(
            n=len(done.record.items), month=period, path=done.path.relative_to(tree.root.parent)
        )
    )


def _in_editor(text: str) -> str:
    """``text`` as the user leaves it in $VISUAL or $EDITOR (as git runs its editor: the
    variable may carry arguments, so a shell runs it); an editor that fails adopts nothing."""
    import os
    import shlex
    import subprocess
    import tempfile

    from barrier_cli.core.errors import UserError

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "priorities.yaml"
        path.write_text(text, encoding="utf-8")
        code = subprocess.call(f"{editor} {shlex.quote(str(path))}", shell=True)
        if code != 0:
            raise UserError(
                i18n._("the editor ({editor}) exited with {code}; nothing was adopted").format(
                    editor=editor, code=code
                )
            )
        return path.read_text(encoding="utf-8")


@app.command()
def propose(
    ctx: typer.Context,
    month: Annotated[
        str, typer.Option("--month", metavar="YYYY-MM", help="The month the priorities are for.")
    ],
    by: Annotated[str, typer.Option("--by", metavar="PERSON", help="Who adopts them (id).")],
) -> None:
    """Print the proposed priorities as a record to edit and adopt with --from."""
    from barrier_cli.core.periods import Month
    from barrier_cli.io.canonical import record_text
    from barrier_cli.io.loader import today
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.reports.analysis.adopt import proposed_record

    tree = load_tree(globals_of(ctx).root(), cache=True)
    lang = globals_of(ctx).language(tree.settings.lang)
    record = proposed_record(tree, Month.parse(month), by=by, today=today(tree.root), lang=lang)
    typer.echo(record_text(record), nl=False)
