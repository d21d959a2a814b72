"""The optional parts of barrier: the base install (what the pre-commit hook gets) checks,
formats and adds records; analysis and exports need libraries it leaves out.

A command that needs one asks for it here first, so a missing library is one line naming
the extra to install (exit 1), not an ImportError's traceback (exit 3).
"""

from __future__ import annotations

import importlib.util

from barrier_cli.core import i18n
from barrier_cli.core.errors import UserError

DISTRIBUTION = "barrier-cli"

EXTRA_OF = {
    "pandas": "analysis",
    "pyarrow": "export",
    "openpyxl": "export",
    "duckdb": "bureau",
    "weasyprint": "office",
    "docx": "office",
    "docxtpl": "office",
    "markdown_it": "office",
}
"""Each optional library and the extra of pyproject.toml that brings it."""


class MissingExtra(UserError):
    """A library of an extra is not installed."""


def require(*modules: str, purpose: str) -> None:
    """Raise MissingExtra naming the extra to install if any of ``modules`` is missing.

    ``find_spec`` looks the module up without importing it: the check costs no start-up.
    """
    for module in modules:
        if importlib.util.find_spec(module) is None:
            extra = EXTRA_OF[module]
            raise MissingExtra(
                i18n._(
                    "{purpose} needs {module}, which the base install leaves out: "
                    "pip install '{distribution}[{extra}]' (or '{distribution}[all]')"
                ).format(
                    purpose=i18n._(purpose), module=module, distribution=DISTRIBUTION, extra=extra
                )
            )
