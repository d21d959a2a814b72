"""Three-tier reporting compliance (三级网络): who reported as often as the cadence asks.

The network has three tiers (SPEC §2 `cadence`): every party member reports at level
``member``; each party-group leader (role ``group_leader``) reports at level ``group`` for the
group unit they lead; each branch (unit of kind ``branch``) reports at level ``branch``. A
tier's expected count is its cadence ``min`` for the month, prorated by the days a person was
in the unit (joined or left mid-month), and up to ``today`` in a month that has not ended.

Stable shape, relied on by ``notice`` and ``assess``:
``Compliance.members`` / ``.groups`` / ``.branches`` are lists of ``Expectation`` (one per
person, group leader, branch), each with ``tier, subject, name, unit, branch, expected,
actual, unit_name, missed, shortfall``; ``Compliance.missed()`` lists every expectation not met (漏报).
Withdrawn reports never count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction

from barrier_cli.loader import Tree
from barrier_cli.models import Org, Person, Report
from barrier_cli.models.settings import Tier
from barrier_cli.periods import Month


@dataclass(frozen=True)
class Expectation:
    """One reporting duty for the month and how it was met."""

    tier: Tier
    subject: str
    """The person id (member and group tiers) or the branch unit id (branch tier)."""
    name: str
    unit: str
    """The unit reported for: the person's unit, or the branch itself."""
    branch: str | None
    """The branch above ``unit`` (itself for a branch), for rolling up per branch."""
    expected: int
    actual: int
    unit_name: str = ""

    @property
    def missed(self) -> bool:
        return self.actual < self.expected

    @property
    def shortfall(self) -> int:
        return max(self.expected - self.actual, 0)


@dataclass(frozen=True)
class Compliance:
    """Expected against actual reports per tier for one month."""

    month: Month
    members: list[Expectation] = field(default_factory=list)
    groups: list[Expectation] = field(default_factory=list)
    branches: list[Expectation] = field(default_factory=list)

    @property
    def all(self) -> list[Expectation]:
        return [*self.members, *self.groups, *self.branches]

    def missed(self, tier: Tier | None = None) -> list[Expectation]:
        """Every duty not met (漏报), optionally of one tier."""
        return [e for e in self.all if e.missed and (tier is None or e.tier == tier)]


def reporting_compliance(tree: Tree, month: Month, *, today: dt.date | None = None) -> Compliance:
    """Expected vs actual reports of each tier of the network for ``month``.

    ``today`` cuts a month still running short, so the first days of a month never show
    everyone as having missed their quota.
    """
    last = month.last if today is None else min(month.last, today)
    if last < month.first:
        return Compliance(month)
    reports = [
        r for r in tree.reports if r.withdrawn is None and month.first <= r.date <= month.last
    ]
    org = tree.org
    people = {p.id: p for p in org.people}
    unit_names = {u.id: u.name for u in org.units}
    cadence = tree.settings.tier

    def count(level: str, reporter: str) -> int:
        return sum(1 for r in reports if r.level == level and r.reporter == reporter)

    def person_duty(tier: Tier, person: Person) -> Expectation:
        share = _active_share(person, month.first, last, month)
        return Expectation(
            tier=tier,
            subject=person.id,
            name=person.name,
            unit=person.unit,
            branch=branch_of(org, person.unit),
            expected=_prorate(cadence(tier).min, share),
            actual=count(tier, person.id),
            unit_name=unit_names.get(person.unit, person.unit),
        )

    active = [p for p in org.people if p.active_in(month.first, last)]
    members = [person_duty("member", p) for p in active if p.party_member]
    groups = [person_duty("group", p) for p in active if "group_leader" in p.roles]
    elapsed = Fraction((last - month.first).days + 1, (month.last - month.first).days + 1)
    branches = [
        Expectation(
            tier="branch",
            subject=unit.id,
            name=unit.name,
            unit=unit.id,
            branch=unit.id,
            expected=_prorate(cadence("branch").min, elapsed),
            actual=sum(
                1
                for r in reports
                if r.level == "branch" and branch_of(org, _unit_of(r, people)) == unit.id
            ),
            unit_name=unit.name,
        )
        for unit in org.units
        if unit.kind == "branch"
    ]
    return Compliance(month, members, groups, branches)


def _unit_of(report: Report, people: dict[str, Person]) -> str | None:
    if report.unit is not None:
        return report.unit
    person = people.get(report.reporter)
    return person.unit if person else None


def _active_share(person: Person, first: dt.date, last: dt.date, month: Month) -> Fraction:
    """The part of the month the person was in the unit, up to ``last``."""
    start = max(first, person.since or first)
    end = min(last, person.until or last)
    days = max((end - start).days + 1, 0)
    return Fraction(days, (month.last - month.first).days + 1)


def _prorate(minimum: int, share: Fraction) -> int:
    """``minimum`` times ``share``, rounded half up: 20 a month is 10 for half a month."""
    return int(minimum * share + Fraction(1, 2))


def branch_of(org: Org, unit: str | None) -> str | None:
    """The branch a unit belongs to (itself if it is one), following ``parent`` upward."""
    units = {u.id: u for u in org.units}
    seen: set[str] = set()
    while unit is not None and unit in units and unit not in seen:
        if units[unit].kind == "branch":
            return unit
        seen.add(unit)
        unit = units[unit].parent
    return None


__all__ = ["Compliance", "Expectation", "branch_of", "reporting_compliance"]
