"""Record text made inert in Markdown, as HTML autoescape makes it inert in HTML.

A value lands inside a line the template wrote: a paragraph, a list item or a table cell. What
it may not do there is start a block (heading, list, quote, rule), close the cell (``|``), or
become markup (raw HTML, a link, an image, code, emphasis, an autolink). Its visible text stays:
every escape is a CommonMark backslash escape, which renders as the character itself.
"""

from __future__ import annotations

import re

# Characters that start inline markup anywhere in a line; ``|`` ends a GFM table cell. An
# underscore between two letters or digits (``wu_lei``) cannot emphasise and stays as it is.
_INLINE = re.compile(r"[\\`*\[\]<>|~]|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")
# Bare URLs and e-mail addresses become links in GFM and in many viewers without any markup.
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(?=:\/\/)|(?<=\bwww)(?=\.)|(?<=\w)(?=@\w)", re.IGNORECASE)
# What starts a block when it begins a line: an ATX heading, a list item, a setext underline
# or a thematic break. ``>``, fences and ``*`` are escaped inline anyway.
_BLOCK_START = re.compile(r"(?:#{1,6}|[-+])(?=\s|$)|[-=][-= \t]*$")
_ORDERED_ITEM = re.compile(r"(\d{1,9})(?=[.)](?:\s|$))")
# A heading's closing sequence: ``#`` at the end after a space would be dropped from a heading.
_CLOSING_HASHES = re.compile(r"(?<!\S)#+$")


def escape_markdown(text: str) -> str:
    """``text`` on one line with every Markdown-significant character escaped.

    Line breaks become spaces, as HTML shows them, so no line of the value can start a block
    or leave the table cell it is in.
    """
    line = " ".join(part.strip() for part in text.splitlines() if part.strip())
    line = _INLINE.sub(lambda m: "\\" + m.group(), line)
    line = _AUTOLINK.sub("\\\\", line)
    line = _CLOSING_HASHES.sub(lambda m: "\\" + m.group(), line)
    if _BLOCK_START.match(line):
        return "\\" + line
    number = _ORDERED_ITEM.match(line)
    return line if number is None else f"{number.group()}\\{line[number.end() :]}"
