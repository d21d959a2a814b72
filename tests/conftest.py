from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent

# Every property test draws ~200 examples in the suite; `make fuzz` runs them far longer
# (HYPOTHESIS_PROFILE=fuzz). No deadline: a loaded machine (pytest -n 16 on 2 cores) must not
# turn a slow example into a failure.
settings.register_profile("suite", max_examples=200, deadline=None)
settings.register_profile(
    "fuzz",
    max_examples=100_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run on a fixed day so that 'in the future' and 'overdue' never drift."""
    monkeypatch.setenv("BARRIER_TODAY", "2026-11-24")
    monkeypatch.delenv("BARRIER_RECORDS", raising=False)


@pytest.fixture(autouse=True)
def _private_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """Each test gets its own cache folder: the user's real one is never written, and no
    test sees another's cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("BARRIER_CACHE_DIR", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "xdg"))
    return folder
