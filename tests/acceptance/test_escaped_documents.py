"""Record text in every document is text: Markdown escaped like HTML, no link from a record.

A hostile tree carries markup in every field a document shows (organisation, issuer,
recipients, unit, group and person names, summary, multi-line notes, location, vehicle, case title,
action); its benign twin holds the same records with plain words. Rendered, the hostile
documents must have exactly the twin's structure (headings, list items, table rows; in HTML
the same tags) and show every payload as visible text.
"""

from __future__ import annotations

import copy
import datetime as dt
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from barrier_cli.io.canonical import dumps
from barrier_cli.reports.names import romanised
from cli_helpers import barrier
from markdown_inert import parse
from minitree import ORG, closed_without_causes, pairing, report, write

PAYLOADS = {
    "organisation": "<script>alert('org')</script>车间",
    "issuer": "# 伪造 <img src=x onerror=alert('issuer')>",
    "recipient": "- [各支部](javascript:alert('to'))",
    "second recipient": "> 引用 <b>各组</b>",
    "unit": "1. 二班|党支部 ![](http://evil.example/unit.png)",
    "group": "=== 二班一组 &lt;i&gt; &#60;b>",
    "person": "`朱春祥` **粗** _斜_",
    "mentor": "赵强 <a href=http://evil.example>x</a>",
    "summary": "发现<script>alert('summary')</script>|擦伤 [x](javascript:alert(1))",
    "location": "[站](http://evil.example/place)",
    "vehicle": "G<u>6</u>06",
    "title": "# 标题 ![](http://evil.example/title.png) ~~删~~",
    "action": "| 伪表格 | --- | <img src=x onerror=alert('action')>",
}
NOTES = "第一行\n# 注入标题\n\n| a | b |\n|---|---|\n- 伪项\n1. 伪序号\n```\n代码\n```\n<img src=x onerror=alert('notes')>"


def tree(root: Path, values: dict[str, str], notes: str) -> Path:
    org: dict[str, Any] = copy.deepcopy(ORG)
    org["units"][3]["name"] = values["unit"]
    org["units"][4]["name"] = values["group"]
    org["people"][1]["name"] = values["person"]
    org["people"][4]["name"] = values["mentor"]
    # the same words as the English an English document prints (``*_en``)
    action = {"action": values["action"], "action_en": values["action"]}
    praised = report(
        commend=True,
        summary=values["summary"],
        summary_en=values["summary"],
        notes=notes,
        location=values["location"],
        location_en=values["location"],
        vehicle=values["vehicle"],
        actions=[action | {"owner": "zhao", "due": dt.date(2026, 10, 12)}],
        status="open",
    )
    case = closed_without_causes(title=values["title"], title_en=values["title"])
    settings = {
        "organisation": values["organisation"],
        "notice": {
            "issuer": values["issuer"],
            "recipients": [values["recipient"], values["second recipient"]],
        },
    }
    write(root, praised, case, pairing(), settings=settings)
    (root / "org.yaml").write_text(dumps(org), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("escaped")
    plain = {key: f"平常文字{i}" for i, key in enumerate(PAYLOADS)}
    return tree(base / "hostile", PAYLOADS, NOTES), tree(base / "plain", plain, "第一行\n第二行")


def document(root: Path, args: list[str]) -> str:
    done = barrier(root, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


DOCUMENTS = {
    "notice": ["notice", "--month", "2026-10"],
    "analysis": ["analyze", "--month", "2026-10"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_markdown_gets_no_markup_from_record_text(
    trees: tuple[Path, Path],
    name: str,
    lang: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile, plain = trees
    args = ["--lang", lang, *DOCUMENTS[name], "--format", "md"]
    shown = parse(document(hostile, args))
    twin = parse(document(plain, args))
    assert shown.active == []
    assert len(shown.headings) == len(twin.headings)
    assert len(shown.items) == len(twin.items)
    assert shown.rows == twin.rows
    assert not any("注入标题" in heading for heading in shown.headings)
    for field, payload in PAYLOADS.items():
        if field in SHOWN[name]:
            assert shown_as(payload, field, lang) in shown.text, field
    if name == "notice":  # a 公文 carries no free text: the praise's reward is the register's
        assert "第一行" not in shown.text


def shown_as(payload: str, field: str, lang: str) -> str:
    """A payload as the document prints it: people are named in pinyin in English."""
    return romanised(payload) if lang == "en" and field in ("person", "mentor") else payload


SHOWN = {
    "notice": {
        "organisation",
        "issuer",
        "recipient",
        "second recipient",
        "unit",
        "person",
        "summary",
        "location",
        "vehicle",
        "title",
    },
    "analysis": {
        "organisation",
        "group",
        "person",
        "mentor",
        "summary",
        "location",
        "action",
        "title",
    },
}
"""The fields each document shows (the notice has no actions, the analysis no issuer)."""


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [f"{k}={v}" for k, v in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def tags(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_html_gets_no_tag_or_link_from_record_text(
    trees: tuple[Path, Path],
    name: str,
    lang: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile, plain = trees
    args = ["--lang", lang, *DOCUMENTS[name], "--format", "html"]
    shown = tags(document(hostile, args))
    twin = tags(document(plain, args))
    assert shown.tags == twin.tags
    assert not any("evil" in a or "javascript" in a or "onerror" in a for a in shown.attributes)
    text = " ".join("".join(shown.text).split())
    for field, payload in PAYLOADS.items():
        if field in SHOWN[name]:
            assert " ".join(shown_as(payload, field, lang).split()) in text, field
