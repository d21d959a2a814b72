"""Shares of a whole, in whole percent, that add up to 100: a table whose 合计 row reads
100% must not show lines adding up to 99%."""

from __future__ import annotations

from collections.abc import Sequence


def whole_percents(counts: Sequence[int]) -> list[int]:
    """Each count's share of their sum in whole percent, by the largest remainder method:
    each is rounded down, and the points still missing from 100 go to the largest
    remainders (on a tie, to the larger count, then the earlier one). All zeros for a sum of
    zero."""
    total = sum(counts)
    if total <= 0:
        return [0] * len(counts)
    exact = [100 * c / total for c in counts]
    floors = [int(x) for x in exact]
    missing = 100 - sum(floors)
    order = sorted(range(len(counts)), key=lambda n: (-(exact[n] - floors[n]), -counts[n], n))
    for n in order[:missing]:
        floors[n] += 1
    return floors


def whole_shares(counts: Sequence[int]) -> list[float]:
    """`whole_percents` as fractions of one (37% is 0.37), as the documents' shares are kept."""
    return [p / 100 for p in whole_percents(counts)]
