"""Adding one record: answers from flags, stdin or prompts → a valid record → a new file.

The record is validated exactly as `barrier check` would before anything touches the disk;
the file is created atomically and never over another (``store.create``); an id that is
already taken, by a clone or by another terminal this very second, is redrawn.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from barrier_cli import canonical, store
from barrier_cli.entry import state
from barrier_cli.entry.context import EntryContext
from barrier_cli.entry.forms import FORMS, Form
from barrier_cli.entry.questions import Answers, InvalidAnswer, Question
from barrier_cli.entry.session import Complaint, Prompter, Session
from barrier_cli.entry.validate import build, describe, new_record_problems, rel_path
from barrier_cli.errors import InvalidInput, RecordExists, UserError
from barrier_cli.ids import new_id
from barrier_cli.labels import Lang
from barrier_cli.loader import Tree, load_tree, today
from barrier_cli.models.common import Model, Problem

ID_ATTEMPTS = 20
# The field that names the record in a commit message, and the one that dates it.
_HEADLINE = {"report": "summary", "incident": "title", "pairing": "person"}
_DATE = {"report": "date", "incident": "date", "pairing": "start"}


class InvalidRecord(UserError):
    """The record would not pass `barrier check`."""


@dataclass(frozen=True)
class Added:
    id: str
    path: Path
    rel: str
    committed: bool = False


def entry_context(tree: Tree, lang: Lang | None) -> EntryContext:
    return EntryContext(tree, today(), lang or tree.settings.lang, remembered=state.load())


def parse_flags(form: Form, flags: Mapping[str, object], ctx: EntryContext) -> Answers:
    """Flag values (text as typed, or True/False) parsed like answers at a prompt."""
    by_name = {q.name: q for q in form.questions()}
    answers: Answers = {}
    for name, raw in flags.items():
        if raw is None or raw == []:
            continue
        q = by_name[name]
        text = ",".join(raw) if isinstance(raw, list) else raw
        try:
            answers[name] = q.parse(text, ctx)
        except InvalidAnswer as e:
            raise InvalidInput(f"{q.flag}: {e}") from None
    return answers


def fill_defaults(form: Form, answers: Answers, ctx: EntryContext) -> Answers:
    """Defaults for what is not given; a required field without one is an error naming it."""
    out = dict(answers)
    missing: list[Question] = []
    for q in form.questions():
        if q.name in out or not q.applies(out):
            continue
        value = form.default(q, out, ctx)
        if value is not None:
            out[q.name] = value
        elif q.required:
            missing.append(q)
    if missing:
        names = ", ".join(f"'{q.name}' ({q.flag})" for q in missing)
        raise InvalidInput(f"missing required field {names}; nothing was written")
    return out


def split_data(form: Form, data: Mapping[str, Any]) -> tuple[Answers, dict[str, Any]]:
    """A record read from stdin as answers to the form's questions, plus everything else."""
    names = {q.name for q in form.questions()}
    answers: Answers = {}
    rest: dict[str, Any] = {}
    for key, value in data.items():
        if key in form.nested and isinstance(value, dict):
            inner = {f"{key}.{k}": v for k, v in value.items()}
            if set(inner) <= names:
                answers.update(inner)
                continue
        if key in names:
            answers[key] = value
        else:
            rest[key] = value
    return answers, rest


def record_data(form: Form, answers: Answers, extra: Mapping[str, Any]) -> dict[str, Any]:
    """Answers nested back into the record's shape, empty ones left out."""
    data: dict[str, Any] = dict(extra)
    applicable = {q.name for q in form.questions() if q.applies(answers)}
    for name, value in answers.items():
        if value is None or value == [] or name not in applicable:
            continue
        head, _, tail = name.partition(".")
        if tail:
            data.setdefault(head, {})[tail] = value
        else:
            data[name] = value
    return data


def add_record(
    *,
    root: Path,
    kind: str,
    flags: Mapping[str, object],
    data: Mapping[str, Any] | None = None,
    lang: Lang | None = None,
    prompter: Prompter | None = None,
    commit: bool = False,
) -> Added:
    """Add one record of ``kind``: prompts through ``prompter`` if given, else none at all."""
    form = FORMS[kind]
    tree = load_tree(root, cache=True)
    ctx = entry_context(tree, lang)
    given, extra = split_data(form, data or {})
    given |= parse_flags(form, flags, ctx)
    fixed_id = extra.pop("id", None)
    taken = {r.record_id for r in tree.files if r.record_id}

    def draft(answers: Answers) -> tuple[Model | None, list[Problem]]:
        body = record_data(form, answers, extra)
        observed = _as_day(body.get("date"))
        if kind == "report" and observed is not None and observed < ctx.today:
            body.setdefault("filed", ctx.today)  # back-dated: the cadence shows it as late
        if fixed_id is not None:
            record_id = fixed_id
        else:
            day = _as_day(answers.get(_DATE[kind])) or ctx.today
            record_id = new_id(kind, day)
            while record_id in taken:
                record_id = new_id(kind, day)
        record, problems = build(kind, {"id": record_id, **body})
        if record is None:
            return None, problems
        return record, new_record_problems(tree, kind, record, ctx.today)

    if prompter is not None:

        def complaints(answers: Answers) -> list[Complaint]:
            return [(_question_of(form, p), describe(p)) for p in draft(answers)[1]]

        answers = Session(form, ctx, prompter).run(given, complaints)
    else:
        answers = fill_defaults(form, given, ctx)
    record, problems = draft(answers)
    if record is None or problems:
        raise InvalidRecord(
            f"the {kind} would not pass 'barrier check': "
            + "; ".join(describe(p) for p in problems)
            + "; nothing was written"
        )
    added = _write(root, kind, record, regenerate=fixed_id is None)
    if kind == "report":
        state.remember(reporter=answers["reporter"])
    if commit:
        headline = answers.get(_HEADLINE[kind], "")
        git_commit(root, added.rel, f"{kind} {added.id}: {headline}")
        return Added(added.id, added.path, added.rel, committed=True)
    return added


def _as_day(value: object) -> dt.date | None:
    """The record's date for its id; a date from stdin may still be text until validated."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _question_of(form: Form, problem: Problem) -> str | None:
    parts = [str(p) for p in problem.loc if isinstance(p, str)]
    for n in (2, 1):
        name = ".".join(parts[:n])
        if len(parts) >= n and any(q.name == name for q in form.questions()):
            return name
    return None


def _write(root: Path, kind: str, record: Model, *, regenerate: bool) -> Added:
    """Create the file; on an id another writer took meanwhile, draw a new one and retry."""
    for _ in range(ID_ATTEMPTS):
        rel = rel_path(kind, record)
        path = store.inside(root, rel)
        try:
            store.create(path, canonical.record_text(record))
        except RecordExists:
            if not regenerate:
                raise
            day = getattr(record, _DATE[kind])
            record = record.model_copy(update={"id": new_id(kind, day)})
            continue
        return Added(str(getattr(record, "id", "")), path, rel)
    raise UserError(f"no free id for a {kind} after {ID_ATTEMPTS} attempts; nothing was written")


def git_commit(root: Path, rel: str, message: str) -> None:
    """``git add`` and ``git commit`` just this file, leaving anything else staged alone."""
    for args in (["add", "--", rel], ["commit", "-q", "-m", message, "--", rel]):
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            reason = (done.stderr or done.stdout).strip().splitlines()
            raise UserError(
                f"{rel} was written, but 'git {args[0]}' failed: "
                + (reason[-1] if reason else f"exit {done.returncode}")
            )
