"""Property tests: valid records survive the disk unchanged; no file content crashes check.

The default run tries at least 2,000 files on the never-crash property; `make fuzz`
(HYPOTHESIS_PROFILE=fuzz, registered in conftest) tries many more.
"""

from __future__ import annotations

import datetime as dt
import shutil
import typing
from pathlib import Path, PurePosixPath
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from barrier_cli.checks.run import check_tree
from barrier_cli.core.kinds import classify
from barrier_cli.core.models import Incident, Pairing, Report
from barrier_cli.core.models.common import ActionType, Model
from barrier_cli.core.models.incident import (
    INCIDENT_ID,
    AccidentClass,
    IncidentStatus,
    IncidentType,
)
from barrier_cli.core.models.pairing import PAIRING_ID, PairingStatus, Reason
from barrier_cli.core.models.report import (
    REPORT_ID,
    Category,
    Element,
    Key,
    Level,
    ReportStatus,
    Risk,
    Source,
)
from barrier_cli.io.canonical import record_text
from barrier_cli.io.loader import read_file
from barrier_cli.present.reporters import REPORTERS
from barrier_cli.write.fmt import format_text

TINY = Path(__file__).resolve().parent.parent / "data" / "tiny"

# What people type: letters (Chinese above all), digits, punctuation, symbols, spaces.
# Control, format and separator characters are refused by the loader on purpose, and so are
# the letters that show as nothing (Hangul fillers).
_INVISIBLE_LETTERS = "\u115f\u1160\u3164\uffa0"
_CHARS = st.characters(
    categories=["L", "N", "P", "S"],
    include_characters=" ",
    exclude_characters="\ufeff" + _INVISIBLE_LETTERS,
)
one_line = st.text(_CHARS, min_size=1, max_size=40).filter(str.strip)
text = st.text(st.one_of(_CHARS, st.sampled_from("\n\t")), min_size=0, max_size=120)
person = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,15}", fullmatch=True)
# What 三不放过 rests on says something: a letter or a digit, not only spaces and punctuation.
_WORD = st.text(
    st.characters(categories=["L", "N"], exclude_characters=_INVISIBLE_LETTERS),
    min_size=1,
    max_size=5,
)


def with_words(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(strategy, _WORD).map("".join)


day = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


def choice(alias: Any) -> st.SearchStrategy[str]:
    """One of a Literal's values: the models say what the choices are."""
    return st.sampled_from(typing.get_args(alias))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


signed = st.fixed_dictionaries({"date": day, "by": person, "reason": one_line})
action = st.fixed_dictionaries(
    {"action": with_words(one_line)},
    optional={
        "type": choice(ActionType),
        "owner": person,
        "due": day,
        "done": day,
        "verified_by": person,
    },
)
common = {
    "tags": st.lists(one_line, max_size=3),
    "notes": text,
    "withdrawn": signed,
    "amendments": st.lists(signed, max_size=2),
}
report = st.fixed_dictionaries(
    {
        "id": st.from_regex(REPORT_ID, fullmatch=True).map(str.strip),
        "date": day,
        "reporter": person,
        "source": choice(Source),
        "element": choice(Element),
        "category": choice(Category),
        "summary": one_line,
    },
    optional={
        "unit": person,
        "level": choice(Level),
        "partner": person,
        "keys": st.lists(choice(Key), max_size=5),
        "risk": choice(Risk),
        "train": st.text(_CHARS, min_size=1, max_size=10),
        "vehicle": st.text(_CHARS, min_size=1, max_size=10),
        "location": text.filter(lambda s: 0 < len(s) <= 100),
        "persons": st.lists(person, max_size=3),
        "details": text,
        "status": choice(ReportStatus),
        "analysis": st.fixed_dictionaries({"date": day, "by": person, "cause": with_words(text)}),
        "actions": st.lists(action, max_size=3),
        "closed": day,
        "commend": st.booleans(),
        "links": st.lists(st.from_regex(REPORT_ID, fullmatch=True).map(str.strip), max_size=2),
        **common,
    },
).map(Report.model_validate)
pairing = st.fixed_dictionaries(
    {
        "id": st.from_regex(PAIRING_ID, fullmatch=True).map(str.strip),
        "mentor": person,
        "person": person,
        "unit": person,
        "start": day,
        "reasons": st.lists(choice(Reason), min_size=1, max_size=3),
    },
    optional={
        "plan": text,
        "goals": st.lists(one_line, max_size=3),
        "letter": day,
        "reviews": st.lists(
            st.fixed_dictionaries({"date": day, "by": person, "note": text.filter(bool)}),
            max_size=2,
        ),
        "assistant": person,
        "basic_on": day,
        "full_on": day,
        "status": choice(PairingStatus),
        "ended": day,
        **common,
    },
).map(Pairing.model_validate)


incident = st.fixed_dictionaries(
    {
        "id": st.from_regex(INCIDENT_ID, fullmatch=True).map(str.strip),
        "date": day,
        "title": one_line,
        "unit": person,
        "type": choice(IncidentType),
    },
    optional={
        "class": choice(AccidentClass),
        "code": st.text(_CHARS, min_size=1, max_size=10),
        "violation": st.fixed_dictionaries(
            {
                "kind": st.sampled_from(["rule", "discipline"]),
                "severity": st.sampled_from(["serious", "general"]),
                "person": person,
            }
        ),
        "description": text,
        "persons": st.lists(
            st.fixed_dictionaries(
                {"person": person, "role": st.sampled_from(["responsible", "involved", "witness"])}
            ),
            max_size=2,
        ),
        # a time line entry is a date, a date and time, or text such as "08:30"
        "timeline": st.lists(
            st.fixed_dictionaries(
                {
                    "at": day | st.datetimes(max_value=dt.datetime(2099, 1, 1)) | one_line,
                    "event": one_line,
                }
            ),
            max_size=3,
        ),
        "causes": st.lists(
            st.fixed_dictionaries(
                {
                    "element": choice(Element),
                    "text": with_words(text),
                    "kind": st.sampled_from(["subjective", "objective"]),
                }
            ),
            max_size=2,
        ),
        "measures": st.lists(action, max_size=2),
        "handover": st.fixed_dictionaries({"level": one_line, "date": day}),
        "status": choice(IncidentStatus),
        "closed": day,
        "reports": st.lists(st.from_regex(REPORT_ID, fullmatch=True).map(str.strip), max_size=2),
        **common,
    },
).map(Incident.model_validate)


def _path_of(record: Model) -> str:
    if isinstance(record, Report):
        return f"reports/{record.date:%Y/%m}/{record.id}.yaml"
    if isinstance(record, Incident):
        return f"incidents/{record.date:%Y}/{record.id}.yaml"
    assert isinstance(record, Pairing)
    return f"pairings/{record.start:%Y}/{record.id}.yaml"


def _read_back(root: Path, rel: str, text: str) -> Model:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")
    result = read_file(root, rel)
    assert result.parse_problem is None, (result.parse_problem, text)
    assert result.problems == [], (result.problems, text)
    assert result.record is not None
    return result.record


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(record=st.one_of(report, incident, pairing))
def test_property_valid_record_survives_write_load_fmt_load(record: Model, tmp_path: Path) -> None:
    rel = _path_of(record)
    kind = classify(PurePosixPath(rel))
    assert kind is not None
    written = record_text(record)
    assert _read_back(tmp_path, rel, written) == record
    formatted = format_text(written, kind.model)
    assert _read_back(tmp_path, rel, formatted) == record
    assert format_text(formatted, kind.model) == formatted


# Inputs that reach every stage: raw bytes stop at decoding, so most examples are a valid
# record with a few bytes changed, or YAML-ish text built from the characters that matter.
_VALID = (TINY / "reports/2026/11/R-20261101-0001.yaml").read_bytes()
_YAML_BITS = st.sampled_from(
    [
        "\n",
        " ",
        "  ",
        "- ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a ",
        "*a",
        "!!",
        "!x ",
        "? ",
        "---",
        "...",
        "#",
        "'",
        '"',
        "|",
        ">",
        "\t",
        "\r",
        "\x00",
        "\ufeff",
        "\u202e",
        "id",
        "date",
        "reporter",
        "summary",
        "actions",
        "owner",
        "due",
        "2026-11-10",
        "2026-13-40",
        "wang",
        "0123",
        "1e3",
        "no",
        "on",
        "null",
        "~",
        "true",
        "<<",
        "%YAML 1.1",
        "钩舌销",
        "9" * 30,
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(_VALID)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 8))
        data[at : at + cut] = draw(st.binary(max_size=6) | _YAML_BITS.map(str.encode))
    return bytes(data)


any_file = st.one_of(
    st.binary(max_size=300),
    mutated(),
    st.lists(_YAML_BITS, max_size=40).map(lambda bits: "".join(bits).encode()),
    st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")),
)


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=any_file)
def test_fuzz_any_bytes_as_a_record_give_findings_or_pass(content: bytes, tmp_path: Path) -> None:
    root = tmp_path / "records"
    if not root.exists():
        shutil.copytree(TINY, root)
    rel = "reports/2026/11/R-20261110-0001.yaml"
    (root / rel).write_bytes(content)
    result = check_tree(root, jobs=1)
    assert all(x.line >= 0 and x.col >= 0 for x in result.findings)
    assert all(x.path in (rel, "reports/2026/11/R-20261101-0001.yaml") for x in result.findings)
    for render in REPORTERS.values():
        assert isinstance(render(result.findings, root, result.files), str)
