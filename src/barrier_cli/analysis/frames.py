"""The tree's reports as one pandas DataFrame, the input of every count of the analysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from barrier_cli.extras import require
from barrier_cli.loader import Tree

if TYPE_CHECKING:
    import pandas as pd

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


def reports_frame(tree: Tree) -> pd.DataFrame:
    """One row per report still standing (withdrawn ones are left out everywhere).

    ``unit`` is the report's unit, else its reporter's; ``weight`` is the risk weight from
    the settings; ``month`` is "YYYY-MM".
    """
    require("pandas", purpose="the analysis")
    import pandas as pd

    weights = tree.settings.risk_weights
    rows = [
        {
            "id": r.id,
            "date": r.date,
            "month": f"{r.date.year:04d}-{r.date.month:02d}",
            "reporter": r.reporter,
            "unit": tree.places.unit_of(r) or "",
            "level": r.level,
            "source": r.source,
            "element": r.element,
            "category": r.category,
            "keys": list(r.keys),
            "risk": r.risk,
            "weight": weights.get(r.risk, 1),
            "location": r.location or "",
        }
        for r in tree.reports
        if r.withdrawn is None
    ]
    return pd.DataFrame(rows, columns=COLUMNS)
