"""Compile the message catalogues (.po → .mo) beside their sources.

Run by `make` after install and by the wheel build (setup.py); `--check` fails when a
catalogue does not compile (a broken placeholder, a duplicate msgid) without writing anything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "barrier_cli" / "locale"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compile in memory only")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from barrier_cli.core.i18n import compile_po

    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        data = compile_po(po)
        if not args.check:
            po.with_suffix(".mo").write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
