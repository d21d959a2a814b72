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


# -- option values converted without pydantic -------------------------------------------------


def _every_parameter(group: Any) -> list[Any]:
    out, pending = list(group.params), [group.commands[name] for name in COMMANDS]
    while pending:
        command = pending.pop()
        out += command.params
        pending += getattr(command, "commands", {}).values()
    return out


VALUES = [
    *("", "text", "json", "JSON", "md", "zh", "en", "fr", "never", "always"),
    *("0", "1", "2", "007", "+3", " 7", "1_000", "-1", "٣", "2.0", "abc", "99999999999999999999"),
    *(".", "records", "/etc/passwd", "/nonexistent/x", "-", "a//b/", "~/x", "README.md"),
    *(0, 3, True, False, None, ()),
]


def _outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        return "value", runtime.coerce(value, param=param, ctx=ctx)
    except Exception as e:  # the refusal itself is compared
        return type(e).__name__, getattr(e, "message", str(e))


def test_plain_conversion_gives_what_typers_adapter_gives_or_its_very_refusal(
    group: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For every parameter of every command and each value (typical, odd and wrong), the
    conversion without pydantic returns what typer's own returns, or refuses in its words."""
    from typer._coercion import build_runtime_param

    from barrier_cli.cli.lazy import _Plain, plain_param

    monkeypatch.chdir(Path(barrier_cli.cli.__file__).parents[3])
    ctx = group.make_context("barrier", ["--help"], resilient_parsing=True)
    plain_kinds = set()
    for param in _every_parameter(group):
        descriptor = param.type_descriptor
        plain = plain_param(descriptor)
        if plain is None:
            continue
        assert isinstance(plain, _Plain)
        plain_kinds.add(repr(descriptor.annotation))
        typers = build_runtime_param(descriptor)
        for value in VALUES:
            given = (
                [value] if (param.multiple or param.nargs == -1) and value is not None else value
            )
            assert _outcome(plain, given, param, ctx) == _outcome(typers, given, param, ctx), (
                param.name,
                given,
            )
    assert {"<class 'str'>", "<class 'int'>", "<class 'pathlib.Path'>"} <= plain_kinds
    assert any(kind.startswith("typing.Literal") for kind in plain_kinds)
    assert "list[pathlib.Path]" in plain_kinds


def test_a_refused_value_is_typers_refusal(tmp_path: Path) -> None:
    from cli_helpers import barrier

    said = barrier(tmp_path, "--lang", "en", "check", "--jobs", "0")
    assert said.returncode == 2
    assert "Invalid value for '--jobs' / '-j': Input should be greater than or equal to 1" in (
        said.stderr
    )
