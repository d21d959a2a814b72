"""Commands built on first use, so `barrier --help` starts as fast as typer itself.

Typer builds every command of a group before it can print the group's help: it imports each
command module and inspects every parameter of every function (~45 ms for barrier's 15
commands, two thirds of what `import typer` itself costs). Here the top-level group knows its
commands from a table of names, modules and one-line summaries: `barrier --help`, `--version`
and shell completion of command names read only the table; running `barrier X` (or
`barrier X --help`) imports X's module and builds X alone, exactly as typer would have.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

import typer
import typer.core
from typer._click import Command, Context, HelpFormatter, Parameter
from typer._click.shell_completion import CompletionItem
from typer._click.utils import make_default_short_help
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path
from typer._typing import is_literal_type, literal_values
from typer.core import TyperGroup, TyperOption, _TyperParameter
from typer.models import CommandInfo, ParameterInfo, TyperInfo

from barrier_cli.cli.context import language_of_run
from barrier_cli.core import i18n

PACKAGE = "barrier_cli.cli"

# barrier uses no pydantic plugin, and looking for them reads the metadata of every installed
# package when the first model is built (a tenth of a check of one edited file); typer does the
# same for its own adapters. A value the variable already has is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


class _Formatter(HelpFormatter):
    """Help in the run's language: the two strings typer's click writes without gettext (the
    usage prefix and the help option's own help) go through the catalogue here."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, i18n._("Usage: ") if prefix is None else prefix)

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(term, i18n._(text)) for term, text in rows], col_max, col_spacing)


# Section titles, "default:" and "required" are typer's gettext calls; every command's context
# formats with the formatter above.
typer.core._ = i18n._  # type: ignore[attr-defined]
Context.formatter_class = _Formatter


def help_in_language(text: str | None) -> str | None:
    """``text`` (a help or docstring) translated paragraph by paragraph; a paragraph the
    catalogue lacks stays as written. ``\\b`` paragraphs keep their lines."""
    if not text:
        return text
    out = []
    for paragraph in text.split("\n\n"):
        key = paragraph if paragraph.startswith("\b") else " ".join(paragraph.split())
        translated = i18n._(key)
        out.append(paragraph if translated == key else translated)
    return "\n\n".join(out)


def translate(command: Command) -> None:
    """Put every help text of ``command``, its parameters and subcommands in the run's language."""
    command.help = help_in_language(command.help)
    command.short_help = help_in_language(command.short_help)
    for param in command.params:
        helped = getattr(param, "help", None)
        if helped:
            param.help = help_in_language(helped)  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        translate(sub)


@dataclass(frozen=True)
class Entry:
    """One top-level command: `attr` of `barrier_cli.cli.<module>` is a function or a sub-app.

    `summary` is the first sentence of that command's help, shown in `barrier --help`.
    """

    module: str
    attr: str
    summary: str

    def target(self) -> Any:
        return getattr(importlib.import_module(f"{PACKAGE}.{self.module}"), self.attr)

    def build(self, name: str, group: TyperGroup) -> Command:
        """The click command typer would have built for `app.command(name)` or `add_typer`."""
        from barrier_cli.cli.completion import attach

        command = self._typer_command(name, group)
        attach(command)
        translate(command)
        return command

    def _typer_command(self, name: str, group: TyperGroup) -> Command:
        target = self.target()
        if isinstance(target, typer.Typer):
            return typer.main.get_group_from_info(
                TyperInfo(target, name=name),
                pretty_exceptions_short=True,
                rich_markup_mode=group.rich_markup_mode,
                suggest_commands=group.suggest_commands,
            )
        return typer.main.get_command_from_info(
            CommandInfo(name=name, callback=target),
            pretty_exceptions_short=True,
            rich_markup_mode=group.rich_markup_mode,
        )


class _Commands(MutableMapping[str, Command]):
    """A group's `commands`: every name of the table, each command built when first looked up.

    Commands typer built itself (registered with `app.command`) are kept as they are.
    """

    def __init__(self, group: TyperGroup, table: Mapping[str, Entry], built: Mapping[str, Command]):
        self._group = group
        self._table = table
        self._built = dict(built)

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            self._built[name] = self._table[name].build(name, self._group)
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        raise TypeError("barrier's commands are fixed")

    def __iter__(self) -> Iterator[str]:
        yield from self._table
        yield from (name for name in self._built if name not in self._table)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def summary(self, name: str, limit: int) -> str:
        if name in self._table:
            return make_default_short_help(i18n._(self._table[name].summary), limit)
        return self._built[name].get_short_help_str(limit)


def hoisted(args: list[str], params: list[Parameter]) -> list[str]:
    """``args`` with the group's own options moved before the command wherever they stand.

    `barrier check --records DIR` then means `barrier --records DIR check`: a pre-commit hook
    can only append its ``args:`` after the command. No command has an option of the same
    name, and what follows ``--`` is left alone.
    """
    takes_value: dict[str, bool] = {}
    for param in params:
        if isinstance(param, TyperOption) and not param.is_eager:
            takes_value.update(dict.fromkeys(param.opts, not param.is_flag))
    front: list[str] = []
    n = 0
    while n < len(args) and args[n].startswith("-") and args[n] != "--":
        front.append(args[n])
        n += 1
        if takes_value.get(front[-1]) and n < len(args):
            front.append(args[n])
            n += 1
    rest: list[str] = []
    while n < len(args):
        arg = args[n]
        n += 1
        if arg == "--":
            rest.extend(args[n - 1 :])
            break
        name = arg.split("=", 1)[0]
        # an option missing its value stays where it is, for the command to say so
        if name not in takes_value or (takes_value[name] and "=" not in arg and n == len(args)):
            rest.append(arg)
            continue
        front.append(arg)
        if takes_value[name] and "=" not in arg and n < len(args):
            front.append(args[n])
            n += 1
    return front + rest


# -- converting option values without pydantic -----------------------------------------------
# Typer converts every value through a pydantic TypeAdapter it builds on first use: importing
# pydantic and building the adapters was a sixth of a warm check, which has no other use for
# pydantic. The values barrier's options take (text, paths, choices, whole numbers) are
# converted here by typer's own functions, the ones its adapters call; whatever this does not
# take as plainly valid goes to typer's adapter, so every refusal is typer's, word for word.

Leaf = Callable[[Any, _TyperParameter, Context], Any]


@dataclass(frozen=True)
class _Plain(RuntimeParam):
    """Typer's conversion of one parameter without its adapter, for the plainly valid."""

    descriptor: TypeDescriptor
    leaf: Leaf
    many: bool

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        try:
            if self.many:
                items = value if isinstance(value, list | tuple) else [value]
                return [self.leaf(item, param, ctx) for item in items]
            return self.leaf(value, param, ctx)
        except Exception:  # typer's adapter says what is wrong, in its words
            adapted = build_runtime_param(self.descriptor)
            return adapted._coerce_value(value, param=param, ctx=ctx)


class _NotPlain(Exception):
    """A value left to typer's adapter."""


def _leaf(annotation: Any, info: ParameterInfo) -> Leaf | None:
    """The conversion typer's `_adapters.build_leaf_adapter` picks for ``annotation``,
    for the kinds barrier's options have; None for any other."""
    if info.parser is not None:
        return None
    if is_literal_type(annotation):
        choices, case_sensitive = literal_values(annotation), info.case_sensitive

        def choice(value: Any, param: _TyperParameter, ctx: Context) -> Any:
            return coerce_cli_choice(value, choices=choices, case_sensitive=case_sensitive, ctx=ctx)

        return choice
    if annotation is int and not info.clamp:
        low, high = info.min, info.max

        def whole(value: Any, param: _TyperParameter, ctx: Context) -> int:
            # only the plain decimal form: "+3", "1_000" or " 7" are the adapter's to judge
            number = value if type(value) is int else int(value) if type(value) is str else None
            if number is None or (type(value) is str and str(number) != value):
                raise _NotPlain
            if (low is not None and number < low) or (high is not None and number > high):
                raise _NotPlain
            return number

        return whole
    if annotation is bool:

        def truth(value: Any, param: _TyperParameter, ctx: Context) -> bool:
            if type(value) is not bool:
                raise _NotPlain
            return value

        return truth
    if annotation is str:

        def text(value: Any, param: _TyperParameter, ctx: Context) -> str:
            if type(value) is not str:
                raise _NotPlain
            return value

        return text
    if routes_to_path(annotation, info):
        path_type: Any = info.path_type
        if path_type is None and isinstance(annotation, type) and issubclass(annotation, Path):
            path_type = annotation
        if path_type is not None and path_type is not Path and path_type not in (str, bytes):
            return None

        def path(value: Any, param: _TyperParameter, ctx: Context) -> Any:
            # what pydantic makes of text for a Path, without pydantic
            if path_type is Path and type(value) is str:
                value = Path(value)
            return coerce_cli_path(value, info, path_type=path_type, param=param, ctx=ctx)

        return path
    return None


def plain_param(descriptor: TypeDescriptor) -> RuntimeParam | None:
    """`_Plain` conversion for a parameter of ``descriptor`` where its type allows."""
    if descriptor.file_annotation is not None:
        return None
    annotation: Any = descriptor.annotation
    many = get_origin(annotation) is list
    if many:
        (annotation,) = get_args(annotation)
    leaf = _leaf(annotation, descriptor.parameter_info)
    if leaf is None:
        return None
    return _Plain(descriptor.parameter_info, descriptor.annotation, descriptor, leaf, many)


def _runtime_param(self: _TyperParameter) -> RuntimeParam:
    """`_TyperParameter.get_runtime_param`, plain where it can be."""
    if self._runtime_param is None:
        descriptor = self.type_descriptor
        self._runtime_param = plain_param(descriptor) or build_runtime_param(descriptor)
    return self._runtime_param


# every parameter, the help and completion options typer adds on the way included
_TyperParameter.get_runtime_param = _runtime_param  # type: ignore[method-assign]


def lazy_group(table: Mapping[str, Entry]) -> type[TyperGroup]:
    """A group class for `typer.Typer(cls=...)` whose commands come from `table`."""

    class LazyGroup(TyperGroup):
        def __init__(self, **attrs: Any) -> None:
            super().__init__(**attrs)
            self.commands = self.lazy = _Commands(self, table, self.commands)
            self.translated = False

        def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
            """One run, in the language its arguments, tree or environment ask for; the
            language before it is back afterwards (tests run many commands in one process)."""
            args = list(sys.argv[1:] if args is None else args)
            before = i18n.current()
            i18n.use(language_of_run(args))
            try:
                return super().main(args, *rest, **options)
            finally:
                i18n.use(before)

        def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
            if not self.translated:
                self.translated = True
                self.help = help_in_language(self.help)
                for param in self.params:
                    helped = getattr(param, "help", None)
                    if helped:
                        param.help = help_in_language(helped)  # type: ignore[attr-defined]
            super().format_help(ctx, formatter)

        def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
            return super().parse_args(ctx, hoisted(args, self.params))

        def list_commands(self, ctx: Context) -> list[str]:
            return list(self.lazy)

        def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
            names = self.list_commands(ctx)
            if not names:
                return
            limit = formatter.width - 6 - max(map(len, names))
            with formatter.section(i18n._("Commands")):
                formatter.write_dl([(name, self.lazy.summary(name, limit)) for name in names])

        def shell_complete(self, ctx: Context, incomplete: str) -> list[CompletionItem]:
            results = [
                CompletionItem(name, help=self.lazy.summary(name, 45))
                for name in self.list_commands(ctx)
                if name.startswith(incomplete)
            ]
            results.extend(Command.shell_complete(self, ctx, incomplete))
            return results

    return LazyGroup
