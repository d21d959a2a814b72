"""Draft assessments (考核) derived from the records, for people to review and make final.

Branches are scored on the branch standard (4 aspects, 13 items): every item starts at its
maximum, and each shortfall the records show is a deduction on the item it belongs to, with
``ref`` pointing at the record that proves it. The shortfalls are the notice's own
deficiencies (`deficiencies.py`) plus members' violations and accidents, so the notice and
the assessment never disagree. Members are rated monthly on the four member items: a missed
report, an own violation (两违) or an accident nearby fails the month (岗区评比失格).
What only people can judge (应知一口清, 应会一手精) is left at full marks for them to adjust.

`ITEMS` maps each shortfall to the item id of the shipped standards; a tree whose standard
lacks that item gets no deduction for it and a note saying so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from barrier_cli import snapshot, store
from barrier_cli.analysis.compliance import Expectation, branch_of, reporting_compliance
from barrier_cli.canonical import record_text
from barrier_cli.deficiencies import Deficiency, find_deficiencies, rule_title
from barrier_cli.errors import InvalidInput, UserError
from barrier_cli.kinds import KINDS
from barrier_cli.labels import Lang, label
from barrier_cli.loader import Tree
from barrier_cli.models import Assessment, Incident
from barrier_cli.models.assessment import Deduction, ItemScore
from barrier_cli.models.standard import Standard
from barrier_cli.periods import Month, Quarter

ITEMS: dict[str, tuple[str, float]] = {
    "missed_reports": ("info_network", 2),
    "low_quality": ("info_quality", 0.5),
    "late_analysis": ("info_quality", 0.5),
    "shallow_analysis": ("info_quality", 1),
    "unassigned_action": ("info_quality", 0.5),
    "overdue_action": ("projects", 1),
    "closed_against_rule": ("serious_cases", 2),
    "pairing_no_review": ("key_persons", 1),
    "pairing_overdue": ("key_persons", 2),
    "no_handover": ("serious_cases", 2),
    "serious_violation": ("post_area", 3),
    "violation": ("post_area", 1),
    "accident": ("post_area", 5),
    "precursor": ("post_area", 1),
}
"""Shortfall → (branch item id, points per occurrence)."""

MEMBER_ITEMS = {"missed": "no_violation", "violation": "no_violation", "accident": "no_accident"}
"""Member shortfall → member item id; each takes the whole item (失格)."""

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
    recorded: Assessment | None = None

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


def parse_period(month: str | None, quarter: str | None) -> Period:
    if (month is None) == (quarter is None):
        raise InvalidInput("give either --month YYYY-MM or --quarter YYYY-Qn")
    return Month.parse(month) if month is not None else Quarter.parse(quarter or "")


def assess(tree: Tree, period: Period, *, today: dt.date, lang: Lang = "zh") -> Assessed:
    """Branch scores (ranked, lowest flagged) and, for a month, member ratings."""
    if period.first > today:
        raise InvalidInput(f"{period} has not begun yet")
    months = [period] if isinstance(period, Month) else period.months
    months = [m for m in months if m.first <= today]
    # the period's records as they stood at its end, as the analysis and notice count them
    tree = snapshot.as_of(tree, min(period.last, today))
    notes: list[str] = []
    branch_std = _standard(tree, "branch")
    found = _period_deficiencies(tree, months, today=today, lang=lang)
    found += list(_case_shortfalls(tree, months, lang))
    branches = _rank(
        [
            _branch_draft(
                tree,
                str(period),
                [str(m) for m in months],
                (unit.id, unit.name),
                found,
                branch_std,
                today=today,
                lang=lang,
                notes=notes,
            )
            for unit in tree.org.units
            if unit.kind == "branch"
        ]
    )
    members: list[Draft] = []
    if isinstance(period, Month):
        member_std = _standard(tree, "member")
        compliance = reporting_compliance(tree, period, today=today)
        members = [
            _member_draft(tree, period, duty, compliance.missed(), member_std, today, lang)
            for duty in compliance.members
        ]
    return Assessed(str(period), branches, members, sorted(set(notes)))


def _standard(tree: Tree, name: str) -> Standard:
    standard = tree.standards.get(name)
    if standard is None:
        raise UserError(f"no standards/{name}.yaml: the {name} standard is needed to assess")
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
    """Violations and accidents of the period, and serious ones not handed over (交班)."""
    for case in tree.incidents:
        if case.withdrawn is not None or not any(m.contains(case.date) for m in months):
            continue
        unit = branch_of(tree.org, case.unit) or case.unit
        yield Deficiency(unit, _case_rule(case), _case_detail(case, lang), (case.id,))
        if case.needs_handover() and case.handover is None:
            yield Deficiency(
                unit,
                "no_handover",
                f"{case.id}「{case.title}」未交班"
                if lang == "zh"
                else f"{case.id} '{case.title}': not handed over",
                (case.id,),
            )


def _case_rule(case: Incident) -> str:
    if case.type == "violation":
        serious = case.violation is not None and case.violation.severity == "serious"
        return "serious_violation" if serious else "violation"
    return case.type


def _case_detail(case: Incident, lang: Lang) -> str:
    kind = label("accident_class", case.class_, lang) if case.class_ else None
    kind = kind or label("incident_type", case.type, lang)
    return (
        f"{case.id}「{case.title}」（{kind}）"
        if lang == "zh"
        else f"{case.id} '{case.title}' ({kind})"
    )


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
    recorded = {a.id for a in tree.assessments}
    wanted: list[Deduction] = []
    for d in found:
        if d.unit != unit_id:
            continue
        item, points = ITEMS[d.rule]
        if item not in items:
            notes.append(f"standards/branch.yaml has no item '{item}': no deduction for {d.rule}")
            continue
        wanted.append(
            Deduction(
                item=item,
                points=points,
                reason=_one_line(f"{shortfall_title(d.rule, lang)}: {d.detail}"),
                ref=_ref(d, months, recorded),
            )
        )
    deductions = _capped(wanted, {i: s.max for i, s in items.items()})
    assessment = Assessment(
        id=f"A-{period}-{unit_id}",
        period=period,
        subject=unit_id,
        standard="branch",
        items=[ItemScore(item=i, score=s.max) for i, s in items.items()],
        deductions=deductions,
        status="draft",
        date=today,
    )
    aspects = {
        aspect.id: sum(i.max for i in aspect.items)
        - sum(d.points for d in deductions if d.item in {i.id for i in aspect.items})
        for aspect in standard.aspects
    }
    return Draft(assessment, name, aspects, recorded=_recorded(tree, assessment.id))


CASE_RULES: dict[str, tuple[str, str]] = {
    "no_handover": ("未交班", "not handed over"),
    "serious_violation": ("严重两违", "serious violation"),
    "violation": ("两违", "violation"),
    "accident": ("事故", "accident"),
    "precursor": ("事故苗子", "precursor"),
}


def shortfall_title(rule: str, lang: Lang) -> str:
    """The notice's heading of a rule, or the heading of a case rule of assessment."""
    if rule in CASE_RULES:
        zh, en = CASE_RULES[rule]
        return zh if lang == "zh" else en
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
    ordered = sorted(drafts, key=lambda d: (-d.total, d.assessment.subject))
    totals = [d.total for d in ordered]
    lowest = min(totals, default=0.0)
    spread = len(set(totals)) > 1
    return [
        Draft(
            d.assessment,
            d.name,
            d.aspects,
            rank=1 + sum(1 for t in totals if t > d.total),
            lowest=spread and d.total == lowest,
            recorded=d.recorded,
        )
        for d in ordered
    ]


def _member_draft(
    tree: Tree,
    month: Month,
    duty: Expectation,
    missed: list[Expectation],
    standard: Standard,
    today: dt.date,
    lang: Lang,
) -> Draft:
    items = standard.items()
    pid = duty.subject

    def t(zh: str, en: str) -> str:
        return zh if lang == "zh" else en

    wanted: list[Deduction] = []

    def fail(key: str, reason: str, ref: str | None) -> None:
        item = MEMBER_ITEMS[key]
        if item in items:
            wanted.append(
                Deduction(item=item, points=items[item].max, reason=_one_line(reason), ref=ref)
            )

    for shortfall in (m for m in missed if m.subject == pid and m.tier in ("member", "group")):
        fail(
            "missed",
            t(
                f"漏报：{label('level', shortfall.tier)}应报{shortfall.expected}条，"
                f"实报{shortfall.actual}条，岗区评比失格",
                f"missed reports: {shortfall.actual} of {shortfall.expected} "
                f"as {label('level', shortfall.tier, 'en')}",
            ),
            None,
        )
    for case in tree.incidents:
        if case.withdrawn is not None or not month.contains(case.date):
            continue
        if case.violation is not None and case.violation.person == pid:
            kind = label("violation_kind", case.violation.kind, lang)
            fail("violation", t(f"本人{kind}：{case.title}", f"own {kind}: {case.title}"), case.id)
        elif case.type == "accident" and (
            case.unit == duty.unit or pid in {p.person for p in case.persons}
        ):
            fail(
                "accident",
                t(f"身边发生事故：{case.title}", f"accident nearby: {case.title}"),
                case.id,
            )
    for report in tree.reports:
        if (
            report.withdrawn is None
            and month.contains(report.date)
            and report.category == "violation"
            and pid in report.persons
        ):
            fail(
                "violation",
                t(f"本人两违：{report.summary}", f"own violation: {report.summary}"),
                report.id,
            )
    deductions = _capped(wanted, {i: s.max for i, s in items.items()})
    scores = [
        ItemScore(
            item=i,
            score=s.max,
            note=t("草稿按满分计，待评议", "draft: full marks until reviewed")
            if i not in MEMBER_ITEMS.values()
            else None,
        )
        for i, s in items.items()
    ]
    total = sum(s.score for s in scores) - sum(d.points for d in deductions)
    failed = bool(wanted) or (standard.pass_mark is not None and total < standard.pass_mark)
    assessment = Assessment(
        id=f"A-{month}-{pid}",
        period=str(month),
        subject=pid,
        standard="member",
        items=scores,
        deductions=deductions,
        result="fail" if failed else "pass",
        status="draft",
        date=today,
    )
    return Draft(assessment, duty.name, recorded=_recorded(tree, assessment.id))


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
