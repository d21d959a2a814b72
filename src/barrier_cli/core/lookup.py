"""Finding a person, unit or partner in org.yaml from what someone typed: the one resolver.

Every flag (``--reporter``, ``--owner``, ``--verified-by`` …), every prompt, ``--from``
input and Tab completion go through ``Lookup``, so a name accepted in one place is accepted
in all. Accepted, in this order (the first kind that matches anything wins): the id, the
name, the name's pinyin in full (``zhuchunxiang``) or as initials (``zcx``), and a
beginning of the pinyin or of the id (``zhuchunx``). Several matches are an ambiguity that
lists the candidates, never a guess.

pypinyin costs about a tenth of a second to import, so it is loaded only when typed text is
not an id or a name: adding a record by ids, and `check`, never load it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.models.org import Org
from barrier_cli.core.models.report import Report
from barrier_cli.core.periods import Month

Table = Literal["person", "unit", "partner"]
_LATIN = re.compile(r"[a-z][a-z0-9_\-']*")


def _several(table: str, lang: str) -> str:
    return {
        "person": i18n.in_lang(lang, "'{text}' may be several people; type the id: {listed}"),
        "unit": i18n.in_lang(lang, "'{text}' may be several units; type the id: {listed}"),
        "partner": i18n.in_lang(lang, "'{text}' may be several partners; type the id: {listed}"),
    }[table]


def _missing(table: str, lang: str) -> str:
    return {
        "person": i18n.in_lang(lang, "no person '{text}' in org.yaml"),
        "unit": i18n.in_lang(lang, "no unit '{text}' in org.yaml"),
        "partner": i18n.in_lang(lang, "no partner '{text}' in org.yaml"),
    }[table]


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    detail: str
    """What tells two alike apart: a person's unit name; empty for units and partners."""

    def shown(self) -> str:
        return f"{self.id} {self.name}" + (f"（{self.detail}）" if self.detail else "")


class NotFound(ValueError):
    """Nothing or several things match; the message says which, in the asked language."""

    def __init__(self, message: str, candidates: list[Entry]) -> None:
        super().__init__(message)
        self.candidates = candidates


@cache
def spellings(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a Chinese name, lowercase, without tones or spaces."""
    from pypinyin import lazy_pinyin

    syllables = [_squash(s) for s in lazy_pinyin(name, errors="default")]
    return "".join(syllables), "".join(s[0] for s in syllables if s)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


class Lookup:
    """People, units or partners of one org, found by id, name, pinyin or initials."""

    def __init__(self, table: Table, entries: Iterable[Entry]) -> None:
        self.table = table
        self.entries: dict[str, Entry] = {e.id: e for e in entries}

    @classmethod
    def of(cls, org: Org, table: Table) -> Lookup:
        if table == "person":
            units = {u.id: u.name for u in org.units}
            return cls(table, (Entry(p.id, p.name, units.get(p.unit, p.unit)) for p in org.people))
        if table == "unit":
            return cls(table, (Entry(u.id, u.name, "") for u in org.units))
        return cls(table, (Entry(p.id, p.name, "") for p in org.partners))

    def matches(self, text: str) -> list[Entry]:
        """Every entry ``text`` may mean, from the strongest kind of match that has any."""
        text = text.strip()
        if not text:
            return []
        if text in self.entries:
            return [self.entries[text]]
        low = text.casefold()
        for tier in (
            [e for e in self.entries.values() if e.id.casefold() == low],
            [e for e in self.entries.values() if e.name == text],
        ):
            if tier:
                return tier
        if not _LATIN.fullmatch(low):
            return []
        key = _squash(low)
        exact = [e for e in self.entries.values() if key in spellings(e.name)]
        if exact:
            return exact
        return [
            e
            for e in self.entries.values()
            if spellings(e.name)[0].startswith(key) or e.id.casefold().startswith(low)
        ]

    def resolve(self, text: str, lang: str = "en") -> str:
        """The one id ``text`` means; NotFound listing candidates or a close name otherwise."""
        found = self.matches(text)
        if len(found) == 1:
            return found[0].id
        if found:
            listed = "; ".join(e.shown() for e in found)
            raise NotFound(_several(self.table, lang).format(text=text, listed=listed), found)
        names = [*self.entries, *(e.name for e in self.entries.values())]
        close = difflib.get_close_matches(text, names, n=1)
        message = _missing(self.table, lang).format(text=text)
        if close:
            message += i18n.in_lang(lang, "; did you mean '{close}'?").format(close=close[0])
        raise NotFound(message, [])

    def option(self, text: str, option: str, lang: str = "en") -> str:
        """`resolve` for a command-line option: what is wrong says which option."""
        try:
            return self.resolve(text, lang)
        except NotFound as e:
            raise InvalidInput(f"{option}: {e}") from None

    def complete(self, prefix: str) -> list[Entry]:
        """Entries for Tab: by id, name or pinyin beginning with ``prefix`` (all for none)."""
        if not prefix:
            return list(self.entries.values())
        low = prefix.casefold()
        by_text = [e for e in self.entries.values() if e.id.casefold().startswith(low)]
        by_text += [e for e in self.entries.values() if e.name.startswith(prefix)]
        if _LATIN.fullmatch(low):
            key = _squash(low)
            by_text += [
                e
                for e in self.entries.values()
                if any(s.startswith(key) for s in spellings(e.name))
            ]
        return list({e.id: e for e in by_text}.values())


class Places:
    """Where people and records sit in the org: built once per tree (`Tree.places`).

    "The report's unit, else its reporter's", "the branch above a unit" and "the reports to
    praise" are answered here, and only here.
    """

    def __init__(self, org: Org) -> None:
        self.units = {u.id: u for u in org.units}
        self.people = {p.id: p for p in org.people}
        self._branches: dict[str | None, str | None] = {}

    def unit_of_person(self, person: str) -> str | None:
        found = self.people.get(person)
        return found.unit if found is not None else None

    def unit_of(self, report: Report) -> str | None:
        """The report's unit, else its reporter's (a report may leave its unit out)."""
        return report.unit if report.unit is not None else self.unit_of_person(report.reporter)

    def branch_of(self, unit: str | None) -> str | None:
        """The branch a unit belongs to (itself if it is one), following ``parent`` upward."""
        if unit not in self._branches:
            self._branches[unit] = self._climb(unit)
        return self._branches[unit]

    def _climb(self, unit: str | None) -> str | None:
        seen: set[str] = set()
        while unit is not None and unit in self.units and unit not in seen:
            if self.units[unit].kind == "branch":
                return unit
            seen.add(unit)
            unit = self.units[unit].parent
        return None


def commended(reports: Iterable[Report], month: Month) -> list[Report]:
    """The month's reports marked for praise (commend: true), in date order."""
    return sorted(
        (r for r in reports if r.commend and r.withdrawn is None and month.contains(r.date)),
        key=lambda r: (r.date, r.id),
    )
