"""Regenerate the README sections that must not drift from the code.

The finding-code table comes from ``findings.CODES``; the command table from the typer app's
own help. ``python scripts/update_readme.py`` rewrites them in place; ``--check`` exits 1 if
the README is stale (the test suite runs that).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import typer

from barrier_cli.cli.main import app
from barrier_cli.core.findings import CODES
from barrier_cli.reports.export.schema import TABLES, Shape

README = Path(__file__).resolve().parent.parent / "README.md"


def codes_table() -> str:
    rows = ["| code | severity | meaning |", "|---|---|---|"]
    rows += [f"| `{c.name}` | {c.severity} | {c.summary} |" for c in CODES.codes.values()]
    return "\n".join(rows)


def commands_table() -> str:
    group: Any = typer.main.get_command(app)
    ctx = group.context_class(group)
    rows = ["| command | what it does |", "|---|---|"]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if hasattr(command, "list_commands"):
            for sub in command.list_commands(ctx):
                subcommand = command.get_command(ctx, sub)
                rows.append(f"| `barrier {name} {sub}` | {subcommand.get_short_help_str(200)} |")
        else:
            rows.append(f"| `barrier {name}` | {command.get_short_help_str(200)} |")
    return "\n".join(rows)


def export_table() -> str:
    rows = ["| table | one row per | columns (type) |", "|---|---|---|"]
    for spec in TABLES:
        columns = ", ".join(f"`{c.name}` {_type(c.shape)}" for c in spec.all_columns)
        rows.append(f"| `{spec.name}` | {spec.row} | {columns} |")
    return "\n".join(rows)


def _type(shape: Shape) -> str:
    if shape.kind == "records":
        return "list of {" + ", ".join(c.name for c in shape.fields) + "}"
    if shape.kind == "list":
        assert shape.item is not None
        return f"list of {_type(shape.item)}"
    return shape.kind


SECTIONS = {"codes": codes_table, "commands": commands_table, "export": export_table}


def render(text: str) -> str:
    for name, make in SECTIONS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n)(.*?\n)?(<!-- {name}:end -->)", re.DOTALL)
        if not pattern.search(text):
            raise SystemExit(f"README.md has no <!-- {name}:start/end --> markers")
        body = make()
        text = pattern.sub(lambda m, body=body: m.group(1) + body + "\n" + m.group(3), text)
    return text


def main() -> int:
    current = README.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in sys.argv[1:]:
        if fresh != current:
            print("README.md is stale: run python scripts/update_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
