"""Identity and placement: ids match file names, files sit where their date says, ids unique."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from barrier_cli import findings as f
from barrier_cli.kinds import KINDS
from barrier_cli.loader import Tree
from barrier_cli.models.common import Problem


def layout_problems(tree: Tree) -> Iterator[tuple[str, Problem]]:
    first_seen: dict[str, str] = {}
    for result in tree.files:
        if result.kind is None and result.parse_problem is None:
            yield (
                result.rel,
                Problem(
                    f.UNKNOWN_FILE,
                    (),
                    "not a known record kind here",
                    "records live in reports/, incidents/, pairings/, "
                    "assessments/, notices/ or standards/",
                ),
            )
            continue
        record = result.record or result.partial
        if record is None or result.kind is None:
            continue
        kind = KINDS[result.kind]
        rel = PurePosixPath(result.rel)
        if kind.name == "standard" and getattr(record, "id", None) != rel.stem:
            yield (
                result.rel,
                Problem(
                    f.ID_MISMATCH,
                    ("id",),
                    f"standard id '{getattr(record, 'id', '')}' differs "
                    f"from the file name '{rel.name}'",
                ),
            )
        if not kind.is_record or kind.folder is None:
            continue
        record_id = getattr(record, "id", "")
        if record_id != rel.stem:
            yield (
                result.rel,
                Problem(
                    f.ID_MISMATCH,
                    ("id",),
                    f"id '{record_id}' differs from the file name '{rel.stem}'",
                    f"rename the file to {record_id}{rel.suffix}",
                ),
            )
        expected = kind.folder(record)
        if rel.parent.as_posix() != expected:
            yield (
                result.rel,
                Problem(
                    f.MISFILED,
                    ("id",),
                    f"filed under {rel.parent.as_posix()}/ but its date says {expected}/",
                    f"move it to {expected}/{rel.name}",
                ),
            )
        if record_id in first_seen:
            yield (
                result.rel,
                Problem(
                    f.DUPLICATE_ID,
                    ("id",),
                    f"id '{record_id}' is also used by {first_seen[record_id]}",
                    "give one of them a new id",
                ),
            )
        else:
            first_seen[record_id] = result.rel
