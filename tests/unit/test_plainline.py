"""The first line read without prompt_toolkit (`plainline`), at a real pseudo-terminal."""

from __future__ import annotations

import sys

import pexpect
import pytest

SCRIPT = """
import signal, sys, threading
from barrier_cli.write.entry.plainline import read_line
if sys.argv[2] == "ignored":
    signal.signal(signal.SIGINT, signal.SIG_IGN)
loaded = threading.Event()
after = float(sys.argv[1])
def start():
    print("[started]", end="", flush=True)
    if after >= 0:
        threading.Timer(after, loaded.set).start()
try:
    line = read_line("日期 [2026-11-24]: ", loaded, start)
except KeyboardInterrupt:
    print("[interrupted]")
else:
    print(f"[{line.text}|{line.done}|{'prompt_toolkit' in sys.modules}]")
"""


def _spawn(loaded_after: float = -1.0, sigint: str = "default") -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable, ["-c", SCRIPT, str(loaded_after), sigint], encoding="utf-8", timeout=30
    )
    child.expect(r"日期 \[2026-11-24\]: \[started\]")
    return child


@pytest.mark.parametrize(
    ("typed", "line"),
    [
        ("2026-11-2X\x7f3\r", "2026-11-23"),
        ("12\x1b[D\x1bOA3\r", "123"),  # arrows are not editing here: ignored
        ("北京\x7f\x7f上海\r", "上海"),
        ("junk\x15today\r", "today"),
        ("\r", ""),
    ],
)
def test_a_line_ended_by_enter_is_taken_as_typed(typed: str, line: str) -> None:
    child = _spawn()
    child.send(typed)
    child.expect(r"\[(.*)\|(\w+)\|(\w+)\]")
    assert child.match.groups() == (line, "True", "False")
    child.expect(pexpect.EOF)


def test_once_loaded_the_unfinished_line_is_handed_over() -> None:
    child = _spawn(loaded_after=1.0)
    child.send("2026")
    child.expect(r"\r\x1b\[K\[(.*)\|(\w+)\|")  # the line cleared for prompt_toolkit to draw
    assert child.match.groups() == ("2026", "False")
    child.expect(pexpect.EOF)


@pytest.mark.parametrize("key", ["\x03", "\x04"], ids=["Ctrl-C", "Ctrl-D"])
def test_ctrl_c_and_ctrl_d_on_an_empty_line_interrupt(key: str) -> None:
    child = _spawn()
    child.send(key)
    child.expect(r"\[interrupted\]")
    child.expect(pexpect.EOF)


@pytest.mark.parametrize("typed", ["", "2026-11"], ids=["empty", "half typed"])
def test_ctrl_c_interrupts_even_where_sigint_is_ignored(typed: str) -> None:
    """A launcher may start the terminal with SIGINT ignored; Ctrl-C is still a key here."""
    child = _spawn(sigint="ignored")
    child.send(typed)
    child.sendintr()
    child.expect(r"\[interrupted\]")
    child.expect(pexpect.EOF)
