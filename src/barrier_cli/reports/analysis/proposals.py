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

from barrier_cli.core.i18n import counted, in_lang
from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import Incident, Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.analysis.hazards import not_held, without_trains
from barrier_cli.reports.analysis.key_grounds import conduct
from barrier_cli.reports.analysis.result import (
    CaseRef,
    FollowUp,
    Priority,
    Repeat,
    TakenMeasure,
    WeakLink,
)
from barrier_cli.reports.analysis.studies import measure_state
from barrier_cli.reports.case_names import case_subject
from barrier_cli.reports.deficiencies import answerable, successor
from barrier_cli.reports.names import english_unit

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
    "accident": "Learn the lessons of the {title} on {date} and carry its measures through",
    "violation": "Correct the violation “{title}” and help the person concerned",
    "precursor": "Find out why the near miss “{title}” happened and stop it recurring",
}
_CASE_MEASURE = {
    "accident": "Check each measure against the closure rule and report its state weekly",
    "violation": "Talk with the person, add them to the key-person pairings and follow up",
    "precursor": "Brief every shift on the near miss and watch the same work closely",
}
_LINK_CONTENT = "Tighten checks on {key}s for {category} problems{location}"
_VIOLATION_CONTENT = "Stop rule violations at the shift briefings"
_LINK_MEASURE = {
    "equipment": "Inspect the vehicles and parts concerned and check each other's work",
    "personnel": "Teach and watch the people concerned; pair those who repeat it",
    "management": "Tighten the work standard and have cadres watch the key steps",
}
_NEAR_MISS_MEASURE = "Analyse every near miss at the shift briefing"
_VIOLATION_MEASURE = (
    "Every branch questions each worker at the pre-shift briefing on this month's violations "
    "({what}); cadres check on site; repeat offenders are paired with mentors"
)
_PROBLEM_CONTENT = "Stop the near miss “{what}” from happening again"
_NOT_HELD_MEASURE = "Find out why the measure “{measure}” has not held, and set one that does"
_VERIFY_MEASURE = "Verify at once “{measure}”, due from {unit} on {due}"
_VERIFY_CHECKED = (
    "{checker} is to verify by {deadline} that {unit} has carried out “{measure}”, due on {due}"
)
"""A measure due on the moment itself: not overdue, not known done; the general branch's
member verifies it, by the priority's deadline."""
_VERIFY_UNDATED = "Verify at once “{measure}” ({unit})"
_OVERDUE_MEASURE = "Carry out at once “{measure}”, due from {unit} on {due} and not done"
_CARRY_MEASURE = "{unit} to carry out “{measure}” by {due}"
_SINCE_ONE = "{n} near miss this month, {recent} in three months, {since} since {first}"
_SINCE_MANY = "{n} near misses this month, {recent} in three months, {since} since {first}"
_RECENT_ONE = "{n} {cat} report this month, {recent} in three months"
_RECENT_MANY = "{n} {cat} reports this month, {recent} in three months"
_MONTH_ONE = "{n} {cat} report this month"
_MONTH_MANY = "{n} {cat} reports this month"
_EVERY_BRANCH = ", across all {every} branches"
_PROBLEM_RECENT = "{what}: {n} this month, {recent} in three months"
_PROBLEM_MONTH = "{what}: {n} this month"
_PROBLEMS_SAID = "{what}: {n}"
_OVERDUE_RECURRED = (
    "Why it is overdue: {unit} did not take the measure set ({measure}) down to its groups, "
    "and {n} more {what} reports followed ({at})."
)
_OVERDUE_ONLY = (
    "Why it is overdue: {unit} did not carry out “{measure}” by its deadline, and is to "
    "explain why at the meeting."
)
_HAZARD_CONTENT = "Put right the recurring problem “{what}”"
_HAZARD_PLACES_MEASURE = "Inspect and repair “{what}” at {places}"
_FAULTS_MEASURE = "Inspect specially for {faults} and the like, and check each other's work"
_ACTIONS_MEASURE = (
    "Carry through what was set against “{what}” and the like: “{actions}”; cadres check it holds"
)
_PLACE_MEASURE = "Inspect and maintain the equipment at {place}"
_SETTLED_OPEN = "{action}"
"""A settled priority's title names the measure still open as the thing to do (落实……)."""
_SETTLED_DONE = "check the effect of the measure to {action}"
_LATE_ACTION = "{owner} ({unit}) is to {action} at once (due {due}, now {days} days overdue)"
_URGED_ACTION = "{owner} ({unit}) is to {action} by {by} (due {due}, now {days} days overdue)"
"""An overdue action the record has pressed (督办): by the new day the record set."""
_OPEN_ACTION = "{owner} ({unit}) is to {action} by {due}"
_DONE_ACTION = "{units} have carried out the measure to {action}; cadres are to check that it holds"
_DONE_CHECKED = (
    "{units} have carried out the measure to {action}; {checker} is to check by {due} that it holds"
)
_WHAT_MEASURE = {
    "personnel": "Brief and watch for “{what}” and the like; pair those who repeat it",
    "management": "Tighten the work standard against “{what}” and the like; cadres watch the "
    "key steps",
}
FAULTS_NAMED = 4
"""Faults a measure names, the most reported first."""
PROBLEMS_NAMED = 2
VIOLATIONS_NAMED = 5
"""Rule violations a briefing measure names: each kind of the month is questioned on."""
"""Problems a measure names when they are reported equally often."""


def propose(
    tree: Tree,
    month: Month,
    links: list[WeakLink],
    lang: Lang,
    count: int = PROPOSED,
    carried: Sequence[FollowUp] = (),
    repeats: Sequence[Repeat] = (),
    as_of: dt.date | None = None,
) -> list[Priority]:
    """The month's strongest concerns as next month's priorities, their evidence distinct.

    The month's own priorities still unfinished (``carried``) come first, with the unit and
    person who answer for them: a meeting does not quietly hand an overdue priority to
    someone else. A new proposal saying the same as one carried over joins it. ``count``
    bounds the new proposals only.

    A near miss that recurred in the three months (``repeats``: `problems.repeated_near_misses`)
    weighs as a registered 事故苗子 does, whatever its count this month, and a measure
    already taken against it that has not held is to be looked into, not ordered again.

    The problem reported most often within its category (the month's most frequent fault,
    hazard…) is proposed beyond ``count``: a meeting does not pass over
    it because its risk weight is low. ``as_of`` (default: the month's end) is the moment
    measures are judged open or done at.
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
    moment = as_of or month.last
    leading = _most_recurrent(links)
    for link in links:
        evidence = [e for e in link.evidence if e not in covered]
        if not evidence:
            continue
        covered.update(evidence)
        repeat = next((r for r in repeats if link.problem and r.text == link.problem), None)
        where = _Where(unit_of, at, deadline, moment, repeat)
        said = _from_link(tree, link, evidence, where, native).content
        proposal = _from_link(tree, link, evidence, where, lang)
        if link in leading:
            proposal = replace(proposal, leading=True)
        candidates.append((_recurring(proposal, link), said))
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
        recurred = _recurred(tree, old, p.basis, adopted.get(old.record, month.first))
        kept[same] = replace(
            old,
            measures=list(dict.fromkeys([*measures, *p.measures])),
            basis=list(dict.fromkeys([*old.basis, *p.basis])),
            recurred=recurred,
            overdue_causes=_causes(tree, recurred),
            daily=p.daily,
            category=p.category,
            based=p.based,
        )
        if set(p.branches) - {old.unit}:
            # the problem outgrew the unit it was given to: the branches it now happens in
            # carry it, the general branch supervising, and the overdue unit is still named
            kept[same] = replace(
                kept[same],
                unit=p.unit,
                unit_name=p.unit_name,
                owner=p.owner,
                owner_name=p.owner_name,
                supervisor_name=p.supervisor_name,
                branches=p.branches,
                partners=p.partners,
                partner_names=p.partner_names,
                was_unit_name=old.unit_name,
            )
    bounded = fresh[:count] + [p for p in fresh[count:] if p.leading]
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
            leading=p.leading,
            partner_names=p.partner_names,
            based=p.based,
            reason=_overdue_reason(p, lang) if p.carried == "overdue" else "",
            was_unit_name=p.was_unit_name,
            overdue_causes=p.overdue_causes,
            unmet=p.unmet,
            daily=p.daily,
        )
        for n, p in enumerate(kept + bounded, 1)
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
        unmet=f.pending or f.late or f.measures,
        supervisor_name=f.supervisor_name,
        branches=f.branches,
        partners=f.partners,
    )


def _overdue_reason(p: Priority, lang: Lang) -> str:
    """Why a carried-over priority is overdue, as its records show it: the unit did not
    carry its measures through, and the problem came back (with the causes found)."""
    unit = p.was_unit_name or p.unit_name
    measure = ("”“" if lang == "zh" else "”, “").join(_inner(m) for m in p.unmet)
    if not p.recurred:
        return in_lang(lang, _OVERDUE_ONLY).format(unit=unit, measure=measure)
    at = ("、" if lang == "zh" else ", ").join(
        in_lang(lang, "{unit} on {date}").format(
            date=_day(r.date, lang), unit=english_unit(r.unit_name)
        )
        if r.date
        else r.unit_name
        for r in p.recurred
    )
    kinds = {r.kind for r in p.recurred}
    what = label("category", kinds.pop(), lang) if len(kinds) == 1 else ""
    return in_lang(lang, _OVERDUE_RECURRED).format(
        unit=english_unit(unit),
        measure=("、" if lang == "zh" else "; ").join(_lower(m) for m in p.unmet),
        n=counted(len(p.recurred), lang),
        what=what.lower(),
        at=at,
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


def _causes(tree: Tree, cases: list[CaseRef]) -> list[str]:
    """The analysed causes of ``cases``, each said once, without the closing 。."""
    ids = {c.id for c in cases}
    said = (r.analysis.cause for r in tree.reports if r.id in ids and r.analysis is not None)
    return list(dict.fromkeys(c.rstrip("。. ") for c in said if c))


def _lower(text: str) -> str:
    """Mid-sentence, an English measure opens in lower case (Chinese has none)."""
    return text[:1].lower() + text[1:]


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
        content=in_lang(lang, _CASE_CONTENT[case.type]).format(
            title=_inner(title), date=_day(case.date, lang)
        ),
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


@dataclass(frozen=True)
class _Where:
    """What a weak link's proposal is drawn with besides the link: where each report stands
    (``at``: positions in the tree) and answers (``unit_of``), the deadline, the moment, and
    the link's near miss as it recurred (``repeat``)."""

    unit_of: dict[str, str]
    at: dict[str, list[int]]
    deadline: dt.date
    as_of: dt.date
    repeat: Repeat | None


def _from_link(
    tree: Tree, link: WeakLink, evidence: list[str], where: _Where, lang: Lang
) -> Priority:
    reports = [
        tree.reports[n] for n in sorted(n for i in set(evidence) for n in where.at.get(i, ()))
    ]
    units = [where.unit_of.get(e, "") for e in evidence]
    unit = _responsible_unit(tree, units)
    general = _general_branch(tree)
    branches = _branches_of(tree, units)
    # a partner unit the reports blame (信号楼未及时通知…) is the general branch's to settle
    # with (党总支经常与车站、机务等联劳单位沟通); a problem spread over the branches, or met
    # with a partner, is put right by the branches it happened in, the general branch's
    # member supervising (党支部负责、总支督导)
    partners = _partners_blamed(tree, reports)
    carriers: list[str] = []
    if general is not None and branches and (unit == general or partners):
        unit, carriers = general, branches
    owner = _secretary(tree, unit, where.deadline)
    who = responsible(tree, unit, owner, carriers, partners, lang, where.deadline)
    place = f"（{link.location}）" if lang == "zh" and link.location else ""
    if lang == "en" and link.location:
        place = f", {link.location}"
    checker = _person_name(tree, _secretary(tree, general, where.deadline)) if general else ""
    measures = _specific_measures(tree, link, reports, where, lang, checker)
    if not measures:
        measures = [_link_measure(tree, link, evidence, where.at, lang)]
        if link.category == "near_miss":
            measures.append(in_lang(lang, _NEAR_MISS_MEASURE))
    content = in_lang(lang, _LINK_CONTENT).format(
        category=label("category", link.category, lang),
        key=label("key", link.key, lang) if link.key else in_lang(lang, "work"),
        location=place,
    )
    hazard = next((h for h in tree.hazards.hazards if h.id == link.hazard), None)
    if link.problem and hazard is not None and hazard.aim:
        content = hazard.aim
    elif link.problem:
        said = _PROBLEM_CONTENT if link.category == "near_miss" else _HAZARD_CONTENT
        content = in_lang(lang, said).format(what=_inner(link.problem))
    settled = _settled(tree, link, reports, where, lang, checker)
    based = _based(tree, link, len(set(evidence)), where.repeat, branches, lang)
    if settled is not None:
        content, measures = settled.content, settled.measures
        based = settled.based or based
        if settled.owner is not None:
            # the measure still open is its holder's: his branch answers, the general
            # branch's member settles it with the partner the reports blame
            unit, owner, carriers = settled.unit, settled.owner, []
            head = _secretary(tree, general, where.deadline) if general and partners else None
            who = replace(
                responsible(tree, unit, owner, [], partners, lang, where.deadline),
                supervisor_name=_person_name(tree, head),
            )
            if settled.checked and general is not None and general != unit:
                # the check on what is done is the general branch's member's: his unit
                # answers for it beside the branch that holds the open measure
                sep = "、" if lang == "zh" else ", "
                who = replace(who, unit_name=who.unit_name + sep + _unit_name(tree, general))
    elif link.category == "violation":
        # rule violations are stopped where the shift is briefed, whoever committed them
        content = in_lang(lang, _VIOLATION_CONTENT)
    return Priority(
        rank=0,
        content=content,
        measures=measures,
        unit=unit,
        unit_name=who.unit_name,
        owner=owner,
        owner_name=who.owner_name,
        deadline=where.deadline,
        basis=evidence,
        weight=float(link.weighted),
        category=link.category,
        problem=link.problem,
        supervisor_name=who.supervisor_name,
        branches=carriers,
        partners=partners,
        partner_names=who.partner_names,
        based=based,
        daily=link.element == "personnel",
    )


def _based(
    tree: Tree,
    link: WeakLink,
    n: int,
    repeat: Repeat | None,
    branches: list[str],
    lang: Lang,
) -> str:
    """The evidence as counted: this month, the three months, and since the first report of
    a near miss; and "in every branch" when it is."""
    recent = max(link.recent, repeat.recent if repeat else 0)
    one = n == 1
    said = {
        "n": counted(n, lang),
        "recent": counted(recent, lang),
        "cat": label("category", link.category, lang),
    }
    if link.category == "near_miss" and repeat and repeat.first and repeat.since > recent:
        first = repeat.first
        month = f"{first.year}年{first.month}月" if lang == "zh" else f"{first:%B} {first.year}"
        msg = _SINCE_ONE if one else _SINCE_MANY
        text = in_lang(lang, msg).format(since=counted(repeat.since, lang), first=month, **said)
    elif link.problem and link.category != "near_miss":
        # the problem's own count: the category's would contradict part 2's total
        said["what"] = _lower(link.problem)
        text = in_lang(lang, _PROBLEM_RECENT if recent > n else _PROBLEM_MONTH).format(**said)
    elif recent > n:
        text = in_lang(lang, _RECENT_ONE if one else _RECENT_MANY).format(**said)
    else:
        text = in_lang(lang, _MONTH_ONE if one else _MONTH_MANY).format(**said)
    every = sum(1 for u in tree.org.units if u.kind == "branch")
    if every > 1 and len(branches) == every:
        text += in_lang(lang, _EVERY_BRANCH).format(every=counted(every, lang))
    return text


def _partners_blamed(tree: Tree, reports: list[Report]) -> list[str]:
    """The partner units the reports name as where it went wrong: in the summary or in the
    analysis's cause, not merely as the unit that found it (前方列检所发现…)."""
    names = {p.id: p.name for p in tree.org.partners}
    out: list[str] = []
    for r in reports:
        if r.partner is None or r.partner in out:
            continue
        said = r.summary + (r.analysis.cause if r.analysis is not None else "")
        # in English the summary says "the signal box" of the Signal Box
        if names.get(r.partner, r.partner).casefold() in said.casefold():
            out.append(r.partner)
    return out


def _specific_measures(
    tree: Tree, link: WeakLink, reports: list[Report], where: _Where, lang: Lang, checker: str
) -> list[str]:
    """The measures proper to the problem: the hazard log's standing control, the measures
    already set against it still open (to verify now, or carry out by their day), and the
    one done that it outlived most often (to look into). None when it has none of these."""
    out: list[str] = []
    hazard = next((h for h in tree.hazards.hazards if h.id == link.hazard), None)
    if hazard is not None and hazard.control:
        out.append(hazard.control)
    if not link.problem:
        return out
    taken = where.repeat.measures if where.repeat is not None else _taken(tree, reports, where)
    sep = "、" if lang == "zh" else ", "
    opened: dict[str, list[TakenMeasure]] = {}
    for m in taken:
        if m.state in ("open", "overdue"):
            opened.setdefault(m.action, []).append(m)
    for action, ms in opened.items():
        due = max((m.due for m in ms if m.due is not None), default=None)
        unit = sep.join(dict.fromkeys(english_unit(m.unit_name) for m in ms if m.unit_name))
        if due is None:
            said, day = _VERIFY_UNDATED, ""
        elif due < where.as_of:
            said, day = _OVERDUE_MEASURE, _day(due, lang)
        elif due == where.as_of:
            said, day = (_VERIFY_CHECKED if checker else _VERIFY_MEASURE), _day(due, lang)
        else:
            said, day = _CARRY_MEASURE, _day(due, lang)
        text = in_lang(lang, said).format(
            unit=unit,
            due=day,
            measure=_inner(action),
            checker=checker,
            deadline=_day(where.deadline, lang),
        )
        out.append(text[:1].upper() + text[1:])
    outlived = [a for a in not_held(list(taken)) if a not in opened]
    out += [in_lang(lang, _NOT_HELD_MEASURE).format(measure=_inner(a)) for a in outlived[:1]]
    return out


def _taken(tree: Tree, reports: list[Report], where: _Where) -> list[TakenMeasure]:
    """The corrective and preventive measures of the link's own reports, as of the moment."""
    units = {u.id: u.name for u in tree.org.units}
    last = max((r.date for r in reports), default=None)
    out = []
    for r in reports:
        unit = units.get(tree.places.branch_of(tree.places.unit_of(r) or "") or "", "")
        for a in r.actions:
            if a.type == "immediate":
                continue  # what was done on the spot stops nothing recurring
            done = a.done if a.done is not None and a.done <= where.as_of else None
            out.append(
                TakenMeasure(
                    action=a.action,
                    unit_name=unit,
                    date=r.date,
                    due=a.due,
                    done=done,
                    state=measure_state(a.due, a.done, where.as_of),
                    held=done is None or last is None or last <= done,
                )
            )
    return out


def _day(day: dt.date, lang: Lang) -> str:
    return f"{day.month}月{day.day}日" if lang == "zh" else f"{day.day} {day:%B}"


def _most_recurrent(links: list[WeakLink]) -> list[WeakLink]:
    """Per category, the problem reported most often this month (then in the three months),
    when one leads outright, more than once, and recurred: the month's most frequent fault
    (a tie names no single problem: the weights decide)."""
    by: dict[str, list[WeakLink]] = {}
    for link in links:
        if link.problem and link.category != "near_miss":
            by.setdefault(link.category, []).append(link)
    out = []
    for group in by.values():
        ranked = sorted(group, key=lambda w: (-w.count, -w.recent))
        top = ranked[0]
        runner_up = (ranked[1].count, ranked[1].recent) if len(ranked) > 1 else (0, 0)
        if (top.count, top.recent) > runner_up and top.count > 1 and top.recent > top.count:
            out.append(top)
    return out


def _recurring(p: Priority, link: WeakLink) -> Priority:
    """A near miss that recurred in the three months weighs as a registered 事故苗子."""
    if link.category != "near_miss" or not link.problem or link.recent <= link.count:
        return p
    return replace(p, weight=max(p.weight, CASE_WEIGHTS["precursor"]))


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
    elif link.category == "violation" and reports:
        # what the briefing questions on, said as the conduct itself: not the doer the
        # reports open with, not what each report adds after its first clause
        kinds = Counter(conduct(without_trains(r.summary), lang) for r in reports)
        named = [k for k, _ in kinds.most_common(VIOLATIONS_NAMED)]
        joined = ("、" if lang == "zh" else "; ").join(named)
        return in_lang(lang, _VIOLATION_MEASURE).format(what=joined)
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


@dataclass(frozen=True)
class _Settled:
    """A link whose main problems have measures set against them: the priority carries
    those through, each said by who holds it; ``owner`` holds the first still open."""

    content: str
    measures: list[str]
    unit: str = ""
    owner: str | None = None
    based: str = ""
    checked: bool = False
    """A measure done is the checker's to check: his unit answers for the priority too."""


def _settled(
    tree: Tree, link: WeakLink, reports: list[Report], where: _Where, lang: Lang, checker: str
) -> _Settled | None:
    """None unless the link is a management hazard without a single problem, whose most
    reported problems each had a measure set against them. A measure already carried out is
    ``checker``'s (the general branch's member) to check by the priority's deadline."""
    if link.element != "management" or link.category == "near_miss" or link.problem:
        return None
    said = Counter(without_trains(r.summary) for r in reports).most_common()
    if not said or said[0][1] < 2:
        return None
    top = [text for text, n in said if n == said[0][1]][:PROBLEMS_NAMED]
    taken = _actions_against(reports, top)
    if not taken:
        return None
    people = {p.id: p for p in tree.org.people}
    measures: list[str] = []
    titles: list[str] = []
    unit, owner = "", None
    checked = False
    for action in taken:
        held = [(r, a) for r in reports for a in r.actions if a.action == action]
        still = [(r, a) for r, a in held if a.done is None or a.done > where.as_of]
        if not still:
            done_by = [
                english_unit(u) for u in dict.fromkeys(_branch_name(tree, r) for r, _ in held)
            ]
            units = "、".join(done_by) if lang == "zh" else _and(done_by)
            done_text = _DONE_CHECKED if checker else _DONE_ACTION
            checked = checked or bool(checker)
            line = in_lang(lang, done_text).format(
                units=units, action=_lower(action), checker=checker, due=_day(where.deadline, lang)
            )
            measures.append(line[:1].upper() + line[1:])
            titles.append(in_lang(lang, _SETTLED_DONE).format(action=_lower(action)))
            continue
        titles.append(in_lang(lang, _SETTLED_OPEN).format(action=_lower(action)))
        for _r, a in still:
            person = people.get(a.owner or "")
            now = (successor(tree, person, where.as_of) or person) if person else None
            branch = tree.places.branch_of(now.unit) or now.unit if now else ""
            if now is not None and owner is None:
                unit, owner = branch, now.id
            due = a.due
            late = (where.as_of - due).days if due is not None and due < where.as_of else 0
            urged = a.urged if a.urged is not None and a.urged.date <= where.as_of else None
            if late and urged is not None and urged.due >= where.as_of:
                text = _URGED_ACTION
            else:
                text = _LATE_ACTION if late else _OPEN_ACTION
            measures.append(
                in_lang(lang, text).format(
                    unit=_unit_name(tree, branch),
                    owner=now.name if now else "",
                    action=_lower(action),
                    due=_day(due, lang) if due else "",
                    days=late,
                    by=_day(urged.due, lang) if urged is not None else "",
                )
            )
    # the open measure first, as the thing to do, then the check on what is done
    titles.sort(
        key=lambda t: t in {in_lang(lang, _SETTLED_DONE).format(action=_lower(a)) for a in taken}
    )
    content = ("，" if lang == "zh" else ", and ").join(titles)
    content = content[:1].upper() + content[1:]
    # the evidence by the problems it shows, as part 2 counts them
    based = ("、" if lang == "zh" else "; ").join(
        in_lang(lang, _PROBLEMS_SAID).format(what=_lower(conduct(text, lang)), n=counted(n, lang))
        for text, n in said
        if n > 1
    )
    return _Settled(content, measures, unit, owner, based, checked)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _branch_name(tree: Tree, report: Report) -> str:
    unit = tree.places.unit_of(report) or ""
    return _unit_name(tree, tree.places.branch_of(unit) or unit)


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
    # asked for every weak link and case of the month: once per unit and day of a snapshot
    return snapshot.answer(
        tree, ("secretary", unit, day), lambda: _secretary_found(tree, unit, day)
    )


def _secretary_found(tree: Tree, unit: str, day: dt.date) -> str | None:
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
    """A responsible unit's name; the general branch answers as itself, the issuer (as
    running text names it: a table takes off the article, `units.in_cells`)."""
    found = next((u for u in tree.org.units if u.id == unit), None)
    if found is None:
        return unit
    return tree.settings.notice.issuer if found.kind == "general_branch" else found.name


def _person_name(tree: Tree, person: str | None) -> str:
    names = snapshot.answer(tree, ("person names",), lambda: _person_names(tree))
    return names.get(person, person) if person is not None else ""


def _person_names(tree: Tree) -> dict[str, str]:
    names: dict[str, str] = {}
    for p in tree.org.people:
        names.setdefault(p.id, p.name)  # the first of an id, as a scan finds it
    return names


def missed(tree: Tree, month: Month) -> bool:
    """No 保安全重点 were adopted for ``month`` though the book holds the month before: the
    meeting on that month's analysis should have set them (the general branch's own lapse,
    which the analysis's 四 and the notice's 自查 both state)."""
    if any(p.withdrawn is None and p.month == str(month) for p in tree.priorities):
        return False
    before = month.shift(-1)
    return any(r.withdrawn is None and before.contains(r.date) for r in tree.reports)


def _paired(tree: Tree, basis: Sequence[Incident], day: dt.date | None) -> tuple[str, str] | None:
    """The mentor and key person of a pairing begun on ``day`` for someone who broke the
    rules in ``basis``: a priority marked done that day was done by that pairing."""
    if day is None:
        return None
    breakers = {c.violation.person for c in basis if c.violation is not None}
    names = {p.id: p.name for p in tree.org.people}
    for pairing in sorted(tree.pairings, key=lambda p: p.id):
        if pairing.start == day and pairing.person in breakers:
            return names.get(pairing.mentor, pairing.mentor), names.get(
                pairing.person, pairing.person
            )
    return None


def follow_up(
    tree: Tree, month: Month, as_of: dt.date, lang: Lang, links: Sequence[WeakLink] = ()
) -> tuple[list[FollowUp], bool]:
    """Each priority adopted for ``month``, and whether it was carried out by ``as_of``;
    the flag says whether any were adopted at all.

    A priority marked done whose cases (``basis``) still have measures open is not done: it
    is under way until the last of them (overdue once one is past its due day), whatever
    the mark says: pairing a key person starts the work, it does not finish it. One done
    against a category (``links``: the month's weak links) is judged by its effect.
    """
    adopted = [p for p in tree.priorities if p.withdrawn is None and p.month == str(month)]
    cases = {i.id: i for i in tree.incidents if i.withdrawn is None}
    out = []
    for record in sorted(adopted, key=lambda p: p.id):
        for n, item in enumerate(record.items, 1):
            done = item.done if item.done is not None and item.done <= as_of else None
            # an overdue one-off measure makes the priority overdue before its own day
            due = item.deadline(as_of)
            state = measure_state(due, item.done, as_of)
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
                    due=due,
                    done=done,
                    state=state,
                    evidence=list(item.evidence),
                    pending=[m.action for m in pending],
                    pending_due=until,
                    paired=_paired(tree, [cases[r] for r in item.basis if r in cases], done),
                    unit=item.unit,
                    owner=item.owner,
                    measures=list(item.measures),
                    basis=list(item.basis),
                    branches=list(item.branches),
                    partners=list(item.partners),
                    supervisor_name=who.supervisor_name,
                    category=item.category or "",
                    late=[measure for measure, _ in item.late(as_of)],
                )
            )
    return [_judged(tree, month, as_of, f, links) for f in out], bool(adopted)


def _judged(
    tree: Tree, month: Month, as_of: dt.date, f: FollowUp, links: Sequence[WeakLink]
) -> FollowUp:
    """A priority against a category, carried out: effective only if the month's reports of
    the category fell against the month before and none of its problems rose."""
    if not f.category or f.state not in ("done", "late") or f.pending:
        return f
    before = month.shift(-1)
    n = prev = 0
    for r in tree.reports:
        if r.withdrawn is None and r.category == f.category and r.date <= as_of:
            n += month.contains(r.date)
            prev += before.contains(r.date)
    # named mid-sentence: an English hazard name loses its capital
    rising = [
        w.problem[:1].lower() + w.problem[1:]
        for w in links
        if w.category == f.category and w.problem and w.growth > 0
    ]
    if n < prev and not rising:
        return f
    return replace(f, judged=n, rising=rising)


def turned_into(followed: list[FollowUp], proposed: list[Priority]) -> list[FollowUp]:
    """Each priority judged without effect, with the proposals against its rising problems:
    what it becomes next month, so that 四 and 六 say the same."""
    out = []
    for f in followed:
        ranks = [p.rank for p in proposed if p.problem and _lower(p.problem) in f.rising]
        out.append(replace(f, turned_into=ranks) if f.rising else f)
    return out
