"""Whether output is coloured: ``--color never|auto|always``, else ``NO_COLOR``, else a terminal.

Every rich console of barrier is made by `console` so the choice holds everywhere.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Literal, TextIO

if TYPE_CHECKING:
    from rich.console import Console

Choice = Literal["never", "auto", "always"]

_choice: Choice = "auto"


def use(choice: Choice) -> None:
    """Set the run's choice (``--color``); "auto" restores the default."""
    global _choice
    _choice = choice


def choice() -> Choice:
    return _choice


def enabled(stream: TextIO | None = None) -> bool:
    if _choice != "auto":
        return _choice == "always"
    # https://no-color.org: any non-empty value turns colour off.
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream if stream is not None else sys.stdout
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def console(*, stderr: bool = False, **options: Any) -> Console:
    """A rich console for standard output (or error) that follows the run's colour choice."""
    from rich.console import Console

    color = enabled(sys.stderr if stderr else sys.stdout)
    return Console(
        stderr=stderr,
        no_color=not color,
        # "never" writes no escape at all, bold and dim included
        color_system="auto" if color else None,
        force_terminal=True if _choice == "always" else None,
        highlight=False,
        **options,
    )
