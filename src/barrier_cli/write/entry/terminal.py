"""The prompter for a real terminal, on prompt_toolkit: completion, history, help line.

prompt_toolkit needs a terminal on both ends; the CLI only builds this prompter when stdin
and stdout are ttys and otherwise runs without prompts.

prompt_toolkit and asyncio cost most of a `--help` to import. The first question (a date
whose default is today, `early`) is therefore drawn and read by a plain line reader
(`plainline`) while a background thread imports them; as soon as they are loaded the line
is handed over, what was typed so far kept, and drawn again by prompt_toolkit with its help
line. A person has rarely typed a key by then.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from barrier_cli.write.entry import plainline
from barrier_cli.write.entry.session import Idle

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession

    from barrier_cli.write.entry.ptk import Candidates


class TerminalPrompter:
    """One person's prompts: a new one per person keeps history and completion their own.

    With ``idle`` seconds, a prompt nobody types at for that long raises ``Idle``.
    """

    def __init__(self, idle: float | None = None) -> None:
        self._idle = idle
        self._built: tuple[PromptSession[str], Candidates] | None = None
        self._loader: threading.Thread | None = None
        self._clocks: list[Callable[[object], None]] = []
        self._then: list[Callable[[], None]] = []

    def say(self, text: str) -> None:
        print(text, flush=True)

    def shown(self, then: Callable[[], None]) -> None:
        self._then.append(then)

    def ask(self, prompt: str, *, candidates: list[tuple[str, str]], multi: bool, hint: str) -> str:
        *above, last = prompt.split("\n")
        for line in above:
            print(line, flush=True)
        typed = ""
        if self._built is None and self._loader is None and self._idle is None and not candidates:
            loaded = threading.Event()
            early = plainline.read_line(last, loaded, lambda: self._load(loaded))
            if early is not None and early.done:
                return early.text
            typed = early.text if early is not None else ""
        session, completer = self._session()
        completer.items = candidates
        completer.multi = multi
        try:
            return session.prompt(
                last, default=typed, bottom_toolbar=hint or None, pre_run=self._pre_run
            )
        except EOFError:
            raise KeyboardInterrupt from None
        finally:
            # The clock belongs to this prompt's event loop, which has ended.
            for handler in self._clocks:
                session.default_buffer.on_text_changed -= handler
            self._clocks.clear()

    def _load(self, loaded: threading.Event) -> None:
        """Import prompt_toolkit in the background, then start what waits for the first
        prompt to be shown (the tree's index): one after the other, in one thread, so that
        two threads never import at once."""
        then, self._then = self._then, []

        def run() -> None:
            try:
                import barrier_cli.write.entry.ptk  # noqa: F401
            except BaseException:  # imported again where it is used, and raised there
                pass
            finally:
                loaded.set()
            for call in then:
                call()

        self._loader = threading.Thread(target=run, daemon=True)
        self._loader.start()

    def _session(self) -> tuple[PromptSession[str], Candidates]:
        if self._built is None:
            if self._loader is not None:
                self._loader.join()
            from barrier_cli.write.entry.ptk import Candidates, new_session

            completer = Candidates()
            self._built = new_session(completer), completer
        return self._built

    def _pre_run(self) -> None:
        """Before the first draw: what waits for the prompt to be shown runs after it (the
        loop's next turn), and the idle clock starts."""
        import asyncio  # loaded with prompt_toolkit, which runs this

        loop = asyncio.get_running_loop()
        for then in self._then:
            loop.call_soon(then)
        self._then.clear()
        if self._idle:
            self._arm()

    def _arm(self) -> None:
        """Start the idle clock; every change of the line starts it again."""
        import asyncio

        session, _ = self._session()
        app = session.app
        loop = asyncio.get_running_loop()
        timer: list[asyncio.TimerHandle] = []

        def restart(_: object = None) -> None:
            if timer:
                timer.pop().cancel()
            timer.append(loop.call_later(self._idle or 0, lambda: app.exit(exception=Idle())))

        session.default_buffer.on_text_changed += restart
        self._clocks.append(restart)
        restart()
