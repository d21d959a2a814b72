"""render.markdown.escape_markdown: record text stays text wherever a template puts it."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from barrier_cli.present.render.markdown import escape_markdown
from markdown_inert import parse

CONTEXTS = {
    "paragraph": "{}\n",
    "after text": "说明：{}。\n",
    "list item": "- {}\n",
    "numbered item": "1. {}\n",
    "heading": "## {}\n",
    "table cell": "| a | b |\n|---|---|\n| {} | x |\n",
    "strong": "**1. {}**（1项）\n",
}
"""Where the shipped Markdown templates put a value; ``{}`` is the value."""

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "第一行\n# 注入标题\n\n第三行",
    "a | b | c",
    "[点我](javascript:alert(1))",
    "![](http://evil.example/x.png)",
    "<http://evil.example>",
    "http://evil.example/a www.evil.example mail@evil.example",
    "`代码` ```围栏```",
    "- 伪列表",
    "+ 伪列表",
    "1. 伪序号",
    "3) 伪序号",
    "> 引用",
    "---",
    "===",
    "***",
    "~~~",
    "    缩进代码",
    "**粗** _斜_ ~~删~~ *斜*",
    "a\\",
    "结尾 #",
    "&lt;b&gt; &amp; &#60;",
    "[ref]: http://evil.example",
    "| --- | --- |",
]


def shown(template: str, value: str) -> tuple[list[str], str]:
    """The active markup and visible text of ``template`` with the escaped value in it."""
    document = parse(template.format(escape_markdown(value)))
    return document.active, document.text


def one_line(value: str) -> str:
    return " ".join(part.strip() for part in value.splitlines() if part.strip())


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_is_visible_text_and_no_markup(context: str, payload: str) -> None:
    template = CONTEXTS[context]
    active, text = shown(template, payload)
    assert active == []
    assert one_line(payload) in text
    # Nothing else of the document changed shape: as many headings, items and cells.
    plain, with_payload = (
        parse(template.format("x")),
        parse(template.format(escape_markdown(payload))),
    )
    assert len(with_payload.headings) == len(plain.headings)
    assert len(with_payload.items) == len(plain.items)
    assert with_payload.rows == plain.rows


PIECES = [
    *"ab中 \n\t#>-+*_=~`|[]()!<&;:/.\\",
    "1.",
    "2)",
    "http://",
    "www.",
    "&amp;",
    "a@b.c",
    "---",
]
"""Pieces of Markdown syntax, so that generated text often forms some."""


@given(
    # Control characters never reach a document: check refuses them in every record.
    value=st.lists(
        st.sampled_from(PIECES) | st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn")),
        max_size=16,
    ).map("".join),
    context=st.sampled_from(sorted(CONTEXTS)),
)
@example(value="--\t-", context="list item")  # a rule may hold tabs between its dashes
def test_property_any_text_renders_as_itself(value: str, context: str) -> None:
    active, text = shown(CONTEXTS[context], value)
    assert active == []
    assert one_line(value) in text


def test_ordinary_text_is_left_as_it_is() -> None:
    for text in ("A-2025-09-wu_lei", "G606230356车5位", "2026-10-05", "+3", "-2", "41008次"):
        assert escape_markdown(text) == text
