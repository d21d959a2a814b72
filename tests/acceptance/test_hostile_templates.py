"""A tree's own templates are untrusted: they stay inside records/templates and within budget.

Each attack is a committed template; each must end in one line naming the template, exit 1,
and nothing read from outside the tree. The CPU budget is lowered so that the attacks that
only a clock can stop stop in a fraction of a second.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import cli_helpers
from barrier_cli.present.render.budget import CPU_ENV
from cli_helpers import FIXED_DAY, copy_tiny

NOTICE = ("notice", "--month", "2026-11")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CPU_ENV, "0.2")
    for key, value in FIXED_DAY.items():
        monkeypatch.setenv(key, value)
    return copy_tiny(tmp_path)


def barrier(root: Path, *args: str) -> tuple[int, str, str]:
    """``barrier --records root args`` in this process, through the real entry point."""
    done = cli_helpers.barrier(root, *args)
    return done.returncode, done.stdout, done.stderr


def own(root: Path, name: str = "notice.md.j2") -> Path:
    path = root / "templates" / "zh" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def refused(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[str, str]:
    """The one error line of ``barrier notice`` on ``root``, and what it printed."""
    code, out, err = barrier(root, *NOTICE)
    assert code == 1, err
    [line] = err.splitlines()
    assert line.startswith("barrier: error: ")
    return line, out


# Templates stay inside records/templates.


@pytest.mark.skipif(not Path("/etc/hostname").is_file(), reason="needs /etc/hostname")
def test_a_committed_template_linked_to_a_host_file_is_refused(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    template = own(root)
    template.symlink_to("/etc/hostname")
    line, out = refused(root, monkeypatch, capsys)
    assert f"{template}: template refused: a symlink" in line
    assert out == ""


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_an_include_of_a_link_to_the_environment_is_refused(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BARRIER_SECRET_PROBE", "never-printed-7d1f")
    template = own(root)
    template.write_text('# 通报\n{% include "env" %}\n', encoding="utf-8")
    own(root, "env").symlink_to("/proc/self/environ")
    line, out = refused(root, monkeypatch, capsys)
    assert line.startswith(f"barrier: error: {template}:2: ")
    assert f"{root / 'templates' / 'zh' / 'env'}: template refused: a symlink" in line
    assert "never-printed-7d1f" not in out + line


def test_a_template_in_a_linked_folder_is_refused(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notice.md.j2").write_text("外面的模板\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "zh").symlink_to(elsewhere)
    line, out = refused(root, monkeypatch, capsys)
    assert f"{root / 'templates' / 'zh'}: template refused: a symlink" in line
    assert "外面的模板" not in out


def test_a_linked_templates_folder_is_refused(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "elsewhere" / "zh").mkdir(parents=True)
    (tmp_path / "elsewhere" / "zh" / "notice.md.j2").write_text("外面\n", encoding="utf-8")
    (root / "templates").symlink_to(tmp_path / "elsewhere")
    line, _ = refused(root, monkeypatch, capsys)
    assert f"{root / 'templates'}: template refused: a symlink" in line


@pytest.mark.parametrize(
    "tag",
    [
        '{% include "../../barrier.yaml" %}',
        '{% include "/etc/passwd" %}',
        '{% import "../../../../../../etc/passwd" as p %}',
        '{% extends "../common/../../org.yaml" %}',
        '{% include "C:/Windows/win.ini" %}',
    ],
)
def test_an_include_import_or_extends_out_of_the_folder_is_refused(
    root: Path, tag: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    template = own(root)
    template.write_text(f"# 通报\n{tag}\n", encoding="utf-8")
    line, out = refused(root, monkeypatch, capsys)
    assert line.startswith(f"barrier: error: {template}:2: ")
    assert "template refused: the name leaves the templates folder" in line
    assert "organisation" not in out and "root:" not in out


def test_a_named_pipe_as_a_template_is_refused_without_waiting(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    template = own(root)
    os.mkfifo(template)
    line, _ = refused(root, monkeypatch, capsys)
    assert f"{template}: template refused: not a plain file" in line


def test_a_huge_template_file_is_refused_unread(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    template = own(root)
    with template.open("wb") as file:
        file.truncate(50_000_000)  # sparse: no disk used
    line, _ = refused(root, monkeypatch, capsys)
    assert f"{template}: template refused: larger than 1,000,000 bytes" in line


def test_a_tree_template_may_still_include_its_own_and_the_shipped_files(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    own(root).write_text(
        '{% include "part.md.j2" %}\n{% include "notice.css" %}\n', encoding="utf-8"
    )
    (root / "templates" / "common").mkdir()
    (root / "templates" / "common" / "part.md.j2").write_text(
        "本车间：{{ notice.organisation }}", encoding="utf-8"
    )
    code, out, err = barrier(root, *NOTICE)
    assert code == 0, err
    assert out.startswith("本车间：测试列检车间")
    assert "size: A4" in out  # from the shipped notice.css


# Templates stay within their budget.

ATTACKS = {
    "nested_loops": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "lipsum_million": "{{ lipsum(10**6) }}",
    "string_doubling_with_tilde": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s }}"
    ),
    "string_doubling_with_plus": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}"
        "{% endfor %}{{ ns.s }}"
    ),
    "list_doubling_with_extend": (
        "{% set l = [0] %}{% for i in range(64) %}{% set _ = l.extend(l) %}{% endfor %}{{ l }}"
    ),
    "center_huge": '{{ "x" | center(1500000000) }}',
    "str_format_width": '{{ "{:>1500000000}".format(1) }}',
    "percent_width": '{{ "%1500000000d" % 1 }}',
    "percent_precision": '{{ "%.1500000000f" % 1.0 }}',
    "format_filter_width": '{{ "%1500000000d" | format(1) }}',
    "string_times_billion": '{{ "x" * 10**9 }}',
    "range_billion": "{% for i in range(10**9) %}{% endfor %}",
    "range_as_list": "{{ range(100000) | list | string * 100 }}",
    "repeated_list_joined": '{{ (["x" * 1000000] * 1000) | join }}',
    "repeated_list_printed": '{{ ["x" * 1000000] * 1000 }}',
    "replace_amplified": '{{ ("x" * 1000000) | replace("x", "y" * 1000) }}',
    "indent_amplified": '{{ ("x\\n" * 100000) | indent(1000) }}',
    "ljust_huge": '{{ "x".ljust(10**9) }}',
    "expandtabs_amplified": '{{ ("\\t" * 1000000).expandtabs(1000) }}',
    "batch_fill": '{{ [1] | batch(10**9, "x") | list }}',
    "integer_squaring": (
        "{% set ns = namespace(n=3) %}{% for i in range(64) %}{% set ns.n = ns.n * ns.n %}"
        "{% endfor %}{{ ns.n }}"
    ),
    "power_tower": "{{ 10 ** 1000 ** 1000 }}",
    "output_flood": '{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}',
    "literal_flood": "{% for i in range(100000) %}" + "y" * 1000 + "{% endfor %}",
    "macro_buffer_flood": (
        '{% macro m() %}{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}{% endmacro %}'
        "{{ m() | length }}"
    ),
    "self_including_list": "{% set l = [] %}{% set _ = l.append(l) %}{{ l }}",
}


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_template_attack_stops_within_budget_naming_the_template(
    root: Path, attack: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    template = own(root)
    template.write_text("# 通报\n\n" + ATTACKS[attack] + "\n", encoding="utf-8")
    line, out = refused(root, monkeypatch, capsys)
    assert line.startswith(f"barrier: error: {template}"), line
    assert "template error: " in line
    assert out == ""


def test_a_bad_cpu_budget_in_the_environment_is_one_line(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(CPU_ENV, "forever")
    line, _ = refused(root, monkeypatch, capsys)
    assert f"${CPU_ENV} 为 'forever'" in line
