"""The notice and the analysis in Word from their Word templates (templates/common/*.docx)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from analysis_tree import october
from barrier_cli.core import i18n
from barrier_cli.core.periods import Month
from barrier_cli.io.parallel import load_tree
from barrier_cli.present.notice import build_notice
from barrier_cli.present.render.budget import TemplateFailed
from barrier_cli.present.render.document import filters, render_analysis
from barrier_cli.present.render.docx_template import render_docx
from barrier_cli.present.render.office import RED, Stamp
from barrier_cli.reports.analysis.monthly import analyze
from cli_helpers import barrier

docx = pytest.importorskip("docx")

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "records"
SHIPPED = REPO / "src" / "barrier_cli" / "templates" / "common"
OCT = Month(2026, 10)
TODAY = dt.date(2026, 11, 24)
STAMP = Stamp(title="t", author="a", date=TODAY)
RECORD_ID = re.compile(r"(?<![A-Za-z0-9])[RIPAN]-\d{4,8}-[0-9A-Za-z_-]+")


def _document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _styled(document: Any, *styles: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name in styles]


@pytest.fixture(scope="module")
def example() -> Any:
    return load_tree(EXAMPLE)


@pytest.fixture(scope="module")
def notice_docx(example: Any) -> bytes:
    notice = build_notice(example, OCT, today=TODAY, lang="zh", number="车间党总支〔2026〕9号")
    return render_docx(
        "notice.docx",
        {"notice": notice, "lang": "zh"},
        lang="zh",
        stamp=STAMP,
        records=EXAMPLE,
        filters=filters("zh"),
    )


def test_the_word_notice_has_the_gb_t_9704_parts_in_order(notice_docx: bytes) -> None:
    document = _document(notice_docx)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "中共牡丹江车辆段列检车间总支部委员会"
    issuer = document.paragraphs[0].runs[0]
    assert str(issuer.font.color.rgb) == RED
    assert texts[1] == "车间党总支〔2026〕9号"
    red_rule = document.paragraphs[2]._p.xpath("./w:pPr/w:pBdr/w:bottom/@w:color")
    assert red_rule == [RED]
    assert _styled(document, "Title", "Heading 1") == [
        "关于2026年10月份安全信息工作情况的通报",
        "一、总体情况",
        "二、表扬",
        "三、存在的问题",
        "四、考核结果",
        "五、整改要求",
        "2026年10月份通报事项清单",
    ]
    assert _styled(document, "Heading 2")[:5] == [
        "（一）事故和“两违”情况",
        "（二）事故苗子情况",
        "（三）拟列安全关键人",
        "（四）包保转化情况",
        "（五）各党支部存在的问题",
    ]
    assert texts[4] == "各党支部："
    # 署名 and 成文日期, then the 附件 on a page of its own, then the 版记
    sign = texts.index("2026年11月24日")
    assert texts[sign - 1] == "中共牡丹江车辆段列检车间总支部委员会"
    annex = texts.index("附件")
    assert annex > sign and document.paragraphs[annex].paragraph_format.page_break_before
    assert texts[-2].startswith("抄送：")
    assert texts[-1] == "列检车间党总支\t2026年11月24日印发"


def test_the_word_notice_names_record_ids_only_in_its_attachment(notice_docx: bytes) -> None:
    document = _document(notice_docx)
    texts = [p.text for p in document.paragraphs]
    assert [t for t in texts if RECORD_ID.search(t)] == []
    # the attachment's tables name matters by date, unit and content, without record ids
    scores, *annexed = document.tables
    assert [c.text for r in scores.rows for c in r.cells if RECORD_ID.search(c.text)] == []
    rows = [[c.text for c in r.cells] for t in annexed for r in t.rows]
    assert {tuple(r) for r in rows if r[0] == "序号"} == {("序号", "事项")}
    assert [r for r in rows if RECORD_ID.search("".join(r))] == []


def test_the_word_notice_tables_the_branch_scores(notice_docx: bytes, example: Any) -> None:
    notice = build_notice(example, OCT, today=TODAY, lang="zh")
    table = _document(notice_docx).tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["名次", "党支部", "得分", "排尾"]
    assert [r[1] for r in rows[1:]] == [s.name for s in notice.scores]
    assert [r[3] for r in rows[1:]] == ["排尾" if s.lowest else "" for s in notice.scores]


def test_the_word_notice_keeps_the_gb_t_9704_page(notice_docx: bytes) -> None:
    document = _document(notice_docx)
    section = document.sections[0]
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    assert document.settings.odd_and_even_pages_header_footer
    assert section.footer.paragraphs[0].text == "— 1 —"
    assert section.even_page_footer.paragraphs[0].text == "— 1 —"
    styles = document.styles
    east_asia = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
    fonts = {
        name: styles[name].element.rPr.rFonts.get(east_asia)
        for name in ("Normal", "Title", "Heading 1", "Heading 2")
    }
    assert fonts == {
        "Normal": "仿宋_GB2312",
        "Title": "方正小标宋简体",
        "Heading 1": "黑体",
        "Heading 2": "楷体_GB2312",
    }
    with zipfile.ZipFile(io.BytesIO(bytes(notice_docx))) as package:
        table = package.read("word/fontTable.xml").decode()
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>' in table


def _analysis(example: Any, lang: str) -> tuple[Any, Any, str]:
    """The October analysis: its result, its Word document and its Markdown."""
    result = analyze(example, OCT, today=TODAY, lang=lang)
    data = render_docx(
        "analysis.docx",
        {"a": result, "lang": lang},
        lang=lang,
        stamp=STAMP,
        records=EXAMPLE,
        filters=filters(lang),
    )
    return result, _document(data), render_analysis(result, fmt="md", lang=lang, records=EXAMPLE)


def _md_lines(md: str) -> tuple[list[str], list[str]]:
    """The Markdown's paragraphs, headings and list items as plain text, and its table rows."""
    lines, rows = [], []
    for line in md.splitlines():
        text = line.strip()
        if re.fullmatch(r"\|[-:|]+\|", text):
            continue
        plain = text.replace("**", "").replace("\\", "")
        if text.startswith("|"):
            rows.append([c.strip() for c in plain.strip("|").split("|")])
        elif plain:
            lines.append(re.sub(r"^(?:#+ |- |> )", "", plain).strip())
    return lines, rows


def test_the_word_analysis_has_its_seven_parts_and_tables(example: Any) -> None:
    result, document, md = _analysis(example, "zh")
    headings = [
        line.partition(" ")[2] for line in md.splitlines() if line.startswith(("# ", "## "))
    ]
    assert _styled(document, "Title", "Heading 1") == headings
    assert headings == [
        "列检车间党总支2026年10月份党内安全信息综合分析",
        "一、总体情况",
        "二、存在的主要问题",
        "三、典型案例剖析",
        "四、上月保安全重点落实情况",
        "五、薄弱环节",
        "六、下月保安全重点（建议）",
        "七、考核与排序",
        "附件：有关记录清单",
    ]
    assert _styled(document, "Heading 2") == [
        line.partition(" ")[2] for line in md.splitlines() if line.startswith("### ")
    ]
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    this, earlier = (
        [r.cells[1].text for r in t.rows[1:]]
        for t in document.tables
        if tuple(c.text for c in t.rows[0].cells)
        == ("日期", "事件", "性质", "单位", "人员", "状态", "三不放过")
    )
    assert this == [i.subject for i in result.incidents]
    assert earlier == [i.subject for i in result.earlier_open]
    pairings = tables[("关键人", "包保人", "开始日期", "基本转化期限", "完全转化期限", "状态")]
    assert [r.cells[0].text for r in pairings.rows[1:]] == [
        p.person_name for p in result.pairings.rows
    ]
    assert result.scores is not None
    # first scores (items still to enter) are listed in org order, without ranks
    scores = tables[("党支部", "得分", "满分（已评8个项点）", "未录入项点")]
    assert [r.cells[0].text for r in scores.rows[1:]] == [
        "一班党支部",
        "二班党支部",
        "三班党支部",
        "四班党支部",
    ]
    # every table repeats its header row on each page it runs onto
    assert all(t.rows[0]._tr.xpath("./w:trPr/w:tblHeader") for t in document.tables)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_word_analysis_says_what_the_markdown_says(example: Any, lang: str) -> None:
    _, document, md = _analysis(example, lang)
    lines, rows = _md_lines(md)
    assert [p.text.strip() for p in document.paragraphs if p.text.strip()] == lines
    assert [[c.text.strip() for c in r.cells] for t in document.tables for r in t.rows] == rows


def test_the_word_analysis_names_no_record_id(example: Any) -> None:
    """Review 6 (zh 8): the attachment lists the records by part and date, without ids."""
    _, document, _ = _analysis(example, "zh")
    texts = [p.text for p in document.paragraphs]
    annex = texts.index("附件：有关记录清单")
    assert [t for t in texts if RECORD_ID.search(t)] == []
    assert texts[annex + 1] == "一、总体情况"
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert [c for c in cells if RECORD_ID.search(c)] == []
    # signed by the general branch on the as-of day, after the attachment
    assert texts[-2:] == ["列检车间党总支", "2026年10月31日"]


def test_every_word_the_templates_use_is_in_the_zh_catalogue() -> None:
    catalogue = i18n.translations("zh")
    for name in ("notice.docx", "analysis.docx"):
        with zipfile.ZipFile(SHIPPED / name) as package:
            xml = package.read("word/document.xml").decode()
        text = re.sub(r"<[^>]+>", "", xml).replace("&quot;", '"').replace("&#x27;", "'")
        msgids = set(re.findall(r'_\("((?:[^"\\]|\\.)*)"', text))
        assert msgids, name
        untranslated = {
            m for m in msgids if catalogue.gettext(m) == m and m not in (", ", ".", ": ")
        }
        assert untranslated == set(), name


def test_the_script_rebuilds_the_checked_in_templates_byte_for_byte() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_docx_templates", REPO / "scripts" / "make_docx_templates.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--check"]) == 0
    for name, build in script.TEMPLATES.items():
        assert build().data() == (SHIPPED / name).read_bytes()


def test_the_same_notice_gives_the_same_bytes(example: Any, notice_docx: bytes) -> None:
    notice = build_notice(example, OCT, today=TODAY, lang="zh", number="车间党总支〔2026〕9号")
    again = render_docx(
        "notice.docx",
        {"notice": notice, "lang": "zh"},
        lang="zh",
        stamp=STAMP,
        records=EXAMPLE,
        filters=filters("zh"),
    )
    assert again == notice_docx


# --- a tree's own Word template --------------------------------------------------------


def _own_template(root: Path, *extra: str) -> Path:
    """The shipped notice.docx with ``extra`` paragraphs added, as the tree's own."""
    document = docx.Document(str(SHIPPED / "notice.docx"))
    for text in extra:
        document.add_paragraph(text)
    target = root / "templates" / "common" / "notice.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


def _notice(root: Path, out: Path, *more: str, env: dict[str, str | None] | None = None) -> Any:
    return barrier(
        root, "notice", "--month", "2026-10", "--format", "docx", "--out", str(out), *more, env=env
    )


def test_a_trees_own_word_template_is_used(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    _own_template(root, "本树自定：{{ notice.title }}，{{ _('2. Commendations') }}")
    out = tmp_path / "n.docx"
    ran = _notice(root, out)
    assert ran.returncode == 0, ran.stderr
    texts = [p.text for p in _document(out.read_bytes()).paragraphs]
    assert texts[-1] == "本树自定：关于2026年10月份安全信息工作情况的通报，二、表扬"


def test_the_eject_command_copies_the_word_template_unchanged(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    ran = barrier(root, "templates", "eject", "common/notice.docx")
    assert ran.returncode == 0, ran.stderr
    own = root / "templates" / "common" / "notice.docx"
    assert own.read_bytes() == (SHIPPED / "notice.docx").read_bytes()
    listed = barrier(root, "--lang", "en", "templates", "list").stdout
    assert "common/notice.docx  (overridden in the tree)" in listed


def test_record_text_is_escaped_into_the_word_xml(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    # what a value holds, not what the template's own text says: "<&" made by the template
    _own_template(root, "{{ '%c%c' | format(60, 38) ~ notice.title }}")
    out = tmp_path / "n.docx"
    ran = _notice(root, out)
    assert ran.returncode == 0, ran.stderr
    assert (
        _document(out.read_bytes()).paragraphs[-1].text
        == "<&关于2026年10月份安全信息工作情况的通报"
    )


@pytest.mark.parametrize(
    ("paragraph", "said"),
    [
        ("{{ notice.title ", "template error: "),
        ("{{ notice.no_such_field }}", "has no attribute 'no_such_field'"),
        ("{{ notice.__class__.__mro__ }}", "template error: access to attribute '__class__'"),
        (
            "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
            "past its budget of 0.5 s CPU",
        ),
    ],
)
def test_a_broken_word_template_fails_in_one_line_naming_it(
    tmp_path: Path, paragraph: str, said: str
) -> None:
    root, _ = october(tmp_path / "records")
    own = _own_template(root, paragraph)
    out = tmp_path / "n.docx"
    ran = _notice(root, out, env={"BARRIER_TEMPLATE_CPU_SECONDS": "0.5"})
    assert ran.returncode == 1, ran.stderr
    [line] = ran.stderr.splitlines()
    assert str(own) in line and said in line
    assert "Traceback" not in ran.stderr
    assert not out.exists()


def test_a_word_template_stops_at_the_output_budget(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    _own_template(root, "{% for i in range(30000) %}{{ notice.title * 100 }}{% endfor %}")
    out = tmp_path / "n.docx"
    ran = _notice(root, out)
    assert ran.returncode == 1, ran.stderr
    [line] = ran.stderr.splitlines()
    assert "template error: the document passed 20,000,000 characters" in line
    assert not out.exists()


def test_a_file_that_is_not_a_word_document_fails_in_one_line(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    own = root / "templates" / "common" / "notice.docx"
    own.parent.mkdir(parents=True)
    own.write_text("{{ notice.title }}", encoding="utf-8")
    out = tmp_path / "n.docx"
    ran = _notice(root, out)
    assert ran.returncode == 1, ran.stderr
    [line] = ran.stderr.splitlines()
    assert str(own) in line and "not a Word (.docx) file" in line
    assert not out.exists()


def test_a_symlinked_word_template_is_refused(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    elsewhere = tmp_path / "elsewhere.docx"
    elsewhere.write_bytes((SHIPPED / "notice.docx").read_bytes())
    own = root / "templates" / "common" / "notice.docx"
    own.parent.mkdir(parents=True)
    own.symlink_to(elsewhere)
    ran = _notice(root, tmp_path / "n.docx")
    assert ran.returncode == 1, ran.stderr
    assert "template refused: a symlink" in ran.stderr


def test_a_broken_word_template_takes_no_notice_number(tmp_path: Path) -> None:
    """A broken template stops an issue before a number is taken."""
    root, _ = october(tmp_path / "records")
    _own_template(root, "{{ notice.no_such_field }}")
    ran = _notice(root, tmp_path / "n.docx", "--issue", env={"BARRIER_TODAY": "2026-11-05"})
    assert ran.returncode == 1, ran.stderr
    assert load_tree(root).notices == []


def test_the_english_word_notice_speaks_english(tmp_path: Path) -> None:
    root, _ = october(tmp_path / "records")
    out = tmp_path / "n.docx"
    ran = barrier(
        root, "--lang", "en", "notice", "--month", "2026-10", "--format", "docx", "--out", str(out)
    )
    assert ran.returncode == 0, ran.stderr
    headings = _styled(_document(out.read_bytes()), "Heading 1")
    assert headings[:2] == ["1. Overview", "2. Commendations"]


def test_a_missing_template_is_one_line() -> None:
    with pytest.raises(TemplateFailed, match=r"no template zh/nothing\.docx"):
        render_docx("nothing.docx", {}, lang="zh", stamp=STAMP)
