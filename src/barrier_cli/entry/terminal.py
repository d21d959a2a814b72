"""The prompter for a real terminal, on prompt_toolkit: completion, history, help line.

prompt_toolkit needs a terminal on both ends; the CLI only builds this prompter when stdin
and stdout are ttys and otherwise runs without prompts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from barrier_cli.entry.questions import Offered

_LAST_ITEM = re.compile(r"[^,，、;；\s]*$")


class Candidates(Completer):
    """Completes the word being typed (the last item of a list) from (text, meta) pairs."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.multi = False

    def get_completions(self, document: Document, event: CompleteEvent) -> Iterable[Completion]:
        before = document.text_before_cursor
        word = _LAST_ITEM.search(before).group(0) if self.multi else before  # type: ignore[union-attr]
        if isinstance(self.items, Offered):
            for text, meta in self.items.for_word(word):
                yield Completion(text, start_position=-len(word), display_meta=meta)
            return
        low = word.casefold()
        for text, meta in self.items:
            if text.casefold().startswith(low) or (low and low in meta.casefold()):
                yield Completion(text, start_position=-len(word), display_meta=meta)


class TerminalPrompter:
    def __init__(self) -> None:
        self._completer = Candidates()
        self._session: PromptSession[str] = PromptSession(completer=self._completer)

    def say(self, text: str) -> None:
        print(text, flush=True)

    def ask(self, prompt: str, *, candidates: list[tuple[str, str]], multi: bool, hint: str) -> str:
        self._completer.items = candidates
        self._completer.multi = multi
        *above, last = prompt.split("\n")
        for line in above:
            print(line, flush=True)
        try:
            return self._session.prompt(last, bottom_toolbar=hint or None)
        except EOFError:
            raise KeyboardInterrupt from None
