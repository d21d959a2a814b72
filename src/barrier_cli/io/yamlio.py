"""Safe YAML reading: a fast C-parser path for data, a position-keeping path on demand.

Records are untrusted. The fast path (ruamel's C parser with a strict safe constructor)
refuses Python and custom tags, duplicate keys, anchors and aliases (so an alias bomb fails
at the first repeated node), impossible dates and needless depth. Line and column of every
key and value cost a round-trip parse, paid only for files that have something to report.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _ruamel_yaml import CParser  # type: ignore[import-not-found]
from ruamel.yaml import YAML
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, StreamEndEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver, implicit_resolvers
from ruamel.yaml.tag import Tag

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.errors import os_reason
from barrier_cli.core.models.common import Loc

MAX_BYTES = 1_000_000
MAX_DEPTH = 24
# C0 and C1 controls (a lone CR too: YAML would count it as a line break), zero-width and
# bidirectional marks, line and paragraph separators, a stray BOM and the non-characters;
# and what shows as nothing: the soft hyphen, Hangul and Khmer fillers, the Mongolian vowel
# separator, interlinear annotation marks, tag characters (U+E0000 block) and variation
# selectors, which `_hidden_at` lets pass after a character whose look they choose (an
# emoji's). One character class: every file's whole text is searched with it.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\ufffe\uffff\U000e0000-\U000e007f]|\r(?!\n)"
)
_INVISIBLE = re.compile(
    "[\xad\u115f\u1160\u17b4\u17b5\u180e\u3164\uffa0\ufff9-\ufffb\U000e0000-\U000e007f"
    "\ufe00-\ufe0f]"
)


def _is_variation_selector(char: str) -> bool:
    return "\ufe00" <= char <= "\ufe0f"


def _hidden_at(text: str) -> int:
    """Where the first character `_CONTROL` refuses is in ``text``, or -1."""
    for found in _CONTROL.finditer(text):
        at = found.start()
        if not _is_variation_selector(text[at]) or at == 0:
            return at
        before = text[at - 1]
        if before.isspace() or before in "\"'" or _is_variation_selector(before):
            return at
    return -1


def hidden_name(char: str) -> str:
    """How a refused character is named: 'control character U+202E', 'invisible character …'."""
    if _INVISIBLE.fullmatch(char):
        return i18n._("invisible character U+{code:04X}").format(code=ord(char))
    return i18n._("control character U+{code:04X}").format(code=ord(char))


# Only text with many brackets or deep indentation can nest deeply; only it pays for a scan.
_DEEP_INDENT = re.compile(f"^[ ?:-]{{{2 * MAX_DEPTH}}}", re.MULTILINE)
_SCALAR_NAMES = {"null": "null", "bool": "true or false", "int": "number", "float": "number"}
_REFUSED_TAGS = ("binary", "omap", "pairs", "set")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)


@dataclass(unsafe_hash=True, slots=True)
class ParseProblem(Exception):
    """Why a file's text is not a record; line and col are 1-based (0: unknown).

    Not frozen: Python sets ``__traceback__`` on an exception that leaves a ``with`` block of a
    ``contextmanager``, and a frozen dataclass refuses that (a TypeError, exit 3).
    """

    code: str
    message: str
    line: int = 0
    col: int = 0
    hint: str = ""


def _mark_problem(code: str, message: str, mark: Any, hint: str = "") -> ParseProblem:
    if mark is None:
        return ParseProblem(code, message, hint=hint)
    return ParseProblem(code, message, mark.line + 1, mark.column + 1, hint)


class _StrictConstructor(SafeConstructor):
    """The safe constructor, minus aliases and impossible dates, with a depth limit."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _mark_problem(
                f.ALIAS,
                i18n._("YAML anchors and aliases are not allowed in records"),
                node.start_mark,
                i18n._("write the value out in full"),
            )
        if len(self.recursive_objects) > MAX_DEPTH:
            raise _mark_problem(
                f.TOO_DEEP,
                i18n._("nested deeper than {MAX_DEPTH} levels").format(MAX_DEPTH=MAX_DEPTH),
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _mark_problem(
                    f.ALIAS,
                    i18n._("YAML merge keys ('<<') are not allowed in records"),
                    key_node.start_mark,
                    i18n._("write the fields out in full"),
                )
            if key_node.tag != "tag:yaml.org,2002:str":
                raise _mark_problem(
                    f.TYPE,
                    i18n._("the key {source} is not text").format(source=_source(key_node)),
                    key_node.start_mark,
                    i18n._("keys are field names; quote it if it really is one"),
                )
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError as e:
            raise _mark_problem(
                f.BAD_DATE,
                i18n._("{value!r} is not a real date ({e})").format(
                    value=node.value, e=i18n._(str(e))
                ),
                node.start_mark,
                i18n._("dates are YYYY-MM-DD and must exist"),
            ) from e

    def construct_checked_scalar(self, node: Any) -> Any:
        """null, bool, int and float; an explicit tag (``!!int abc``) can make them fail."""
        name = node.tag.rsplit(":", 1)[-1]
        try:
            return self.yaml_constructors[f"checked:{name}"](self, node)
        except (ValueError, KeyError, TypeError, OverflowError) as e:
            raise _mark_problem(
                f.SYNTAX,
                i18n._("{source} is not a valid {item}").format(
                    source=_source(node), item=i18n._(_SCALAR_NAMES[name])
                ),
                node.start_mark,
                i18n._("quote it if it is text"),
            ) from e

    def construct_undefined(self, node: Any) -> Any:
        raise _mark_problem(
            f.TAG,
            i18n._("the tag {tag!r} is not allowed in records").format(tag=node.tag),
            node.start_mark,
            i18n._("remove the tag; records hold plain values"),
        )


_StrictConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _StrictConstructor.construct_yaml_timestamp
)
_StrictConstructor.add_constructor(None, _StrictConstructor.construct_undefined)
for _name in _SCALAR_NAMES:
    _tag = f"tag:yaml.org,2002:{_name}"
    _StrictConstructor.add_constructor(
        f"checked:{_name}", _StrictConstructor.yaml_constructors[_tag]
    )
    _StrictConstructor.add_constructor(_tag, _StrictConstructor.construct_checked_scalar)
for _name in _REFUSED_TAGS:
    _StrictConstructor.add_constructor(
        f"tag:yaml.org,2002:{_name}", _StrictConstructor.construct_undefined
    )


def _source(node: Any) -> str:
    """A node as the user wrote it, shortened, for messages; a collection by its kind."""
    if not isinstance(node.value, str):
        return "a list" if node.id == "sequence" else "a mapping"
    text: str = node.value
    return repr(text if len(text) <= 40 else text[:37] + "...")


# YAML 1.2 implicit resolvers by first character, built once. ruamel's VersionedResolver
# works out the version again for every scalar, and its YAML.load builds a new loader class
# for every document; together they cost more than the C parser itself.
_IMPLICIT: dict[str | None, list[tuple[Tag, Any]]] = {}
_TAGS: dict[str, Tag] = {}
for _versions, _tag_name, _regexp, _first in implicit_resolvers:
    if (1, 2) in _versions:
        for _ch in _first if _first is not None else [None]:
            # ruamel wraps its patterns in LazyEval, a Python-level proxy on every match
            _pattern = getattr(_regexp, "lazy_self", lambda p=_regexp: p)()
            _tag_object = _TAGS.setdefault(_tag_name, Tag(suffix=_tag_name))
            _IMPLICIT.setdefault(_ch, []).append((_tag_object, _pattern))
_ANY_FIRST = _IMPLICIT.pop(None, [])
_BY_FIRST = {ch: resolvers + _ANY_FIRST for ch, resolvers in _IMPLICIT.items()}
_STR, _SEQ, _MAP = (Tag(suffix=f"tag:yaml.org,2002:{n}") for n in ("str", "seq", "map"))
_DATE, _BOOL, _INT, _FLOAT, _NULL = (
    _TAGS[f"tag:yaml.org,2002:{n}"] for n in ("timestamp", "bool", "int", "float", "null")
)
_SIMPLE: dict[Tag, dict[str, Any]] = {
    _BOOL: {
        "true": True,
        "True": True,
        "TRUE": True,
        "false": False,
        "False": False,
        "FALSE": False,
    },
    _NULL: {"": None, "~": None, "null": None, "Null": None, "NULL": None},
}


def _resolve_plain(value: str) -> Tag:
    tag = next(
        (tag for tag, regexp in _BY_FIRST.get(value[:1], _ANY_FIRST) if regexp.match(value)),
        _STR,
    )
    if len(value) <= 40 and len(_PLAIN_TAGS) < _PLAIN_TAGS_MAX:
        _PLAIN_TAGS[value] = tag
    return tag


_PLAIN_TAGS: dict[str, Tag] = {}
"""The tag of each short unquoted scalar seen: keys, choices and dates recur in every file."""
_PLAIN_TAGS_MAX = 200_000


class _Resolver(VersionedResolver):
    """YAML 1.2 resolution (what ruamel's C path always uses), without per-node overhead."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if implicit[0]:
                tag = _PLAIN_TAGS.get(value)
                return tag if tag is not None else _resolve_plain(value)
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    # path resolvers are never registered: the C composer calls these for every node
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


class _Composer(CParser):  # type: ignore[misc]
    """ruamel's C reader, scanner, parser and composer with YAML 1.2 resolution: nodes only.

    The hot path of every file. It holds no reference to itself (ruamel's loaders point
    their parts at one another, ``self._parser = self._composer = self``), so it is freed
    the moment it is dropped instead of waiting, with all its nodes, for a cyclic
    collection that grows slower with every file already loaded.
    """

    resolve = _Resolver.resolve
    # The composer calls these two around every node (fifty times a record) and drops what
    # they return. No path resolvers are registered, so they have nothing to do: builtins
    # that take the same arguments do it without a Python frame (a tenth of composing).
    descend_resolver = operator.is_
    ascend_resolver = tuple


class _Loader(CParser, _StrictConstructor, _Resolver):  # type: ignore[misc]
    """ruamel's C parser with the strict constructor: the path of unusual documents, whose
    errors and their messages are ruamel's own (see `_strict_load`)."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        self._parser = self._composer = self
        _StrictConstructor.__init__(self, loader=self)
        self.allow_duplicate_keys = False
        _Resolver.__init__(self, loadumper=self)


def _compose(text: str) -> Any:
    composer = _Composer(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


def _plain(node: Any, depth: int) -> Any:
    """The document, built directly from its nodes in the ordinary case.

    ruamel's generic constructor spends about ten Python calls on every node; a record is
    a mapping of text, lists, numbers and dates. Anything unusual (a merge key, a duplicate
    or non-text key, an explicit tag, deep nesting, a scalar that is not one of the common
    spellings) raises `_Unusual`, and the document is read again by the strict constructor,
    so that every error and its message stay exactly its own. Documents with an anchor
    never come here (`_fast_load`), so no node can be met twice.
    """
    if depth > _PLAIN_DEPTH:
        raise _Unusual
    tag, kind = node.ctag, node.__class__
    if kind is ScalarNode:
        if tag is _STR:
            return _shared(node.value)
        return _typed(node.value, tag)
    if tag is _SEQ and kind is SequenceNode:
        return [_plain(item, depth + 1) for item in node.value]
    if tag is not _MAP or kind is not MappingNode:
        raise _Unusual
    out: dict[str, Any] = {}
    for key_node, value in node.value:
        if key_node.ctag is not _STR or key_node.__class__ is not ScalarNode:
            raise _Unusual
        key = key_node.value
        if key in out:
            raise _Unusual
        if value.ctag is _STR and value.__class__ is ScalarNode:
            text = value.value  # the common case, text, without a call (`_shared` inlined)
            out[key] = _intern(text) if len(text) <= 40 else text
        else:
            out[key] = _plain(value, depth + 1)
    return out


def _typed(value: str, tag: Tag) -> Any:
    """A date, number, true/false or null in the common spellings; `_Unusual` otherwise."""
    if tag is _DATE and len(value) == 10:  # YYYY-MM-DD, what records hold
        day = _DATES.get(value)
        if day is None:
            try:
                day = _DATES[value] = dt.date.fromisoformat(value)
            except ValueError as e:
                raise _Unusual from e
        return day
    if tag is _INT and len(value) < 19 and value.isdigit() and (value[0] != "0" or value == "0"):
        return int(value)
    if tag is _FLOAT and _DECIMAL.fullmatch(value):
        return float(value)
    simple = _SIMPLE.get(tag)
    if simple is not None and value in simple:
        return simple[value]
    raise _Unusual


_DECIMAL = re.compile(r"-?[1-9][0-9]{0,14}\.[0-9]{1,15}|-?0\.[0-9]{1,15}")
"""A score or an amount as people write them; other float spellings take the strict path."""


def _shared(text: str) -> str:
    """Short text (ids, choices, names) as one shared object: a 100k-record tree repeats a
    few thousand values millions of times (the cache interns them again as it reads them)."""
    return sys.intern(text) if len(text) <= 40 else text


_intern = sys.intern
_DATES: dict[str, dt.date] = {}
"""Dates by their text, shared for the same reason (a date object is immutable)."""


class _Unusual(Exception):
    """The document needs the strict constructor (see `_plain`)."""


_PLAIN_DEPTH = 8
"""Records nest three levels deep; anything deeper takes the strict path and its limits."""


def _check_depth(text: str) -> None:
    """Refuse deep nesting from the event stream, before the recursive composer sees it.

    libyaml's parser keeps its own stack, but composing 100,000 nested lists recurses
    in C and crashes the process (a segmentation fault) rather than raising.
    """
    brackets = text.count("[") + text.count("{")
    if brackets <= MAX_DEPTH and _DEEP_INDENT.search(text) is None:
        return
    parser = CParser(text)
    depth = 0
    try:
        while not isinstance(event := parser.get_event(), StreamEndEvent):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _mark_problem(
                        f.TOO_DEEP,
                        i18n._("nested deeper than {MAX_DEPTH} levels").format(MAX_DEPTH=MAX_DEPTH),
                        event.start_mark,
                    )
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except YAMLError:
        return  # the real parse reports it, at the same place
    finally:
        parser.dispose()


def _fast_load(text: str) -> Any:
    if text.startswith("%") or "\n%" in text:
        return _strict_load(text)  # a directive (%YAML 1.1) changes how scalars resolve
    if "&" in text:
        # perhaps an anchor, and an alias of it: the strict constructor refuses those, and
        # without one no node can come twice, which `_plain` then need not watch for
        return _strict_load(text)
    node = _compose(text)
    if node is None:
        return None
    try:
        return _plain(node, 0)
    except _Unusual:
        return _strict_load(text)


def _strict_load(text: str) -> Any:
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
        loader.__dict__.clear()  # the loader's references to itself: freed now, not by the GC


def read_bytes(path: str | Path) -> bytes:
    """A record file's bytes, refusing what no record can be before reading it.

    A 50 MB file is refused from its size alone, and a pipe or device (which could block
    or never end) from its type: untrusted trees are never read past ``MAX_BYTES``.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise ParseProblem(
                    f.UNREADABLE,
                    i18n._("not a regular file (a pipe, device or socket)"),
                    hint=i18n._("records are plain files"),
                )
            if info.st_size > MAX_BYTES:
                raise _too_large(info.st_size)
            raw = _read_to_end(fd, info.st_size)
        finally:
            os.close(fd)
    except OSError as e:
        raise ParseProblem(
            f.UNREADABLE, i18n._("cannot read: {strerror}").format(strerror=os_reason(e))
        ) from e
    if len(raw) > MAX_BYTES:
        raise _too_large(len(raw))
    return raw


def _read_to_end(fd: int, size: int) -> bytes:
    """What is left to read at ``fd``, up to one byte past ``MAX_BYTES``.

    Plain reads of the descriptor, no file object: one per file was a tenth of reading a
    tree of small records. It asks for what fstat says is there (not ``MAX_BYTES``, which
    would allocate a megabyte per file) and reads on while a read returns something, so a
    short read or a file that grew since is still read whole, up to the limit.
    """
    raw = os.read(fd, size + 1)
    if not raw:
        return raw
    chunks = [raw]
    got = len(raw)
    while got <= MAX_BYTES:
        more = os.read(fd, MAX_BYTES + 1 - got)
        if not more:
            break
        chunks.append(more)
        got += len(more)
    return raw if len(chunks) == 1 else b"".join(chunks)


def blob_bytes(raw: bytes) -> bytes:
    """Bytes from git, held to the limit `read_bytes` holds a file on disk to."""
    if len(raw) > MAX_BYTES:
        raise _too_large(len(raw))
    return raw


def _too_large(size: int) -> ParseProblem:
    return ParseProblem(
        f.TOO_LARGE,
        i18n._("{size:,} bytes; a record is at most {MAX_BYTES:,}").format(
            size=size, MAX_BYTES=MAX_BYTES
        ),
        hint=i18n._("is this really a record? split it or remove it"),
    )


def decode(raw: bytes) -> str:
    """UTF-8 without BOM, or a ParseProblem naming the encoding it looks like."""
    if len(raw) > MAX_BYTES:
        raise _too_large(len(raw))
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ParseProblem(
            f.BOM,
            i18n._("the file starts with a UTF-8 byte-order mark"),
            1,
            1,
            i18n._("save as UTF-8 without BOM ('barrier fmt' removes it)"),
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise ParseProblem(
            f.ENCODING,
            i18n._("the file is UTF-16, records are UTF-8"),
            1,
            1,
            i18n._("save the file as UTF-8"),
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        start = raw.rfind(b"\n", 0, e.start) + 1
        line = raw.count(b"\n", 0, e.start) + 1
        col = len(raw[start : e.start].decode("utf-8")) + 1
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ParseProblem(
                f.ENCODING, i18n._("not valid UTF-8"), line, col, i18n._("save the file as UTF-8")
            ) from e
        raise ParseProblem(
            f.ENCODING,
            i18n._("not valid UTF-8 (it looks like GBK/GB18030)"),
            line,
            col,
            i18n._("re-save as UTF-8, e.g. iconv -f GBK -t UTF-8"),
        ) from e


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: text in it puts a NUL in every other byte of ASCII."""
    head = raw[:200]
    if len(head) < 4 or 0 not in head:  # the common case, found without slicing
        return False
    return max(head[0::2].count(0), head[1::2].count(0)) * 4 > len(head)


def lexical_check(text: str) -> None:
    """Refuse tabs in indentation and control or bidi-override characters, with position."""
    at = _hidden_at(text)
    if at >= 0:
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        raise ParseProblem(
            f.CONTROL_CHAR,
            i18n._("{hidden_name} in text").format(hidden_name=hidden_name(text[at])),
            line,
            col,
            i18n._("remove it; it can hide what the text really says"),
        )
    tab = _TAB_INDENT.search(text) if "\t" in text else None
    if tab is not None:
        line = text.count("\n", 0, tab.start()) + 1
        col = tab.end() - tab.start()
        raise ParseProblem(
            f.TAB,
            i18n._("a tab in indentation; YAML indents with spaces"),
            line,
            col,
            i18n._("replace the tab with spaces"),
        )


def load_text(text: str) -> Any:
    """Parse one YAML document on the fast path; raise ParseProblem on anything wrong."""
    lexical_check(text)
    try:
        _check_depth(text)
        data = _fast_load(text)
    except ParseProblem as e:
        raise _at_alias(e, text) if e.code == f.ALIAS else e from None
    except DuplicateKeyError as e:
        raise _mark_problem(
            f.DUPLICATE_KEY,
            _duplicate_message(_first_line(e.problem)),
            e.problem_mark,
            i18n._("keep one of the two; YAML keys are unique"),
        ) from e
    except ConstructorError as e:
        raise _mark_problem(f.SYNTAX, _first_line(e.problem or str(e)), e.problem_mark) from e
    except MarkedYAMLError as e:
        raise _mark_problem(f.SYNTAX, _syntax_message(e), e.problem_mark) from e
    except YAMLError as e:
        raise ParseProblem(f.SYNTAX, _first_line(str(e))) from e
    except RecursionError as e:
        raise ParseProblem(
            f.TOO_DEEP, i18n._("nested deeper than {MAX_DEPTH} levels").format(MAX_DEPTH=MAX_DEPTH)
        ) from e
    if "\\" in text:  # only a double-quoted escape can carry what the lexical check refuses
        for loc, char in hidden_characters(data):
            line, col = locate(text).value(loc)
            raise ParseProblem(
                f.CONTROL_CHAR,
                i18n._("{hidden_name} in text, written as an escape").format(
                    hidden_name=hidden_name(char)
                ),
                line,
                col,
                i18n._("remove it; it can hide what the text really says"),
            )
    return data


def hidden_characters(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every control or bidirectional character in parsed data, with where it is.

    For text that did not come from a file as it is: YAML escapes (``"\\u202e"``), JSON,
    command-line flags. Keys are searched as well as values.
    """
    if isinstance(value, str):
        at = _hidden_at(value)
        if at >= 0:
            yield loc, value[at]
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from hidden_characters(key, (*loc, str(key)))
            yield from hidden_characters(item, (*loc, str(key)))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from hidden_characters(item, (*loc, n))


def _at_alias(problem: ParseProblem, text: str) -> ParseProblem:
    """The constructor meets an alias as its anchor's node again: point at the alias."""
    lines = text.split("\n")
    if not 0 < problem.line <= len(lines):
        return problem
    start = sum(len(line) + 1 for line in lines[: problem.line - 1]) + problem.col - 1
    anchor = re.compile(r"&([^\s,\[\]{}]+)").match(text, start)
    if anchor is None:
        return problem
    alias = re.compile(r"\*" + re.escape(anchor.group(1)) + r"(?=[\s,\]}]|$)")
    used = alias.search(text, anchor.end())
    if used is None:
        return problem
    line = text.count("\n", 0, used.start()) + 1
    col = used.start() - (text.rfind("\n", 0, used.start()) + 1) + 1
    return ParseProblem(
        problem.code,
        i18n._(
            "the alias *{anchor} repeats the anchor on line {line}; anchors and aliases are not allowed in records"
        ).format(anchor=anchor.group(1), line=problem.line),
        line,
        col,
        problem.hint,
    )


def _syntax_message(error: MarkedYAMLError) -> str:
    """The parser's complaint, plus where the construct it was reading began, if elsewhere.

    An unclosed ``[`` is noticed lines later; naming the line it opened on finds the typo.
    """
    message = _first_line(error.problem or error.context or str(error))
    start, end = error.context_mark, error.problem_mark
    elsewhere = start is not None and end is not None and start.line != end.line
    if error.problem and error.context and elsewhere:
        message += i18n._(" ({context} that began on line {line})").format(
            context=i18n._(error.context.strip()), line=start.line + 1
        )
    return message


_DUPLICATE = re.compile(r'found duplicate key "(.*)" with value "(.*)" \(original value: "(.*)"\)')


def _duplicate_message(message: str) -> str:
    found = _DUPLICATE.fullmatch(message)
    if found is None:
        return message
    key, value, original = found.groups()
    return i18n._(
        'found duplicate key "{key}" with value "{value}" (original value: "{original}")'
    ).format(key=key, value=value, original=original)


def _first_line(message: str | None) -> str:
    # the parser's own sentences are msgids too (those without a value in them translate)
    return i18n._((message or "invalid YAML").strip().splitlines()[0])


@dataclass
class Locator:
    """Line and column (1-based) of every key and value of a parsed record."""

    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def key(self, loc: Loc) -> tuple[int, int]:
        """Where the key of ``loc`` is, or its nearest located ancestor."""
        for end in range(len(loc), 0, -1):
            spot = self.keys.get(loc[:end]) or self.values.get(loc[:end])
            if spot is not None:
                return spot
        return (1, 1)

    def value(self, loc: Loc) -> tuple[int, int]:
        """Where the value of ``loc`` starts, or its nearest located ancestor."""
        spot = self.values.get(loc)
        return spot if spot is not None else self.key(loc)


def locate(text: str) -> Locator:
    """Positions of every key and value of ``text``, from the C composer's nodes.

    The nodes carry the same positions as a round-trip parse at a twentieth of the cost;
    text the C path refuses (it is not a record then anyway) goes the round-trip way.
    """
    try:
        node = _compose(text)
    except Exception:
        return _locate_round_trip(text)
    locator = Locator()
    if node is not None:
        _walk_nodes(node, (), locator)
    return locator


def _walk_nodes(node: Any, loc: Loc, locator: Locator) -> None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            child = (*loc, str(key.value))
            locator.keys[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
            locator.values[child] = (value.start_mark.line + 1, value.start_mark.column + 1)
            _walk_nodes(value, child, locator)
    elif isinstance(node, SequenceNode):
        for n, item in enumerate(node.value):
            child = (*loc, n)
            spot = (item.start_mark.line + 1, item.start_mark.column + 1)
            locator.keys[child] = locator.values[child] = spot
            _walk_nodes(item, child, locator)


def _locate_round_trip(text: str) -> Locator:
    yaml = YAML(typ="rt")
    data = yaml.load(text)
    locator = Locator()
    _walk(data, (), locator)
    return locator


def _walk(node: Any, loc: Loc, locator: Locator) -> None:
    lc = getattr(node, "lc", None)
    if isinstance(node, dict):
        for key, value in node.items():
            child = (*loc, str(key))
            if lc is not None:
                kl, kc = lc.key(key)
                vl, vc = lc.value(key)
                locator.keys[child] = (kl + 1, kc + 1)
                locator.values[child] = (vl + 1, vc + 1)
            _walk(value, child, locator)
    elif isinstance(node, list):
        for n, value in enumerate(node):
            child = (*loc, n)
            if lc is not None:
                il, ic = lc.item(n)
                locator.keys[child] = locator.values[child] = (il + 1, ic + 1)
            _walk(value, child, locator)
