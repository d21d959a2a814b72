"""`barrier schema`: the JSON Schema of each record kind, for editors and other validators."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def schema(
    kind: Annotated[
        str | None,
        typer.Argument(
            help="settings, org, standard, report, incident, pairing, assessment, notice, "
            "competence, keyperson or reward "
            "(default: all)."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", file_okay=False, help="Write <kind>.schema.json files into this folder."
        ),
    ] = None,
) -> None:
    """Print (or write) JSON Schema, draft 2020-12, with Chinese and English descriptions."""
    from barrier_cli.write.schemas import all_schemas, dumps, kind_schema, write_schemas

    if out is not None:
        for path in write_schemas(out, [kind] if kind else None):
            sys.stdout.write(f"{path}\n")
        return
    sys.stdout.write(dumps(kind_schema(kind) if kind else all_schemas()))
