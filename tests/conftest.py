from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run on a fixed day so that 'in the future' and 'overdue' never drift."""
    monkeypatch.setenv("BARRIER_TODAY", "2026-11-24")
    monkeypatch.delenv("BARRIER_RECORDS", raising=False)
