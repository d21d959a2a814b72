"""The record models: the one source of truth for validation, JSON Schema and prompts.

Each model is imported when first asked for (PEP 562): building a pydantic model costs
milliseconds, and a command that handles one record of one kind (`report add`) should not
build the models of the fifteen others.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from barrier_cli.core.models.assessment import Assessment
    from barrier_cli.core.models.common import Action, Problem
    from barrier_cli.core.models.competence import Competence
    from barrier_cli.core.models.hazard import Hazard, HazardLog
    from barrier_cli.core.models.incident import Incident
    from barrier_cli.core.models.keyperson import KeyPerson
    from barrier_cli.core.models.notice import NoticeEntry
    from barrier_cli.core.models.org import Org, Partner, Person, Unit
    from barrier_cli.core.models.pairing import Pairing
    from barrier_cli.core.models.priority import Priorities
    from barrier_cli.core.models.report import Report
    from barrier_cli.core.models.returns import NilReturns
    from barrier_cli.core.models.reward import Reward
    from barrier_cli.core.models.roster import Roster
    from barrier_cli.core.models.roundup import Roundup
    from barrier_cli.core.models.settings import Settings
    from barrier_cli.core.models.standard import Standard


def _without_pydantic_plugins() -> None:
    """Tell pydantic there are no plugins before it looks for them.

    The first model built would otherwise import `importlib.metadata` and read the entry
    points of every installed distribution (18 ms, three times the cost of building the
    Report model, on a `report add` that must stay within twice its `--help`). Plugins only
    observe validation; none is part of barrier. Where pydantic already looked, nothing
    changes.
    """
    name = "pydantic.plugin._loader"
    if name not in sys.modules:
        loader = types.ModuleType(name, "barrier: pydantic plugins are not looked for")
        loader.get_plugins = tuple  # type: ignore[attr-defined]
        sys.modules[name] = loader


_without_pydantic_plugins()

_MODULE_OF = {
    "Action": "common",
    "Assessment": "assessment",
    "Competence": "competence",
    "Hazard": "hazard",
    "HazardLog": "hazard",
    "Incident": "incident",
    "KeyPerson": "keyperson",
    "NilReturns": "returns",
    "NoticeEntry": "notice",
    "Org": "org",
    "Pairing": "pairing",
    "Partner": "org",
    "Person": "org",
    "Priorities": "priority",
    "Problem": "common",
    "Report": "report",
    "Reward": "reward",
    "Roster": "roster",
    "Roundup": "roundup",
    "Settings": "settings",
    "Standard": "standard",
    "Unit": "org",
}

__all__ = [
    "Action",
    "Assessment",
    "Competence",
    "Hazard",
    "HazardLog",
    "Incident",
    "KeyPerson",
    "NilReturns",
    "NoticeEntry",
    "Org",
    "Pairing",
    "Partner",
    "Person",
    "Priorities",
    "Problem",
    "Report",
    "Reward",
    "Roster",
    "Roundup",
    "Settings",
    "Standard",
    "Unit",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once: later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


def exported_name(value: object) -> str | None:
    """The name this package exports ``value``'s model under, or None if it exports none.

    Dispatch on a record's model by this name, not by ``isinstance`` against every model:
    the test would import them all. Only the record's own model is looked up, and it is
    already imported. Asked for every record of a tree: the answer is kept per class.
    """
    cls = type(value)
    try:
        return _NAME_OF[cls]
    except KeyError:
        name = cls.__name__
        found = name if name in _MODULE_OF and __getattr__(name) is cls else None
        _NAME_OF[cls] = found
        return found


_NAME_OF: dict[type, str | None] = {}
