"""下月保安全重点 proposed from the month's cases and weak links, and 上月保安全重点落实情况
from the priorities adopted for the month (`barrier priorities adopt`).

A proposal weighs the month's accidents, 两违 and 事故苗子 beside the weak links of the
reports: a case carries a fixed weight by its kind and class (``CASE_WEIGHTS``), a weak link
its risk-weighted count. Each proposal names what to do, how, the responsible unit (the
branch the evidence concentrates in, else the general branch), its secretary (for the
general branch a committee member other than its secretary) as the person responsible, and the next month's last day as the deadline. The wording is the catalogue's
(domain ``analysis``), in the document's language, so an adopted priority reads as proposed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from barrier_cli.core.i18n import in_lang
from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import Incident
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import FollowUp, Priority, WeakLink
from barrier_cli.reports.analysis.studies import measure_state

PROPOSED = 5
"""Priorities proposed at most: a meeting adopts a handful, not a list."""
CASE_WEIGHTS = {
    "accident_major": 100.0,
    "accident": 60.0,
    "violation_serious": 50.0,
    "violation": 30.0,
    "precursor": 40.0,
}
"""A general-A accident outweighs any month's weak link (the example's largest is 60); a
serious 两违 or a 事故苗子 stands with a busy weak link."""
_MAJOR = {"extraordinary", "major", "large", "general_a"}
BRANCH_SHARE = 0.4
"""A branch answers for a problem when at least this share of its evidence is the branch's."""

_CASE_CONTENT = {
    "accident": "Learn the lessons of the accident “{title}” and carry its measures through",
    "violation": "Correct the violation “{title}” and help the person concerned",
    "precursor": "Find out why the near miss “{title}” happened and stop it recurring",
}
_CASE_MEASURE = {
    "accident": "Check each measure against the closure rule and report its state weekly",
    "violation": "Talk with the person, add them to the key-person pairings and follow up",
    "precursor": "Brief every shift on the near miss and watch the same work closely",
}
_LINK_CONTENT = "Tighten control of “{category}” at the {key}{location}"
_LINK_MEASURE = {
    "equipment": "Inspect the vehicles and parts concerned and check each other's work",
    "personnel": "Teach and watch the people concerned; pair those who repeat it",
    "management": "Tighten the work standard and have cadres watch the key steps",
}
_NEAR_MISS_MEASURE = "Analyse every near miss at the shift briefing"
_MODELS_MEASURE = "Inspect {models} wagons for these faults and check each other's work"
_PLACE_MEASURE = "Inspect and maintain the equipment at {place}"
_WHAT_MEASURE = {
    "personnel": "Brief and watch for “{what}” and the like; pair those who repeat it",
    "management": "Tighten the work standard against “{what}” and the like; cadres watch the "
    "key steps",
}
MODELS_NAMED = 3
"""Wagon models a measure names, the most reported first."""
PROBLEMS_NAMED = 2
"""Problems a measure names when they are reported equally often."""


def propose(
    tree: Tree, month: Month, links: list[WeakLink], lang: Lang, count: int = PROPOSED
) -> list[Priority]:
    """The month's strongest concerns as next month's priorities, their evidence distinct."""
    deadline = month.shift(1).last
    candidates: list[Priority] = []
    covered: set[str] = set()
    cases = sorted(
        (
            i
            for i in tree.incidents
            if i.withdrawn is None and month.contains(i.date) and i.status != "closed"
        ),
        key=lambda i: (-_case_weight(i), i.date, i.id),
    )
    for case in cases:
        candidates.append(_from_case(tree, case, deadline, lang))
        covered.update([case.id, *case.reports])
    unit_of = {r.id: tree.places.unit_of(r) or "" for r in tree.reports}
    at: dict[str, list[int]] = {}
    for n, r in enumerate(tree.reports):
        at.setdefault(r.id, []).append(n)
    for link in links:
        evidence = [e for e in link.evidence if e not in covered]
        if not evidence:
            continue
        covered.update(evidence)
        candidates.append(_from_link(tree, link, evidence, unit_of, at, deadline, lang))
    candidates.sort(key=lambda p: -p.weight)
    return [
        Priority(
            rank=n,
            content=p.content,
            measures=p.measures,
            unit=p.unit,
            unit_name=p.unit_name,
            owner=p.owner,
            owner_name=p.owner_name,
            deadline=p.deadline,
            basis=p.basis,
            weight=p.weight,
            category=p.category,
        )
        for n, p in enumerate(candidates[:count], 1)
    ]


def _inner(text: str) -> str:
    """Quotation marks inside a quoted title nest as ‘’."""
    return text.replace("“", "‘").replace("”", "’")


def _case_weight(i: Incident) -> float:
    if i.type == "accident":
        return CASE_WEIGHTS["accident_major" if i.class_ in _MAJOR else "accident"]
    if i.type == "violation":
        serious = i.violation is not None and i.violation.severity == "serious"
        return CASE_WEIGHTS["violation_serious" if serious else "violation"]
    return CASE_WEIGHTS["precursor"]


def _from_case(tree: Tree, case: Incident, deadline: dt.date, lang: Lang) -> Priority:
    pending = [m.action for m in case.measures if m.done is None]
    unit = _responsible_unit(tree, [case.unit])
    owner = _secretary(tree, unit, deadline)
    return Priority(
        rank=0,
        content=in_lang(lang, _CASE_CONTENT[case.type]).format(title=_inner(case.title)),
        measures=pending or [in_lang(lang, _CASE_MEASURE[case.type])],
        unit=unit,
        unit_name=_unit_name(tree, unit),
        owner=owner,
        owner_name=_person_name(tree, owner),
        deadline=deadline,
        basis=[case.id, *case.reports],
        weight=_case_weight(case),
    )


def _from_link(
    tree: Tree,
    link: WeakLink,
    evidence: list[str],
    unit_of: dict[str, str],
    at: dict[str, list[int]],
    deadline: dt.date,
    lang: Lang,
) -> Priority:
    unit = _responsible_unit(tree, [unit_of.get(e, "") for e in evidence])
    owner = _secretary(tree, unit, deadline)
    where = f"（{link.location}）" if lang == "zh" and link.location else ""
    if lang == "en" and link.location:
        where = f" ({link.location})"
    measures = [_link_measure(tree, link, evidence, at, lang)]
    if link.category == "near_miss":
        measures.append(in_lang(lang, _NEAR_MISS_MEASURE))
    return Priority(
        rank=0,
        content=in_lang(lang, _LINK_CONTENT).format(
            category=label("category", link.category, lang),
            key=label("key", link.key, lang) if link.key else in_lang(lang, "work"),
            location=where,
        ),
        measures=measures,
        unit=unit,
        unit_name=_unit_name(tree, unit),
        owner=owner,
        owner_name=_person_name(tree, owner),
        deadline=deadline,
        basis=evidence,
        weight=float(link.weighted),
        category=link.category,
    )


def _link_measure(
    tree: Tree, link: WeakLink, evidence: list[str], at: dict[str, list[int]], lang: Lang
) -> str:
    """The measure named from the evidence: the wagon models of equipment faults (else the
    place of the equipment), the most reported problem of people or management; the stock
    measure when the reports name none."""
    # in the tree's order, found by position (``at``: where each id stands), not by a pass
    # over every report per link
    reports = [tree.reports[n] for n in sorted(n for i in set(evidence) for n in at.get(i, ()))]
    if link.element == "equipment":
        models = Counter(r.vehicle.split()[0] for r in reports if r.vehicle)
        if models:
            named = [m for m, _ in models.most_common(MODELS_NAMED)]
            joined = ("、" if lang == "zh" else ", ").join(named)
            return in_lang(lang, _MODELS_MEASURE).format(models=joined)
        places = Counter(r.location for r in reports if r.location)
        if places:
            place = places.most_common(1)[0][0]
            return in_lang(lang, _PLACE_MEASURE).format(place=place)
    elif link.element in _WHAT_MEASURE and reports:
        said = Counter(_without_trains(r.summary) for r in reports).most_common()
        most = said[0][1]
        if most > 1:
            top = [_inner(text) for text, n in said if n == most][:PROBLEMS_NAMED]
            what = ("”“" if lang == "zh" else "”, “").join(top)
            return in_lang(lang, _WHAT_MEASURE[link.element]).format(what=what)
    return in_lang(lang, _LINK_MEASURE[link.element])


def _without_trains(summary: str) -> str:
    """A report's problem without the train it was found on: 40255次双牵重载列车… and
    36229次双牵重载列车… are the one problem."""
    return re.sub(r"\d+次", "", summary)


def _responsible_unit(tree: Tree, units: list[str]) -> str:
    """The branch where the problem lies: the one most of the evidence comes from, holding at
    least ``BRANCH_SHARE`` of it and more than any other; else, the problem being
    workshop-wide, the general branch."""
    branches = Counter(tree.places.branch_of(u) or u for u in units)
    ranked = branches.most_common(2)
    top, n = ranked[0] if ranked else ("", 0)
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    kinds = {u.id: u.kind for u in tree.org.units}
    if n >= BRANCH_SHARE * len(units) and n > runner_up and kinds.get(top) == "branch":
        return top
    general = [u.id for u in tree.org.units if u.kind == "general_branch"]
    return general[0] if general else top


def _secretary(tree: Tree, unit: str, day: dt.date) -> str | None:
    """Who answers for a priority: a branch's secretary; for the general branch a committee
    member other than its secretary, who chairs the meeting that adopts the priorities."""
    people = [p for p in tree.org.people if p.unit == unit and p.active_on(day)]
    general = any(u.id == unit and u.kind == "general_branch" for u in tree.org.units)
    if general:
        for p in people:
            if "committee" in p.roles and "secretary" not in p.roles:
                return p.id
    for p in people:
        if "secretary" in p.roles:
            return p.id
    return None


def _unit_name(tree: Tree, unit: str) -> str:
    return next((u.name for u in tree.org.units if u.id == unit), unit)


def _person_name(tree: Tree, person: str | None) -> str:
    return next((p.name for p in tree.org.people if p.id == person), person or "")


def follow_up(tree: Tree, month: Month, as_of: dt.date) -> tuple[list[FollowUp], bool]:
    """Each priority adopted for ``month``, and whether it was carried out by ``as_of``;
    the flag says whether any were adopted at all."""
    adopted = [p for p in tree.priorities if p.withdrawn is None and p.month == str(month)]
    out = [
        FollowUp(
            record=record.id,
            index=n,
            content=item.content,
            unit_name=_unit_name(tree, item.unit),
            owner_name=_person_name(tree, item.owner),
            due=item.due,
            done=item.done if item.done is not None and item.done <= as_of else None,
            state=measure_state(item.due, item.done, as_of),
            evidence=list(item.evidence),
        )
        for record in sorted(adopted, key=lambda p: p.id)
        for n, item in enumerate(record.items, 1)
    ]
    return out, bool(adopted)
