"""A line read from the terminal without prompt_toolkit, for the moment it takes to load.

It draws the prompt, echoes what is typed (Backspace and Ctrl-U edit it; arrows and other
escape sequences are ignored) and returns either the whole line, when Enter comes first,
or what was typed so far, once ``loaded`` is set and no key is waiting: prompt_toolkit then
takes the line over. Ctrl-C interrupts as at any prompt, Ctrl-D on an empty line too.
The terminal's own mode is restored before anything else reads from it.

Ctrl-C is read as a key here, as prompt_toolkit reads it, not left to the terminal to turn
into SIGINT: a process started with SIGINT ignored (a kiosk launcher's ``trap '' INT``, a
job put in the background by a script) would otherwise drop it, and the person would see
nothing happen.
"""

from __future__ import annotations

import codecs
import os
import select
import sys
import threading
import unicodedata
from collections.abc import Callable
from typing import NamedTuple, TextIO

POLL = 0.02
"""Seconds between looks at ``loaded`` while nothing is typed."""
_ERASE = ("\x7f", "\b")
_KILL_LINE = "\x15"
_EOF = "\x04"
_INTERRUPT = "\x03"


class Line(NamedTuple):
    text: str
    done: bool
    """Whether Enter ended the line (else it is handed over unfinished)."""


def read_line(prompt: str, loaded: threading.Event, start: Callable[[], None]) -> Line | None:
    """The line typed after ``prompt``; ``start`` is called once the prompt is drawn.
    None (and ``start`` not called) where the terminal's mode cannot be set."""
    try:
        import termios
    except ImportError:  # not a POSIX terminal: prompt_toolkit alone
        return None
    fd = sys.stdin.fileno()
    try:
        saved = termios.tcgetattr(fd)
        mode = [*saved[:6], list(saved[6])]
        mode[3] = saved[3] & ~(termios.ICANON | termios.ECHO | termios.ISIG)
        mode[6][termios.VMIN] = 1
        mode[6][termios.VTIME] = 0
        termios.tcsetattr(fd, termios.TCSANOW, mode)
    except (termios.error, OSError):
        return None
    out = sys.stdout
    try:
        out.write(prompt)
        out.flush()
        start()
        return _edit(fd, loaded, out)
    finally:
        # TCSANOW: keys typed meanwhile stay queued for prompt_toolkit
        termios.tcsetattr(fd, termios.TCSANOW, saved)
        out.flush()


def _edit(fd: int, loaded: threading.Event, out: TextIO) -> Line:
    write, flush = out.write, out.flush
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    text: list[str] = []
    escape = 0  # 1: after ESC; 2: inside a CSI/SS3 sequence, until its final character
    while True:
        waiting, _, _ = select.select([fd], [], [], 0 if loaded.is_set() else POLL)
        if not waiting:
            if loaded.is_set() and not escape:
                write("\r\x1b[K")  # prompt_toolkit draws the prompt and the text again
                flush()
                return Line("".join(text), done=False)
            continue
        chunk = os.read(fd, 1024)
        if not chunk:
            raise KeyboardInterrupt
        for char in decoder.decode(chunk):
            if escape == 1:
                escape = 2 if char in "[O" else 0
            elif escape == 2:
                escape = 0 if "\x40" <= char <= "\x7e" else 2
            elif char == "\x1b":
                escape = 1
            elif char in "\r\n":
                write("\n")
                flush()
                return Line("".join(text), done=True)
            elif char in _ERASE:
                if text:
                    write("\b \b" * _width(text.pop()))
            elif char == _KILL_LINE:
                write("".join("\b \b" * _width(c) for c in text))
                text.clear()
            elif char == _INTERRUPT:
                raise KeyboardInterrupt
            elif char == _EOF:
                if not text:
                    raise KeyboardInterrupt
            elif char >= " ":
                text.append(char)
                write(char)
        flush()


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1
