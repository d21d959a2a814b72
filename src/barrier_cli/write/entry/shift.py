"""The shared terminal of a shift (`barrier terminal`): one person after another.

The start screen asks who is reporting (id, name, pinyin or initials: ``zcx``); that person
then gives a nil return (今日无异常) or a report, in a few keystrokes, and the screen is the
start screen again for the next one. Each person gets a new prompter and a fresh entry
context: no answer, history line or remembered default of one person is offered to the
next. A prompt left alone for the idle time (``Idle``) or Ctrl-C during a person's turn drops
that turn, writing nothing, and goes back to the start screen; ``q`` there ends the shift,
Ctrl-C or Ctrl-D there close the terminal as interrupted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from barrier_cli.core import i18n
from barrier_cli.core.errors import UserError
from barrier_cli.core.labels import Lang
from barrier_cli.core.lookup import NotFound
from barrier_cli.io.gitio import commit_file
from barrier_cli.io.index import basis
from barrier_cli.io.loader import today
from barrier_cli.io.returns import add_nil_returns
from barrier_cli.write.entry.add import add_record
from barrier_cli.write.entry.context import EntryContext
from barrier_cli.write.entry.questions import Offered
from barrier_cli.write.entry.session import Cancelled, Idle, NotSaved, Prompter, cancelled

QUIT = frozenset({"q", "quit", "exit", "退出"})
NIL, REPORT = "1", "2"


@dataclass
class Shift:
    """What the terminal wrote in one run, for the closing line."""

    reports: list[str] = field(default_factory=list)
    nil_returns: list[str] = field(default_factory=list)


def run_shift(
    *,
    root: Path,
    lang: Lang | None,
    new_prompter: Callable[[], Prompter],
    commit: bool = False,
) -> Shift:
    """Serve people until ``q`` at the start screen; Ctrl-C there raises Cancelled."""
    shift = Shift()
    while True:
        prompter = new_prompter()
        known = basis(root)
        ctx = EntryContext(known, today(root), lang or known.settings.lang, remembered={})
        try:
            person = _who(prompter, ctx)
        except KeyboardInterrupt:
            raise Cancelled(
                i18n.in_lang(ctx.lang, "terminal closed (what was saved stays saved)")
            ) from None
        except Idle:
            continue
        if person is None:
            prompter.say(
                i18n.in_lang(
                    ctx.lang, "this shift: {reports} report(s), {returns} nil return(s)"
                ).format(reports=len(shift.reports), returns=len(shift.nil_returns))
            )
            return shift
        try:
            _turn(root, person, prompter, ctx, shift, commit=commit)
        except (NotSaved, Cancelled) as e:
            prompter.say(str(e))
        except KeyboardInterrupt:
            prompter.say(str(cancelled(ctx.lang)))
        except Idle:
            prompter.say(i18n.in_lang(ctx.lang, "idle too long; nothing was written"))
        except UserError as e:
            prompter.say(f"✗ {e}")


def _who(prompter: Prompter, ctx: EntryContext) -> str | None:
    """The person at the terminal, or None to end the shift."""
    people = ctx.lookup("person")
    prompter.say("")
    prompter.say(
        i18n.in_lang(ctx.lang, "── {organisation} safety terminal · {day} ──").format(
            organisation=ctx.basis.settings.organisation, day=ctx.today
        )
    )
    while True:
        raw = prompter.ask(
            i18n.in_lang(ctx.lang, "Who are you? "),
            candidates=Offered(people),
            multi=False,
            hint=i18n.in_lang(
                ctx.lang, "id, name, pinyin or initials (zcx); Tab completes; q ends the shift"
            ),
        ).strip()
        if raw.casefold() in QUIT:
            return None
        if not raw:
            continue
        try:
            return people.resolve(raw, ctx.lang)
        except NotFound as e:
            prompter.say(f"  ✗ {e}")


def _turn(
    root: Path,
    person: str,
    prompter: Prompter,
    ctx: EntryContext,
    shift: Shift,
    *,
    commit: bool,
) -> None:
    entry = ctx.lookup("person").entries[person]
    prompter.say(f"  {entry.name}（{entry.detail}）")
    while True:
        raw = prompter.ask(
            i18n.in_lang(ctx.lang, "1 nothing to report  2 a report: "),
            candidates=[],
            multi=False,
            hint=i18n.in_lang(ctx.lang, "< someone else"),
        ).strip()
        if raw == "<":
            return
        if raw in (NIL, REPORT):
            break
        prompter.say("  ✗ " + i18n.in_lang(ctx.lang, "type 1 or 2"))
    if raw == NIL:
        [path] = add_nil_returns(root, [person], ctx.today, today=ctx.today)
        if commit:
            rel = path.relative_to(root).as_posix()
            commit_file(root, rel, f"returns {person} {ctx.today}: 今日无异常")
        shift.nil_returns.append(person)
        prompter.say(
            i18n.in_lang(ctx.lang, "✓ recorded: {name} {day}, nothing to report").format(
                name=entry.name, day=ctx.today
            )
        )
        return
    added = add_record(
        root=root,
        kind="report",
        flags={"reporter": person},
        prompter=prompter,
        commit=commit,
        ctx=ctx,
    )
    shift.reports.append(added.id)
    prompter.say(i18n.in_lang(ctx.lang, "✓ saved: {id} {path}").format(id=added.id, path=added.rel))
