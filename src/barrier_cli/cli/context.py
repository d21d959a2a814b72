"""What the global options (--records, --lang) give every command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer


@dataclass
class Globals:
    records: Path | None = None
    lang: str | None = None

    def root(self, start: Path | None = None) -> Path:
        from barrier_cli.tree_root import find_records

        return find_records(self.records, start=start)


def globals_of(ctx: typer.Context) -> Globals:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Globals) else Globals()
