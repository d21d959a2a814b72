"""In-place edits of a record file that keep what people wrote: comments, key order, style.

The file is read once under its lock (``store.editing``), changed as a ruamel round-trip
document, checked to still be a record that `barrier check` accepts (no error that was not
there before), and written back with ``store.replace`` before the lock is let go: another
writer of this tool (`fmt`, a second `action done`) waits, then edits what this one wrote.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from barrier_cli.checks.entry import basis_problems, describe
from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, RecordNotFound, UserError
from barrier_cli.core.ids import parse_ref
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.models import Action, Incident, Pairing, Report
from barrier_cli.core.models.common import Model, open_actions
from barrier_cli.core.models.pairing import Review
from barrier_cli.io import store
from barrier_cli.io.canonical import dumps, field_order, yaml_writer
from barrier_cli.io.index import Basis, basis, note
from barrier_cli.io.loader import FileResult, read_file, today, validate
from barrier_cli.io.yamlio import ParseProblem, decode, load_text

Choose = Callable[[list[tuple[int, Action]]], int]
"""Asks which of several open actions (1-based number, action) is meant; returns the number."""


@dataclass(frozen=True)
class Edited:
    id: str
    path: Path
    what: str
    """What changed, e.g. ``actions[2] done 2026-11-24``."""
    open_left: int = 0
    """Actions or measures still open after the edit."""


@dataclass(frozen=True)
class _Target:
    basis: Basis
    result: FileResult
    record: Model
    snapshot: store.Snapshot
    doc: CommentedMap


def _find(root: Path, record_id: str, kinds: tuple[type[Model], ...]) -> tuple[Basis, FileResult]:
    """The record's first valid file, found through the tree's index (one file read)."""
    known = basis(root)
    held = (read_file(root, rel) for rel in known.holders(record_id))
    result = next((r for r in held if r.record_id == record_id), None)
    if result is None or result.record is None:
        raise RecordNotFound(
            i18n._("no record '{record_id}' in {root}").format(record_id=record_id, root=root)
        )
    if not isinstance(result.record, kinds):
        names = " or ".join(k.__name__.lower() for k in kinds)
        raise InvalidInput(
            i18n._("{record_id} is a {kind}, not a {names}").format(
                record_id=record_id, kind=result.kind, names=names
            )
        )
    return known, result


@contextlib.contextmanager
def _opened(known: Basis, result: FileResult, kinds: tuple[type[Model], ...]) -> Iterator[_Target]:
    """The record of ``result`` as it is on disk now, locked for the length of the block."""
    path = store.inside(known.root, result.rel)
    with store.editing(path) as snapshot:
        try:
            text = decode(snapshot.content)
            doc = yaml_writer().load(text)
            # The file may have changed since it was found: another writer's edit that the lock
            # made this one wait for.
            record, _ = validate(KINDS[str(result.kind)], load_text(text))
        except (YAMLError, ParseProblem) as e:
            raise UserError(
                i18n._("{rel}: cannot be edited in place ({e})").format(rel=result.rel, e=e)
            ) from e
        if not isinstance(record, kinds):
            raise UserError(
                i18n._(
                    "{rel}: changed on disk and no longer validates; see 'barrier check'"
                ).format(rel=result.rel)
            )
        yield _Target(known, result, record, snapshot, doc)


def _insert(mapping: CommentedMap, key: str, value: Any, model: type[BaseModel]) -> None:
    """Set ``key``, placing a new key where the canonical order puts it among the others."""
    if key in mapping:
        mapping[key] = value
        return
    order = field_order(model)
    rank = order.index(key)
    # Right after the last key that comes before it, even in a hand-ordered mapping.
    earlier = [i for i, k in enumerate(mapping) if k in order and order.index(k) < rank]
    position = earlier[-1] + 1 if earlier else 0
    last = list(mapping)[-1] if mapping and position == len(mapping) else None
    mapping.insert(position, key, value)
    if last is not None:
        _move_following_lines(mapping, last, key)


def _move_following_lines(mapping: CommentedMap, before: str, after: str) -> None:
    """Full-line comments below the old last key belong to what follows the mapping.

    ruamel keeps them with the last key; a key appended after it would land below them,
    between the comment and what it describes. Move them to the new last key.
    """
    slots = mapping.ca.items.get(before)
    token = slots[2] if slots and len(slots) > 2 else None
    if token is None or "\n" not in token.value.rstrip("\n"):
        return
    eol, _, lines = token.value.partition("\n")
    moved = copy.copy(token)
    moved.value = "\n" + lines
    if eol.strip():
        token.value = eol + "\n"
    else:
        slots[2] = None
    mapping.ca.items[after] = [None, None, moved, None]


def _save(target: _Target, kind: str) -> str:
    """Check the edited document like `barrier check` would, then replace the file."""
    text = dumps(target.doc)
    record, problems = validate(KINDS[kind], load_text(text))
    if record is None:
        raise UserError(
            i18n._("{problems}; nothing was written").format(
                problems="; ".join(describe(p) for p in problems)
            )
        )
    day = today(target.basis.root)
    before = {describe(p) for p in basis_problems(target.basis, kind, target.record, day)}
    after = basis_problems(target.basis, kind, record, day)
    new = [describe(p) for p in after if describe(p) not in before]
    if new:
        raise UserError(
            i18n._(
                "{rel}: the edit would not pass 'barrier check': {problems}; nothing was written"
            ).format(rel=target.result.rel, problems="; ".join(new))
        )
    store.replace(target.snapshot, text)
    note(target.basis, target.result.rel, record)
    return text


def mark_done(
    *,
    root: Path,
    ref: str,
    day: dt.date | None = None,
    verified_by: str | None = None,
    choose: Choose | None = None,
) -> Edited:
    """Mark action ``ref`` (``ID/N``, N from 1) of a report or measure of an incident done.

    Without N the one open action is meant; with several open, ``choose`` asks which, or
    without it the edit is refused listing them. An action already done may still be given
    its ``verified_by``.
    """
    record_id, number = parse_ref(ref)
    kinds = (Report, Incident)
    known, result = _find(root, record_id, kinds)
    field = "actions" if isinstance(result.record, Report) else "measures"
    # Asked before the lock is taken: a question left open must not hold up other writers.
    number = number or _which(record_id, field, getattr(result.record, field), choose)
    with _opened(known, result, kinds) as target:
        return _mark(target, record_id, number, day, verified_by)


def _mark(
    target: _Target, record_id: str, number: int, day: dt.date | None, verified_by: str | None
) -> Edited:
    kind = "report" if isinstance(target.record, Report) else "incident"
    field = "actions" if kind == "report" else "measures"
    actions: list[Action] = getattr(target.record, field)
    if not 1 <= number <= len(actions):
        raise InvalidInput(
            i18n._("{record_id} has {field} 1 to {count}; there is no {number}").format(
                record_id=record_id, field=_noun(field), count=len(actions), number=number
            )
        )
    action = actions[number - 1]
    day = day or today(target.basis.root)
    if action.done is not None and (verified_by is None or action.verified_by is not None):
        raise InvalidInput(
            i18n._("{record_id}/{number} is already done ({done})").format(
                record_id=record_id, number=number, done=action.done
            )
        )
    record = target.record
    if isinstance(record, Report | Incident) and day < record.date:
        raise InvalidInput(
            i18n._("{day} is before the {kind}'s own date").format(
                day=day, kind=i18n._("report") if kind == "report" else i18n._("incident")
            )
        )
    entries = target.doc.get(field)
    if not isinstance(entries, CommentedSeq) or not isinstance(entries[number - 1], CommentedMap):
        raise UserError(
            i18n._("{rel}: '{field}' is not a list of mappings").format(
                rel=target.result.rel, field=field
            )
        )
    entry = entries[number - 1]
    changed = []
    if action.done is None:
        _insert(entry, "done", day, Action)
        changed.append(i18n._("done {day}").format(day=day))
    if verified_by is not None:
        verified_by = _person_id(target.basis, verified_by)
        _insert(entry, "verified_by", verified_by, Action)
        changed.append(i18n._("verified by {person}").format(person=verified_by))
    _save(target, kind)
    left = len([n for n in open_actions(actions) if n != number - 1])
    return Edited(record_id, target.snapshot.path, f"{field}[{number}] " + i18n.join(changed), left)


def _noun(field: str) -> str:
    """``actions`` or ``measures`` as a message names them."""
    return i18n._("actions") if field == "actions" else i18n._("measures")


def _person_id(known: Basis, text: str) -> str:
    """A person id, also when typed as the person's (unique) name."""
    named = [p.id for p in known.org.people if text in (p.id, p.name)]
    return named[0] if len(named) == 1 else text


def _which(record_id: str, field: str, actions: list[Action], choose: Choose | None) -> int:
    pending = [(n + 1, actions[n]) for n in open_actions(actions)]
    if not pending:
        raise InvalidInput(
            i18n._("{record_id} has no open {field}").format(
                record_id=record_id, field=_noun(field)
            )
        )
    if len(pending) == 1:
        return pending[0][0]
    if choose is not None:
        return choose(pending)
    listed = "; ".join(f"{record_id}/{n} {a.action}" for n, a in pending)
    raise InvalidInput(
        i18n._("{record_id} has {count} open {field}, say which: {listed}").format(
            record_id=record_id, count=len(pending), field=_noun(field), listed=listed
        )
    )


def add_review(*, root: Path, record_id: str, review: dict[str, Any]) -> Edited:
    """Append ``review`` (date, by, note) to the reviews of pairing ``record_id``."""
    record_id, _ = parse_ref(record_id)
    with _opened(*_find(root, record_id, (Pairing,)), (Pairing,)) as target:
        return _review(target, record_id, review)


def _review(target: _Target, record_id: str, review: dict[str, Any]) -> Edited:
    reviews = target.doc.get("reviews")
    if reviews is None:
        reviews = CommentedSeq()
        _insert(target.doc, "reviews", reviews, Pairing)
    if not isinstance(reviews, CommentedSeq):
        raise UserError(i18n._("{rel}: 'reviews' is not a list").format(rel=target.result.rel))
    entry = CommentedMap()
    for key in field_order(Review):
        if review.get(key) is not None:
            entry[key] = review[key]
    reviews.append(entry)
    _save(target, "pairing")
    return Edited(record_id, target.snapshot.path, f"reviews[{len(reviews)}] {review.get('date')}")
