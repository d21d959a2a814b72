"""Recording nil returns (今日无异常): the one-keystroke daily feedback of a duty day.

``add_nil_returns`` is the one write path, used by ``barrier checkin`` and the shop-floor
terminal alike. A person's month is one file (``models.returns``); a day is appended to it in
place, keeping what people wrote, holding the file's lock from the read to the rename
(``store.editing``), so two terminals ticking the same person at once both land or the second
finds the day already there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from barrier_cli.core import i18n
from barrier_cli.core.errors import ConcurrentEdit, InvalidInput, RecordExists, UserError
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.models import NilReturns, Org, Person
from barrier_cli.core.models.returns import ReturnDay, returns_id
from barrier_cli.core.tree_root import today as current_day
from barrier_cli.io import store
from barrier_cli.io.canonical import dumps, record_text, yaml_writer
from barrier_cli.io.loader import read_file, validate
from barrier_cli.io.yamlio import ParseProblem, decode, load_text

ATTEMPTS = 5
"""Tries per file when another writer keeps changing it between our read and our write."""


def returns_path(root: Path, person: str, day: dt.date) -> Path:
    """Where ``person``'s nil returns for the month of ``day`` live."""
    rel = f"returns/{day:%Y/%m}/{returns_id(person, day)}.yaml"
    return store.inside(root, rel)


def add_nil_returns(
    root: Path,
    people: Sequence[str],
    day: dt.date,
    *,
    by: str | None = None,
    today: dt.date | None = None,
) -> list[Path]:
    """Record that each of ``people`` (person ids) had nothing abnormal on ``day``.

    ``by`` is the group leader ticking them (`checkin`), None when people tick themselves.
    A day already recorded is left as it is (idempotent). Refused as a whole, before anything
    is written, for an unknown person or one not in the unit on ``day``, and for a future day.
    A day recorded after it passed carries ``filed``, so the cadence can show it as late.
    Returns each person's file, in the order given.
    """
    now = today or current_day()
    if day > now:
        raise InvalidInput(
            i18n._("{day} is in the future; a nil return is for a day that has come").format(
                day=day
            )
        )
    org = _org(root)
    known = {p.id: p for p in org.people}
    for pid in [*people, *([by] if by else [])]:
        _active(known, pid, day)
    entry = ReturnDay(date=day, by=by, filed=now if now > day else None)
    return [_add_day(root, pid, entry) for pid in dict.fromkeys(people)]


def _org(root: Path) -> Org:
    result = read_file(root, "org.yaml")
    if not isinstance(result.record, Org):
        raise UserError(
            i18n._("{path}: not a valid org file; run 'barrier check'").format(
                path=root / "org.yaml"
            )
        )
    return result.record


def _active(known: dict[str, Person], pid: str, day: dt.date) -> None:
    person = known.get(pid)
    if person is None:
        raise InvalidInput(
            i18n._("no person '{pid}' in org.yaml; nothing was written").format(pid=pid)
        )
    if not person.active_on(day):
        raise InvalidInput(
            i18n._("{name} ({pid}) was not in the unit on {day}; nothing was written").format(
                name=person.name, pid=pid, day=day
            )
        )


def _add_day(root: Path, person: str, entry: ReturnDay) -> Path:
    path = returns_path(root, person, entry.date)
    for _ in range(ATTEMPTS):
        try:
            if not path.exists():
                record = NilReturns(
                    id=returns_id(person, entry.date),
                    person=person,
                    month=f"{entry.date:%Y-%m}",
                    days=[_own(entry, person)],
                )
                store.create(path, record_text(record))
            else:
                _append(path, person, entry)
            return path
        except (ConcurrentEdit, RecordExists):
            # Another writer made the file first: append to it under its lock.
            continue
    raise ConcurrentEdit(
        i18n._("{path} kept changing while being written; try again").format(path=path)
    )


def _own(entry: ReturnDay, person: str) -> ReturnDay:
    """The entry as it is written in ``person``'s file: a person ticking themselves is no ``by``."""
    return entry.model_copy(update={"by": None}) if entry.by == person else entry


def _append(path: Path, person: str, entry: ReturnDay) -> None:
    # The record's own lock, from the read to the rename: leaders ticking at once take turns.
    with store.editing(path) as snapshot:
        _append_to(snapshot, person, entry)


def _append_to(snapshot: store.Snapshot, person: str, entry: ReturnDay) -> None:
    path = snapshot.path
    try:
        doc = yaml_writer().load(decode(snapshot.content))
    except (YAMLError, ParseProblem) as e:
        raise UserError(
            i18n._("{path}: cannot be edited in place ({e}); run 'barrier check'").format(
                path=path, e=e
            )
        ) from e
    record, _ = validate(KINDS["returns"], load_text(decode(snapshot.content)))
    if not isinstance(record, NilReturns) or not isinstance(doc, CommentedMap):
        raise UserError(
            i18n._("{path}: not a valid nil-returns file; run 'barrier check'").format(path=path)
        )
    if any(d.date == entry.date for d in record.days):
        return
    days = doc.get("days")
    if not isinstance(days, CommentedSeq):
        days = CommentedSeq()
        doc["days"] = days
    item = CommentedMap(
        (k, v) for k, v in _own(entry, person).model_dump(exclude_none=True).items()
    )
    position = sum(1 for d in record.days if d.date < entry.date)
    days.insert(position, item)
    store.replace(snapshot, dumps(doc))


__all__ = ["add_nil_returns", "returns_path"]
