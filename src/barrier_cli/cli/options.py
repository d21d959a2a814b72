"""Options several commands share, declared once: a month or quarter, a person, paths.

Each takes text as typed; the command resolves it with the one library function
(`periods.period_named`, `lookup.Lookup`), once it knows the tree's today and org.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.periods import MONTH_FORMS, QUARTER_FORMS


def month(help: str) -> Any:
    """``--month``: ``help`` says what the month is for; the forms taken are added."""
    return typer.Option("--month", metavar="MONTH", help=f"{help} ({MONTH_FORMS}).")


def quarter(help: str) -> Any:
    return typer.Option("--quarter", metavar="QUARTER", help=f"{help} ({QUARTER_FORMS}).")


def require_existing(paths: list[Path] | None) -> None:
    """Paths named to look at in the working tree must be there: a mistyped one would
    otherwise be 0 files checked, and a pass."""
    for path in paths or ():
        if not path.exists():
            raise InvalidInput(i18n._("{path}: no such file or folder").format(path=path))
