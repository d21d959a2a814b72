"""Cadre patrols (党员干部每天循环深入现场): each cadre's patrols against their own cadence.

Every person with the role ``cadre`` owes ``settings.patrol`` (by default a patrol each duty
day): a report of source ``cadre_patrol`` by them, dated in the period. Which of the five
keys (五个关键) each patrol watched is counted; a patrol naming none is listed (and is a
``patrol-keys`` finding of `barrier check`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.compliance import periods
from barrier_cli.reports.duty import DutyCalendar, days


@dataclass(frozen=True)
class PatrolDuty:
    cadre: str
    name: str
    expected: int
    """Periods owed (duty days by default)."""
    actual: int
    patrols: int
    """Patrol reports in the month."""
    missed_periods: tuple[str, ...] = ()
    keys: dict[str, int] = field(default_factory=dict)
    """How many patrols watched each of the five keys."""
    without_keys: tuple[str, ...] = ()
    period: str = "day"
    """The rule's period (day, week, month): what ``expected`` counts."""
    working_days: bool = False
    """The cadre's days are the settings' working days (工作日), not the shift roster's
    duty days (值班日) the members' daily returns are owed on: the documents name each so."""

    @property
    def missed(self) -> bool:
        return self.actual < self.expected


def cadre_patrols(tree: Tree, month: Month, *, today: dt.date | None = None) -> list[PatrolDuty]:
    last = month.last if today is None else min(month.last, today)
    if last < month.first:
        return []
    rule = tree.settings.patrol
    calendar = DutyCalendar(tree.org, tree.roster, tree.settings)
    out = []
    for cadre in tree.org.people:
        if "cadre" not in cadre.roles or not cadre.active_in(month.first, last):
            continue
        mine = [
            r
            for r in tree.reports
            if r.reporter == cadre.id
            and r.source == "cadre_patrol"
            and r.withdrawn is None
            and month.first <= r.date <= last
        ]
        owed = [
            p
            for p in periods(rule.period, month, last)
            if any(calendar.on_duty(cadre, d) for d in days(p.first, p.last))
        ]
        missed = tuple(
            p.key for p in owed if sum(1 for r in mine if p.first <= r.date <= p.last) < rule.min
        )
        watched: Counter[str] = Counter(k for r in mine for k in r.keys)
        out.append(
            PatrolDuty(
                cadre=cadre.id,
                name=cadre.name,
                expected=len(owed),
                actual=len(owed) - len(missed),
                patrols=len(mine),
                missed_periods=missed,
                keys={k: watched[k] for k in ("train", "group", "post", "link", "person")},
                without_keys=tuple(r.id for r in mine if not r.keys),
                period=rule.period,
                working_days=not calendar.rostered(cadre),
            )
        )
    return out


__all__ = ["PatrolDuty", "cadre_patrols"]
