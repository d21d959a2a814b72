"""What one template render may spend, and how a render fails: shared by the templating entry
and the sandbox it renders in."""

from __future__ import annotations

import os
from dataclasses import dataclass

from barrier_cli.core import i18n
from barrier_cli.core.errors import UserError

CPU_ENV = "BARRIER_TEMPLATE_CPU_SECONDS"
"""Overrides the CPU budget of a render (tests lower it to stay fast)."""


@dataclass(frozen=True)
class Budget:
    """What one render may use; past any of it the render stops with one line."""

    cpu_seconds: float = 5.0
    """CPU time of the rendering thread."""
    output_chars: int = 20_000_000
    """Characters of the rendered document."""
    value_chars: int = 10_000_000
    """Characters (or items) of any one value a template builds, and any number it passes."""
    template_bytes: int = 1_000_000
    """Size of one template file."""
    int_bits: int = 100_000
    """The largest integer a template may make with ``*``, ``+`` or ``**`` (30,000 digits)."""

    @classmethod
    def from_env(cls) -> Budget:
        raw = os.environ.get(CPU_ENV)
        if raw is None:
            return cls()
        try:
            seconds = float(raw)
        except ValueError:
            seconds = -1.0
        if not 0 < seconds < float("inf"):
            raise UserError(
                i18n._("${env} is {raw!r}; expected a positive number of seconds").format(
                    env=CPU_ENV, raw=raw
                )
            )
        return cls(cpu_seconds=seconds)


class TemplateFailed(UserError):
    """A template could not be rendered."""


class TemplateRefused(TemplateFailed):
    """A template would be read from outside the templates folders, or is not a plain file."""
