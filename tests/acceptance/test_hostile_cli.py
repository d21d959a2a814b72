"""Hostile input given to the commands that write: what check refuses never gets written."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from entry_helpers import env, snapshot

from cli_helpers import ADD_REPORT, barrier_process, copy_tiny
from cli_helpers import barrier as cli_barrier

RECORD = "reports/2026/11/R-20261101-0001.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_tiny(tmp_path)


def barrier(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """A process, so that an endless read or render is a timeout, not a hung test run (a
    generous one: the render budgets are CPU seconds, slow to pass under pytest -n 16)."""
    return barrier_process(root, *args, stdin=stdin, env=env(root.parent), timeout=600)


@pytest.mark.parametrize("summary", ["制动梁\u202e已处理", "零宽\u200b空格", "空字符\x01"])
def test_add_refuses_hidden_characters_that_check_would_refuse(root: Path, summary: str) -> None:
    before = snapshot(root)
    done = barrier(root, *ADD_REPORT, "--summary", summary)
    assert done.returncode == 1
    assert "含有控制字符" in done.stderr and "未写入任何内容" in done.stderr
    assert snapshot(root) == before


@pytest.mark.parametrize("source", ["/dev/zero", "-"])
def test_add_from_an_endless_source_is_refused_at_once(root: Path, source: str) -> None:
    # an endless read would hang: the helper's timeout fails the test then
    done = barrier(
        root, *ADD_REPORT, "--from", source, stdin=b"\0" * 2_000_000 if source == "-" else None
    )
    assert done.returncode == 1
    assert "一条记录最多 1,000,000" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["show", "../../etc/passwd"],
        ["show", "R-../../x"],
        ["action", "done", "../../etc/passwd", "--no-input"],
        ["list", "../x"],
    ],
)
def test_ids_that_try_to_leave_the_tree_are_refused(root: Path, args: list[str]) -> None:
    done = barrier(root, *args)
    assert done.returncode == 1
    assert done.stderr.startswith("barrier: error: ") and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["notice", "--month", "2026-11", "--issue", "--out", RECORD],
        ["analyze", "--month", "2026-11", "--format", "md", "--out", "org.yaml"],
    ],
)
def test_a_document_never_overwrites_a_record(root: Path, args: list[str]) -> None:
    before = snapshot(root)
    done = cli_barrier(None, *args, cwd=root)
    assert done.returncode == 1
    assert "记录目录内的 YAML 文件会被当作记录读取" in done.stderr
    assert snapshot(root) == before  # nor was a notice number used up


def test_a_document_goes_where_the_user_says_outside_the_tree(root: Path) -> None:
    out = root.parent / "通报.md"
    done = barrier(root, "notice", "--month", "2026-11", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize(
    "body",
    [
        "{{ nosuch }}",  # StrictUndefined
        "{% if %}",  # syntax
        "{{ 1 / 0 }}",
        "{% for i in range(10**9) %}{% endfor %}",
        "{{ ''.__class__.__mro__ }}",  # the sandbox
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        '{{ "哈" * 10**10 }}',  # would need 30 GB
    ],
)
def test_a_broken_tree_template_names_its_file_and_line(root: Path, body: str) -> None:
    template = root / "templates" / "zh" / "notice.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text("# 通报\n\n" + body + "\n", encoding="utf-8")
    # an unbounded loop or recursion would hang: the helper's timeout fails the test then
    done = barrier(root, "notice", "--month", "2026-11")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"barrier: error: {template}:3: template error: ")


def test_an_id_given_with_from_cannot_steer_the_file_out_of_the_tree(root: Path) -> None:
    evil = (
        "id: ../../../../escaped\ndate: 2026-11-20\nreporter: wang\nsource: on_site\n"
        "element: equipment\ncategory: hazard\nsummary: 编号企图逃出记录树\n"
    )
    before = snapshot(root)
    done = barrier(root, "report", "add", "--from", "-", "--no-input", stdin=evil.encode())
    assert done.returncode == 1
    assert "未写入任何内容" in done.stderr
    assert snapshot(root) == before
    assert not list(root.parent.rglob("escaped*"))
