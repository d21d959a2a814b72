"""The A4 notice printed by headless Chromium never leaves a heading at a page foot.

Slow (a browser starts per document) and needs Chromium and pypdfium2; run it with
BARRIER_PRINT=1. The default suite skips it.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.notice import build_notice, render_notice

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.environ.get("BARRIER_PRINT"), reason="BARRIER_PRINT=1 runs it"),
    pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium"),
]
EXAMPLE = Path(__file__).resolve().parents[2] / "records"
TODAY = dt.date(2026, 11, 24)


def _pages(document: Path, pdf: Path) -> list[list[str]]:
    """The text lines of each printed page."""
    pdfium = pytest.importorskip("pypdfium2")
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            document.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pages = []
    for page in pdfium.PdfDocument(str(pdf)):
        text = page.get_textpage().get_text_range()
        pages.append([line.strip() for line in text.splitlines() if line.strip()])
    return pages


@pytest.mark.parametrize(
    ("month", "lang"), [("2026-10", "zh"), ("2025-09", "zh"), ("2026-10", "en")]
)
def test_no_heading_ends_a_page(tmp_path: Path, month: str, lang: str) -> None:
    tree = load_tree(EXAMPLE)
    notice = build_notice(tree, Month.parse(month), today=TODAY, lang=lang)  # type: ignore[arg-type]
    text = render_notice(notice, fmt="html", lang=lang, records=EXAMPLE)  # type: ignore[arg-type]
    headings = [
        html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
        for h in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", text, flags=re.S)
    ]
    document = tmp_path / "notice.html"
    document.write_text(text, encoding="utf-8")
    pages = _pages(document, tmp_path / "notice.pdf")
    assert len(pages) >= 3  # long enough that headings meet page ends
    for number, lines in enumerate(pages[:-1], 1):
        last = lines[-1]
        stranded = [
            h for h in headings if len(last) > 1 and (h.startswith(last) or h.endswith(last))
        ]
        assert stranded == [], f"page {number} ends with the heading {stranded[0]!r}"
