"""Where the records tree is and what day it is: what every command needs before anything else.

Kept apart from `loader` (which imports every model) so that finding the tree costs no
imports: a warm `barrier check` answers from its cache without loading a single model.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from barrier_cli.errors import RecordsNotFound

SETTINGS_FILE = "barrier.yaml"


def find_records(explicit: Path | None = None, start: Path | None = None) -> Path:
    """``--records DIR``, else ``$BARRIER_RECORDS``, else the nearest ``records/`` upward."""
    if explicit is None and os.environ.get("BARRIER_RECORDS"):
        explicit = Path(os.environ["BARRIER_RECORDS"])
    if explicit is not None:
        if not (explicit / SETTINGS_FILE).is_file():
            raise RecordsNotFound(f"{explicit}: not a records tree (no {SETTINGS_FILE})")
        return explicit
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
        if (folder / "records" / SETTINGS_FILE).is_file():
            return folder / "records"
    raise RecordsNotFound(
        "no records tree here or above (a 'records/' folder holding barrier.yaml); "
        "use --records DIR or run 'barrier init'"
    )


def today() -> dt.date:
    """Today, or ``$BARRIER_TODAY`` (YYYY-MM-DD) for reproducible runs and tests."""
    fixed = os.environ.get("BARRIER_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
