"""The parts of the terminal prompter that are prompt_toolkit's: its session, completer and
colours. Imported when a prompt needs them (`terminal.TerminalPrompter`): prompt_toolkit and
asyncio cost most of a `--help`, and the first question is up before they are loaded.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.output import ColorDepth

from barrier_cli.core import color
from barrier_cli.write.entry.questions import Offered

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


def color_depth() -> ColorDepth | None:
    """The run's colour choice for prompt_toolkit, which on its own knows only NO_COLOR:
    ``--color never`` gives monochrome, ``--color always`` colours whatever NO_COLOR or
    TERM say, and otherwise prompt_toolkit decides from the terminal (None)."""
    if not color.enabled(sys.stdout):
        return ColorDepth.DEPTH_1_BIT
    if color.choice() == "always":
        return ColorDepth.DEPTH_8_BIT
    return None


def new_session(completer: Candidates) -> PromptSession[str]:
    return PromptSession(completer=completer, color_depth=color_depth())
