"""Golden zh documents of one example month, checked in for review: the notice and the analysis
of 2026-10 as the example records give them. BARRIER_UPDATE_SNAPSHOTS=1 rewrites them."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.notice import build_notice, render_notice
from barrier_cli.present.render.document import render_analysis
from barrier_cli.reports.analysis.monthly import analyze

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden-documents"
OCT = Month(2026, 10)
TODAY = dt.date(2026, 11, 24)


def _matches(name: str, text: str) -> None:
    expected = GOLDEN / name
    if os.environ.get("BARRIER_UPDATE_SNAPSHOTS"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


def test_golden_zh_notice_and_analysis_of_2026_10() -> None:
    tree = load_tree(EXAMPLE)
    notice = render_notice(
        build_notice(tree, OCT, today=TODAY, lang="zh"), fmt="md", lang="zh", records=EXAMPLE
    )
    _matches("notice.2026-10.zh.md", notice)
    body = notice[: notice.index("\n附件\n")]
    assert re.findall(r"\b[RIPAN]-\d{4,8}-[0-9A-Za-z_-]+", body) == []
    analysis = render_analysis(
        analyze(tree, OCT, today=TODAY), fmt="md", lang="zh", records=EXAMPLE
    )
    _matches("analysis.2026-10.zh.md", analysis)
    english = render_analysis(
        analyze(tree, OCT, today=TODAY, lang="en"), fmt="md", lang="en", records=EXAMPLE
    )
    _matches("analysis.2026-10.en.md", english)
