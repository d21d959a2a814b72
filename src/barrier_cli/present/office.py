"""The analysis, the notice and the bureau's documents as Word and PDF files.

The analysis and the notice in Word come from their Word templates (``analysis.docx``,
``notice.docx``, overridable by a tree) rendered with the same data as their md and html
(`render.docx_template`); their PDF, and both formats of the bureau's documents, from the
html rendering (the bureau's analysis, which has only a Markdown template, from its
Markdown) through `render.office`. A notice already issued is rendered from its frozen
content, as its md and html are; issuing writes the file before the number is registered,
so a file that cannot be made leaves the number free. Every date inside the files is the
document's own date: the same document gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.labels import Lang
from barrier_cli.core.periods import Month
from barrier_cli.present.render.office import OfficeFormat, Stamp, markdown_page, render_office

if TYPE_CHECKING:
    from barrier_cli.present.notice import Notice, Published

Deliver = Callable[[bytes], None]


def title_of(html: str) -> str:
    """The text of the html's ``<title>``: the file's title in its metadata."""
    found = re.search(r"<title>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return " ".join(htmllib.unescape(found.group(1)).split()) if found else ""


def analysis_file(
    *,
    root: Path,
    month: Month,
    fmt: OfficeFormat,
    lang: Lang | None,
    today: dt.date,
    deliver: Deliver,
    moment: dt.date | None = None,
) -> list[str]:
    """The monthly analysis as ``fmt``, dated the moment it counts to; returns the files
    left out because they do not validate."""
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.present.analysis_document import analysis_document
    from barrier_cli.reports.names import in_language
    from barrier_cli.reports.snapshot import check_moment

    if fmt == "docx":
        return _analysis_docx(
            root=root, month=month, lang=lang, today=today, deliver=deliver, moment=moment
        )
    document = analysis_document(
        root=root, month=month, fmt="html", lang=lang, today=today, moment=moment
    )
    tree = load_tree(root, cache=True)
    settings = in_language(tree, lang or tree.settings.lang).settings
    stamp = Stamp(
        title=title_of(document.text),
        author=settings.organisation,
        date=check_moment(month, today, moment),
        lang=lang or settings.lang,
    )
    deliver(render_office(document.text, fmt=fmt, stamp=stamp, records=root))
    return document.skipped_files


def _analysis_docx(
    *,
    root: Path,
    month: Month,
    lang: Lang | None,
    today: dt.date,
    deliver: Deliver,
    moment: dt.date | None,
) -> list[str]:
    from barrier_cli.present.render.document import filters
    from barrier_cli.present.render.docx_template import render_docx
    from barrier_cli.reports.analysis.monthly import analyze_columns, load_for
    from barrier_cli.reports.snapshot import check_moment

    data = load_for(root, month, today=today, moment=moment)
    tree = data.tree
    shown: Lang = lang or tree.settings.lang
    result = analyze_columns(data, month, today=today, lang=shown, moment=moment)
    title = i18n.translations(shown).gettext(
        "%(org)s: safety information analysis of %(year)s-%(mon)s"
    ) % {"org": result.organisation, "year": month.year, "mon": month.month}
    stamp = Stamp(
        title=title,
        author=result.organisation,
        date=check_moment(month, today, moment),
        lang=shown,
    )
    deliver(
        render_docx(
            "analysis.docx",
            {"a": result, "lang": shown},
            lang=shown,
            stamp=stamp,
            records=root,
            filters=filters(shown),
        )
    )
    return result.skipped_files


def notice_file(
    *,
    root: Path,
    month: Month,
    fmt: OfficeFormat,
    lang: Lang | None,
    today: dt.date,
    deliver: Deliver,
    issue: bool = False,
    force: bool = False,
    moment: dt.date | None = None,
    draft: bool = False,
    with_ids: bool = False,
) -> Published:
    """The notice of ``month`` as ``fmt``: an issued one from its frozen text and dated its
    issue day, a draft dated today; with ``issue``, numbered as `publish_notice` does."""
    from barrier_cli.io.parallel import load_tree
    from barrier_cli.present.notice import latest_issued, publish_notice
    from barrier_cli.reports.names import in_language

    tree = load_tree(root, cache=True)
    # the notice publish_notice will show: the issued one unless a fresh count is asked for
    issued = None if issue or draft or moment else latest_issued(tree, month)
    stamp_lang = lang or tree.settings.lang
    if issued is not None and issued.lang in ("zh", "en"):
        stamp_lang = "en" if issued.lang == "en" else "zh"
    tree = in_language(tree, stamp_lang)

    def convert(html: str) -> None:
        stamp = Stamp(
            title=title_of(html),
            author=tree.settings.notice.issuer,
            date=issued.date if issued is not None else today,
            lang=stamp_lang,
        )
        deliver(render_office(html, fmt=fmt, stamp=stamp, records=root))

    def word(notice: Notice) -> None:
        from barrier_cli.present.render.document import filters
        from barrier_cli.present.render.docx_template import render_docx

        title = f"{notice.number} {notice.title}" if notice.number else notice.title
        stamp = Stamp(
            title=title,
            author=tree.settings.notice.issuer,
            date=issued.date if issued is not None else today,
            lang=stamp_lang,
        )
        context = {"notice": notice, "lang": stamp_lang}
        deliver(
            render_docx(
                "notice.docx",
                context,
                lang=stamp_lang,
                stamp=stamp,
                records=root,
                filters=filters(stamp_lang),
            )
        )

    return publish_notice(
        root=root,
        month=month,
        fmt="html",
        lang=lang,
        today=today,
        issue=issue,
        force=force,
        deliver=convert,
        moment=moment,
        draft=draft,
        with_ids=with_ids,
        office=word if fmt == "docx" else None,
    )


def bureau_file(
    *,
    bureau_root: Path,
    text: str,
    source: str,
    month: Month,
    fmt: OfficeFormat,
    lang: Lang,
    author: str,
    title: str,
) -> bytes:
    """A bureau document (``source`` ``md`` or ``html``) as ``fmt``, dated the month's end."""
    if source == "md":
        # the Markdown's own first heading names the document
        heading = next(
            (line[2:].strip() for line in text.splitlines() if line.startswith("# ")), ""
        )
        title = heading.replace("\\", "") or title
    html = text if source == "html" else markdown_page(text, title=title, lang=lang)
    stamp = Stamp(title=title_of(html) or title, author=author, date=month.last, lang=lang)
    return render_office(html, fmt=fmt, stamp=stamp, records=bureau_root)


def binary_target(
    fmt: str, out: Path | None, *, root: Path | None, stdout: BinaryIO, terminal: bool
) -> Deliver:
    """Where a Word or PDF file goes: ``out`` (written atomically, never a record path of
    ``root``) or a pipe, never a terminal. Checked before anything is rendered."""
    from barrier_cli.io.store import check_document_target, refuse_record_path, write_document

    if out is None:
        if terminal:
            raise InvalidInput(
                i18n._("--format {fmt} writes a binary file: give --out FILE").format(fmt=fmt)
            )

        def to_stdout(data: bytes) -> None:
            stdout.write(data)
            stdout.flush()

        return to_stdout
    target = out
    if root is not None:
        refuse_record_path(root, target)
    check_document_target(target)
    return lambda data: write_document(target, data)
