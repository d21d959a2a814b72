"""What the global options (--records, --lang) give every command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from barrier_cli.labels import Lang


@dataclass
class Globals:
    records: Path | None = None
    lang: Lang | None = None
    """--lang if given; None lets the tree's own setting decide."""

    def root(self, start: Path | None = None) -> Path:
        from barrier_cli.tree_root import find_records

        return find_records(self.records, start=start)

    def language(self, tree_lang: Lang) -> Lang:
        return self.lang or tree_lang


def globals_of(ctx: typer.Context) -> Globals:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Globals) else Globals()
