"""Draft assessments (考核) derived from the records, for people to review and make final.

Branches are scored on the branch standard (4 aspects, 13 items). An item is either
*derived*: it starts at its maximum and each shortfall the records show is a deduction on it,
with ``ref`` pointing at the record that proves it and the item's ``evidence`` listing them;
or *entered*: a person gives its score with evidence in the branch's assessment record of
the period, which the draft carries over. An entered item nobody has scored yet counts 0 and
says so: no item silently stays at full marks. Which shortfall falls on which item, and how
many points it costs, is the standard's (``rules`` of each item in ``standards/``), else
`models.standard.DEFAULT_RULES`. The shortfalls are the notice's own deficiencies (`deficiencies.py`) plus
members' violations and accidents, so the notice and the assessment never disagree.

Members are rated on the four member items: 应知一口清 and 应会一手精 from competence checks,
自身无两违 (missed reports, own 两违 by A/B grade) and 身边无事故 (the person responsible for an
accident, those involved and the bystanders of the group each lose a different share).
A quarter ranks members within each branch, and flags the tail (排尾) of each for the
排尾党员分析会 (党支部每季逐项打分，排序抓尾).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, UserError
from barrier_cli.core.i18n import in_lang
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import Assessment, Competence, Incident, Report
from barrier_cli.core.models.assessment import Deduction, ItemScore
from barrier_cli.core.models.competence import CompetenceResult
from barrier_cli.core.models.standard import MEMBER_RULES, Standard
from barrier_cli.core.periods import Month, Quarter, month_named, quarter_named
from barrier_cli.io import store
from barrier_cli.io.canonical import record_text
from barrier_cli.io.loader import Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.compliance import Expectation, reporting_compliance
from barrier_cli.reports.deficiencies import Deficiency, find_deficiencies, rule_title
from barrier_cli.reports.names import in_language

FAILING = frozenset(MEMBER_RULES) - {"nearby"}
"""Member shortfalls that fail the rating (岗区评比失格); a bystander only loses points."""

CHECKED = {"knows": "knows", "skills": "skills"}
"""Member item → competence check kind that scores it (一口清, 一手精)."""
CHECK_MONTHS = 3
"""A check counts for the period it falls in and the two months after (checks are quarterly)."""

RECURRING = frozenset({"overdue_action", "pairing_overdue"})
"""Shortfalls that last: counted once per record over a quarter, not once per month."""

Period = Month | Quarter


@dataclass(frozen=True)
class Draft:
    """One derived assessment, and how it compares with the recorded one, if any."""

    assessment: Assessment
    name: str
    aspects: dict[str, float] = field(default_factory=dict)
    """Aspect id → score after deductions (branches)."""
    rank: int = 0
    lowest: bool = False
    """The tail (排尾): lowest of the workshop (branches) or of its branch (members)."""
    recorded: Assessment | None = None
    branch: str = ""
    """The member's branch (members)."""
    sources: dict[str, str] = field(default_factory=dict)
    """Item id → derived, entered, or missing (an entered item nobody scored yet)."""

    @property
    def total(self) -> float:
        return self.assessment.total


@dataclass(frozen=True)
class Assessed:
    period: str
    branches: list[Draft]
    members: list[Draft]
    notes: list[str] = field(default_factory=list)

    @property
    def drafts(self) -> list[Draft]:
        return [*self.branches, *self.members]

    @property
    def tail(self) -> list[Draft]:
        """Members at the tail of their branch: the 排尾党员分析会 list."""
        return [m for m in self.members if m.lowest]


# What one period of a reporting duty is called (a duty day, an ISO week, a month).
_PERIOD = {"day": "duty days", "week": "weeks", "month": "months"}


def parse_period(month: str | None, quarter: str | None, today: dt.date) -> Period:
    """The period of ``--month`` or ``--quarter`` (one of them), as `periods` reads them."""
    if (month is None) == (quarter is None):
        raise InvalidInput(i18n._("give either --month YYYY-MM or --quarter YYYY-Qn"))
    if month is not None:
        return month_named(month, today)
    return quarter_named(quarter or "", today)


def assess(tree: Tree, period: Period, *, today: dt.date, lang: Lang = "zh") -> Assessed:
    """Branch scores ranked in the workshop, and member ratings ranked in each branch."""
    if period.first > today:
        raise InvalidInput(i18n._("{period} has not begun yet").format(period=period))
    months = [period] if isinstance(period, Month) else period.months
    months = [m for m in months if m.first <= today]
    # the period's records as they stood at its end, as the analysis and notice count them
    stood = snapshot.as_of(tree, min(period.last, today))
    tree = snapshot.view_of(in_language(stood, lang), stood)
    notes: list[str] = []
    branch_std = _standard(tree, "branch")
    found = _period_deficiencies(tree, months, today=today, lang=lang)
    found += list(_case_shortfalls(tree, months, lang))
    found += list(_activity_shortfalls(tree, months, lang))
    found += list(_unpaired_key_persons(tree, months[-1], today, lang))
    # each branch's shortfalls grouped once, not every shortfall of the period per branch
    found_of: dict[str, list[Deficiency]] = {}
    for shortfall in found:
        found_of.setdefault(shortfall.unit, []).append(shortfall)
    branches = _rank(
        [
            _branch_draft(
                tree,
                str(period),
                [str(m) for m in months],
                (unit.id, unit.name),
                found_of.get(unit.id, []),
                branch_std,
                today=today,
                lang=lang,
                notes=notes,
            )
            for unit in tree.org.units
            if unit.kind == "branch"
        ]
    )
    member_std = _standard(tree, "member")
    duties: dict[str, Expectation] = {}
    missed: list[Expectation] = []
    for month in months:
        compliance = reporting_compliance(tree, month, today=today)
        duties.update((d.subject, d) for d in compliance.members)
        missed += compliance.missed()
    # Whoever was in post on any day of the period answers for it: a team leader removed
    # on the 27th still fails for the accident he let happen on the 9th.
    end = min(months[-1].last, today)
    present = {p.id for p in tree.org.people if p.active_in(months[0].first, end)}
    own = _own_violations(tree, months[0].first, end)
    # grouped once per person: a pass over every duty and record per member grew with both
    missed_of: dict[str, list[Expectation]] = {}
    for m in missed:
        missed_of.setdefault(m.subject, []).append(m)
    recorded = {a.id: a for a in reversed(tree.assessments)}  # the first of an id wins
    # the period's cases once, not every case of the tree once per member
    cases = [c for c in tree.incidents if c.withdrawn is None and months[0].first <= c.date <= end]
    drafts = [
        _member_draft(
            tree,
            period,
            months,
            duty,
            missed_of.get(duty.subject, []),
            own.get(duty.subject, []),
            member_std,
            today,
            lang,
            recorded,
            cases,
        )
        for duty in duties.values()
        if duty.subject in present
    ]
    by_branch: dict[str, list[Draft]] = {}
    for d in drafts:
        by_branch.setdefault(d.branch, []).append(d)
    members = [d for group in by_branch.values() for d in _rank(group)]
    return Assessed(str(period), branches, members, sorted(set(notes)))


def _standard(tree: Tree, name: str) -> Standard:
    standard = tree.standards.get(name)
    if standard is None:
        raise UserError(
            i18n._("no standards/{name}.yaml: the {name} standard is needed to assess").format(
                name=name
            )
        )
    return standard


def _period_deficiencies(
    tree: Tree, months: list[Month], *, today: dt.date, lang: Lang
) -> list[Deficiency]:
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for month in months:
        for d in find_deficiencies(tree, month, today=today, lang=lang):
            if d.rule in RECURRING:
                if (d.rule, d.evidence_ids) in seen:
                    continue
                seen.add((d.rule, d.evidence_ids))
            out.append(d)
    return out


def _case_shortfalls(tree: Tree, months: list[Month], lang: Lang) -> Iterator[Deficiency]:
    """Violations and accidents of the period, serious ones not handed over (交班), and
    两违 not analysed by the end of their month (每月对党员两违信息进行分析)."""
    cases = tree.settings.cases
    for case in tree.incidents:
        month = next((m for m in months if m.contains(case.date)), None)
        if case.withdrawn is not None or month is None:
            continue
        unit = tree.places.branch_of(case.unit) or case.unit
        yield Deficiency(unit, _case_rule(case), _case_detail(case, lang), (case.id,))
        if case.needs_handover() and (case.handover is None or case.handover.date > month.last):
            yield Deficiency(
                unit,
                "no_handover",
                in_lang(lang, "{id} '{title}': not handed over").format(
                    id=case.id, title=case.title
                ),
                (case.id,),
            )
        analysed = case.analysed_on()
        if case.violation is not None and (analysed is None or analysed > month.last):
            grade = case.grade(cases) or "B"
            yield Deficiency(
                unit,
                "violation_unanalysed",
                in_lang(lang, "{id} '{title}' ({grade}-class): not analysed in its month").format(
                    id=case.id, title=case.title, grade=grade
                ),
                (case.id,),
            )
    for report in tree.reports:
        month = next((m for m in months if m.contains(report.date)), None)
        if report.withdrawn is not None or month is None or report.category != "violation":
            continue
        if report.analysis is None or report.analysis.date > month.last:
            where = tree.places.unit_of(report)
            yield Deficiency(
                tree.places.branch_of(where) or where or "?",
                "violation_unanalysed",
                in_lang(lang, "{id} '{summary}': violation not analysed in its month").format(
                    id=report.id, summary=report.summary
                ),
                (report.id,),
            )


def _activity_shortfalls(tree: Tree, months: list[Month], lang: Lang) -> Iterator[Deficiency]:
    """Months in which a branch held no 双学双提 study and no 四赛 contest."""
    held: set[tuple[str, str]] = set()
    for event in tree.competence:
        if event.withdrawn is None and event.kind in ("study", "contest"):
            held.add((tree.places.branch_of(event.unit) or event.unit, str(Month.of(event.date))))
    for unit in tree.org.units:
        if unit.kind != "branch":
            continue
        for month in months:
            if (unit.id, str(month)) not in held:
                yield Deficiency(
                    unit.id,
                    "no_activity",
                    in_lang(lang, "{month}: no study (双学双提) or contest (四赛) recorded").format(
                        month=month
                    ),
                    (),
                    subject=str(month),
                )


def _unpaired_key_persons(
    tree: Tree, month: Month, today: dt.date, lang: Lang
) -> Iterator[Deficiency]:
    """Key persons confirmed and, at the period's end, unpaired past ``pair_days``."""
    asof = min(month.last, today)
    days = tree.settings.key_persons.pair_days
    paired = {p.person for p in tree.pairings if p.withdrawn is None and p.start <= asof}
    for k in tree.key_persons:
        if k.withdrawn is not None or k.confirmed is None or k.confirmed > asof:
            continue
        if k.person in paired or (asof - k.confirmed).days <= days:
            continue
        yield Deficiency(
            tree.places.branch_of(k.unit) or k.unit,
            "key_person_unpaired",
            in_lang(lang, "{id}: key person {person} confirmed {days} days ago, not paired").format(
                id=k.id, person=k.person, days=(asof - k.confirmed).days
            ),
            (k.id,),
        )


def _case_rule(case: Incident) -> str:
    if case.type == "violation":
        return "violation"
    if case.type == "accident" and case.needs_handover():
        return "serious_accident"
    return case.type


def _case_detail(case: Incident, lang: Lang) -> str:
    kind = label("accident_class", case.class_, lang) if case.class_ else None
    kind = kind or label("incident_type", case.type, lang)
    return in_lang(lang, "{id} '{title}' ({kind})").format(id=case.id, title=case.title, kind=kind)


def _weight(tree: Tree, d: Deficiency) -> float:
    """A 两违 weighs its grade (A-class three times a B by default)."""
    if d.rule != "violation" or not d.evidence_ids:
        return 1.0
    cases = tree.settings.cases
    case = next((i for i in tree.incidents if i.id == d.evidence_ids[0]), None)
    grade = case.grade(cases) if case is not None else None
    return cases.grade_weights.get(grade or "B", 1.0)


def _branch_draft(
    tree: Tree,
    period: str,
    months: list[str],
    unit: tuple[str, str],
    found: list[Deficiency],
    standard: Standard,
    *,
    today: dt.date,
    lang: Lang,
    notes: list[str],
) -> Draft:
    unit_id, name = unit
    items = standard.items()
    rules = standard.rules()
    recorded_ids = {a.id for a in tree.assessments}
    wanted: list[Deduction] = []
    # spent as `_capped` spends them: a deduction on a spent item is not made at all (tens of
    # thousands of overdue actions made as many deductions, nearly all dropped)
    left = {i: s.max for i, s in items.items()}
    # a rule the standard cannot deduct for is noted once, not once per shortfall of it (the
    # notes are a set: tens of thousands of overdue actions said the same line as many times)
    unscored: set[str] = set()
    for d in found:
        if d.unit != unit_id:
            continue
        if d.rule in unscored:
            continue
        if d.rule not in rules:
            unscored.add(d.rule)
            notes.append(
                in_lang(
                    lang, "standards/branch.yaml: no item takes '{rule}': no deduction for it"
                ).format(rule=d.rule)
            )
            continue
        target, points = rules[d.rule]
        if target not in items:
            unscored.add(d.rule)
            notes.append(
                in_lang(
                    lang, "standards/branch.yaml has no item '{item}': no deduction for {rule}"
                ).format(item=target, rule=d.rule)
            )
            continue
        weighted = points * _weight(tree, d)
        if weighted > 0:
            if left[target] <= 0:
                continue
            left[target] -= min(weighted, left[target])
        wanted.append(
            Deduction(
                item=target,
                points=weighted,
                reason=_one_line(f"{shortfall_title(d.rule, lang)}: {d.detail}"),
                ref=_ref(d, months, recorded_ids),
            )
        )
    deductions = _capped(wanted, {i: s.max for i, s in items.items()})
    recorded = _recorded(tree, f"A-{period}-{unit_id}")
    entered = {i.item: i for i in recorded.items if i.evidence} if recorded else {}
    scores: list[ItemScore] = []
    sources: dict[str, str] = {}
    for item_id, item in items.items():
        if standard.source_of(item) == "derived":
            refs = [x.ref for x in deductions if x.item == item_id and x.ref]
            sources[item_id] = "derived"
            scores.append(
                ItemScore(
                    item=item_id,
                    score=item.max,
                    note=in_lang(lang, "derived from the records")
                    if refs
                    else in_lang(lang, "derived: nothing to deduct"),
                    evidence=list(dict.fromkeys(refs)),
                )
            )
        elif item_id in entered:
            given = entered[item_id]
            sources[item_id] = "entered"
            scores.append(given.model_copy(update={"score": min(given.score, item.max)}))
        else:
            sources[item_id] = "missing"
            scores.append(
                ItemScore(
                    item=item_id,
                    score=0,
                    note=in_lang(lang, "not entered: score it with evidence"),
                )
            )
    assessment = Assessment(
        id=f"A-{period}-{unit_id}",
        period=period,
        subject=unit_id,
        standard="branch",
        items=scores,
        deductions=deductions,
        status="draft",
        date=today,
    )
    by_item = {i.item: i.score for i in scores}
    aspects = {
        aspect.id: sum(by_item[i.id] for i in aspect.items)
        - sum(d.points for d in deductions if d.item in {i.id for i in aspect.items})
        for aspect in standard.aspects
    }
    return Draft(assessment, name, aspects, recorded=recorded, sources=sources)


CASE_RULES: dict[str, str] = {
    "no_handover": "not handed over",
    "violation": "violation",
    "serious_accident": "general-A accident or worse",
    "accident": "accident",
    "precursor": "precursor",
    "violation_unanalysed": "violation not analysed monthly",
    "no_activity": "no study or contest",
    "key_person_unpaired": "key person not paired",
}
"""The headings of the shortfalls only assessment counts, in English (catalogue context
"shortfall": "violation" is 两违 here, whatever it is elsewhere)."""


def shortfall_title(rule: str, lang: Lang) -> str:
    """The notice's heading of a rule, or the heading of a case rule of assessment."""
    if rule in CASE_RULES:
        with i18n.using(lang):
            return i18n.pgettext("shortfall", CASE_RULES[rule])
    return rule_title(rule, lang)


def _ref(d: Deficiency, months: list[str], assessments: set[str]) -> str | None:
    """The record proving a deduction; for a missed report, the member's own assessment."""
    if d.rule != "missed_reports":
        return d.evidence_ids[0] if d.evidence_ids else None
    return next(
        (aid for m in months if (aid := f"A-{m}-{d.subject}") in assessments),
        None,
    )


def _capped(deductions: list[Deduction], maxima: dict[str, float]) -> list[Deduction]:
    """Deductions in order, never taking an item below zero."""
    left = dict(maxima)
    out = []
    for d in deductions:
        points = min(d.points, left[d.item])
        if points <= 0:
            continue
        left[d.item] -= points
        out.append(d.model_copy(update={"points": points}))
    return out


def _rank(drafts: list[Draft]) -> list[Draft]:
    """Highest total first; equal totals share a rank; the lowest flagged when totals differ."""
    totals_of = [(d.total, d) for d in drafts]  # each summed once, not once per comparison
    ordered = sorted(totals_of, key=lambda td: (-td[0], td[1].assessment.subject))
    totals = [t for t, _ in ordered]
    lowest = min(totals, default=0.0)
    spread = len(set(totals)) > 1
    above: dict[float, int] = {}  # highest first: those above a total come before its first
    for n, t in enumerate(totals):
        above.setdefault(t, n)
    return [
        Draft(
            d.assessment,
            d.name,
            d.aspects,
            rank=1 + above[total],
            lowest=spread and total == lowest,
            recorded=d.recorded,
            branch=d.branch,
            sources=d.sources,
        )
        for total, d in ordered
    ]


def _own_violations(tree: Tree, first: dt.date, last: dt.date) -> dict[str, list[Report]]:
    """Each person's violation reports from ``first`` to ``last`` that no violation case
    takes up, in the tree's order: found once for every member, as a pass over all reports
    per member made the analysis grow with the square of the tree."""
    taken = {rid for case in tree.incidents if case.violation for rid in case.reports}
    out: dict[str, list[Report]] = {}
    for report in tree.reports:
        if (
            report.withdrawn is None
            and first <= report.date <= last
            and report.category == "violation"
            and report.id not in taken
        ):
            for pid in dict.fromkeys(report.persons):
                out.setdefault(pid, []).append(report)
    return out


def _member_draft(
    tree: Tree,
    period: Period,
    months: list[Month],
    duty: Expectation,
    missed: list[Expectation],
    violations: list[Report],
    standard: Standard,
    today: dt.date,
    lang: Lang,
    recorded: dict[str, Assessment],
    period_cases: list[Incident],
) -> Draft:
    items = standard.items()
    rules = standard.rules()
    pid = duty.subject
    last = min(months[-1].last, today)
    cases = tree.settings.cases

    wanted: list[Deduction] = []
    failing = False

    def fail(key: str, reason: str, ref: str | None) -> None:
        nonlocal failing
        item, points = rules.get(key, ("", 0.0))
        if item in items:
            wanted.append(Deduction(item=item, points=points, reason=_one_line(reason), ref=ref))
            failing = failing or key in FAILING

    for shortfall in (m for m in missed if m.subject == pid and m.tier in ("member", "group")):
        fail(
            "missed",
            in_lang(
                lang,
                "missed reports: fed back {actual} of {expected} {periods} as {level}, "
                "missed {shortfall} ({missed}); fails the post rating",
            ).format(
                actual=shortfall.actual,
                expected=shortfall.expected,
                periods=_said_period(shortfall.period, lang),
                level=label("level", shortfall.tier, lang),
                shortfall=shortfall.shortfall,
                missed=_joined(shortfall.missed_periods, lang),
            ),
            None,
        )
    for case in period_cases:
        if case.violation is not None and case.violation.person == pid:
            kind = label("violation_kind", case.violation.kind, lang)
            grade = case.grade(cases) or "B"
            fail(
                f"violation_{grade.lower()}",
                in_lang(lang, "own {grade}-class {kind}: {title}").format(
                    grade=grade, kind=kind, title=case.title
                ),
                case.id,
            )
        elif case.type == "accident":
            part = _part_in(case, pid, duty.unit)
            if part is not None:
                said = in_lang(lang, ACCIDENT_PART[part])
                fail(
                    part,
                    in_lang(lang, "{part}: {title}").format(part=said, title=case.title),
                    case.id,
                )
    for report in violations:
        fail(
            "violation_b",
            in_lang(lang, "own violation: {summary}").format(summary=report.summary),
            report.id,
        )
    scores = []
    sources: dict[str, str] = {}
    for item_id, item in items.items():
        check = _latest_check(tree, pid, CHECKED.get(item_id), last)
        if item_id not in CHECKED:
            sources[item_id] = "derived"
            scores.append(ItemScore(item=item_id, score=item.max))
        elif check is None:
            sources[item_id] = "missing"
            scores.append(
                ItemScore(
                    item=item_id,
                    score=0,
                    note=in_lang(lang, "no check recorded: not yet assessed"),
                )
            )
        else:
            event, result = check
            sources[item_id] = "derived"
            # a passed check scores its mark out of 100 on the item; a failed one loses it all
            mark = item.max if result.score is None or not result.passed else result.score
            scores.append(
                ItemScore(
                    item=item_id,
                    score=round(item.max * mark / 100, 1) if mark != item.max else item.max,
                    evidence=[event.id],
                )
            )
            if not result.passed:
                fail(
                    f"{item_id}_failed",
                    in_lang(lang, "failed {item}: {title}").format(
                        item=item.name, title=event.title
                    ),
                    event.id,
                )
    deductions = _capped(wanted, {i: s.max for i, s in items.items()})
    assessed = sum(items[s.item].max for s in scores if sources[s.item] != "missing")
    total = sum(s.score for s in scores) - sum(d.points for d in deductions)
    # Unassessed items are not held against the rating, only shown as missing.
    share = 100 * total / assessed if assessed else 100.0
    failed = failing or (standard.pass_mark is not None and share < standard.pass_mark)
    assessment = Assessment(
        id=f"A-{period}-{pid}",
        period=str(period),
        subject=pid,
        standard="member",
        items=scores,
        deductions=deductions,
        result="fail" if failed else "pass",
        status="draft",
        date=today,
    )
    return Draft(
        assessment,
        duty.name,
        recorded=recorded.get(assessment.id),
        branch=duty.branch or duty.unit,
        sources=sources,
    )


ACCIDENT_PART = {
    "responsible": "accident they answer for",
    "involved": "accident they were involved in",
    "nearby": "accident nearby",
}


def _said_period(period: str, lang: Lang) -> str:
    with i18n.using(lang):
        return i18n.pgettext("duty period", _PERIOD[period])


def _joined(items: Iterable[str], lang: Lang) -> str:
    with i18n.using(lang):
        return i18n.join(items)


def _part_in(case: Incident, pid: str, unit: str) -> str | None:
    """responsible (or the 看惯者 held to account), involved, nearby (same unit), or None."""
    roles = {p.role for p in case.persons if p.person == pid}
    answers = {r.person for r in case.responsibility} | {
        a.person for a in case.accountability if a.action != "rewarded"
    }
    if "responsible" in roles or pid in answers:
        return "responsible"
    if roles - {"witness"}:
        return "involved"
    return "nearby" if case.unit == unit else None


def _latest_check(
    tree: Tree, pid: str, kind: str | None, last: dt.date
) -> tuple[Competence, CompetenceResult] | None:
    """The person's latest check of ``kind`` within `CHECK_MONTHS` up to ``last``."""
    if kind is None:
        return None
    since = Month.of(last).shift(1 - CHECK_MONTHS).first
    found = [
        (event, result)
        for event, result in _checks(tree).get((kind, pid), ())
        if since <= event.date <= last
    ]
    return max(found, key=lambda x: (x[0].date, x[0].id), default=None)


def _checks(tree: Tree) -> dict[tuple[str, str], list[tuple[Competence, CompetenceResult]]]:
    """Each (kind, person)'s results of checks not withdrawn, in the tree's order: asked
    for every item of every member, a pass over every check each time grew with both."""

    def index() -> dict[tuple[str, str], list[tuple[Competence, CompetenceResult]]]:
        out: dict[tuple[str, str], list[tuple[Competence, CompetenceResult]]] = {}
        for event in tree.competence:
            if event.withdrawn is None:
                for result in event.results:
                    out.setdefault((event.kind, result.person), []).append((event, result))
        return out

    return snapshot.answer(tree, ("competence checks",), index)


def _recorded(tree: Tree, aid: str) -> Assessment | None:
    return next((a for a in tree.assessments if a.id == aid), None)


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 500 else flat[:499] + "…"


@dataclass(frozen=True)
class Written:
    id: str
    path: str
    action: str
    """created, replaced (an older draft) or kept (a final one is never overwritten)."""


def write_drafts(tree: Tree, assessed: Assessed) -> list[Written]:
    """Write every draft; replace older drafts, never a final assessment."""
    out = []
    folder = KINDS["assessment"].folder
    assert folder is not None
    for draft in assessed.drafts:
        a = draft.assessment
        rel = f"{folder(a)}/{a.id}.yaml"
        path = store.inside(tree.root, rel)
        if draft.recorded is not None and draft.recorded.status == "final":
            out.append(Written(a.id, rel, "kept"))
        elif path.exists():
            snapshot = store.Snapshot.read(path)
            if draft.recorded is None:
                out.append(Written(a.id, rel, "kept"))  # unreadable: leave it for `check`
                continue
            store.replace(snapshot, record_text(a))
            out.append(Written(a.id, rel, "replaced"))
        else:
            store.create(path, record_text(a))
            out.append(Written(a.id, rel, "created"))
    return out
