"""Options several commands share, declared once: a month or quarter, a person.

Each takes text as typed; the command resolves it with the one library function
(`periods.period_named`, `lookup.Lookup`), once it knows the tree's today and org.
"""

from __future__ import annotations

from typing import Any

import typer

from barrier_cli.core.periods import MONTH_FORMS, QUARTER_FORMS


def month(help: str) -> Any:
    """``--month``: ``help`` says what the month is for; the forms taken are added."""
    return typer.Option("--month", metavar="MONTH", help=f"{help} ({MONTH_FORMS}).")


def quarter(help: str) -> Any:
    return typer.Option("--quarter", metavar="QUARTER", help=f"{help} ({QUARTER_FORMS}).")
