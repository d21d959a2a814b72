"""Would a new record pass `barrier check`? The same model, record rules and cross-references.

The record is checked as if it were already in the tree at its path, by the checker's own
functions, so entry and `barrier check` cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ValidationError

from barrier_cli import findings as f
from barrier_cli.checks import record_problems
from barrier_cli.checks.layout import layout_problems
from barrier_cli.checks.refs import reference_problems
from barrier_cli.findings import Severity
from barrier_cli.kinds import KINDS
from barrier_cli.loader import FileResult, Tree, build_tree
from barrier_cli.models.common import Model, Problem
from barrier_cli.schema_errors import dotted, problems_from
from barrier_cli.yamlio import hidden_characters


def build(kind: str, data: dict[str, Any]) -> tuple[Model | None, list[Problem]]:
    """The record for ``data``, or the schema problems that stop it."""
    model = KINDS[kind].model
    try:
        return model.model_validate(data), []
    except ValidationError as e:
        return None, problems_from(e, model)


def rel_path(kind: str, record: BaseModel) -> str:
    folder = KINDS[kind].folder
    assert folder is not None, f"{kind} is not a record kind"
    return f"{folder(record)}/{getattr(record, 'id', '')}.yaml"


def new_record_problems(tree: Tree, kind: str, record: Model, day: dt.date) -> list[Problem]:
    """Errors `barrier check` would report for ``record`` once written (warnings pass)."""
    rel = rel_path(kind, record)
    files = [r for r in tree.files if r.rel != rel]
    files.append(FileResult(rel, kind, record))
    with_new = build_tree(tree.root, files)
    found = list(record_problems(record, with_new, day))
    found += [p for where, p in layout_problems(with_new) if where == rel]
    found += [p for where, p in reference_problems(with_new) if where == rel]
    found += [
        Problem(f.CONTROL_CHAR, loc, f"control character U+{ord(char):04X} in text")
        for loc, char in hidden_characters(record.model_dump(by_alias=True))
    ]
    return [p for p in found if f.CODES.severity(p.code) is Severity.ERROR]


def describe(problem: Problem) -> str:
    where = dotted(problem.loc)
    text = problem.message if problem.message.startswith(where) else f"{where}: {problem.message}"
    return text + (f" ({problem.hint})" if problem.hint else "")
