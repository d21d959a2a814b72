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
from dataclasses import dataclass, field, replace

from barrier_cli.core.i18n import in_lang
from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import Incident, Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports.analysis.hazards import without_trains
from barrier_cli.reports.analysis.result import CaseRef, FollowUp, Priority, Repeat, WeakLink
from barrier_cli.reports.analysis.studies import measure_state
from barrier_cli.reports.case_names import case_subject
from barrier_cli.reports.deficiencies import answerable

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
BRANCHES_NAMED = 2
"""Branches a priority names as where it happened; more are all the branches' work."""
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
_LINK_CONTENT = "Tighten checks on {key}s for {category} problems{location}"
_LINK_MEASURE = {
    "equipment": "Inspect the vehicles and parts concerned and check each other's work",
    "personnel": "Teach and watch the people concerned; pair those who repeat it",
    "management": "Tighten the work standard and have cadres watch the key steps",
}
_NEAR_MISS_MEASURE = "Analyse every near miss at the shift briefing"
_PROBLEM_CONTENT = "Stop the near miss “{what}” from happening again"
_NOT_HELD_MEASURE = "Find out why the measure “{measure}” has not held, and set one that does"
_HAZARD_CONTENT = "Put right the recurring problem “{what}”"
_HAZARD_PLACES_MEASURE = "Inspect and repair “{what}” at {places}"
_FAULTS_MEASURE = "Inspect specially for {faults} and the like, and check each other's work"
_ACTIONS_MEASURE = (
    "Carry through what was set against “{what}” and the like: “{actions}”; cadres check it holds"
)
_PLACE_MEASURE = "Inspect and maintain the equipment at {place}"
_WHAT_MEASURE = {
    "personnel": "Brief and watch for “{what}” and the like; pair those who repeat it",
    "management": "Tighten the work standard against “{what}” and the like; cadres watch the "
    "key steps",
}
FAULTS_NAMED = 4
"""Faults a measure names, the most reported first."""
PROBLEMS_NAMED = 2
"""Problems a measure names when they are reported equally often."""


def propose(
    tree: Tree,
    month: Month,
    links: list[WeakLink],
    lang: Lang,
    count: int = PROPOSED,
    carried: Sequence[FollowUp] = (),
    repeats: Sequence[Repeat] = (),
) -> list[Priority]:
    """The month's strongest concerns as next month's priorities, their evidence distinct.

    The month's own priorities still unfinished (``carried``) come first, with the unit and
    person who answer for them: a meeting does not quietly hand an overdue priority to
    someone else. A new proposal saying the same as one carried over joins it. ``count``
    bounds the new proposals only.

    A near miss that recurred in the three months (``repeats``: `problems.repeated_near_misses`)
    weighs as a registered 事故苗子 does, whatever its count this month, and a measure
    already taken against it that has not held is to be looked into, not ordered again.
    """
    deadline = month.shift(1).last
    # each with its content in the tree's language: an adopted priority is worded there, and
    # a proposal is the same one when it says the same there, whatever this document's language
    candidates: list[tuple[Priority, str]] = []
    covered: set[str] = set()
    kept = [_carried(f, deadline) for f in carried]
    adopted = {r.id: r.adopted for r in tree.priorities}
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
        proposal = _from_link(tree, link, evidence, unit_of, at, deadline, lang)
        candidates.append((_recurring(proposal, link, repeats, lang), said))
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
        # a carried measure the new one names again is said once, in the new words
        measures = [m for m in old.measures if not _said_in(m, p.measures)]
        kept[same] = replace(
            old,
            measures=list(dict.fromkeys([*measures, *p.measures])),
            basis=list(dict.fromkeys([*old.basis, *p.basis])),
            recurred=_recurred(tree, old, p.basis, adopted.get(old.record, month.first)),
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
            urger_name=p.urger_name,
            supervisor_name=p.supervisor_name,
            recurred=p.recurred,
            branches=p.branches,
            partners=p.partners,
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
        record=f.record,
        supervisor_name=f.supervisor_name,
        branches=f.branches,
        partners=f.partners,
    )


def _said_in(measure: str, others: list[str]) -> bool:
    """The measure's quoted problems (“一站、二看、三通过”) are all named in ``others``."""
    quoted = re.findall(r"[“‘]([^”’]+)[”’]", measure)
    text = "".join(others).replace("‘", "“").replace("’", "”")
    return bool(quoted) and all(q in text for q in quoted)


def _recurred(tree: Tree, old: Priority, basis: list[str], adopted: dt.date) -> list[CaseRef]:
    """The reports of the same problem in the priority's own unit after it was adopted: what
    shows the priority did not take hold, and why it went overdue."""
    chosen = set(basis)
    units = {u.id: u.name for u in tree.org.units}
    out = []
    for r in tree.reports:
        unit = tree.places.unit_of(r) or ""
        if (
            r.id in chosen
            and r.date > adopted
            and (tree.places.branch_of(unit) or unit) == old.unit
        ):
            out.append(CaseRef(r.id, r.summary, r.category, r.date, units.get(unit, unit)))
    return sorted(out, key=lambda c: (c.date or adopted, c.id))


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
    involved = [p.person for p in case.persons if p.role != "witness"]
    involved += [r.person for r in case.responsibility if r.person is not None]
    involved += [a.person for a in case.accountability]
    # a secretary involved in the case still carries its measures out, watched by others
    answers = answerable(tree, unit, involved, deadline)
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
        urger_name=_person_name(tree, answers.member) if answers else "",
        supervisor_name=_person_name(tree, answers.head) if answers else "",
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
    partner = any(tree.reports[n].partner for rid in set(evidence) for n in at.get(rid, ()))
    if partner:
        unit = _general_branch(tree) or unit
    owner = _secretary(tree, unit, deadline)
    unit_name, owner_name, supervisor = _unit_name(tree, unit), _person_name(tree, owner), ""
    carriers: list[str] = []
    branches = _branches_of(tree, [unit_of.get(e, "") for e in evidence])
    if unit == _general_branch(tree) and unit != "" and branches and _branch_work(link, partner):
        # people's conduct and near misses are put right where the work is done: the branches
        # it happened in answer, the general branch's member supervises
        who = responsible(tree, unit, owner, branches, [], lang, deadline)
        unit_name, owner_name, supervisor = who.unit_name, who.owner_name, who.supervisor_name
        carriers = branches
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
        said = _PROBLEM_CONTENT if link.category == "near_miss" else _HAZARD_CONTENT
        content = in_lang(lang, said).format(what=_inner(link.problem))
    return Priority(
        rank=0,
        content=content,
        measures=measures,
        unit=unit,
        unit_name=unit_name,
        owner=owner,
        owner_name=owner_name,
        deadline=deadline,
        basis=evidence,
        weight=float(link.weighted),
        category=link.category,
        problem=link.problem,
        supervisor_name=supervisor,
        branches=carriers,
    )


def _recurring(p: Priority, link: WeakLink, repeats: Sequence[Repeat], lang: Lang) -> Priority:
    if link.category != "near_miss" or not link.problem or link.recent <= link.count:
        return p
    repeat = next((r for r in repeats if r.text == link.problem), None)
    measures = p.measures
    if repeat is not None and repeat.not_held:
        what = in_lang(lang, _NOT_HELD_MEASURE).format(measure=_inner(repeat.not_held[0]))
        measures = [what, *measures]
    return replace(p, measures=measures, weight=max(p.weight, CASE_WEIGHTS["precursor"]))


@dataclass(frozen=True)
class Responsible:
    """责任单位 and 责任人 as printed: a unit and its person, or the branches that carry a
    priority out under their secretaries with the general branch's member supervising."""

    unit_name: str
    owner_name: str
    supervisor_name: str = ""
    partner_names: list[str] = field(default_factory=list)


def responsible(
    tree: Tree,
    unit: str,
    owner: str | None,
    branches: Sequence[str],
    partners: Sequence[str],
    lang: Lang,
    day: dt.date,
) -> Responsible:
    """Who answers for a priority carried out by ``branches`` (none: by ``unit`` itself) and
    settled with ``partners``; the branches' secretaries as of ``day``."""
    named = {p.id: p.name for p in tree.org.partners}
    partner_names = [named.get(p, p) for p in partners]
    if not branches:
        return Responsible(_unit_name(tree, unit), _person_name(tree, owner), "", partner_names)
    sep = "、" if lang == "zh" else ", "
    every = len(set(branches)) == sum(1 for u in tree.org.units if u.kind == "branch")
    if every or len(branches) > BRANCHES_NAMED:
        unit_name = in_lang(lang, "all party branches")
        owner_name = in_lang(lang, "the branch secretaries")
    else:
        unit_name = in_lang(lang, "{units} (where it happened)").format(
            units=sep.join(_unit_name(tree, b) for b in branches)
        )
        owner_name = sep.join(_person_name(tree, _secretary(tree, b, day)) for b in branches)
    return Responsible(unit_name, owner_name, _person_name(tree, owner), partner_names)


def _branch_work(link: WeakLink, partner: bool) -> bool:
    """People's conduct and near misses, met with no partner unit: work the branches do."""
    return not partner and (link.element == "personnel" or link.category == "near_miss")


def _branches_of(tree: Tree, units: list[str]) -> list[str]:
    """The branches ``units`` belong to, in the org's order."""
    kinds = {u.id: u.kind for u in tree.org.units}
    found = {tree.places.branch_of(u) or u for u in units}
    return [u.id for u in tree.org.units if u.id in found and kinds.get(u.id) == "branch"]


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
        faults = Counter(fault_of(r.summary, r.train, r.vehicle) for r in reports if r.vehicle)
        if faults:
            named = [_inner(f) for f, _ in faults.most_common(FAULTS_NAMED)]
            joined = ("、" if lang == "zh" else ", ").join(named)
            return in_lang(lang, _FAULTS_MEASURE).format(faults=joined)
        if link.hazard and link.places:
            joined = ("、" if lang == "zh" else ", ").join(link.places)
            return in_lang(lang, _HAZARD_PLACES_MEASURE).format(
                what=_inner(link.problem), places=joined
            )
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
            taken = _actions_against(reports, [t for t, n in said if n == most][:PROBLEMS_NAMED])
            if link.element == "management" and link.category != "near_miss" and taken:
                done = ("”“" if lang == "zh" else "”, “").join(_inner(a) for a in taken)
                return in_lang(lang, _ACTIONS_MEASURE).format(what=what, actions=done)
            return in_lang(lang, _WHAT_MEASURE[link.element]).format(what=what)
    return in_lang(lang, _LINK_MEASURE[link.element])


def _actions_against(reports: list[Report], problems: list[str]) -> list[str]:
    """For each problem, the action its reports took most often: what is already set against
    it, which a priority carries through rather than a stock measure (a cadre on the track
    cannot make 站调 phone the workshop; the 通报制度 agreed with them can)."""
    out = []
    for problem in problems:
        taken = Counter(
            a.action for r in reports if without_trains(r.summary) == problem for a in r.actions
        )
        if taken:
            out.append(taken.most_common(1)[0][0])
    return out


def fault_of(summary: str, train: str | None, vehicle: str | None) -> str:
    """The fault a fault report names, without the train, the wagon and the position on it:
    82788次X70 2113424四位闸瓦磨耗超限 is 闸瓦磨耗超限."""
    text = summary
    if train:
        text = text.replace(f"{train}次", "")
    if vehicle:
        # in English: "… on wagon C70E 4310192 of train 81582"
        text = re.sub(rf"(?:\s+(?:on|of))?\s*\bwagon {re.escape(vehicle)}", "", text)
        text = text.replace(vehicle, "")
    text = re.sub(r"^\s*[一二三四五六七八九十\d]+位(车(?!轮))?", "", without_trains(text).strip())
    text = re.sub(r"\s+at position \d+", "", text)
    return text.strip() or summary


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


def follow_up(tree: Tree, month: Month, as_of: dt.date, lang: Lang) -> tuple[list[FollowUp], bool]:
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
            who = responsible(
                tree, item.unit, item.owner, item.branches, item.partners, lang, item.due
            )
            out.append(
                FollowUp(
                    record=record.id,
                    index=n,
                    content=item.content,
                    unit_name=who.unit_name,
                    owner_name=who.owner_name,
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
                    branches=list(item.branches),
                    partners=list(item.partners),
                    supervisor_name=who.supervisor_name,
                )
            )
    return out, bool(adopted)
