"""The sentences of the notice (通报) as a 公文 writes them, in the notice's language.

A 党总支 notice says who did what on which day in whole sentences: "10月9日，四班发生一般A类
事故1起（…），涉及秦宝山、孔祥宇、任辉3人。" Dates are calendar dates without the year when it
is the document's; record ids stand only in the attachment; what a case still lacks is said as
what has not been done, never as a list of field names.

Every sentence is an English message of the ``notice`` catalogue with named placeholders, put
into the language in force (`notice_prose` sets the notice's): a third language needs only its
``locale/<lang>/LC_MESSAGES/notice.po``. Where Chinese builds a sentence differently (measure
words, 同志, 型/号) its translation says so; the code never branches on the language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from barrier_cli.core import i18n
from barrier_cli.core.i18n import _, ngettext
from barrier_cli.core.labels import label
from barrier_cli.reports.deficiencies import (
    Deficiency,
    Scope,
    person_title,
    say_day,
    say_period,
    wagon_named,
)
from barrier_cli.reports.names import english_unit

if TYPE_CHECKING:
    from barrier_cli.core.labels import Lang
    from barrier_cli.core.models import Incident
    from barrier_cli.core.periods import Month
    from barrier_cli.io.loader import Tree
    from barrier_cli.present.notice import (
        Case,
        KeyProposal,
        LatePriority,
        NearMiss,
        NextPriority,
        Notice,
        PairingState,
        Praise,
        Term,
    )
    from barrier_cli.reports.assess import Assessed


@dataclass(frozen=True)
class AnnexRow:
    """One item of the attachment: what it is, and the records that show it, apart."""

    text: str
    ids: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # an item opens like a sentence, whatever name or phrase leads it
        object.__setattr__(self, "text", _capital(self.text))


@dataclass(frozen=True)
class Annex:
    """One heading of the attachment: its items, each a sentence with its record ids in a
    column of their own (``rows``); ``items`` are the sentences of notices frozen when the
    ids stood inside them."""

    title: str
    items: list[str] = field(default_factory=list)
    rows: list[AnnexRow] = field(default_factory=list)


@dataclass(frozen=True)
class Prose:
    """The sentences of the notice's body, built from the data above in its language."""

    overview: list[str] = field(default_factory=list)
    praises: list[str] = field(default_factory=list)
    praise_close: str = ""
    cases: list[str] = field(default_factory=list)
    near_misses: list[str] = field(default_factory=list)
    """The month's near misses (事故苗子), a repeated problem said once."""
    pairings: list[str] = field(default_factory=list)
    """How each pairing (包保对子) was followed up and what is due next."""
    pairings_short: str = ""
    """The pairings that mentored less often than their plans set, and the order it gives."""
    key_persons: list[str] = field(default_factory=list)
    branches: list[str] = field(default_factory=list)
    own: str = ""
    """The issuer's own lapses (自查), said apart from the units it criticises."""
    scores: list[str] = field(default_factory=list)
    priorities_intro: str = ""
    priorities: list[str] = field(default_factory=list)
    """The next month's adopted 保安全重点, each with its unit, owner and deadline."""
    corrections_intro: str = ""
    corrections: list[str] = field(default_factory=list)
    corrections_close: str = ""
    """Kept for notices frozen when it held a closing order; the items now say it."""
    annex: list[Annex] = field(default_factory=list)


def _p(context: str, message: str) -> str:
    """``message`` of ``context`` in the language in force: a separator is said one way
    between clauses and another between list items (Chinese ，；、 for English ; and ,)."""
    return i18n.translations(i18n.current()).pgettext(context, message)


def _joined(template: str, items: Sequence[str]) -> str:
    """``items`` as one list, each added with ``template`` ("{list}; {item}", translated):
    Chinese separates clauses, items and sentences differently (，；、) from English."""
    out = items[0] if items else ""
    for item in items[1:]:
        out = template.format(list=out, item=item)
    return out


def _and(items: Sequence[str]) -> str:
    """``items`` with the last joined by "and": a, b and c (甲、乙、丙)."""
    if len(items) < 2:
        return "".join(items)
    return _("{list} and {last}").format(list=i18n.join(items[:-1]), last=items[-1])


def _units_in_text(names: Sequence[str]) -> str:
    """Units named in running text: the Shift 2 and Shift 3 branches (二班党支部、三班党支部)."""
    together = branches_together(names)
    return (
        together
        if len(names) > 1 and together != _and(list(names))
        else _and([english_unit(n) for n in names])
    )


def branches_together(names: Sequence[str]) -> str:
    """Branches named as one: 一班、二班党支部, the Shift 1 and Shift 2 branches; names not of
    the form "{shift} branch" (一班党支部) are listed as they are."""
    pattern = re.escape(_p("branch name", "{shift} branch")).replace(re.escape("{shift}"), "(.+)")
    shifts = [m.group(1) for name in names if (m := re.fullmatch(pattern, name))]
    if len(names) < 2 or len(shifts) < len(names):
        return _and(list(names))
    return _p("branch names", "the {shifts} branches").format(shifts=_and(shifts))


def vehicle_name(vehicle: str) -> str:
    """A freight car as a document names it, from its record form "C70E 4310192": in Chinese
    "C70E型4310192号货车"; a car without a number stays as written."""
    model, _sep, number = vehicle.partition(" ")
    return _("{model} {number}").format(model=model, number=number) if number else vehicle


class _Say:
    """The notice's year: dates drop the year when it is the month's."""

    def __init__(self, lang: Lang, year: int) -> None:
        self.lang = lang
        self.year = year

    def day(self, day: dt.date) -> str:
        return say_day(day, self.lang, self.year)

    def num(self, value: float) -> str:
        return f"{value:g}"

    def month(self, year: int, month: int) -> str:
        return say_period(f"{year}-{month:02d}", self.lang, self.year)


_LEVELS = ("general_branch", "branch", "member")


def _level_name(level: str) -> str:
    return {
        "general_branch": _p("analysis level", "general branch"),
        "branch": _p("analysis level", "branch"),
        "member": _p("analysis level", "member"),
    }[level]


def _lacking(case: Case) -> list[str]:
    """What a case still lacks, from its record, as clauses: "9月20日支委会分析未记录参会
    人员", "缺少总支层面剖析"; its measures are said apart (`_measures`)."""
    keys = case.gap_keys
    out = []
    if "meeting" in keys:
        out.append(
            _(
                "the meeting {branch} held on {day} kept no attendance record, so it does not "
                "count as a committee analysis"
            ).format(branch=english_unit(case.branch_name), day=_day(case.meeting))
            if case.meeting is not None
            else _("no branch committee meeting has analysed it")
        )
    if "levels" in keys and (missing := _branch_levels(case)):
        out.append(
            _("the causes are not analysed at the {levels} level").format(
                levels=i18n.join([_level_name(lv) for lv in missing])
            )
        )
    if "chain" in keys:
        out.append(
            _(
                "neither how responsibility was passed down nor whether earlier measures worked "
                "has been analysed"
            )
        )
    if "timeline" in keys:
        # 违章经过/事故经过: the Chinese names the case, so the message has its type
        out.append(_p(case.type, "what happened is not set out in time order"))
    out += [
        text
        for key, text in (
            ("causes", _("its causes are not established")),
            ("responsibility", _("responsibility is not determined")),
            ("measures", _("no measures are set")),
            ("education", _("no one has been taught its lesson")),
            ("handover_level", _("it was handed over too low")),
            ("accountability", _("no one has been held responsible")),
            ("overseer", _("those who looked on have not been held responsible")),
        )
        if key in keys
    ]
    return out


def _branch_levels(case: Case) -> list[str]:
    """The analysis levels a case lacks that its branch answers for: the general branch's
    own level is the issuer's to add (its 自查), never ordered to a branch."""
    missing = [lv for lv in _LEVELS if lv in case.levels_missing] or list(_LEVELS)
    return [lv for lv in missing if lv != "general_branch"]


def _issuer_level(case: Case) -> bool:
    """Whether a case still lacks the analysis at the general branch (the issuer's) level."""
    return (
        not case.closed
        and "levels" in case.gap_keys
        and ("general_branch" in case.levels_missing or not case.levels_missing)
    )


def _to_do(case: Case) -> list[str]:
    """What a branch is to do to close a case: the counterpart of `_lacking`, then its
    measures still open (one done since the notice's moment is not ordered again)."""
    keys = case.gap_keys
    out = []
    if "meeting" in keys:
        out.append(
            _("analyse it again at a branch committee meeting and record who attended")
            if case.meeting is not None
            else _("analyse it at a branch committee meeting")
        )
    if "levels" in keys and (missing := _branch_levels(case)):
        out.append(
            _("add the analysis at the {levels} level").format(
                levels=i18n.join([_level_name(lv) for lv in missing])
            )
        )
    if "chain" in keys:
        out.append(
            _("analyse how responsibility was passed down and whether earlier measures worked")
        )
    if "timeline" in keys:
        out.append(_p(case.type, "set out what happened in time order"))
    out += [
        text
        for key, text in (
            ("causes", _("establish the causes")),
            ("responsibility", _("determine responsibility")),
            ("measures", _("set measures")),
            ("education", _("teach its lesson")),
            ("handover_level", _("hand it over at the level required")),
            ("accountability", _("hold those responsible to account")),
            ("overseer", _("hold those who looked on to account")),
        )
        if key in keys
    ]
    for m in case.measures:
        if m.done:
            continue
        if m.owner and m.due is not None and _urged(case, m.owner):
            out.append(
                _(
                    "complete “{action}” by {day} ({owner} organising, {member} urging it on)"
                ).format(action=m.action, day=_day(m.due), owner=m.owner, member=case.urger)
            )
        elif m.owner and m.due is not None:
            out.append(_("complete “{action}” by {day}").format(action=m.action, day=_day(m.due)))
        else:
            out.append(_("give “{action}” an owner and a due date").format(action=m.action))
    return out


def _measures(case: Case) -> list[str]:
    """Where a case's measures stand, from the record: how many are done and verified, and
    each one still open with its owner and due date."""
    if not case.measures:
        return []
    verified = sum(m.done and m.verified for m in case.measures)
    unverified = sum(m.done and not m.verified for m in case.measures)
    total = len(case.measures)
    out = [
        ngettext(
            "Of its {total} measures, {done} is carried out and verified",
            "Of its {total} measures, {done} are carried out and verified",
            verified,
        ).format(total=i18n.counted(total), done=i18n.counted(verified))
        if verified
        else _("None of its {total} measures is carried out yet").format(total=i18n.counted(total))
    ]
    if unverified:
        out.append(
            ngettext(
                "{n} is carried out and awaits verification",
                "{n} are carried out and await verification",
                unverified,
            ).format(n=i18n.counted(unverified))
        )
    for m in case.measures:
        if m.done:
            continue
        if not (m.owner and m.due is not None):
            out.append(_("“{action}” names no owner or due date").format(action=m.action))
        elif case.as_of is not None and m.due < case.as_of:
            out.append(
                _("“{action}” (owner {owner}) was due on {day} and is overdue").format(
                    action=m.action, owner=m.owner, day=_day(m.due)
                )
            )
        elif _urged(case, m.owner):
            out.append(
                _(
                    "“{action}” ({owner} organising, {member} urging it on, due {day}) is under way"
                ).format(action=m.action, owner=m.owner, member=case.urger, day=_day(m.due))
            )
        else:
            out.append(
                _("“{action}” (owner {owner}, due {day}) is under way").format(
                    action=m.action, owner=m.owner, day=_day(m.due)
                )
            )
    return out


def _urged(case: Case, owner: str) -> bool:
    """A measure whose owner is a secretary involved in the case: they still organise it,
    and the committee member who answers for the branch urges it on."""
    return bool(case.urger) and owner in case.involved_secretaries


def _case_kind(case: Case) -> str:
    if case.grade_key == "A":
        # the source's 严重“两违”: one term for the grade in every document
        return _("serious {kind}").format(kind=case.kind)
    if case.grade:
        return _("{grade} {kind}").format(grade=case.grade, kind=case.kind)
    return _("{kind} accident").format(kind=case.kind)


def case_name(case: Case) -> str:
    """A case as a 公文 names it: date, team, what happened (the rule-breaker in front) and
    its kind, "9月18日三班二组孙浩列车未停稳跨越车钩严重违章"; `CaseRow.subject` is the
    analysis's, so both documents name a case alike."""
    if case.type == "accident":
        # an accident's title names the event (33062次晚点), not what its team did
        return _("the {what} on {day} (a {kind})").format(
            kind=_case_kind(case), day=_day(case.date), what=case.subject or case.title
        )
    return _("the {kind} of {day} in {team} ({what})").format(
        kind=_case_kind(case), day=_day(case.date), team=case.team, what=case.subject or case.title
    )


def _held(case: Case) -> list[str]:
    """责任追究 as what the workshop did, a sentence per decision: who was removed from
    which post on which day, the one who did it and the one who let it pass."""
    out = []
    removed = [h for h in case.held if h.action_key == "replaced"]
    for day in dict.fromkeys(h.date for h in removed):
        on_day = sorted((h for h in removed if h.date == day), key=lambda h: h.overseer)
        persons = []
        for h in on_day:
            post = _("{post} {name}").format(post=h.post, name=h.name) if h.post else h.name
            if h.role == "doer":
                post = _("{person} (directly responsible)").format(person=post)
            elif h.role == "overseer":
                post = _("{person} (responsible for checking)").format(person=post)
            persons.append(post)
        said = _p("persons held", "{list} and {last}")
        who = (
            persons[0]
            if len(persons) == 1
            else said.format(list=i18n.join(persons[:-1]), last=persons[-1])
        )
        on = _day(day) if day is not None else ""
        if any(h.overseer for h in on_day):
            out.append(
                _(
                    "On {day} the workshop removed {persons} from their posts, holding to account "
                    "both the one who broke the rule and the one who let it pass."
                ).format(day=on, persons=who)
            )
        else:
            out.append(
                _("On {day} the workshop removed {persons} from their posts.").format(
                    day=on, persons=who
                )
            )
    for h in case.held:
        if h.action_key == "replaced":
            continue
        detail = (h.detail or "").strip()
        # a detail in the record's own words that names the rules applied: 按…考核
        if detail.startswith("按") and detail.endswith("考核"):
            rules = detail.removeprefix("按").removesuffix("考核")
            out.append(
                _("On {day} the workshop penalised {name} under {rules}.").format(
                    day=_day(h.date), name=h.name, rules=rules
                )
                if h.date is not None
                else _("The workshop has penalised {name} under {rules}.").format(
                    name=h.name, rules=rules
                )
            )
        elif detail and h.date is not None:
            # the record's detail is what was done to the person, said as a participle
            out.append(
                _("On {day} {name} was {action}.").format(
                    day=_day(h.date), name=h.name, action=detail
                )
            )
        else:
            out.append(
                _("{name} was dealt with by the workshop ({action}).").format(
                    name=h.name, action=detail or h.action
                )
            )
    return out


class _Rule:
    """The closure rule (三不放过) as the document says it: explained the first time it is
    named, by its short name after that."""

    def __init__(self, closure: str) -> None:
        self.closure = closure
        self.named = False

    def __call__(self) -> str:
        first, self.named = not self.named, True
        if self.closure == "four":
            return (
                _(
                    "the “four nots” (cause, responsibility, measures and the lesson taught all "
                    "made clear)"
                )
                if first
                else _("the four nots")
            )
        return (
            _(
                "the “three nots” (the problem established, its causes found and specific measures taken)"
            )
            if first
            else _("the three nots")
        )


_DAY: ContextVar[_Say] = ContextVar("notice_days")
"""How the notice being written says its dates (set by `notice_prose`)."""


def _day(day: dt.date | None) -> str:
    """``day`` as the notice being written says it."""
    return _DAY.get().day(day) if day is not None else ""


def _sentences(sentences: Sequence[str]) -> str:
    """Whole sentences one after another: a space between them in English, none in Chinese;
    each begins with a capital where the language has them (a name set in lower case, "the
    General Branch", may open one)."""
    return _joined(_p("sentences", "{list} {item}"), [_capital(s) for s in sentences])


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _lower(phrase: str) -> str:
    """A record's phrase set inside a sentence: "A special check" → "a special check"; a code
    (C70E) and a language without capitals stay as written."""
    word = phrase.split(" ", 1)[0]
    return phrase[:1].lower() + phrase[1:] if word == "A" or word[1:].islower() else phrase


def _case_sentences(case: Case, rule: _Rule, issuer: str | None, by: dt.date | None) -> str:
    """The case's paragraph; ``issuer`` when the issuer reviews itself: the general branch
    level it lacks is the issuer's own to add by ``by`` (its self-review's day), said as such."""
    kind = _case_kind(case)
    what = case.subject or case.title
    named = [p for p in case.persons if p not in what]
    persons = ""
    if len(case.persons) > 1:
        persons = _(", involving {persons} ({n} persons)").format(
            persons=_and(case.persons), n=len(case.persons)
        )
    elif named:
        persons = _(", involving {person}").format(person=named[0])
    still = _("; the case is still open") if case.earlier and not case.closed else ""
    # a secretary whose branch the record finds at fault answers for it by name (负领导责任)
    leading = case.involved_secretaries if case.unit_findings else []
    if case.account:
        # told from the record: who did what and what followed; those it names are not
        # listed again
        unnamed = [p for p in case.persons if p not in case.account and p not in leading]
        involving = (
            _(", involving {persons} as well").format(persons=_and(unnamed)) if unnamed else ""
        )
        if case.prior:
            # what happened, then what it was: its class and its place among the year's
            told = _(
                "On {day}, {account}. This was a {kind}, the workshop's {nth} this year "
                "(after {earlier}){persons}{still}."
            ).format(
                day=_day(case.date),
                account=case.account,
                kind=kind,
                nth=_nth(len(case.prior) + 1),
                earlier=_prior(
                    [
                        _p("prior", "{team} on {day}").format(day=_day(p.date), team=p.team)
                        for p in case.prior
                    ]
                ),
                persons=involving,
                still=still,
            )
        else:
            told = _("On {day}, {account}, a {kind}{persons}{still}.").format(
                day=_day(case.date), account=case.account, kind=kind, persons=involving, still=still
            )
    else:
        told = _("On {day}, in {team}, {title}, a {kind}{persons}{still}.").format(
            day=_day(case.date), team=case.team, kind=kind, title=what, persons=persons, still=still
        )
    out = [told]
    for finding in case.unit_findings:
        out.append(
            _("{finding}; its secretary {name} bears the leadership responsibility.").format(
                finding=finding, name=_and(leading)
            )
            if leading
            else _("{finding}.").format(finding=finding)
        )
    if case.handover and case.handover_date:
        out.append(
            _("{branch} reported it to {level} on {day} (safety handover).").format(
                branch=english_unit(case.branch_name),
                level=case.handover,
                day=_day(case.handover_date),
            )
        )
    elif case.handover_to:
        out.append(
            _("It is to be reported to {level} (safety handover) and has not been.").format(
                level=case.handover_to
            )
        )
    if case.held:
        out += _held(case)
    elif not case.closed and "accountability" not in case.gap_keys:
        out.append(_("No one has been held responsible yet."))
    # after the handover and the penalty, in the order things happened; named, not a pronoun:
    # the roster records no one's sex
    for r in case.repeats:
        out.append(
            _(
                "On {day} {who} broke the rules again, a repeat violation reported as “{what}”."
            ).format(who=case.doer, day=_day(r.date), what=_lower(r.summary))
        )
    lacking = _lacking(case)
    measures = _measures(case)
    # what the issuer owes comes after what the branch lacks, dated as its self-review dates it
    owed = (
        [
            _(
                "{issuer} will hold a committee meeting by {day} to add the analysis at the "
                "general branch level (see part 3 (6) of this notice)."
            ).format(issuer=issuer, day=_day(by))
        ]
        if issuer is not None and by is not None and _issuer_level(case)
        else []
    )
    if case.closed:
        out += owed
        out.append(_("It was closed under {rule}.").format(rule=rule()))
    elif lacking:
        said = _joined(_p("lacking", "{list}; {item}"), lacking)
        if "meeting" in case.gap_keys and case.meeting is not None and len(lacking) > 1:
            # the meeting that does not count is a finding of its own; the gaps of the
            # analysis after it are one clause (…不能认定为支委会剖析；责任传递…未剖析，…)
            said = _p("lacking apart", "{list}; {item}").format(
                list=lacking[0], item=_joined(_p("lacking", "{list}; {item}"), lacking[1:])
            )
        out.append(
            _("The case does not yet meet {rule}: {lacking}.").format(lacking=said, rule=rule())
        )
        out += owed
        if measures:
            out.append(
                _("{measures}.").format(measures=_joined(_p("lacks", "{list}; {item}"), measures))
            )
    elif measures and not all(m.done and m.verified for m in case.measures):
        out += owed
        pending = any(not m.done for m in case.measures)
        out.append(
            (
                _("{measures}, and the case will be closed once the rest are done and verified.")
                if pending
                else _("{measures}, and the case will be closed once they are verified.")
            ).format(measures=_joined(_p("lacks", "{list}; {item}"), measures))
        )
    else:
        out += owed
        out.append(_("Its correction is not finished yet."))
    return _sentences(out)


_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def _nth(n: int) -> str:
    """The ``n``th case of a class in the year, in words (third, 第三) as a 公文 counts."""
    if n <= len(_NTH):
        return _p("nth", _NTH[n - 1])
    return _p("nth", "{n}th").format(n=n)


def _signal(kind: str) -> str:
    """A key-person signal without a record to date it, as a ground for proposing someone."""
    return {
        "few_finds": _("far fewer faults found this month than the group's average"),
        "quality": _("work-quality complaints"),
        "violation": _("committed violations"),
        "precursor": _("involvement in near misses"),
        "competence": _("failed competence checks"),
    }.get(kind, kind)


def _doing(source: str, partner: str) -> str:
    if source == "joint_labour" and partner:
        return _("while coordinating with {partner}").format(partner=partner)
    return {
        "on_site": _p("praise", "during inspection work"),
        "cadre_patrol": _p("praise", "on a cadre patrol"),
        "joint_labour": _p("praise", "while liaising with a partner unit"),
        "briefing": _p("praise", "at the pre-shift briefing"),
    }.get(source, _p("praise", "at work"))


def _prevented(category: str) -> str:
    return {
        "hazard": _p("praise", "removing a hazard in time"),
        "fault": _p("praise", "keeping a faulty vehicle from running"),
        "near_miss": _p("praise", "preventing an accident"),
        "violation": _p("praise", "stopping unsafe work in time"),
    }.get(category, "")


def _correct(rule: str) -> str:
    return {
        "low_quality": _(
            "make every report name the train or vehicle, the place and the key concerned"
        ),
        "late_analysis": _(
            "find why reports were analysed late and analyse them in time from now on"
        ),
        "shallow_analysis": _(
            "redo the analyses that stopped short, down to the subjective and underlying causes"
        ),
        "unassigned_action": _("give every corrective action an owner and a due date"),
        "closed_against_rule": _(
            "reopen the cases closed against the rule and complete causes, responsibility "
            "and measures"
        ),
        "pairing_no_review": _(
            "have mentors review their key person at least once a month and record it"
        ),
        "pairing_overdue": _(
            "give key persons not turned around in time a committee member as second mentor "
            "and a new plan"
        ),
    }.get(rule, "")


def _count(key: str, n: int) -> str:
    """How many lapses of a kind a branch had: 信息漏报1人次, 2 overdue actions."""
    return {
        "missed_reports": ngettext("{n} member missed reports", "{n} members missed reports", n),
        "low_quality": ngettext("{n} low-quality report", "{n} low-quality reports", n),
        "late_analysis": ngettext("{n} report analysed late", "{n} reports analysed late", n),
        "late_case": ngettext("{n} case analysed late", "{n} cases analysed late", n),
        "shallow_analysis": ngettext("{n} shallow analysis", "{n} shallow analyses", n),
        "unassigned_action": ngettext(
            "{n} action without owner or due", "{n} actions without owner or due", n
        ),
        "overdue_action": ngettext("{n} overdue action", "{n} overdue actions", n),
        "closed_against_rule": ngettext(
            "{n} case closed against the rule", "{n} cases closed against the rule", n
        ),
        "pairing_no_review": ngettext(
            "{n} pairing without review", "{n} pairings without review", n
        ),
        "pairing_overdue": ngettext("{n} pairing past due", "{n} pairings past due", n),
    }[key].format(n=i18n.counted(n))


_COUNTED = (
    "missed_reports",
    "low_quality",
    "late_analysis",
    "late_case",
    "shallow_analysis",
    "unassigned_action",
    "overdue_action",
    "closed_against_rule",
    "pairing_no_review",
    "pairing_overdue",
)


def _counts(items: list[Deficiency]) -> str:
    tally: dict[str, int] = defaultdict(int)
    for d in items:
        late_case = d.rule == "late_analysis" and any(e.startswith("I-") for e in d.evidence_ids)
        tally["late_case" if late_case else d.rule] += 1
    said = [_count(key, tally[key]) for key in _COUNTED if tally[key]]
    return _joined(_p("counts", "{list}, {item}"), said)


def named_in_text(summary: str, train: str | None, vehicle: str | None) -> tuple[str, bool]:
    """A report's summary with its train and car named as a document names them (81582次列车,
    C70E型4310192号货车), and whether it names the train."""
    what = summary
    named_train = False
    if train:
        # the record's Chinese "81582次", as the document's language says a train
        in_record = f"{train}次"
        if in_record in what:
            what = what.replace(in_record, _p("record text", "{train}次").format(train=train))
            named_train = True
        named_train = named_train or f"train {train}" in what  # the record's English
    if vehicle:
        named = vehicle_name(vehicle)
        what = (
            what.replace(vehicle, named)
            if vehicle in what
            else _("{what} ({vehicle})").format(what=what, vehicle=named)
        )
    return what, named_train


def _praise(p: Praise) -> str:
    what, named_train = named_in_text(p.summary, p.train, p.vehicle)
    doing = _doing(p.source, p.partner)
    if p.train and not named_train:
        doing = _("{doing} on train {train}").format(doing=doing, train=p.train)
    if p.location and p.location not in what:
        doing = _("{doing} at {location}").format(doing=doing, location=p.location)
    who = (_("{name} ({unit}, party member)") if p.member else _("{name} ({unit}, staff)")).format(
        name=p.who, unit=p.unit
    )
    # what the catch prevented is said only once the action on the day made it so
    done = _prevented(p.category) if p.acted else ""
    values = {
        "who": who,
        "day": _day(p.date),
        "doing": doing,
        "what": what,
        "done": done,
        "action": p.acted,
    }
    sentences = [
        _(
            "On {day}, {doing}, {who} found the {what}, reported it at once and acted on the "
            "spot to {action}, {done}."
        ).format(**values)
        if done
        else _("On {day}, {doing}, {who} found the {what} and reported it at once.").format(
            **values
        )
    ]
    for a in p.awards:
        if a.kind == "reward" and a.amount:
            sentences.append(
                _("The {level} rewarded this with {amount} yuan.").format(
                    level=a.level, amount=f"{a.amount:g}"
                )
            )
        else:
            sentences.append(_("The {level} commended this catch.").format(level=a.level))
    return _sentences(sentences)


def _tier_count(tier: str, n: int) -> str:
    return {
        "member": ngettext("{n} party member", "{n} party members", n),
        "group": ngettext("{n} party group leader", "{n} party group leaders", n),
        "branch": ngettext("{n} branch", "{n} branches", n),
    }[tier].format(n=n)


def _tier_person(tier: str, name: str) -> str:
    return {
        "member": _("member {name}"),
        "group": _("group leader {name}"),
        "branch": _("branch {name}"),
    }[tier].format(name=name)


def _overview(notice: Notice, tree: Tree) -> list[str]:
    o = notice.overview
    if o is None:
        return []
    day = _day(notice.as_of or notice.date)
    parts = i18n.join(
        [_("{count} on {element}").format(count=t.count, element=t.name) for t in o.by_element]
    )
    out = [
        _("By {day} the workshop had collected {reports} safety reports{parts}.").format(
            day=day,
            reports=o.reports,
            parts=_(", {parts}").format(parts=parts) if parts else "",
        )
    ]
    if o.by_branch:
        out.append(
            _("The reports came from {parts}.").format(
                parts=_and(
                    [
                        _p("by unit", "{name} ({count})").format(
                            name=english_unit(t.name), count=t.count
                        )
                        for t in o.by_branch
                    ]
                )
            )
        )
    duties = _and([_tier_count(t.name, t.count) for t in o.duties_by_tier])
    if o.missed_who:
        out.append(
            _(
                "Safety information was due from {duties}; {who} reported less often than required."
            ).format(duties=duties, who=_and([_tier_person(m.name, m.who) for m in o.missed_who]))
        )
    else:
        out.append(
            _(
                "Safety information was due from {duties}, and all reported as often as required."
            ).format(duties=duties)
        )
    if o.incidents:
        out.append(
            _("{incidents} occurred this month.").format(
                incidents=i18n.join(
                    [
                        ngettext("{n} {kind}", "{n} {kind}s", t.count).format(
                            n=i18n.counted(t.count), kind=t.name
                        )
                        for t in o.incidents
                    ]
                )
            )
        )
    elif o.violation_reports:
        out.append(
            ngettext(
                "No accident occurred this month; {n} report of a violation was collected, and "
                "no serious violation needed to be registered as a case.",
                "No accident occurred this month; {n} reports of violations were collected, and "
                "no serious violation needed to be registered as a case.",
                o.violation_reports,
            ).format(n=o.violation_reports)
        )
    else:
        out.append(_("No accident or violation occurred this month."))
    # an earlier case still open, named by day, team and who, as of the one cut-off
    for c in notice.cases:
        if not c.earlier or c.closed:
            continue
        said = (
            _("The {kind} of {day} by {who} of {team} was still not closed on {asof}.")
            if c.doer
            else _("The {kind} of {day} in {team} was still not closed on {asof}.")
        )
        out.append(
            said.format(
                kind=_case_kind(c),
                day=_day(c.date),
                who=c.doer,
                team=c.team or c.branch_name,
                asof=day,
            )
        )
    # one cut-off for every fact, as the analysis and the scores have it
    out.append(
        _(
            "All facts in this notice are as of {day}; branches should report later progress in "
            "their correction reports."
        ).format(day=day)
    )
    return out


_ORDINALS = (
    "First, {item}.",
    "Second, {item}.",
    "Third, {item}.",
    "Fourth, {item}.",
    "Fifth, {item}.",
)
"""How the problems a paragraph concentrates on are counted off: a sentence each in English,
one sentence of clauses in Chinese (一是……；二是……)."""


def _times(n: int) -> str:
    """How often something happened: once, twice, seven times (1起, 2起, 7起)."""
    if n == 1:
        return _p("times", "once")
    if n == 2:
        return _p("times", "twice")
    return _p("times", "{n} times").format(n=i18n.counted(n))


def phrase_count(n: int) -> str:
    """A count inside a phrase, of kinds or problems (两类反复发生的事故苗子, 集中在两个问题):
    公文 writes it in Chinese numerals, a word of the phrase, where a statistic keeps its
    digits (4条, 2起, GB/T 15835); English spells it as any small count. Larger counts stay
    digits in both."""
    words = (
        _p("count in a phrase", "one"),
        _p("count in a phrase", "two"),
        _p("count in a phrase", "three"),
        _p("count in a phrase", "four"),
        _p("count in a phrase", "five"),
        _p("count in a phrase", "six"),
        _p("count in a phrase", "seven"),
        _p("count in a phrase", "eight"),
        _p("count in a phrase", "nine"),
    )
    return words[n - 1] if 1 <= n <= len(words) else str(n)


def _near_misses(notice: Notice, tree: Tree) -> list[str]:
    """The month's near misses (事故苗子) reported, one problem said once however its
    reports word it (the hazard log's name), with where and when it happened this month, how
    often in the last three months and since it was first reported, and a measure it has
    outlived: a near miss that keeps coming back is what the branches must hear."""
    if not notice.near_misses:
        if notice.near_miss_cases:
            return [
                _(
                    "Near misses registered as cases this month: {n}; no other near miss was "
                    "reported."
                ).format(n=notice.near_miss_cases)
            ]
        return []
    by_problem: dict[str, list[NearMiss]] = defaultdict(list)
    for n in notice.near_misses:
        by_problem[n.problem or n.summary].append(n)
    items = []
    for problem, misses in by_problem.items():
        where = _joined(
            _p("places", "{list}; {item}"),
            [
                _joined(
                    _p("place", "{list}, {item}"), [_day(m.date), english_unit(m.team), m.location]
                )
                for m in misses
            ],
        )
        said = _("“{summary}” occurred {times} ({where})").format(
            summary=_lower(problem), times=_times(len(misses)), where=where
        )
        m = misses[0]
        counts = []
        if m.recent > len(misses):
            counts.append(_("{times} in the last three months").format(times=_times(m.recent)))
        if m.since > m.recent and m.first is not None:
            # counted from the month the book first holds it, as the analysis counts it
            counts.append(
                _("{times} since {first}").format(
                    times=_times(m.since), first=_DAY.get().month(m.first.year, m.first.month)
                )
            )
        if counts:
            said = _p("recurrence", "{list}: {item}").format(
                list=said, item=_joined(_p("counts", "{list} and {item}"), counts)
            )
        if m.not_held:
            said = _p("recurrence", "{list}, {item}").format(
                list=said,
                item=_("so the measure “{measure}” has not held").format(measure=m.not_held[0]),
            )
        items.append(said)
    total = len(notice.near_misses)
    if 1 < len(items) <= len(_ORDINALS) and len(items) < total:
        # fewer problems than reports: a 公文 says what they concentrate on, 一是……二是……
        numbered = [_p("ordinal", o).format(item=i) for o, i in zip(_ORDINALS, items, strict=False)]
        first = _("{n} near misses were reported this month, on {k} problems. {items}").format(
            n=i18n.counted(total),
            k=phrase_count(len(items)),
            items=_joined(_p("numbered", "{list} {item}"), numbered),
        )
    else:
        first = ngettext(
            "{n} near miss was reported this month: {items}.",
            "{n} near misses were reported this month: {items}.",
            total,
        ).format(n=i18n.counted(total), items=_joined(_p("items", "{list}; {item}"), items))
    if notice.near_miss_cases:
        return [first]
    chronic = any(m.since > 1 for m in notice.near_misses)
    last = (
        _("These problems keep recurring, and no branch analysed them as typical cases.")
        if chronic
        else _("None of them was registered and analysed as a typical case.")
    )
    return [_sentences([first, last])]


def _priorities_intro(notice: Notice) -> str:
    """What opens 五: next month's 保安全重点 to carry out, or that they follow separately."""
    following = notice.month.shift(1)
    if not notice.next_priorities:
        return _("The safety priorities for {month} will be issued separately.").format(
            month=_DAY.get().month(following.year, following.month)
        )
    adopted = max(p.adopted for p in notice.next_priorities)
    return _(
        "The branches are to see that the safety priorities {issuer} set for {month} on {day} "
        "are carried out:"
    ).format(
        issuer=notice.issuer,
        month=_DAY.get().month(following.year, following.month),
        day=_day(adopted),
    )


def _priority(p: NextPriority) -> str:
    """运行图调整…：值班员、工班长新图作业时分上岗考试（责任单位：四班党支部；责任人：任辉；
    11月30日前完成）。"""
    owner = (
        _("{owner}, supervised by {supervisor}").format(
            owner=p.owner_name, supervisor=p.supervisor_name
        )
        if p.supervisor_name
        else p.owner_name
    )
    if p.partner_names:
        owner = _("{owner}, working with {partners}").format(
            owner=owner, partners=_and([english_unit(n) for n in p.partner_names])
        )
    measures = _joined(_p("items", "{list}; {item}"), [_lower(m) for m in p.measures])
    if p.terms:
        return _("{content}: {measures} ({unit}; {owner}; {terms}).").format(
            content=p.content,
            measures=measures,
            unit=english_unit(p.unit_name),
            owner=owner,
            terms=_terms(p.terms),
        )
    return _("{content}: {measures} ({unit}; {owner}; by {day}).").format(
        content=p.content,
        measures=measures,
        unit=english_unit(p.unit_name),
        owner=owner,
        day=_day(p.due),
    )


def _terms(terms: Sequence[Term]) -> str:
    """专项检查11月15日前完成，其余措施每班执行，11月30日检查: each one-off measure by its day,
    then the standing duties by cadence and the day they are checked; a per-shift duty is
    never said to be finished on a day."""

    def named(t: Term) -> str:
        return t.name or _("measure {n}").format(n=t.number)

    said = [
        _("{what} by {day}").format(what=named(t), day=_day(t.due))
        for t in terms
        if t.due is not None
    ]
    groups: dict[tuple[str, dt.date | None], list[Term]] = {}
    for t in terms:
        if t.due is None:
            groups.setdefault((t.every, t.check), []).append(t)
    for (every, check), standing in groups.items():
        cadence = label("term_cadence", every, i18n.current())
        if len(groups) == 1 and not said:
            said.append(_("{cadence}, checked on {day}").format(cadence=cadence, day=_day(check)))
            continue
        what = _("the other measures") if len(groups) == 1 else _and([named(t) for t in standing])
        said.append(
            _("{what} {cadence}, checked on {day}").format(
                what=what, cadence=cadence, day=_day(check)
            )
        )
    return _joined(_p("terms", "{list}, {item}"), said)


def _chronic_unanalysed(notice: Notice, issuer: str) -> list[str]:
    """The issuer's own part in near misses that keep recurring and were never analysed as
    typical cases: it supervises the branches' analysis (自查, beside "有关党支部均未…")."""
    if notice.near_miss_cases:
        return []
    chronic = list(dict.fromkeys(m.problem or m.summary for m in notice.near_misses if m.since > 1))
    if not chronic:
        return []
    quoted = [_p("hazard", "{what}").format(what=_lower(c)) for c in chronic]
    if len(chronic) == 1:
        return [
            _(
                "{issuer} did not have the recurring near miss ({problem}) analysed as a typical "
                "case, and did not supervise the branches closely enough."
            ).format(issuer=issuer, problem=quoted[0])
        ]
    return [
        _(
            "{issuer} did not have the {n} kinds of recurring near miss ({problems}) analysed as "
            "typical cases, and did not supervise the branches closely enough."
        ).format(issuer=issuer, n=phrase_count(len(chronic)), problems=_hazards(quoted))
    ]


def _prior(said: Sequence[str]) -> str:
    """The year's earlier accidents, in order: after Shift 3 on 14 March and Shift 2 on 21 June
    (3月14日三班、6月21日二班)."""
    if len(said) < 2:
        return "".join(said)
    head = said[0]
    for item in said[1:-1]:
        head = _p("prior", "{list}, {item}").format(list=head, item=item)
    return _p("prior", "{list} and {last}").format(list=head, last=said[-1])


def _hazards(named: Sequence[str]) -> str:
    """Hazards named one after another: in Chinese each is in quotation marks, and quoted
    items take no 顿号 between them (GB/T 15834): “甲”“乙”."""
    if len(named) < 2:
        return "".join(named)
    head = named[0]
    for item in named[1:-1]:
        head = _p("hazards", "{list}, {item}").format(list=head, item=item)
    return _p("hazards", "{list} and {last}").format(list=head, last=named[-1])


def _pairing(p: PairingState, day: dt.date) -> str:
    """谢永胜包保韩冬（6月28日结对）：本月帮教2次，落实“五勤”4项、“四同”3项；8月27日已基本
    转化，12月28日前考核完全转化。"""
    head = _("{mentor} mentors {person} (paired on {start})").format(
        mentor=p.mentor, person=p.person, start=_day(p.start)
    )
    done = (
        (
            ngettext(
                "{n} mentoring session this month, covering {diligences} of the five mentoring "
                "duties and all four working-together rules",
                "{n} mentoring sessions this month, covering {diligences} of the five mentoring "
                "duties and all four working-together rules",
                p.reviews,
            )
            if p.together == 4
            else ngettext(
                "{n} mentoring session this month, covering {diligences} of the five mentoring "
                "duties and {together} of the four working-together rules",
                "{n} mentoring sessions this month, covering {diligences} of the five mentoring "
                "duties and {together} of the four working-together rules",
                p.reviews,
            )
        ).format(
            n=i18n.counted(p.reviews),
            diligences=i18n.counted(p.diligences),
            together=i18n.counted(p.together),
        )
        if p.reviews
        else _("no review recorded this month")
    )
    stages = []
    # the rule adds a committee member only for a turnaround missed: said with that reason,
    # never as an unexplained change
    if p.assistant and p.escalated_on is not None and p.missed_basic is not None:
        stages.append(
            _(
                "as {person} was not basically turned around by {due}, committee member "
                "{assistant} has helped mentor since {day}"
            ).format(
                person=p.person,
                due=_day(p.missed_basic),
                assistant=p.assistant,
                day=_day(p.escalated_on),
            )
        )
    if p.full_on is not None:
        stages.append(_("fully turned around on {day}").format(day=_day(p.full_on)))
    elif p.basic_on is not None:
        stages.append(_("basically turned around on {day}").format(day=_day(p.basic_on)))
    if p.next_due is not None:
        late = p.next_due < day
        stages.append(
            (
                _("full turnaround was due by {day} and is overdue")
                if late
                else _("full turnaround to be assessed by {day}")
            ).format(day=_day(p.next_due))
            if p.next_stage == "full"
            else (
                _("basic turnaround was due by {day} and is overdue")
                if late
                else _("basic turnaround to be assessed by {day}")
            ).format(day=_day(p.next_due))
        )
    return _("{head}: {done}; {stages}.").format(
        head=head, done=done, stages=_joined(_p("clauses", "{list}, {item}"), stages)
    )


def _short(pairings: Sequence[PairingState]) -> list[PairingState]:
    """The pairings whose month's 帮教 fell short of their plans' cadence."""
    return [p for p in pairings if p.reviews < p.reviews_due]


def _pairings_short(notice: Notice) -> str:
    """三对包保本月均只开展帮教1次，未达到包保计划“每周一次”的要求；二班、三班党支部督促包保人
    按计划帮教，11月15日前报告。"""
    short = _short(notice.pairings)
    if not short:
        return ""
    counts = {p.reviews for p in short}
    cadences = list(dict.fromkeys(p.cadence for p in short))
    if len(short) == len(notice.pairings) > 1 and len(counts) == 1 and 0 not in counts:
        k = counts.pop()
        said = ngettext(
            "all {n} pairings held only {k} mentoring session this month, short of the "
            "“{cadence}” their plans set",
            "all {n} pairings held only {k} mentoring sessions this month, short of the "
            "“{cadence}” their plans set",
            k,
        ).format(n=i18n.counted(len(short)), k=i18n.counted(k), cadence=cadences[0])
    elif (
        len(cadences) == 1
        and 0 not in counts
        and 0 < len(notice.pairings) - len(short) < len(short) / 2
    ):
        said = _short_but(notice, short, cadences[0], notice.month.first)
    else:
        said = _joined(
            _p("items", "{list}; {item}"),
            [
                _short_of(cadence, [p for p in short if p.cadence == cadence])
                for cadence in cadences
            ],
        )
    branches = list(dict.fromkeys(p.branch for p in short))
    order = {name: n for n, name in enumerate(notice.branch_order)}
    branches.sort(key=lambda b: order.get(b, len(order)))
    return _(
        "{said}; {branches} are to see that the mentors mentor as planned and report by {day}."
    ).format(said=said, branches=_units_in_text(branches), day=_day(notice.deadline))


def _short_but(notice: Notice, short: list[PairingState], cadence: str, first: dt.date) -> str:
    """Most pairings short of one cadence, said by the few that kept it, each with why: 除宋健
    包保姜海峰（已完全转化）、莫文斌包保姚军（9月22日结对）外，其余6对本月帮教1～2次…"""
    kept = []
    for p in notice.pairings:
        if p in short:
            continue
        pair = _("{mentor} mentoring {person}").format(mentor=p.mentor, person=p.person)
        if p.full_on is not None:
            pair = _("{pair} (fully turned around)").format(pair=pair)
        elif p.start >= first:
            pair = _("{pair} (paired on {day})").format(pair=pair, day=_day(p.start))
        kept.append(pair)
    low, high = min(p.reviews for p in short), max(p.reviews for p in short)
    times = (
        ngettext("{k} mentoring session", "{k} mentoring sessions", low).format(k=i18n.counted(low))
        if low == high
        else (
            _("{low} or {high} mentoring sessions")
            if high == low + 1
            else _("{low} to {high} mentoring sessions")
        ).format(low=i18n.counted(low), high=i18n.counted(high))
    )
    return _(
        "apart from {kept}, the other {n} pairings held only {times} this month, short of the "
        "“{cadence}” their plans set"
    ).format(kept=_and(kept), n=i18n.counted(len(short)), times=times, cadence=cadence)


def _short_of(cadence: str, short: list[PairingState]) -> str:
    """Pairings of one cadence short of it, those with as many 帮教 said together: 陈军包保何勇、
    徐刚包保郭鹏本月只开展帮教2次，杨帆包保马晓东本月只开展帮教1次，均未达到…"""
    held: dict[int, list[str]] = defaultdict(list)
    for p in short:
        held[p.reviews].append(
            _("{mentor} mentoring {person}").format(mentor=p.mentor, person=p.person)
        )
    said = _joined(
        _p("clauses", "{list}, {item}"),
        [
            (
                ngettext(
                    "{pairs} held only {k} mentoring session this month",
                    "{pairs} held only {k} mentoring sessions this month",
                    k,
                )
                if k
                else _("{pairs} held no mentoring session this month")
            ).format(pairs=_and(pairs), k=i18n.counted(k))
            for k, pairs in sorted(held.items(), reverse=True)
        ],
    )
    return (
        _("{said}, short of the “{cadence}” the plan sets")
        if len(short) == 1
        else _("{said}, none of them keeping the “{cadence}” their plans set")
    ).format(said=said, cadence=cadence)


_SIGNAL_OF_CATEGORY = {"quality": "quality", "violation": "violation", "near_miss": "precursor"}


def _grounds(k: KeyProposal, tree: Tree) -> str:
    """Why someone is proposed as a key person, as the analysis says it (`k.grounds`); a
    notice frozen before that quotes each dated record, then the signals no record dates."""
    if k.grounds:
        return _deeds(k.grounds)
    reports = {r.id: r for r in tree.reports}
    dated, covered = [], set()
    for ref in k.evidence:
        r = reports.get(ref)
        if r is None:
            continue
        dated.append(_("{day}: “{summary}”").format(day=_day(r.date), summary=r.summary))
        covered.add(_SIGNAL_OF_CATEGORY.get(r.category, ""))
    grounds = dated + [_signal(s) for s in k.signals if s not in covered]
    return _joined(_p("grounds", "{list}; {item}"), grounds)


def _deeds(deeds: Sequence[str]) -> str:
    """What one person did, each a verb phrase their name opens, as one predicate: "missed
    … on 21 October and found far fewer faults …" (漏检…，近三个月…)."""
    if len(deeds) < 2:
        return "".join(deeds)
    return _p("deeds", "{list} and {item}").format(
        list=_joined(_p("deeds", "{list}, {item}"), deeds[:-1]), item=deeds[-1]
    )


def _for_all(ground: str) -> str:
    """A ground said once for several people, each measured against their own group."""
    alone = _("found far fewer faults than the group's average in the last three months")
    return (
        _("found far fewer faults than their groups' average in the last three months")
        if ground == alone
        else ground
    )


def _dated_grounds(k: KeyProposal, tree: Tree) -> str:
    """`_grounds` with the checks failed in front, dated: the body says them together with
    others' alike (`_key_persons`), the attachment row of the person alone must still."""
    grounds = _grounds(k, tree)
    if not (k.checks and k.checked):
        return grounds
    failed = (
        _p("dated checks", "failed both {kinds} on {day}")
        if len(k.checks) == 2
        else _p("dated check", "failed {kinds} on {day}")
    ).format(
        kinds=_joined(
            _p("quoted", "{list} and {item}"),
            [_p("check", "the {name}").format(name=c) for c in k.checks],
        ),
        day=_day(k.checked),
    )
    return _deeds([failed, *(k.grounds or [grounds])])


def _key_persons(notice: Notice, tree: Tree) -> list[str]:
    """One sentence naming everyone proposed, each with what they did; a ground all of them
    share said once for all: 二班一组潘志强、四班一组薛峰9月…考核不合格，三班一组石磊9月13日
    钻车作业时钻跨不到位，3人均…明显低于本组平均水平，拟列为安全关键人，由所在党支部研究确认。"""
    if not notice.key_persons:
        return []
    own = {k.name: k.grounds or [_grounds(k, tree)] for k in notice.key_persons}
    shared = [
        g
        for g in own[notice.key_persons[0].name]
        if len(own) > 1 and all(g in grounds for grounds in own.values())
    ]
    # those who failed the same checks in the same month and share their other grounds are
    # said together: 二班一组潘志强、四班一组薛峰9月“应知一口清”“应会一手精”考核均不合格
    groups: dict[tuple[tuple[str, ...], str, tuple[str, ...]], list[str]] = {}
    for k in notice.key_persons:
        mine = tuple(g for g in own[k.name] if g not in shared)
        when = _DAY.get().month(k.checked.year, k.checked.month) if k.checked else ""
        groups.setdefault((tuple(k.checks), when, mine), []).append(
            _p("key person", "{name} of {unit}").format(unit=k.unit_name, name=k.name)
        )
    said = []
    for (checks, month, mine), names in groups.items():
        grounds = list(mine)
        if checks:
            failed = _joined(
                _p("quoted", "{list} and {item}"),
                [_p("check", "the {name}").format(name=c) for c in checks],
            )
            grounds.insert(
                0,
                (
                    _p("checks", "failed both {kinds} in {month}")
                    if len(checks) == 2
                    else _p("checks", "failed {kinds} in {month}")
                    if len(checks) > 1 or len(names) > 1
                    else _p("one check", "failed {kinds} in {month}")
                ).format(kinds=failed, month=month),
            )
        said.append(
            _p("key person", "{who} {grounds}").format(who=_and(names), grounds=_deeds(grounds))
            if grounds
            else _and(names)
        )
    if shared:
        said.append(
            _("all {n} {grounds}").format(
                n=i18n.counted(len(notice.key_persons)),
                grounds=_deeds([_for_all(g) for g in shared]),
            )
        )
    branches = {k.branch_name for k in notice.key_persons}
    branch = next(iter(branches)) if len(branches) == 1 else _("the branches concerned")
    # the person is named again, not a pronoun: the roster records no one's sex
    return [
        ngettext(
            "{persons}. {names} is proposed as a key person, for {branch} to confirm.",
            "{persons}. {names} are proposed as key persons, for {branch} to confirm.",
            len(notice.key_persons),
        ).format(
            persons=_joined(_p("key persons", "{list}; {item}"), said),
            names=_and([k.name for k in notice.key_persons]),
            branch=english_unit(branch),
        )
    ]


def _scores(notice: Notice, issuer: str) -> list[str]:
    out = []
    if notice.scores:
        pending = {s.pending for s in notice.scores}
        items = {s.items for s in notice.scores}
        listed = i18n.join(
            [
                _p("score", "{name} {score}").format(name=s.name, score=_DAY.get().num(s.total))
                for s in notice.scores
            ]
        )
        if len(pending) == 1 and len(items) == 1 and pending != {0}:
            # provisional scores are not a ranking: said in the branches' order
            order = {name: n for n, name in enumerate(notice.branch_order)}
            listed = i18n.join(
                [
                    _p("score", "{name} {score}").format(name=s.name, score=_DAY.get().num(s.total))
                    for s in sorted(notice.scores, key=lambda s: order.get(s.name, len(order)))
                ]
            )
            (p,) = pending
            (total,) = items
            fulls = {s.full for s in notice.scores}
            out.append(
                _(
                    "Under the branch standard, the {scored} items scored so far (full mark "
                    "{full}) give: {scores} (the other {pending} items are to be scored by "
                    "{issuer} and circulated separately; no ranking is made until then)."
                ).format(
                    scored=total - p,
                    full=_DAY.get().num(next(iter(fulls))),
                    scores=listed,
                    pending=p,
                    issuer=issuer,
                )
                if len(fulls) == 1 and 0 not in fulls
                else _(
                    "Under the branch standard, the {scored} items scored so far give: {scores} "
                    "(the other {pending} items are to be scored by {issuer} and circulated "
                    "separately; no ranking is made until then)."
                ).format(scored=total - p, scores=listed, pending=p, issuer=issuer)
            )
            out += _lowest_so_far(notice)
        else:
            out.append(
                _("Under the branch standard, the branches scored this month: {scores}.").format(
                    scores=listed
                )
                + _ranking(notice, issuer)
            )
    if notice.failed:
        out.append(
            ngettext(
                "{n} party member failed the month's rating: {names}. The reasons are listed in "
                "the attachment.",
                "{n} party members failed the month's rating: {names}. The reasons are listed in "
                "the attachment.",
                len(notice.failed),
            ).format(
                n=i18n.counted(len(notice.failed), capital=True),
                names=i18n.join(
                    [
                        _p("failed", "{name} ({branch})").format(name=m.name, branch=m.branch_name)
                        for m in notice.failed
                    ]
                ),
            )
        )
    return out


def _visits(n: int) -> str:
    """How often a cadre went on site: once, twice, three times (1次, 2次, 3次)."""
    if n == 1:
        return _p("visits", "once")
    if n == 2:
        return _p("visits", "twice")
    return _p("visits", "{n} times").format(n=i18n.counted(n))


def _own(finding: str, issuer: str) -> str:
    """The issuer's fault its case's record states, the issuer named again at its head said
    as "it" (…found the General Branch itself at fault: it did not foresee…)."""
    finding = finding.strip().rstrip("。.")
    if finding.lower().startswith(issuer.lower() + " "):
        return _p("issuer", "it") + finding[len(issuer) :]
    return finding


def _patrols(notice: Notice) -> list[str]:
    """The cadres who went on site too seldom, against the rule (每天循环深入现场)."""
    short = notice.short_patrols
    if not short:
        return []
    if len(short) > 1 and len({p.patrols for p in short}) == 1:
        # 王建国、刘振华各1次: a count all share is said once
        who = _p("visits", "{names} {times} each").format(
            names=_and([p.name for p in short]), times=_visits(short[0].patrols)
        )
    else:
        who = _and(
            [
                _p("visits", "{name} {times}").format(name=p.name, times=_visits(p.patrols))
                for p in short
            ]
        )
    need = max(p.expected for p in short)
    if all(p.period == "day" for p in short):
        return [
            _(
                "The workshop's cadres went on site far too seldom this month ({who}), against "
                "the rule of going on site every working day ({n} working days this month)."
            ).format(who=who, n=need)
        ]
    return [
        _(
            "The workshop's cadres went on site less often than required this month ({who}; "
            "{n} required)."
        ).format(who=who, n=need)
    ]


def _lowest_so_far(notice: Notice) -> list[str]:
    """What cost the branch lowest on the provisional scores most: the item and the case
    (四班党支部“岗区控制”项因…事故扣10分). Said without calling it lowest: provisional
    scores rank nobody."""
    low = min(s.total for s in notice.scores)
    lowest = [s for s in notice.scores if s.total == low and s.loss is not None]
    if len(lowest) != 1 or len(notice.scores) < 2:
        return []
    (s,) = lowest
    loss = s.loss
    assert loss is not None
    cases = {c.id: c for c in notice.cases}
    points = _DAY.get().num(loss.points)
    # quoted within quotes: the item's own quotation marks become single ones
    item = loss.item.replace("“", "‘").replace("”", "’")
    name = english_unit(s.name)
    said = (
        _("{name} lost {points} points on “{item}” because of {case}.").format(
            name=name, points=points, item=item, case=case_name(cases[loss.case])
        )
        if loss.case in cases
        else _("{name} lost {points} points on “{item}” for {lapses}.").format(
            name=name, points=points, item=item, lapses=_count(loss.rule, loss.count)
        )
        if loss.rule in _COUNTED
        else _("{name} lost {points} points on “{item}”.").format(
            name=name, points=points, item=item
        )
    )
    return [_capital(said)]


def _ranking(notice: Notice, issuer: str) -> str:
    """The last place, named only from final scores: while items to be scored by hand are
    missing the scores are provisional and nobody is named last on them."""
    pending = sorted({s.pending for s in notice.scores if s.pending})
    if pending:
        n = i18n.join(
            [
                _p("pending", "{name} {n}").format(name=s.name, n=s.pending)
                for s in notice.scores
                if s.pending
            ]
        )
        return _p("sentences", "{list} {item}").format(
            list="",
            item=_(
                "These scores are provisional: the items scored by hand ({n}) are to be scored "
                "by {issuer} and circulated separately."
            ).format(n=n, issuer=issuer),
        )
    out = []
    for s in notice.scores:
        if not s.lowest:
            continue
        praised = sorted({p.who for p in notice.praises if p.branch == s.name})
        out.append(
            _p("sentences", "{list} {item}").format(
                list="",
                # a member's good catch is his; the branch's score is the branch's
                item=_(
                    "{name} is ranked last: {praised} was commended for a catch of their own, "
                    "which does not make up for the branch's shortfalls; it is to find the "
                    "causes and set out how it will improve."
                ).format(name=s.name, praised=_and(praised))
                if praised
                else _(
                    "{name} is ranked last and is to find the causes and set out how it will "
                    "improve."
                ).format(name=s.name),
            )
        )
    return "".join(out)


def _answerable(case: Case, issuer: str) -> str | None:
    """Who answers for a branch whose secretary is involved in its case, as the analysis says
    it (`Case.urger`, from `answerable`): the secretary still answers, another member of its
    committee urges it on and the issuer's secretary supervises (责任人：支部书记…；支部委员…
    督促；…书记…督导), as 三 says of the case's own measure."""
    if not (case.urger and case.supervisor):
        return None
    return _(
        "{branch} (branch secretary {who} answers for this; committee member {member} follows "
        "it up; {issuer} secretary {head} supervises)"
    ).format(
        branch=case.branch_name,
        member=case.urger,
        who=_and(case.involved_secretaries),
        issuer=issuer,
        head=case.supervisor,
    )


def _corrections(notice: Notice, tree: Tree, names: dict[str, str], rule: _Rule) -> list[str]:
    """One item per branch, in the branches' order: everything it is to correct, who answers
    for it, by when."""
    clauses: dict[str, list[str]] = defaultdict(list)
    owners: dict[str, list[str]] = {}
    heads: dict[str, str] = {}
    day = notice.as_of or notice.date
    for u in notice.units:
        owners[u.name] = u.secretaries
        for g in u.groups:
            if g.rule == "missed_reports":
                who = [names.get(d.subject, d.subject) for d in g.items]
                clauses[u.name].append(
                    _(
                        "apply the penalty rules to {who} for the missed reports and keep "
                        "members reporting every duty day, group leaders every week and "
                        "branches every month"
                    ).format(who=_and(who))
                )
            elif g.rule == "overdue_action":
                clauses[u.name].append(
                    ngettext(
                        "finish and verify its {n} overdue action",
                        "finish and verify its {n} overdue actions",
                        len(g.items),
                    ).format(n=i18n.counted(len(g.items)))
                )
            elif g.rule == "late_analysis" and all(
                e.startswith("I-") for d in g.items for e in d.evidence_ids
            ):
                continue  # a late case: its own item below says how to finish it
            elif _correct(g.rule):
                clauses[u.name].append(_correct(g.rule))
    secretaries_of = _secretaries(tree, day)
    for p in notice.late_priorities:
        owners.setdefault(p.branch_name, secretaries_of.get(p.branch_name, []))
        # the most serious matter of the branch: its order comes first
        clauses[p.branch_name].insert(
            0,
            _(
                "explain why its priority is overdue, put its measures into practice "
                "({measures}) and report on them by {day}"
            ).format(
                measures=_joined(_p("items", "{list}; {item}"), [_lower(m) for m in p.measures]),
                day=_day(notice.deadline),
            ),
        )
    for c in notice.cases:
        steps = _to_do(c)
        # every measure carried out, some not yet verified: verifying them is what is left
        verify = not steps and any(m.done and not m.verified for m in c.measures)
        if c.closed or not (steps or verify):
            continue
        owners.setdefault(c.branch_name, c.secretaries)
        if any(s in c.persons for s in c.secretaries):
            head = _answerable(c, notice.issuer)
            involved = [s for s in c.secretaries if s in c.persons]
            heads[c.branch_name] = head or _(
                "{branch} (its secretary {who} is involved in the {kind} of {day}, so {issuer} "
                "supervises)"
            ).format(
                branch=c.branch_name,
                who=_and(involved),
                kind=_case_kind(c),
                day=_day(c.date),
                issuer=notice.issuer,
            )
        clauses[c.branch_name].append(
            _("verify the measures carried out for {case} and close it under {rule}").format(
                case=case_name(c), rule=rule()
            )
            if verify
            else _("to close {case} under {rule}, {steps}; it is closed once verified").format(
                case=case_name(c),
                rule=rule(),
                steps=_p("steps", "{list} and {item}").format(
                    list=_joined(_p("steps", "{list}, {item}"), steps[:-1]), item=steps[-1]
                )
                if len(steps) > 1
                else steps[0],
            )
        )
    if notice.near_misses and not notice.near_miss_cases:
        # 三（二） says none was analysed as a typical case: each has its own analysis in the
        # records, so what the branch owes is the committee's analysis of them as typical cases
        near: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for m in notice.near_misses:
            if m.branch:
                near[m.branch][m.problem or m.summary] += 1
        heads_of = _secretaries(tree, day)
        for branch, problems in near.items():
            owners.setdefault(branch, heads_of.get(branch, []))
            clauses[branch].append(
                (
                    _(
                        "hold a committee meeting to analyse this month's near miss ({problems}) "
                        "as a typical case, find out why it keeps recurring, and send in the "
                        "analysis by {day}"
                    )
                    if sum(problems.values()) == 1
                    else _(
                        "hold a committee meeting to analyse this month's {n} near misses "
                        "({problems}) as typical cases, find out why they keep recurring, and "
                        "send in the analysis by {day}"
                    )
                ).format(
                    n=i18n.counted(sum(problems.values())),
                    problems=_joined(
                        _p("near miss counts", "{list}; {item}"),
                        [
                            _p("near miss count", "{what} {times}").format(
                                what=_lower(what), times=_times(n)
                            )
                            if sum(problems.values()) > 1
                            else _p("hazard", "{what}").format(what=_lower(what))
                            for what, n in problems.items()
                        ],
                    ),
                    day=_day(notice.deadline),
                )
            )
    for branch in dict.fromkeys(p.branch for p in _short(notice.pairings)):
        short = [p for p in _short(notice.pairings) if p.branch == branch]
        owners.setdefault(branch, _secretaries(tree, day).get(branch, []))
        clauses[branch].append(
            ngettext(
                "make sure {pairs} {cadence} as the plan requires, and report by {day}",
                "make sure {pairs} {cadence} as the plans require, and report by {day}",
                len(short),
            ).format(
                pairs=_and(
                    [
                        _p("mentors", "{mentor} mentors {mentee}").format(
                            mentor=p.mentor, mentee=p.person
                        )
                        for p in short
                    ]
                ),
                cadence=_and(list(dict.fromkeys(p.cadence for p in short))),
                day=_day(notice.deadline),
            )
        )
    pair_by = notice.deadline + dt.timedelta(days=notice.pair_days)
    secretaries = _secretaries(tree, day)
    for branch in dict.fromkeys(k.branch_name for k in notice.key_persons):
        who = [k.name for k in notice.key_persons if k.branch_name == branch]
        owners.setdefault(branch, secretaries.get(branch, []))
        clauses[branch].append(
            # the pairing's date is the rule's (pair within so many days of confirming),
            # counted from the day the branch is to have decided
            ngettext(
                "decide by {decide} whether {who} is to be a key person and, if so, assign a "
                "party-member mentor and sign a mentoring agreement within {days} days (by {day})",
                "decide by {decide} whether {who} are to be key persons and, if so, assign each "
                "a party-member mentor and sign a mentoring agreement within {days} days (by "
                "{day})",
                len(who),
            ).format(
                who=_and(who),
                decide=_day(notice.deadline),
                days=notice.pair_days,
                day=_day(pair_by),
            )
        )
    order = {name: n for n, name in enumerate(notice.branch_order)}
    out = []
    for branch in sorted(clauses, key=lambda b: order.get(b, len(order))):
        if branch in heads:
            head = heads[branch]
        elif owners.get(branch):
            head = _("{branch} (branch secretary {who} answers for this)").format(
                branch=branch, who=_and(owners[branch])
            )
        else:
            head = branch
        # each order its own sentence in English (a chain of semicolons reads as a list of
        # notes); Chinese keeps them in one sentence between semicolons
        todo = clauses[branch][:1] + [_capital(c) for c in clauses[branch][1:]]
        out.append(
            _("{head}: {todo}.").format(
                head=head, todo=_joined(_p("orders", "{list}. {item}"), todo)
            )
        )
    return out


def _late_priority(p: LatePriority, month: Month) -> str:
    """A branch's overdue 保安全重点 as its line in 三（五） opens: which, set when, and what
    went on happening while it was not carried out."""
    if p.adopted is None:
        said = _("the priority set in {month}, “{content}”, is overdue").format(
            month=_DAY.get().month(month.shift(-1).year, month.shift(-1).month), content=p.content
        )
    else:
        # set at the meeting on the month before, for this month: named by both days
        said = _(
            "the {month} priority “{content}”, set on {set} and due on {due}, is overdue"
        ).format(
            month=_DAY.get().month(month.year, month.month),
            content=p.content,
            set=_day(p.adopted),
            due=_day(p.due),
        )
    if not (p.category and p.since):
        return said
    if p.since_at:
        return _(
            "{said}, and the branch has had {n} more {category} reports since it was set ({when})"
        ).format(
            said=said,
            n=i18n.counted(p.since),
            category=p.category,
            when=_joined(
                _p("prior", "{list}; {item}"),
                [
                    _p("prior", "{day}, {team}").format(day=_day(d), team=english_unit(u))
                    for d, u in p.since_at
                ],
            ),
        )
    return _("{said}, and the branch has had {n} more {category} reports since it was set").format(
        said=said, n=i18n.counted(p.since), category=p.category
    )


def _branches(notice: Notice) -> list[str]:
    """三（五）: each branch's lapses in the branches' order, an overdue 保安全重点 first."""
    counts = {u.name: _counts([d for g in u.groups for d in g.items]) for u in notice.units}
    late: dict[str, list[str]] = defaultdict(list)
    for p in notice.late_priorities:
        late[p.branch_name].append(_late_priority(p, notice.month))
    # the near misses 五 orders a branch to analyse as typical cases are its lapse here too
    near: dict[str, int] = defaultdict(int)
    if not notice.near_miss_cases:
        for m in notice.near_misses:
            if m.branch:
                near[m.branch] += 1
    order = {name: n for n, name in enumerate(notice.branch_order)}
    out = []
    for branch in sorted(
        counts.keys() | late.keys() | near.keys(), key=lambda b: order.get(b, len(order))
    ):
        said = late[branch] + ([counts[branch]] if branch in counts else [])
        if near.get(branch):
            said.append(
                ngettext(
                    "{n} near miss not analysed as a typical case",
                    "{n} near misses not analysed as typical cases",
                    near[branch],
                ).format(n=i18n.counted(near[branch]))
            )
        out.append(
            _("{unit}: {counts}.").format(
                unit=branch, counts=_joined(_p("matters", "{list}; {item}"), said)
            )
        )
    return out


def _secretaries(tree: Tree, day: dt.date) -> dict[str, list[str]]:
    """Each unit's secretaries in office on ``day``, by the unit's name."""
    units = {u.id: u.name for u in tree.org.units}
    found: dict[str, list[str]] = defaultdict(list)
    for p in tree.org.people:
        if "secretary" in p.roles and p.active_on(day):
            found[units.get(p.unit, p.unit)].append(p.name)
    return found


def _annex(
    notice: Notice, found: list[Deficiency], assessed: Assessed | None, scope: Scope, tree: Tree
) -> list[Annex]:
    """The evidence list: each item once, said by what it is, its record ids beside it."""
    out = []
    if notice.praises:
        out.append(
            Annex(
                _("Commendations"),
                rows=[
                    AnnexRow(
                        _("{who}: found the {what} on {day}").format(
                            who=p.who,
                            day=_day(p.date),
                            what=named_in_text(p.summary, p.train, p.vehicle)[0],
                        ),
                        [p.report_id],
                    )
                    for p in notice.praises
                ],
            )
        )
    if notice.cases:
        out.append(
            Annex(
                _("Accidents and violations"),
                rows=[AnnexRow(case_name(c), [c.id]) for c in notice.cases],
            )
        )
    if notice.key_persons:
        out.append(
            Annex(
                _("Proposed key persons"),
                rows=[
                    AnnexRow(
                        _p("key row", "{name} {grounds}").format(
                            name=k.name, grounds=_dated_grounds(k, tree)
                        ),
                        k.evidence,
                    )
                    for k in notice.key_persons
                ],
            )
        )
    failed: set[str] = set()
    if assessed is not None and notice.failed:
        out.append(
            Annex(
                _("Party members who failed the rating"),
                rows=[AnnexRow(t) for t in _failed(assessed, notice, found, scope)],
            )
        )
        failed = {m.assessment.subject for m in assessed.members if m.assessment.result == "fail"}
    for u in [*notice.units, *([notice.own] if notice.own else [])]:
        rows = []
        for g in u.groups:
            for d in g.items:
                if d.rule == "missed_reports" and d.subject in failed:
                    continue  # said once, among the members who failed
                ids = [f"{e}/{d.action}" if d.action else e for e in d.evidence_ids]
                detail = _without_ids(d.detail, d.evidence_ids)
                if d.rule == "overdue_action":
                    detail = _action_source(detail, d, scope)
                rows.append(AnnexRow(_("{detail}.").format(detail=detail), _evidence(d.rule, ids)))
        if rows:
            out.append(Annex(u.name, rows=rows))
    return out


def _action_source(detail: str, d: Deficiency, scope: Scope) -> str:
    """An overdue action with the report it was set on, quoted after its name: an action's
    name ("纳入班前预想重点提醒") says what to do only beside the problem it answers."""
    reports = {r.id: r for r in scope.tree.reports}
    report = next((reports[e] for e in d.evidence_ids if e in reports), None)
    if report is None:
        return detail
    source = _("(from the {unit} report of {day}, “{summary}”)").format(
        unit=scope.unit_name(report.unit or scope.report_unit(report)),
        day=_day(report.date),
        # quoted within quotes: the report's own quotation marks become single ones
        summary=wagon_named(scope, report.summary, report.vehicle)
        .replace("“", "‘")
        .replace("”", "’"),
    )
    # the action's name is the first quotation of the sentence: the source follows it
    close = detail.find("”")
    return (
        detail
        if close < 0
        else detail[: close + 1]
        + _p("source", " {source}").format(source=source)
        + detail[close + 1 :]
    )


def _without_ids(text: str, ids: Sequence[str]) -> str:
    """``text`` with the brackets that cite ``ids`` taken out: a lapse's sentence names its
    records for other readers ((记录编号R-…/1)); the attachment gives them a column."""
    for e in ids:
        text = re.sub(r"\s?[（(][^（）()]*?" + re.escape(e) + r"[^（）()]*[）)]", "", text)
        # a sentence that opens with its record ("P-…: Zhao Qiang mentoring …")
        text = re.sub(r"^" + re.escape(e) + r":?\s+", "", text)
    return text


def _evidence(rule: str, ids: list[str]) -> list[str]:
    """The records behind a lapse. A missed report is shown by its absence, and a member's
    assessment is not evidence but its outcome: neither cited."""
    return [
        e
        for e in ids
        if not e.startswith("A-") and not (rule == "missed_reports" and e[:2] in ("R-", "U-"))
    ]


def _failed(assessed: Assessed, notice: Notice, found: list[Deficiency], scope: Scope) -> list[str]:
    """Why each member failed, in the words of the branch lapses: the same sentence."""
    order = {m.name: n for n, m in enumerate(notice.failed)}
    missed = {d.subject: d.detail for d in found if d.rule == "missed_reports"}
    cases = {i.id: i for i in scope.tree.incidents}
    named_cases = {c.id: case_name(c) for c in notice.cases}
    out = []
    for m in sorted(assessed.members, key=lambda m: order.get(m.name, len(order))):
        if m.assessment.result != "fail":
            continue
        pid = m.assessment.subject
        reasons, title = [], ""
        for d in m.assessment.deductions:
            case = cases.get(d.ref or "")
            if d.ref is None and pid in missed:
                title, _sep, why = missed[pid].partition(_p("title", ": "))
                reasons.append(why)
            elif case is not None and case.type == "accident":
                part = _part(case, pid)
                named = named_cases.get(case.id) or _("the {kind} of {day}").format(
                    kind=_("{kind} accident").format(
                        kind=label("accident_class", case.class_ or "general_d", scope.lang)
                    ),
                    day=_day(case.date),
                )
                reasons.append(
                    (
                        _(
                            "bears responsibility for oversight in {case}, so fails the “no "
                            "accident around them” standard"
                        )
                        if part == "overseer"
                        else _(
                            "bears direct responsibility for {case}, so fails the “no accident "
                            "around them” standard"
                        )
                        if part == "doer"
                        else _(
                            "bears leadership responsibility for {case}, so fails the “no "
                            "accident around them” standard"
                        )
                        if part == "leader"
                        else _(
                            "was involved in {case}, so fails the “no accident around them” "
                            "standard"
                        )
                    ).format(case=named)
                )
            elif case is not None:
                reasons.append(
                    _("own case of {day} ({title}) fails the rating").format(
                        day=_day(case.date), title=case.title
                    )
                )
            else:
                reasons.append(d.reason)
        if not title:
            title = _former(scope, pid) or person_title(scope, pid, "member", m.branch)
        out.append(
            _("{title}: {reasons}.").format(
                title=title, reasons=_joined(_p("items", "{list}; {item}"), reasons)
            )
        )
    return out


def _part(case: Incident, pid: str) -> str:
    """How someone answers for an accident: overseer (看惯者, 负把关责任), doer (负直接责任),
    leader (the head of a unit found at fault, 负领导责任) or involved."""
    held = {a.role for a in case.accountability if a.person == pid}
    if "overseer" in held:
        return "overseer"
    if any(r.leader == pid for r in case.responsibility):
        return "leader"
    responsible = {r.person for r in case.responsibility} | {
        p.person for p in case.persons if p.role == "responsible"
    }
    return "doer" if "doer" in held or pid in responsible else "involved"


def _former(scope: Scope, pid: str) -> str:
    """Someone removed from their post by the notice's moment, as the notice names them:
    孔祥宇（四班党支部，原工班长）; '' for anyone still in post."""
    person = scope.people.get(pid)
    if person is None or person.until is None or person.until > scope.asof:
        return ""
    post = next((r for r in person.roles if r in POSTS), None)
    if post is None:
        return ""
    return _("{name} ({branch}, formerly {post})").format(
        name=person.name,
        branch=scope.unit_name(scope.branch(person.unit)),
        post=label("role", post, scope.lang),
    )


POSTS = ("duty_officer", "team_leader", "foreman", "inspector", "info_officer", "cadre")
"""Roles that are posts a person can be removed from (撤换), as against party roles."""


def notice_prose(
    tree: Tree, notice: Notice, found: list[Deficiency], assessed: Assessed | None, lang: Lang
) -> Prose:
    """The notice's sentences in ``lang``."""
    token = _DAY.set(_Say(lang, notice.month.year))
    try:
        with i18n.using(lang):
            return _prose(tree, notice, found, assessed, lang)
    finally:
        _DAY.reset(token)


def _prose(
    tree: Tree, notice: Notice, found: list[Deficiency], assessed: Assessed | None, lang: Lang
) -> Prose:
    scope = Scope(tree, notice.month, notice.as_of or notice.date, lang)
    rule = _Rule(notice.closure)
    issuer = notice.issuer
    reviewing = tree.settings.notice.self_review
    cases = [
        _case_sentences(c, rule, issuer if reviewing else None, notice.deadline)
        for c in notice.cases
    ]
    names = {p.id: p.name for p in tree.org.people} | {u.id: u.name for u in tree.org.units}

    close = ""
    if notice.praises:
        everyone = not all(p.member for p in notice.praises)
        praised = sorted({p.who for p in notice.praises})
        if len(praised) == 1:
            close = (
                _(
                    "{issuer} commends {name}. All party members and staff are asked to follow "
                    "this example: work to standard at their posts and report safety problems "
                    "without waiting to be asked."
                )
                if everyone
                else _(
                    "{issuer} commends {name}. All party members are asked to follow this "
                    "example: work to standard at their posts and report safety problems without "
                    "waiting to be asked."
                )
            ).format(issuer=issuer, name=praised[0])
        else:
            close = (
                _(
                    "{issuer} commends the colleagues above. All party members and staff are "
                    "asked to follow their example: work to standard at their posts and report "
                    "safety problems without waiting to be asked."
                )
                if everyone
                else _(
                    "{issuer} commends the colleagues above. All party members are asked to "
                    "follow their example: work to standard at their posts and report safety "
                    "problems without waiting to be asked."
                )
            ).format(issuer=issuer)

    own_said = []
    if notice.own is not None:
        own_items = [d for g in notice.own.groups for d in g.items]
        own_said.append(
            _("{issuer} itself had {counts}; {issuer} corrects these itself by {day}.").format(
                issuer=issuer, counts=_counts(own_items), day=_day(notice.deadline)
            )
        )
    unanalysed = [c for c in notice.cases if _issuer_level(c)] if reviewing else []
    if unanalysed:
        own_said.append(
            _(
                "{issuer} has not analysed {cases} at the general branch level; its committee "
                "will meet and add that analysis by {day}."
            ).format(
                issuer=issuer,
                cases=_and([case_name(c) for c in unanalysed]),
                day=_day(notice.deadline),
            )
        )
    if reviewing:
        own_said += [
            _("The analysis of {case} found {issuer} itself at fault: {finding}.").format(
                case=case_name(c), issuer=issuer, finding=_own(c.own_finding, issuer)
            )
            for c in notice.cases
            if c.own_finding and not c.earlier
        ]
        own_said += _patrols(notice)
        own_said += _chronic_unanalysed(notice, issuer)
        if notice.priorities_missed:
            before = notice.month.shift(-1)
            own_said.append(
                _(
                    "The party safety analysis meeting for {month} set no safety priorities; "
                    "{issuer} fell short in its own work."
                ).format(month=_DAY.get().month(before.year, before.month), issuer=issuer)
            )
    own = _sentences(own_said)

    corrections = _corrections(notice, tree, names, rule)
    intro = ""
    if corrections:
        intro = _(
            "The branches named below are to make the following corrections and report them "
            "to {issuer} in writing by {day}:"
        ).format(issuer=issuer, day=_day(notice.deadline))

    return Prose(
        overview=[_sentences(_overview(notice, tree))] if notice.overview else [],
        praises=[_praise(p) for p in notice.praises],
        praise_close=_capital(close),
        cases=cases,
        near_misses=_near_misses(notice, tree),
        pairings=[_pairing(p, notice.as_of or notice.date) for p in notice.pairings],
        pairings_short=_capital(_pairings_short(notice)),
        key_persons=_key_persons(notice, tree),
        branches=_branches(notice),
        own=own,
        scores=_scores(notice, issuer),
        priorities_intro=_priorities_intro(notice),
        priorities=[_priority(p) for p in notice.next_priorities],
        corrections_intro=intro,
        corrections=corrections,
        annex=_annex(notice, found, assessed, scope, tree),
    )
