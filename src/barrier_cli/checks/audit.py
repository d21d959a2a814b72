"""The audit trail: compare the records now with the records at a revision.

Records are evidence. Nothing is deleted (a wrong record is withdrawn with
``withdrawn: {date, by, reason}``), a closed or final record changes only together with a
new ``amendments`` entry, and an id, once given, always names the same event. This module
only compares two sets of already-read files; `barrier check --against REV` feeds it the
tree at REV (from git) and the tree being checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.models import Assessment, Incident, NoticeEntry, Pairing, Report
from barrier_cli.core.models.common import Model, Problem, RecordModel
from barrier_cli.io.loader import FileResult

IDENTITY: dict[type[Model], tuple[str, ...]] = {
    Report: ("date", "summary"),
    Incident: ("date", "title"),
    Pairing: ("start", "person"),
    Assessment: ("period", "subject"),
    NoticeEntry: ("date", "month"),
}
"""What says which event a record is about. A record whose fields here *all* changed is
another record under a reused id; a change to some of them is a correction."""


def is_final(record: Model) -> bool:
    """Closed reports and incidents, final assessments and every issued notice."""
    if isinstance(record, Report | Incident):
        return record.status == "closed"
    if isinstance(record, Assessment):
        return record.status == "final"
    return isinstance(record, NoticeEntry)


def audit(before: list[FileResult], after: list[FileResult]) -> Iterator[tuple[str, Problem]]:
    """(file, problem) for every record deleted, silently changed or reused since ``before``."""
    now = {r.record_id: r for r in after if r.record_id}
    present = {r.rel for r in after}
    for rid, old in _records(before).items():
        new = now.get(rid)
        if new is None:
            if old.rel not in present:
                yield old.rel, _deleted(rid)
            continue
        if old.record is None or new.record is None:
            continue
        if _is_another(old.record, new.record):
            yield new.rel, _reused(rid, old.record, new.record)
        elif is_final(old.record):
            yield from ((new.rel, p) for p in _amendment_problems(old.record, new.record))


def _records(results: list[FileResult]) -> dict[str, FileResult]:
    """Records by id; a file that did not validate then is known by its file name."""
    out: dict[str, FileResult] = {}
    for result in results:
        kind = KINDS.get(result.kind or "")
        if kind is None or not kind.is_record:
            continue
        out.setdefault(result.record_id or PurePosixPath(result.rel).stem, result)
    return out


def _deleted(rid: str) -> Problem:
    return Problem(
        f.DELETED,
        (),
        i18n._("record {rid} was deleted; records are withdrawn, never deleted").format(rid=rid),
        i18n._("restore the file and add 'withdrawn: {date, by, reason}'"),
    )


def _is_another(old: Model, new: Model) -> bool:
    fields = IDENTITY.get(type(old), ())
    return type(old) is not type(new) or (
        bool(fields) and all(getattr(old, n) != getattr(new, n) for n in fields)
    )


def _reused(rid: str, old: Model, new: Model) -> Problem:
    fields = IDENTITY.get(type(old), ())
    was = ", ".join(f"{n} {getattr(old, n)}" for n in fields)
    return Problem(
        f.ID_REUSED,
        ("id",),
        i18n._("id {rid} was given to a different record before ({was})").format(rid=rid, was=was),
        i18n._("give this record a new id; withdraw a wrong record instead of rewriting it"),
    )


def _amendment_problems(old: Model, new: Model) -> list[Problem]:
    assert isinstance(old, RecordModel) and isinstance(new, RecordModel)
    if new.amendments[: len(old.amendments)] != old.amendments:
        return [
            Problem(
                f.AMENDMENT,
                ("amendments",),
                i18n._("earlier amendments were changed or removed; amendments are only appended"),
            )
        ]
    if not _content_changed(old, new) or len(new.amendments) > len(old.amendments):
        return []
    changed = (
        i18n._("this final record changed without a new 'amendments' entry")
        if isinstance(old, Assessment)
        else i18n._("this issued record changed without a new 'amendments' entry")
        if isinstance(old, NoticeEntry)
        else i18n._("this closed record changed without a new 'amendments' entry")
    )
    return [
        Problem(
            f.AMENDMENT,
            ("status",) if hasattr(new, "status") else ("id",),
            changed,
            i18n._("add 'amendments: [{date, by, reason}]' saying what changed and why"),
        )
    ]


def _content_changed(old: RecordModel, new: RecordModel) -> bool:
    """Whether what the record says changed; withdrawing it alone is not a change of content."""
    ignore = {"amendments", "withdrawn"} if old.withdrawn is None else {"amendments"}
    return old.model_dump(exclude=ignore) != new.model_dump(exclude=ignore)
