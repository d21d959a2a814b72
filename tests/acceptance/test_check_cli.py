"""`barrier check` as a user runs it: exit codes, the three formats of SPEC §3, positions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import cli_helpers
from cli_helpers import Ran, copy_tiny

DATA = Path(__file__).resolve().parents[1] / "data"
REPORT = "reports/2026/11/R-20261110-0001.yaml"
HEAD = """\
id: R-20261110-0001
date: 2026-11-10
reporter: wang
source: on_site
element: equipment
category: hazard
"""


def barrier(cwd: Path, *args: str) -> Ran:
    return cli_helpers.barrier(None, *args, cwd=cwd)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The tiny tree (it passes), as a user's checkout: run from the folder above it."""
    return copy_tiny(tmp_path)


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_a_clean_tree_exits_0(root: Path) -> None:
    done = barrier(root.parent, "check")
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "5 file(s) checked, no findings\n",
        "",
    )


def test_text_format_is_location_code_message_source_caret_hint(root: Path) -> None:
    write(root, REPORT, HEAD + "summary: 车轮踏面擦伤\nrisk: hihg\n")
    done = barrier(root.parent, "check")
    assert done.returncode == 1
    assert done.stdout == (
        "records/reports/2026/11/R-20261110-0001.yaml:8:7: error[choice]: "
        "risk: 'hihg' is not one of low, medium, high\n"
        "    risk: hihg\n"
        "          ^\n"
        "  hint: did you mean 'high'?\n"
        "1 error(s), 0 warning(s) in 6 file(s)\n"
    )
    assert done.stderr == ""


def test_the_caret_counts_chinese_characters_as_two_columns(root: Path) -> None:
    write(root, REPORT, HEAD + "summary: x\nkeys: [列车, post, 人]\n")
    out = barrier(root.parent, "check").stdout.splitlines()
    assert out[3].endswith(
        ":8:18: error[choice]: keys[2]: '人' is not one of " + "train, group, post, link, person"
    )
    assert out[4:6] == ["    keys: [列车, post, 人]", "    " + " " * 19 + "^"]


def test_json_format_lists_every_finding_with_the_spec_keys(root: Path) -> None:
    write(root, REPORT, HEAD + "summary: 车轮踏面擦伤\nrisk: hihg\ntrain: 41008\n")
    done = barrier(root, "check", "--format", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["findings"] == [
        {
            "path": REPORT,
            "line": 8,
            "col": 7,
            "severity": "error",
            "code": "choice",
            "message": "risk: 'hihg' is not one of low, medium, high",
            "hint": "did you mean 'high'?",
        },
        {
            "path": REPORT,
            "line": 9,
            "col": 8,
            "severity": "error",
            "code": "type",
            "message": "train: Input should be a valid string, got a number",
            "hint": "put it in quotes exactly as written (YAML read it as the number 41008)",
        },
    ]


def test_json_of_a_clean_tree_is_an_empty_list(root: Path) -> None:
    done = barrier(root, "check", "--format", "json")
    assert (done.returncode, json.loads(done.stdout)["findings"]) == (0, [])


def test_github_format_is_one_annotation_per_finding(root: Path) -> None:
    write(root, REPORT, HEAD + "summary: 车轮踏面擦伤\nrisk: hihg\n")
    done = barrier(root, "check", "--format", "github")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"::error file={REPORT},line=8,col=7,title=barrier choice::"
        "risk: 'hihg' is not one of low, medium, high (did you mean 'high'?)"
    ]


def test_malformed_yaml_points_at_the_line(root: Path) -> None:
    write(root, REPORT, HEAD + "summary: 钩舌销脱出\nkeys: [train, post\nactions: []\n")
    done = barrier(root, "check", "--format", "json")
    [finding] = json.loads(done.stdout)["findings"]
    assert (done.returncode, finding["code"], finding["line"], finding["col"]) == (
        1,
        "syntax",
        9,
        8,
    )
    assert "began on line 8" in finding["message"]


def test_a_wrong_type_in_a_nested_list_item_points_at_its_line(root: Path) -> None:
    actions = (
        "actions:\n"
        "  - action: 更换制动梁\n"
        "    owner: wang\n"
        "    due: 2026-11-12\n"
        "  - action: 全列检查\n"
        "    owner: li\n"
        "    due: 2026-11-15\n"
        "    done: 明天\n"
    )
    write(root, REPORT, HEAD + "summary: 制动梁端轴断裂\n" + actions)
    done = barrier(root.parent, "check")
    assert done.returncode == 1
    assert done.stdout.startswith(
        "records/reports/2026/11/R-20261110-0001.yaml:15:11: error[bad-date]: "
        "actions[1].done: '明天' is not a real date in YYYY-MM-DD form\n"
        "        done: 明天\n"
        "              ^\n"
    )


def test_every_finding_in_every_file_is_reported(root: Path) -> None:
    write(root, REPORT, HEAD + "summary: 多处问题\nsumary: 拼错\nrisk: 3\nunit: B9\n")
    write(root, "reports/2026/11/R-20261111-0001.yaml", HEAD + "summary: [未闭合\n")
    write(
        root,
        "reports/2026/11/R-20261112-0001.yaml",
        HEAD.replace("wang", "nobody") + "summary: x\n",
    )
    done = barrier(root, "check", "--format", "json")
    found = [
        (Path(x["path"]).stem[-6:], x["code"], x["line"])
        for x in json.loads(done.stdout)["findings"]
    ]
    assert done.returncode == 1
    assert found == [
        ("0-0001", "unknown-key", 8),
        ("0-0001", "choice", 9),
        # The record fails its schema, yet its references are still checked.
        ("0-0001", "unknown-unit", 10),
        ("1-0001", "syntax", 8),
        ("2-0001", "duplicate-id", 1),
        ("2-0001", "id-mismatch", 1),
        ("2-0001", "unknown-person", 3),
    ]


def test_warnings_pass_unless_strict(root: Path) -> None:
    write(root, "notes.yaml", "todo: 整理台账\n")
    assert barrier(root, "check").returncode == 0
    strict = barrier(root, "check", "--strict")
    assert strict.returncode == 1
    assert "notes.yaml:1:1: warning[unknown-file]" in strict.stdout


def test_paths_limit_what_is_reported(root: Path) -> None:
    write(root, REPORT, HEAD + "summary: x\nrisk: hihg\n")
    assert barrier(root, "check", "standards").returncode == 0
    assert barrier(root, "check", "reports/2026/11").returncode == 1


@pytest.mark.parametrize(
    "args",
    [["check", "--format", "xml"], ["check", "--no-such-option"], ["no-such-command"]],
)
def test_usage_errors_exit_2(root: Path, args: list[str]) -> None:
    done = barrier(root, *args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_no_tree_is_one_clear_line_and_exit_1(tmp_path: Path) -> None:
    done = barrier(tmp_path, "check")
    assert done.returncode == 1
    assert done.stderr.startswith("barrier: error: no records tree here or above")
    assert len(done.stderr.splitlines()) == 1


def test_a_path_outside_the_tree_is_refused(root: Path, tmp_path: Path) -> None:
    done = barrier(root, "--records", str(root), "check", str(tmp_path))
    assert done.returncode == 1
    assert "not inside the records tree" in done.stderr
    assert "Traceback" not in done.stderr


def test_every_hostile_input_at_once_is_reported_without_a_traceback(root: Path) -> None:
    """All stored invalid and hostile cases in one tree, each at a path of its own."""
    cases = sorted((DATA / "hostile").glob("*.yaml")) + sorted((DATA / "invalid").glob("*.yaml"))
    for n, case in enumerate(cases):
        if case.stem in ("org", "unknown-file"):
            continue
        day = f"2026{(n % 9) + 1:02d}{(n % 28) + 1:02d}"
        rel = f"reports/2026/{day[4:6]}/R-{day}-{n:04d}.yaml"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case, root / rel)
    (root / "reports/2026/01/R-20260101-BOMB.yaml").write_bytes(b"\xef\xbb\xbf" + HEAD.encode())
    (root / "reports/2026/01/R-20260101-GBK0.yaml").write_bytes(
        HEAD.encode() + "摘要".encode("gbk")
    )
    done = barrier(root, "check", "--format", "json")
    assert done.returncode == 1
    assert done.stderr == ""
    flagged = {x["path"] for x in json.loads(done.stdout)["findings"]}
    placed = {p.relative_to(root).as_posix() for p in root.glob("reports/2026/*/*.yaml")}
    placed.discard("reports/2026/11/R-20261101-0001.yaml")  # the tiny tree's own report
    assert len(placed) == len(cases) - 2 + 2
    assert placed <= flagged
