"""Adding one record: answers from flags, stdin or prompts → a valid record → a new file.

The record is validated exactly as `barrier check` would before anything touches the disk;
the file is created atomically and never over another (``store.create``); an id that is
already taken, by a clone or by another terminal this very second, is redrawn.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, RecordExists, UserError
from barrier_cli.core.ids import new_id
from barrier_cli.core.labels import Lang
from barrier_cli.core.tree_root import SETTINGS_FILE, today
from barrier_cli.io import store
from barrier_cli.write.entry import state
from barrier_cli.write.entry.context import Deferred, EntryContext
from barrier_cli.write.entry.questions import Answers, InvalidAnswer, Question
from barrier_cli.write.entry.session import Check, Complaint, Prompter

if TYPE_CHECKING:
    from pydantic import BaseModel

    from barrier_cli.core.models.common import Model, Problem
    from barrier_cli.io.index import Basis
    from barrier_cli.write.entry.forms import Form

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
    warnings: list[str] = field(default_factory=list)
    """Accepted, but worth saying: a date given by flag more than backdate_days ago."""


def entry_context(basis: Basis, lang: Lang | None) -> EntryContext:
    return EntryContext(
        basis, today(basis.root), lang or basis.settings.lang, remembered=state.load()
    )


_LANG_LINE = re.compile(r"^lang:[ \t]*([\"']?)(zh|en)\1[ \t]*(#.*)?$", re.MULTILINE)


def loading_context(root: Path, lang: Lang | None, *, warm: bool = False) -> EntryContext:
    """An entry context whose index is read only when first needed, or in the background
    once ``warm`` is called (when the first prompt is up). With ``warm`` (prompts) the whole
    org.yaml is validated with it; without, only the people named are (`Basis.org_of`).

    The language is needed at once, for the first prompt: it is ``--lang`` or the tree's
    top-level ``lang:`` line; a barrier.yaml that says it otherwise is loaded right away.
    """

    def load() -> Basis:
        # Everything the first answer's check needs, loaded while the first prompt is up
        # (`early`): the record models with the forms, the checker, the index and the
        # context's records.
        import barrier_cli.checks.entry
        import barrier_cli.write.entry.forms  # noqa: F401
        from barrier_cli.io.index import basis

        found = basis(root)
        found.settings  # noqa: B018
        if warm:
            found.org  # noqa: B018  (the prompts offer every person)
        return found

    if lang is None:
        try:
            found = _LANG_LINE.search((root / SETTINGS_FILE).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            found = None
        if found is None:
            return entry_context(load(), None)
        lang = "en" if found.group(2) == "en" else "zh"
    return EntryContext(Deferred(load), today(root), lang, remembered=state.load())


def parse_flags(
    form: Form, flags: Mapping[str, object], ctx: EntryContext, *, lenient: bool = False
) -> Answers:
    """Flag values (text as typed, or True/False) parsed like answers at a prompt.

    With ``lenient`` (fields of ``--from``, which may be dates or numbers already) a value
    that does not parse is kept as it is, so that the record's check names every problem
    of the file at once instead of the first.
    """
    by_name = {q.name: q for q in form.questions()}
    answers: Answers = {}
    for name, raw in flags.items():
        if raw is None or raw == []:
            continue
        q = by_name[name]
        text = ",".join(map(str, raw)) if isinstance(raw, list) else raw
        try:
            answers[name] = q.parse(text, ctx)
        except InvalidAnswer as e:
            if not lenient:
                raise InvalidInput(f"{q.flag}: {e}") from None
            answers[name] = raw
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
        names = i18n.join(f"'{q.name}' ({q.flag})" for q in missing)
        raise InvalidInput(
            i18n.in_lang(ctx.lang, "missing required field {names}; nothing was written").format(
                names=names
            )
        )
    return out


def split_data(form: Form, data: Mapping[str, Any]) -> tuple[Answers, dict[str, Any]]:
    """A record read from stdin as answers to the form's questions, plus everything else."""
    names = {q.name for q in form.questions()}
    # A field may also be spelled as its flag is: violation-kind (or violation_kind) for
    # violation.kind, reporter for reporter.
    as_flag = {q.flag[2:]: q.name for q in form.questions()}
    answers: Answers = {}
    rest: dict[str, Any] = {}
    for key, value in data.items():
        spelled = as_flag.get(str(key).removeprefix("--").replace("_", "-"))
        if key not in names and spelled is not None:
            answers[spelled] = value
            continue
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
    ctx: EntryContext | None = None,
) -> Added:
    """Add one record of ``kind``: prompts through ``prompter`` if given, else none at all.

    ``data`` (``--from``) is read like flags: its people and units may be names, pinyin or
    initials too. ``ctx`` is given by a caller that keeps the tree loaded (the terminal).
    """
    if ctx is None:
        ctx = loading_context(root, lang, warm=prompter is not None)
    typed: dict[str, str] = {}
    if prompter is not None and not data:
        from barrier_cli.write.entry.early import ask_first

        given_names = {name for name, value in flags.items() if value is not None and value != []}
        typed = ask_first(kind, given_names, ctx, prompter)
        if typed:
            # The background load imports the forms too: it ends before this thread imports.
            ctx.basis  # noqa: B018
    from barrier_cli.write.entry.forms import FORMS
    from barrier_cli.write.entry.session import Session

    form = FORMS[kind]
    given, extra = split_data(form, data or {})
    given = parse_flags(form, given, ctx, lenient=True) | parse_flags(form, flags, ctx)
    fixed_id = extra.pop("id", None)
    model = form.model

    def draft(answers: Answers) -> tuple[Model | None, list[Problem]]:
        # The checker is imported by the first answer, not before the first prompt.
        from barrier_cli.checks.entry import basis_problems, build

        body = record_data(form, answers, extra)
        observed = _as_day(body.get("date"))
        if kind == "report" and observed is not None and observed < ctx.today:
            body.setdefault("filed", ctx.today)  # back-dated: the cadence shows it as late
        if fixed_id is not None:
            record_id = fixed_id
        else:
            day = _as_day(answers.get(_DATE[kind])) or ctx.today
            record_id = new_id(kind, day)
            while record_id in ctx.basis.ids:
                record_id = new_id(kind, day)
        record, problems = build(kind, {"id": record_id, **body})
        if record is None:
            return None, problems
        return record, basis_problems(ctx.basis, kind, record, ctx.today)

    def complaints(answers: Answers) -> list[Complaint]:
        return [(_question_of(form, p), _describe(p, ctx.lang, model)) for p in draft(answers)[1]]

    if prompter is not None:
        session = Session(
            form, ctx, prompter, probe=probe(form, ctx, draft), extra=extra, typed=typed
        )
        answers = session.run(given, complaints)
        warnings = []
    else:
        answers = fill_defaults(form, given, ctx)
        warnings = _late(form, answers, ctx)
    record, problems = draft(answers)
    if record is None or problems:
        raise InvalidRecord(
            i18n.in_lang(
                ctx.lang,
                "the {kind} would not pass 'barrier check': {problems}; nothing was written",
            ).format(
                kind=_kind_word(kind, ctx.lang),
                problems=i18n.in_lang(ctx.lang, "; ").join(
                    _describe(p, ctx.lang, model) for p in problems
                ),
            )
        )
    added = _write(ctx.basis, kind, record, regenerate=fixed_id is None)
    if kind == "report":
        state.remember(reporter=answers["reporter"])
    if commit:
        from barrier_cli.io.gitio import commit_file

        headline = answers.get(_HEADLINE[kind], "")
        commit_file(root, added.rel, f"{kind} {added.id}: {headline}")
    return Added(added.id, added.path, added.rel, committed=commit, warnings=warnings)


def probe(form: Form, ctx: EntryContext, draft: Any) -> Check:
    """The complaints `check` would make about the answers given so far.

    Questions not yet answered are filled with their defaults, else with stand-ins of the
    right type, so the record can be built and checked; a complaint is kept only if it is
    about an answered question and does not name a stand-in (the stand-in person is nobody's
    answer).
    """
    model = form.model

    def complaints(answers: Answers) -> list[Complaint]:
        filled = dict(answers)
        stand_ins: set[str] = set()
        for q in form.questions():
            if q.name in filled or not q.applies(filled):
                continue
            value = form.default(q, filled, ctx)
            if value is None and q.required:
                value = _stand_in(q, ctx, filled)
                stand_ins.update(_spelled(q, value, ctx))
            if value is not None:
                filled[q.name] = value
        out: list[Complaint] = []
        for p in draft(filled)[1]:
            where = _question_of(form, p)
            if where in answers and not any(s in p.message for s in stand_ins):
                out.append((where, _describe(p, ctx.lang, model)))
        return out

    return complaints


def _stand_in(q: Question, ctx: EntryContext, answers: Answers) -> Any:
    """A valid value for an unanswered question: the first choice, today, somebody else."""
    if q.ref in ("person", "unit", "partner"):
        used = {v for v in answers.values() if isinstance(v, str)}
        free = [k for k in ctx.table(q.ref) if k not in used]
        value: Any = free[0] if free else None
    elif q.base == "choice":
        value = q.choices[0]
    elif q.base == "date":
        value = ctx.today
    elif q.base == "bool":
        value = False
    elif q.base == "number":
        value = 0
    else:
        value = "-"
    return [value] if q.multi and value is not None else value


def _spelled(q: Question, value: Any, ctx: EntryContext) -> set[str]:
    """How a stand-in of a person, unit or partner shows up in a message: id and name."""
    if q.ref not in ("person", "unit", "partner"):
        return set()
    out: set[str] = set()
    for item in value if isinstance(value, list) else [value]:
        entry = ctx.table(q.ref).get(item) if isinstance(item, str) else None
        if entry is not None:
            out |= {entry.id, entry.name}
    return out


def _late(form: Form, answers: Answers, ctx: EntryContext) -> list[str]:
    """A warning for a record date further back than ``deadlines.backdate_days``."""
    day = answers.get(form.dated) if form.dated else None
    limit = ctx.basis.settings.deadlines.backdate_days
    if not isinstance(day, dt.date) or (ctx.today - day).days <= limit:
        return []
    late = (ctx.today - day).days
    # the field as the prompt names it (发现日期), not by its key
    field = next(q.title(ctx.lang) for q in form.questions() if q.name == form.dated)
    return [
        i18n.in_lang(
            ctx.lang,
            "{field} {day} is {late} days ago, more than deadlines.backdate_days ({limit}): "
            "accepted, and counted as reported late",
        ).format(field=field, day=day, late=late, limit=limit)
    ]


def _describe(problem: Problem, lang: Lang, model: type[BaseModel] | None = None) -> str:
    """The checker's description, imported with the first answer rather than at start."""
    from barrier_cli.checks.entry import describe

    return describe(problem, lang, model)


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


def _write(basis: Basis, kind: str, record: Model, *, regenerate: bool) -> Added:
    """Create the file and note it in the index; on an id another writer took meanwhile,
    draw a new one and retry."""
    from barrier_cli.checks.entry import rel_path
    from barrier_cli.io import canonical
    from barrier_cli.io.index import note

    for _ in range(ID_ATTEMPTS):
        rel = rel_path(kind, record)
        path = store.inside(basis.root, rel)
        try:
            store.create(path, canonical.record_text(record))
        except RecordExists:
            if not regenerate:
                raise
            day = getattr(record, _DATE[kind])
            record = record.model_copy(update={"id": new_id(kind, day)})
            continue
        note(basis, rel, record)
        return Added(str(getattr(record, "id", "")), path, rel)
    raise UserError(
        i18n._("no free id for a {kind} after {attempts} attempts; nothing was written").format(
            kind=kind, attempts=ID_ATTEMPTS
        )
    )


def _kind_word(kind: str, lang: Lang) -> str:
    """A record kind as a sentence names it ("the report", 这条安全信息)."""
    with i18n.using(lang):
        return i18n.pgettext("record kind", kind)
