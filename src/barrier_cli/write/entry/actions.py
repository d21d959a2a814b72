"""`action done` at the terminal: which open action is meant, and who verified it.

Actions and measures are numbered from 1 here as everywhere a person types them (``ID/N``):
the list, the prompt and its complaints use the same numbers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.labels import Lang
from barrier_cli.core.lookup import Lookup, NotFound
from barrier_cli.core.models import Action, Org
from barrier_cli.core.models.settings import Settings
from barrier_cli.io.loader import read_file
from barrier_cli.write.edit import Choose, Edited, mark_done
from barrier_cli.write.entry.session import Prompter, cancelled

M = TypeVar("M", Org, Settings)


def done(
    *,
    root: Path,
    ref: str,
    day: dt.date | None,
    verified_by: str | None,
    lang: Lang | None,
    prompter: Prompter | None,
) -> Edited:
    """Mark ``ref`` done; ``verified_by`` may be an id, a name, pinyin or initials."""
    org = _read(root, "org.yaml", Org)
    lang = lang or _read(root, "barrier.yaml", Settings).lang
    people = Lookup.of(org, "person")
    if verified_by is not None:
        try:
            verified_by = people.resolve(verified_by, lang)
        except NotFound as e:
            raise InvalidInput(f"--verified-by: {e}") from None
    choose = chooser(prompter, people, lang) if prompter is not None else None
    return mark_done(root=root, ref=ref, day=day, verified_by=verified_by, choose=choose)


def _read(root: Path, rel: str, model: type[M]) -> M:
    """The tree's org or settings, or the empty default (`check` reports a broken file)."""
    record = read_file(root, rel).record
    return record if isinstance(record, model) else model()


def chooser(prompter: Prompter, people: Lookup, lang: Lang) -> Choose:
    """Lists the open actions (number, text, owner, due) and asks for one of their numbers."""

    def choose(pending: list[tuple[int, Action]]) -> int:
        numbers = [n for n, _ in pending]
        for n, action in pending:
            prompter.say(
                f"{n:>3}  {action.action}  ({_owner(action, people)}, {action.due or '?'})"
            )
        listed = "、".join(map(str, numbers)) if lang == "zh" else ", ".join(map(str, numbers))
        prompt = i18n.in_lang(lang, "Which one is done ({listed})? ").format(listed=listed)
        try:
            while True:
                answer = prompter.ask(prompt, candidates=[], multi=False, hint="").strip()
                if answer.isdigit() and int(answer) in numbers:
                    return int(answer)
                prompter.say(
                    "  ✗ "
                    + i18n.in_lang(lang, "'{answer}' is not an open one; type {listed}").format(
                        answer=answer, listed=listed
                    )
                )
        except KeyboardInterrupt:
            raise cancelled(lang) from None

    return choose


def _owner(action: Action, people: Lookup) -> str:
    if action.owner is None:
        return "?"
    entry = people.entries.get(action.owner)
    return f"{entry.name} {action.owner}" if entry is not None else action.owner
