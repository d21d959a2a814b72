"""The tree's reports as one pandas DataFrame, the input of every count of the analysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from barrier_cli.core.extras import require
from barrier_cli.io.loader import Tree

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
    # built column by column: a dict per report would be the largest thing alive at 300k
    columns: dict[str, list[object]] = {name: [] for name in COLUMNS}
    (ids, dates, months, reporters, in_units, levels, sources, elements, categories, keys) = (
        columns[name] for name in COLUMNS[:10]
    )
    risks, weight, locations = columns["risk"], columns["weight"], columns["location"]
    for r in tree.reports:
        if r.withdrawn is not None:
            continue
        ids.append(r.id)
        dates.append(r.date)
        months.append(f"{r.date.year:04d}-{r.date.month:02d}")
        reporters.append(r.reporter)
        in_units.append(tree.places.unit_of(r) or "")
        levels.append(r.level)
        sources.append(r.source)
        elements.append(r.element)
        categories.append(r.category)
        keys.append(list(r.keys))
        risks.append(r.risk)
        weight.append(weights.get(r.risk, 1))
        locations.append(r.location or "")
    return pd.DataFrame(columns, columns=COLUMNS)
