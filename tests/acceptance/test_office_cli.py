"""`--format docx|pdf` of analyze, notice, bureau analyze and bureau notice, run in-process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analysis_tree import october, report
from barrier_cli.cli.main import app
from barrier_cli.io.parallel import load_tree

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "bureau"


def weasyprint_or_skip() -> None:
    try:
        import weasyprint  # noqa: F401
    except OSError as e:  # only a missing system library (Pango) is a reason to skip
        pytest.skip(f"WeasyPrint cannot load a system library it needs: {e}")


def run(*args: str, today: str = "2026-11-24", code: int = 0) -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BARRIER_TODAY", today)
        result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.stderr


def docx_texts(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs]


def test_an_issued_notice_gives_the_same_word_file_a_month_later(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    issued = tmp_path / "issued.docx"
    said = run("--records", str(root), "notice", "--month", "2026-10", "--issue",
               "--format", "docx", "--out", str(issued), today="2026-11-05")  # fmt: skip
    [entry] = load_tree(root).notices
    assert f"已发通报 {entry.number}" in said
    texts = docx_texts(issued)
    assert entry.number in texts and "2026年11月5日" in texts
    # a month on, with a late October good catch in the records: the issued file again
    day = "2026-10-30"
    late = report(day, "mem1", commend=True, summary="补录的十月信息")
    folder = root / "reports" / "2026" / "10"
    (folder / f"{late['id']}.yaml").write_text(json.dumps(late, ensure_ascii=False), "utf-8")
    again = tmp_path / "again.docx"
    said = run("--records", str(root), "notice", "--month", "2026-10", "--format", "docx",
               "--out", str(again), today="2026-12-05")  # fmt: skip
    assert "与所发文书逐字节一致" in said
    assert again.read_bytes() == issued.read_bytes()
    draft = tmp_path / "draft.docx"
    run("--records", str(root), "notice", "--month", "2026-10", "--draft", "--format", "docx",
        "--out", str(draft), today="2026-12-05")  # fmt: skip
    assert any("补录的十月信息" in t for t in docx_texts(draft))
    assert entry.number not in docx_texts(draft)


def test_an_issued_notice_gives_the_same_pdf_a_month_later(tmp_path: Path) -> None:
    weasyprint_or_skip()
    root, _ = october(tmp_path / "records")
    issued, again = tmp_path / "issued.pdf", tmp_path / "again.pdf"
    run("--records", str(root), "notice", "--month", "2026-10", "--issue", "--format", "pdf",
        "--out", str(issued), today="2026-11-05")  # fmt: skip
    run("--records", str(root), "notice", "--month", "2026-10", "--format", "pdf",
        "--out", str(again), today="2026-12-05")  # fmt: skip
    assert issued.read_bytes().startswith(b"%PDF-")
    assert again.read_bytes() == issued.read_bytes()


def test_a_notice_that_cannot_be_written_keeps_its_number_free(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    run("--records", str(root), "notice", "--month", "2026-10", "--issue", "--format", "docx",
        "--out", str(tmp_path / "missing" / "n.docx"), today="2026-11-05", code=1)  # fmt: skip
    assert load_tree(root).notices == []


def test_the_analysis_as_word(tmp_path: Path) -> None:
    import docx
    import lxml.html

    out, html = tmp_path / "analysis.docx", tmp_path / "analysis.html"
    for fmt, path in (("docx", out), ("html", html)):
        run("--records", str(REPO / "records"), "analyze", "--month", "2026-10", "--format", fmt,
            "--out", str(path))  # fmt: skip
    page = lxml.html.document_fromstring(html.read_bytes())
    document = docx.Document(io.BytesIO(out.read_bytes()))
    # the title, every heading and every table of the html, in order
    title = " ".join(next(page.iter("h1")).text_content().split())
    assert document.paragraphs[0].text == title and "2026" in title
    headings = [" ".join(h.text_content().split()) for h in page.iter("h2")]
    styled = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert styled == headings and len(headings) > 3

    # every table of the html, in order, row for row and cell for cell (the indented unit rows
    # and the total rows too), and the proposed priorities a numbered list in both
    def words(text: str) -> str:
        return " ".join(text.split())

    html_tables = [
        [[words(c.text_content()) for c in r if c.tag in ("td", "th")] for r in t.iter("tr")]
        for t in page.iter("table")
    ]
    word_tables = [[[words(c.text) for c in r.cells] for r in t.rows] for t in document.tables]
    assert word_tables == html_tables
    proposed = [
        f"{n}. {words(b.text_content())}"
        for n, b in enumerate(page.xpath("//ol[@class='priorities']/li/b"), 1)
    ]
    texts = [p.text for p in document.paragraphs]
    assert proposed and [t for t in texts if t in proposed] == proposed
    created = document.core_properties.created
    assert created is not None and created.date().isoformat() == "2026-10-31"


def test_a_binary_format_goes_to_a_pipe(tmp_path: Path) -> None:
    weasyprint_or_skip()
    # CliRunner's stdout is not a terminal: the bytes go there as they are
    result = CliRunner().invoke(
        app,
        ["--records", str(REPO / "records"), "analyze", "--month", "2026-10", "--format", "pdf"],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"%PDF-")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ledger")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BARRIER_TODAY", "2026-11-24")
        result = CliRunner().invoke(
            app, ["bureau", "sync", "--bureau", str(EXAMPLE), "--dataset", str(out)]
        )
    assert result.exit_code == 0, result.output
    return out


def test_the_bureau_notice_and_analysis_as_word(ledger: Path, tmp_path: Path) -> None:
    common = ["--bureau", str(EXAMPLE), "--dataset", str(ledger), "--month", "2026-10"]
    notice, analysis = tmp_path / "notice.docx", tmp_path / "analysis.docx"
    run("bureau", "notice", *common, "--format", "docx", "--out", str(notice))
    run("bureau", "analyze", *common, "--format", "docx", "--out", str(analysis))
    texts = docx_texts(notice)
    assert texts[0] == "分局党委组织部文件"
    assert any("第2车务段" in t for t in texts)
    import docx

    tables = docx.Document(io.BytesIO(analysis.read_bytes())).tables
    cells = {c.text for t in tables for row in t.rows for c in row.cells}
    assert "列检车间" in cells


def test_the_bureau_notice_as_pdf(ledger: Path, tmp_path: Path) -> None:
    weasyprint_or_skip()
    import pypdfium2 as pdfium

    out = tmp_path / "notice.pdf"
    run("bureau", "notice", "--bureau", str(EXAMPLE), "--dataset", str(ledger), "--month",
        "2026-10", "--format", "pdf", "--out", str(out))  # fmt: skip
    pdf = pdfium.PdfDocument(out.read_bytes())
    text = pdf[0].get_textpage().get_text_range()
    assert "分局党委组织部文件" in text and "第1机务段" in text
