"""What every `… add` command shares: choosing prompts or none, reading --from, printing."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import typer

from barrier_cli.cli.context import globals_of
from barrier_cli.core import i18n
from barrier_cli.core.errors import os_reason

if TYPE_CHECKING:
    from barrier_cli.write.entry.session import Prompter


def lang_of(ctx: typer.Context) -> Literal["zh", "en"] | None:
    """--lang if given; otherwise the tree's own setting decides."""
    return globals_of(ctx).lang


def at_terminal() -> bool:
    """prompt_toolkit needs a terminal on both ends; anything else must never wait for input."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def prompter_for(*, no_input: bool, from_file: str | None = None) -> Prompter | None:
    """A terminal prompter, or None when prompts are off or impossible (never hang)."""
    if no_input or from_file is not None:
        return None
    if not at_terminal():
        sys.stderr.write(
            "barrier: "
            + i18n._("stdin is not a terminal; not prompting (as with --no-input)")
            + "\n"
        )
        return None
    from barrier_cli.write.entry.terminal import TerminalPrompter

    return TerminalPrompter()


def read_from(source: str | None) -> dict[str, Any] | None:
    """The record given with ``--from FILE`` (``-`` for stdin), YAML or JSON."""
    if source is None:
        return None
    from barrier_cli.core.errors import InvalidInput
    from barrier_cli.io.yamlio import MAX_BYTES, ParseProblem, decode, load_text

    name = "<stdin>" if source == "-" else source
    try:
        # Never more than a record can be: `--from /dev/zero` is refused, not read for ever.
        if source == "-":
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with Path(source).open("rb") as fh:
                raw = fh.read(MAX_BYTES + 1)
        data = load_text(decode(raw))
    except OSError as e:
        raise InvalidInput(
            i18n._("{name}: cannot read ({reason})").format(name=name, reason=os_reason(e))
        ) from e
    except ParseProblem as e:
        line = f":{e.line}:{e.col}" if e.line else ""
        raise InvalidInput(f"{name}{line}: {e.message}") from e
    if not isinstance(data, dict):
        raise InvalidInput(
            i18n._("{name}: expected a mapping of fields (YAML or JSON object)").format(name=name)
        )
    return data


def run_add(
    ctx: typer.Context,
    kind: str,
    flags: Mapping[str, object],
    *,
    no_input: bool,
    from_file: str | None,
    commit: bool,
) -> None:
    from barrier_cli.write.entry.add import add_record

    g = globals_of(ctx)
    root = g.root()
    prompter = prompter_for(no_input=no_input, from_file=from_file)
    added = add_record(
        root=root,
        kind=kind,
        flags=flags,
        data=read_from(from_file),
        lang=lang_of(ctx),
        prompter=prompter,
        commit=commit,
    )
    for warning in added.warnings:
        sys.stderr.write(f"barrier: warning: {warning}\n")
    typer.echo(f"{added.id} {added.path}")
    if added.committed:
        sys.stderr.write(i18n._("committed {path}").format(path=added.rel) + "\n")
    from barrier_cli.cli.main import leave_without_teardown

    leave_without_teardown()


NO_INPUT_HELP = "Never prompt: take every field from flags (and --from); a missing one is an error."
FROM_HELP = (
    "Read the record from FILE, YAML or JSON ('-' for stdin); keys as in a record or as the "
    "flags are named (violation-kind), values as the flags take them; flags override it."
)
COMMIT_HELP = "Run 'git add' and 'git commit' for the new file."
