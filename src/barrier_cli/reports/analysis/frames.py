"""The tree's reports as one pandas DataFrame, the input of every count of the analysis."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from barrier_cli.core.extras import require
from barrier_cli.io.columnar import ReportColumns
from barrier_cli.io.loader import Tree

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")

COLUMNS = [
    "id",
    "date",
    "month",
    "reporter",
    "unit",
    "level",
    "source",
    "element",
    "category",
    "keys",
    "risk",
    "weight",
    "location",
]


def reports_frame(
    columns: ReportColumns, tree: Tree, as_of: dt.date, since: dt.date | None = None
) -> pd.DataFrame:
    """One row per report dated up to ``as_of`` (and from ``since``) and still standing
    (withdrawn ones are left out everywhere), from the columns of every report of the tree.

    ``unit`` is the report's unit, else its reporter's; ``weight`` is the risk weight from
    the settings; ``month`` is "YYYY-MM".
    """
    require("pandas", purpose="the analysis")
    import pandas as pd

    first = since or dt.date.min
    rows = [
        n
        for n, (day, withdrawn) in enumerate(zip(columns.date, columns.withdrawn, strict=True))
        if not withdrawn and first <= day <= as_of
    ]
    weights: dict[str, int] = {str(k): v for k, v in tree.settings.risk_weights.items()}
    unit_of = tree.places.unit_of_person
    months: dict[tuple[int, int], str] = {}

    def month(day: dt.date) -> str:
        key = (day.year, day.month)
        if key not in months:
            months[key] = f"{day.year:04d}-{day.month:02d}"
        return months[key]

    def pick(values: list[T]) -> list[T]:
        return [values[n] for n in rows]

    units = [
        unit if unit is not None else (unit_of(reporter) or "")
        for unit, reporter in zip(pick(columns.unit), pick(columns.reporter), strict=True)
    ]
    frame = {
        "id": pick(columns.id),
        "date": pick(columns.date),
        "month": [month(columns.date[n]) for n in rows],
        "reporter": pick(columns.reporter),
        "unit": units,
        "level": pick(columns.level),
        "source": pick(columns.source),
        "element": pick(columns.element),
        "category": pick(columns.category),
        "keys": pick(columns.keys),
        "risk": pick(columns.risk),
        "weight": [weights.get(columns.risk[n], 1) for n in rows],
        "location": [columns.location[n] or "" for n in rows],
    }
    return pd.DataFrame(frame, columns=COLUMNS)


def first_day(columns: ReportColumns, as_of: dt.date) -> dt.date | None:
    """The date of the earliest report standing at ``as_of`` (None: there is none): where the
    records begin, which a frame of recent months cannot tell."""
    days = [d for d, gone in zip(columns.date, columns.withdrawn, strict=True) if not gone]
    return min((d for d in days if d <= as_of), default=None)
