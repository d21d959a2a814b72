"""The first question of an entry, on the screen before the record models are loaded.

Building the forms means building every pydantic record model, a tenth of a second and
more than the rest of `report add`'s start. For the kinds whose first question is a date
that defaults to today, it needs nothing of that: its title and help are data
(`fielddocs.FIELDS`) and its default is today. So it is drawn from this description, and
the models, the checker and the tree's index are loaded in the background while the person
reads and types (``EntryContext.warm``). What was typed is then the session's answer to the
real question, parsed and checked by the same rules as every other answer (``Session.typed``).

A test holds each description equal to the question the form builds from its model.
"""

from __future__ import annotations

from dataclasses import dataclass

from barrier_cli.core.fielddocs import FIELDS
from barrier_cli.write.entry.context import EntryContext
from barrier_cli.write.entry.session import Prompter, cancelled, intro, question_line

FIRST: dict[str, tuple[str, str]] = {
    "report": ("Report", "date"),
    "incident": ("Incident", "date"),
}
"""Kind → (its model's name, its first question): a required date whose default is today."""


@dataclass(frozen=True)
class Early:
    name: str
    prompt: str
    hint: str


def early_question(kind: str, given: set[str], ctx: EntryContext) -> Early | None:
    """The first question of ``kind`` as data, unless it is not one of these or was given."""
    found = FIRST.get(kind)
    if found is None or found[1] in given:
        return None
    model, name = found
    doc = FIELDS[model][name]
    line = question_line(doc.title(ctx.lang), str(ctx.today), ctx.lang, required=True, multi=False)
    return Early(name, line, doc.help(ctx.lang))


def ask_first(kind: str, given: set[str], ctx: EntryContext, prompter: Prompter) -> dict[str, str]:
    """Ask the first question before the session exists: {its name: what was typed}, or
    nothing when it cannot be asked early. The tree is read in the background meanwhile."""
    early = early_question(kind, given, ctx)
    if early is None:
        return {}
    prompter.say(intro(ctx.lang))
    prompter.shown(ctx.warm)
    try:
        typed = prompter.ask(early.prompt, candidates=[], multi=False, hint=early.hint)
    except KeyboardInterrupt:
        raise cancelled(ctx.lang) from None
    return {early.name: typed}
