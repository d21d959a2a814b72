"""What the last entry remembers for the next one (the reporter), outside the records tree.

Kept in ``$XDG_STATE_HOME/barrier/last.json`` (``~/.local/state/barrier/last.json``): it
belongs to the person at this terminal, not to the shared records. Losing or corrupting it
costs only a default, so reading and writing it never fail an entry.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path


def state_file() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "barrier" / "last.json"


def load() -> dict[str, str]:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def remember(**values: str) -> None:
    path = state_file()
    data = load() | values
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".last-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(temp, path)
