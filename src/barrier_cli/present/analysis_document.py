"""One call from a records tree to the finished analysis document, for the CLI and scripts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from barrier_cli.core.labels import Lang
from barrier_cli.core.periods import Month
from barrier_cli.io.store import check_document_target, refuse_record_path, write_document

if TYPE_CHECKING:  # the renderer's imports are a third of a warm run: only a miss needs them
    from barrier_cli.present.render.document import Format


@dataclass(frozen=True)
class Document:
    text: str
    skipped_files: list[str]


def analysis_document(
    *,
    root: Path,
    month: Month,
    fmt: Format,
    lang: Lang | None,
    today: dt.date,
    out: Path | None = None,
    color: bool = False,
    moment: dt.date | None = None,
) -> Document:
    """Load the tree, analyse ``month`` and render it; with ``out``, write it atomically.

    A YAML ``out`` inside the tree is refused: it would be read back as a record.
    """
    from barrier_cli.io.cache import memoised

    period = month
    if out is not None:
        refuse_record_path(root, out)
        check_document_target(out)
    # an unchanged tree gets its document back without loading records or pandas
    stated = moment.isoformat() if moment else None
    key = ("analysis", str(period), fmt, lang, today.isoformat(), color, stated)
    document = memoised(
        root,
        "analysis",
        key,
        lambda: _build(root, period, fmt, lang, today, color, moment),
        Document,
    )
    if out is not None:
        write_document(out, document.text)
    return document


def _build(
    root: Path,
    period: Month,
    fmt: Format,
    lang: Lang | None,
    today: dt.date,
    color: bool,
    moment: dt.date | None,
) -> Document:
    from barrier_cli.present.render.document import render_analysis
    from barrier_cli.reports.analysis.monthly import analyze_columns, load_for

    data = load_for(root, period, today=today, moment=moment)
    result = analyze_columns(data, period, today=today, lang=lang, moment=moment)
    text = render_analysis(
        result, fmt=fmt, lang=lang or data.tree.settings.lang, records=root, color=color
    )
    return Document(text, result.skipped_files)
