"""The circulated notice (通报) of a month: praise, criticism with evidence, corrections.

`build_notice` gathers what the document says from the records; `publish_notice` renders it
and, with ``issue``, takes the next number of the year in the ``notices/`` register. Issuers
take turns on the year's register folder (a lock), and a number is registered only after
its document was written, so two people issuing at once get two numbers, and a failed or
killed issue leaves no number registered without its document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from pydantic import TypeAdapter

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput, RecordExists, UserError
from barrier_cli.core.i18n import _
from barrier_cli.core.labels import Lang, label
from barrier_cli.core.lookup import commended
from barrier_cli.core.models import NoticeEntry
from barrier_cli.core.periods import Month
from barrier_cli.io import store
from barrier_cli.io.canonical import record_text
from barrier_cli.io.loader import Tree, read_file
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.notice_prose import POSTS, Prose, branches_together, notice_prose
from barrier_cli.present.render.templating import render
from barrier_cli.reports import snapshot
from barrier_cli.reports.analysis.cases import case_rows
from barrier_cli.reports.analysis.hazards import near_miss_rows, not_held
from barrier_cli.reports.analysis.key_grounds import _what as deed_of
from barrier_cli.reports.analysis.key_grounds import key_person_grounds
from barrier_cli.reports.analysis.keypersons import key_person_signals
from barrier_cli.reports.analysis.patrols import cadre_patrols
from barrier_cli.reports.analysis.result import KeyCandidate
from barrier_cli.reports.assess import Draft, assess
from barrier_cli.reports.case_names import case_account, earlier_in_year
from barrier_cli.reports.compliance import reporting_compliance
from barrier_cli.reports.deficiencies import (
    RULES,
    Deficiency,
    answerable,
    find_deficiencies,
    rule_title,
    say_day,
)
from barrier_cli.reports.names import english_unit, in_language
from barrier_cli.reports.snapshot import DRAFT_DAYS, check_moment

Format = Literal["md", "html"]
MAX_SEQ = 999
PLACEHOLDER = re.compile(r"[XxＸｘ×]{2,}|（[^）]*(?:字号|名称|机关)[^）]*）|\((?:number|name)\)")
"""What a template or an example leaves for the writer to fill in: XX, （发文字号）."""


class AlreadyIssued(UserError):
    """A notice for the month is in the register and --force was not given."""


@dataclass(frozen=True)
class Award:
    """A reward or commendation the register holds for a good catch."""

    kind: str
    """reward or commendation."""
    level: str
    """Who gave it (车间, 段, 分局), as a label in the notice's language."""
    amount: float = 0.0


@dataclass(frozen=True)
class Praise:
    """A good catch (commend: true) and who made it."""

    report_id: str
    date: dt.date
    who: str
    unit: str
    summary: str
    train: str | None
    vehicle: str | None
    location: str | None
    notes: str | None = None
    """The report's free text: a tree's own older template prints it; the shipped one keeps
    free text out of the document and takes rewards from the register."""
    category: str = ""
    member: bool = False
    """A party member: the notice holds them up to members; others to all staff."""
    source: str = "on_site"
    """Where it was found (on-site work, a cadre patrol...): what they were doing."""
    awards: list[Award] = field(default_factory=list)
    partner: str = ""
    """The partner unit it was found with (列检, 车站), in joint-labour control."""
    branch: str = ""
    """The finder's branch: praise and a branch's last place are said together."""
    acted: str = ""
    """The immediate action taken on the day of the find, if one was: only then does the
    praise say what the catch prevented."""


@dataclass(frozen=True)
class Held:
    """One person held responsible for a case (责任追究), and how."""

    name: str
    action: str
    """A label: 撤换, 警告, 扣分..."""
    detail: str | None = None
    overseer: bool = False
    """看惯者: held for letting it become habit, not for doing it."""
    action_key: str = ""
    date: dt.date | None = None
    post: str = ""
    """The post they held (a label: 工班长, 值班员), for a removal from it."""
    role: str | None = None
    """doer (干惯者) or overseer (看惯者)."""


@dataclass(frozen=True)
class CaseMeasure:
    """A case's measure as it stood at the notice's moment."""

    action: str
    owner: str
    due: dt.date | None
    done: bool
    verified: bool


@dataclass(frozen=True)
class Repeat:
    """A later violation by the person of a 两违 case (重复违章)."""

    date: dt.date
    summary: str


@dataclass(frozen=True)
class Prior:
    """A case of the same type and class earlier in the year (`earlier_in_year`): what makes
    an accident the year's third of its class."""

    date: dt.date
    team: str


@dataclass(frozen=True)
class Case:
    """An accident or 两违 of the month, or an earlier one still open, as it stood."""

    id: str
    date: dt.date
    title: str
    unit_name: str
    branch_name: str
    type: str
    """accident or violation."""
    kind: str
    """A label: 一般A类事故, 违章..."""
    grade: str | None
    """A label for a 两违's grade (A类); None for an accident."""
    persons: list[str]
    status: str
    """A label: 分析中, 整改中, 已闭环..."""
    closed: bool
    gaps: list[str]
    """What the closure rule and the typical-case procedure still lack, as labels."""
    handover_to: str | None
    """The level the settings require it be handed over to (交班); None: not required."""
    handover: str | None
    """The level it was handed over to, if it was."""
    handover_date: dt.date | None
    held: list[Held] = field(default_factory=list)
    secretaries: list[str] = field(default_factory=list)
    """Who answers for completing it: its branch's secretary."""
    earlier: bool = False
    """Happened in an earlier month and still open at the notice's moment."""
    gap_keys: list[str] = field(default_factory=list)
    """``gaps`` as keys (closure_gap), for the sentence that says what is still lacking."""
    team: str = ""
    """The work team it happened in (四班, 三班二组): a team has an accident, not a branch."""
    grade_key: str | None = None
    measures: list[CaseMeasure] = field(default_factory=list)
    meeting: dt.date | None = None
    """The day of its committee analysis when one is recorded."""
    levels_missing: list[str] = field(default_factory=list)
    """The analysis levels (general_branch, branch, member) its record leaves empty."""
    as_of: dt.date | None = None
    subject: str = ""
    """Its title with the one who broke the rule in front (`CaseRow.subject`): the case is
    named from date, team, subject and kind, as the analysis names it."""
    repeats: list[Repeat] = field(default_factory=list)
    """Violations by the same person after the case, up to the notice's moment."""
    doer: str = ""
    account: str = ""
    """An accident told from its record (`case_account`): what happened, who, what followed;
    empty for a 两违, whose subject already says who did what."""
    involved_secretaries: list[str] = field(default_factory=list)
    """Its branch's secretaries involved in it (`answerable`): they still organise their
    measures, a committee member answers for the branch and urges them on."""
    urger: str = ""
    """That committee member."""
    supervisor: str = ""
    """The general branch's secretary, who supervises."""
    own_finding: str = ""
    """What its analysis found at the general branch level (the issuer's own lapse), as
    recorded by the notice's moment: said in the issuer's 自查."""
    prior: list[Prior] = field(default_factory=list)
    """Accidents of its class earlier in the year: it is the year's ``len(prior) + 1``th."""
    unit_findings: list[str] = field(default_factory=list)
    """What its record finds a unit responsible for (四班党支部班前预想未把调图列为重点):
    said with the secretary who answers for it, never as "涉及任辉"."""


@dataclass(frozen=True)
class ShortPatrol:
    """A cadre who went on site less often than the rule asks (`cadre_patrols`, as the
    analysis counts them): a lapse of the issuer's own, in its 自查."""

    name: str
    patrols: int
    expected: int
    period: str
    """The rule's period (day, week, month): what ``expected`` counts."""


@dataclass(frozen=True)
class NearMiss:
    """A near miss (事故苗子) reported in the month."""

    date: dt.date
    team: str
    location: str
    summary: str
    branch: str = ""
    """The branch it happened in, which is to analyse it."""
    problem: str = ""
    """What it is grouped by: its hazard's name (hazards.yaml), else its own words."""
    recent: int = 0
    """Near misses of the same problem in the month and the two before."""
    since: int = 0
    first: dt.date | None = None
    """The first report of the problem, and ``since`` the count from it."""
    not_held: list[str] = field(default_factory=list)
    """Measures taken against it that it happened again after."""


@dataclass(frozen=True)
class PairingState:
    """A pairing (包保对子) in progress at the notice's moment, or turned around in its month."""

    mentor: str
    person: str
    start: dt.date
    reviews: int
    """Reviews (帮教) recorded in the month."""
    diligences: int
    """Of the 五勤, how many the month's reviews covered."""
    together: int
    """Of the 四同, how many the month's reviews covered."""
    basic_on: dt.date | None
    full_on: dt.date | None
    next_due: dt.date | None
    """When the next turnaround is to be assessed: basic, else full (or the escalation's)."""
    next_stage: str = ""
    """basic or full: the turnaround due next."""
    assistant: str = ""
    """The committee member added as second mentor (协助包保), if escalated."""
    escalated_on: dt.date | None = None
    missed_basic: dt.date | None = None
    """The basic turnaround's due date, when it passed unmet before the escalation: the
    reason a committee member was added (the rule adds one only then)."""
    reviews_due: int = 0
    """The 帮教 its plan's cadence asked for in the month up to the moment."""
    cadence: str = ""
    """The plan's cadence as a label (每周一次); '' when the plan sets none."""
    branch: str = ""
    """The branch that sees to it (the key person's)."""


@dataclass(frozen=True)
class KeyProposal:
    """Someone whose signals make them a key person (安全关键人) not yet in the register."""

    name: str
    unit_name: str
    signals: list[str]
    """Signal kinds (violation, quality, precursor, competence, few_finds), strongest first."""
    evidence: list[str]
    branch_name: str = ""
    """The branch that confirms them and pairs them."""
    grounds: list[str] = field(default_factory=list)
    """Why, as the analysis says it (`key_person_grounds`): each event by its date and what
    they did, then the signals no record dates; empty in notices frozen before."""
    checks: list[str] = field(default_factory=list)
    """The checks (应知一口清, 应会一手精) they failed, all in the month of ``checked``: said
    together and with others' alike (9月“应知一口清”“应会一手精”考核均不合格), left out of
    ``grounds``."""
    checked: dt.date | None = None


@dataclass(frozen=True)
class BranchScore:
    name: str
    total: float
    rank: int
    lowest: bool
    pending: int
    """Items to be entered by hand that nobody has scored yet (they count 0)."""
    items: int = 0
    """Items of the standard, scored or not."""
    full: float = 0.0
    """The full mark of the items scored: what ``total`` is out of."""
    loss: Loss | None = None
    """Its heaviest loss of points: why it stands where it does."""


@dataclass(frozen=True)
class Loss:
    """Points a branch lost on one item of the standard, and the case behind them."""

    item: str
    """The item's name in the standard (岗区控制)."""
    points: float
    case: str = ""
    """The id of the case that cost them, if a case did."""
    rule: str = ""
    """The kind of lapse that cost them when no case did and all were of one kind
    (overdue_action), with how many there were."""
    count: int = 0


@dataclass(frozen=True)
class FailedMember:
    """A member who failed the month's rating (党员失格), costing the branch points."""

    name: str
    branch_name: str
    reasons: list[str]


@dataclass(frozen=True)
class RuleGroup:
    rule: str
    title: str
    items: list[Deficiency]


@dataclass(frozen=True)
class UnitCriticism:
    """Everything one unit is criticised for, rule by rule."""

    unit: str
    name: str
    groups: list[RuleGroup]
    secretaries: list[str] = field(default_factory=list)
    """Who answers for the corrections: the branch secretary."""

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)


@dataclass(frozen=True)
class Tally:
    name: str
    count: int


@dataclass(frozen=True)
class MissedDuty:
    """Someone who reported less often than their tier requires."""

    name: str
    """The tier: member, group (its leader reports) or branch."""
    who: str


@dataclass(frozen=True)
class Overview:
    """一、总体情况: what was reported, by element and branch, and who kept the cadence."""

    reports: int
    by_element: list[Tally]
    by_branch: list[Tally]
    duties: int
    """Reporting duties of the month (members, group leaders, branches)."""
    missed: int
    """Duties below their cadence."""
    incidents: list[Tally] = field(default_factory=list)
    """The month's accidents, 两违 and 事故苗子 by type."""
    missed_by_tier: list[Tally] = field(default_factory=list)
    """Duties below their cadence by tier (member, group, branch)."""
    duties_by_tier: list[Tally] = field(default_factory=list)
    missed_who: list[MissedDuty] = field(default_factory=list)
    violation_reports: int = 0
    """Reports of violations (违章违纪) collected in the month."""


@dataclass(frozen=True)
class Term:
    """When one measure of a next month's priority is due, as the record's ``terms`` say: a
    one-off task by ``due``, or a standing duty done ``every`` shift (day…) and checked on
    ``check``; ``name`` names it in the notice's language ("" for its number)."""

    number: int
    name: str = ""
    due: dt.date | None = None
    every: str = ""
    check: dt.date | None = None


@dataclass(frozen=True)
class NextPriority:
    """One 保安全重点 adopted for the month after the notice's, as the notice passes it on:
    the shape of `adopt.adopted_for`'s items, names in the notice's language."""

    content: str
    measures: list[str]
    unit_name: str
    owner_name: str
    due: dt.date
    adopted: dt.date
    supervisor_name: str = ""
    partner_names: list[str] = field(default_factory=list)
    """The partner units the owner settles it with (会同信号楼)."""
    terms: list[Term] = field(default_factory=list)
    """Each measure's deadline or cadence, when the record gives them; else all are due by
    ``due`` (and in notices frozen before they were said)."""


@dataclass(frozen=True)
class LatePriority:
    """A 保安全重点 adopted for the notice's month that a branch owns and had not carried out
    by its deadline (`proposals.follow_up`, as the analysis's 四 reads it): the branch's most
    serious matter, said first in its line of 三（五） and in its order in 五."""

    branch_name: str
    content: str
    measures: list[str]
    due: dt.date
    category: str
    """Its category as a label in the notice's language ("" when it has none)."""
    since: int
    """The branch's reports of that category after the priority was adopted, to the cut-off:
    what went on happening while it was not carried out."""
    adopted: dt.date | None = None
    """The day the meeting set it (10月5日确定的10月份保安全重点); None in notices frozen
    before it was said."""
    since_at: list[tuple[dt.date, str]] = field(default_factory=list)
    """Those reports' days and units (10月10日二班三组、10月11日二班党支部), in date order."""


def _late_priorities(tree: Tree, month: Month, day: dt.date, lang: Lang) -> list[LatePriority]:
    """The month's adopted priorities a branch let run past their deadline, as of ``day``."""
    from barrier_cli.reports.analysis import proposals

    followed, _adopted = proposals.follow_up(tree, month, day, lang)
    adopted = {p.id: p.adopted for p in tree.priorities}
    units = {u.id: u.name for u in tree.org.units}
    branches = {u.id for u in tree.org.units if u.kind == "branch"}
    out = []
    for f in followed:
        if f.state != "overdue" or f.unit not in branches:
            continue
        after = sorted(
            (r.date, units.get(r.unit or "", r.unit or ""))
            for r in tree.reports
            if r.withdrawn is None
            and bool(f.category)
            and r.category == f.category
            and tree.places.branch_of(r.unit) == f.unit
            and adopted[f.record] < r.date <= day
        )
        category = label("category", f.category, lang) if f.category else ""
        out.append(
            LatePriority(
                f.unit_name,
                f.content,
                f.measures,
                f.due,
                category,
                len(after),
                adopted=adopted[f.record],
                since_at=after,
            )
        )
    return out


def _priorities_missed(tree: Tree, month: Month) -> bool:
    from barrier_cli.reports.analysis import proposals

    return proposals.missed(tree, month)


def adopted_for(tree: Tree, month: Month, lang: Lang) -> list[NextPriority]:
    """The 保安全重点 adopted for ``month`` as the notice passes them on: the analysis's own
    reading (`adopt.adopted_for`), so both documents name the same units and owners; the
    general branch is named as the notice names its issuer (车间党总支)."""
    from barrier_cli.reports.analysis import adopt

    general = {u.name for u in tree.org.units if u.kind == "general_branch"}
    issuer = tree.settings.notice.issuer
    every = i18n.in_lang(lang, "all party branches")
    units = {u.id: u.name for u in tree.org.units}
    # the branches that carry an item out, named together in the notice's brackets (一班、
    # 二班党支部), never with a bracket of their own inside (（发生单位）)
    carried = {
        (r.id, n): [units.get(b, b) for b in item.branches]
        for r in tree.priorities
        for n, item in enumerate(r.items, 1)
        if item.branches
    }

    terms = {
        (r.id, n): [
            Term(m, t.name or "", t.due, t.every or "", t.check or item.due)
            for m, t in enumerate(item.terms, 1)
        ]
        for r in tree.priorities
        for n, item in enumerate(r.items, 1)
        if item.terms
    }

    def unit_of(p: adopt.AdoptedPriority) -> str:
        if p.unit_name in general:
            return issuer
        branches = carried.get((p.record, p.index))
        if branches and p.unit_name != every:
            with i18n.using(lang):
                return branches_together(branches)
        return p.unit_name

    return [
        NextPriority(
            content=p.content,
            measures=p.measures,
            unit_name=unit_of(p),
            owner_name=p.owner_name,
            due=p.due,
            adopted=p.adopted,
            supervisor_name=p.supervisor_name,
            partner_names=p.partner_names,
            terms=terms.get((p.record, p.index), []),
        )
        for p in adopt.adopted_for(tree, month, lang)
    ]


@dataclass(frozen=True)
class Notice:
    organisation: str
    issuer: str
    number: str | None
    """None until issued: a preview carries no number."""
    title: str
    date: dt.date
    month: Month
    recipients: list[str]
    deadline: dt.date
    praises: list[Praise] = field(default_factory=list)
    units: list[UnitCriticism] = field(default_factory=list)
    as_of: dt.date | None = None
    """The moment the records were counted at (`snapshot.as_of`)."""
    authority: str = ""
    """发文机关标志."""
    printer: str = ""
    copy_to: list[str] = field(default_factory=list)
    overview: Overview | None = None
    own: UnitCriticism | None = None
    """The issuer's own lapses (自查), never among the units it criticises."""
    cases: list[Case] = field(default_factory=list)
    key_persons: list[KeyProposal] = field(default_factory=list)
    scores: list[BranchScore] = field(default_factory=list)
    failed: list[FailedMember] = field(default_factory=list)
    closure: str = "three"
    """三不放过 (three) or 四不放过 (four): the rule cases are closed under."""
    pair_days: int = 14
    """Days a confirmed key person may wait for a pairing."""
    prose: Prose | None = None
    """The body's sentences (`notice_prose`); None in notices frozen before they existed."""
    near_misses: list[NearMiss] = field(default_factory=list)
    pairings: list[PairingState] = field(default_factory=list)
    near_miss_cases: int = 0
    """Near misses registered as cases (incidents) in the month."""
    branch_order: list[str] = field(default_factory=list)
    """The branches' names in the org's order: corrections and provisional scores follow it."""
    draft_number: str | None = None
    """The number the draft would take if issued now, shown as a draft's."""
    issued_as: str | None = None
    """A draft of a month already issued: the issued notice's number."""
    short_patrols: list[ShortPatrol] = field(default_factory=list)
    """Cadres who went on site less often than the rule asks."""
    later_issued: str | None = None
    """A draft of a month earlier than a notice already issued this year (补发): that
    notice's number, said next to the draft's."""
    next_priorities: list[NextPriority] = field(default_factory=list)
    """The next month's 保安全重点 as adopted by the notice's date: not a fact of the month
    but what the branches are to carry out, passed on with the notice's orders."""
    late_priorities: list[LatePriority] = field(default_factory=list)
    """The month's 保安全重点 that branches let run past their deadline."""
    priorities_missed: bool = False
    """The meeting on the month before's analysis set no 保安全重点 for the month
    (`proposals.missed`): the issuer's own lapse, in its 自查 as in the analysis's 四."""
    record_ids: bool = True
    """The attachment's column of record numbers. A circulated notice names its matters by
    date, unit and content and leaves it out (the html keeps the numbers in each row's
    title); `--with-ids` asks for it, and notices frozen before it was dropped keep it."""


def notice_title(month: Month, lang: Lang) -> str:
    with i18n.using(lang):
        months = (
            _("January"),
            _("February"),
            _("March"),
            _("April"),
            _("May"),
            _("June"),
            _("July"),
            _("August"),
            _("September"),
            _("October"),
            _("November"),
            _("December"),
        )
        return _("Notice on the safety information work of {month} {year}").format(
            year=month.year, month=months[month.month - 1]
        )


def build_notice(
    tree: Tree,
    month: Month,
    *,
    today: dt.date,
    lang: Lang,
    number: str | None = None,
    moment: dt.date | None = None,
    with_ids: bool = False,
) -> Notice:
    """What the notice for ``month`` says, from the records as they stood at ``moment``
    (default the month's end, or today while it runs)."""
    if month.first > today:
        raise InvalidInput(f"{month} has not begun yet; a notice covers a month that has")
    day = check_moment(month, today, moment)
    # one cut-off: every fact is the snapshot's, what was done after it included (the
    # branches report that in their corrections); the notice says so
    full = in_language(tree, lang)
    tree = snapshot.as_of(full, day)
    settings = tree.settings.notice
    found = find_deficiencies(tree, month, today=today, lang=lang, moment=day)
    issuers = {u.id for u in tree.org.units if u.kind == "general_branch"}
    own = _criticism(tree, [d for d in found if d.unit in issuers], lang, day)
    # a tree without its standards is not scored; the rest of the notice stands
    scored = {"branch", "member"} <= set(tree.standards)
    assessed = assess(tree, month, today=day, lang=lang) if scored else None
    notice = Notice(
        organisation=tree.settings.organisation,
        issuer=settings.issuer,
        authority=settings.authority or settings.issuer,
        printer=settings.printer or settings.issuer,
        copy_to=settings.copy_to,
        overview=_overview(tree, month, day, lang),
        own=own[0] if own and settings.self_review else None,
        number=number,
        title=notice_title(month, lang),
        date=today,
        month=month,
        recipients=settings.recipients,
        deadline=today + dt.timedelta(days=settings.correction_days),
        praises=_praises(tree, month, until=today, lang=lang),
        units=_criticism(tree, [d for d in found if d.unit not in issuers], lang, day),
        as_of=day,
        cases=_cases(tree, month, day, lang),
        key_persons=_key_proposals(tree, month, day, lang),
        scores=[
            BranchScore(
                d.name,
                d.total,
                d.rank,
                d.lowest,
                sum(source == "missing" for source in d.sources.values()),
                len(d.sources),
                *_base(tree, d, found),
            )
            for d in (assessed.branches if assessed else [])
        ],
        failed=_failed(tree, assessed.members if assessed else []),
        closure=tree.settings.closure,
        pair_days=tree.settings.key_persons.pair_days,
        branch_order=[u.name for u in tree.org.units if u.kind == "branch"],
        near_misses=_near_misses(tree, month, day),
        pairings=_pairings(tree, month, day, lang),
        near_miss_cases=sum(
            i.type == "precursor" and i.withdrawn is None and month.contains(i.date)
            for i in tree.incidents
        ),
        draft_number=None if number else _next_number(tree, today),
        issued_as=None if number else _issued_number(tree, month),
        later_issued=None if number else _later_issued(tree, month, today),
        short_patrols=[
            ShortPatrol(p.name, p.patrols, p.expected, p.period)
            for p in cadre_patrols(tree, month, today=day)
            if p.missed
        ],
        record_ids=with_ids,
        late_priorities=_late_priorities(tree, month, day, lang),
        priorities_missed=_priorities_missed(tree, month),
        next_priorities=[p for p in adopted_for(full, month.shift(1), lang) if p.adopted <= today],
    )

    return dataclasses.replace(notice, prose=notice_prose(tree, notice, found, assessed, lang))


def _base(tree: Tree, draft: Draft, found: list[Deficiency]) -> tuple[float, Loss | None]:
    """What a branch's score is out of (the full marks of the items scored), and the item it
    lost most on, with the case behind it, or else the lapses behind it when they are of one
    kind: a notice that announces a deduction says why."""
    items = {i.id: i for a in tree.standards["branch"].aspects for i in a.items}
    full = sum(
        items[i].max for i, source in draft.sources.items() if source != "missing" and i in items
    )
    lost: dict[tuple[str, str], float] = defaultdict(float)
    cases = {i.id for i in tree.incidents}
    for d in draft.assessment.deductions:
        lost[d.item, d.ref if d.ref in cases else ""] += d.points
    if not lost:
        return full, None
    (item, case), points = max(lost.items(), key=lambda x: x[1])
    rules = [
        next((f.rule for f in found if d.ref in f.evidence_ids), "")
        for d in draft.assessment.deductions
        if d.item == item and not case and d.ref not in cases
    ]
    rule = rules[0] if rules and len(set(rules)) == 1 else ""
    return full, Loss(
        items[item].name if item in items else item,
        points,
        case or "",
        rule,
        len(rules) if rule else 0,
    )


def _next_number(tree: Tree, today: dt.date) -> str:
    """The number an issue today would take: the year's next in the register."""
    taken = {n.seq for n in tree.notices if n.year == today.year}
    seq = max(taken, default=0) + 1
    return format_number(tree.settings.notice.number, year=today.year, seq=seq)


def _issued_number(tree: Tree, month: Month) -> str | None:
    entry = latest_issued(tree, month)
    return entry.number if entry is not None else None


def _later_issued(tree: Tree, month: Month, today: dt.date) -> str | None:
    """The last notice of ``today``'s year issued for a later month than ``month``: a
    draft numbered after it comes late (补发) and says so."""
    later = [
        n
        for n in tree.notices
        if n.withdrawn is None and n.year == today.year and Month.parse(n.month) > month
    ]
    last = max(later, key=lambda n: n.seq, default=None)
    return last.number if last is not None else None


def _pairings(tree: Tree, month: Month, day: dt.date, lang: Lang) -> list[PairingState]:
    """Pairings under way on ``day`` and those fully turned around in the month."""
    names = {p.id: p.name for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    deadlines = tree.settings.deadlines
    out = []
    for p in sorted(tree.pairings, key=lambda p: (p.start, p.id)):
        if p.withdrawn is not None or p.start > day:
            continue
        full = p.full_on if p.full_on is not None and p.full_on <= day else None
        basic = p.basic_on if p.basic_on is not None and p.basic_on <= day else None
        ended = p.ended is not None and p.ended <= day
        if (full is not None and not month.contains(full)) or (ended and full is None):
            continue
        reviews = [r for r in p.reviews if month.contains(r.date) and r.date <= day]
        # an escalation after ``day`` is not known yet: the turnaround due is the plan's
        escalated = p.escalated and (p.escalated_on is None or p.escalated_on <= day)
        stage, due = "", None
        if full is None:
            stage = "basic" if basic is None and not escalated else "full"
            due = p.milestone_due("escalated" if escalated else stage, deadlines)
        out.append(
            PairingState(
                mentor=names.get(p.mentor, p.mentor),
                person=names.get(p.person, p.person),
                start=p.start,
                reviews=len(reviews),
                diligences=len({d for r in reviews for d in r.diligences}),
                together=len({t for r in reviews for t in r.together}),
                basic_on=basic,
                full_on=full,
                next_due=due,
                next_stage=stage,
                assistant=names.get(p.assistant or "", p.assistant or ""),
                escalated_on=p.escalated_on
                if p.escalated_on is not None and p.escalated_on <= day
                else None,
                missed_basic=_missed_basic(p, deadlines, day),
                reviews_due=p.reviews_due(month.first, min(month.last, day)),
                cadence=label("review_cadence", p.cadence, lang) if p.cadence else "",
                branch=units.get(tree.places.branch_of(p.unit) or p.unit, p.unit),
            )
        )
    return out


def _missed_basic(p: Any, deadlines: Any, day: dt.date) -> dt.date | None:
    """The basic turnaround's due date when it passed unmet before ``p`` was escalated."""
    if p.escalated_on is None or p.escalated_on > day:
        return None
    due: dt.date = p.milestone_due("basic", deadlines)
    reached = p.basic_on is not None and p.basic_on <= due
    return due if due < p.escalated_on and not reached else None


def _near_misses(tree: Tree, month: Month, day: dt.date) -> list[NearMiss]:
    """The month's near misses, each with its problem's recurrence as the analysis counts it
    (`hazards.near_miss_rows`: one hazard of the log however worded)."""
    units = {u.id: u.name for u in tree.org.units}
    out = []
    for row in near_miss_rows(tree, month, day):
        held = not_held(row.measures)
        for r in row.reports:
            out.append(
                NearMiss(
                    r.date,
                    # a report made by a branch is placed in the branch, named as a unit: a
                    # 班 stands for its shift's branch only where a worker of it is named
                    units.get(tree.places.unit_of(r) or "", ""),
                    r.location or "",
                    r.summary,
                    units.get(tree.places.branch_of(tree.places.unit_of(r)) or "", ""),
                    problem=row.text,
                    recent=row.recurrence.recent,
                    since=row.recurrence.since,
                    first=row.recurrence.first,
                    not_held=held,
                )
            )
    return sorted(out, key=lambda n: n.date)


def _team(name: str) -> str:
    """The work team a branch stands for: 四班党支部 → 四班; a group stays itself."""
    return name.removesuffix("党支部").removesuffix(" branch")


def _praises(tree: Tree, month: Month, *, until: dt.date, lang: Lang) -> list[Praise]:
    """The month's good catches, each with the rewards the register gave it by ``until``
    (the notice's date: a notice announces the rewards decided for the month it covers)."""
    people = {p.id: p for p in tree.org.people}
    units = {u.id: u.name for u in tree.org.units}
    awards: dict[str, list[Award]] = defaultdict(list)
    for w in sorted(tree.rewards, key=lambda w: (w.date, w.id)):
        if w.withdrawn is None and w.record and w.kind != "penalty" and w.date <= until:
            awards[w.record].append(
                Award(w.kind, label("reward_level", w.level, lang), w.amount or 0.0)
            )
    issuers = {u.id for u in tree.org.units if u.kind == "general_branch"}
    partners = {p.id: p.name for p in tree.org.partners}
    out = []
    for r in commended(tree.reports, month):
        person = people.get(r.reporter)
        if person is not None and person.unit in issuers:
            continue  # the issuing body does not commend its own members in its notice
        unit = tree.places.unit_of(r)
        out.append(
            Praise(
                report_id=r.id,
                date=r.date,
                who=person.name if person else r.reporter,
                unit=units.get(unit or "", unit or ""),
                summary=r.summary,
                train=r.train,
                vehicle=r.vehicle,
                location=r.location,
                notes=r.notes,
                category=r.category,
                member=bool(person and person.party_member),
                source=r.source,
                awards=awards.get(r.id, []),
                partner=partners.get(r.partner or "", r.partner or ""),
                branch=units.get(tree.places.branch_of(unit) or "", ""),
                acted=next(
                    (
                        a.action
                        for a in r.actions
                        if a.type == "immediate" and a.done == r.date and a.done <= until
                    ),
                    "",
                ),
            )
        )
    return out


def _cases(tree: Tree, month: Month, day: dt.date, lang: Lang) -> list[Case]:
    """The month's accidents and 两违, then earlier ones still open, as the analysis lists
    them."""
    this, earlier = case_rows(tree, month, day, lang)
    incidents = {i.id: i for i in tree.incidents}
    names = {p.id: p.name for p in tree.org.people}
    posts = {
        p.id: next((label("role", r, lang) for r in p.roles if r in POSTS), "")
        for p in tree.org.people
    }
    units = {u.id: u.name for u in tree.org.units}
    rules = tree.settings.cases
    secretaries = _secretaries(tree, day)
    out = []
    for row, before in [*((r, False) for r in this), *((r, True) for r in earlier)]:
        incident = incidents[row.id]
        if incident.type not in ("accident", "violation"):
            continue
        meeting = incident.analysis.meeting if incident.analysis else None
        if incident.violation is not None:
            kind = label("violation_kind", incident.violation.kind, lang)
        else:
            kind = label("accident_class", incident.class_ or "general_d", lang)
        branch = tree.places.branch_of(incident.unit)
        out.append(
            Case(
                id=row.id,
                date=row.date,
                title=row.title,
                unit_name=row.unit_name,
                branch_name=units.get(branch or "", row.unit_name),
                type=incident.type,
                kind=kind,
                grade=label("violation_grade", row.grade, lang) if row.grade else None,
                persons=row.persons,
                status=label("incident_status", row.status, lang),
                closed=row.closed is not None and row.status == "closed",
                gaps=[label("closure_gap", g, lang) for g in row.gaps],
                handover_to=rules.handover.get(incident.class_key(rules))
                if incident.needs_handover()
                else None,
                handover=incident.handover.level if incident.handover else None,
                handover_date=incident.handover.date if incident.handover else None,
                held=[
                    Held(
                        names.get(a.person, a.person),
                        label("accountability_action", a.action, lang),
                        a.detail,
                        a.role == "overseer",
                        a.action,
                        a.date,
                        posts.get(a.person, ""),
                        a.role,
                    )
                    for a in incident.accountability
                ],
                secretaries=secretaries[branch or incident.unit],
                earlier=before,
                gap_keys=list(row.gaps),
                team=_team(units.get(incident.unit, row.unit_name)),
                grade_key=row.grade,
                measures=[
                    CaseMeasure(
                        m.action,
                        names.get(m.owner or "", m.owner or ""),
                        m.due,
                        m.done is not None and m.done <= day,
                        m.verified_by is not None and m.done is not None and m.done <= day,
                    )
                    for m in incident.measures
                ],
                meeting=meeting.date if meeting is not None and meeting.date <= day else None,
                levels_missing=[
                    lv
                    for lv in ("general_branch", "branch", "member")
                    if incident.analysis is None or not getattr(incident.analysis.levels, lv)
                ],
                as_of=day,
                subject=row.subject,
                repeats=_repeats(tree, incident, day),
                doer=names.get(incident.violation.person, incident.violation.person)
                if incident.violation is not None
                else "",
                account=case_account(incident) if incident.type == "accident" else "",
                **_answers(tree, incident, branch, day, names),
                own_finding=(incident.analysis.levels.general_branch or "").strip().rstrip("。.")
                if incident.analysis is not None and (meeting is None or meeting.date <= day)
                else "",
                prior=[
                    Prior(i.date, _team(units.get(i.unit, i.unit)))
                    for i in earlier_in_year(tree, incident)
                    if i.withdrawn is None
                ]
                if incident.type == "accident"
                else [],
                unit_findings=[
                    _unit_finding(units.get(r.unit, r.unit), r.finding, lang)
                    for r in incident.responsibility
                    if r.unit is not None and r.person is None
                ],
            )
        )
    return out


def _unit_finding(unit: str, finding: str, lang: Lang) -> str:
    """What a case's findings hold a unit at fault for, said with the unit in front
    (四班党支部班前预想未把调图列为安全重点); a finding that names its unit is said as it is."""
    finding = finding.strip().rstrip("。.")
    if finding.startswith(unit):
        return finding
    return i18n.in_lang(lang, "In {unit}, {finding}").format(
        unit=english_unit(unit), finding=finding
    )


def _answers(
    tree: Tree, incident: Any, branch: str | None, day: dt.date, names: dict[str, str]
) -> dict[str, Any]:
    """Who answers for a case's branch when its secretary is involved (`answerable`, which the
    analysis says it from too), as the Case's fields."""
    found = answerable(tree, branch or incident.unit, [p.person for p in incident.persons], day)
    if found is None:
        return {}
    return {
        "involved_secretaries": [names.get(p, p) for p in found.involved],
        "urger": names.get(found.member, found.member),
        "supervisor": names.get(found.head, found.head),
    }


def _repeats(tree: Tree, incident: Any, day: dt.date) -> list[Repeat]:
    """The violations its rule-breaker committed after it, up to ``day``: reports of a
    violation naming them, and violation cases of theirs."""
    if incident.violation is None:
        return []
    person = incident.violation.person
    found = [
        Repeat(r.date, r.summary)
        for r in tree.reports
        if r.withdrawn is None
        and r.category == "violation"
        and person in r.persons
        and incident.date < r.date <= day
        and r.id not in incident.reports
    ]
    found += [
        Repeat(i.date, i.title)
        for i in tree.incidents
        if i.withdrawn is None
        and i.violation is not None
        and i.violation.person == person
        and incident.date < i.date <= day
    ]
    return sorted(found, key=lambda r: r.date)


def _key_deeds(tree: Tree, candidate: KeyCandidate, lang: Lang, year: int) -> list[str]:
    """`key_person_grounds` as the notice's sentence needs them: each a verb phrase the
    person's name opens ("missed a brake-shoe pin … on 21 October"; 10月21日检查33058次时漏检…),
    so the English body names the person and says what they did, no "21 October: …" chain."""
    out = []
    with i18n.using(lang):
        for s in sorted(
            (s for s in candidate.signals if s.ref is not None),
            key=lambda s: (s.date or dt.date.min, s.ref or ""),
        ):
            what = deed_of(tree, s.ref or "", candidate.name, lang)
            if what is None:
                continue
            day = say_day(s.date, lang, year) if s.date is not None else ""
            out.append(
                (
                    i18n.pgettext("key deed", "failed the “{what}” check on {day}")
                    if s.kind == "competence"
                    else i18n.pgettext("key deed", "{what} on {day}")
                ).format(what=what, day=day)
            )
    return out + key_person_grounds(
        tree,
        dataclasses.replace(candidate, signals=[s for s in candidate.signals if s.ref is None]),
        lang,
        year,
    )


def _key_proposals(tree: Tree, month: Month, day: dt.date, lang: Lang) -> list[KeyProposal]:
    """Key persons the signals propose and neither the register nor a pairing holds yet."""
    units = {u.id: u.name for u in tree.org.units}
    kinds = {k.id: label("competence_kind", k.kind, lang) for k in tree.competence}
    out = []
    for c in key_person_signals(tree, month, day):
        branch = tree.places.branch_of(c.unit)
        if not c.proposed:
            continue
        weight: dict[str, float] = defaultdict(float)
        for e in c.signals:
            weight[e.kind] += e.weight
        failed = sorted(
            (e for e in c.signals if e.kind == "competence" and e.ref in kinds and e.date),
            key=lambda e: (e.date, e.ref),
        )
        # failed checks of one month are said together; checks of several months one by one
        together = len({(e.date.year, e.date.month) for e in failed if e.date}) == 1
        rest = [e for e in c.signals if not (together and e in failed)]
        out.append(
            KeyProposal(
                name=c.name,
                unit_name=units.get(c.unit, c.unit),
                signals=sorted(weight, key=lambda k: (-weight[k], k)),
                evidence=sorted({e.ref for e in c.signals if e.ref}),
                branch_name=units.get(branch or "", units.get(c.unit, c.unit)),
                grounds=_key_deeds(tree, dataclasses.replace(c, signals=rest), lang, month.year),
                checks=list(dict.fromkeys(kinds[e.ref or ""] for e in failed)) if together else [],
                checked=failed[-1].date if together else None,
            )
        )
    return out


def _failed(tree: Tree, members: list[Draft]) -> list[FailedMember]:
    units = {u.id: u.name for u in tree.org.units}
    order = {u.id: n for n, u in enumerate(tree.org.units)}
    failed = [m for m in members if m.assessment.result == "fail"]
    people = {p.id: (n, "secretary" not in p.roles) for n, p in enumerate(tree.org.people)}
    return [
        FailedMember(
            m.name,
            units.get(m.branch, m.branch),
            [d.reason for d in m.assessment.deductions],
        )
        for m in sorted(
            failed,
            key=lambda m: (
                order.get(m.branch, len(order)),
                people.get(m.assessment.subject, (len(people), True))[::-1],
            ),
        )
    ]


def _overview(tree: Tree, month: Month, day: dt.date, lang: Lang) -> Overview:
    reports = [r for r in tree.reports if r.withdrawn is None and month.contains(r.date)]
    names = {u.id: u.name for u in tree.org.units}
    elements = Counter(r.element for r in reports)
    branches = Counter(tree.places.branch_of(tree.places.unit_of(r)) or "" for r in reports)
    order = {u.id: n for n, u in enumerate(tree.org.units)}
    compliance = reporting_compliance(tree, month, today=day)
    duties = compliance.all
    # accidents by class (一般A类事故), then 两违 and 事故苗子
    with i18n.using(lang):
        accident = _("{kind} accident")
        # the issuer's own reports are its cadres': named as the analysis names them
        workshop = _("{issuer}'s cadres").format(issuer=tree.settings.notice.issuer)
    incidents = Counter(
        accident.format(kind=label("accident_class", i.class_ or "general_d", lang))
        if i.type == "accident"
        else label("incident_type", i.type, lang)
        for i in sorted(tree.incidents, key=lambda i: (i.type, i.class_ or ""))
        if i.withdrawn is None and month.contains(i.date)
    )
    return Overview(
        reports=len(reports),
        by_element=[
            Tally(label("element", e, lang), elements[e])
            for e in ("equipment", "personnel", "management")
            if elements[e]
        ],
        by_branch=[
            Tally(names.get(b, b) or workshop, n)
            for b, n in sorted(branches.items(), key=lambda x: (order.get(x[0], len(order)), x[0]))
        ],
        duties=len(duties),
        missed=len(compliance.missed()),
        incidents=[Tally(kind, count) for kind, count in incidents.items()],
        missed_by_tier=[
            Tally(tier, n)
            for tier in ("member", "group", "branch")
            if (n := len(compliance.missed(tier)))
        ],
        duties_by_tier=[
            Tally(tier, n)
            for tier, n in (
                ("member", len(compliance.members)),
                ("group", len(compliance.groups)),
                ("branch", len(compliance.branches)),
            )
            if n
        ],
        missed_who=[
            MissedDuty(tier, e.name)
            for tier in ("member", "group", "branch")
            for e in compliance.missed(tier)
        ],
        violation_reports=sum(r.category == "violation" for r in reports),
    )


def _criticism(
    tree: Tree, found: list[Deficiency], lang: Lang, day: dt.date
) -> list[UnitCriticism]:
    """Deficiencies per unit in org order, and per rule in the order of `RULES`."""
    order = {u.id: n for n, u in enumerate(tree.org.units)}
    names = {u.id: u.name for u in tree.org.units}
    secretaries = _secretaries(tree, day)
    out = []
    for unit in sorted({d.unit for d in found}, key=lambda u: (order.get(u, len(order)), u)):
        groups = [
            RuleGroup(rule, rule_title(rule, lang), items)
            for rule in RULES
            if (items := [d for d in found if d.unit == unit and d.rule == rule])
        ]
        out.append(UnitCriticism(unit, names.get(unit, unit), groups, secretaries[unit]))
    return out


def _secretaries(tree: Tree, day: dt.date) -> dict[str, list[str]]:
    """Each unit's secretaries in office on ``day``."""
    found: dict[str, list[str]] = defaultdict(list)
    for p in tree.org.people:
        if "secretary" in p.roles and p.active_on(day):
            found[p.unit].append(p.name)
    return found


def render_notice(notice: Notice, *, fmt: Format, lang: Lang, records: Path | None) -> str:
    return render(f"notice.{fmt}.j2", {"notice": notice}, lang=lang, records=records)


def format_number(pattern: str, *, year: int, seq: int) -> str:
    """``notice.number`` of barrier.yaml with its ``{year}`` and ``{seq}`` filled in."""
    try:
        return pattern.format(year=year, seq=seq)
    except (KeyError, IndexError, ValueError) as e:
        raise UserError(
            f"barrier.yaml: notice.number {pattern!r} is not a valid number format ({e}); "
            "use {year} and {seq}, e.g. 车间党总支〔{year}〕{seq}号"
        ) from e


def claim_number(
    tree: Tree,
    month: Month,
    *,
    today: dt.date,
    force: bool,
    title: str,
    file: str | None,
    before_register: Callable[[NoticeEntry], NoticeEntry | None] | None = None,
) -> tuple[NoticeEntry, Path]:
    """Register the next free number of the year; return its entry and the entry's path.

    The year's register folder is locked meanwhile and read again under the lock, so two
    issuers take turns and the second sees the first one's number and month.
    ``before_register`` (writing the document) runs under the lock once the number is
    known and before it is registered, and may return the entry completed (its frozen
    content): if it fails, or the process is killed, nothing is
    registered and the next issue takes the same number. A number is never registered
    without its document, and the register never has a gap.
    """
    month_key = str(month)
    year = today.year
    folder = store.inside(tree.root, f"notices/{year}")
    with store.folder_lock(folder):
        on_disk = _register(tree.root)
        known = {n.id for n in tree.notices}
        earlier = [
            n for n in [*tree.notices, *on_disk] if n.month == month_key and n.withdrawn is None
        ]
        if earlier and not force:
            first = min(earlier, key=lambda n: (n.year, n.seq))
            message = (
                "the notice for {month} was already issued as {number} ({id}); use --force to "
                "issue another"
                if first.id in known
                else "the notice for {month} was just issued as {number} ({id}) by someone else; "
                "use --force to issue another"
            )
            raise AlreadyIssued(
                i18n._(message).format(month=month, number=first.number, id=first.id)
            )
        taken = {int(p.stem[-3:]) for p in folder.glob("N-*.yaml") if p.stem[-3:].isdigit()}
        taken |= {n.seq for n in tree.notices if n.year == year}
        seq = max(taken, default=0) + 1
        pattern = tree.settings.notice.number
        deadline = today + dt.timedelta(days=tree.settings.notice.correction_days)
        while seq <= MAX_SEQ:
            entry = NoticeEntry(
                id=f"N-{year}-{seq:03d}",
                number=format_number(pattern, year=year, seq=seq),
                year=year,
                seq=seq,
                date=today,
                month=month_key,
                title=title,
                file=file,
                deadline=deadline,
            )
            path = folder / f"{entry.id}.yaml"
            if path.exists():  # written outside this tool's lock (a git pull)
                seq += 1
                continue
            if before_register is not None:
                entry = before_register(entry) or entry
            try:
                store.create(path, record_text(entry))
            except RecordExists:
                seq += 1
                continue
            return entry, path
    raise UserError(f"no notice number left in {year} (the register holds {MAX_SEQ})")


def _register(root: Path) -> list[NoticeEntry]:
    """Every valid entry of the notice register as it is on disk now."""
    out = []
    for path in sorted((root / "notices").glob("*/N-*.yaml")):
        entry = read_file(root, path.relative_to(root).as_posix()).record
        if isinstance(entry, NoticeEntry):
            out.append(entry)
    return out


_FROZEN: TypeAdapter[Notice] = TypeAdapter(Notice)
FORMATS: tuple[Format, ...] = ("md", "html")


def freeze(notice: Notice) -> dict[str, Any]:
    """What a notice says as plain data for its register entry."""
    content: dict[str, Any] = _FROZEN.dump_python(notice, mode="json")
    return content


def thaw(content: dict[str, Any]) -> Notice:
    return _FROZEN.validate_python(content)


def digest(document: str) -> str:
    return hashlib.sha256(document.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Reproduced:
    """An issued notice rendered again, and how faithfully."""

    entry: NoticeEntry
    text: str
    verified: bool
    """The rendering has the digest recorded at issue: byte for byte the issued document."""
    frozen: bool
    """False: issued before notices were frozen, rebuilt from the records as of its date."""
    notice: Notice | None = None
    """What it says, for the formats rendered from the notice itself (Word)."""


def latest_issued(tree: Tree, month: Month) -> NoticeEntry | None:
    entries = [n for n in tree.notices if n.month == str(month) and n.withdrawn is None]
    return max(entries, key=lambda n: (n.year, n.seq), default=None)


def reproduce(tree: Tree, entry: NoticeEntry, *, fmt: Format, lang: Lang) -> Reproduced:
    """The issued notice ``entry`` as it was issued: from its frozen content when it has
    one, else rebuilt from the records as they stood on its date with its number."""
    month = Month.parse(entry.month)
    if entry.content is not None:
        # the register's lang is validated as one of the languages (zh|en)
        issued_in = cast("Lang", entry.lang) if entry.lang else lang
        frozen = thaw(entry.content)
        if frozen.prose is None:
            # frozen before the body was kept as sentences: say its data in today's words
            again = build_notice(
                tree,
                month,
                today=max(entry.date, month.first),
                lang=issued_in,
                number=entry.number,
                moment=frozen.as_of,
            )
            frozen = dataclasses.replace(frozen, prose=again.prose)
        text = render_notice(frozen, fmt=fmt, lang=issued_in, records=tree.root)
        recorded = (entry.sha256 or {}).get(fmt)
        return Reproduced(entry, text, recorded == digest(text), True, frozen)
    notice = build_notice(
        tree,
        month,
        today=max(entry.date, month.first),
        lang=lang,
        number=entry.number,
        moment=min(month.last, max(entry.date, month.first)),
    )
    if entry.deadline is not None:
        notice = dataclasses.replace(notice, deadline=entry.deadline)
    text = render_notice(notice, fmt=fmt, lang=lang, records=tree.root)
    return Reproduced(entry, text, False, False, notice)


def _refuse_placeholders(tree: Tree) -> None:
    """An issued notice names its issuing body in full: a placeholder left in the settings
    (中共XX车辆段…) may stand in a draft, never in a numbered document."""
    settings = tree.settings.notice
    for key, value in (
        ("authority", settings.authority),
        ("printer", settings.printer),
        ("issuer", settings.issuer),
        ("number", settings.number),
        *(("copy_to", v) for v in settings.copy_to),
        *(("recipients", v) for v in settings.recipients),
    ):
        if value and (found := PLACEHOLDER.search(value)):
            raise InvalidInput(
                f"{tree.root / 'barrier.yaml'}: notice.{key} {value!r} holds the placeholder "
                f"{found.group(0)!r}; write the real name before issuing (a draft may keep it)"
            )


@dataclass(frozen=True)
class Published:
    text: str
    entry: NoticeEntry | None = None
    register: Path | None = None
    reproduced: Reproduced | None = None


def publish_notice(
    *,
    root: Path,
    month: Month,
    fmt: Format,
    lang: Lang | None,
    today: dt.date,
    issue: bool = False,
    force: bool = False,
    out: Path | None = None,
    deliver: Callable[[str], None] | None = None,
    moment: dt.date | None = None,
    draft: bool = False,
    office: Callable[[Notice], None] | None = None,
    with_ids: bool = False,
) -> Published:
    """Render the notice for ``month``; with ``issue``, number it and add it to the register.

    A month already issued renders as the issued document (`reproduce`) unless ``draft``
    asks what today's records would say. The document is rendered once before a number is
    taken, so a broken template never uses up a number. It goes to ``out`` (written
    atomically, a plain file only) or else to ``deliver``; with ``issue`` that happens
    after the number is chosen and before it is registered, so a document that cannot be
    written leaves the number free. The issued entry keeps the notice's content and the
    digests of its md and html renderings. ``office`` takes the place of ``deliver`` for a
    file rendered from the notice itself (Word), at the same moment.
    """
    if issue and draft:
        raise InvalidInput("--draft shows an unissued notice; it cannot be used with --issue")
    if out is not None:
        store.refuse_record_path(root, out)
        store.check_document_target(out)
    tree = load_tree(root, cache=True)
    lang = lang or tree.settings.lang
    tree = in_language(tree, lang)

    def write(document: str, shown: Notice | None) -> None:
        if office is not None and shown is not None:
            office(shown)
        elif out is not None:
            store.write_document(out, document)
        elif deliver is not None:
            deliver(document)

    # a stated moment asks for a fresh count, like a draft
    issued = None if issue or draft or moment else latest_issued(tree, month)
    if issued is not None:
        again = reproduce(tree, issued, fmt=fmt, lang=lang)
        write(again.text, again.notice)
        return Published(again.text, reproduced=again)
    dated = today
    if not issue:
        dated = min(today, max(month.last + dt.timedelta(days=DRAFT_DAYS), moment or month.first))
    notice = build_notice(tree, month, today=dated, lang=lang, moment=moment, with_ids=with_ids)
    if issue:
        _refuse_placeholders(tree)
    text = render_notice(notice, fmt=fmt, lang=lang, records=root)
    if not issue:
        write(text, notice)
        return Published(text)
    numbered: list[str] = []

    def write_numbered(entry: NoticeEntry) -> NoticeEntry:
        final = dataclasses.replace(notice, number=entry.number)
        documents = {f: render_notice(final, fmt=f, lang=lang, records=root) for f in FORMATS}
        write(documents[fmt], final)
        numbered.append(documents[fmt])
        return entry.model_copy(
            update={
                "as_of": notice.as_of,
                "lang": lang,
                "content": freeze(final),
                "sha256": {f: digest(d) for f, d in documents.items()},
            }
        )

    entry, register = claim_number(
        tree,
        month,
        today=today,
        force=force,
        title=notice.title,
        file=str(out) if out is not None else None,
        before_register=write_numbered,
    )
    return Published(numbered[-1], entry, register)
