"""A group leader's daily check-in: who of the shift had nothing abnormal, who has a report.

The leader sees the shift on one screen, numbered, and answers one line: the numbers of
those absent, and ``!N`` for a member with something abnormal (their report is entered next,
through `report add`). Everyone else present gets a nil return for the day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.labels import Lang
from barrier_cli.core.models import Org, Person, Roster

_MARK = re.compile(r"^(!?)(\d+)$")


@dataclass(frozen=True)
class Marks:
    """The leader's answer: positions (1-based) absent and abnormal; the rest are nil returns."""

    absent: frozenset[int] = frozenset()
    abnormal: frozenset[int] = frozenset()


def shift_of(org: Org, unit: str, day: dt.date, roster: Roster | None = None) -> list[Person]:
    """The party members of ``unit`` on ``day`` who are not on leave (``roster``)."""
    if unit not in {u.id for u in org.units}:
        raise InvalidInput(i18n._("no unit '{text}' in org.yaml").format(text=unit))
    away = {
        leave.person
        for leave in (roster.leave if roster else [])
        if leave.start <= day <= leave.end
    }
    return [
        p
        for p in org.people
        if p.unit == unit and p.party_member and p.active_on(day) and p.id not in away
    ]


def leader_of(org: Org, unit: str, day: dt.date) -> Person | None:
    """The unit's group leader on ``day``, if it has exactly one."""
    leaders = [
        p for p in org.people if p.unit == unit and "group_leader" in p.roles and p.active_on(day)
    ]
    return leaders[0] if len(leaders) == 1 else None


def parse_marks(text: str, size: int) -> Marks:
    """``"3 !5"`` → 3 absent, 5 abnormal; empty: everyone present, nothing abnormal."""
    absent: set[int] = set()
    abnormal: set[int] = set()
    for word in re.split(r"[\s,，、]+", text.strip()):
        if not word:
            continue
        match = _MARK.match(word)
        if match is None or not 1 <= int(match.group(2)) <= size:
            raise InvalidInput(
                i18n._("'{word}': a number 1-{size}, or !number for abnormal").format(
                    word=word, size=size
                )
            )
        (abnormal if match.group(1) else absent).add(int(match.group(2)))
    return Marks(frozenset(absent), frozenset(abnormal))


def nil_returns_of(shift: Sequence[Person], marks: Marks) -> list[str]:
    """The ids that get a nil return: present and with nothing abnormal."""
    skip = marks.absent | marks.abnormal
    return [p.id for n, p in enumerate(shift, start=1) if n not in skip]


def screen(unit_name: str, day: dt.date, shift: Sequence[Person], lang: Lang) -> list[str]:
    """The check-in screen: a heading, one line per member, and what to type."""
    head = i18n.in_lang(lang, "{unit} {day}: nothing abnormal today ({count} people)").format(
        unit=unit_name, day=day, count=len(shift)
    )
    tail = i18n.in_lang(
        lang, "Type numbers of the absent, !number for abnormal (a report follows); Enter saves"
    )
    rows = [f"{n:>3}  {p.name} ({p.id})" for n, p in enumerate(shift, start=1)]
    return [head, *rows, tail]


__all__ = ["Marks", "leader_of", "nil_returns_of", "parse_marks", "screen", "shift_of"]
