"""Whether ``records/.schemas`` was written by an older barrier than the one installed.

Apart from `schemas` so that ``check`` learns it from the files' first lines without
importing the models (a warm check imports none).
"""

from __future__ import annotations

import re
from pathlib import Path

from barrier_cli import __version__
from barrier_cli.core import i18n
from barrier_cli.core.findings import STALE_SCHEMA, Finding, Severity

WRITTEN_BY = "written by barrier"
"""The start of each schema's ``$comment``; the version that follows tells `check` it is stale."""
SCHEMAS_DIR = ".schemas"


def stale_schemas(root: Path) -> list[Finding]:
    """A warning for each ``<root>/.schemas/<kind>.schema.json`` an older barrier wrote.

    Editors validate with those files: after an upgrade they would accept what ``check``
    refuses (or the reverse). Only the first lines are read, so ``check`` stays fast.
    """
    folder = root / SCHEMAS_DIR
    if not folder.is_dir():
        return []
    installed = _version(__version__)
    found = []
    for path in sorted(folder.glob("*.schema.json")):
        try:
            with path.open("rb") as fh:
                head = fh.read(1024).decode("utf-8", "replace")
        except OSError:
            continue  # not barrier's to report: the folder is the editors'
        match = re.search(rf'"\$comment": "{WRITTEN_BY} ([0-9][0-9.]*)', head)
        written = match.group(1) if match else "0.1.0 or older"
        if match is None or _version(written) < installed:
            found.append(
                Finding(
                    f"{SCHEMAS_DIR}/{path.name}",
                    STALE_SCHEMA,
                    i18n._(
                        "written by barrier {written}; this is {version}: "
                        "editors check records against the old rules"
                    ).format(written=written, version=__version__),
                    severity=Severity.WARNING,
                    hint=f"barrier schema --out {root.name}/{SCHEMAS_DIR}",
                )
            )
    return found


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])
