"""`make bench`'s rows of what people wait for, run small: the script works end to end, and
no ratio has regressed beyond a generous factor of its goal (ratios of one run only, never
absolute times; see `bench.SMOKE_FACTOR`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench.py"


@pytest.mark.slow
def test_the_bench_smoke_on_300_reports(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARRIER_")}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke", "300", "--runs", "1", "--trees", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line for line in done.stdout.splitlines() if line.endswith(" ok")]
    assert len(rows) == 5, done.stdout
    assert any(row.startswith("cold check CPU vs the floor's") for row in rows)
