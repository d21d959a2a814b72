"""The prompter for a real terminal, on prompt_toolkit: completion, history, help line.

prompt_toolkit needs a terminal on both ends; the CLI only builds this prompter when stdin
and stdout are ttys and otherwise runs without prompts.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Callable, Iterable

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.output import ColorDepth

from barrier_cli.core import color
from barrier_cli.write.entry.questions import Offered
from barrier_cli.write.entry.session import Idle

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


class TerminalPrompter:
    """One person's prompts: a new one per person keeps history and completion their own.

    With ``idle`` seconds, a prompt nobody types at for that long raises ``Idle``.
    """

    def __init__(self, idle: float | None = None) -> None:
        self._completer = Candidates()
        self._session: PromptSession[str] = PromptSession(
            completer=self._completer, color_depth=color_depth()
        )
        self._idle = idle
        self._clocks: list[Callable[[object], None]] = []
        self._then: list[Callable[[], None]] = []

    def say(self, text: str) -> None:
        print(text, flush=True)

    def shown(self, then: Callable[[], None]) -> None:
        self._then.append(then)

    def ask(self, prompt: str, *, candidates: list[tuple[str, str]], multi: bool, hint: str) -> str:
        self._completer.items = candidates
        self._completer.multi = multi
        *above, last = prompt.split("\n")
        for line in above:
            print(line, flush=True)
        try:
            return self._session.prompt(last, bottom_toolbar=hint or None, pre_run=self._pre_run)
        except EOFError:
            raise KeyboardInterrupt from None
        finally:
            # The clock belongs to this prompt's event loop, which has ended.
            for handler in self._clocks:
                self._session.default_buffer.on_text_changed -= handler
            self._clocks.clear()

    def _pre_run(self) -> None:
        """Before the first draw: what waits for the prompt to be shown runs after it (the
        loop's next turn), and the idle clock starts."""
        loop = asyncio.get_running_loop()
        for then in self._then:
            loop.call_soon(then)
        self._then.clear()
        if self._idle:
            self._arm()

    def _arm(self) -> None:
        """Start the idle clock; every change of the line starts it again."""
        app = self._session.app
        loop = asyncio.get_running_loop()
        timer: list[asyncio.TimerHandle] = []

        def restart(_: object = None) -> None:
            if timer:
                timer.pop().cancel()
            timer.append(loop.call_later(self._idle or 0, lambda: app.exit(exception=Idle())))

        self._session.default_buffer.on_text_changed += restart
        self._clocks.append(restart)
        restart()
