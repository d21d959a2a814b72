"""Reminders (`barrier due`): what each owner must finish soon, and what is already late.

Open report actions, open incident measures, adopted priorities (保安全重点) not yet done,
incidents awaiting their analysis (by the deadline of their class, ``cases.analysis_days``)
and pairing milestones not yet reached, grouped
by the person who answers for them (the mentor for a pairing), soonest first. The window is
``--days`` or the furthest of ``deadlines.reminders``; an item whose days left is one of the
``reminders`` is marked, so a daily run reminds on exactly those days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from barrier_cli.core import i18n, jsonout
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.labels import Lang
from barrier_cli.io.loader import Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.names import in_language

ItemKind = Literal["action", "measure", "analysis", "basic", "full", "escalated", "priority"]


@dataclass(frozen=True)
class DueItem:
    owner: str | None
    kind: ItemKind
    ref: str
    """``R-…/N`` or ``I-…/N`` (N counts from 1), or the pairing id."""
    what: str
    due: dt.date
    days_left: int
    """Negative when overdue."""
    remind: bool

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class OwnerItems:
    owner: str | None
    name: str
    items: list[DueItem]


@dataclass(frozen=True)
class DueList:
    today: dt.date
    days: int
    owners: list[OwnerItems] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for o in self.owners for i in o.items if i.overdue)

    @property
    def count(self) -> int:
        return sum(len(o.items) for o in self.owners)

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "today": self.today.isoformat(),
            "days": self.days,
            "overdue": self.overdue,
            "owners": [
                {
                    "owner": o.owner,
                    "name": o.name,
                    "items": [
                        asdict(i) | {"due": i.due.isoformat(), "overdue": i.overdue}
                        for i in o.items
                    ],
                }
                for o in self.owners
            ],
        }
        return jsonout.dumps(data)


def due_list(
    tree: Tree,
    *,
    today: dt.date,
    days: int | None = None,
    owner: str | None = None,
    lang: Lang = "zh",
) -> DueList:
    """Overdue items and those due within the window, per owner, soonest first; owners
    named as documents in ``lang`` name them."""
    # what is still open today, counted as the documents count it
    tree = in_language(snapshot.as_of(tree, today), lang)
    reminders = tree.settings.deadlines.reminders
    window = days if days is not None else max(reminders, default=7)
    if window < 0:
        raise InvalidInput(i18n._("--days must be 0 or more"))
    people = {p.id: p.name for p in tree.org.people}
    if owner is not None and owner not in people:
        raise InvalidInput(i18n._("no person '{text}' in org.yaml").format(text=owner))
    items = [
        item
        for item in _items(tree, today, set(reminders), people)
        if item.days_left <= window and (owner is None or item.owner == owner)
    ]
    groups: dict[str | None, list[DueItem]] = {}
    for item in sorted(items, key=lambda i: (i.due, i.ref)):
        groups.setdefault(item.owner, []).append(item)
    return DueList(
        today,
        window,
        [OwnerItems(o, people.get(o or "", o or ""), group) for o, group in groups.items()],
    )


def _items(
    tree: Tree, today: dt.date, reminders: set[int], people: dict[str, str]
) -> list[DueItem]:
    def item(owner: str | None, kind: ItemKind, ref: str, what: str, due: dt.date) -> DueItem:
        left = (due - today).days
        return DueItem(owner, kind, ref, what, due, left, left in reminders)

    out = []
    for report in tree.reports:
        if report.withdrawn is None:
            for n, act in enumerate(report.actions, 1):
                if act.done is None and act.due is not None:
                    out.append(item(act.owner, "action", f"{report.id}/{n}", act.action, act.due))
    for case in tree.incidents:
        if case.withdrawn is None:
            for n, act in enumerate(case.measures, 1):
                if act.done is None and act.due is not None:
                    out.append(item(act.owner, "measure", f"{case.id}/{n}", act.action, act.due))
    for adopted in tree.priorities:
        if adopted.withdrawn is None:
            for n, p in enumerate(adopted.items, 1):
                if p.done is None:
                    out.append(item(p.owner, "priority", f"{adopted.id}/{n}", p.content, p.due))
                    # a one-off measure falls due on its own day, before the priority's check
                    for measure, term in zip(p.measures, p.terms or (), strict=False):
                        if term.due is not None and term.done is None:
                            ref = f"{adopted.id}/{n}"
                            out.append(item(p.owner, "priority", ref, measure, term.due))
    for case in tree.incidents:
        if case.withdrawn is None and case.analysed_on() is None:
            due = case.analysis_due(tree.settings.cases)
            owner = case_owner(tree, case.unit)
            out.append(item(owner, "analysis", case.id, case.title, due))
    deadlines = tree.settings.deadlines
    for pairing in tree.pairings:
        if pairing.withdrawn is not None or pairing.status == "ended" or pairing.full_on:
            continue
        late = pairing.overdue_milestones(deadlines, today)
        milestones: list[tuple[ItemKind, dt.date]] = [("full", pairing.full_due(deadlines))]
        if pairing.basic_on is None:
            milestones.insert(0, ("basic", pairing.basic_due(deadlines)))
        escalated_due = pairing.escalated_due(deadlines)
        if pairing.escalated and escalated_due is not None:
            milestones = [("escalated", escalated_due)]
        for kind, due in milestones:
            if due < today and kind not in late:
                continue  # escalated: a committee member already helps, not a reminder
            who = f"{people.get(pairing.person, pairing.person)} ({pairing.person})"
            out.append(item(pairing.mentor, kind, pairing.id, who, due))
    return out


def case_owner(tree: Tree, unit: str) -> str | None:
    """Who answers for analysing a case: the secretary of its branch, else of a unit above."""
    units = {u.id: u for u in tree.org.units}
    seen: set[str] = set()
    current: str | None = unit
    while current is not None and current in units and current not in seen:
        seen.add(current)
        secretary = next(
            (
                p.id
                for p in tree.org.people
                if p.unit == current and "secretary" in p.roles and p.until is None
            ),
            None,
        )
        if secretary is not None:
            return secretary
        current = units[current].parent
    return None


TEXT: dict[str, str] = {
    "action": "action",
    "measure": "measure",
    "analysis": "case analysis",
    "escalated": "turnaround after escalation",
    "basic": "basic turnaround",
    "full": "full turnaround",
    "priority": "priority",
    "nobody": "(no owner)",
    "none": "Nothing due within {days} days, nothing overdue.",
    "remind": "remind",
}
"""The words of the due list, in English; the catalogue (context "due") says them in ``lang``."""


def format_text(due: DueList, lang: Lang) -> str:
    """One block per owner: overdue first, then what falls due soonest."""

    def t(key: str) -> str:
        with i18n.using(lang):
            return i18n.pgettext("due", TEXT[key])

    if not due.owners:
        return t("none").format(days=due.days) + "\n"
    lines = []
    for group in due.owners:
        late = sum(1 for i in group.items if i.overdue)
        who = f"{group.name} ({group.owner})" if group.owner else t("nobody")
        summary = i18n.in_lang(lang, "{count} item(s)").format(count=len(group.items))
        if late:
            summary += i18n.in_lang(lang, ", {late} overdue").format(late=late)
        lines.append(f"{who}: {summary}")
        for i in group.items:
            labelled = ("basic", "full", "analysis", "escalated", "priority")
            what = f"{t(i.kind)}: {i.what}" if i.kind in labelled else i.what
            mark = f" [{t('remind')}]" if i.remind else ""
            lines.append(f"  {_when(i.days_left, lang):<12} {i.due}  {i.ref}  {what}{mark}")
    return "\n".join(lines) + "\n"


def _when(days_left: int, lang: Lang) -> str:
    if days_left < 0:
        return i18n.in_lang(lang, "{days}d overdue").format(days=-days_left)
    if days_left == 0:
        return i18n.in_lang(lang, "due today")
    return i18n.in_lang(lang, "in {days}d").format(days=days_left)
