"""What each unit fell short on in a month, found in the records: the criticism of the notice.

Each rule is a small function of a `Scope` (the tree, the month, the day the month is judged
on, the language of the details) returning `Deficiency` items, each naming the branch to
criticise and the record ids that prove it. `assess` deducts branch points from the same
items, so the notice and the assessment can never disagree.

The month is judged as of its last day, or today while it is still running: an action due on
the 20th and done on the 3rd of the next month was overdue at the month's end, and a notice
for that month written a year later still says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import Action, Incident, Pairing, Person, Report
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.compliance import reporting_compliance
from barrier_cli.reports.snapshot import default_moment

SHORT_SUMMARY = 5
"""A summary shorter than this (in characters) with no details is a one-word report."""
SHALLOW_CAUSE = 8
"""A cause shorter than this (in characters, or two words in English) names no cause:
'粗心', 'careless'."""


@dataclass(frozen=True)
class Deficiency:
    """One shortfall of one unit, with the ids of the records that show it."""

    unit: str
    """The branch criticised (the unit itself when it is under no branch)."""
    rule: str
    detail: str
    evidence_ids: tuple[str, ...] = ()
    subject: str = ""
    """Who fell short when it is a person or unit rather than a record (missed reports)."""


@dataclass(frozen=True)
class Scope:
    """The month under judgement and what every rule needs to judge it."""

    tree: Tree
    month: Month
    asof: dt.date
    lang: Lang = "zh"

    @classmethod
    def of(
        cls,
        tree: Tree,
        month: Month,
        *,
        today: dt.date,
        lang: Lang = "zh",
        moment: dt.date | None = None,
    ) -> Scope:
        """The month judged on ``moment`` (default its end, or today while it runs), from
        the records as they stood then."""
        day = moment or default_moment(month, today)
        return cls(snapshot.as_of(tree, day), month, day, lang)

    def text(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def branch(self, unit: str | None) -> str:
        return self.tree.places.branch_of(unit) or unit or "?"

    @cached_property
    def assessment_ids(self) -> set[str]:
        return {a.id for a in self.tree.assessments if a.withdrawn is None}

    @cached_property
    def people(self) -> dict[str, Person]:
        return {p.id: p for p in self.tree.org.people}

    def person(self, pid: str | None) -> str:
        if pid is None:
            return self.text("无责任人", "no owner")
        person = self.people.get(pid)
        return person.name if person else pid

    def report_unit(self, report: Report) -> str:
        """The branch a report belongs to: its unit's, else its reporter's."""
        if report.unit is not None:
            return self.branch(report.unit)
        person = self.people.get(report.reporter)
        return self.branch(person.unit) if person else "?"

    def reports(self) -> list[Report]:
        """The month's reports, withdrawn ones left out."""
        return [r for r in self.tree.reports if r.withdrawn is None and self.month.contains(r.date)]

    def incidents(self) -> list[Incident]:
        return [i for i in self.tree.incidents if i.withdrawn is None]


Rule = Callable[[Scope], list[Deficiency]]


_ZH = {"day": "个值班日", "week": "周", "month": "个月"}
_EN = {"day": "duty days", "week": "weeks", "month": "months"}


def missed_reports(scope: Scope) -> list[Deficiency]:
    """漏报: each person, group leader or branch that missed a period, naming the periods.

    The evidence is what they did file that month, and the member's monthly assessment
    when one is recorded (it carries the failed rating).
    """
    compliance = reporting_compliance(scope.tree, scope.month, today=scope.asof)
    reports = scope.reports()
    out = []
    for duty in compliance.missed():
        rated = f"A-{scope.month}-{duty.subject}"
        filed = tuple(
            r.id
            for r in reports
            if r.level == duty.tier
            and (
                r.reporter == duty.subject
                if duty.tier != "branch"
                else scope.report_unit(r) == duty.subject
            )
        )
        # The member's own assessment of the month, when recorded, shows the consequence.
        if duty.tier == "member" and rated in scope.assessment_ids:
            filed += (rated,)
        who = f"{label('level', duty.tier, scope.lang)} {duty.name}"
        out.append(
            Deficiency(
                duty.branch or duty.unit,
                "missed_reports",
                scope.text(
                    f"{who}：应反馈{duty.expected}{_ZH[duty.period]}，漏报{duty.shortfall}"
                    f"{_ZH[duty.period]}（{'、'.join(duty.missed_periods)}）",
                    f"{who}: no feedback on {duty.shortfall} of {duty.expected} "
                    f"{_EN[duty.period]} ({', '.join(duty.missed_periods)})",
                ),
                filed,
                duty.subject,
            )
        )
    return out


def low_quality_reports(scope: Scope) -> list[Deficiency]:
    """Reports that say too little to act on: the keys, train or place missing, one word.

    A train matters for a vehicle fault or a report on the key train; a place for a near
    miss or a hazard in the equipment; the keys for a cadre patrol, which watches them.
    """
    out = []
    for report in scope.reports():
        gaps = list(_quality_gaps(report, scope))
        if gaps:
            out.append(
                Deficiency(
                    scope.report_unit(report),
                    "low_quality",
                    f"{report.id}「{report.summary}」：{'、'.join(gaps)}"
                    if scope.lang == "zh"
                    else f"{report.id} '{report.summary}': {', '.join(gaps)}",
                    (report.id,),
                )
            )
    return out


def _quality_gaps(report: Report, scope: Scope) -> Iterator[str]:
    summary = report.summary.strip()
    one_word = len(summary) < SHORT_SUMMARY or (summary.isascii() and len(summary.split()) < 3)
    if one_word and not report.details:
        yield scope.text("一句话信息，内容不具体", "a one-word summary")
    if report.source == "cadre_patrol" and not report.keys:
        yield scope.text("干部监控未注明五个关键", "a cadre patrol naming none of the five keys")
    about_a_train = report.category == "fault" or (
        "train" in report.keys and report.category not in ("suggestion", "other")
    )
    if about_a_train and not (report.train or report.vehicle):
        yield scope.text("未记车次车号", "no train or vehicle")
    where_matters = report.category == "near_miss" or (
        report.category == "hazard" and report.element == "equipment"
    )
    if where_matters and report.location is None:
        yield scope.text("未记地点", "no location")


def late_analysis(scope: Scope) -> list[Deficiency]:
    """Reports not analysed within ``deadlines.analyse_days`` of being observed, and cases
    not analysed by their class's deadline."""
    days = scope.tree.settings.deadlines.analyse_days
    out = []
    for late in snapshot.late_analyses(scope.tree, scope.month, scope.asof, days):
        rid = late.report.id
        detail = (
            scope.text(f"{rid}：{late.days}天后才分析", f"{rid}: analysed after {late.days} days")
            if late.analysed
            else scope.text(
                f"{rid}：{late.days}天未分析", f"{rid}: not analysed after {late.days} days"
            )
        )
        out.append(Deficiency(scope.report_unit(late.report), "late_analysis", detail, (rid,)))
    out.extend(_late_cases(scope))
    return out


def _late_cases(scope: Scope) -> Iterator[Deficiency]:
    """The month's accidents and precursors not analysed by the deadline of their class
    (cases.analysis_days); 两违 left unanalysed have their own item (violation_analysis)."""
    cases = scope.tree.settings.cases
    for incident in scope.incidents():
        if not scope.month.contains(incident.date) or incident.type == "violation":
            continue
        due = incident.analysis_due(cases)
        analysed = incident.analysed_on()
        if analysed is not None and analysed > scope.asof:
            analysed = None
        until = analysed or scope.asof
        if until <= due:
            continue
        late = (until - due).days
        yield Deficiency(
            scope.branch(incident.unit),
            "late_analysis",
            scope.text(
                f"{incident.id}「{incident.title}」：应于{due}前分析，"
                + (f"超期{late}天才分析" if analysed else f"已超期{late}天未分析"),
                f"{incident.id} '{incident.title}': analysis due {due}, "
                + (f"done {late} days late" if analysed else f"{late} days overdue"),
            ),
            (incident.id,),
        )


def shallow_analysis(scope: Scope) -> list[Deficiency]:
    """Causes of a few characters: a report's analysis or a case's causes of the month."""
    out = []
    for report in scope.reports():
        if report.analysis and _shallow(report.analysis.cause):
            out.append(
                Deficiency(
                    scope.report_unit(report),
                    "shallow_analysis",
                    scope.text(
                        f"{report.id}：原因仅「{report.analysis.cause.strip()}」",
                        f"{report.id}: the cause is only '{report.analysis.cause.strip()}'",
                    ),
                    (report.id,),
                )
            )
    for incident in scope.incidents():
        if not scope.month.contains(incident.date):
            continue
        shallow = [c.text.strip() for c in incident.causes if _shallow(c.text)]
        if shallow:
            out.append(
                Deficiency(
                    scope.branch(incident.unit),
                    "shallow_analysis",
                    scope.text(
                        f"{incident.id}「{incident.title}」：原因仅「{'」「'.join(shallow)}」",
                        f"{incident.id} '{incident.title}': the cause is only "
                        + ", ".join(f"'{c}'" for c in shallow),
                    ),
                    (incident.id,),
                )
            )
    return out


def _shallow(cause: str) -> bool:
    text = cause.strip()
    return len(text) < SHALLOW_CAUSE or (text.isascii() and len(text.split()) < 3)


def _actions_of_month(scope: Scope) -> Iterator[tuple[str, str, str, list[Action]]]:
    """(record id, branch, what, actions) of the month's reports and cases."""
    for report in scope.reports():
        yield report.id, scope.report_unit(report), report.summary, report.actions
    for incident in scope.incidents():
        if scope.month.contains(incident.date):
            yield incident.id, scope.branch(incident.unit), incident.title, incident.measures


def unassigned_actions(scope: Scope) -> list[Deficiency]:
    """Actions and measures of the month's records without an owner or a due date."""
    out = []
    for rid, unit, _what, actions in _actions_of_month(scope):
        for n, act in enumerate(actions, 1):
            missing = [
                scope.text(zh, en)
                for absent, zh, en in (
                    (act.owner is None, "无责任人", "no owner"),
                    (act.due is None, "无期限", "no due date"),
                )
                if absent
            ]
            if missing:
                out.append(
                    Deficiency(
                        unit,
                        "unassigned_action",
                        f"{rid}/{n}「{act.action}」：{'、'.join(missing)}"
                        if scope.lang == "zh"
                        else f"{rid}/{n} '{act.action}': {', '.join(missing)}",
                        (rid,),
                    )
                )
    return out


def overdue_actions(scope: Scope) -> list[Deficiency]:
    """Actions and measures of any month past due and not done as of the month's end."""
    records: list[tuple[str, str, list[Action]]] = [
        (r.id, scope.report_unit(r), r.actions) for r in scope.tree.reports if r.withdrawn is None
    ]
    records += [(i.id, scope.branch(i.unit), i.measures) for i in scope.incidents()]
    out = []
    for rid, unit, actions in records:
        for n, act in enumerate(actions, 1):
            if act.due is None or act.due >= scope.asof:
                continue
            if act.done is not None and act.done <= scope.asof:
                continue
            late = (scope.asof - act.due).days
            out.append(
                Deficiency(
                    unit,
                    "overdue_action",
                    scope.text(
                        f"{rid}/{n}「{act.action}」：{scope.person(act.owner)}负责，"
                        f"{act.due}到期，截至{scope.asof}逾期{late}天",
                        f"{rid}/{n} '{act.action}': {scope.person(act.owner)}, "
                        f"due {act.due}, {late} days overdue on {scope.asof}",
                    ),
                    (rid,),
                )
            )
    return out


def closed_against_rule(scope: Scope) -> list[Deficiency]:
    """Cases closed in the month while 三不放过 (四不放过) still lacks something."""
    closure = scope.tree.settings.closure
    name = "四不放过" if closure == "four" else "三不放过"
    rule = scope.text(name, f"the closure rule ({name})")
    out = []
    for incident in scope.incidents():
        if incident.status != "closed" or not scope.month.contains(
            incident.closed or incident.date
        ):
            continue
        gaps = incident.closure_gaps(closure, scope.tree.settings.cases)
        if gaps:
            names = [label("closure_gap", g, scope.lang) for g in gaps]
            out.append(
                Deficiency(
                    scope.branch(incident.unit),
                    "closed_against_rule",
                    scope.text(
                        f"{incident.id}「{incident.title}」违反{rule}销案：{'、'.join(names)}",
                        f"{incident.id} '{incident.title}' closed against {rule}: "
                        f"{', '.join(names)}",
                    ),
                    (incident.id,),
                )
            )
    return out


def _in_progress(pairing: Pairing, month: Month) -> bool:
    """Whether the pairing ran through the whole month without being turned around."""
    if pairing.withdrawn is not None or pairing.start >= month.first:
        return False
    finished = [d for d in (pairing.full_on, pairing.ended) if d is not None]
    return not finished or min(finished) > month.last


def pairing_without_review(scope: Scope) -> list[Deficiency]:
    """Pairings under way all month with no review (五勤) recorded in it."""
    out = []
    for pairing in scope.tree.pairings:
        if not _in_progress(pairing, scope.month):
            continue
        if any(scope.month.contains(r.date) for r in pairing.reviews):
            continue
        out.append(
            Deficiency(
                scope.branch(pairing.unit),
                "pairing_no_review",
                scope.text(
                    f"{pairing.id}：{scope.person(pairing.mentor)}包保{scope.person(pairing.person)}，"
                    f"本月无帮教记录",
                    f"{pairing.id}: {scope.person(pairing.mentor)} mentoring "
                    f"{scope.person(pairing.person)}, no review this month",
                ),
                (pairing.id,),
            )
        )
    return out


MILESTONE_ZH = {
    "basic": "基本转化，未转化也未升级包保",
    "escalated": "在支委委员协助下完全转化，仍未转化",
}


def pairing_past_milestone(scope: Scope) -> list[Deficiency]:
    """Pairings past their basic or full turnaround date as of the month's end."""
    deadlines = scope.tree.settings.deadlines
    out = []
    for pairing in scope.tree.pairings:
        if pairing.withdrawn is not None or pairing.start > scope.asof:
            continue
        # Milestones reached after the month's end were not reached in it.
        then = snapshot.pairing_on(pairing, scope.asof)
        for milestone in then.overdue_milestones(deadlines, scope.asof):
            due = then.milestone_due(milestone, deadlines)
            out.append(
                Deficiency(
                    scope.branch(pairing.unit),
                    "pairing_overdue",
                    scope.text(
                        f"{pairing.id}：{scope.person(pairing.person)}应于{due}"
                        + MILESTONE_ZH.get(milestone, "完全转化，未转化也未升级包保"),
                        f"{pairing.id}: {scope.person(pairing.person)} was due a {milestone} "
                        f"turnaround on {due}, neither reached nor escalated",
                    ),
                    (pairing.id,),
                )
            )
    return out


RULES: dict[str, tuple[Rule, str, str]] = {
    "missed_reports": (missed_reports, "信息漏报", "missed reports"),
    "low_quality": (low_quality_reports, "信息质量不高", "low-quality reports"),
    "late_analysis": (late_analysis, "分析不及时", "late analysis"),
    "shallow_analysis": (shallow_analysis, "原因分析不透", "shallow analysis"),
    "unassigned_action": (unassigned_actions, "措施无责任人或期限", "actions without owner or due"),
    "overdue_action": (overdue_actions, "整改逾期", "overdue actions"),
    "closed_against_rule": (closed_against_rule, "违规销案", "closed against the rule"),
    "pairing_no_review": (pairing_without_review, "包保帮教不落实", "pairings without review"),
    "pairing_overdue": (pairing_past_milestone, "包保转化逾期", "pairings past due"),
}
"""Every rule in the order the notice lists them, with its zh and en heading."""


def rule_title(rule: str, lang: Lang) -> str:
    _fn, zh, en = RULES[rule]
    return zh if lang == "zh" else en


def find_deficiencies(
    tree: Tree,
    month: Month,
    *,
    today: dt.date,
    lang: Lang = "zh",
    moment: dt.date | None = None,
) -> list[Deficiency]:
    """Every rule over the month as of ``moment`` (default `default_moment`), in rule order."""
    scope = Scope.of(tree, month, today=today, lang=lang, moment=moment)
    return [d for fn, _zh, _en in RULES.values() for d in fn(scope)]
