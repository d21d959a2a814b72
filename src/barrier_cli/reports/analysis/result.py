"""The monthly analysis as one plain result: dataclasses, no pandas, no rendering.

Every number a document shows is a field here, so ``to_json`` gives dashboards exactly what
the meeting saw. The JSON shape (``"schema": 1``) is stable; fields are only ever added:

- ``organisation``, ``month`` ("YYYY-MM"), ``as_of`` (the day overdue is counted on: the
  month's end or today, whichever is earlier), ``skipped_files``
- ``totals``: ``reports``, ``previous``, ``year_ago``, ``change_previous``,
  ``change_year_ago``, ``weighted``, ``incidents``, ``previous_known``, ``year_ago_known``
  (false when that month is before the first record)
- ``trend``: 12 ``{month, reports, equipment, personnel, management}``, oldest first
- ``by``: ``element|category|source|unit|level`` → list of ``{key, name, count, share}``
- ``unit_element``: list of ``{unit, name, equipment, personnel, management, total}``
- ``compliance``: ``members|groups|branches`` → list of ``{tier, subject, name, unit,
  branch, expected, actual, unit_name, missed, shortfall}``, and ``missed``: the same rows not met
- ``timeliness``: counts, medians (days, null when nothing to measure), ``late_analysis``
  (report ids), ``overdue``: list of ``{record, field, index, action, owner, owner_name,
  unit, due, days_overdue}``
- ``incidents`` and ``earlier_open``: list of ``{id, date, title, unit, unit_name, type,
  class, severity, persons, status, gaps, closed, complete}``
- ``repeat_violators``: list of ``{person, name, unit, count, evidence, pairing,
  unit_name}``
- ``pairings``: counts and ``rows`` of ``{id, person, person_name, mentor, mentor_name,
  unit, start, basic_due, full_due, basic_on, full_on, status, due, overdue, turned}``
- ``weak_links`` (ranked) and ``priorities`` (the top ones): ``{rank, element, category,
  key, location, count, weighted, previous_avg, growth, evidence}``
- ``assessments``: list of ``{rank, subject, name, standard, period, total, max, result,
  status, flagged, branch}`` (members ranked within their branch); ``good_catches``: list of ``{id, date, reporter, reporter_name,
  unit_name, summary, train, vehicle}``
- ``incidents`` rows also carry ``typical``, ``grade``, ``analysis_due``, ``analysis_late``
- ``rewards``: list of ``{date, kind, level, person, unit, amount, reason, record, source,
  id, name}``
- ``key_persons``: list of ``{person, name, unit, score, signals: [{kind, ref, weight}],
  register, status, pairing, proposed}``
- ``problems`` (存在的主要问题): ``{element, reports, share, categories, cases: [{id, text,
  kind}]}`` per element, people, equipment, management in that order
- ``studies`` (典型案例剖析): ``{case, description, timeline, levels, meeting, meeting_date,
  causes, accountability, measures, handover, handover_date}`` of each typical case open or of
  the month
- ``proposed`` (下月保安全重点): ``{rank, content, measures, unit, unit_name, owner,
  owner_name, deadline, basis, weight}``; ``followed`` (上月保安全重点落实情况): ``{record,
  index, content, unit_name, owner_name, due, done, state, evidence}``, ``followed_known``
- ``scores`` (考核与排序): ``{period, branches, members, tail}`` of ``{rank, subject, name,
  total, max, lowest, branch, final, unentered, branch_name}``
- ``timeliness`` also carries ``open_this_month`` and ``open_earlier`` (their sum is
  ``open_reports``); ``pairings`` carries ``by_status``
- ``records`` (附件：有关记录清单): ``{id, date, unit_name, text, kind}`` of every record the
  document speaks of; ``incidents`` rows carry ``team``, ``subject``, ``element``; ``problems``
  carry ``incidents`` (case rows) and their ``cases`` ``date``, ``unit_name``, ``persons``;
  ``studies`` carry ``chain`` and ``effect``; ``proposed`` carry ``category``; overdue items
  ``unit_name``; key-person signals ``date``; ``near_miss_repeats``: ``{text, reports}``;
  ``by_branch``: ``{key, name, count, share}``; ``unit_element`` rows carry ``branch``
- ``branch_element``: ``unit_element`` rows summed per branch; ``scores`` carries ``failed``
  (the month's members failing the post rating, with ``reasons``) and ``complete``; weak links
  carry ``problem`` (a near miss's what-happened); ``studies`` carry ``repeats`` and
  ``supplement_by``; overdue items ``left`` and ``successor_name``; ``followed`` carry
  ``pending``, ``pending_due``, ``unit``, ``owner``, ``measures``, ``basis``, ``unfinished``;
  ``proposed`` carry ``carried`` and ``problem``; a reward line's ``kind`` may be
  ``post_change`` (组织处理)
- hazards (hazards.yaml): weak links carry ``hazard``, ``recent`` and ``places``;
  ``near_miss_repeats`` carry ``hazard``, ``recent``, ``since``, ``first``, ``units``,
  ``measures`` (``{action, unit_name, date, due, done, state, held}``) and ``not_held``
- ``near_miss_repeats`` carry ``studied``; ``earlier_in_year`` (accident id → ``[{date,
  team}]``) and ``open_earlier`` (``[{id, date, text, category}]``)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from barrier_cli.core.periods import Month
from barrier_cli.reports.analysis.feedback import FeedbackSummary
from barrier_cli.reports.analysis.patrols import PatrolDuty
from barrier_cli.reports.analysis.totals import Cumulative
from barrier_cli.reports.compliance import Compliance, Expectation

SCHEMA = 1


@dataclass(frozen=True)
class Totals:
    reports: int
    previous: int
    year_ago: int
    weighted: int
    incidents: int
    previous_known: bool = True
    """False when last month is before the first record: there is nothing to compare with."""
    year_ago_known: bool = True

    @property
    def change_previous(self) -> int:
        return self.reports - self.previous

    @property
    def change_year_ago(self) -> int:
        return self.reports - self.year_ago


@dataclass(frozen=True)
class TrendPoint:
    month: str
    reports: int
    equipment: int
    personnel: int
    management: int


@dataclass(frozen=True)
class Count:
    key: str
    name: str
    count: int
    share: float
    """Of the month's reports, 0..1."""


@dataclass(frozen=True)
class UnitRow:
    unit: str
    name: str
    equipment: int
    personnel: int
    management: int
    total: int
    branch: str = ""
    """The branch the unit belongs to (itself for a branch)."""


@dataclass(frozen=True)
class OverdueItem:
    record: str
    field: str
    """``actions`` of a report or ``measures`` of an incident."""
    index: int
    action: str
    owner: str | None
    owner_name: str
    unit: str
    due: dt.date
    days_overdue: int
    unit_name: str = ""
    left: dt.date | None = None
    """The day the owner left the unit, when it was before the document's day."""
    successor_name: str = ""
    """Who took the owner's post since, when someone did: they answer for it now."""
    successor_since: dt.date | None = None
    """The day the successor took the post (魏振10月28日接替孔祥宇)."""
    removed_from: str = ""
    """The post the owner was removed from (撤换) when they left, a role id; '' if they left."""


OVERDUE_SHOWN = 30
"""A meeting reads the longest-overdue actions, not a register: a tree that has let thousands
lapse gets a document of pages, not of megabytes (and a template within its CPU budget)."""


@dataclass(frozen=True)
class Timeliness:
    reports: int
    analysed: int
    median_days_to_analysis: float | None
    late_analysis: list[str]
    closed: int
    median_days_to_close: float | None
    closed_within: int
    close_days: int
    analyse_days: int
    open_reports: int
    open_actions: int
    overdue: list[OverdueItem]
    open_this_month: int = 0
    """Of ``open_reports``, the month's own; the rest are from earlier months."""
    late_analysed: list[tuple[str, int]] = field(default_factory=list)
    """Of ``late_analysis``, those analysed after the limit: (branch name, count)."""
    late_unanalysed: list[tuple[str, int]] = field(default_factory=list)
    """Of ``late_analysis``, those past the limit and still not analysed: (branch, count)."""

    @property
    def open_earlier(self) -> int:
        return self.open_reports - self.open_this_month

    @property
    def shown_overdue(self) -> list[OverdueItem]:
        """The overdue actions a document lists: the longest overdue, at most
        `OVERDUE_SHOWN`; ``barrier due`` lists them all."""
        return self.overdue[:OVERDUE_SHOWN]

    @property
    def unlisted_overdue(self) -> int:
        return len(self.overdue) - len(self.shown_overdue)

    @property
    def closed_within_share(self) -> float | None:
        return self.closed_within / self.reports if self.reports else None

    @property
    def closed_share(self) -> float | None:
        """Closed of all the month's reports: what a document gives, its reports being too
        young for a within-the-limit rate to say anything."""
        return self.closed / self.reports if self.reports else None


@dataclass(frozen=True)
class CaseRow:
    id: str
    date: dt.date
    title: str
    unit: str
    unit_name: str
    type: str
    class_: str | None
    severity: str | None
    persons: list[str]
    status: str
    gaps: list[str]
    """What 三不放过 still lacks (``Incident.closure_gaps``); empty when complete."""
    closed: dt.date | None = None
    """When the case was closed, if it was by the analysis's moment (`snapshot.as_of`)."""
    typical: bool = False
    """A typical case (典型案例): the full procedure applies before closing."""
    grade: str | None = None
    """A or B for a 两违."""
    analysis_due: dt.date | None = None
    """The analysis deadline of its class (``cases.analysis_days``)."""
    analysis_late: bool = False
    """Not analysed by ``analysis_due`` as of the document's day, or analysed after it."""
    team: str = ""
    """The work team it happened in (四班, 三班二组): a team has a case, not a branch."""
    subject: str = ""
    """Its title with the person who broke the rule in front when the title leaves them out:
    the document composes the case's name from date, team, subject and kind, as a 公文 does."""
    element: str = ""
    """The element of its first cause (人员, 设备, 管理), the one it is said under in 存在的主要
    问题; a 两违 without causes is a people problem, anything else a management one."""

    lacking: list[str] = field(default_factory=list)
    """``gaps`` said from the case's record (`cases.lacking`), measures not done left out."""

    @property
    def complete(self) -> bool:
        return not self.gaps


@dataclass(frozen=True)
class Evidence:
    kind: str
    ref: str | None
    weight: float
    date: dt.date | None = None
    """The day of the record ``ref`` names: the document says the event by its date."""


@dataclass(frozen=True)
class KeyCandidate:
    person: str
    name: str
    unit: str
    score: float
    signals: list[Evidence] = field(default_factory=list)
    register: str | None = None
    """The register entry (K-…) already holding them, if any."""
    status: str | None = None
    pairing: str | None = None
    grounds: list[str] = field(default_factory=list)
    """The signals said as the document says them (`key_person_grounds`)."""

    @property
    def proposed(self) -> bool:
        """New to the register: signals enough, and neither registered nor paired."""
        return self.register is None and self.pairing is None


@dataclass(frozen=True)
class RewardLine:
    """One reward, commendation or penalty (奖惩)."""

    date: dt.date
    kind: str
    """commendation, reward, penalty, or post_change (组织处理: removal from post)."""
    level: str
    """workshop, depot or division."""
    person: str | None
    unit: str | None
    amount: float
    reason: str
    record: str | None
    source: str
    """'register' or 'accountability'."""
    id: str | None = None
    name: str = ""
    """The person's name, else the unit's."""


@dataclass(frozen=True)
class RepeatViolator:
    person: str
    name: str
    unit: str
    count: int
    evidence: list[str]
    pairing: str | None
    """The pairing already looking after the person; None: proposed as a new key person."""
    unit_name: str = ""


@dataclass(frozen=True)
class PairingRow:
    id: str
    person: str
    person_name: str
    mentor: str
    mentor_name: str
    unit: str
    start: dt.date
    basic_due: dt.date
    full_due: dt.date
    basic_on: dt.date | None
    full_on: dt.date | None
    status: str
    due: list[str]
    """Milestones (basic, full) due this month."""
    overdue: list[str]
    turned: list[str]
    """Milestones reached this month."""


@dataclass(frozen=True)
class Pairings:
    rows: list[PairingRow]

    @property
    def active(self) -> int:
        return len(self.rows)

    @property
    def basic_due(self) -> int:
        return sum("basic" in r.due for r in self.rows)

    @property
    def full_due(self) -> int:
        return sum("full" in r.due for r in self.rows)

    @property
    def overdue(self) -> int:
        return sum(bool(r.overdue) for r in self.rows)

    @property
    def turned_around(self) -> int:
        return sum(bool(r.turned) for r in self.rows)

    @property
    def by_status(self) -> dict[str, int]:
        """How many pairings stand at each status: the parts of ``active``."""
        out: dict[str, int] = {}
        for r in self.rows:
            out[r.status] = out.get(r.status, 0) + 1
        return out


@dataclass(frozen=True)
class WeakLink:
    rank: int
    element: str
    category: str
    key: str
    """One of the five keys, or "" when the reports name none."""
    location: str
    count: int
    weighted: int
    previous_avg: float
    """Risk-weighted count per month over the three months before."""
    evidence: list[str]
    problem: str = ""
    """What happened, for a near miss or a hazard of the log: grouped by the problem it
    shows, not by place."""
    hazard: str = ""
    """The hazard log's id, when the problem is one of its hazards."""
    recent: int = 0
    """Reports of the problem in the month and the two before (a problem's link only)."""
    places: list[str] = field(default_factory=list)
    """Where a problem's reports of the month were made, most reported first."""
    shows: list[str] = field(default_factory=list)
    """For a link of neither one problem nor one place: what its reports of the month say
    most often, so that the row names a problem a meeting can take up."""

    @property
    def growth(self) -> float:
        return round(self.weighted - self.previous_avg, 2)


@dataclass(frozen=True)
class RankRow:
    rank: int
    subject: str
    name: str
    standard: str
    period: str
    total: float
    max: float | None
    result: str | None
    status: str
    flagged: bool
    """排序抓尾: the lowest of its standard (a member: of its branch), or failed."""
    branch: str | None = None
    """A member's branch: members are ranked within it."""


@dataclass(frozen=True)
class GoodCatch:
    id: str
    date: dt.date
    reporter: str
    reporter_name: str
    unit_name: str
    summary: str
    train: str | None
    vehicle: str | None


@dataclass(frozen=True)
class CaseRef:
    id: str
    text: str
    kind: str
    """An incident's type or a report's category."""
    date: dt.date | None = None
    unit_name: str = ""
    persons: list[str] = field(default_factory=list)
    """The names of the people it is about, as the document names them."""


@dataclass(frozen=True)
class TakenMeasure:
    """A measure a report of the same problem set, and where it stood at the moment."""

    action: str
    unit_name: str
    date: dt.date
    """The day of the report it answers."""
    due: dt.date | None
    done: dt.date | None
    state: str
    """done, late, overdue or open (`studies.measure_state`)."""
    held: bool
    """False when it was done and the problem happened again after it."""


@dataclass(frozen=True)
class Repeat:
    """A near miss of the month that has happened before, in the month or earlier (重复发生
    的事故苗子): one hazard of the log however worded, else the same words."""

    text: str
    reports: list[CaseRef]
    hazard: str | None = None
    recent: int = 0
    """Reports of it in the month and the two before."""
    since: int = 0
    """Reports of it since the first, ``first``."""
    first: dt.date | None = None
    units: list[str] = field(default_factory=list)
    """The branches it happened in within the three months."""
    measures: list[TakenMeasure] = field(default_factory=list)
    not_held: list[str] = field(default_factory=list)
    """Measures done that it happened again after, the most taken first."""
    studied: bool = False
    """A case (accident, near miss …) of it has been registered and analysed as typical."""
    branches: list[str] = field(default_factory=list)
    """The branches its reports of the month came from, in org order: who analyses it."""


OPEN_EARLIER_SHOWN = 5
"""Earlier months' open reports named in 信息处理时效; the rest are counted."""


@dataclass(frozen=True)
class EarlierCase:
    """A case of the same type and class earlier in the year: what makes the month's accident
    本年第三起 (3月14日三班、6月21日二班)."""

    date: dt.date
    team: str


@dataclass(frozen=True)
class OpenEarlier:
    """A report of an earlier month still open at the document's moment, named as a 公文 says
    it: 9月30日“信号楼未及时通知邻线接车…”事故苗子."""

    id: str
    date: dt.date
    text: str
    category: str


@dataclass(frozen=True)
class RecordRef:
    """One record the document speaks of, for the attachment (附件：有关记录清单): the body
    says the event by date, unit and what happened, the attachment gives its record id."""

    id: str
    date: dt.date
    unit_name: str
    text: str
    kind: str
    """``incident`` or ``report``."""
    part: int = 0
    """The part of the analysis (1 to 7) it supports: the first that speaks of it."""


@dataclass(frozen=True)
class Shown:
    """One problem of a category: what the reports show, how many, and where: the units that
    reported it, or the places when each report is of another place."""

    text: str
    count: int
    units: list[str]
    counts: list[int] = field(default_factory=list)
    """How many of its reports each of ``units`` has."""


@dataclass(frozen=True)
class Showing:
    """主要表现 of one category of an element: its problems, most reported first."""

    category: str
    count: int
    problems: list[Shown]


@dataclass(frozen=True)
class Problem:
    """存在的主要问题 of one of the three elements, with the records that show it."""

    element: str
    reports: int
    share: float
    categories: list[Count]
    """The element's categories of the month, largest first, those with reports only."""
    cases: list[CaseRef]
    """The element's highest-risk reports (a case's own reports left out)."""
    incidents: list[CaseRow] = field(default_factory=list)
    """The month's cases whose main element this is: said once, after the reports."""
    showing: list[Showing] = field(default_factory=list)
    """主要表现: the element's reports grouped by category and problem (`showing`)."""


@dataclass(frozen=True)
class Step:
    at: str
    event: str


@dataclass(frozen=True)
class CauseLine:
    element: str
    kind: str
    text: str


@dataclass(frozen=True)
class Held:
    """One 责任追究 line."""

    name: str
    action: str
    role: str | None
    detail: str | None
    date: dt.date
    post: str | None = None
    """The post (a role key) a removal (撤换) took them from, when the record shows it."""


@dataclass(frozen=True)
class UnitHeld:
    """A unit the case found at fault (四班党支部：班前预想未把调图列为安全重点), with the head
    who bears 领导责任 for it and what they did to answer (作出书面检查)."""

    unit_name: str
    finding: str
    leader_name: str = ""
    leader_role: str = ""
    """The leader's role the sentence names them by (secretary: 支部书记任辉)."""
    action: str = ""


@dataclass(frozen=True)
class MentorAtFault:
    """The case's rule-breaker is mentored (包保) by someone the same case found at fault: a
    meeting asks why, so the case says it from the pairing's record."""

    mentor_name: str
    person_name: str
    shared: list[str]
    """What they share of the pairing rule (同岗位、同班组): ``post``, ``team``."""
    action: str
    """What the mentor did to answer for their fault ('' when the record says nothing)."""
    branch_name: str
    """The branch that oversees the pairing."""


@dataclass(frozen=True)
class MeasureState:
    action: str
    owner_name: str
    due: dt.date | None
    done: dt.date | None
    state: str
    """done, late (done after its due day), overdue, open."""


@dataclass(frozen=True)
class CaseStudy:
    """典型案例剖析: what happened, the three levels, causes, 责任追究, measures."""

    case: CaseRow
    description: str | None
    timeline: list[Step]
    levels: dict[str, str]
    """general_branch, branch, member → findings, those given."""
    meeting: str | None
    """The kind of the 支委会 that analysed it (as written), None until one met."""
    causes: list[CauseLine]
    accountability: list[Held]
    measures: list[MeasureState]
    handover: str | None
    """The level it was handed over to (交班), None until it was."""
    meeting_date: dt.date | None = None
    handover_date: dt.date | None = None
    attended: int = 0
    """How many attended the meeting as recorded: none recorded is no 支委会 in the rule's eyes."""
    chain: str | None = None
    """责任传递: how the responsibility was passed down, as the 支委会 found."""
    effect: str | None = None
    """落实效果: how earlier measures worked, as the 支委会 found."""
    repeats: list[CaseRef] = field(default_factory=list)
    """The rule-breaker's 两违 after the case, up to the document's day (a repeat)."""
    supplement_by: dt.date | None = None
    """The day a level still unanalysed is to be analysed by (the document's day plus the
    analysis deadline)."""
    units_held: list[UnitHeld] = field(default_factory=list)
    """The units found at fault, said after the persons held to account."""
    mentors_at_fault: list[MentorAtFault] = field(default_factory=list)
    branch_name: str = ""
    """The party branch of the case's team: the one that meets on it and hands it over."""


@dataclass(frozen=True)
class Priority:
    """A proposed 保安全重点 of next month, as `priorities adopt` would record it."""

    rank: int
    content: str
    measures: list[str]
    unit: str
    unit_name: str
    owner: str | None
    owner_name: str
    deadline: dt.date
    basis: list[str]
    weight: float
    category: str = ""
    """The report category of a weak link's proposal; "" for a case's."""
    carried: str = ""
    """The state (open, overdue) of last month's priority this one carries over; "" if new."""
    problem: str = ""
    """The near miss a proposal is about, when it is drawn from one problem."""
    urger_name: str = ""
    """Who urges it on when the owner is involved in the case behind it (`answerable`)."""
    supervisor_name: str = ""
    """The general branch's member who supervises a branch's priority, when one does."""
    record: str = ""
    """The adopted priorities' record a carried-over priority comes from."""
    recurred: list[CaseRef] = field(default_factory=list)
    """For a carried-over priority: the same problem reported again in its unit after it was
    adopted (why it went overdue)."""
    branches: list[str] = field(default_factory=list)
    """The branches that carry it out under ``unit``'s supervision (``Priority.supervisor_name``)."""
    partners: list[str] = field(default_factory=list)
    """The partner units ``owner`` settles it with."""
    leading: bool = False
    """The problem reported most often in three months within its category: proposed
    beyond the bound on proposals."""
    partner_names: list[str] = field(default_factory=list)
    based: str = ""
    """A weak link's evidence as counted (本月2起，近三个月7起，2025年6月以来42起)."""
    reason: str = ""
    """For an overdue carried-over priority: why it is overdue (逾期原因…)."""
    was_unit_name: str = ""
    """For a carried-over priority handed on to the branches: the unit it was given to."""
    overdue_causes: list[str] = field(default_factory=list)
    """For an overdue one: the causes of the reports that recurred after it was set."""
    unmet: list[str] = field(default_factory=list)
    """For an overdue one: the measures it was adopted with, not carried out."""
    daily: bool = False
    """Kept in hand every shift (people's conduct): no single day finishes it."""


@dataclass(frozen=True)
class FollowUp:
    """One adopted priority of the month and whether it was carried out."""

    record: str
    index: int
    content: str
    unit_name: str
    owner_name: str
    due: dt.date
    done: dt.date | None
    state: str
    """done (by its deadline), late (done after it), overdue (not done, deadline past),
    open (not done, deadline still ahead): its cases' open measures keep it from done."""
    evidence: list[str]
    pending: list[str] = field(default_factory=list)
    """The measures of its cases still open: what keeps it under way."""
    pending_due: dt.date | None = None
    """The last due day of ``pending``."""
    paired: tuple[str, str] | None = None
    """Mentor and key person of a pairing of its cases' rule-breaker that began the day it
    was marked done: what was done that day, said in 四."""
    unit: str = ""
    owner: str = ""
    measures: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    branches: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    supervisor_name: str = ""
    category: str = ""
    judged: int | None = None
    """Done, but its category was reported this many times this month, no fewer than the
    month before or with problems of it rising: the effect is not evident."""
    rising: list[str] = field(default_factory=list)
    """The problems of its category whose risk rose against the three months before."""
    turned_into: list[int] = field(default_factory=list)
    """The ranks of next month's proposed priorities against ``rising``: what it becomes."""
    late: list[str] = field(default_factory=list)
    """Its one-off measures past their own day and not done (the record's ``terms``): what
    made it overdue, where its standing duties are not yet due."""

    @property
    def partly(self) -> bool:
        """Carried out, with measures of its cases still open."""
        return bool(self.pending) and self.done is not None

    @property
    def unfinished(self) -> bool:
        """Carried into next month's priorities (六): not done, or its cases' measures open."""
        return self.state in ("open", "overdue")


@dataclass(frozen=True)
class Scored:
    rank: int
    subject: str
    name: str
    total: float
    max: float
    lowest: bool
    branch: str
    final: bool
    """A final assessment is recorded for the period."""
    unentered: int
    """Items a person must still enter: they count 0 until then."""
    scored: int = 0
    """Items scored, the ``max`` is out of: the document says how many (8个项点，满分71分)."""
    branch_name: str = ""
    cadre: bool = False
    """A member of the general branch (a workshop cadre): not ranked among branch members."""
    since: dt.date | None = None
    """The day a member came to the post, when it fell inside the quarter: not ranked."""
    order: int = 0
    """A branch's place in the org: first scores are listed so, unranked."""
    reasons: list[str] = field(default_factory=list)
    """The reasons of its deductions, as `assess` words them."""
    grounds: list[str] = field(default_factory=list)
    """A failed member's reasons as the document says them (dates, not period codes)."""


@dataclass(frozen=True)
class Scores:
    """考核与排序 as `assess` derives them: branches of the month, members of the quarter."""

    period: str
    branches: list[Scored]
    quarter: str
    members: list[Scored]
    failed: list[Scored] = field(default_factory=list)
    """The month's members who failed the post rating (岗区评比失格), cadres left out."""

    @property
    def tail(self) -> list[Scored]:
        return [m for m in self.members if m.lowest]

    @property
    def complete(self) -> bool:
        """Every branch item is entered: only then are there ranks and a tail (排尾)."""
        return not any(b.unentered for b in self.branches)

    @property
    def listed(self) -> list[Scored]:
        """The branches as the document lists them: ranked when complete, else in org order."""
        return self.branches if self.complete else sorted(self.branches, key=lambda b: b.order)


@dataclass(frozen=True)
class Answer:
    """A suggestion of the month (合理化建议) and what was done with it, as its records say."""

    text: str
    count: int
    action: str
    """The action its records took most often; "" when none was taken."""
    done: dt.date | None
    """When that action was done, all of it, by the moment."""
    due: dt.date | None
    """When it is due, while not done."""
    owner_name: str = ""
    """Who holds that action (the last due or done), or whoever took his post since."""
    unit_name: str = ""
    """His branch, as running text names it."""
    adopted: bool = False
    """The general branch adopted it by the moment (a record of the group says so)."""


@dataclass(frozen=True)
class MonthlyAnalysis:
    organisation: str
    month: Month
    as_of: dt.date
    totals: Totals
    trend: list[TrendPoint]
    by: dict[str, list[Count]]
    unit_element: list[UnitRow]
    compliance: Compliance
    timeliness: Timeliness
    incidents: list[CaseRow]
    earlier_open: list[CaseRow]
    repeat_violators: list[RepeatViolator]
    pairings: Pairings
    weak_links: list[WeakLink]
    priorities: list[WeakLink]
    assessments: list[RankRow]
    good_catches: list[GoodCatch]
    skipped_files: list[str] = field(default_factory=list)
    """Files left out because they do not validate (run ``barrier check``)."""
    feedback: FeedbackSummary | None = None
    """How fast reporters heard back (信息反馈), and who did not."""
    cumulative: Cumulative | None = None
    """Totals since the programme started, as of the month's end."""
    key_persons: list[KeyCandidate] = field(default_factory=list)
    """Everyone whose signals reach the key-person threshold (安全关键人)."""
    rewards: list[RewardLine] = field(default_factory=list)
    """The month's rewards, commendations and penalties (奖惩), register and 责任追究."""
    patrols: list[PatrolDuty] = field(default_factory=list)
    """Each cadre's patrols against their cadence, with the five keys watched."""
    problems: list[Problem] = field(default_factory=list)
    studies: list[CaseStudy] = field(default_factory=list)
    proposed: list[Priority] = field(default_factory=list)
    followed: list[FollowUp] = field(default_factory=list)
    followed_adopted: dt.date | None = None
    """When the priorities for this month were adopted (the meeting's day)."""
    followed_known: bool = False
    """Priorities were adopted for this month (a record exists), even if it lists none."""
    priorities_missed: bool = False
    """None were adopted though the month before was kept in the book: the general branch's
    own lapse (`proposals.missed`)."""
    scores: Scores | None = None
    by_branch: list[Count] = field(default_factory=list)
    """The month's reports per branch, its groups' included, in org order."""
    branch_element: list[UnitRow] = field(default_factory=list)
    """Branch × element, each branch's groups summed into it, in org order."""
    near_miss_repeats: list[Repeat] = field(default_factory=list)
    """Near-miss reports of the month that say the same thing, each group twice or more."""
    earlier_in_year: dict[str, list[EarlierCase]] = field(default_factory=dict)
    """Of each accident of the month (its id), the accidents of its class earlier that year."""
    open_earlier: list[OpenEarlier] = field(default_factory=list)
    """The reports of earlier months still open, oldest first, at most `OPEN_EARLIER_SHOWN`."""
    records: list[RecordRef] = field(default_factory=list)
    """Every record the document speaks of, in the order it first does: the attachment."""
    answers: list[Answer] = field(default_factory=list)
    """The month's suggestions and what was done with each (二, after the problems)."""
    general_secretaries: list[str] = field(default_factory=list)
    """The general branch's secretaries by name: one who supervises a priority is named by
    that post, any other of its members as a committee member (委员)."""

    def to_json(self) -> str:
        data = {"schema": SCHEMA, **_plain(self)}
        data["compliance"]["missed"] = [_plain(e) for e in self.compliance.missed()]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# Computed properties that belong in the JSON next to the fields.
_PROPERTIES: dict[type, tuple[str, ...]] = {
    Totals: ("change_previous", "change_year_ago"),
    Timeliness: ("closed_within_share", "open_earlier"),
    CaseRow: ("complete",),
    Pairings: ("active", "basic_due", "full_due", "overdue", "turned_around", "by_status"),
    Scores: ("tail", "complete"),
    WeakLink: ("growth",),
    Expectation: ("missed", "shortfall"),
    KeyCandidate: ("proposed",),
    FollowUp: ("unfinished",),
    PatrolDuty: ("missed",),
}


def _plain(value: Any) -> Any:
    if isinstance(value, Month):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {
            f.name.rstrip("_"): _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
        for name in _PROPERTIES.get(type(value), ()):
            out[name] = _plain(getattr(value, name))
        return out
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
