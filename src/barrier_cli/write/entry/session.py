"""The interactive dialogue: ask each question, re-ask with the reason, go back, confirm.

It talks to the person through a ``Prompter``, so the same dialogue runs at a real terminal
(``terminal.TerminalPrompter``) and in tests with scripted answers. Typing ``<`` goes back
to the previous question, ``-`` clears an optional answer, Enter takes the default shown in
brackets. Ctrl-C or Ctrl-D raise KeyboardInterrupt: the caller writes nothing.

Every answer is checked where it is typed: by its field's own validator, then (``probe``)
by the rules `barrier check` applies to the record as it stands so far. A refused answer is
asked again with the reason and never becomes the default: the last good value stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from barrier_cli.core import i18n
from barrier_cli.core.errors import BarrierError, UserError
from barrier_cli.core.labels import Lang
from barrier_cli.write.entry.context import EntryContext
from barrier_cli.write.entry.questions import Answers, InvalidAnswer, Question

if TYPE_CHECKING:
    # The forms are built from the record models, which are loaded while the first question
    # is on the screen (`early`), not before it.
    from barrier_cli.write.entry.forms import Form

BACK = "<"
Complaint = tuple[str | None, str]
"""A problem of the whole record: the question it belongs to (if any) and why."""


class Prompter(Protocol):
    def say(self, text: str) -> None: ...

    def shown(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the next prompt is on the screen (at once, where none is drawn)."""
        ...

    def ask(self, prompt: str, *, candidates: list[tuple[str, str]], multi: bool, hint: str) -> str:
        """One line typed by the person; KeyboardInterrupt on Ctrl-C or Ctrl-D."""
        ...


Check = Callable[[Answers], list[Complaint]]


class Stopped(BarrierError):
    """The person ended the entry on purpose; nothing was written. Not an error."""

    quiet = True


class NotSaved(Stopped):
    """The person answered no at the confirmation."""

    exit_code = 0


class Cancelled(Stopped):
    """Ctrl-C or Ctrl-D at a prompt."""

    exit_code = 130


class Idle(Exception):
    """Nobody typed at a prompt for the terminal's idle time."""


def not_saved(lang: Lang) -> NotSaved:
    return NotSaved(i18n.in_lang(lang, "not saved; nothing was written"))


def cancelled(lang: Lang) -> Cancelled:
    return Cancelled(i18n.in_lang(lang, "cancelled; nothing was written"))


def intro(lang: Lang) -> str:
    """The line above the first question."""
    return i18n.in_lang(lang, "Enter takes the [default], < goes back, - clears, Ctrl-C quits.")


def question_line(title: str, shown: str, lang: Lang, *, required: bool, multi: bool) -> str:
    """A question's line: its title, whether it may stay empty, the default in brackets."""
    if multi:
        title += i18n.in_lang(lang, " (several)")
    mark = "" if required else i18n.in_lang(lang, " (optional)")
    return f"{title}{mark}" + (f" [{shown}]" if shown else "") + ": "


@dataclass
class Session:
    form: Form
    ctx: EntryContext
    prompter: Prompter
    answers: Answers = field(default_factory=dict)
    probe: Check | None = None
    """The record's problems so far, for the questions answered (see ``add.probe``)."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Fields that will be written but are no question (from --from), shown at the confirm."""
    typed: dict[str, str] = field(default_factory=dict)
    """What was typed at a question already shown before the session began (`early`): taken
    as the answer to it, and checked like any other."""
    _standing: list[Complaint] | None = field(default=None, init=False)
    """What the record broke before the answer being checked; computed on the first answer
    (not before the first prompt, which then shows sooner)."""

    @property
    def lang(self) -> Lang:
        return self.ctx.lang

    def run(self, preset: Answers, check: Check) -> Answers:
        """Ask what ``preset`` (given as flags) leaves open; return the confirmed answers.

        Ctrl-C raises ``Cancelled`` and no at the confirmation ``NotSaved``.
        """
        try:
            return self._run(preset, check)
        except KeyboardInterrupt:
            raise cancelled(self.lang) from None

    def _run(self, preset: Answers, check: Check) -> Answers:
        questions = [q for q in self.form.questions() if q.name not in preset]
        self.answers = dict(preset)
        self._standing = None
        if not self.typed:
            self.prompter.say(intro(self.lang))
        self._walk(questions)
        while True:
            complaints = check(self._applicable())
            if complaints:
                self._fix(complaints)
                continue
            if self._confirmed():
                return self._applicable()

    def _applicable(self, answers: Answers | None = None) -> Answers:
        """Answers to questions that apply given the others (a partner only for joint labour)."""
        answers = self.answers if answers is None else answers
        by_name = {q.name: q for q in self.form.questions()}
        return {
            name: value
            for name, value in answers.items()
            if name not in by_name or by_name[name].applies(answers)
        }

    def _walk(self, questions: list[Question], start: int = 0) -> None:
        asked: list[int] = []
        i = start
        while i < len(questions):
            q = questions[i]
            if not q.applies(self.answers):
                i += 1
                continue
            outcome = self._ask(q)
            if outcome is BACK:
                if asked:
                    i = asked.pop()
                elif len(questions) == 1:
                    return
                else:
                    self.prompter.say(i18n.in_lang(self.lang, "This is the first question."))
                continue
            asked.append(i)
            i += 1

    def _ask(self, q: Question) -> object:
        """Ask ``q`` until it gets a valid answer (stored) or ``<`` (returns BACK)."""
        while True:
            default = self.answers.get(q.name)
            if default is None or default == []:
                default = self.form.default(q, self.answers, self.ctx)
            if q.name in self.typed:
                raw = self.typed.pop(q.name).strip()
            else:
                prompt = self._prompt(q, default)
                # The index is read while the person reads the prompt, not while it is drawn.
                self.prompter.shown(self.ctx.warm)
                raw = self.prompter.ask(
                    prompt,
                    candidates=q.candidates(self.ctx),
                    multi=q.multi,
                    hint=q.doc.help(self.lang),
                ).strip()
            if raw == BACK:
                return BACK
            if raw == "" and default is not None and default != []:
                self.answers[q.name] = default
                return None
            try:
                value = q.parse(raw, self.ctx)
            except InvalidAnswer as e:
                self.prompter.say(f"  ✗ {e}")
                continue
            if q.required and (value is None or value == []):
                self.prompter.say("  ✗ " + i18n.in_lang(self.lang, "required"))
                continue
            if not self._accepts(q, value):
                continue
            self.answers[q.name] = value
            return None

    def _accepts(self, q: Question, value: Any) -> bool:
        """Whether the record still passes `check` with this answer (else say why); a date
        long past is confirmed once."""
        if q.name == self.form.dated and isinstance(value, dt.date) and not self._recent(value):
            return False
        if self.probe is None:
            return True
        if self._standing is None:
            # What the flags already break is put right at the end, not blamed on an answer.
            self._standing = self.probe(self._applicable())
        trial = dict(self.answers)
        trial[q.name] = value
        found = self.probe(self._applicable(trial))
        new = [c for c in found if c not in self._standing]
        for _, message in new:
            self.prompter.say(f"  ✗ {message}")
        if new:
            return False
        self._standing = found
        return True

    def _recent(self, day: dt.date) -> bool:
        """True unless ``day`` is more than ``deadlines.backdate_days`` ago and the person,
        asked once, does not confirm it."""
        limit = self.ctx.basis.settings.deadlines.backdate_days
        late = (self.ctx.today - day).days
        if late <= limit:
            return True
        answer = self.prompter.ask(
            i18n.in_lang(
                self.lang,
                "{day} is {late} days ago (more than {limit}); it counts as late. "
                "Keep this date? [y/N] ",
            ).format(day=day, late=late, limit=limit),
            candidates=[],
            multi=False,
            hint="",
        )
        return answer.strip().lower() in ("y", "yes", "是", "确认")

    def _prompt(self, q: Question, default: Any) -> str:
        lines = []
        if q.base == "choice":
            lines.append(
                "  ".join(f"{n} {q.choice_label(v, self.lang)}" for n, v in enumerate(q.choices, 1))
            )
        shown = q.show(default, self.lang)
        if shown and q.ref in ("person", "unit", "partner"):
            shown = f"{shown} {self._name_of(q, default)}".strip()
        lines.append(
            question_line(q.title(self.lang), shown, self.lang, required=q.required, multi=q.multi)
        )
        return "\n".join(lines)

    def _name_of(self, q: Question, value: Any) -> str:
        table = self.ctx.table(q.ref or "person")
        item = table.get(value) if isinstance(value, str) else None
        return f"({item.name})" if item is not None else ""

    def _fix(self, complaints: list[Complaint]) -> None:
        """Show what the record as a whole breaks and re-ask the question it points at
        (also one answered by a flag: the person at the terminal can put it right)."""
        by_name = {q.name: q for q in self.form.questions()}
        for _, message in complaints:
            self.prompter.say(f"  ✗ {message}")
        target = next((by_name[name] for name, _ in complaints if name in by_name), None)
        if target is None:
            raise UserError(
                "; ".join(m for _, m in complaints)
                + i18n.in_lang(self.lang, "; nothing was written")
            )
        # A refused value is no default: the form's own default (or nothing) is offered.
        self.answers.pop(target.name, None)
        self._standing = None
        self._walk([target])

    def _confirmed(self) -> bool:
        """Show every field that will be written, however given; True to save. A number
        re-asks that line, < the last one; anything else is explained and asked again."""
        shown = [q for q in self.form.questions() if q.applies(self.answers)]
        none = i18n.in_lang(self.lang, "(none)")
        self.prompter.say("")
        for n, q in enumerate(shown, 1):
            value = self.answers.get(q.name)
            text = q.show(value, self.lang)
            if q.ref in ("person", "unit", "partner") and not q.multi:
                text = f"{text} {self._name_of(q, value)}".strip()
            self.prompter.say(f"{n:>3}  {q.title(self.lang)}: {text or none}")
        for key, value in self.extra.items():
            if key != "id":
                self.prompter.say(f"     {key}: {value}")
        accepted = i18n.in_lang(
            self.lang,
            "type y to save, n not to, 1–{count} to change that line, or < to go back",
        ).format(count=len(shown))
        while True:
            raw = (
                self.prompter.ask(
                    i18n.in_lang(self.lang, "Save? [Y/n, number = change it, < = back] "),
                    candidates=[],
                    multi=False,
                    hint=accepted,
                )
                .strip()
                .lower()
            )
            if raw in ("", "y", "yes", "是", "好"):
                return True
            if raw in ("n", "no", "否"):
                raise not_saved(self.lang)
            if raw == BACK and shown:
                self._walk([shown[-1]])
                return False
            if raw.isdigit() and 1 <= int(raw) <= len(shown):
                self._walk([shown[int(raw) - 1]])
                return False
            self.prompter.say(f"  ✗ {accepted}")
