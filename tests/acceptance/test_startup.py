"""Start-up stays light: the commands people run all day never import pandas or jinja2.

Each command runs in a fresh interpreter under ``-X importtime``, which lists every module
imported; the list is the evidence, not a timing that a busy machine could blur.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import barrier_process

HEAVY = ("pandas", "jinja2", "numpy", "matplotlib")


def imported(args: list[str], cwd: Path) -> set[str]:
    env = {k: v for k, v in os.environ.items() if k != "BARRIER_RECORDS"}
    env |= {"BARRIER_TODAY": "2026-11-24", "PYTHONPROFILEIMPORTTIME": "1"}
    done = barrier_process(None, *args, cwd=cwd, env=env, timeout=60)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return modules_of(done.stderr)


def modules_of(importtime: str) -> set[str]:
    return {
        line.rsplit("|", 1)[1].strip()
        for line in importtime.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in HEAVY}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "records"
    (root / "reports" / "2026" / "11").mkdir(parents=True)
    (root / "barrier.yaml").write_text("organisation: 列检车间\n", encoding="utf-8")
    (root / "org.yaml").write_text(
        "units:\n  - id: GB\n    name: 车间党总支\n    kind: general_branch\n"
        "people:\n  - id: wang\n    name: 王建国\n    unit: GB\n",
        encoding="utf-8",
    )
    (root / "reports" / "2026" / "11" / "R-20261120-AB12.yaml").write_text(
        "id: R-20261120-AB12\ndate: 2026-11-20\nreporter: wang\nsource: on_site\n"
        "element: equipment\ncategory: hazard\nsummary: 车轮踏面擦伤超限\n",
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["check", "--help"], ["report", "add", "--help"]],
    ids=" ".join,
)
def test_help_imports_nothing_heavy(args: list[str], tmp_path: Path) -> None:
    modules = imported(args, tmp_path)
    assert "barrier_cli.cli.main" in modules
    assert heavy(modules) == set()


COMMAND_MODULES = """
import sys
from barrier_cli.cli.main import run
sys.argv[0] = "barrier"
try:
    run()
finally:
    print("commands:", *sorted(m for m in sys.modules if m.startswith("barrier_cli.cli.cmd_")),
          file=sys.stderr)
"""
"""Runs barrier, then names the command modules it imported (sys.modules, since
`importlib.import_module` bypasses -X importtime)."""


def commands_imported(
    args: list[str], cwd: Path, env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", COMMAND_MODULES, *args],
        cwd=cwd,
        env=os.environ | (env or {}),
        capture_output=True,
        text=True,
        timeout=60,
    )
    last = done.stderr.splitlines()[-1].split()
    assert last[0] == "commands:", done.stderr[-2000:]
    return done, set(last[1:])


@pytest.mark.parametrize("args", [["--help"], ["--version"], []], ids=" ".join)
def test_top_level_help_imports_no_command(args: list[str], tmp_path: Path) -> None:
    """Typer would import and build every command to list them; the table lists them."""
    done, commands = commands_imported(args, tmp_path)
    assert "barrier" in done.stdout + done.stderr
    assert commands == set()


@pytest.mark.parametrize(
    ("args", "module", "shows"),
    [
        (["analyze", "--help"], "cmd_analyze", "--month"),
        (["report", "--help"], "cmd_report", "add"),
        (["action", "done", "--help"], "cmd_action", "--verified"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)
def test_a_command_imports_its_own_module_only(
    args: list[str], module: str, shows: str, tmp_path: Path
) -> None:
    done, commands = commands_imported(args, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert shows in done.stdout
    assert commands == {f"barrier_cli.cli.{module}"}


def test_completion_of_command_names_imports_no_command(tmp_path: Path) -> None:
    completing = {
        "_BARRIER_COMPLETE": "complete_bash",
        "COMP_WORDS": "barrier re",
        "COMP_CWORD": "1",
    }
    done, commands = commands_imported([], tmp_path, completing)
    assert done.stdout.split() == ["report"]
    assert commands == set()


def test_check_imports_nothing_heavy(tree: Path) -> None:
    modules = imported(["--records", str(tree), "check", "--no-cache"], tree)
    assert "barrier_cli.checks" in modules
    assert heavy(modules) == set()


def test_a_warm_check_imports_no_models(tree: Path) -> None:
    """The cache answers an unchanged tree before any check, model or YAML parser is loaded,
    and option values are converted without pydantic (`lazy._Plain`)."""
    cold = imported(["--records", str(tree), "check"], tree)
    assert "barrier_cli.core.models" in cold
    warm = imported(["--records", str(tree), "check"], tree)
    assert "barrier_cli.io.cache" in warm
    loaded = ("barrier_cli.core.models", "barrier_cli.io.loader", "ruamel.yaml", "pydantic")
    assert {m for m in warm if m.startswith(loaded)} == set()
    # of checks/, only the cached entry (and the package's docstring): no rule
    checks = {m for m in warm if m.startswith("barrier_cli.checks")}
    assert checks == {"barrier_cli.checks", "barrier_cli.checks.cached"}
    assert heavy(warm) == set()
