"""Where the records tree is and what day it is: what every command needs before anything else.

Kept apart from `loader` (which imports every model) so that finding the tree costs no
imports: a warm `barrier check` answers from its cache without loading a single model.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, RecordsNotFound

SETTINGS_FILE = "barrier.yaml"
DEFAULT_TIMEZONE = "Asia/Shanghai"
_TIMEZONE_LINE = re.compile(
    r"""^timezone:[ ]*(?P<q>["']?)(?P<zone>[A-Za-z0-9_+\-/]{1,64})(?P=q)[ ]*(?:#.*)?\r?$""",
    re.MULTILINE,
)
_LANG_LINE = re.compile(
    r"""^lang:[ ]*(?P<q>["']?)(?P<lang>zh|en)(?P=q)[ ]*(?:#.*)?\r?$""", re.MULTILINE
)


_STRAY_ENDINGS = tuple(
    yaml + extra for yaml in (".yaml", ".yml") for extra in ("", ".orig", ".rej", ".bak", "~")
)


def is_stray(name: str) -> bool:
    """A file name that looks like a record's but is never read as one: ``x.YAML``,
    ``x.yaml.orig`` (a merge's leftover), ``x.yaml~`` (an editor's backup). Warned of, so
    that a record saved under such a name is not silently missing from every count."""
    return not name.endswith((".yaml", ".yml")) and name.lower().endswith(_STRAY_ENDINGS)


def find_records(explicit: Path | None = None, start: Path | None = None) -> Path:
    """``--records DIR``, else ``$BARRIER_RECORDS``, else the nearest ``records/`` upward."""
    if explicit is None and os.environ.get("BARRIER_RECORDS"):
        explicit = Path(os.environ["BARRIER_RECORDS"])
    if explicit is not None:
        if not (explicit / SETTINGS_FILE).is_file():
            raise RecordsNotFound(
                i18n._("{folder}: not a records tree (no {settings})").format(
                    folder=explicit, settings=SETTINGS_FILE
                )
            )
        return explicit
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
        if (folder / "records" / SETTINGS_FILE).is_file():
            return folder / "records"
    raise RecordsNotFound(
        i18n._(
            "no records tree here or above (a 'records/' folder holding barrier.yaml); "
            "use --records DIR or run 'barrier init'"
        )
    )


def today(root: Path | None = None) -> dt.date:
    """Today in the tree's time zone (its ``timezone`` setting, read from ``root``; else
    Asia/Shanghai), or ``$BARRIER_TODAY`` (YYYY-MM-DD) for reproducible runs and tests.

    Not the machine's date: a CI runner on UTC is still on yesterday at 01:00 in Beijing,
    when the night shift records what it found.
    """
    fixed = os.environ.get("BARRIER_TODAY")
    if fixed:
        return _fixed_today(fixed)
    return now().astimezone(_zone(root)).date()


def now() -> dt.datetime:
    """The current moment (aware, UTC); the one clock every "today" is read from."""
    return dt.datetime.now(dt.UTC)


def _fixed_today(text: str) -> dt.date:
    from barrier_cli.core.periods import check_year

    try:
        if len(text) != 10:
            raise ValueError(text)
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            i18n._("BARRIER_TODAY={text!r} is not a date; write YYYY-MM-DD or unset it").format(
                text=text
            )
        ) from None
    check_year(day.year, f"BARRIER_TODAY={text}")
    return day


def _zone(root: Path | None) -> dt.tzinfo:
    """The ``timezone`` of ``root``'s settings; the default when it is unset or not valid
    (``check`` reports a bad one: the date must not fail along with it)."""
    import zoneinfo

    name = timezone_setting(root) if root is not None else None
    try:
        return zoneinfo.ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ValueError, KeyError, OSError):  # KeyError: ZoneInfoNotFoundError
        return zoneinfo.ZoneInfo(DEFAULT_TIMEZONE)


def timezone_setting(root: Path) -> str | None:
    """``timezone`` of ``root/barrier.yaml``, None if unset or unreadable.

    Read by a pattern, not a YAML parser: every command takes today's date first, and a
    warm ``check`` must not pay for loading the parser to learn it. A zone name has no
    characters that YAML would quote or escape.
    """
    try:
        text = (root / SETTINGS_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = _TIMEZONE_LINE.search(text)
    return found.group("zone") if found else None


def lang_setting(root: Path) -> str | None:
    """``lang`` of ``root/barrier.yaml`` by a pattern, as `timezone_setting`: help and the
    findings of a warm ``check`` are said in it before (or without) the settings loading."""
    try:
        text = (root / SETTINGS_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = _LANG_LINE.search(text)
    return found.group("lang") if found else None
