"""Running the real command the way the acceptance tests do, and the tiny tree they start from.

Importable from tests/unit and tests/acceptance alike: pytest puts ``tests/`` on the import
path for ``conftest.py`` (there is no ``tests/__init__.py``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

ADD_REPORT = [
    "report",
    "add",
    "--no-input",
    "--date",
    "2026-11-20",
    "--reporter",
    "wang",
    "--source",
    "on_site",
    "--element",
    "equipment",
    "--category",
    "hazard",
]
"""`barrier report add` with every field but the summary given, for a test to finish."""


FIXED_DAY = {"BARRIER_TODAY": "2026-11-24"}


def barrier(root: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``barrier --records root args`` in a fresh interpreter, on the tests' fixed day."""
    return subprocess.run(
        [sys.executable, "-m", "barrier_cli", "--records", str(root), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ | FIXED_DAY,
        check=False,
    )


def run_together(
    root: Path, commands: list[list[str]], env: Mapping[str, str] | None = None
) -> list[tuple[int, str, str]]:
    """Start every command on ``root`` at once, then wait for all: (exit code, stdout, stderr)
    of each, in order. ``env`` defaults to this process's, on the tests' fixed day."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "barrier_cli", "--records", str(root), *args],
            env=dict(env) if env is not None else os.environ | FIXED_DAY,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in commands
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append((proc.returncode, out, err))
    return results


def copy_tiny(tmp_path: Path) -> Path:
    """A writable copy of tests/data/tiny at ``tmp_path/records``."""
    records = tmp_path / "records"
    shutil.copytree(DATA / "tiny", records)
    return records


def device_node(tmp_path: Path, name: str) -> Path:
    """A stand-in for ``/dev/<name>`` (null or full) that a faulty write cannot harm.

    As root, a rename onto ``/dev/full`` would replace the machine's device node, so root
    gets the same device made in ``tmp_path``; anyone else cannot write in ``/dev`` and is
    given the real one.
    """
    if os.geteuid() != 0:
        return Path("/dev") / name
    real = os.stat(Path("/dev") / name)
    node = tmp_path / name
    os.mknod(node, real.st_mode, real.st_rdev)
    return node
