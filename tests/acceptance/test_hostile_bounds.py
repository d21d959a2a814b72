"""Bounds on every number, date, text and folder a records tree may hold (issue 11, items 8,
9 and 11): what later commands cannot handle, `check` refuses with one located finding."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from barrier_cli.core import tree_root
from cli_helpers import barrier, copy_tiny

REPORT = "reports/2026/11/R-20261110-0001.yaml"
HEAD = """\
id: R-20261110-0001
date: 2026-11-10
reporter: wang
source: on_site
element: equipment
category: hazard
summary: 钩舌销从侧架脱出
"""
INCIDENT = "incidents/2026/I-20261105-01.yaml"
INCIDENT_HEAD = """\
id: I-20261105-01
date: 2026-11-05
title: 风表遗留车上被带走
unit: B1-G1
type: precursor
"""
PAIRING = "pairings/2026/P-20260901-01.yaml"
ASSESSMENT = "assessments/2026/11/A-2026-11-wang.yaml"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return copy_tiny(tmp_path)


class Cli:
    """`barrier` run in-process through its real entry point, exit codes mapped as a user
    sees them (`cli.main.run`: a BarrierError is one line and exit 1, a crash exit 3)."""

    def __call__(self, root: Path, *args: str) -> tuple[int, str, str]:
        # the tiny tree is Chinese; these tests read the English messages
        done = barrier(root, "--lang", "en", *args)
        return done.returncode, done.stdout, done.stderr


@pytest.fixture
def cli() -> Cli:
    return Cli()


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def findings(cli: Cli, root: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    code, out, err = cli(root, "check", "--no-cache", "--format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)["findings"]


def only_finding(cli: Cli, root: Path) -> dict[str, Any]:
    code, found = findings(cli, root)
    assert code == 1
    assert len(found) == 1, found
    return found[0]


# --- settings with absurd values -------------------------------------------------------------


def settings_refused(cli: Cli, root: Path, extra: str, field: str) -> dict[str, Any]:
    with (root / "barrier.yaml").open("a", encoding="utf-8") as fh:
        fh.write(extra)
    found = only_finding(cli, root)
    assert (found["path"], found["code"]) == ("records/barrier.yaml", "value")
    assert found["message"].startswith(f"{field}: ")
    # the tiny tree's settings hold three lines; the value is on the last line added
    assert found["line"] == 3 + extra.count("\n")
    return found


def test_absurd_pairing_months_refused(cli: Cli, root: Path) -> None:
    found = settings_refused(
        cli, root, "deadlines:\n  pairing_basic_months: 200000\n", "deadlines.pairing_basic_months"
    )
    assert "60" in found["message"]


def test_absurd_correction_days_refused(cli: Cli, root: Path) -> None:
    found = settings_refused(
        cli, root, "notice:\n  correction_days: 3000000\n", "notice.correction_days"
    )
    assert "3650" in found["message"]


def test_absurd_analyse_days_refused(cli: Cli, root: Path) -> None:
    settings_refused(cli, root, f"deadlines:\n  analyse_days: {10**10}\n", "deadlines.analyse_days")


def test_astronomic_risk_weight_refused(cli: Cli, root: Path) -> None:
    found = settings_refused(cli, root, f"risk_weights:\n  high: {10**4000}\n", "risk_weights.high")
    assert "1000" in found["message"]


def test_huge_notice_number_width_refused(cli: Cli, root: Path) -> None:
    found = settings_refused(
        cli, root, "notice:\n  number: '〔{year}〕{seq:>1500000000}号'\n", "notice.number"
    )
    assert "{seq:>1500000000}" in found["message"]


@pytest.mark.parametrize("number", ["{year.__class__}", "{year[0]}", "{seq!r}", "{0}", "{}"])
def test_notice_number_attribute_access_refused(cli: Cli, root: Path, number: str) -> None:
    settings_refused(cli, root, f"notice:\n  number: '{number}'\n", "notice.number")


def test_notice_number_with_newline_refused(cli: Cli, root: Path) -> None:
    settings_refused(cli, root, 'notice:\n  number: "〔{year}〕\\n{seq}号"\n', "notice.number")


def test_notice_number_of_year_and_small_width_accepted(cli: Cli, root: Path) -> None:
    with (root / "barrier.yaml").open("a", encoding="utf-8") as fh:
        fh.write("notice:\n  number: '车间党总支〔{year}〕{seq:03d}号 {{副本}}'\n")
    assert findings(cli, root) == (0, [])


@pytest.mark.parametrize("zone", ["Asia/Beijing", "Asia", "zone.tab", "../../etc/passwd"])
def test_unknown_timezone_refused(cli: Cli, root: Path, zone: str) -> None:
    found = settings_refused(cli, root, f"timezone: {zone}\n", "timezone")
    assert "Asia/Shanghai" in found["message"]


def test_settings_maxima_are_in_the_schema(cli: Cli, root: Path) -> None:
    _code, out, _ = cli(root, "schema", "settings")
    schema = json.loads(out)
    deadlines = schema["$defs"]["Deadlines"]["properties"]
    assert deadlines["pairing_basic_months"]["maximum"] == 60
    assert deadlines["analyse_days"]["maximum"] == 3650
    assert schema["properties"]["timezone"]["default"] == "Asia/Shanghai"


# --- numbers that are not numbers ------------------------------------------------------------


ASSESSMENT_TEXT = """\
id: A-2026-11-wang
period: 2026-11
subject: wang
standard: member
items:
  - item: rules
    score: 20
deductions:
  - item: rules
    points: {points}
    reason: 违章作业
date: 2026-11-20
"""


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} in JSON output")


@pytest.mark.parametrize("points", [".inf", "-.inf", ".nan"])
def test_infinite_points_refused(cli: Cli, root: Path, points: str) -> None:
    write(root, ASSESSMENT, ASSESSMENT_TEXT.format(points=points))
    found = only_finding(cli, root)
    assert (found["code"], found["line"], found["col"]) == ("value", 10, 13)
    assert "finite" in found["message"]
    code, out, err = cli(root, "analyze", "--month", "2026-11", "--format", "json")
    assert code == 0, err
    json.loads(out, parse_constant=_no_constant)


# --- organisation ----------------------------------------------------------------------------


def test_org_parent_cycle_refused(cli: Cli, root: Path) -> None:
    org = (root / "org.yaml").read_text(encoding="utf-8")
    org = org.replace("    kind: general_branch\n", "    kind: general_branch\n    parent: B1-G1\n")
    (root / "org.yaml").write_text(org, encoding="utf-8")
    found = only_finding(cli, root)
    assert (found["path"], found["code"], found["line"]) == ("records/org.yaml", "org", 5)
    assert "GB → B1-G1 → B1 → GB" in found["message"]


def test_org_self_parent_refused(cli: Cli, root: Path) -> None:
    org = (root / "org.yaml").read_text(encoding="utf-8")
    org = org.replace("    kind: branch\n    parent: GB\n", "    kind: branch\n    parent: B1\n")
    (root / "org.yaml").write_text(org, encoding="utf-8")
    found = only_finding(cli, root)
    assert (found["code"], found["message"]) == ("org", "unit 'B1' is its own parent")


# --- dates in the wrong order ----------------------------------------------------------------


def test_action_done_before_report_refused(cli: Cli, root: Path) -> None:
    write(
        root,
        REPORT,
        HEAD + "actions:\n  - action: 打磨\n    owner: wang\n    due: 2026-11-20\n"
        "    done: 2026-11-09\n",
    )
    found = only_finding(cli, root)
    assert (found["code"], found["line"]) == ("date-order", 12)


def test_closed_before_analysed_refused(cli: Cli, root: Path) -> None:
    write(
        root,
        REPORT,
        HEAD + "status: closed\nclosed: 2026-11-11\n"
        "analysis:\n  date: 2026-11-12\n  by: wang\n  cause: 未倒角\n",
    )
    found = only_finding(cli, root)
    assert (found["code"], found["line"]) == ("date-order", 9)
    assert "before analysed (2026-11-12)" in found["message"]


def test_pairing_review_before_start_refused(cli: Cli, root: Path) -> None:
    write(
        root,
        PAIRING,
        "id: P-20260901-01\nmentor: wang\nperson: li\nunit: B1-G1\nstart: 2026-09-01\n"
        "reasons: [low_skill]\nbasic_on: 2026-11-01\n"
        "reviews:\n  - date: 2026-08-20\n    by: wang\n    note: 谈心\n",
    )
    # The pairing also lacks its 责任书 and the review its 五勤/四同 (warnings of their own).
    code, found = findings(cli, root)
    errors = [(f["code"], f["line"]) for f in found if f["severity"] == "error"]
    assert code == 1 and errors == [("date-order", 9)]


def test_amendment_before_record_refused(cli: Cli, root: Path) -> None:
    write(
        root, REPORT, HEAD + "amendments:\n  - date: 2026-11-01\n    by: wang\n    reason: 更正\n"
    )
    found = only_finding(cli, root)
    assert (found["code"], found["line"]) == ("date-order", 9)


def test_accountability_before_incident_refused(cli: Cli, root: Path) -> None:
    write(
        root,
        INCIDENT,
        INCIDENT_HEAD
        + "accountability:\n  - person: li\n    action: warned\n    date: 2026-11-01\n",
    )
    found = only_finding(cli, root)
    assert (found["code"], found["line"]) == ("date-order", 9)


def test_person_leaving_before_joining_refused(cli: Cli, root: Path) -> None:
    org = (root / "org.yaml").read_text(encoding="utf-8")
    org = org.replace("    since: 2020-01-01\n", "    since: 2020-01-01\n    until: 2019-12-31\n")
    (root / "org.yaml").write_text(org, encoding="utf-8")
    code, found = findings(cli, root)
    assert code == 1
    assert ("records/org.yaml", "date-order") in {(x["path"], x["code"]) for x in found}


def test_amendment_in_future_refused(cli: Cli, root: Path) -> None:
    write(
        root, REPORT, HEAD + "amendments:\n  - date: 2026-12-01\n    by: wang\n    reason: 更正\n"
    )
    found = only_finding(cli, root)
    assert (found["code"], found["line"]) == ("future-date", 9)


# --- 三不放过 needs words ----------------------------------------------------------------------


BLANK_CASES = {
    "cause": (
        INCIDENT,
        INCIDENT_HEAD
        + "causes:\n  - element: personnel\n    text: '{text}'\n    kind: subjective\n",
        "causes[0].text",
    ),
    "responsibility": (
        INCIDENT,
        INCIDENT_HEAD + "responsibility:\n  - person: wang\n    finding: '{text}'\n",
        "responsibility[0].finding",
    ),
    "measure": (
        INCIDENT,
        INCIDENT_HEAD + "measures:\n  - action: '{text}'\n    owner: wang\n    due: 2026-11-30\n",
        "measures[0].action",
    ),
    "education": (
        INCIDENT,
        INCIDENT_HEAD + "education:\n  - date: 2026-11-06\n    content: '{text}'\n",
        "education[0].content",
    ),
    "analysis": (
        REPORT,
        HEAD + "status: analysed\nanalysis:\n  date: 2026-11-10\n  by: wang\n  cause: '{text}'\n",
        "analysis.cause",
    ),
}


@pytest.mark.parametrize("text", [" ", ".", "。、…", "-- !"])
@pytest.mark.parametrize("case", sorted(BLANK_CASES))
def test_blank_text_where_three_not_let_go_needs_content_refused(
    cli: Cli, root: Path, case: str, text: str
) -> None:
    rel, body, field = BLANK_CASES[case]
    write(root, rel, body.format(text=text))
    found = only_finding(cli, root)
    assert found["code"] == "value"
    assert found["message"].startswith(f"{field}: ")


# --- characters that show as nothing ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "char"),
    [
        ("tag", "\U000e0041"),
        ("tag-cancel", "\U000e007f"),
        ("hangul-filler", "\u3164"),
        ("halfwidth-hangul-filler", "\uffa0"),
        ("soft-hyphen", "\u00ad"),
        ("mongolian-vowel-separator", "\u180e"),
        ("word-joiner", "\u2060"),
        ("zero-width-joiner", "\u200d"),
        ("first-strong-isolate", "\u2068"),
    ],
)
def test_invisible_tag_characters_refused(cli: Cli, root: Path, name: str, char: str) -> None:
    write(root, REPORT, HEAD.replace("钩舌销", f"钩舌{char}销"))
    found = only_finding(cli, root)
    assert (found["code"], found["line"], found["col"]) == ("control-char", 7, 12)
    assert f"U+{ord(char):04X}" in found["message"]


@pytest.mark.parametrize("written", ["\ufe0f", '"\ufe0f"', '"\\ufe0f"', '" \ufe0f"'])
def test_lone_variation_selector_refused(cli: Cli, root: Path, written: str) -> None:
    write(root, REPORT, HEAD + f"details: {written}\n")
    found = only_finding(cli, root)
    assert (found["code"], found["line"]) == ("control-char", 8)
    assert "U+FE0F" in found["message"]


def test_emoji_with_its_variation_selector_accepted(cli: Cli, root: Path) -> None:
    write(root, REPORT, HEAD + "details: 班组点赞👍\ufe0f，警示⚠\ufe0f已张贴\n")
    assert findings(cli, root) == (0, [])


# --- today and periods -----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["garbage", "2026-13-01", "20261124", "2026-11-24T01:00", " "])
def test_today_garbage_exit_1(
    cli: Cli, root: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("BARRIER_TODAY", value)
    code, _out, err = cli(root, "check")
    assert code == 1
    assert err.splitlines() == [
        f"barrier: error: BARRIER_TODAY={value!r} is not a date; write YYYY-MM-DD or unset it"
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "--month", "0000-01"],
        ["notice", "--month", "0000-01"],
        ["list", "report", "--month", "0000-12"],
        ["assess", "--quarter", "0000-Q1"],
        ["assess", "--month", "9999-12"],
    ],
    ids=" ".join,
)
def test_month_or_quarter_of_year_zero_exit_1(cli: Cli, root: Path, args: list[str]) -> None:
    code, _out, err = cli(root, *args)
    assert code == 1
    assert len(err.splitlines()) == 1 and "the year must be between 1900 and 2999" in err


def test_month_last_at_year_one_exit_1(
    cli: Cli, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BARRIER_TODAY", "0001-01-01")
    code, _out, err = cli(root, "analyze", "--month", "last")
    assert code == 1
    assert len(err.splitlines()) == 1 and "the year must be between 1900 and 2999" in err


# --- time zone -------------------------------------------------------------------------------


@pytest.fixture
def beijing_one_am(monkeypatch: pytest.MonkeyPatch) -> None:
    """01:00 on 25 November in Beijing: 17:00 UTC on the 24th, a UTC runner's 'today'."""
    monkeypatch.delenv("BARRIER_TODAY")
    moment = dt.datetime(2026, 11, 24, 17, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(tree_root, "now", lambda: moment)


NIGHT_SHIFT = HEAD.replace("2026-11-10", "2026-11-25").replace("20261110", "20261125")


@pytest.mark.usefixtures("beijing_one_am")
@pytest.mark.parametrize("cache", [["--no-cache"], []], ids=["uncached", "cached"])
def test_night_shift_record_passes_future_date_on_utc_runner(
    cli: Cli, root: Path, cache: list[str]
) -> None:
    write(root, "reports/2026/11/R-20261125-0001.yaml", NIGHT_SHIFT.replace("-0001", "-0001"))
    code, out, err = cli(root, "check", *cache)
    assert code == 0, out + err


@pytest.mark.usefixtures("beijing_one_am")
def test_timezone_setting_decides_today(cli: Cli, root: Path) -> None:
    write(root, "reports/2026/11/R-20261125-0001.yaml", NIGHT_SHIFT)
    with (root / "barrier.yaml").open("a", encoding="utf-8") as fh:
        fh.write("timezone: UTC\n")
    code, found = findings(cli, root)
    assert code == 1
    assert [x["code"] for x in found] == ["future-date"]


@pytest.mark.usefixtures("beijing_one_am")
def test_report_add_dates_today_in_the_trees_zone(cli: Cli, root: Path) -> None:
    code, _out, err = cli(
        root,
        "report",
        "add",
        "--no-input",
        "--reporter",
        "wang",
        "--source",
        "on_site",
        "--element",
        "equipment",
        "--category",
        "hazard",
        "--summary",
        "夜班发现闸瓦磨耗到限",
    )
    assert code == 0, err
    assert list((root / "reports/2026/11").glob("R-20261125-*.yaml"))


def test_init_workflows_set_the_time_zone(cli: Cli, tmp_path: Path) -> None:
    project = tmp_path / "new"
    code, _out, err = cli(tmp_path / "unused", "init", str(project))
    assert code == 0, err
    github = (project / ".github/workflows/barrier.yml").read_text(encoding="utf-8")
    gitlab = (project / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert '      TZ: "Asia/Shanghai"\n' in github
    assert '    TZ: "Asia/Shanghai"\n' in gitlab
    settings = (project / "records/barrier.yaml").read_text(encoding="utf-8")
    assert "\ntimezone: Asia/Shanghai\n" in settings


# --- folders that cannot be listed, names that are not read ----------------------------------


@pytest.fixture
def unlistable_reports(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``reports/2026`` refuses to be listed, as a chmod 000 folder does for a user (the tests
    run as root, who may list anything)."""
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.fspath(path).replace(os.sep, "/").endswith("/reports/2026"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.usefixtures("unlistable_reports")
@pytest.mark.parametrize(
    "cache", [["--no-cache"], [], ["--jobs", "1"]], ids=["uncached", "cached", "cached-one-job"]
)
def test_unlistable_folder_is_a_finding(cli: Cli, root: Path, cache: list[str]) -> None:
    for _ in range(2):  # the second run may answer from what the first one stored
        code, out, err = cli(root, "check", "--format", "json", *cache)
        assert code == 1, err
        found = json.loads(out)["findings"]
        assert [(x["path"], x["code"]) for x in found] == [("records/reports/2026", "unreadable")]
        assert "cannot list this folder (Permission denied)" in found[0]["message"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists a chmod 000 folder all the same")
def test_chmod_000_folder_is_a_finding(cli: Cli, root: Path) -> None:
    folder = root / "reports/2026"
    folder.chmod(0)
    try:
        code, found = findings(cli, root)
    finally:
        folder.chmod(0o755)
    assert code == 1
    assert [(x["path"], x["code"]) for x in found] == [("records/reports/2026", "unreadable")]


@pytest.mark.parametrize(
    "name", ["R-20261110-0001.YAML", "R-20261110-0001.Yml", "x.yml.orig", "x.yaml.orig", "x.yaml~"]
)
@pytest.mark.parametrize("cache", [["--no-cache"], []], ids=["uncached", "cached"])
def test_stray_yaml_names_warned(cli: Cli, root: Path, name: str, cache: list[str]) -> None:
    assert cli(root, "check", *cache)[0] == 0  # a cached run before the file comes
    write(root, f"reports/2026/11/{name}", HEAD)
    code, out, err = cli(root, "check", "--format", "json", *cache)
    assert code == 0, err
    found = json.loads(out)["findings"]
    assert [(x["path"], x["code"], x["severity"]) for x in found] == [
        (f"records/reports/2026/11/{name}", "unknown-file", "warning")
    ]
    assert f"'{name}' is not read" in found[0]["message"]
    assert cli(root, "check", "--strict", *cache)[0] == 1


# --- many findings ---------------------------------------------------------------------------


def many_persons(root: Path, count: int) -> None:
    write(root, REPORT, HEAD + "persons:\n" + "".join(f"  - p{n}\n" for n in range(count)))


def test_repeated_findings_capped_in_text_kept_in_json(cli: Cli, root: Path) -> None:
    many_persons(root, 60)
    code, out, _err = cli(root, "check", "--no-cache")
    assert code == 1
    assert out.count("error[unknown-person]") == 20
    assert f"{REPORT}: … and 40 more [unknown-person]" in out.replace("records/", "", 1)
    assert out.endswith("60 error(s), 0 warning(s) in 6 file(s)\n")
    assert len(findings(cli, root)[1]) == 60


def test_many_findings_in_one_file_read_it_once(
    cli: Cli, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20,000 list items once took 88 s: the text output re-read the file for each finding."""
    from barrier_cli.present import reporters

    many_persons(root, 2000)
    monkeypatch.setattr(reporters, "REPEATS_SHOWN", 10**9)
    opened: list[Path] = []
    real_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    from barrier_cli.checks.run import check_tree

    result = check_tree(root)
    monkeypatch.setattr(Path, "open", counting_open)
    text = reporters.text(result.findings, root, result.files)
    assert text.count("error[unknown-person]") == 2000
    assert text.count("    - p1999\n") == 1
    assert opened == [root / REPORT]


def test_org_cycle_behind_a_long_chain_found_once_in_linear_time(cli: Cli, root: Path) -> None:
    """A chain of 3,000 units ending in a circle of two: each unit is walked over once."""
    from barrier_cli.checks.refs import circles

    units = "".join(
        f"  - id: U{n}\n    name: 单位{n}\n    kind: group\n    parent: U{n + 1}\n"
        for n in range(3000)
    )
    units += "  - id: U3000\n    name: 单位\n    kind: group\n    parent: U2999\n"
    write(root, "org.yaml", "units:\n" + units)
    _, found = findings(cli, root)
    assert [x["message"] for x in found if x["path"] == "records/org.yaml"] == [
        "units' parents go round in a circle: U2999 → U3000 → U2999"
    ]

    class Counting(dict[str, str | None]):
        lookups = 0

        def __getitem__(self, key: str) -> str | None:
            Counting.lookups += 1
            return super().__getitem__(key)

    chain = Counting({f"U{n}": f"U{n + 1}" for n in range(3000)} | {"U3000": "U2999"})
    assert list(circles(chain)) == [["U2999", "U3000"]]
    assert Counting.lookups == 3001
