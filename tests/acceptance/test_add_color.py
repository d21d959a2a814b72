"""`--color` and NO_COLOR at the prompts of `report add`, in a real terminal (issue 16).

The completion menu is where prompt_toolkit colours: its entries have a background colour.
Each test opens the menu at the reporter question with Tab and reads what was drawn.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pexpect
import pytest
from entry_helpers import copy_tree, env

from cli_helpers import spawn

SGR = re.compile(r"\x1b\[([0-9;]*)m")
COLOUR = re.compile(r"^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$")
"""SGR parameters that choose a colour (foreground, background, 256-colour, bright)."""


def _colours(drawn: str) -> list[str]:
    return [seq for seq in SGR.findall(drawn) if any(COLOUR.match(part) for part in seq.split(";"))]


def _menu(tmp_path: Path, *options: str, **extra: str) -> str:
    """Everything the terminal was sent, up to the reporter question's completion menu."""
    root = copy_tree(tmp_path)
    child = spawn(root, *options, "report", "add", env=env(tmp_path, **extra))
    drawn = io.StringIO()
    child.logfile_read = drawn
    child.expect("发现日期")
    child.send("\r")
    child.expect("报送人")
    child.send("\t")
    child.expect("张三")  # a person offered in the menu, with their name
    child.expect(pexpect.TIMEOUT, timeout=0.5)  # what the redraw still sends
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    return drawn.getvalue()


def test_prompts_are_coloured_at_a_terminal_by_default(tmp_path: Path) -> None:
    assert _colours(_menu(tmp_path))


@pytest.mark.parametrize(
    ("options", "extra"),
    [(["--color", "never"], {}), ([], {"NO_COLOR": "1"})],
    ids=["--color never", "NO_COLOR"],
)
def test_no_colour_at_the_prompts(
    tmp_path: Path, options: list[str], extra: dict[str, str]
) -> None:
    drawn = _menu(tmp_path, *options, **extra)
    assert "张三" in drawn
    assert _colours(drawn) == []


def test_color_always_wins_over_no_color(tmp_path: Path) -> None:
    drawn = _menu(tmp_path, "--color", "always", NO_COLOR="1")
    assert _colours(drawn)
