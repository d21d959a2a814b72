"""Months and quarters: parsed strictly, and only where every neighbour is a real date."""

from __future__ import annotations

import pytest

from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.periods import Month, Quarter


@pytest.mark.parametrize("text", ["0000-01", "1899-12", "3000-01", "9999-12"])
def test_a_month_outside_1900_to_2999_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="between 1900 and 2999"):
        Month.parse(text)


@pytest.mark.parametrize("text", ["0000-Q1", "9999-Q4"])
def test_a_quarter_outside_1900_to_2999_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="between 1900 and 2999"):
        Quarter.parse(text)


def test_the_edge_years_and_their_neighbours_are_real_dates() -> None:
    first, last = Month.parse("1900-01"), Month.parse("2999-12")
    assert first.year_ago.first.year == 1899
    assert last.shift(1).last.year == 3000
    assert str(Quarter.parse("2999-Q4")) == "2999-Q4"
