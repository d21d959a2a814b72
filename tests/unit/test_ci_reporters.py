"""`check --format gitlab` (GitLab Code Quality) and `--format junit` hold what those tools read."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from barrier_cli.core.findings import Finding, Severity
from barrier_cli.present.reporters import gitlab, junit

REL = "reports/2026/11/R-20261110-0001.yaml"
CHOICE = Finding(REL, "choice", "risk: 'hihg' is not one of low, medium, high", 3, 7, hint="high?")
WHOLE = Finding(REL, "too-large", "52,428,800 bytes")
WARN = Finding("todo.yaml", "unknown-file", "not a <known> record & kind", 1, 1, Severity.WARNING)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_gitlab_code_quality_has_the_fields_gitlab_reads(root: Path) -> None:
    issues = json.loads(gitlab([CHOICE, WHOLE, WARN], root, 3))
    assert [set(i) for i in issues] == [
        {"description", "check_name", "fingerprint", "severity", "location"}
    ] * 3
    assert issues[0]["location"] == {"path": REL, "lines": {"begin": 3}}
    assert issues[0]["description"].endswith("(high?)") and issues[0]["check_name"] == "choice"
    assert issues[1]["location"]["lines"]["begin"] == 1  # a whole-file finding: line 1
    assert [i["severity"] for i in issues] == ["major", "major", "minor"]
    assert len({i["fingerprint"] for i in issues}) == 3
    assert gitlab([], root, 3) == "[]\n"


def test_gitlab_fingerprints_survive_a_moved_line_and_tell_repeats_apart(root: Path) -> None:
    moved = Finding(REL, "choice", CHOICE.message, 9, 7, hint="high?")
    first = json.loads(gitlab([CHOICE], root, 1))[0]["fingerprint"]
    assert json.loads(gitlab([moved], root, 1))[0]["fingerprint"] == first
    twice = json.loads(gitlab([CHOICE, moved], root, 1))
    assert twice[0]["fingerprint"] != twice[1]["fingerprint"]


def test_junit_is_xml_with_a_failed_case_per_file_with_errors(root: Path) -> None:
    suite = ET.fromstring(junit([CHOICE, WHOLE, WARN], root, 5))
    assert suite.tag == "testsuite"
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {REL, "todo.yaml", "3 file(s) without findings"}
    failure = cases[REL].find("failure")
    assert failure is not None and failure.get("type") == "choice"
    assert failure.text is not None and "too-large" in failure.text
    out = cases["todo.yaml"].find("system-out")
    assert out is not None and out.text is not None and "<known> record & kind" in out.text
    clean = ET.fromstring(junit([], root, 4))
    assert (clean.get("tests"), clean.get("failures")) == ("1", "0")
