"""Months and quarters: the periods analyses, notices and assessments cover."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput

FIRST_YEAR = 1900
LAST_YEAR = 2999
"""The years a period or a fixed today may name: a month, its year-ago and its neighbours
must all be real dates, and no workshop kept these records before 1900."""


def check_year(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(
            i18n._("{text!r}: the year must be between {first} and {last}").format(
                text=text, first=FIRST_YEAR, last=LAST_YEAR
            )
        )


def parse_day(text: str, option: str) -> dt.date:
    """A YYYY-MM-DD option value, or one line naming the option."""
    try:
        if len(text.strip()) != 10:
            raise ValueError(text)
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            i18n._("{option} {text!r} is not a date; write YYYY-MM-DD").format(
                option=option, text=text
            )
        ) from None
    check_year(day.year, text)
    return day


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise InvalidInput(
                i18n._("{text!r} is not a month; write YYYY-MM, e.g. 2026-10").format(text=text)
            )
        check_year(int(match.group(1)), text)
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def previous(self) -> Month:
        return self.shift(-1)

    @property
    def year_ago(self) -> Month:
        return self.shift(-12)

    def contains(self, day: dt.date) -> bool:
        return day.year == self.year and day.month == self.month

    @property
    def quarter(self) -> Quarter:
        return Quarter(self.year, (self.month - 1) // 3 + 1)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        match = re.fullmatch(r"(\d{4})-?Q([1-4])", text.strip().upper())
        if not match:
            raise InvalidInput(
                i18n._("{text!r} is not a quarter; write YYYY-Qn, e.g. 2026-Q4").format(text=text)
            )
        check_year(int(match.group(1)), text)
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.year:04d}-Q{self.quarter}"

    def shift(self, quarters: int) -> Quarter:
        index = self.year * 4 + self.quarter - 1 + quarters
        return Quarter(index // 4, index % 4 + 1)

    @property
    def months(self) -> list[Month]:
        start = (self.quarter - 1) * 3 + 1
        return [Month(self.year, m) for m in range(start, start + 3)]

    @property
    def first(self) -> dt.date:
        return self.months[0].first

    @property
    def last(self) -> dt.date:
        return self.months[-1].last


MONTH_FORMS = "YYYY-MM, 'this' or 'last' (the latest complete month)"
QUARTER_FORMS = "YYYY-Qn, 'this-quarter' or 'last-quarter'"
_THIS = ("this", "this-month")
_LAST = ("last", "last-month")
_THIS_QUARTER = ("this-quarter", "this-q")
_LAST_QUARTER = ("last-quarter", "last-q")


def period_named(text: str, today: dt.date) -> Month | Quarter:
    """A month or quarter as any command takes it: 2026-10, this, last, 2026-Q3,
    this-quarter, last-quarter ('last' is the latest complete month, seen from ``today``)."""
    word = text.strip().casefold()
    if word in _THIS:
        return Month.of(today)
    if word in _LAST:
        return Month.of(today).previous
    if word in _THIS_QUARTER:
        return Month.of(today).quarter
    if word in _LAST_QUARTER:
        return Month.of(today).quarter.shift(-1)
    if "q" in word:
        return Quarter.parse(text)
    if not re.fullmatch(r"\d{4}-\d{1,2}", word):
        raise InvalidInput(
            i18n._("{text!r} is not a month; write {forms}, e.g. 2026-10").format(
                text=text, forms=i18n._(MONTH_FORMS)
            )
        )
    return Month.parse(text)


def month_named(text: str, today: dt.date, option: str = "--month") -> Month:
    """``period_named`` where only a month will do."""
    found = period_named(text, today)
    if not isinstance(found, Month):
        raise InvalidInput(
            i18n._("{option} {text!r} is a quarter; write {forms}").format(
                option=option, text=text, forms=i18n._(MONTH_FORMS)
            )
        )
    return found


def quarter_named(text: str, today: dt.date, option: str = "--quarter") -> Quarter:
    """``period_named`` where only a quarter will do: 'this' and 'last' mean quarters here."""
    word = text.strip().casefold()
    if word in _THIS:
        return Month.of(today).quarter
    if word in _LAST:
        return Month.of(today).quarter.shift(-1)
    found = period_named(text, today)
    if not isinstance(found, Quarter):
        raise InvalidInput(
            i18n._("{option} {text!r} is a month; write {forms}").format(
                option=option, text=text, forms=i18n._(QUARTER_FORMS)
            )
        )
    return found
