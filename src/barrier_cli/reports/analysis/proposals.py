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
from collections.abc import Sequence
from dataclasses import replace

from barrier_cli.core.i18n import in_lang
from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import Incident
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.result import FollowUp, Priority, WeakLink
from barrier_cli.reports.analysis.studies import measure_state
from barrier_cli.reports.case_names import case_subject

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
BRANCH_SHARE = 0.5
"""A branch answers for a problem when more than this share of its evidence is the branch's:
a problem spread over the branches is the general branch's to lead."""

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
_LINK_CONTENT = "Tighten checks for {category} problems (focus: {key}{location})"
_LINK_MEASURE = {
    "equipment": "Inspect the vehicles and parts concerned and check each other's work",
    "personnel": "Teach and watch the people concerned; pair those who repeat it",
    "management": "Tighten the work standard and have cadres watch the key steps",
}
_NEAR_MISS_MEASURE = "Analyse every near miss at the shift briefing"
_PROBLEM_CONTENT = "Stop the near miss “{what}” from happening again"
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
    tree: Tree,
    month: Month,
    links: list[WeakLink],
    lang: Lang,
    count: int = PROPOSED,
    carried: Sequence[FollowUp] = (),
) -> list[Priority]:
    """The month's strongest concerns as next month's priorities, their evidence distinct.

    The month's own priorities still unfinished (``carried``) come first, with the unit and
    person who answer for them: a meeting does not quietly hand an overdue priority to
    someone else. A new proposal saying the same as one carried over joins it. ``count``
    bounds the new proposals only.
    """
    deadline = month.shift(1).last
    # each with its content in the tree's language: an adopted priority is worded there, and
    # a proposal is the same one when it says the same there, whatever this document's language
    candidates: list[tuple[Priority, str]] = []
    covered: set[str] = set()
    kept = [_carried(f, deadline) for f in carried]
    worded = {(p.id, n): i.written for p in tree.priorities for n, i in enumerate(p.items, 1)}
    kept_said = [worded.get((f.record, f.index), f.content) for f in carried]
    for f in carried:
        covered.update(f.basis)
    cases = sorted(
        (
            i
            for i in tree.incidents
            if i.withdrawn is None and month.contains(i.date) and i.status != "closed"
        ),
        key=lambda i: (-_case_weight(i), i.date, i.id),
    )
    native = tree.settings.lang
    for case in cases:
        said = _from_case(tree, case, deadline, native).content
        candidates.append((_from_case(tree, case, deadline, lang), said))
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
        said = _from_link(tree, link, evidence, unit_of, at, deadline, native).content
        candidates.append((_from_link(tree, link, evidence, unit_of, at, deadline, lang), said))
    candidates.sort(key=lambda c: -c[0].weight)
    fresh: list[Priority] = []
    for p, said in candidates:
        same = next(
            (n for n, k in enumerate(kept) if said == kept_said[n] or k.content == p.content),
            None,
        )
        if same is None:
            fresh.append(p)
            continue
        old = kept[same]
        kept[same] = replace(
            old,
            measures=list(dict.fromkeys([*old.measures, *p.measures])),
            basis=list(dict.fromkeys([*old.basis, *p.basis])),
        )
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
            carried=p.carried,
            problem=p.problem,
        )
        for n, p in enumerate(kept + fresh[:count], 1)
    ]


def _carried(f: FollowUp, deadline: dt.date) -> Priority:
    """Last month's unfinished priority, kept with its unit and owner; due when its open
    measures are, or by next month's end."""
    return Priority(
        rank=0,
        content=f.content,
        measures=f.pending or f.measures,
        unit=f.unit,
        unit_name=f.unit_name,
        owner=f.owner or None,
        owner_name=f.owner_name,
        deadline=max(deadline, f.pending_due or deadline),
        basis=f.basis,
        weight=0.0,
        carried=f.state,
    )


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
    title = case_subject(tree, case, lang) if case.type == "violation" else case.title
    owner = _secretary(tree, unit, deadline)
    return Priority(
        rank=0,
        content=in_lang(lang, _CASE_CONTENT[case.type]).format(title=_inner(title)),
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
    # a problem met with a partner unit (站调, 信号楼…) is the general branch's to take up
    # with them (党总支经常与车站、机务等联劳单位沟通), whichever branch reported it
    chosen = set(evidence)
    if any(r.partner for r in tree.reports if r.id in chosen):
        unit = _general_branch(tree) or unit
    owner = _secretary(tree, unit, deadline)
    where = f"（{link.location}）" if lang == "zh" and link.location else ""
    if lang == "en" and link.location:
        where = f", {link.location}"
    measures = [_link_measure(tree, link, evidence, at, lang)]
    if link.category == "near_miss":
        measures.append(in_lang(lang, _NEAR_MISS_MEASURE))
    content = in_lang(lang, _LINK_CONTENT).format(
        category=label("category", link.category, lang),
        key=label("key", link.key, lang) if link.key else in_lang(lang, "work"),
        location=where,
    )
    if link.problem:
        content = in_lang(lang, _PROBLEM_CONTENT).format(what=_inner(link.problem))
    return Priority(
        rank=0,
        content=content,
        measures=measures,
        unit=unit,
        unit_name=_unit_name(tree, unit),
        owner=owner,
        owner_name=_person_name(tree, owner),
        deadline=deadline,
        basis=evidence,
        weight=float(link.weighted),
        category=link.category,
        problem=link.problem,
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
        said = Counter(without_trains(r.summary) for r in reports).most_common()
        most = said[0][1]
        if most > 1 or link.problem:
            top = [_inner(text) for text, n in said if n == most][:PROBLEMS_NAMED]
            what = ("”“" if lang == "zh" else "”, “").join(top)
            return in_lang(lang, _WHAT_MEASURE[link.element]).format(what=what)
    return in_lang(lang, _LINK_MEASURE[link.element])


def without_trains(summary: str) -> str:
    """A report's problem without the train it was found on: 40255次双牵重载列车… and
    36229次双牵重载列车… are the one problem (in English: "… of train 36229", "(train 36229)")."""
    return re.sub(r"\d+次|\s*\(train \d+\)|\s+(?:of|on|for) train \d+", "", summary)


def _responsible_unit(tree: Tree, units: list[str]) -> str:
    """The branch where the problem lies: the one most of the evidence comes from, holding at
    more than ``BRANCH_SHARE`` of it; else, the problem being
    workshop-wide, the general branch."""
    branches = Counter(tree.places.branch_of(u) or u for u in units)
    ranked = branches.most_common(2)
    top, n = ranked[0] if ranked else ("", 0)
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    kinds = {u.id: u.kind for u in tree.org.units}
    if n > BRANCH_SHARE * len(units) and n > runner_up and kinds.get(top) == "branch":
        return top
    return _general_branch(tree) or top


def _general_branch(tree: Tree) -> str | None:
    return next((u.id for u in tree.org.units if u.kind == "general_branch"), None)


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
    the flag says whether any were adopted at all.

    A priority marked done whose cases (``basis``) still have measures open is not done: it
    is under way until the last of them (overdue once one is past its due day), whatever
    the mark says: pairing a key person starts the work, it does not finish it.
    """
    adopted = [p for p in tree.priorities if p.withdrawn is None and p.month == str(month)]
    cases = {i.id: i for i in tree.incidents if i.withdrawn is None}
    out = []
    for record in sorted(adopted, key=lambda p: p.id):
        for n, item in enumerate(record.items, 1):
            done = item.done if item.done is not None and item.done <= as_of else None
            state = measure_state(item.due, item.done, as_of)
            pending = [
                m
                for rid in item.basis
                if rid in cases
                for m in cases[rid].measures
                if m.done is None or m.done > as_of
            ]
            until = max((m.due for m in pending if m.due is not None), default=None)
            if pending and state in ("done", "late"):
                late = any(m.due is not None and m.due < as_of for m in pending)
                state = "overdue" if late else "open"
            out.append(
                FollowUp(
                    record=record.id,
                    index=n,
                    content=item.content,
                    unit_name=_unit_name(tree, item.unit),
                    owner_name=_person_name(tree, item.owner),
                    due=item.due,
                    done=done,
                    state=state,
                    evidence=list(item.evidence),
                    pending=[m.action for m in pending],
                    pending_due=until,
                    unit=item.unit,
                    owner=item.owner,
                    measures=list(item.measures),
                    basis=list(item.basis),
                )
            )
    return out, bool(adopted)
