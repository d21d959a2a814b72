"""What a Markdown document does when a viewer renders it (CommonMark with GFM tables and
strikethrough), so a test can tell markup a template wrote from markup record text made."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])

ACTIVE = frozenset(
    {
        "html_block",
        "html_inline",
        "link_open",
        "image",
        "code_inline",
        "code_block",
        "fence",
        "blockquote_open",
        "em_open",
        "s_open",
        "hr",
    }
)
"""Token types no shipped Markdown template writes: any of them comes from record text."""


@dataclass
class Rendered:
    active: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    text: str = ""


def parse(markdown: str) -> Rendered:
    """Active tokens, and the visible text of headings, list items, table cells and all."""
    tokens = _PARSER.parse(markdown)
    out = Rendered()
    texts: list[str] = []
    for i, token in enumerate(tokens):
        if token.type in ACTIVE:
            out.active.append(f"{token.type} {token.content!r}")
        if token.type == "tr_open":
            out.rows.append(0)
        if token.type != "inline":
            continue
        out.active += [f"{c.type} {c.content!r}" for c in token.children or [] if c.type in ACTIVE]
        visible = _visible(token)
        texts.append(visible)
        opening = tokens[i - 1].type
        if opening == "heading_open":
            out.headings.append(visible)
        elif opening in ("td_open", "th_open"):
            out.cells.append(visible)
            out.rows[-1] += 1
        elif opening == "paragraph_open" and i >= 2 and tokens[i - 2].type == "list_item_open":
            out.items.append(visible)
    out.text = "\n".join(texts)
    return out


def _visible(inline: Token) -> str:
    return "".join(
        " " if c.type in ("softbreak", "hardbreak") else c.content
        for c in inline.children or []
        if c.type in ("text", "text_special", "softbreak", "hardbreak", "code_inline")
    )
