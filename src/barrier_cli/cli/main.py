"""The `barrier` entry point: global options, command registration, one error handler."""

from __future__ import annotations

import atexit
import os
import re
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from typer._click.exceptions import UsageError

from barrier_cli import __version__
from barrier_cli.cli.context import Globals, language_of_run
from barrier_cli.cli.lazy import Entry, lazy_group
from barrier_cli.core import i18n
from barrier_cli.core.errors import BarrierError

COMMANDS: dict[str, Entry] = {}
"""Every top-level command by name, in the order `barrier --help` lists them."""

app = typer.Typer(
    name="barrier",
    cls=lazy_group(COMMANDS),
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
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            help="Where the cache is kept (else $BARRIER_CACHE_DIR, else the user's cache "
            "folder); one folder per records tree inside it.",
            file_okay=False,
        ),
    ] = None,
    color: Annotated[
        Literal["never", "auto", "always"],
        typer.Option(
            "--color",
            help="Colour in output: never, always, or auto (a terminal, unless NO_COLOR is set).",
        ),
    ] = "auto",
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
    if color != "auto":
        from barrier_cli.core import color as colour

        colour.use(color)
        # for this run only, as the cache folder below
        ctx.call_on_close(lambda: colour.use("auto"))
    if cache_dir is not None:
        from barrier_cli.io import cache

        cache.use_dir(cache_dir.absolute())
        # for this run only: another run in the same process (tests) must not inherit it
        ctx.call_on_close(lambda: cache.use_dir(None))


# -- more commands register below this line, one block per module --
# One line per command: name, module in barrier_cli/cli/, the function or sub-app in it, and
# the first sentence of its help (shown by `barrier --help` without importing the module; a
# test keeps it equal to the command's own help). Each module imports nothing heavy.
COMMANDS.update(
    {
        "check": Entry(
            "cmd_check",
            "check",
            "Validate records: syntax, schema, cross-references, lifecycle and closure rules.",
        ),
        "export": Entry(
            "cmd_export",
            "export",
            "One flat table per record kind, with actions and measures as tables of their own.",
        ),
        "analyze": Entry(
            "cmd_analyze",
            "analyze",
            "The monthly analysis: who reported, what is open, weak links, next month's priorities.",
        ),
        "list": Entry(
            "cmd_list",
            "list_",
            "List records of one kind, oldest first, filtered by month, unit, status and person.",
        ),
        "show": Entry(
            "cmd_list",
            "show",
            "Show one record, readable: field titles, choices as labels, people by name.",
        ),
        "notice": Entry(
            "cmd_notice",
            "notice",
            "Praise good catches, name each unit's shortcomings with evidence, set corrections.",
        ),
        "due": Entry(
            "cmd_due",
            "due",
            "What falls due soon and what is late, grouped by owner, soonest first.",
        ),
        "assess": Entry(
            "cmd_assess",
            "assess",
            "Derive draft assessments from the records and the standards, for people to review.",
        ),
        "fmt": Entry(
            "cmd_fmt",
            "fmt",
            "Rewrite records in canonical form: model key order, one style, comments kept.",
        ),
        "schema": Entry(
            "cmd_schema",
            "schema",
            "Print (or write) JSON Schema, draft 2020-12, with Chinese and English descriptions.",
        ),
        "init": Entry(
            "cmd_init",
            "init",
            "Create records/ (settings, org, standards, schemas), hooks and CI files.",
        ),
        "report": Entry("cmd_report", "app", "Safety information reports (安全信息)."),
        "incident": Entry("cmd_incident", "app", "Accidents, precursors and violations."),
        "pairing": Entry("cmd_pairing", "app", "Key-person pairings (包保对子)."),
        "priorities": Entry(
            "cmd_priorities", "app", "Next month's priorities (保安全重点) as tracked records."
        ),
        "action": Entry("cmd_action", "app", "Actions of reports and measures of incidents."),
        "bureau": Entry(
            "cmd_bureau",
            "app",
            "The bureau level: member units' trees, the ledger, the monthly analysis and 通报.",
        ),
    }
)

COMMANDS.update(
    {
        "checkin": Entry(
            "cmd_checkin",
            "checkin",
            "Tick the members of a shift who had nothing abnormal today, in one screen.",
        ),
        "roundup": Entry(
            "cmd_roundup",
            "roundup",
            "Draft the weekly (group) or monthly (branch) roundup from the level below, and save it.",
        ),
        "feedback": Entry(
            "cmd_feedback",
            "feedback",
            "Show a member what became of their reports: who answered, when, and what was decided.",
        ),
        "stats": Entry(
            "cmd_stats",
            "stats",
            "Cumulative totals since the programme started: by element, source and tier.",
        ),
    }
)

COMMANDS.update(
    {
        "templates": Entry(
            "cmd_templates",
            "app",
            "The built-in document templates: list them, eject one to override it.",
        ),
    }
)

COMMANDS.update(
    {
        "terminal": Entry(
            "cmd_terminal",
            "terminal",
            "A shared terminal for a shift: who is reporting, a nil return or a report, the next.",
        ),
    }
)


def run() -> None:
    """Console-script entry: map every outcome to SPEC §3's exit codes."""
    global _leave_asked, _leaving
    _leave_asked, _leaving = False, None
    _replace_unencodable()
    # what is said after the command has ended (a usage error, an interrupt) is in its language
    with i18n.using(language_of_run(sys.argv[1:])):
        code = _outcome()
    if _leave_asked and code == 0:
        _leaving = (code, sys.argv)
    sys.exit(code)


_leave_asked = False
_leaving: tuple[int, list[str]] | None = None


def leave_without_teardown() -> None:
    """Said by a command whose work is done and on disk (an add: the record written and
    synced, the index noted): the process may end without tearing its modules down.

    Tearing down pydantic's and the models' objects costs an add about a tenth of its
    time (issue 17), for nothing: the system frees the memory at once."""
    global _leave_asked
    _leave_asked = True


def _leave() -> None:
    """The last exit handler (registered with this module, before any command can register
    one): ends a successful run that asked for it once every other handler has run, without
    the teardown that would follow.

    Only where that run ends the process: a longer-lived caller (a test that ran `run` in
    its own process) has put its own ``sys.argv`` back since. Output not yet written is
    written first; if it cannot be, Python's own exit reports it as it always does."""
    if _leaving is None or sys.argv is not _leaving[1]:
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: started without it (``>&-``)
                stream.flush()
    except (OSError, ValueError):
        return
    os._exit(_leaving[0])


atexit.register(_leave)


def _outcome() -> int:
    said = False
    try:
        # usage and the completion variable are named for the command, not for how Python was
        # started (python -m barrier_cli, or a test runner's python -m pytest)
        code = app(standalone_mode=False, complete_var="_BARRIER_COMPLETE", prog_name="barrier")
    except typer.Exit as e:
        code = e.exit_code
    except (typer.Abort, KeyboardInterrupt):
        code = 130
    # Typer carries its own copy of click (no click package is installed): usage errors
    # are TyperExceptions.
    except typer.TyperException as e:
        show = getattr(e, "show", None)
        if isinstance(e, UsageError):
            _show_usage_error(e)
        elif show is not None:
            show()
        else:
            sys.stderr.write(f"barrier: error: {e.format_message()}\n")
        code = e.exit_code
    except BarrierError as e:
        sys.stderr.write(f"{e}\n" if e.quiet else f"barrier: error: {e}\n")
        code, said = e.exit_code, True
    except Exception as e:  # the last line of defence: one line, traceback to a file
        code = _internal_error(e)
    if code == 130 and not said:  # Ctrl-C: typer itself turns it into a silent exit 130
        sys.stderr.write("\n" + i18n._("interrupted; nothing was written") + "\n")
    return code if isinstance(code, int) else 0


def _show_usage_error(error: UsageError) -> None:
    """As click shows a usage error (usage, where help is, the error), in the run's language:
    click's own words are English f-strings, so the common errors are worded here."""
    lines = []
    ctx = error.ctx
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(
                i18n._("Try '{command} {option}' for help.").format(
                    command=ctx.command_path, option=ctx.help_option_names[0]
                )
            )
        lines.append("")
    lines.append(i18n._("Error: {message}").format(message=_usage_message(error)))
    sys.stderr.write("\n".join(lines) + "\n")


def _usage_message(error: UsageError) -> str:
    from typer._click.exceptions import (
        BadParameter,
        MissingParameter,
        NoSuchOption,
        _join_param_hints,
    )

    param = getattr(error, "param", None)
    hint = getattr(error, "param_hint", None)
    if hint is None and param is not None:
        hint = param.get_error_hint()
    if isinstance(error, MissingParameter):
        extra = param.get_missing_message(ctx=error.ctx) if param is not None else None
        kind = error.param_type or (param.param_type_name if param is not None else None)
        missing = {
            "option": i18n._("Missing option {name}."),
            "argument": i18n._("Missing argument {name}."),
        }
        if hint is not None and not error.message and not extra and kind in missing:
            return missing[kind].format(name=_join_param_hints(hint))
    elif isinstance(error, NoSuchOption):
        if error.message.startswith("No such option: "):
            said = i18n._("No such option: {option}").format(option=error.option_name)
            if error.possibilities:
                said += " " + i18n._("(Possible options: {options})").format(
                    options=", ".join(sorted(error.possibilities))
                )
            return said
    elif isinstance(error, BadParameter):
        message = _choice_message(error.message)
        if hint is None:
            return i18n._("Invalid value: {message}").format(message=message)
        return i18n._("Invalid value for {hint}: {message}").format(
            hint=_join_param_hints(hint), message=message
        )
    elif (extra := _EXTRA.match(error.message)) is not None:
        return i18n._("Got unexpected extra argument(s) ({arguments})").format(
            arguments=extra["arguments"]
        )
    return error.format_message()


_CHOICE = re.compile(r"(?:Value error, )?'(?P<value>.*)' is not (?:one of )?(?P<choices>'.*')\.?")
"""A choice refused, as click or typer's pydantic conversion words it."""
_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)")


def _choice_message(message: str) -> str:
    refused = _CHOICE.fullmatch(message)
    if refused is None:
        return message
    return i18n._("'{value}' is not one of {choices}.").format(
        value=refused["value"], choices=refused["choices"]
    )


def _replace_unencodable() -> None:
    """A character the output encoding cannot show (PYTHONIOENCODING=cp1252, a GBK console)
    becomes '?' instead of ending the run with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


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
        i18n._(
            "barrier: internal error: {name}: {error} "
            "(traceback written to {path}; --traceback prints it)"
        ).format(name=type(error).__name__, error=error, path=path)
        + "\n"
    )
    return 3
