"""The CI that `barrier init` writes runs: ci/check-records.sh installs barrier into a fresh
virtual environment from a git source of this very code, passes a good tree and fails on a
bad record. Slow (a fresh install: a minute or more), so it runs only with
``BARRIER_PIPELINE=1`` (``make pipeline``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from barrier_cli.scaffold import InstallSource, init_project
from cli_helpers import DATA

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("BARRIER_PIPELINE"), reason="make pipeline (BARRIER_PIPELINE=1)"
    ),
]

PROJECT = Path(__file__).resolve().parents[2]
TAG = "v0.0.0-pipeline"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=ci", "-c", "user.email=ci@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository of the code as it is in this checkout (committed or not), tagged."""
    repo = tmp_path_factory.mktemp("barrier-src")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(PROJECT / name, repo / name)
    shutil.copytree(
        PROJECT / "src", repo / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "barrier")
    git(repo, "tag", TAG)
    return repo


def test_generated_script_installs_barrier_and_fails_on_a_bad_record(
    source: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    init_project(project, lang="en", source=InstallSource.git(f"file://{source}@{TAG}"))
    records = project / "records"
    shutil.copytree(DATA / "tiny" / "reports", records / "reports")
    shutil.copy2(DATA / "tiny" / "org.yaml", records / "org.yaml")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "BARRIER_RECORDS")
    } | {
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PYTHON": str(venv / "bin" / "python"),
        "BARRIER_TODAY": "2026-11-24",
        "BARRIER_CACHE_DIR": str(tmp_path / "cache"),
    }

    def script() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["sh", "ci/check-records.sh"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )

    good = script()
    assert good.returncode == 0, good.stdout + good.stderr
    assert (venv / "bin" / "barrier").is_file()  # installed into the fresh venv, not borrowed
    assert "no findings" in good.stdout
    installed = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import pandas"], capture_output=True, check=False
    )
    assert installed.returncode != 0, "the base install pulled pandas in"

    report = records / "reports" / "2026" / "11" / "R-20261101-0001.yaml"
    bad = report.with_name("R-20261102-0002.yaml")
    text = report.read_text(encoding="utf-8").replace("R-20261101-0001", "R-20261102-0002")
    bad.write_text(text.replace("reporter: wang", "reporter: nobody"), encoding="utf-8")
    failed = script()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "R-20261102-0002.yaml" in failed.stdout and "unknown-person" in failed.stdout
