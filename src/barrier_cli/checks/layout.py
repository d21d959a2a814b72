"""Identity and placement: ids match file names, files sit where their date says, ids unique."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.models.common import Problem
from barrier_cli.io.loader import FileResult


def layout_id(result: FileResult) -> str | None:
    """The id a dated record claims as its own, which no other file may claim."""
    record = result.record or result.partial
    if record is None or result.kind is None:
        return None
    kind = KINDS[result.kind]
    if not kind.is_record or kind.folder is None:
        return None
    return str(getattr(record, "id", ""))


def first_files(results: Iterable[FileResult]) -> dict[str, str]:
    """Each claimed id's first file in the tree's (sorted) order: the later ones duplicate it."""
    first_of: dict[str, str] = {}
    for result in results:
        claimed = layout_id(result)
        if claimed is not None:
            first_of.setdefault(claimed, result.rel)
    return first_of


def file_layout_problems(result: FileResult, first_of: dict[str, str]) -> Iterator[Problem]:
    """One file's placement problems; ``first_of`` is `first_files` of the whole tree."""
    if result.kind is None and result.parse_problem is None:
        yield Problem(
            f.UNKNOWN_FILE,
            (),
            i18n._("not a known record kind here"),
            i18n._(
                "records live in reports/, incidents/, pairings/, assessments/, notices/, returns/, roundups/, competence/, keypersons/, rewards/, priorities/ or standards/"
            ),
        )
        return
    record = result.record or result.partial
    if record is None or result.kind is None:
        return
    kind = KINDS[result.kind]
    parent, name, stem, suffix = _split(result.rel)
    if kind.name == "standard" and getattr(record, "id", None) != stem:
        yield Problem(
            f.ID_MISMATCH,
            ("id",),
            i18n._("standard id '{id}' differs from the file name '{name}'").format(
                id=getattr(record, "id", ""), name=name
            ),
        )
    if not kind.is_record or kind.folder is None:
        return
    record_id = getattr(record, "id", "")
    if record_id != stem:
        yield Problem(
            f.ID_MISMATCH,
            ("id",),
            i18n._("id '{record_id}' differs from the file name '{stem}'").format(
                record_id=record_id, stem=stem
            ),
            i18n._("rename the file to {record_id}{suffix}").format(
                record_id=record_id, suffix=suffix
            ),
        )
    expected = kind.folder(record)
    if parent != expected:
        yield Problem(
            f.MISFILED,
            ("id",),
            i18n._("filed under {folder}/ but its date says {expected}/").format(
                folder=parent, expected=expected
            ),
            i18n._("move it to {expected}/{name}").format(expected=expected, name=name),
        )
    first = first_of.get(record_id, result.rel)
    if first != result.rel:
        yield Problem(
            f.DUPLICATE_ID,
            ("id",),
            i18n._("id '{record_id}' is also used by {first}").format(
                record_id=record_id, first=first
            ),
            i18n._("give one of them a new id"),
        )


def _split(rel: str) -> tuple[str, str, str, str]:
    """Folder, name, stem and suffix of a clean posix ``rel``, as `PurePosixPath` gives them.

    String slices, not a path object: every file of the tree is placed on every cold check.
    """
    folder, _, name = rel.rpartition("/")
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:
        return folder or ".", name, name[:dot], name[dot:]
    return folder or ".", name, name, ""
