"""The label of every choice a record field offers, in English.

Prompts, documents and tables show these; records always store the value. The Chinese is in the
``labels`` catalogue, in context ``label:<group>``.
"""

from __future__ import annotations

from barrier_cli.core import i18n
from barrier_cli.core.i18n import Lang as Lang

LABELS: dict[str, dict[str, str]] = {
    "element": {
        "equipment": "equipment",
        "personnel": "personnel",
        "management": "management",
    },
    "category": {
        "hazard": "hazard",
        "violation": "violation",
        "fault": "vehicle fault",
        "near_miss": "near miss",
        "quality": "work quality",
        "suggestion": "suggestion",
        "other": "other",
    },
    "source": {
        "on_site": "on-site work",
        "cadre_patrol": "cadre patrol",
        "joint_labour": "partner unit",
        "briefing": "pre-shift briefing",
        "other": "other",
    },
    "level": {
        "member": "party member",
        "group": "party group",
        "branch": "branch",
    },
    "key": {
        "train": "key train",
        "group": "key work group",
        "post": "key post",
        "link": "key link",
        "person": "key person",
    },
    "risk": {
        "low": "low",
        "medium": "medium",
        "high": "high",
    },
    "report_status": {
        "open": "open",
        "analysed": "analysed",
        "rectifying": "rectifying",
        "closed": "closed",
    },
    "action_type": {
        "immediate": "immediate",
        "corrective": "corrective",
        "preventive": "preventive",
    },
    "incident_type": {
        "accident": "accident",
        "precursor": "precursor",
        "violation": "violation",
    },
    "accident_class": {
        "extraordinary": "extraordinary",
        "major": "major",
        "large": "large",
        "general_a": "general class A",
        "general_b": "general class B",
        "general_c": "general class C",
        "general_d": "general class D",
    },
    "violation_kind": {
        "rule": "rule violation",
        "discipline": "discipline violation",
    },
    "severity": {
        "serious": "serious",
        "general": "general",
    },
    "incident_status": {
        "open": "open",
        "analysing": "analysing",
        "rectifying": "rectifying",
        "closed": "closed",
    },
    "review_cadence": {
        "weekly": "once a week",
        "fortnightly": "once a fortnight",
        "monthly": "once a month",
    },
    "reason": {
        "low_skill": "low skill",
        "few_finds": "few faults found",
        "violations": "many violations",
        "attitude": "attitude",
        "other": "other",
    },
    # What 三不放过 / 四不放过 still lacks (Incident.closure_gaps), in analysis and notice alike.
    "closure_gap": {
        "causes": "no causes",
        "responsibility": "no responsibility",
        "measures": "no measures",
        "measures not done": "measures not done",
        "education": "no education",
        "handover": "no handover",
        "measures not specific": "measures not specific",
        "timeline": "no timeline",
        "meeting": "committee meeting missing or unrecorded",
        "levels": "not analysed at three levels",
        "chain": "no chain of responsibility or effect",
        "accountability": "no accountability",
        "overseer": "the onlookers (看惯者) not held responsible",
        "handover_level": "handed over too low",
        "specific_measures": "measures lack an owner, due date or verification",
    },
    "pairing_status": {
        "active": "active",
        "basic": "basic turnaround",
        "full": "full turnaround",
        "escalated": "escalated",
        "ended": "ended",
    },
    "role": {
        "group_leader": "party group leader",
        "secretary": "branch secretary",
        "committee": "committee member",
        "foreman": "foreman",
        "team_leader": "team leader",
        "duty_officer": "duty officer",
        "inspector": "car inspector",
        "info_officer": "information officer",
        "cadre": "cadre",
    },
    "unit_kind": {
        "general_branch": "general branch",
        "branch": "branch",
        "group": "party group",
    },
    "involved_role": {
        "responsible": "responsible",
        "involved": "involved",
        "witness": "witness",
    },
    "cause_kind": {
        "subjective": "subjective",
        "objective": "objective",
    },
    "accountability_action": {
        "replaced": "replaced",
        "warned": "warned",
        "deducted": "points deducted",
        "fined": "fined",
        "rewarded": "rewarded",
    },
    "assessment_result": {
        "pass": "pass",
        "fail": "fail",
    },
    "assessment_status": {
        "draft": "draft",
        "final": "final",
    },
    "violation_grade": {
        "A": "class A",
        "B": "class B",
    },
    "accountability_role": {
        "doer": "the one who did it",
        "overseer": "the one who looked on",
    },
    "diligence": {
        "observe": "watch mood and thoughts",
        "instil": "instil the rules",
        "help": "help with the work",
        "remind": "remind at key links",
        "report": "report on the pairing",
    },
    "together": {
        "start": "go out together",
        "work": "work together",
        "return": "come back together",
        "rest": "rest together",
    },
    "reward_kind": {
        "commendation": "commendation",
        "reward": "reward",
        "penalty": "penalty",
    },
    "reward_level": {
        "workshop": "workshop",
        "depot": "depot",
        "division": "division",
    },
    "standard": {
        "branch": "branch",
        "member": "party member",
    },
    "shift": {
        "day": "day shift",
        "morning": "morning shift",
        "afternoon": "afternoon shift",
        "night": "night shift",
        "off": "off",
    },
    "lang": {
        "zh": "Chinese",
        "en": "English",
    },
    "weekday": {
        "mon": "Monday",
        "tue": "Tuesday",
        "wed": "Wednesday",
        "thu": "Thursday",
        "fri": "Friday",
        "sat": "Saturday",
        "sun": "Sunday",
    },
    "closure": {
        "three": "three principles",
        "four": "four principles",
    },
    "period": {
        "day": "daily",
        "week": "weekly",
        "month": "monthly",
    },
    "term_cadence": {
        "shift": "every shift",
        "day": "every day",
        "week": "every week",
        "month": "every month",
    },
    "document_format": {
        "md": "Markdown",
        "html": "HTML",
    },
    "item_source": {
        "derived": "derived from records",
        "entered": "entered by hand",
    },
    "competence_kind": {
        "knows": "knowledge check",
        "skills": "skills check",
        "study": "study",
        "contest": "contest",
    },
    "contest": {
        "joint": "joint contest",
        "versus": "team match",
        "arena": "challenge contest",
        "upgrade": "upgrade contest",
    },
    "key_status": {
        "proposed": "proposed",
        "confirmed": "confirmed",
        "paired": "paired",
        "turned": "turned around",
        "not_turned": "not turned around",
    },
    "key_signal": {
        "violation": "violation",
        "quality": "quality feedback",
        "precursor": "near miss",
        "competence": "failed check",
        "few_finds": "few faults found",
        "other": "other",
    },
}


FIELD_GROUPS: dict[tuple[str, str], str] = {
    ("Report", "status"): "report_status",
    ("Report", "keys"): "key",
    ("Incident", "status"): "incident_status",
    ("Incident", "type"): "incident_type",
    ("Incident", "class"): "accident_class",
    ("Pairing", "status"): "pairing_status",
    ("Pairing", "reasons"): "reason",
    ("Pairing", "cadence"): "review_cadence",
    ("Action", "type"): "action_type",
    ("Violation", "kind"): "violation_kind",
    ("Cause", "kind"): "cause_kind",
    ("Reward", "kind"): "reward_kind",
    ("Reward", "level"): "reward_level",
    ("KeyPerson", "status"): "key_status",
    ("KeySignal", "kind"): "key_signal",
    ("Competence", "kind"): "competence_kind",
    ("Roundup", "status"): "assessment_status",
    ("Assessment", "result"): "assessment_result",
    ("Assessment", "status"): "assessment_status",
    ("Accountability", "action"): "accountability_action",
    ("Accountability", "role"): "accountability_role",
    ("Involved", "role"): "involved_role",
    ("Violation", "grade"): "violation_grade",
    ("Standard", "id"): "standard",
    ("StandardItem", "source"): "item_source",
    ("Cycle", "shifts"): "shift",
    ("Unit", "kind"): "unit_kind",
    ("Settings", "working_days"): "weekday",
    ("Settings", "cadence"): "level",
    ("Settings", "risk_weights"): "risk",
    ("Cases", "a_class_severities"): "severity",
    ("Cases", "grade_weights"): "violation_grade",
    ("NoticeEntry", "sha256"): "document_format",
    ("MeasureTerm", "every"): "term_cadence",
}
"""The labels group of a field (model class name, YAML key) where its key alone does not
say it; every other choice field's group is named by its key, or its key without a plural s.
The one map from fields to labels: `show`, `list`, the schemas and the prompts read it."""


def group_of(model: type, key: str) -> str | None:
    """The labels group of ``key`` on ``model`` (or a base it inherits), if it has one."""
    for cls in model.__mro__:
        group = FIELD_GROUPS.get((cls.__name__, key))
        if group is not None:
            return group
    for candidate in (key, key.removesuffix("s")):
        if candidate in LABELS:
            return candidate
    return None


def label(group: str, value: str, lang: Lang = "zh") -> str:
    """The label of ``value`` in ``group``; the value itself if it has none."""
    english = LABELS.get(group, {}).get(value)
    if english is None:
        return value
    # The catalogue of ``lang`` directly, not through ``i18n.using``: a document looks up
    # thousands of labels, and the context switch would cost ten times the lookup.
    return i18n.translations(lang).pgettext(f"label:{group}", english)


def names(group: str, value: str) -> tuple[str, str]:
    """The zh and the en label of ``value``: an answer or a filter may give either."""
    return label(group, value, "zh"), label(group, value, "en")
