"""What the global options (--records, --lang) give every command, the language above all."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import typer

from barrier_cli.core import i18n
from barrier_cli.core.i18n import Lang


@dataclass
class Globals:
    records: Path | None = None
    lang: Lang | None = None
    """--lang if given; None lets the tree's own setting decide."""

    def root(self, start: Path | None = None) -> Path:
        from barrier_cli.core.tree_root import find_records

        return find_records(self.records, start=start)

    def language(self, tree_lang: Lang) -> Lang:
        """The run's language once the tree's settings are loaded; every message follows it."""
        lang = self.lang or tree_lang
        i18n.use(lang)
        return lang


def globals_of(ctx: typer.Context) -> Globals:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Globals) else Globals()


def language_of_run(args: Sequence[str]) -> Lang:
    """The language of a run, from its arguments before they are parsed (``--help`` prints
    before any callback runs): ``--lang``, else the tree's ``lang`` setting (read without
    loading the tree), else ``$BARRIER_LANG``, else the locale; English when none says."""
    given = _option(args, "--lang")
    if given in ("zh", "en"):
        return "zh" if given == "zh" else "en"
    tree = _tree_language(_option(args, "--records"))
    if tree is not None:
        return tree
    return language_of_environment()


def language_of_environment() -> Lang:
    wanted = os.environ.get("BARRIER_LANG", "")
    if wanted in ("zh", "en"):
        return "zh" if wanted == "zh" else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _tree_language(records: str | None) -> Lang | None:
    from barrier_cli.core.errors import BarrierError
    from barrier_cli.core.tree_root import find_records, lang_setting

    try:
        root = find_records(Path(records) if records else None)
    except BarrierError:
        return None
    # a tree without the setting is Chinese, as `Settings.lang` defaults
    return "en" if lang_setting(root) == "en" else "zh"


def _option(args: Sequence[str], name: str) -> str | None:
    """The value of the last ``name VALUE`` or ``name=VALUE`` in ``args``, wherever it is
    (global options may follow the command)."""
    found = None
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and n + 1 < len(args):
            found = args[n + 1]
        elif arg.startswith(name + "="):
            found = arg.partition("=")[2]
    return found
