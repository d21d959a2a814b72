"""Drafting and saving roundups: the weekly and monthly feedback of the level below.

A group leader's week (`draft_week`) sums up the members' safety information of the week by
element, the nil returns beside it, what is still open, what is to be raised to the branch
(high risk, 两违) and who gave no feedback on which duty day. A branch's month
(`draft_month`) draws on its groups' final weeks, its reports of the month, and the 两违 of
its members (reports of category ``violation`` and violation incidents) for the branch to
analyse. The writer adds a judgement and saves it ``final`` (`save_roundup`): that record is
what the group-leader and branch cadence count.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, RecordExists
from barrier_cli.core.labels import label
from barrier_cli.core.models import Person, Report
from barrier_cli.core.models.roundup import Counts, Roundup, Silent, period_span, roundup_id
from barrier_cli.core.periods import Month
from barrier_cli.io import store
from barrier_cli.io.canonical import record_text
from barrier_cli.io.loader import Tree
from barrier_cli.reports.compliance import missed_days, reporting_compliance


def parse_week(text: str) -> str:
    """``2026-W12`` (or ``2026w12``) → ``2026-W12``; refuses a week the year does not have."""
    import re

    match = re.fullmatch(r"(\d{4})-?[Ww](\d{1,2})", text.strip())
    if match is None:
        raise InvalidInput(
            i18n._("{text!r} is not an ISO week; write YYYY-Www, e.g. 2026-W12").format(text=text)
        )
    week = f"{match.group(1)}-W{int(match.group(2)):02d}"
    try:
        period_span(week)
    except ValueError as e:
        raise InvalidInput(
            i18n._("{text!r}: {year} has no week {week}").format(
                text=text, year=match.group(1), week=match.group(2)
            )
        ) from e
    return week


def _unit_kind(tree: Tree, unit: str, kind: str) -> None:
    units = {u.id: u for u in tree.org.units}
    if unit not in units:
        raise InvalidInput(i18n._("no unit '{text}' in org.yaml").format(text=unit))
    if units[unit].kind != kind:
        raise InvalidInput(
            i18n._("{unit} is a {kind}, not a {wanted}").format(
                unit=unit,
                kind=label("unit_kind", units[unit].kind, i18n.current()),
                wanted=label("unit_kind", kind, i18n.current()),
            )
        )


def _reports_of(tree: Tree, first: dt.date, last: dt.date, inside: set[str]) -> list[Report]:
    return sorted(
        (
            r
            for r in tree.reports
            if r.withdrawn is None and first <= r.date <= last and tree.places.unit_of(r) in inside
        ),
        key=lambda r: (r.date, r.id),
    )


def _counts(reports: list[Report], nil_returns: int) -> Counts:
    by = Counter(r.element for r in reports)
    return Counts(
        equipment=by["equipment"],
        personnel=by["personnel"],
        management=by["management"],
        nil_returns=nil_returns,
    )


def _escalate(reports: list[Report]) -> list[str]:
    """What a level raises to the one above: high risk and 两违."""
    return [r.id for r in reports if r.risk == "high" or r.category == "violation"]


def _writer(tree: Tree, unit: str, role: str, day: dt.date, by: str | None) -> str:
    if by is not None:
        for p in tree.org.people:
            if by in (p.id, p.name):
                return p.id
        raise InvalidInput(i18n._("no person '{text}' in org.yaml").format(text=by))
    holders = [p.id for p in tree.org.people if p.unit == unit and role in p.roles]
    active = [pid for pid in holders if _person(tree, pid).active_on(day)]
    if len(active) != 1:
        raise InvalidInput(i18n._("say who writes {unit}'s roundup: --by PERSON").format(unit=unit))
    return active[0]


def _person(tree: Tree, pid: str) -> Person:
    return next(p for p in tree.org.people if p.id == pid)


def draft_week(tree: Tree, *, week: str, unit: str, day: dt.date, by: str | None = None) -> Roundup:
    """Group ``unit``'s roundup of ISO ``week`` (``2026-W12``), written on ``day``."""
    _unit_kind(tree, unit, "group")
    first, last = period_span(week)
    reports = _reports_of(tree, first, last, {unit})
    members = [
        p for p in tree.org.people if p.unit == unit and p.party_member and p.active_in(first, last)
    ]
    ids = {p.id for p in members}
    nil = sum(
        1
        for d in tree.returns
        if d.person in ids and d.withdrawn is None
        for entry in d.days
        if first <= entry.date <= last
    )
    gaps = missed_days(tree, members, first, min(last, day))
    return Roundup(
        id=roundup_id(week, unit),
        level="group",
        unit=unit,
        period=week,
        date=day,
        by=_writer(tree, unit, "group_leader", day, by),
        counts=_counts(reports, nil),
        open=[r.id for r in reports if r.status != "closed"],
        escalate=_escalate(reports),
        silent=[Silent(who=pid, missed=[d.isoformat() for d in ds]) for pid, ds in gaps.items()],
    )


def draft_month(
    tree: Tree, *, month: Month, unit: str, day: dt.date, by: str | None = None
) -> Roundup:
    """Branch ``unit``'s roundup of ``month`` to the 党总支, written on ``day``."""
    _unit_kind(tree, unit, "branch")
    inside = {u.id for u in tree.org.units if tree.places.branch_of(u.id) == unit}
    reports = _reports_of(tree, month.first, month.last, inside)
    members = {p.id for p in tree.org.people if p.unit in inside and p.party_member}
    nil = sum(
        1
        for d in tree.returns
        if d.person in members and d.withdrawn is None
        for entry in d.days
        if month.contains(entry.date)
    )
    weeks = sorted(
        r.id
        for r in tree.roundups
        if r.level == "group"
        and r.unit in inside
        and r.status == "final"
        and r.withdrawn is None
        and month.contains(r.span[1])
    )
    violations = [r.id for r in reports if r.category == "violation"] + sorted(
        i.id
        for i in tree.incidents
        if i.type == "violation"
        and i.withdrawn is None
        and i.unit in inside
        and month.contains(i.date)
    )
    compliance = reporting_compliance(tree, month, today=min(day, month.last))
    silent = [
        Silent(who=e.subject, missed=list(e.missed_periods))
        for e in [*compliance.groups, *compliance.members]
        if e.branch == unit and e.missed_periods
    ]
    return Roundup(
        id=roundup_id(str(month), unit),
        level="branch",
        unit=unit,
        period=str(month),
        date=day,
        by=_writer(tree, unit, "secretary", day, by),
        counts=_counts(reports, nil),
        open=[r.id for r in reports if r.status != "closed"],
        escalate=_escalate(reports),
        silent=silent,
        violations=violations,
        weeks=weeks,
    )


def roundup_path(root: Path, roundup: Roundup) -> Path:
    return store.inside(root, f"roundups/{roundup.period[:4]}/{roundup.id}.yaml")


def save_roundup(root: Path, roundup: Roundup) -> Path:
    """Write the roundup; a draft replaces an earlier draft, nothing replaces a final one."""
    path = roundup_path(root, roundup)
    text = record_text(roundup)
    if not path.exists():
        store.create(path, text)
        return path
    snapshot = store.Snapshot.read(path)
    from barrier_cli.core.kinds import KINDS
    from barrier_cli.io.loader import validate
    from barrier_cli.io.yamlio import ParseProblem, decode, load_text

    try:
        earlier, _ = validate(KINDS["roundup"], load_text(decode(snapshot.content)))
    except ParseProblem:
        earlier = None
    if not isinstance(earlier, Roundup) or earlier.status != "draft":
        raise RecordExists(
            i18n._("{path} already exists and is not a draft; nothing was overwritten").format(
                path=path
            )
        )
    store.replace(snapshot, text)
    return path


__all__ = ["draft_month", "draft_week", "parse_week", "roundup_path", "save_roundup"]
