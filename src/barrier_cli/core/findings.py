"""Findings: what checks produce and reporters render. No check prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file. ``line`` and ``col`` are 1-based; 0 means "the whole file"."""

    path: str
    code: str
    message: str
    line: int = 0
    col: int = 0
    severity: Severity = Severity.ERROR
    hint: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.code)


@dataclass
class CheckResult:
    """The findings of one check and how many files it covered."""

    findings: list[Finding]
    files: int

    @property
    def errors(self) -> int:
        return sum(1 for x in self.findings if x.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for x in self.findings if x.severity is Severity.WARNING)


@dataclass(frozen=True, slots=True)
class Code:
    """A stable finding code: its name never changes once released."""

    name: str
    severity: Severity
    summary: str


@dataclass
class CodeBook:
    """The registry of every finding code; the README table is generated from it."""

    codes: dict[str, Code] = field(default_factory=dict)

    def add(self, name: str, severity: Severity, summary: str) -> str:
        if name in self.codes:
            raise ValueError(f"finding code {name!r} registered twice")
        self.codes[name] = Code(name, severity, summary)
        return name

    def severity(self, name: str) -> Severity:
        return self.codes[name].severity


CODES = CodeBook()
E, W = Severity.ERROR, Severity.WARNING

# Reading and parsing
ENCODING = CODES.add("encoding", E, "the file is not UTF-8 (GBK, UTF-16, binary)")
BOM = CODES.add("bom", E, "the file starts with a byte-order mark")
TOO_LARGE = CODES.add("too-large", E, "the file is larger than any record can be")
TAB = CODES.add("tab", E, "a tab character where YAML needs spaces")
CONTROL_CHAR = CODES.add(
    "control-char", E, "a control, invisible or bidirectional-override character"
)
SYNTAX = CODES.add("syntax", E, "the YAML cannot be parsed")
DUPLICATE_KEY = CODES.add("duplicate-key", E, "a key appears twice in one mapping")
TAG = CODES.add("tag", E, "a YAML tag (!!python/..., !custom) is not allowed")
ALIAS = CODES.add("alias", E, "YAML anchors and aliases are not allowed in records")
TOO_DEEP = CODES.add("too-deep", E, "nesting deeper than any record needs")
EMPTY = CODES.add("empty", E, "the file holds no record")
NOT_MAPPING = CODES.add("not-mapping", E, "the file does not hold a mapping of fields")
SYMLINK = CODES.add("symlink", E, "a symbolic link that points outside the records tree")
UNREADABLE = CODES.add("unreadable", E, "the file cannot be read (permissions, not a plain file)")
CACHE_IN_TREE = CODES.add(
    "cache-in-tree", E, "a .barrier-cache/ folder or *.pickle file in the tree (never loaded)"
)
STALE_SCHEMA = CODES.add(
    "stale-schema", W, "a .schemas/ file an older barrier wrote (barrier schema --out refreshes)"
)

# Schema
UNKNOWN_KEY = CODES.add("unknown-key", E, "a key the record kind does not have")
MISSING = CODES.add("missing", E, "a required field is missing")
TYPE = CODES.add("type", E, "a value of the wrong type")
CHOICE = CODES.add("choice", E, "a value that is not one of the allowed choices")
BAD_DATE = CODES.add("bad-date", E, "a date that does not exist or is not YYYY-MM-DD")
VALUE = CODES.add("value", E, "a value that breaks a field rule")

# Layout and identity
UNKNOWN_FILE = CODES.add("unknown-file", W, "a file in the tree that is no known record kind")
ID_FORMAT = CODES.add("id-format", E, "an id that does not follow its kind's pattern")
ID_MISMATCH = CODES.add("id-mismatch", E, "the id differs from the file name")
MISFILED = CODES.add("misfiled", E, "the file is not in the folder its date says")
DUPLICATE_ID = CODES.add("duplicate-id", E, "two records share one id")
FUTURE_DATE = CODES.add("future-date", E, "a date after today")
DATE_ORDER = CODES.add(
    "date-order",
    E,
    "a date before the one it follows (done before reported, closed before analysed)",
)
PATROL_KEYS = CODES.add(
    "patrol-keys", W, "a cadre patrol report that names none of the five keys (五个关键)"
)
RETURN_DAY = CODES.add(
    "return-day", E, "a nil-return day outside its month, listed twice, or filed before it"
)

# Cross-references
UNKNOWN_PERSON = CODES.add("unknown-person", E, "a person id that is not in org.yaml")
INACTIVE_PERSON = CODES.add("inactive-person", E, "a person not in the unit on that date")
UNKNOWN_UNIT = CODES.add("unknown-unit", E, "a unit id that is not in org.yaml")
UNKNOWN_PARTNER = CODES.add("unknown-partner", E, "a partner id that is not in org.yaml")
UNKNOWN_REF = CODES.add("unknown-ref", E, "a link or ref to a record that does not exist")
UNKNOWN_ITEM = CODES.add("unknown-item", E, "an assessment item that is not in the standard")
ORG = CODES.add("org", E, "org.yaml is inconsistent (parents, duplicate ids)")

# Lifecycle and closure
NEEDS_ANALYSIS = CODES.add("needs-analysis", E, "status is past 'open' but there is no analysis")
ACTION_OWNER = CODES.add("action-owner", E, "an action or measure without an owner")
ACTION_DUE = CODES.add("action-due", E, "an action or measure without a due date")
ACTION_NOT_DONE = CODES.add("action-not-done", E, "closed while an action is not done")
CLOSED_DATE = CODES.add("closed-date", E, "closed without a date, or before the record's date")
CLOSURE = CODES.add("closure", E, "an incident closed against 三不放过 / 四不放过")
HANDOVER = CODES.add("handover", E, "a serious case closed without a handover (交班)")
CASE_STEP = CODES.add("case-step", E, "a typical case (典型案例) closed missing a step")
GENERIC_MEASURE = CODES.add(
    "generic-measure", W, "a measure that is only a stock phrase (批评教育)"
)
PAIRING_MENTOR = CODES.add("pairing-mentor", E, "mentor not a party member of the person's unit")
PAIRING_ASSISTANT = CODES.add(
    "pairing-assistant", E, "an escalation assistant holding no committee role in the branch"
)
PAIRING_LETTER = CODES.add(
    "pairing-letter", W, "a 责任书 without its date, plan, measures or goals"
)
PAIRING_REVIEW = CODES.add("pairing-review", W, "a review without 五勤/四同, or an escalated gap")
KEY_PERSON_UNPAIRED = CODES.add(
    "key-person-unpaired", W, "a confirmed key person still without a pairing"
)
PAIRING_OVERDUE = CODES.add("pairing-overdue", W, "a pairing milestone is past due, no escalation")
SCORE = CODES.add("score", E, "an assessment score above the item's maximum")
SCORE_EVIDENCE = CODES.add(
    "score-evidence", W, "a final score of an entered item given without its evidence"
)
AMENDMENT = CODES.add("amendment", E, "a closed or final record changed without an amendment")
DELETED = CODES.add("deleted", E, "a record was deleted instead of withdrawn")
ID_REUSED = CODES.add("id-reused", E, "an id was reused for a different record")
