"""Reporters render findings exactly as SPEC §3 says, whatever the findings hold."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from barrier_cli.core.findings import Finding, Severity
from barrier_cli.present.reporters import REPORTERS, as_json, display_path, github, text

REL = "reports/2026/11/R-20261110-0001.yaml"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "reports/2026/11").mkdir(parents=True)
    (tmp_path / REL).write_text(
        "id: R-20261110-0001\r\nreporter: 王建国\r\nrisk: hihg\r\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


CHOICE = Finding(
    REL, "choice", "risk: 'hihg' is not one of low, medium, high", 3, 7, hint="did you mean 'high'?"
)
PERSON = Finding(REL, "unknown-person", "reporter: no person '王建国'", 2, 11)
WHOLE = Finding(REL, "too-large", "52,428,800 bytes", severity=Severity.ERROR)
WARN = Finding("todo.yaml", "unknown-file", "not a known record kind", 1, 1, Severity.WARNING)


def test_text_shows_source_line_without_cr_and_a_caret_under_the_column(root: Path) -> None:
    assert text([CHOICE], root, 3) == (
        f"{REL}:3:7: error[choice]: risk: 'hihg' is not one of low, medium, high\n"
        "    risk: hihg\n"
        "          ^\n"
        "  hint: did you mean 'high'?\n"
        "1 error(s), 0 warning(s) in 3 file(s)\n"
    )


def test_the_caret_after_chinese_text_counts_two_cells_per_character(root: Path) -> None:
    finding = Finding(REL, "x", "m", 2, 14)
    assert text([finding], root, 1).splitlines()[2] == "    " + " " * (10 + 2 * 3) + "^"


def test_a_whole_file_finding_has_no_source_line(root: Path) -> None:
    assert text([WHOLE], root, 1).splitlines() == [
        f"{REL}:0:0: error[too-large]: 52,428,800 bytes",
        "1 error(s), 0 warning(s) in 1 file(s)",
    ]


def test_a_line_past_the_end_or_an_unreadable_file_shows_no_source(root: Path) -> None:
    beyond = Finding(REL, "syntax", "m", 40, 1)
    gone = Finding("reports/gone.yaml", "syntax", "m", 1, 1)
    assert text([beyond, gone], root, 2).count("^") == 0


def test_text_counts_errors_and_warnings(root: Path) -> None:
    assert text([CHOICE, WARN], root, 4).endswith("1 error(s), 1 warning(s) in 4 file(s)\n")
    assert text([], root, 4) == "4 file(s) checked, no findings\n"


def test_json_is_versioned_with_counts_and_findings_of_seven_keys(root: Path) -> None:
    out = as_json([PERSON, WHOLE, WARN], root, 1)
    assert "王建国" in out
    data = json.loads(out)
    assert {k: data[k] for k in ("schema", "files", "errors", "warnings")} == {
        "schema": 1,
        "files": 1,
        "errors": 2,
        "warnings": 1,
    }
    assert data["findings"][:2] == [
        {
            "path": REL,
            "line": 2,
            "col": 11,
            "severity": "error",
            "code": "unknown-person",
            "message": "reporter: no person '王建国'",
            "hint": "",
        },
        {
            "path": REL,
            "line": 0,
            "col": 0,
            "severity": "error",
            "code": "too-large",
            "message": "52,428,800 bytes",
            "hint": "",
        },
    ]


def test_github_annotations_escape_what_would_break_them(root: Path) -> None:
    tricky = Finding("a,b:c.yaml", "syntax", "50% done\nsecond line", 1, 1, hint="x")
    assert github([tricky, WHOLE, WARN], root, 1).splitlines() == [
        "::error file=a%2Cb%3Ac.yaml,line=1,col=1,title=barrier syntax::50%25 done%0Asecond line (x)",
        f"::error file={REL},title=barrier too-large::52,428,800 bytes",
        "::warning file=todo.yaml,line=1,col=1,title=barrier unknown-file::not a known record kind",
    ]


def test_paths_are_shown_from_the_working_directory_and_links_as_themselves(root: Path) -> None:
    (root / "reports/2026/11/link.yaml").symlink_to(root / REL)
    assert display_path(root, "reports/2026/11/link.yaml") == "reports/2026/11/link.yaml"
    assert display_path(root / "reports", "2026/11/x.yaml") == "reports/2026/11/x.yaml"
    assert display_path(Path("/elsewhere"), "x.yaml") == "/elsewhere/x.yaml"


def test_every_format_is_registered() -> None:
    assert sorted(REPORTERS) == ["github", "gitlab", "json", "junit", "text"]


def test_repeats_are_capped_per_file_and_code_and_counted(root: Path) -> None:
    other = "reports/2026/11/R-20261111-0001.yaml"
    many = [Finding(REL, "unknown-person", f"p{n}", 2, 11) for n in range(25)]
    many += [Finding(REL, "choice", f"c{n}", 3, 7) for n in range(3)]
    many += [Finding(other, "unknown-person", f"q{n}", 1, 1) for n in range(21)]
    many.sort(key=Finding.sort_key)
    out = text(many, root, 2)
    assert out.count("error[unknown-person]") == 40
    assert out.count("error[choice]") == 3
    assert f"{REL}: … and 5 more [unknown-person]" in out
    assert f"{other}: … and 1 more [unknown-person]" in out
    assert out.endswith("49 error(s), 0 warning(s) in 2 file(s)\n")
    assert len(json.loads(as_json(many, root, 2))["findings"]) == 49
    assert github(many, root, 2).count("::error ") == 49


def test_a_long_line_is_shown_around_the_column(root: Path) -> None:
    items = ", ".join(f"p{n}" for n in range(2000))
    (root / REL).write_text(f"persons: [{items}]\n", encoding="utf-8")
    col = len("persons: [") + items.index("p1000") + 1
    out = text([Finding(REL, "unknown-person", "no p1000", 1, col)], root, 1)
    source, caret = out.splitlines()[1:3]
    assert source.startswith("    …") and source.endswith("…")
    assert len(source) <= 4 + 160 + 2
    assert source[caret.index("^") :].startswith("p1000")


@pytest.mark.parametrize(
    ("base", "rel"),
    [
        (".", "reports/x.yaml"),
        ("reports", "../org.yaml"),
        ("reports/", "2026//11/./x.yaml"),
        ("..", "x.yaml"),
        ("/", "x.yaml"),
        ("/elsewhere/", "a/b.yaml"),
        (".", "."),
    ],
)
def test_a_shown_path_is_what_pathlib_makes_of_it(root: Path, base: str, rel: str) -> None:
    """The working directory and root are made absolute once per report: each path is still
    the one pathlib gives, relative where it lies below the working directory."""
    full = Path(os.path.abspath(Path(base) / rel))
    try:
        expected = full.relative_to(os.path.abspath(Path.cwd())).as_posix()
    except ValueError:
        expected = full.as_posix()
    assert display_path(Path(base), rel) == expected
