from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from barrier_cli.io.loader import Tree
    from barrier_cli.reports.analysis.result import MonthlyAnalysis

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


# The example records' October 2026 analysis, which the review tests read: one per module, as
# each module held its own before. Imported inside, so a test of what start-up imports sees
# nothing of the analysis.
REVIEW_DAY = dt.date(2026, 11, 24)
"""The day the review tests read the documents on, after the notice's month."""


@pytest.fixture(scope="module")
def examples() -> Tree:
    from barrier_cli.io.parallel import load_tree

    return load_tree(REPO / "records")


@pytest.fixture(scope="module")
def october(examples: Tree) -> MonthlyAnalysis:
    from barrier_cli.core.periods import Month
    from barrier_cli.reports.analysis.monthly import analyze

    return analyze(examples, Month(2026, 10), today=REVIEW_DAY)


@pytest.fixture(scope="module")
def zh(october: MonthlyAnalysis) -> str:
    from barrier_cli.present.render.document import render_analysis

    return render_analysis(october, fmt="md", lang="zh")


@pytest.fixture(scope="module")
def en(examples: Tree) -> str:
    from barrier_cli.core.periods import Month
    from barrier_cli.present.render.document import render_analysis
    from barrier_cli.reports.analysis.monthly import analyze

    analysis = analyze(examples, Month(2026, 10), today=REVIEW_DAY, lang="en")
    return render_analysis(analysis, fmt="md", lang="en")


@pytest.fixture(scope="module")
def september_zh(examples: Tree) -> str:
    from barrier_cli.core.periods import Month
    from barrier_cli.present.render.document import render_analysis
    from barrier_cli.reports.analysis.monthly import analyze

    return render_analysis(analyze(examples, Month(2025, 9), today=REVIEW_DAY), fmt="md", lang="zh")


@pytest.fixture(scope="module")
def notices(examples: Tree) -> dict[str, str]:
    """The example notices of October 2026 (drafted on 5 November) and September 2025 (as
    issued), as Markdown, keyed "zh-10", "en-10", "zh-9", "en-9"."""
    from barrier_cli.core.periods import Month
    from barrier_cli.present import notice as n

    out = {}
    for month, today in (
        (Month(2026, 10), dt.date(2026, 11, 5)),
        (Month(2025, 9), dt.date(2025, 10, 10)),
    ):
        for lang in ("zh", "en"):
            notice = n.build_notice(examples, month, today=today, lang=lang)  # type: ignore[arg-type]
            out[f"{lang}-{month.month}"] = n.render_notice(
                notice,
                fmt="md",
                lang=lang,
                records=REPO / "records",  # type: ignore[arg-type]
            )
    return out
