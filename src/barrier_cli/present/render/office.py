"""Word and PDF from a document's rendered HTML, and the 公文 Word page every docx shares.

PDF is the html laid out by WeasyPrint with the 公文 print CSS (``templates/common/print.css``,
overridable by a tree like any template). A document without a Word template of its own (the
bureau's) becomes docx by walking the same html's structure (the 红头, headings, paragraphs,
lists, tables, the signature and the 版记) into python-docx; the notice and the analysis have
Word templates (`docx_template`), built on the same page, styles and page numbers
(`gongwen_document`). The files are reproducible: every date they carry is the document's
own (``Stamp.date``), never the clock, so the same html gives the same bytes, and an issued
notice's Word or PDF file is the same every time it is rendered from its frozen content.

WeasyPrint and python-docx are imported only here, only on these paths (extra ``office``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from barrier_cli.core import i18n
from barrier_cli.core.errors import UserError
from barrier_cli.core.extras import require

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph
    from lxml.html import HtmlElement

OfficeFormat = Literal["docx", "pdf"]

# 公文 type sizes in points (GB/T 9704: 二号 title, 三号 body, 四号 page numbers).
ERHAO, SANHAO, SIHAO = 22.0, 16.0, 14.0
RED = "E60000"
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
NUMBER_FONT = "宋体"
# GB/T 9704 page: A4, 天头 37 mm, 订口 28 mm, bottom 35 mm, right 26 mm; 22 lines of 28
# characters (the standard's 一般每面排22行，每行排28个字).
PAGE_MM = (210.0, 297.0)
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
GRID_LINES, GRID_CHARS = 22, 28
ISSUER_SIZE = 26.0
"""The 发文机关标志 of a Word template in 一号: a 17-character name (中共XX车辆段列检车间总支部
委员会) fills the 156 mm line; the html-built files size it to its own length."""


class OfficeUnavailable(UserError):
    """A library or system font the Word/PDF output needs is missing."""


@dataclass(frozen=True)
class Stamp:
    """What the file says about itself: the document's title, author and date."""

    title: str
    author: str
    date: dt.date
    lang: str = "zh"

    @property
    def moment(self) -> dt.datetime:
        return dt.datetime(self.date.year, self.date.month, self.date.day, tzinfo=dt.UTC)


def render_office(
    html: str, *, fmt: OfficeFormat, stamp: Stamp, records: Path | None = None
) -> bytes:
    """The ``fmt`` file of the document rendered as ``html``."""
    if fmt == "pdf":
        return html_to_pdf(html, stamp=stamp, records=records)
    return html_to_docx(html, stamp=stamp)


def markdown_page(markdown: str, *, title: str, lang: str) -> str:
    """A document that exists only as Markdown (the bureau's analysis), as one html page
    for the Word and PDF outputs: tables kept, raw HTML in the text shown as text."""
    require("markdown_it", purpose="Word and PDF output")
    from html import escape

    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    code = "zh-CN" if lang == "zh" else "en"
    return (
        f'<!doctype html>\n<html lang="{code}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


# --- PDF -------------------------------------------------------------------------------


def html_to_pdf(html: str, *, stamp: Stamp, records: Path | None = None) -> bytes:
    """Lay ``html`` out on A4 with the 公文 print CSS; PDF metadata dated ``stamp.date``."""
    weasyprint = _weasyprint()
    _need_cjk_font()
    from barrier_cli.present.render.templating import render

    css = render("print.css", {}, lang=stamp.lang, records=records)
    when = stamp.moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    page = _with_print_css(html, css, when)
    # A document renders from its own text: no file or network address in it is read.
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    document = weasyprint.HTML(string=page, base_url=None, url_fetcher=fetcher)
    rendered = document.render()
    rendered.metadata.title = stamp.title
    rendered.metadata.authors = [stamp.author]
    rendered.metadata.created = when
    rendered.metadata.modified = when
    rendered.metadata.generator = "barrier"
    # Without an identifier the file ID is a hash of the content, which is what we want;
    # naming one keeps that true whatever a later WeasyPrint defaults to.
    out: bytes = rendered.write_pdf(identifier=_identifier(html, stamp))
    return out


def _with_print_css(html: str, css: str, when: str) -> str:
    """The html with the print CSS last in its head, so it wins over the document's own
    screen styles, and its dates for the PDF metadata (dcterms)."""
    if "</style" in css.lower():
        raise UserError(i18n._("print.css: a stylesheet cannot contain '</style'"))
    extra = (
        f'<meta name="dcterms.created" content="{when}">'
        f'<meta name="dcterms.modified" content="{when}">'
        f"<style>\n{css}</style>\n"
    )
    head_end = re.search(r"</head\s*>", html, re.IGNORECASE)
    if head_end is None:
        return extra + html
    return html[: head_end.start()] + extra + html[head_end.start() :]


def _identifier(html: str, stamp: Stamp) -> bytes:
    import hashlib

    return hashlib.md5(
        f"{stamp.date}\0{stamp.title}\0{html}".encode(), usedforsecurity=False
    ).digest()


def _weasyprint() -> Any:
    require("weasyprint", purpose="PDF output")
    try:
        import weasyprint
    except OSError as e:  # the system's Pango, which WeasyPrint loads at import
        raise OfficeUnavailable(
            f"PDF output needs the system libraries Pango and HarfBuzz ({e}); "
            "on Debian or Ubuntu: apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b"
        ) from e
    return weasyprint


def _need_cjk_font() -> None:
    """A Chinese document without a Chinese font prints as boxes: say so and stop."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return
    found = subprocess.run(
        [fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False
    ).stdout
    if not found.strip():
        raise OfficeUnavailable(
            "PDF output found no Chinese font; install one of 仿宋_GB2312/方正小标宋简体 "
            "or Noto Serif CJK SC (Debian: apt install fonts-noto-cjk)"
        )


# --- Word ------------------------------------------------------------------------------

_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "hr", "pre", "blockquote"}
_CONTAINERS = {"main", "section", "header", "footer", "div", "article", "nav", "aside", "body"}
_SKIPPED = {"svg", "script", "style", "template", "img", "figure", "head", "title"}
_HEADINGS = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}


def html_to_docx(html: str, *, stamp: Stamp) -> bytes:
    """A Word file with 公文 styles from the structure of ``html``; its zip entries and
    core properties are dated ``stamp.date``, so the same html gives the same bytes."""
    require("docx", purpose="Word output")
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8")
    root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    document = gongwen_document()
    writer = _Writer(document)
    body = root.find("body")
    writer.container(body if body is not None else root)
    stamp_properties(document, stamp)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), stamp.moment)


class _Writer:
    """Walks the html's blocks in order, one Word paragraph or table per block."""

    def __init__(self, document: WordDocument) -> None:
        self.document = document
        self.page_break_next = False

    def container(self, element: HtmlElement) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            self.block(child)

    def block(self, element: HtmlElement) -> None:
        tag = element.tag.lower()
        classes = set((element.get("class") or "").split())
        if tag in _SKIPPED:
            return
        if "attachment" in classes:
            self.page_break_next = True
        if "red-head" in classes:
            self.red_head(element)
        elif "colophon" in classes:
            self.colophon(element)
        elif "sign" in classes:
            for line in _lines(element):
                self.paragraph(line, align="right", indent=False, right_chars=4)
        elif tag in _HEADINGS or tag in ("h5", "h6"):
            self.heading(element, tag)
        elif tag == "p":
            no_indent = bool(classes & {"to", "rule"})
            self.paragraph(element, indent=not no_indent)
        elif tag in ("ul", "ol"):
            self.listing(element, numbered=tag == "ol")
        elif tag == "table":
            self.table(element)
        elif tag == "hr":
            self.rule(RED if "red-rule" in classes else "000000")
        elif tag in ("pre", "blockquote"):
            self.paragraph(element, indent=False)
        elif any(_is_block(c) for c in element):
            self.container(element)
        elif _loose(element) and (line := " ".join(_lines(element))):
            # boxes side by side (a figure and its caption): one line, the parts apart
            self.paragraph(line, indent=False)
        elif _text(element).strip():
            self.paragraph(element, indent=False)

    def new_paragraph(self, style: str | None = None) -> Paragraph:
        paragraph = self.document.add_paragraph(style=style)
        if self.page_break_next:
            paragraph.paragraph_format.page_break_before = True
            self.page_break_next = False
        return paragraph

    def paragraph(
        self,
        source: HtmlElement | str,
        *,
        indent: bool = True,
        align: str | None = None,
        right_chars: int = 0,
    ) -> Paragraph:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.new_paragraph()
        if isinstance(source, str):
            paragraph.add_run(source)
        else:
            _runs(paragraph, source)
        fmt = paragraph.paragraph_format
        if indent:
            fmt.first_line_indent = Pt(2 * SANHAO)
        if align == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt.right_indent = Pt(right_chars * SANHAO)
        elif align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    def heading(self, element: HtmlElement, tag: str) -> None:
        paragraph = self.new_paragraph(_HEADINGS.get(tag, "Heading 3"))
        _runs(paragraph, element)
        paragraph.paragraph_format.keep_with_next = True

    def red_head(self, element: HtmlElement) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt, RGBColor

        for child in element:
            if not isinstance(child.tag, str):
                continue
            classes = set((child.get("class") or "").split())
            if child.tag == "hr":
                self.rule(RED)
                continue
            text = _text(child).strip()
            if not text:
                continue
            paragraph = self.new_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            if "issuer" in classes:
                font(run, TITLE_FONT)
                run.font.size = Pt(_issuer_size(text))
                run.font.color.rgb = RGBColor.from_string(RED)
                paragraph.paragraph_format.space_after = Pt(SANHAO)

    def colophon(self, element: HtmlElement) -> None:
        """版记: 抄送 and 印发 lines between rules, 印发机关 left and 印发日期 right."""
        lines = [c for c in element if isinstance(c.tag, str) and _text(c).strip()]
        for n, line in enumerate(lines):
            paragraph = self.new_paragraph()
            parts = [p for p in line if isinstance(p.tag, str)]
            tab = "printed" in (line.get("class") or "").split() and len(parts) == 2
            if tab:
                paragraph.add_run(_text(parts[0]).strip() + "\t" + _text(parts[1]).strip())
            else:
                paragraph.add_run(_text(line).strip())
            colophon_line(paragraph, first=n == 0, last=n == len(lines) - 1, tab=tab)

    def listing(self, element: HtmlElement, *, numbered: bool) -> None:
        n = 0
        for item in element:
            if not isinstance(item.tag, str) or item.tag != "li":
                continue
            n += 1
            paragraph = self.new_paragraph()
            paragraph.add_run(f"{n}. " if numbered else "· ")
            _runs(paragraph, item)
            from docx.shared import Pt

            paragraph.paragraph_format.first_line_indent = Pt(2 * SANHAO)

    def table(self, element: HtmlElement) -> None:
        from docx.shared import Pt

        rows = [r for r in element.iter("tr")]
        width = max((len(_cells(r)) for r in rows), default=0)
        if not rows or width == 0:
            return
        if self.page_break_next:
            self.new_paragraph()
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(_cells(row)):
                paragraph = table.cell(r, c).paragraphs[0]
                _runs(paragraph, cell)
                for run in paragraph.runs:
                    run.font.size = Pt(12)
                    if cell.tag == "th":
                        run.bold = True

    def rule(self, colour: str) -> None:
        from docx.shared import Pt

        paragraph = self.new_paragraph()
        paragraph.paragraph_format.space_after = Pt(SANHAO)
        borders(paragraph, bottom=True, colour=colour, size=16)


def gongwen_document() -> WordDocument:
    """A blank Word document with the 公文 page, styles, page numbers and font fallbacks:
    what the html-built files start from and what the Word templates are built on
    (``scripts/make_docx_templates.py``)."""
    require("docx", purpose="Word output")
    import docx

    document = docx.Document()
    _page_setup(document)
    _styles(document)
    _page_numbers(document)
    _font_fallbacks(document)
    return document


def colophon_line(paragraph: Paragraph, *, first: bool, last: bool, tab: bool = False) -> None:
    """One line of the 版记 in 四号, one character in from both sides, between rules: a thick
    one above the first line and below the last, thin ones between. With ``tab`` its text
    is ``印发机关\t印发日期``, the date set right."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    width = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Pt(SIHAO)
    fmt.first_line_indent = Pt(0)
    fmt.keep_with_next = not last
    if tab:
        fmt.tab_stops.add_tab_stop(Mm(width) - Pt(SIHAO), WD_TAB_ALIGNMENT.RIGHT)
    for run in paragraph.runs:
        run.font.size = Pt(SIHAO)
    borders(paragraph, top=first, bottom=True, thin=not last)


def repeat_header(table: Any) -> None:
    """The table's first row repeats at the top of every page it runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    row = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row.append(header)


# The 公文 fonts an office machine may lack, each with the font Word and LibreOffice use
# instead (the font table's altName): 方正小标宋 looks most like 华文中宋, the _GB2312 faces
# are the older names of the system's 仿宋 and 楷体.
FONT_FALLBACKS = {
    TITLE_FONT: "华文中宋",
    BODY_FONT: "仿宋",
    SUBHEADING_FONT: "楷体",
    HEADING_FONT: "SimHei",
    NUMBER_FONT: "SimSun",
}


def _font_fallbacks(document: WordDocument) -> None:
    from docx.oxml.ns import qn
    from lxml import etree

    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    fonts = etree.fromstring(part.blob)
    for name, alternative in FONT_FALLBACKS.items():
        font = etree.SubElement(fonts, qn("w:font"))
        font.set(qn("w:name"), name)
        alt = etree.SubElement(font, qn("w:altName"))
        alt.set(qn("w:val"), alternative)
        charset = etree.SubElement(font, qn("w:charset"))
        charset.set(qn("w:val"), "86")  # GB2312
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _issuer_size(text: str) -> float:
    """The 发文机关标志 as large as one line allows, at most 小初 (36 pt)."""
    width = (PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 72
    return float(min(36, int(width / max(len(text), 1))))


def _is_block(element: Any) -> bool:
    return isinstance(element.tag, str) and (
        element.tag in _BLOCKS or element.tag in _CONTAINERS or element.tag == "li"
    )


def _loose(element: HtmlElement) -> bool:
    """Only inline boxes with nothing between them: ``<div><span>本月</span><b>49</b></div>``."""
    kids = [c for c in element if isinstance(c.tag, str)]
    between = [element.text, *(c.tail for c in element)]
    return len(kids) > 1 and not any(t and t.strip() for t in between)


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _text(element: HtmlElement) -> str:
    return " ".join(t for t in _inline_texts(element) if t).replace("\n", " ").strip()


def _inline_texts(element: HtmlElement) -> Iterator[str]:
    """The element's text with a break between sibling inline boxes that CSS would space."""
    if element.tag in _SKIPPED:
        return
    yield (element.text or "").strip()
    for child in element:
        if isinstance(child.tag, str):
            yield from _inline_texts(child)
        yield (child.tail or "").strip()


def _lines(element: HtmlElement) -> list[str]:
    children = [c for c in element if isinstance(c.tag, str)]
    if not children:
        return [_text(element)]
    return [t for c in children if (t := _text(c))]


def _runs(paragraph: Paragraph, element: HtmlElement, *, bold: bool = False) -> None:
    """The element's inline content as runs: <strong>/<b> bold, <br> a line break."""
    if element.text:
        _add_text(paragraph, element.text, bold)
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SKIPPED:
            if child.tag == "br":
                paragraph.add_run().add_break()
            else:
                _runs(paragraph, child, bold=bold or child.tag in ("strong", "b", "th"))
        if child.tail:
            _add_text(paragraph, child.tail, bold)


def _add_text(paragraph: Paragraph, text: str, bold: bool) -> None:
    text = re.sub(r"\s+", " ", text)
    if not paragraph.runs:
        text = text.lstrip()
    if text:
        run = paragraph.add_run(text)
        if bold:
            run.bold = True


def font(run: Any, name: str) -> None:
    """Name the font for Latin and East Asian text alike (Word keeps them apart)."""
    from docx.oxml.ns import qn

    run.font.name = name
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _style_font(style: Any, name: str, size: float, *, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style.font.name = name
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _styles(document: WordDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    styles = document.styles
    normal = styles["Normal"]
    _style_font(normal, BODY_FONT, SANHAO)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.widow_control = True
    title = styles["Title"]
    _style_font(title, TITLE_FONT, ERHAO)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(SANHAO)
    title.paragraph_format.space_after = Pt(SANHAO)
    # Word's Title has a blue bottom border: a 公文 title has none.
    for border in title.element.xpath("./w:pPr/w:pBdr"):
        border.getparent().remove(border)
    for name, face in (
        ("Heading 1", HEADING_FONT),
        ("Heading 2", SUBHEADING_FONT),
        ("Heading 3", BODY_FONT),
    ):
        style = styles[name]
        _style_font(style, face, SANHAO, bold=name == "Heading 3")
        fmt = style.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.first_line_indent = Pt(2 * SANHAO)
        fmt.keep_with_next = True


def _page_setup(document: WordDocument) -> None:
    """A4 with the GB/T 9704 margins and its page grid of 22 lines × 28 characters."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(MARGINS_MM["bottom"] - 7 - 5)
    text_height_twips = (PAGE_MM[1] - MARGINS_MM["top"] - MARGINS_MM["bottom"]) / 25.4 * 1440
    text_width_pt = (PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 72
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(int(text_height_twips / GRID_LINES)))
    # charSpace: the extra pitch over the body size, in 1/4096 pt (negative: tighter).
    grid.set(qn("w:charSpace"), str(round((text_width_pt / GRID_CHARS - SANHAO) * 4096)))


def _page_numbers(document: WordDocument) -> None:
    """“— 1 —” in 四号 宋体: right on odd pages, left on even ones, one character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = Pt(SIHAO)
        else:
            paragraph.paragraph_format.left_indent = Pt(SIHAO)
        paragraph.add_run("— ")
        _page_field(paragraph)
        paragraph.add_run(" —")
        for run in paragraph.runs:
            font(run, NUMBER_FONT)
            run.font.size = Pt(SIHAO)


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field: Word fills in the number of each page (1 shows until it does)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    for part in (char("begin"), instruction, char("separate")):
        paragraph.add_run()._r.append(part)
    paragraph.add_run("1")
    paragraph.add_run()._r.append(char("end"))


def borders(
    paragraph: Paragraph,
    *,
    top: bool = False,
    bottom: bool = False,
    thin: bool = False,
    colour: str = "000000",
    size: int = 8,
) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side, on in (("top", top), ("bottom", bottom)):
        if not on:
            continue
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(4 if thin and side == "bottom" else size))
        line.set(qn("w:space"), "1")
        line.set(qn("w:color"), colour)
        borders.append(line)
    ppr.append(borders)


def stamp_properties(document: WordDocument, stamp: Stamp) -> None:
    """The file's title, author and dates: the document's own, never the clock's."""
    props = document.core_properties
    moment = stamp.moment.replace(tzinfo=None)
    props.title = stamp.title
    props.author = stamp.author
    props.last_modified_by = stamp.author
    props.created = moment
    props.modified = moment
    props.last_printed = moment
    props.revision = 1
    props.language = "zh-CN" if stamp.lang == "zh" else "en-US"
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.category = ""


def reproducible_zip(data: bytes, moment: dt.datetime) -> bytes:
    """The same package with every entry dated ``moment``: zip entries otherwise carry
    the time of saving, and two saves of one document would differ."""
    stamp = (moment.year, moment.month, moment.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
