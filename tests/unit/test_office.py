"""Word and PDF from a document's html: 公文 structure, A4 layout, reproducible bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from barrier_cli.core.errors import InvalidInput, UserError
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.notice import build_notice, render_notice
from barrier_cli.present.office import binary_target, title_of
from barrier_cli.present.render.office import Stamp, html_to_docx, html_to_pdf, markdown_page

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
OCT = Month(2026, 10)
STAMP = Stamp(title="通报", author="车间党总支", date=dt.date(2026, 11, 5))


def weasyprint_or_skip() -> None:
    try:
        import weasyprint  # noqa: F401
    except OSError as e:  # only a missing system library (Pango) is a reason to skip
        pytest.skip(f"WeasyPrint cannot load a system library it needs: {e}")


@pytest.fixture(scope="module")
def notice_html() -> str:
    tree = load_tree(EXAMPLE)
    notice = build_notice(tree, OCT, today=dt.date(2026, 11, 5), lang="zh", number="〔2026〕9号")
    return render_notice(notice, fmt="html", lang="zh", records=EXAMPLE)


def test_the_docx_holds_the_notice_as_a_document(notice_html: str) -> None:
    import docx

    document = docx.Document(io.BytesIO(html_to_docx(notice_html, stamp=STAMP)))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    texts = [t for _, t in paragraphs]
    authority = load_tree(EXAMPLE).settings.notice.authority
    assert texts[0] == authority and texts[1] == "〔2026〕9号"
    red = document.paragraphs[0].runs[0].font.color.rgb
    assert str(red) == "E60000"
    assert ("Title", "关于2026年10月份安全信息工作情况的通报") in paragraphs
    headings = [t for s, t in paragraphs if s == "Heading 1"]
    # the html's own parts, in order: whatever the template says, the structure carries over
    import lxml.html

    page = lxml.html.document_fromstring(notice_html.encode("utf-8"))
    assert headings == [" ".join(h.text_content().split()) for h in page.iter("h2")]
    assert headings[0] == "一、总体情况"
    paragraphs_of_html = [" ".join(p.text_content().split()) for p in page.iter("p")]
    assert [t for t in paragraphs_of_html if t not in texts] == []
    assert "特此通报。" in texts
    # 版记: 抄送 and the 印发 line, 印发机关 and 日期 apart on one line
    assert any(t.startswith("抄送：") for t in texts)
    assert texts[-1].endswith("2026年11月5日印发") and "\t" in texts[-1]
    # the attachment starts a new page
    attachment = next(p for p in document.paragraphs if p.text == "附件")
    assert attachment.paragraph_format.page_break_before


def test_the_docx_is_laid_out_as_gb_t_9704(notice_html: str) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(html_to_docx(notice_html, stamp=STAMP)))
    section = document.sections[0]
    sizes = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    assert [round(s.mm) for s in sizes if s is not None] == [210, 297, 37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars" and grid.get(qn("w:linePitch")) == "579"
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16
    fonts = normal.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert document.styles["Title"].font.size.pt == 22
    footers = [section.footer, section.even_page_footer]
    xml = [f.paragraphs[0]._p.xml for f in footers]
    assert all("PAGE" in x for x in xml)
    assert [f.paragraphs[0].text for f in footers] == ["— 1 —", "— 1 —"]


def test_a_table_keeps_its_cells() -> None:
    import docx

    html = (
        "<html><head><title>表</title></head><body><h2>一、情况</h2><table>"
        "<tr><th>单位</th><th>条数</th></tr><tr><td>一班&lt;党支部&gt;</td><td>3</td></tr>"
        "</table><svg><text>图</text></svg></body></html>"
    )
    document = docx.Document(io.BytesIO(html_to_docx(html, stamp=STAMP)))
    [table] = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["单位", "条数"],
        ["一班<党支部>", "3"],
    ]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert "图" not in "".join(p.text for p in document.paragraphs)


def test_the_docx_is_the_same_bytes_every_time_and_dated_by_the_document(
    notice_html: str,
) -> None:
    import docx

    first = html_to_docx(notice_html, stamp=STAMP)
    assert html_to_docx(notice_html, stamp=STAMP) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {i.date_time for i in package.infolist()} == {(2026, 11, 5, 0, 0, 0)}
    props = docx.Document(io.BytesIO(first)).core_properties
    assert props.created == props.modified == dt.datetime(2026, 11, 5, tzinfo=dt.UTC)
    assert (props.title, props.author) == ("通报", "车间党总支")
    later = Stamp(title="通报", author="车间党总支", date=dt.date(2026, 11, 6))
    assert html_to_docx(notice_html, stamp=later) != first


def test_the_pdf_is_a4_reproducible_and_dated_by_the_document(notice_html: str) -> None:
    weasyprint_or_skip()
    import pypdfium2 as pdfium

    first = html_to_pdf(notice_html, stamp=STAMP, records=EXAMPLE)
    assert html_to_pdf(notice_html, stamp=STAMP, records=EXAMPLE) == first
    pdf = pdfium.PdfDocument(first)
    # the body over several pages, then the attachment from a page of its own
    starts = [pdf[n].get_textpage().get_text_range().lstrip() for n in range(len(pdf))]
    attachment = next(n for n, text in enumerate(starts) if text.startswith("附件"))
    assert 1 < attachment < len(pdf)
    width, height = pdf[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    meta = pdf.get_metadata_dict()
    assert meta["CreationDate"] == meta["ModDate"] == "D:20261105000000Z"
    assert meta["Title"] == "通报"
    first_page = pdf[0].get_textpage().get_text_range()
    assert "〔2026〕9号" in first_page and "关于2026年10月份安全信息工作情况的通报" in first_page
    assert "— 1 —" in first_page
    last_page = pdf[len(pdf) - 1].get_textpage().get_text_range()
    assert "印发" in last_page


def test_a_pdf_reads_no_file_the_html_names(tmp_path: Path) -> None:
    weasyprint_or_skip()
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    html = f'<html><body><p>x</p><img src="file://{secret}"></body></html>'
    # the fetch is refused: the image is left out and the document still renders
    assert html_to_pdf(html, stamp=STAMP).startswith(b"%PDF")


def test_markdown_becomes_a_page_with_its_tables_and_raw_html_as_text() -> None:
    page = markdown_page(
        "# 分析\n\n| a | b |\n|---|---|\n| 1 | <b>2</b> |\n", title="分析", lang="zh"
    )
    assert "<table>" in page and "<td>1</td>" in page and "&lt;b&gt;2&lt;/b&gt;" in page
    assert title_of(page) == "分析"


def test_a_binary_file_is_never_written_to_a_terminal(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="--format pdf writes a binary file: give --out"):
        binary_target("pdf", None, root=None, stdout=io.BytesIO(), terminal=True)
    piped = io.BytesIO()
    binary_target("pdf", None, root=None, stdout=piped, terminal=False)(b"%PDF")
    assert piped.getvalue() == b"%PDF"
    with pytest.raises(UserError):
        binary_target("docx", EXAMPLE / "org.yaml", root=EXAMPLE, stdout=piped, terminal=False)


def test_a_machine_without_a_chinese_font_is_told_which_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import subprocess

    from barrier_cli.present.render import office

    weasyprint_or_skip()
    monkeypatch.setattr(office.shutil, "which", lambda name: "/usr/bin/fc-list")
    monkeypatch.setattr(
        office.subprocess,
        "run",
        lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout="", stderr=""),
    )
    with pytest.raises(office.OfficeUnavailable, match=r"no Chinese font.*fonts-noto-cjk"):
        html_to_pdf("<p>通报</p>", stamp=STAMP)


def test_boxes_side_by_side_read_as_one_line_and_charts_leave_no_gap() -> None:
    import docx

    html = (
        '<body><div class="kpi"><span>本月安全信息</span><b>49</b><span>风险加权 215</span></div>'
        '<div class="charts"><svg><text>趋势</text></svg></div>'
        "<p>共产党员<strong>王建国</strong>同志</p></body>"
    )
    document = docx.Document(io.BytesIO(html_to_docx(html, stamp=STAMP)))
    texts = [p.text for p in document.paragraphs]
    assert texts == ["本月安全信息 49 风险加权 215", "共产党员王建国同志"]
    assert [r.bold for r in document.paragraphs[1].runs] == [None, True, None]
