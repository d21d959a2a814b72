"""The bureau's documents as text: the analysis (md, json) and the 通报 (md, html)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from barrier_cli.core.i18n import Lang
from barrier_cli.core.periods import Month
from barrier_cli.reports.bureau.analyze import BureauAnalysis, analyze
from barrier_cli.reports.bureau.models import BureauTree
from barrier_cli.reports.bureau.notice import BureauNotice, draft_notice


def analysis_text(
    bureau: BureauTree,
    *,
    month: Month,
    fmt: Literal["md", "json"],
    lang: Lang,
    dataset: Path | None = None,
) -> str:
    found = analyze(bureau, month=month, dataset=dataset)
    if fmt == "json":
        return json.dumps(dataclasses.asdict(found), ensure_ascii=False, indent=1, default=_iso)
    return _render("bureau_analysis.md.j2", {"analysis": found}, lang=lang, root=bureau.root)


def notice_of(
    bureau: BureauTree, *, month: Month, lang: Lang, dataset: Path | None = None
) -> BureauNotice:
    found = analyze(bureau, month=month, dataset=dataset)
    settings = bureau.bureau
    return draft_notice(
        found,
        thresholds=settings.thresholds,
        issuer=settings.issuer,
        number=settings.number,
        lang=lang,
    )


def notice_text(
    bureau: BureauTree,
    *,
    month: Month,
    fmt: Literal["md", "html"],
    lang: Lang,
    dataset: Path | None = None,
) -> str:
    notice = notice_of(bureau, month=month, lang=lang, dataset=dataset)
    return _render(f"bureau_notice.{fmt}.j2", {"notice": notice}, lang=lang, root=bureau.root)


def _render(name: str, context: dict[str, Any], *, lang: Lang, root: Path) -> str:
    from barrier_cli.present.render.document import filters
    from barrier_cli.present.render.templating import render

    return render(name, context, lang=lang, records=root, filters=filters(lang))


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


__all__ = ["BureauAnalysis", "analysis_text", "notice_of", "notice_text"]
