"""Three-tier reporting compliance (三级网络): who gave feedback in every period they owed it.

The network has three tiers (SPEC §6): every party member owes feedback each duty day
(`duty`: the roster, else the working days), each party-group leader (role ``group_leader``)
a roll-up each ISO week for the group they lead, each branch (unit of kind ``branch``) a
roll-up each month. ``cadence.<tier>.period`` (day/week/month) and ``min`` per period are
honoured for every tier.

What counts as feedback of a period:
- member tier: the person's member-level reports dated in the period, and their nil returns
  (今日无异常) for its days; twenty reports on one day still cover one day;
- group tier: the leader's group-level reports dated in the period, and roundups of their
  group for a week of the period;
- branch tier: branch-level reports of the branch dated in the period, and its roundups.

A period counts once it has ended (or, for days, once it has come) up to ``today``. Feedback
filed after its period (``filed`` on a report or a nil return; a roundup's own ``date`` more
than `ROLLUP_GRACE_DAYS` after the period) still meets it, but as *late*, shown by name: a
back-dated report no longer silently erases a 漏报. A report without ``filed`` was written on
its date. Weeks belong to the month their Sunday falls in; a person owes a week or a month
only if it holds a duty day of theirs. Withdrawn records never count.

Stable shape, relied on by ``notice`` and ``assess``: ``Compliance.members`` / ``.groups`` /
``.branches`` are lists of ``Expectation`` (one per person, group leader, branch), each with
``tier, subject, name, unit, branch, expected, actual, unit_name, missed, shortfall`` where
``expected`` and ``actual`` count periods owed and met, plus ``missed_periods`` and
``late_periods`` naming them; ``Compliance.missed()`` lists every expectation not met (漏报).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from barrier_cli.core.models import Person
from barrier_cli.core.models.settings import Period as PeriodKind
from barrier_cli.core.models.settings import Tier
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.duty import DutyCalendar, days

ROLLUP_GRACE_DAYS = 7
"""A roll-up is written after its week or month: within this many days it is on time."""


@dataclass(frozen=True)
class Period:
    """One day, ISO week or month that feedback is owed for."""

    key: str
    """``2026-03-02``, ``2026-W12`` or ``2026-03``."""
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class Item:
    """One piece of feedback: the day it is for, when it was filed, and the grace it has."""

    day: dt.date
    filed: dt.date
    grace: int = 0

    def on_time(self, period: Period) -> bool:
        return self.filed <= period.last + dt.timedelta(days=self.grace)


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
    """Periods owed (duty days, weeks or months)."""
    actual: int
    """Periods met, on time or late."""
    unit_name: str = ""
    missed_periods: tuple[str, ...] = ()
    """The periods with too little feedback (漏报), by key: ``2026-03-04``, ``2026-W12``."""
    late_periods: tuple[str, ...] = ()
    """The periods met only by feedback filed after them."""
    period: PeriodKind = "day"
    """What one period of this duty is: a duty day, an ISO week or a month."""

    @property
    def missed(self) -> bool:
        return self.actual < self.expected

    @property
    def shortfall(self) -> int:
        return max(self.expected - self.actual, 0)


@dataclass(frozen=True)
class Compliance:
    """Periods owed against periods met per tier for one month."""

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

    def late(self) -> list[Expectation]:
        """Every duty with a period met only late."""
        return [e for e in self.all if e.late_periods]


def periods(kind: PeriodKind, month: Month, last: dt.date) -> list[Period]:
    """The periods of ``kind`` that ``month`` holds and that have come by ``last``.

    Days up to ``last``; ISO weeks whose Sunday is in the month, up to ``last``; the month
    itself once it has ended.
    """
    if kind == "day":
        return [Period(d.isoformat(), d, d) for d in days(month.first, last)]
    if kind == "week":
        out = []
        for sunday in days(month.first, last):
            if sunday.isoweekday() == 7:
                year, week, _ = sunday.isocalendar()
                out.append(Period(f"{year}-W{week:02d}", sunday - dt.timedelta(days=6), sunday))
        return out
    return [Period(str(month), month.first, month.last)] if last >= month.last else []


def reporting_compliance(tree: Tree, month: Month, *, today: dt.date | None = None) -> Compliance:
    """Periods owed and met by each tier of the network in ``month``, as of ``today``."""
    # keyed by the month's last counted day, all the answer depends on: the analysis asks
    # as of its moment and the deficiency rules as of today, the same answer for a past month
    last = month.last if today is None else min(month.last, today)
    found = snapshot.answer(
        tree, ("compliance", month, last), lambda: _compliance(tree, month, today)
    )
    return replace(
        found, members=list(found.members), groups=list(found.groups), branches=list(found.branches)
    )


def _compliance(tree: Tree, month: Month, today: dt.date | None) -> Compliance:
    last = month.last if today is None else min(month.last, today)
    if last < month.first:
        return Compliance(month)
    org = tree.org
    calendar = DutyCalendar(org, tree.roster, tree.settings)
    cadence = tree.settings.tier
    unit_names = {u.id: u.name for u in org.units}
    feed = _feedback(tree)
    # each period with its days, listed once for every duty rather than once per person
    spans: dict[PeriodKind, list[tuple[Period, list[dt.date]]]] = {}

    def duty(tier: Tier, subject: str, person: Person | None, unit: str, name: str) -> Expectation:
        rule = cadence(tier)
        if rule.period not in spans:
            spans[rule.period] = [
                (p, list(days(p.first, p.last))) for p in periods(rule.period, month, last)
            ]
        owed = [
            (p, within_p)
            for p, within_p in spans[rule.period]
            if person is None or any(calendar.on_duty(person, d) for d in within_p)
        ]
        on_day: defaultdict[dt.date, list[Item]] = defaultdict(list)
        for item in feed[(tier, subject)]:
            on_day[item.day].append(item)
        missed: list[str] = []
        late: list[str] = []
        for period, within_p in owed:
            # by day: a person's feedback of every month is looked up, not scanned, per period
            within = [i for d in within_p for i in on_day.get(d, ())]
            if len(within) < rule.min:
                missed.append(period.key)
            elif sum(1 for i in within if i.on_time(period)) < rule.min:
                late.append(period.key)
        return Expectation(
            tier=tier,
            subject=subject,
            name=name,
            unit=unit,
            branch=tree.places.branch_of(unit),
            expected=len(owed),
            actual=len(owed) - len(missed),
            unit_name=unit_names.get(unit, unit),
            missed_periods=tuple(missed),
            late_periods=tuple(late),
            period=rule.period,
        )

    active = [p for p in org.people if p.active_in(month.first, last)]
    members = [duty("member", p.id, p, p.unit, p.name) for p in active if p.party_member]
    groups = [duty("group", p.id, p, p.unit, p.name) for p in active if "group_leader" in p.roles]
    branches = [duty("branch", u.id, None, u.id, u.name) for u in org.units if u.kind == "branch"]
    return Compliance(month, members, groups, branches)


def missed_days(
    tree: Tree, people: Iterable[Person], first: dt.date, last: dt.date
) -> dict[str, list[dt.date]]:
    """Each person's duty days in [first, last] without feedback (漏报), for roundups."""
    calendar = DutyCalendar(tree.org, tree.roster, tree.settings)
    wanted = list(people)
    feed = _member_feedback(tree, {p.id for p in wanted})
    out: dict[str, list[dt.date]] = {}
    for person in wanted:
        fed = {i.day for i in feed[("member", person.id)]}
        gaps = [d for d in calendar.duty_days(person, first, last) if d not in fed]
        if gaps:
            out[person.id] = gaps
    return out


def _member_feedback(tree: Tree, only: set[str]) -> defaultdict[tuple[Tier, str], list[Item]]:
    """The member-tier feedback of the people ``only``: what a roundup looks at."""
    feed: defaultdict[tuple[Tier, str], list[Item]] = defaultdict(list)
    for r in tree.reports:
        if r.withdrawn is None and r.level == "member" and r.reporter in only:
            feed[("member", r.reporter)].append(Item(r.date, r.filed or r.date))
    for returns in tree.returns:
        if returns.withdrawn is None and returns.person in only:
            for entry in returns.days:
                feed[("member", returns.person)].append(Item(entry.date, entry.filed or entry.date))
    return feed


def _feedback(tree: Tree) -> defaultdict[tuple[Tier, str], list[Item]]:
    """Every piece of feedback of the tree, by (tier, person id or branch id)."""
    feed: defaultdict[tuple[Tier, str], list[Item]] = defaultdict(list)
    for r in tree.reports:
        if r.withdrawn is not None:
            continue
        item = Item(r.date, r.filed or r.date)
        if r.level == "branch":
            branch = tree.places.branch_of(tree.places.unit_of(r))
            if branch is not None:
                feed[("branch", branch)].append(item)
        else:
            feed[(r.level, r.reporter)].append(item)
    for returns in tree.returns:
        if returns.withdrawn is None:
            for entry in returns.days:
                feed[("member", returns.person)].append(Item(entry.date, entry.filed or entry.date))
    for subject, item in _rollups(tree):
        feed[subject].append(item)
    return feed


def _rollups(tree: Tree) -> Iterable[tuple[tuple[Tier, str], Item]]:
    """Roundups as feedback of their group leader (weekly) or branch (monthly).

    A week's roundup is feedback of the group's leader(s) for that week, dated its Sunday;
    a month's roundup is the branch's feedback for the month, dated its last day.
    """
    leaders: defaultdict[str, list[Person]] = defaultdict(list)
    for p in tree.org.people:
        if "group_leader" in p.roles:
            leaders[p.unit].append(p)
    for roundup in tree.roundups:
        if roundup.withdrawn is not None or roundup.status != "final":
            continue
        first, last = roundup.span
        item = Item(last, roundup.date, ROLLUP_GRACE_DAYS)
        if roundup.level == "branch":
            yield ("branch", roundup.unit), item
        else:
            for leader in leaders[roundup.unit]:
                if leader.active_in(first, last):
                    yield ("group", leader.id), item


__all__ = [
    "Compliance",
    "Expectation",
    "Period",
    "missed_days",
    "periods",
    "reporting_compliance",
]
