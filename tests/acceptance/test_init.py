from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BARRIER = [sys.executable, "-m", "barrier_cli"]


def barrier(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"BARRIER_TODAY": "2026-11-24"}
    env.pop("BARRIER_RECORDS", None)
    return subprocess.run(
        [*BARRIER, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_init_then_check_passes_and_a_second_init_is_refused(tmp_path: Path) -> None:
    made = barrier("init", "project", "--name", "列检车间", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "created project/records/barrier.yaml" in made.stdout
    project = tmp_path / "project"
    checked = barrier("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "no findings" in checked.stdout
    assert barrier("fmt", "--check", cwd=project).returncode == 0
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    again = barrier("init", cwd=project)
    assert again.returncode == 1
    assert again.stderr.startswith("barrier: error: ") and "Traceback" not in again.stderr
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_schema_command_prints_and_writes(tmp_path: Path) -> None:
    import json

    one = barrier("schema", "report", cwd=tmp_path)
    assert one.returncode == 0
    assert json.loads(one.stdout)["$schema"].endswith("2020-12/schema")
    wrote = barrier("schema", "--out", "schemas", cwd=tmp_path)
    assert wrote.returncode == 0
    assert (tmp_path / "schemas" / "incident.schema.json").is_file()
    bad = barrier("schema", "reprot", cwd=tmp_path)
    assert bad.returncode == 1 and "no record kind 'reprot'" in bad.stderr
