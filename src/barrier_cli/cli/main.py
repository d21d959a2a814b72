"""The `barrier` entry point: global options, command registration, one error handler."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from barrier_cli import __version__
from barrier_cli.cli.context import Globals
from barrier_cli.errors import BarrierError

app = typer.Typer(
    name="barrier",
    help="The workshop's one safety record book: YAML records in git, checked and analysed.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_show_traceback = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"barrier {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    records: Annotated[
        Path | None,
        typer.Option(
            "--records",
            help="The records tree (else $BARRIER_RECORDS, else the nearest records/).",
            file_okay=False,
        ),
    ] = None,
    lang: Annotated[
        Literal["zh", "en"] | None,
        typer.Option(
            "--lang", help="Language of prompts and documents (default: the tree's 'lang')."
        ),
    ] = None,
    show_traceback: Annotated[
        bool, typer.Option("--traceback", help="On an internal error, print the traceback.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    global _show_traceback
    _show_traceback = show_traceback
    ctx.obj = Globals(records=records, lang=lang)


# Command registration: each module holds one command or group and imports nothing heavy
# (pandas and jinja2 are imported inside the commands that need them).
from barrier_cli.cli import cmd_check  # noqa: E402

app.command("check")(cmd_check.check)
# -- more commands register below this line, one block per module --
from barrier_cli.cli import cmd_export  # noqa: E402

app.command("export")(cmd_export.export)
from barrier_cli.cli import cmd_analyze  # noqa: E402

app.command("analyze")(cmd_analyze.analyze)
from barrier_cli.cli import cmd_report  # noqa: E402

app.add_typer(cmd_report.app, name="report")
from barrier_cli.cli import cmd_incident, cmd_pairing  # noqa: E402

app.add_typer(cmd_incident.app, name="incident")
app.add_typer(cmd_pairing.app, name="pairing")
from barrier_cli.cli import cmd_action  # noqa: E402

app.add_typer(cmd_action.app, name="action")
from barrier_cli.cli import cmd_list  # noqa: E402

app.command("list")(cmd_list.list_)
app.command("show")(cmd_list.show)
from barrier_cli.cli import cmd_notice  # noqa: E402

app.command("notice")(cmd_notice.notice)
from barrier_cli.cli import cmd_due  # noqa: E402

app.command("due")(cmd_due.due)
from barrier_cli.cli import cmd_assess  # noqa: E402

app.command("assess")(cmd_assess.assess)
from barrier_cli.cli import cmd_fmt  # noqa: E402

app.command("fmt")(cmd_fmt.fmt)
from barrier_cli.cli import cmd_schema  # noqa: E402

app.command("schema")(cmd_schema.schema)
from barrier_cli.cli import cmd_init  # noqa: E402

app.command("init")(cmd_init.init)


def run() -> None:
    """Console-script entry: map every outcome to SPEC §3's exit codes."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as e:
        code = e.exit_code
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("\ninterrupted; nothing was written\n")
        code = 130
    # Typer carries its own copy of click (no click package is installed): usage errors
    # are TyperExceptions.
    except typer.TyperException as e:
        show = getattr(e, "show", None)
        if show is not None:
            show()
        else:
            sys.stderr.write(f"barrier: error: {e.format_message()}\n")
        code = e.exit_code
    except BarrierError as e:
        sys.stderr.write(f"barrier: error: {e}\n")
        code = e.exit_code
    except Exception as e:  # the last line of defence: one line, traceback to a file
        code = _internal_error(e)
    sys.exit(code if isinstance(code, int) else 0)


def _internal_error(error: Exception) -> int:
    import tempfile  # only on this rare path: together they cost start-up ~20 ms
    import traceback

    text = "".join(traceback.format_exception(error))
    if _show_traceback:
        sys.stderr.write(text)
        return 3
    fd, path = tempfile.mkstemp(prefix="barrier-traceback-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    sys.stderr.write(
        f"barrier: internal error: {type(error).__name__}: {error} "
        f"(traceback written to {path}; --traceback prints it)\n"
    )
    return 3
