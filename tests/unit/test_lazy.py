"""The lazy top-level group shows exactly what typer would have shown had it built everything."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer._click import HelpFormatter
from typer._click.exceptions import UsageError
from typer.core import TyperGroup

import barrier_cli.cli
from barrier_cli.cli.main import COMMANDS, app


@pytest.fixture
def group() -> Any:
    return typer.main.get_command(app)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_summary_is_the_first_sentence_of_the_commands_own_help(group: Any, name: str) -> None:
    command = group.get_command(group.context_class(group), name)
    assert COMMANDS[name].summary == command.get_short_help_str(limit=1000)


def test_every_command_module_is_in_the_table() -> None:
    modules = {p.stem for p in Path(barrier_cli.cli.__file__).parent.glob("cmd_*.py")}
    assert modules == {entry.module for entry in COMMANDS.values()}


def test_top_level_help_lists_what_typer_lists_after_building_every_command(group: Any) -> None:
    ctx = group.context_class(group)
    lazy, built = HelpFormatter(width=80), HelpFormatter(width=80)
    group.format_commands(ctx, lazy)
    assert not group.lazy._built, "help built a command"
    TyperGroup.format_commands(group, ctx, built)
    assert lazy.getvalue() == built.getvalue()
    assert re.search(
        r"^  report +Safety information reports \(安全信息\)\.$", lazy.getvalue(), re.M
    )


def test_completion_of_names_offers_what_typer_offers(group: Any) -> None:
    ctx = group.context_class(group)
    lazy = [(c.value, c.help) for c in group.shell_complete(ctx, "")]
    assert not group.lazy._built
    built = [(c.value, c.help) for c in TyperGroup.shell_complete(group, ctx, "")]
    assert lazy == built
    assert [c.value for c in group.shell_complete(ctx, "re")] == ["report"]


def test_a_sub_group_is_built_as_add_typer_would(group: Any) -> None:
    report = group.commands["report"]
    assert list(group.lazy._built) == ["report"]
    assert report.list_commands(group.context_class(group)) == ["add"]
    assert {"--no-input", "--summary"} <= {o for p in report.commands["add"].params for o in p.opts}


def test_an_unknown_command_is_none_and_suggests_close_names(group: Any) -> None:
    ctx = group.context_class(group)
    assert group.get_command(ctx, "repot") is None
    with pytest.raises(UsageError) as caught:
        group.resolve_command(ctx, ["repot"])
    assert "Did you mean 'report'" in caught.value.format_message()
