"""The CI that `barrier init` writes runs: ci/check-records.sh installs barrier into a fresh
virtual environment from a package index (a folder, as an intranet mirror would serve it)
holding a wheel of this very code, passes a good tree and fails on a bad record. Slow (a fresh install: a minute or more), so it runs only with
``BARRIER_PIPELINE=1`` (``make pipeline``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from barrier_cli.write.fmt import format_tree
from barrier_cli.write.scaffold import InstallSource, init_project
from cli_helpers import DATA

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("BARRIER_PIPELINE"), reason="make pipeline (BARRIER_PIPELINE=1)"
    ),
]

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package index folder, as an intranet mirror serves one: a wheel of the code as it is
    in this checkout (committed or not) and of everything it needs, each project's page
    (``<index>/<project>/index.html``) linking its wheels."""
    source = tmp_path_factory.mktemp("barrier-src")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(PROJECT / name, source / name)
    shutil.copytree(
        PROJECT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
    )
    index = tmp_path_factory.mktemp("index")
    for wheel in wheels.glob("*.whl"):
        project = re.sub(r"[-_.]+", "-", wheel.name.split("-", 1)[0]).lower()
        (index / project).mkdir(exist_ok=True)
        shutil.move(wheel, index / project / wheel.name)
    for page in index.iterdir():
        links = "".join(f'<a href="{w.name}">{w.name}</a>\n' for w in page.glob("*.whl"))
        (page / "index.html").write_text(f"<html><body>\n{links}</body></html>\n")
    return index


def test_generated_script_installs_barrier_and_fails_on_a_bad_record(
    index: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    init_project(project, lang="en", source=InstallSource.index(index.as_uri()))
    records = project / "records"
    shutil.copytree(DATA / "tiny" / "reports", records / "reports")
    shutil.copy2(DATA / "tiny" / "org.yaml", records / "org.yaml")
    format_tree(
        records, check=False
    )  # the fixture's org.yaml is not in canonical form; CI checks that first
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
        # only the mirror: none of this machine's pip settings (its wheel folders, its index)
        "PIP_CONFIG_FILE": os.devnull,
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
