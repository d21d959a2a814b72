"""The title and one-line help of every field of every record kind, in English.

The models say what a field *is*; this says what to call it and how to fill it in, for the
interactive prompts, the JSON Schema descriptions and the documentation tables. Entries are
keyed by model class name and by the key as written in YAML (``class``, not ``class_``);
fields a model inherits are found on its base (``RecordModel`` holds ``tags``, ``notes`` …).
The Chinese is in the ``labels`` catalogue, as ``field:<Model>.<key>`` and ``help:<Model>.<key>``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from barrier_cli.core import i18n
from barrier_cli.core.i18n import Lang

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True, slots=True)
class FieldDoc:
    title_en: str
    help_en: str = ""
    where: str = ""
    """``<Model>.<key>``: the catalogue context, since one English title ("date") is worded
    differently on different fields (日期, 填写日期)."""

    def title(self, lang: Lang = "zh") -> str:
        return i18n.translations(lang).pgettext(f"field:{self.where}", self.title_en)

    def help(self, lang: Lang = "zh") -> str:
        if not self.help_en:
            return ""
        return i18n.translations(lang).pgettext(f"help:{self.where}", self.help_en)


D = FieldDoc

_DATE_HELP = "YYYY-MM-DD"
_PERSON_HELP = "a person id from org.yaml"
_UNIT_HELP = "a unit id from org.yaml"
_EN_HELP = "what English documents print instead; default: the Chinese"
_EN_LIST_HELP = "one English line for each, in the same order; default: the Chinese"

FIELDS: dict[str, dict[str, FieldDoc]] = {
    # -- fields every record may carry ------------------------------------------------------
    "RecordModel": {
        "tags": D("tags", "free labels for finding records"),
        "notes": D("notes", "anything else worth keeping"),
        "withdrawn": D("withdrawn", "records are withdrawn, never deleted: date, by, reason"),
        "amendments": D(
            "amendments", "required when a closed or final record changes: date, by, reason"
        ),
    },
    "Signed": {
        "date": D("date", _DATE_HELP),
        "by": D("by", _PERSON_HELP),
        "reason": D("reason", "one line"),
    },
    "Action": {
        "action": D("action", "what is to be done, one line"),
        "action_en": D("action in English", _EN_HELP),
        "type": D("type", "immediate, corrective or preventive"),
        "owner": D("owner", "person id of who sees it done"),
        "due": D("due", "the date it must be done by"),
        "done": D("done", "the date it was done"),
        "verified_by": D("verified by", "person id of who checked it"),
        "urged": D("urged", "an overdue action pressed: date, by, the new due day"),
    },
    "Urged": {
        "date": D("urged on", _DATE_HELP),
        "by": D("urged by", _PERSON_HELP),
        "due": D("new due day", "the day it is now to be done by"),
    },
    # -- settings ---------------------------------------------------------------------------
    "Settings": {
        "cases": D("typical cases", "analysis deadlines, handover levels, 两违 classes"),
        "key_persons": D("key persons", "the weight of each signal and the threshold"),
        "organisation": D("organisation", "name used in headings"),
        "organisation_en": D("organisation in English", _EN_HELP),
        "lang": D("language", "zh or en, for documents"),
        "timezone": D("time zone", "IANA zone in which 'today' is taken, default Asia/Shanghai"),
        "cadence": D("cadence", "each tier's feedback period and minimum per period"),
        "patrol": D("cadre patrols", "how often each cadre patrols, and the least per period"),
        "working_days": D("working days", "duty days of whoever the roster does not cover"),
        "deadlines": D("deadlines", "analysis, closure, pairing"),
        "closure": D("closure rule", "three = 三不放过, four = 四不放过 (adds education)"),
        "risk_weights": D("risk weights", "weights for ranking"),
        "notice": D("notice", "issuer, number format"),
    },
    "TierCadence": {
        "period": D("period", "day, week or month"),
        "min": D("minimum per period", "fewer is a missed period"),
    },
    "Cases": {
        "analysis_days": D(
            "days to analyse", "by accident class, for precursors, for class A/B 两违"
        ),
        "handover_levels": D("handover levels", "lowest first"),
        "handover_levels_en": D("handover levels in English", "the same levels, in the same order"),
        "handover": D("handover required", "the least level each class is handed over to"),
        "generic_measures": D("generic measures", "measures that say only these are not specific"),
        "a_class_severities": D("A-class severities", "these severities make a class A violation"),
        "grade_weights": D(
            "grade weights", "what a class A and a class B violation weigh in assessment"
        ),
    },
    "KeyPersonRules": {
        "weights": D(
            "signal weights",
            "violation, quality feedback, near miss, failed check, few faults found",
        ),
        "threshold": D("threshold", "a person whose signals weigh this much is proposed"),
        "months": D("months looked at"),
        "few_finds_ratio": D(
            "few-finds ratio", "share of the group's average below which finds are few"
        ),
        "pair_days": D("days to pair", "days after confirmation by which a pairing is made"),
    },
    "Deadlines": {
        "pairing_escalated_months": D("months after escalation"),
        "analyse_days": D("days to analyse", "days after a report by which it is analysed"),
        "close_days": D("days to close", "days after a report by which it is closed"),
        "pairing_basic_months": D("months to basic turnaround"),
        "pairing_full_months": D("months to full turnaround"),
        "reminders": D("reminder days", "days before due to remind, e.g. [7, 1, 0]"),
        "backdate_days": D(
            "backdate days",
            "entering a date further back asks once to confirm (late counts as missed)",
        ),
        "feedback_days": D(
            "days to feedback", "days within which the reporter hears what became of it"
        ),
    },
    "NoticeSettings": {
        "issuer": D("issuer"),
        "issuer_en": D("issuer in English", _EN_HELP),
        "number": D("number format", "may use {year} and {seq}"),
        "number_en": D("number format in English", _EN_HELP),
        "recipients": D("recipients"),
        "recipients_en": D("recipients in English", _EN_HELP),
        "authority": D("issuing authority", "letterhead"),
        "authority_en": D("issuing authority in English", _EN_HELP),
        "copy_to": D("copied to"),
        "copy_to_en": D("copied to in English", _EN_HELP),
        "printer": D("printed by", "default: the issuer's full name (authority)"),
        "printer_en": D("printed by in English", _EN_HELP),
        "self_review": D("self-review", "the issuer's own lapses apart"),
        "correction_days": D("days to correct", "days a notice gives for correction"),
    },
    # -- org.yaml ---------------------------------------------------------------------------
    "Org": {
        "units": D("units", "general branch, branches, groups"),
        "partners": D("partner units", "signal box etc."),
        "people": D("people"),
    },
    "Unit": {
        "id": D("id", "letters, digits, _ - ."),
        "name": D("name"),
        "name_en": D("English name", _EN_HELP),
        "kind": D("kind", "general branch, branch or group"),
        "parent": D("parent", _UNIT_HELP),
    },
    "Partner": {
        "id": D("id", "letters, digits, _ - ."),
        "name": D("name"),
        "name_en": D("English name", _EN_HELP),
    },
    "Person": {
        "id": D("id", "letters, digits, _ - ., e.g. staff no."),
        "name": D("name"),
        "name_en": D("English name", "what English documents print; default: the name in pinyin"),
        "unit": D("unit", _UNIT_HELP),
        "party_member": D("party member", "whether a party member"),
        "post": D("post", "inspector, fitter, duty officer …"),
        "roles": D("roles", "group leader, secretary …"),
        "since": D("since", "joined the unit on"),
        "until": D("until", "left the unit on"),
    },
    # -- standards --------------------------------------------------------------------------
    "Standard": {
        "id": D("standard", "branch or member"),
        "name": D("name"),
        "name_en": D("English name", _EN_HELP),
        "pass_mark": D("pass mark", "below it is a fail"),
        "aspects": D("aspects"),
    },
    "Aspect": {
        "id": D("id"),
        "name": D("name"),
        "name_en": D("English name", _EN_HELP),
        "items": D("items"),
    },
    "StandardItem": {
        "id": D("id"),
        "name": D("name"),
        "name_en": D("English name", _EN_HELP),
        "max": D("max points"),
        "description": D("description", "how it is scored"),
        "source": D("source", "derived or entered"),
        "rules": D("rules", "shortfall: points each"),
    },
    # -- report -----------------------------------------------------------------------------
    "Report": {
        "id": D("id", "R-YYYYMMDD-XXXX, generated"),
        "date": D("date", "when observed, not future"),
        "filed": D("filed", "when written down, if after the day observed: late"),
        "reporter": D("reporter", _PERSON_HELP),
        "unit": D("unit", "default: the reporter's unit"),
        "level": D("tier", "the network tier: member, group, branch"),
        "source": D("source", "where it came from"),
        "partner": D("partner unit", "required for joint_labour"),
        "element": D("element", "equipment, personnel, management"),
        "category": D("category", "hazard, violation, fault …"),
        "keys": D("five keys", "the key points touched (many)"),
        "risk": D("risk", "low, medium, high"),
        "train": D("train", "e.g. 41008"),
        "vehicle": D("vehicle", "e.g. G606230356"),
        "location": D("location", "track, yard …"),
        "location_en": D("location in English", _EN_HELP),
        "persons": D("persons", "violators, key persons"),
        "summary": D("summary", "one line: what was found"),
        "hazard": D("hazard", "the hazard log id (hazards.yaml), if it is a known hazard"),
        "summary_en": D("summary in English", _EN_HELP),
        "details": D("details", "what happened, where, what done"),
        "details_en": D("details in English", _EN_HELP),
        "status": D("status", "open … closed"),
        "analysis": D("analysis", "date, by, cause"),
        "actions": D("actions", "each needs owner and due"),
        "closed": D("closed", "required when closed"),
        "commend": D("commend", "praise in the notice"),
        "adopted": D("adoption", "a suggestion the general branch adopted: date, by"),
        "links": D("links", "related report or incident ids"),
    },
    "Adoption": {
        "date": D("adopted on", _DATE_HELP),
        "by": D("adopted by", _PERSON_HELP),
    },
    "Analysis": {
        "date": D("date", _DATE_HELP),
        "by": D("by", _PERSON_HELP),
        "cause": D("cause", "the cause found"),
        "cause_en": D("cause in English", _EN_HELP),
    },
    # -- incident ---------------------------------------------------------------------------
    "Incident": {
        "id": D("id", "I-YYYYMMDD-XX, generated"),
        "date": D("date", _DATE_HELP),
        "title": D("title", "one line"),
        "title_en": D("title in English", _EN_HELP),
        "unit": D("unit", _UNIT_HELP),
        "type": D("type", "accident, precursor or violation"),
        "class": D("class", "accidents: general_a …"),
        "code": D("code", "e.g. C2"),
        "violation": D("violation", "kind, severity, person"),
        "train": D("train"),
        "location": D("location"),
        "location_en": D("location in English", _EN_HELP),
        "description": D("description", "what happened"),
        "description_en": D("description in English", _EN_HELP),
        "persons": D("persons", "people and their role"),
        "timeline": D("timeline", "events in time order"),
        "analysis": D("analysis", "three-level findings, meeting"),
        "causes": D("causes", "by element, subjective/objective"),
        "responsibility": D("responsibility"),
        "measures": D("measures", "each needs owner and due"),
        "education": D("education", "for 四不放过"),
        "accountability": D("accountability", "replaced, warned, points deducted, fined, rewarded"),
        "handover": D("handover", "reported up: level, date"),
        "status": D("status", "open … closed"),
        "closed": D("closed", "only when 三不放过 is met"),
        "reports": D("reports", "linked report ids"),
        "typical": D("typical", "full procedure before closing"),
    },
    "Violation": {
        "kind": D("kind"),
        "severity": D("severity", "serious or general"),
        "person": D("person", _PERSON_HELP),
        "grade": D("grade", "A or B; else by severity"),
    },
    "Involved": {
        "person": D("person", _PERSON_HELP),
        "role": D("role", "responsible, involved or witness"),
    },
    "TimelineEntry": {
        "at": D("at", "a date, date-time or text"),
        "event": D("event"),
        "event_en": D("event in English", _EN_HELP),
    },
    "IncidentAnalysis": {
        "levels": D("levels", "general branch, branch, member"),
        "meeting": D("meeting", "date, kind, attendees"),
        "chain": D("chain", "how responsibility passed"),
        "chain_en": D("chain in English", _EN_HELP),
        "effect": D("effect", "what earlier measures achieved"),
        "effect_en": D("effect in English", _EN_HELP),
    },
    "LevelFindings": {
        "general_branch": D("general branch"),
        "general_branch_en": D("general branch in English", _EN_HELP),
        "branch": D("branch"),
        "branch_en": D("branch in English", _EN_HELP),
        "member": D("member"),
        "member_en": D("member in English", _EN_HELP),
    },
    "Meeting": {
        "date": D("date", _DATE_HELP),
        "kind": D("kind", "e.g. branch committee"),
        "kind_en": D("kind in English", _EN_HELP),
        "attendees": D("attendees", "person ids present"),
    },
    "Cause": {
        "element": D("element", "equipment, personnel, management"),
        "text": D("text"),
        "text_en": D("text in English", _EN_HELP),
        "kind": D("kind", "subjective or objective"),
    },
    "Responsibility": {
        "person": D("person", _PERSON_HELP),
        "unit": D("unit", _UNIT_HELP),
        "finding": D("finding", "what was found"),
        "finding_en": D("finding in English", _EN_HELP),
        "leader": D("leader", "person id of the unit's head who bears leadership responsibility"),
        "action": D("action", "what the leader did to answer for it"),
        "action_en": D("action in English", _EN_HELP),
    },
    "Accountability": {
        "person": D("person", _PERSON_HELP),
        "action": D("action", "replaced, warned, …"),
        "detail": D("detail"),
        "detail_en": D("detail in English", _EN_HELP),
        "date": D("date", _DATE_HELP),
        "role": D("role", "doer or overseer"),
        "amount": D("amount", "yuan, for a fine or reward"),
    },
    "Education": {
        "date": D("date", _DATE_HELP),
        "by": D("by", _PERSON_HELP),
        "content": D("content"),
        "content_en": D("content in English", _EN_HELP),
        "persons": D("persons"),
    },
    "Handover": {
        "level": D("level", "to which level"),
        "date": D("date", _DATE_HELP),
    },
    # -- pairing ----------------------------------------------------------------------------
    "Pairing": {
        "id": D("id", "P-YYYYMMDD-XX, generated"),
        "mentor": D("mentor", "a party member of the unit"),
        "person": D("key person", _PERSON_HELP),
        "unit": D("unit", _UNIT_HELP),
        "start": D("start", _DATE_HELP),
        "reasons": D("reasons", "one or more"),
        "plan": D("plan"),
        "cadence": D("review cadence", "how often the plan mentors: weekly, fortnightly …"),
        "goals": D("goals", "one goal a line"),
        "measures": D("measures", "one measure a line"),
        "escalated_on": D("escalated on", "when escalated"),
        "letter": D("letter signed", _DATE_HELP),
        "reviews": D("reviews", "date, by, note"),
        "assistant": D("assistant", "committee member added"),
        "basic_on": D("basic turnaround on", _DATE_HELP),
        "full_on": D("full turnaround on", _DATE_HELP),
        "status": D("status", "active, basic, full …"),
        "ended": D("ended", _DATE_HELP),
    },
    # -- competence, key persons, rewards --------------------------------------------------
    "Competence": {
        "id": D("id", "C-YYYYMMDD-XX"),
        "date": D("date", _DATE_HELP),
        "unit": D("unit", _UNIT_HELP),
        "kind": D("kind", "knows, skills, study or contest"),
        "contest": D("contest", "joint, versus, arena or upgrade"),
        "title": D("title", "one line"),
        "title_en": D("title in English", _EN_HELP),
        "by": D("by", _PERSON_HELP),
        "results": D("results", "each person's result"),
    },
    "CompetenceResult": {
        "person": D("person", _PERSON_HELP),
        "passed": D("passed"),
        "score": D("score", "0–100"),
        "place": D("place"),
        "note": D("note"),
    },
    "KeyPerson": {
        "id": D("id", "K-YYYYMMDD-XX"),
        "person": D("person", _PERSON_HELP),
        "unit": D("unit", _UNIT_HELP),
        "proposed": D("proposed", _DATE_HELP),
        "signals": D(
            "signals", "violation, quality feedback, near miss, failed check, few faults found"
        ),
        "status": D("status", "proposed, confirmed, paired, turned, not_turned"),
        "confirmed": D("confirmed", _DATE_HELP),
        "by": D("by", _PERSON_HELP),
        "pairing": D("pairing", "a pairing id"),
        "closed": D("closed", _DATE_HELP),
    },
    "KeySignal": {
        "kind": D("kind", "violation, quality, precursor, competence, few_finds"),
        "ref": D("ref", "a record id"),
        "note": D("note"),
        "note_en": D("note in English", _EN_HELP),
    },
    "Reward": {
        "id": D("id", "W-YYYYMMDD-XX"),
        "date": D("date", _DATE_HELP),
        "kind": D("kind", "commendation, reward or penalty"),
        "level": D("level", "workshop, depot or division"),
        "person": D("person", _PERSON_HELP),
        "unit": D("unit", _UNIT_HELP),
        "amount": D("amount (yuan)"),
        "reason": D("reason", "one line"),
        "reason_en": D("reason in English", _EN_HELP),
        "record": D("record", "a record id"),
    },
    "Priorities": {
        "id": D("id", "S-YYYY-MM"),
        "month": D("month", "the month they are for"),
        "adopted": D("adopted", _DATE_HELP),
        "by": D("adopted by", _PERSON_HELP),
        "items": D("priorities"),
    },
    "PriorityItem": {
        "content": D("content", "one line"),
        "content_en": D("content in English", _EN_HELP),
        "measures": D("measures", "one line each"),
        "measures_en": D("measures in English", _EN_LIST_HELP),
        "terms": D("terms", "one for each measure: due: DATE, or every: shift|day|week|month"),
        "unit": D("responsible unit", _UNIT_HELP),
        "owner": D("responsible person", _PERSON_HELP),
        "due": D("deadline", _DATE_HELP),
        "basis": D("drawn from", "report or incident ids"),
        "branches": D("carried out by", "branch ids: the branches that carry it out"),
        "partners": D("settled with", "partner unit ids from org.yaml"),
        "category": D("category", "the report category it is against"),
        "done": D("done", _DATE_HELP),
        "evidence": D("evidence", "record ids or a short note"),
        "evidence_en": D("evidence in English", _EN_LIST_HELP),
    },
    "MeasureTerm": {
        "due": D("deadline", _DATE_HELP),
        "every": D("done every", "shift, day, week or month"),
        "check": D("checked on", _DATE_HELP),
        "done": D("done", _DATE_HELP),
        "name": D("named as", "a short name for the measure"),
        "name_en": D("named as in English", _EN_HELP),
    },
    "Review": {
        "date": D("date", _DATE_HELP),
        "by": D("by", _PERSON_HELP),
        "note": D("note", "how the person is doing"),
        "diligences": D("five diligences", "observe, instil, help, remind, report"),
        "together": D("four togethers", "start, work, return, rest"),
    },
    # -- assessment -------------------------------------------------------------------------
    "Assessment": {
        "id": D("id", "A-<period>-<subject>"),
        "period": D("period", "2026-10 or 2026-Q4"),
        "subject": D("subject", "a unit or person id"),
        "standard": D("standard", "branch or member"),
        "items": D("item scores"),
        "deductions": D("deductions", "reason, optional ref"),
        "result": D("result", "members: pass or fail"),
        "status": D("status", "draft or final"),
        "by": D("by", _PERSON_HELP),
        "date": D("date", _DATE_HELP),
    },
    "ItemScore": {
        "item": D("item", "an item id of the standard"),
        "score": D("score", "at most the item's max"),
        "note": D("note"),
        "evidence": D("evidence", "record ids or what was seen"),
    },
    "Deduction": {
        "item": D("item", "an item id of the standard"),
        "points": D("points"),
        "reason": D("reason"),
        "ref": D("ref", "the record id it rests on"),
    },
    # -- notice register --------------------------------------------------------------------
    "NoticeEntry": {
        "id": D("id", "N-YYYY-NNN"),
        "number": D("number"),
        "year": D("year"),
        "seq": D("sequence"),
        "date": D("date", _DATE_HELP),
        "month": D("month", "YYYY-MM"),
        "by": D("by", _PERSON_HELP),
        "title": D("title"),
        "file": D("file", "path of the issued file"),
        "deadline": D("deadline", _DATE_HELP),
        "as_of": D("counted as of", _DATE_HELP),
        "lang": D("language", "zh or en"),
        "content": D("issued content", "the notice as issued, frozen"),
        "sha256": D("digests", "SHA-256 of the issued md, html"),
    },
    # -- the information network: nil returns, roster, roundups -----------------------------
    "NilReturns": {
        "id": D("id", "D-YYYYMM-<person id>"),
        "person": D("person", _PERSON_HELP),
        "month": D("month", "YYYY-MM"),
        "days": D("nil returns", "one entry per duty day"),
    },
    "ReturnDay": {
        "date": D("date", _DATE_HELP),
        "by": D("ticked by", "the group leader who ticked it"),
        "filed": D("filed", "when recorded, if later: late"),
    },
    "HazardLog": {
        "hazards": D("hazards", "one entry per hazard, however reports word it"),
    },
    "Hazard": {
        "id": D("id", "e.g. H-01; reports name it in 'hazard'"),
        "name": D("name", "a noun phrase, as documents print it"),
        "name_en": D("English name", "for English documents"),
        "element": D("element", "equipment, personnel or management"),
        "phrases": D("match phrases", "a report whose summary holds one is this hazard"),
        "control": D("control measure", "the standing measure a priority against it orders"),
        "control_en": D("control measure in English", "for English documents"),
        "aim": D("aim", "what a priority against it sets out to do, as its title"),
        "aim_en": D("aim in English", "for English documents"),
    },
    "Roster": {
        "cycles": D("shift cycles", "each group's shift pattern"),
        "leave": D("leave", "who is away, from when to when"),
    },
    "Cycle": {
        "unit": D("unit", _UNIT_HELP),
        "start": D("cycle start", "the day of shifts[0]"),
        "shifts": D("shifts", "repeating"),
    },
    "Leave": {
        "person": D("person", _PERSON_HELP),
        "start": D("from", _DATE_HELP),
        "end": D("to", "included"),
        "reason": D("reason"),
    },
    "Roundup": {
        "id": D("id", "U-<period>-<unit>"),
        "level": D("level", "group (weekly), branch"),
        "unit": D("unit", _UNIT_HELP),
        "period": D("period", "2026-W12 or 2026-03"),
        "date": D("date", _DATE_HELP),
        "by": D("by", _PERSON_HELP),
        "status": D("status", "draft or final (counts)"),
        "counts": D("counts", "by element, nil returns"),
        "open": D("open items", "reports still open"),
        "escalate": D("raised", "reports raised upward"),
        "silent": D("no feedback", "who missed which days"),
        "violations": D("violations", "两违 to analyse"),
        "weeks": D("group weeks", "the groups' weeks"),
        "judgement": D("judgement", "assessment, next steps"),
    },
    "Counts": {
        "equipment": D("equipment"),
        "personnel": D("personnel"),
        "management": D("management"),
        "nil_returns": D("nil returns", "never safety information"),
    },
    "Silent": {
        "who": D("who", "a person or unit id"),
        "missed": D("missed", "days or weeks missed"),
    },
}

FIELDS = {
    model: {key: replace(doc, where=f"{model}.{key}") for key, doc in docs.items()}
    for model, docs in FIELDS.items()
}


def field_doc(model: type[BaseModel], key: str) -> FieldDoc:
    """The doc of ``key`` (YAML key or Python field name) on ``model`` or a base it inherits.

    Raises KeyError for a field nobody documented: a test walks every model so that none is
    forgotten.
    """
    field = model.model_fields.get(key)
    yaml_key = (field.alias or key) if field is not None else key
    for cls in model.__mro__:
        doc = FIELDS.get(cls.__name__, {}).get(yaml_key)
        if doc is not None:
            return doc
    raise KeyError(f"{model.__name__}.{yaml_key} has no field doc")
