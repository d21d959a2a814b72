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
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from barrier_cli.core import i18n
from barrier_cli.core.labels import Lang, label
from barrier_cli.core.models import Action, Incident, Pairing, Person, Report
from barrier_cli.core.models.incident import typical_gaps
from barrier_cli.core.periods import Month
from barrier_cli.io.loader import EarlierReport, Tree
from barrier_cli.reports import snapshot
from barrier_cli.reports.case_names import case_subject, case_team
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
    action: int = 0
    """The action's number in its record (1-based) for an overdue action."""


SUCCEEDING_POSTS = ("team_leader", "duty_officer", "foreman", "secretary", "group_leader")
"""The posts whose holder answers for their predecessor's open actions."""


def successor(tree: Tree, person: Person, as_of: dt.date) -> Person | None:
    """Who answers on ``as_of`` for what ``person`` owned, having left before it: whoever
    took a post of theirs in their unit since they left."""
    if person.until is None or person.until >= as_of:
        return None
    return next(
        (
            p
            for p in tree.org.people
            if p.unit == person.unit
            and p.active_on(as_of)
            and p.since is not None
            and p.since >= person.until
            and set(p.roles) & set(person.roles) & set(SUCCEEDING_POSTS)
        ),
        None,
    )


def removed_from(tree: Tree, person: Person) -> str | None:
    """The post (a role key, 工班长 ``team_leader``) ``person`` was removed from (撤换) when
    they left it, else None (they left of their own accord, or have not left): a case's
    责任追究 ``replaced`` on the day they left. A 公文 says 孔祥宇10月27日被撤换工班长, never
    已离岗, of a man removed."""
    if person.until is None:
        return None
    removed = any(
        a.person == person.id and a.action == "replaced" and a.date == person.until
        for i in tree.incidents
        if i.withdrawn is None
        for a in i.accountability
    )
    return next((r for r in person.roles if r in SUCCEEDING_POSTS), None) if removed else None


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

    def word(self, context: str, message: str) -> str:
        """``message`` in the scope's language, as the catalogue says it in ``context``."""
        with i18n.using(self.lang):
            return i18n.pgettext(context, message)

    def join(self, items: Iterable[str], *, both: bool = False) -> str:
        """``items`` listed in the scope's language; ``both`` as things that are all missing
        ("no owner and no due date")."""
        items = list(items)
        with i18n.using(self.lang):
            return i18n.pgettext("missing", " and ").join(items) if both else i18n.join(items)

    def branch(self, unit: str | None) -> str:
        return self.tree.places.branch_of(unit) or unit or "?"

    @cached_property
    def assessment_ids(self) -> set[str]:
        return {a.id for a in self.tree.assessments if a.withdrawn is None}

    @cached_property
    def people(self) -> dict[str, Person]:
        return {p.id: p for p in self.tree.org.people}

    def unit_name(self, unit: str) -> str:
        return next((u.name for u in self.tree.org.units if u.id == unit), unit)

    def day(self, day: dt.date) -> str:
        return say_day(day, self.lang, self.month.year)

    def person(self, pid: str | None) -> str:
        if pid is None:
            return self.word("action owner", "no owner")
        person = self.people.get(pid)
        return person.name if person else pid

    def owner(self, pid: str | None) -> str:
        """An action's owner; one who left before the moment judged is said to have left,
        so nobody reads an order to a person no longer there."""
        person = self.people.get(pid or "")
        if person is None or person.until is None or person.until > self.asof:
            return self.person(pid)
        after = successor(self.tree, person, self.asof)
        role = removed_from(self.tree, person)
        post = (person.post or label("role", role, self.lang)) if role is not None else None
        if after is not None and post is not None and after.since is not None:
            # the successor is named with the day he took over (魏振（10月28日接替孔祥宇）):
            # the removal itself is told where the case's 责任追究 is
            return i18n.in_lang(self.lang, "{now} (took over from {was} on {since})").format(
                now=after.name, was=person.name, since=self.day(after.since)
            )
        if after is not None and post is not None:
            return i18n.in_lang(
                self.lang, "{now} (replacing {was}, removed from the post of {post} on {day})"
            ).format(now=after.name, was=person.name, post=post, day=self.day(person.until))
        if after is not None:
            return i18n.in_lang(
                self.lang, "{now} (in place of {was}, out of post since {day})"
            ).format(now=after.name, was=person.name, day=self.day(person.until))
        return i18n.in_lang(self.lang, "{name} (out of post since {day})").format(
            name=person.name, day=self.day(person.until)
        )

    def report_unit(self, report: Report | EarlierReport) -> str:
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


_EN = {"day": "duty days", "week": "weeks", "month": "months"}
_MONTHS_EN = (  # noqa: SIM905
    "January February March April May June July August September October November December"
).split()


def say_day(day: dt.date, lang: Lang, year: int) -> str:
    """A calendar date as a 公文 writes it: 10月9日, with the year only when it is not
    the document's (2025年12月30日); in English 9 October (2025)."""
    if lang == "zh":
        return (f"{day.year}年" if day.year != year else "") + f"{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]}" + (f" {day.year}" if day.year != year else "")


def say_days(days: list[dt.date], lang: Lang, year: int) -> str:
    """Several dates, the month said once while it stays the same: 10月13日、19日、26日;
    13, 19 and 26 October."""
    if lang != "zh":
        runs: list[list[dt.date]] = []
        for d in days:
            if runs and (runs[-1][-1].year, runs[-1][-1].month) == (d.year, d.month):
                runs[-1].append(d)
            else:
                runs.append([d])
        said = [
            _and([str(d.day) for d in run])
            + f" {_MONTHS_EN[run[0].month - 1]}"
            + (f" {run[0].year}" if run[0].year != year else "")
            for run in runs
        ]
        return _and(said) if all(len(r) == 1 for r in runs) else ", ".join(said)
    out: list[str] = []
    for n, d in enumerate(days):
        same = n and days[n - 1].year == d.year and days[n - 1].month == d.month
        out.append(f"{d.day}日" if same else say_day(d, lang, year))
    return "、".join(out)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def say_period(key: str, lang: Lang, year: int) -> str:
    """A reporting period by its key: a day (2026-10-13), a week (2026-W43: the week from
    its Monday to its Sunday, 10月19日至25日当周) or a month (2026-10: 10月)."""
    if "-W" in key:
        y, w = key.split("-W")
        monday = dt.date.fromisocalendar(int(y), int(w), 1)
        sunday = monday + dt.timedelta(days=6)
        if lang == "zh":
            end = f"{sunday.day}日" if sunday.month == monday.month else say_day(sunday, lang, year)
            return f"{say_day(monday, lang, year)}至{end}当周"
        if sunday.month == monday.month:
            return f"the week of {monday.day}–{say_day(sunday, lang, year)}"
        return f"the week of {say_day(monday, lang, year)} – {say_day(sunday, lang, year)}"
    if key.count("-") == 1:
        in_year, m = (int(x) for x in key.split("-"))
        if lang == "zh":
            return (f"{in_year}年" if in_year != year else "") + f"{m}月"
        return f"{_MONTHS_EN[m - 1]}" + (f" {in_year}" if in_year != year else "")
    return say_day(dt.date.fromisoformat(key), lang, year)


def say_periods(keys: tuple[str, ...], lang: Lang, year: int) -> str:
    if keys and all(k.count("-") == 2 and "-W" not in k for k in keys):
        return say_days([dt.date.fromisoformat(k) for k in keys], lang, year)
    with i18n.using(lang):
        return i18n.join(say_period(k, lang, year) for k in keys)


def person_title(scope: Scope, pid: str, tier: str, branch: str) -> str:
    """Who someone is in a sentence about them: 黄立军（一班党支部，党小组长）,
    任辉（四班党支部书记）."""
    person = scope.people.get(pid)
    name = person.name if person else pid
    branch_name = scope.unit_name(branch)
    if person is not None and "secretary" in person.roles and person.unit == branch:
        return i18n.in_lang(scope.lang, "{name} ({branch}, secretary)").format(
            name=name, branch=branch_name
        )
    role = (
        label("level", tier, scope.lang)
        if tier != "group"
        else scope.word("role", "party group leader")
    )
    return i18n.in_lang(scope.lang, "{name} ({branch}, {role})").format(
        name=name, branch=branch_name, role=role
    )


def missed_reports(scope: Scope) -> list[Deficiency]:
    """漏报: each person, group leader or branch that missed a period, naming the periods.

    The evidence is what they did file that month, and the member's monthly assessment
    when one is recorded (it carries the failed rating).
    """
    compliance = reporting_compliance(scope.tree, scope.month, today=scope.asof)
    # grouped once: looked up per duty, not scanned (people × reports)
    filed_by: dict[tuple[str, str], list[str]] = {}
    for r in scope.reports():
        who = scope.report_unit(r) if r.level == "branch" else r.reporter
        filed_by.setdefault((r.level, who), []).append(r.id)
    out = []
    for duty in compliance.missed():
        rated = f"A-{scope.month}-{duty.subject}"
        filed = tuple(filed_by.get((duty.tier, duty.subject), ()))
        # The member's own assessment of the month, when recorded, shows the consequence.
        if duty.tier == "member" and rated in scope.assessment_ids:
            filed += (rated,)
        year = scope.month.year
        missed = say_periods(duty.missed_periods, scope.lang, year)
        if duty.tier == "branch":
            who = scope.unit_name(duty.subject)
        else:
            who = person_title(scope, duty.subject, duty.tier, duty.branch or duty.unit)
        if duty.period == "day" and duty.actual == 0:
            message = "{who}: owed feedback on {expected} duty days this month and gave none"
        elif duty.period == "day":
            message = "{who}: owed feedback on {expected} duty days this month, none on {missed}"
        elif duty.period == "week":
            message = "{who}: owed feedback every week this month, none for {missed}"
        else:
            message = "{who}: owed feedback every month, none for {missed}"
        out.append(
            Deficiency(
                duty.branch or duty.unit,
                "missed_reports",
                i18n.in_lang(scope.lang, message).format(
                    who=who, expected=duty.expected, missed=missed
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
                    i18n.in_lang(
                        scope.lang, "the report '{summary}' of {day} ({id}): {gaps}"
                    ).format(
                        summary=report.summary,
                        day=scope.day(report.date),
                        id=report.id,
                        gaps=scope.join(gaps),
                    ),
                    (report.id,),
                )
            )
    return out


def _quality_gaps(report: Report, scope: Scope) -> Iterator[str]:
    summary = report.written.strip()  # its own words, whatever language prints it
    one_word = len(summary) < SHORT_SUMMARY or (summary.isascii() and len(summary.split()) < 3)
    if one_word and not report.details:
        yield scope.word("report gap", "a one-word summary")
    if report.source == "cadre_patrol" and not report.keys:
        yield scope.word("report gap", "a cadre patrol naming none of the five keys")
    about_a_train = report.category == "fault" or (
        "train" in report.keys and report.category not in ("suggestion", "other")
    )
    if about_a_train and not (report.train or report.vehicle):
        yield scope.word("report gap", "no train or vehicle")
    where_matters = report.category == "near_miss" or (
        report.category == "hazard" and report.element == "equipment"
    )
    if where_matters and report.location is None:
        yield scope.word("report gap", "no location")


def late_analysis(scope: Scope) -> list[Deficiency]:
    """Reports not analysed within ``deadlines.analyse_days`` of being observed, and cases
    not analysed by their class's deadline."""
    days = scope.tree.settings.deadlines.analyse_days
    out = []
    for late in snapshot.late_analyses(scope.tree, scope.month, scope.asof, days):
        rid = late.report.id
        # named by day, team and content: a circulated list drops the record number
        message = (
            "the report of {when} from {team}, “{what}” ({id}), was analysed only on {done} "
            "({late}), beyond the {allowed} allowed"
            if late.analysed
            else "the report of {when} from {team}, “{what}” ({id}), was still not analysed on "
            "{done}, {late} after it, beyond the {allowed} allowed"
        )
        detail = i18n.in_lang(scope.lang, message).format(
            when=scope.day(late.report.date),
            team=scope.unit_name(late.report.unit or scope.report_unit(late.report)),
            what=wagon_named(scope, late.report.summary, late.report.vehicle),
            id=rid,
            done=scope.day(late.report.date + dt.timedelta(days=late.days)),
            late=_days(scope, late.days),
            allowed=_days(scope, days),
        )
        for accident in _same_kind(scope, late.report):
            # the report the record links to an accident of the year: a late analysis of
            # the very problem that has already caused one is worse than a late analysis
            detail = i18n.in_lang(
                scope.lang,
                "{detail}; it is a problem of the same kind as the {kind} of {day} this year "
                "({what})",
            ).format(
                detail=detail,
                kind=_case_kind(accident, scope),
                day=scope.day(accident.date),
                what=case_subject(scope.tree, accident, scope.lang),
            )
        out.append(Deficiency(scope.report_unit(late.report), "late_analysis", detail, (rid,)))
    out.extend(_late_cases(scope))
    return out


def _same_kind(scope: Scope, report: Report) -> list[Incident]:
    """The accidents of the report's year before it that the report links to (``links``):
    the records saying the problem reported is of the kind that caused them."""
    linked = set(report.links)
    return sorted(
        (
            i
            for i in scope.tree.incidents
            if i.id in linked
            and i.type == "accident"
            and i.withdrawn is None
            and i.date.year == report.date.year
            and i.date < report.date
        ),
        key=lambda i: (i.date, i.id),
    )


def wagon_named(scope: Scope, text: str, vehicle: str | None) -> str:
    """``text`` with its wagon as a document names it (KZ70型2925922号货车), not as the record
    keeps it ("KZ70 2925922")."""
    model, _sep, number = (vehicle or "").partition(" ")
    if not number:
        return text
    named = i18n.in_lang(scope.lang, "{model} {number}").format(model=model, number=number)
    return text.replace(f"{model} {number}", named)


def _late_cases(scope: Scope) -> Iterator[Deficiency]:
    """Accidents, precursors and typical 两违 not analysed by the deadline of their class
    (cases.analysis_days): the month's, and earlier ones still not analysed when it began.

    A typical case is analysed at a 支委会 with its attendees recorded; a meeting without
    them is not the analysis the procedure asks for, whatever the case's status says.
    """
    cases = scope.tree.settings.cases
    for incident in scope.incidents():
        typical = incident.is_typical(cases)
        if incident.type == "violation" and not typical:
            continue
        due = incident.analysis_due(cases)
        analysed = incident.analysed_on()
        meeting = incident.analysis.meeting if incident.analysis else None
        unattended = None  # a meeting recorded without who attended
        if typical and "meeting" in typical_gaps(incident, cases):
            analysed = None
            if meeting is not None and meeting.date <= scope.asof:
                unattended = meeting.date
        if analysed is not None and analysed > scope.asof:
            analysed = None
        # an earlier case is this month's lapse only while it stays unanalysed in it
        if not scope.month.contains(incident.date) and (
            incident.date > scope.month.first or analysed is not None or due >= scope.asof
        ):
            continue
        until = analysed or scope.asof
        if until <= due:
            continue
        late = (until - due).days
        yield Deficiency(
            scope.branch(incident.unit),
            "late_analysis",
            i18n.in_lang(
                scope.lang,
                "{case} ({id}) was to be analysed by {due}; it was analysed on {then}, {late} late"
                if analysed
                else "{case} ({id}) was to be analysed at a branch committee meeting by {due}. The "
                "meeting of {then} kept no attendance record, so it does not count as a committee "
                "analysis; on {asof} "
                "it was {late} late"
                if unattended
                else "{case} ({id}) was to be analysed by {due}; on {asof} it was still not "
                "analysed, {late} late",
            ).format(
                case=_case_name(incident, scope),
                id=incident.id,
                due=scope.day(due),
                then="" if (then := analysed or unattended) is None else scope.day(then),
                late=_days(scope, late),
                asof=scope.day(scope.asof),
            ),
            (incident.id,),
        )


def _case_name(incident: Incident, scope: Scope) -> str:
    """A case as the documents name it (date, team, the rule-breaker in front of what
    happened, kind): 9月18日三班二组孙浩列车未停稳跨越车钩严重违章."""
    if incident.type == "accident":
        # an accident's title names the event (33062次晚点), not what its team did
        return i18n.in_lang(scope.lang, "the {what} on {day} (a {kind})").format(
            kind=_case_kind(incident, scope),
            day=scope.day(incident.date),
            what=case_subject(scope.tree, incident, scope.lang),
        )
    return i18n.in_lang(scope.lang, "the {kind} of {day} in {team} ({what})").format(
        kind=_case_kind(incident, scope),
        day=scope.day(incident.date),
        team=case_team(scope.tree, incident),
        what=case_subject(scope.tree, incident, scope.lang),
    )


def _days(scope: Scope, n: int) -> str:
    """A span of days in the scope's language: "3 days", "1 day", "3天"."""
    with i18n.using(scope.lang):
        return i18n.ngettext("{n} day", "{n} days", n).format(n=n)


def _case_kind(incident: Incident, scope: Scope) -> str:
    """一般A类事故, A类违章, 事故苗子: what a case is called in a sentence."""
    if incident.type == "accident":
        name = label("accident_class", incident.class_ or "general_d", scope.lang)
        return i18n.in_lang(scope.lang, "{name} accident").format(name=name)
    if incident.violation is not None:
        grade = incident.grade(scope.tree.settings.cases)
        kind = label("violation_kind", incident.violation.kind, scope.lang)
        if grade == "A":  # the source's 严重“两违”: the notice and its attachment say it alike
            return i18n.in_lang(scope.lang, "serious {kind}").format(kind=kind)
        if grade:
            return i18n.in_lang(scope.lang, "class {grade} {kind}").format(grade=grade, kind=kind)
        return kind
    return label("incident_type", incident.type, scope.lang)


def shallow_analysis(scope: Scope) -> list[Deficiency]:
    """Causes of a few characters: a report's analysis or a case's causes of the month."""
    out = []
    for report in scope.reports():
        if report.analysis and _shallow(report.analysis.cause):
            out.append(
                Deficiency(
                    scope.report_unit(report),
                    "shallow_analysis",
                    i18n.in_lang(
                        scope.lang,
                        "the analysis of the report of {day} ({id}) gives only '{cause}' as the "
                        "cause",
                    ).format(
                        day=scope.day(report.date),
                        id=report.id,
                        cause=report.analysis.cause.strip(),
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
                    i18n.in_lang(
                        scope.lang, "the causes of '{title}' ({id}) are only {causes}"
                    ).format(
                        title=incident.title,
                        id=incident.id,
                        causes=scope.join(
                            scope.word("quoted", "'{text}'").format(text=c) for c in shallow
                        ),
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
                scope.word("missing", message)
                for absent, message in (
                    (act.owner is None, "no owner"),
                    (act.due is None, "no due date"),
                )
                if absent
            ]
            if missing:
                out.append(
                    Deficiency(
                        unit,
                        "unassigned_action",
                        i18n.in_lang(
                            scope.lang, "the action “{action}” ({id}/{n}) has {missing}"
                        ).format(
                            action=act.action, id=rid, n=n, missing=scope.join(missing, both=True)
                        ),
                        (rid,),
                    )
                )
    return out


def overdue_actions(scope: Scope) -> list[Deficiency]:
    """Actions and measures of any month past due and not done as of the month's end."""
    # a long history has tens of thousands of overdue actions between a few hundred owners
    # and dates: each owner, day and span is said once, and a record's branch is looked up
    # only when one of its actions is overdue
    said = i18n.in_lang(
        scope.lang,
        "the action “{action}” ({id}/{n}), owner {owner}, was due on {due} and "
        "was {late} overdue on {asof}",
    )
    owner = functools.cache(scope.owner)
    day = functools.cache(scope.day)
    late = functools.cache(functools.partial(_days, scope))
    asof = scope.asof
    out: list[Deficiency] = []

    def add(rid: str, unit: str, overdue: list[tuple[int, Action, dt.date]]) -> None:
        out.extend(
            Deficiency(
                unit,
                "overdue_action",
                said.format(
                    action=act.action,
                    id=rid,
                    n=index + 1,
                    owner=owner(act.owner),
                    due=day(due),
                    late=late((asof - due).days),
                    asof=day(asof),
                ),
                (rid,),
                action=index + 1,
            )
            for index, act, due in overdue
        )

    # reports in file order, those not held whole (`Tree.earlier`) with their open actions
    for r, actions in snapshot.report_actions(scope.tree):
        if (isinstance(r, EarlierReport) or r.withdrawn is None) and (
            overdue := _overdue(actions, asof)
        ):
            add(r.id, scope.report_unit(r), overdue)
    for i in scope.incidents():
        if overdue := _overdue(enumerate(i.measures), asof):
            add(i.id, scope.branch(i.unit), overdue)
    return out


def _overdue(
    actions: Iterable[tuple[int, Action]], asof: dt.date
) -> list[tuple[int, Action, dt.date]]:
    """Those of ``actions`` (index, action) past due and not done on ``asof``, with their due
    date."""
    return [
        (index, act, act.due)
        for index, act in actions
        if act.due is not None and act.due < asof and (act.done is None or act.done > asof)
    ]


def closed_against_rule(scope: Scope) -> list[Deficiency]:
    """Cases closed in the month while 三不放过 (四不放过) still lacks something."""
    closure = scope.tree.settings.closure
    name = "四不放过" if closure == "four" else "三不放过"
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
                    i18n.in_lang(
                        scope.lang,
                        "{id} '{title}' closed against the closure rule ({rule}): {gaps}",
                    ).format(
                        id=incident.id, title=incident.title, rule=name, gaps=scope.join(names)
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
                i18n.in_lang(
                    scope.lang, "{id}: {mentor} mentoring {person}, no review this month"
                ).format(
                    id=pairing.id,
                    mentor=scope.person(pairing.mentor),
                    person=scope.person(pairing.person),
                ),
                (pairing.id,),
            )
        )
    return out


MILESTONE = {
    "basic": "{id}: {person} was due a basic turnaround on {due}, neither reached nor escalated",
    "full": "{id}: {person} was due a full turnaround on {due}, neither reached nor escalated",
    "escalated": "{id}: {person} was due an escalated turnaround on {due}, not yet reached",
}
"""What a pairing past each milestone lapsed in, in English (the catalogue says it in Chinese)."""


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
                    i18n.in_lang(scope.lang, MILESTONE[milestone]).format(
                        id=pairing.id, person=scope.person(pairing.person), due=scope.day(due)
                    ),
                    (pairing.id,),
                )
            )
    return out


RULES: dict[str, tuple[Rule, str]] = {
    "missed_reports": (missed_reports, "missed reports"),
    "low_quality": (low_quality_reports, "low-quality reports"),
    "late_analysis": (late_analysis, "late analysis"),
    "shallow_analysis": (shallow_analysis, "shallow analysis"),
    "unassigned_action": (unassigned_actions, "actions without owner or due"),
    "overdue_action": (overdue_actions, "overdue actions"),
    "closed_against_rule": (closed_against_rule, "closed against the rule"),
    "pairing_no_review": (pairing_without_review, "pairings without review"),
    "pairing_overdue": (pairing_past_milestone, "pairings past due"),
}
"""Every rule in the order the notice lists them, with its heading (catalogue context "rule")."""


def rule_title(rule: str, lang: Lang) -> str:
    with i18n.using(lang):
        return i18n.pgettext("rule", RULES[rule][1])


def find_deficiencies(
    tree: Tree,
    month: Month,
    *,
    today: dt.date,
    lang: Lang = "zh",
    moment: dt.date | None = None,
) -> list[Deficiency]:
    """Every rule over the month as of ``moment`` (default `default_moment`), in rule order."""

    def compute() -> list[Deficiency]:
        scope = Scope.of(tree, month, today=today, lang=lang, moment=moment)
        return [d for fn, _title in RULES.values() for d in fn(scope)]

    return list(snapshot.answer(tree, ("deficiencies", month, today, lang, moment), compute))


@dataclass(frozen=True)
class Answerable:
    """Who answers for a branch's measure when the branch secretary is involved in the case
    behind it: the measure's owner still carries it out, a committee member not involved
    urges it on, and the general branch's secretary supervises (任辉组织落实，支部委员莫文斌
    督促，车间党总支王建国督导). The analysis and the notice both say it from this."""

    involved: tuple[str, ...]
    """The branch's secretaries involved in the case (person ids)."""
    member: str
    """The committee member who urges the measure on (person id)."""
    head: str
    """The general branch's secretary, who supervises (person id)."""


def answerable(tree: Tree, branch: str, involved: Iterable[str], day: dt.date) -> Answerable | None:
    """For ``branch`` (a unit id), whose case involves the people ``involved`` (person ids),
    as of ``day``: None when none of its secretaries is involved (the secretary answers, as
    always), or when the branch has no other committee member or the general branch no
    secretary to turn to."""
    people = set(involved)
    in_branch = [
        p for p in tree.org.people if p.active_on(day) and tree.places.branch_of(p.unit) == branch
    ]
    secretaries = tuple(p.id for p in in_branch if "secretary" in p.roles and p.id in people)
    if not secretaries:
        return None
    member = next(
        (
            p.id
            for p in in_branch
            if "committee" in p.roles and "secretary" not in p.roles and p.id not in people
        ),
        None,
    )
    general = {u.id for u in tree.org.units if u.kind == "general_branch"}
    head = next(
        (
            p.id
            for p in tree.org.people
            if "secretary" in p.roles and p.unit in general and p.active_on(day)
        ),
        None,
    )
    if member is None or head is None:
        return None
    return Answerable(secretaries, member, head)


def correction_deadline(
    tree: Tree, month: Month, today: dt.date, moment: dt.date | None = None
) -> dt.date:
    """The day the month's notice gives for corrections: the issued notice's own, else the
    draft's (dated `snapshot.DRAFT_DAYS` after the month, or ``today`` if earlier, plus
    ``notice.correction_days``). What the general branch owes by then (its 自查) is dated
    so in the analysis as in the notice."""
    issued = [n for n in tree.notices if n.month == str(month) and n.withdrawn is None]
    latest = max(issued, key=lambda n: (n.year, n.seq), default=None)
    if latest is not None and latest.deadline is not None and moment is None:
        return latest.deadline
    dated = min(
        today, max(month.last + dt.timedelta(days=snapshot.DRAFT_DAYS), moment or month.first)
    )
    return dated + dt.timedelta(days=tree.settings.notice.correction_days)
