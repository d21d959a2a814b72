"""Every finding in one run, whatever the content is read from.

A schema error in one field never hides the reference, lifecycle or closure findings of the
others (the golden ``every-family-*`` cases show one of each at once); a finding that rests
on a value the schema refused waits for that value. ``check --staged`` reads the index with
the loader's own reader, so it says what ``check`` says of the same content.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from barrier_cli.cli.main import app
from barrier_cli.core import findings as f
from cli_helpers import copy_tiny

DATA = Path(__file__).resolve().parent.parent / "data" / "invalid"
REPORT = "reports/2026/11/R-20261110-0001.yaml"
CLOSED = """\
id: R-20261110-0001
date: 2026-11-10
reporter: wang
source: on_site
element: equipment
category: hazard
summary: 工具箱尖角
status: closed
closed: 2026-11-01
analysis:
  date: 2026-11-10
  by: wang
  cause: 工具箱制作时未倒角
actions:
  - action: 打磨圆角
    owner: wang
    due: 2026-11-12
    done: 2026-11-11
  - action: 全车间排查
    owner: li
    due: 2026-11-30
"""


def findings(root: Path, *args: str) -> list[tuple[str, str, int, int, str]]:
    result = CliRunner().invoke(
        app, ["--records", str(root), "check", "--no-cache", "--format", "json", *args]
    )
    assert result.exit_code in (0, 1), result.output
    return [
        (x["path"], x["code"], x["line"], x["col"], x["message"])
        for x in json.loads(result.stdout)["findings"]
    ]


def codes(root: Path, text: str) -> list[tuple[str, int]]:
    (root / REPORT).parent.mkdir(parents=True, exist_ok=True)
    (root / REPORT).write_text(text, encoding="utf-8")
    return [(code, line) for _, code, line, _, _ in findings(root)]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_tiny(tmp_path)


def test_closure_and_lifecycle_findings_show_beside_a_bad_owner(root: Path) -> None:
    found = codes(root, CLOSED.replace("owner: li", "owner: Li Ming"))
    assert (f.VALUE, 20) in found  # the owner's id
    assert (f.CLOSED_DATE, 9) in found
    assert (f.ACTION_NOT_DONE, 19) in found
    # the owner is unknown, not absent: no "has no owner", no lookup of a name never read
    assert not {f.ACTION_OWNER, f.UNKNOWN_PERSON} & {code for code, _ in found}


def test_closure_and_lifecycle_findings_show_beside_a_bad_due(root: Path) -> None:
    found = codes(root, CLOSED.replace("due: 2026-11-30", "due: 30.11.2026"))
    assert [code for code, _ in found] == [f.CLOSED_DATE, f.ACTION_NOT_DONE, f.BAD_DATE]
    assert f.ACTION_DUE not in {code for code, _ in found}


def test_a_finding_resting_on_a_refused_value_waits_for_it(root: Path) -> None:
    """With the report's date unreadable, 'closed before the date' and 'filed under the
    wrong month' cannot be said; the unknown reporter still is."""
    text = CLOSED.replace("date: 2026-11-10\nreporter: wang", "date: 2026-11-1o\nreporter: wamg")
    found = codes(root, text)
    assert [code for code, _ in found] == [f.BAD_DATE, f.UNKNOWN_PERSON, f.ACTION_NOT_DONE]


def test_a_missing_required_field_hides_nothing_else(root: Path) -> None:
    found = codes(
        root, CLOSED.replace("element: equipment\n", "").replace("wang\nsource", "x\nsource")
    )
    assert [code for code, _ in found] == [
        f.MISSING,
        f.UNKNOWN_PERSON,
        f.CLOSED_DATE,
        f.ACTION_NOT_DONE,
    ]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.mark.parametrize("case", ["report", "incident", "pairing"])
def test_check_staged_and_check_agree_on_the_same_content(root: Path, case: str) -> None:
    source = DATA / f"every-family-{case}.yaml"
    rel = source.with_suffix(".expected").read_text(encoding="utf-8").splitlines()[1]
    git(root, "init", "-q")
    git(
        root,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "0",
    )
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, root / rel)
    git(root, "add", "-A")
    plain = findings(root)
    assert len(plain) >= 3
    # the working file then changes: --staged must read the index, through the same reader
    (root / rel).write_text("id: [", encoding="utf-8")
    assert findings(root, "--staged") == plain


def test_a_record_with_hundreds_of_refused_values_is_not_salvaged(root: Path) -> None:
    """The schema errors are the work at hand; guessing over hundreds of unknowns would cost
    an untrusted tree seconds."""
    from barrier_cli.core.models.salvage import MAX_UNKNOWN
    from barrier_cli.io.loader import read_file

    many = "".join(f"  - action: 第{n}项\n    type: bad\n" for n in range(MAX_UNKNOWN + 1))
    (root / REPORT).parent.mkdir(parents=True, exist_ok=True)
    (root / REPORT).write_text(CLOSED.split("actions:")[0] + "actions:\n" + many, encoding="utf-8")
    result = read_file(root, REPORT)
    assert result.record is None and result.salvaged is None
    assert len(result.problems) == MAX_UNKNOWN + 1
    few = "".join(f"  - action: 第{n}项\n    type: bad\n" for n in range(MAX_UNKNOWN))
    (root / REPORT).write_text(CLOSED.split("actions:")[0] + "actions:\n" + few, encoding="utf-8")
    assert read_file(root, REPORT).salvaged is not None
