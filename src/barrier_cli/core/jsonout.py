"""The JSON that `check`, `due`, `list` and `show` print for tools: one object with ``"schema"``.

``SCHEMA`` is the version of these shapes. Within a version fields are only ever added; a
field that changes meaning or goes away bumps it, so a script can refuse what it does not know.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA = 1


def dumps(data: dict[str, Any]) -> str:
    return json.dumps({"schema": SCHEMA, **data}, ensure_ascii=False, indent=2, default=str) + "\n"
