"""`barrier fmt`: bring record files to the canonical form without losing a comment.

The canonical form is what `canonical.record_text` writes for a new record: keys in the
model's field order (nested models too), one quoting and indentation style, block
collections, multi-line text as literal blocks, UTF-8 without BOM, LF line ends. A file
without comments comes out exactly as `record_text` would write its record, so files made
by `barrier report add` are already formatted.

Comments are kept with what they describe. ruamel attaches a full-line comment to the end
of whatever came *before* it; moved along with that key, it would end up above the wrong
field. So before reordering, full-line comments are detached and re-attached in front of
the key that follows them, and comments trailing a mapping move with the mapping.

Values are replaced by what the strict loader reads (the values the model sees), so
``0x10`` becomes ``16`` and ``8.50`` becomes ``8.5`` — fmt never changes what a record says,
and every result is checked to load to the same data before it is written.
"""

from __future__ import annotations

import io
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Union

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.kinds import KINDS, classify
from barrier_cli.io import store
from barrier_cli.io.canonical import dumps, field_order, yaml_writer
from barrier_cli.io.loader import iter_files
from barrier_cli.io.scope import tree_prefixes, under
from barrier_cli.io.yamlio import ParseProblem, decode, load_text

MAP_INDENT = 2
SEQ_INDENT = 4
"""Where the canonical writer puts children: mapping values +2, sequence items +4."""


@dataclass(frozen=True)
class ListOf:
    item: Shape


@dataclass(frozen=True)
class DictOf:
    value: Shape


Shape = Union[type[BaseModel], ListOf, DictOf, None]  # noqa: UP007 -- a runtime alias


def shape_of(annotation: Any) -> Shape:
    """What a field holds, as far as key order cares: a model, a list or dict of them, or neither."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return shape_of(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        shapes = [shape_of(a) for a in typing.get_args(annotation)]
        return next((s for s in shapes if s is not None), None)
    if origin is list:
        return ListOf(shape_of(typing.get_args(annotation)[0]))
    if origin is dict:
        return DictOf(shape_of(typing.get_args(annotation)[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _field_shapes(model: type[BaseModel]) -> dict[str, Shape]:
    return {
        (info.alias or name): shape_of(info.annotation) for name, info in model.model_fields.items()
    }


def format_text(text: str, model: type[BaseModel] | None) -> str:
    """The canonical text of one record file; raise ParseProblem if it is not valid YAML.

    A BOM and CRLF line ends are dropped first: they are the usual marks of a file saved
    by a Windows editor, and fmt is how such a file is repaired.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    data = load_text(text)
    if not isinstance(data, dict):
        return text  # not a record at all ('barrier check' says so): nothing to order
    if "#" not in text:
        return dumps(in_field_order(data, model))
    yaml = yaml_writer()
    try:
        tree = yaml.load(text)
    except YAMLError as e:  # the strict loader accepted it, so this is unexpected
        raise ParseProblem(f.SYNTAX, str(e).splitlines()[0]) from e
    comments = _comment_lines(tree) | _full_line_comments(text)
    _keep_head(tree, text)
    tree = _with_values(tree, data)
    trailing = _format(tree, model, 0)
    _attach_trailing(tree, trailing, 0)
    out = io.StringIO()
    yaml.dump(tree, out)
    result = out.getvalue()
    kept = _comment_lines(yaml.load(result)) | _full_line_comments(result)
    if load_text(result) != data or not comments <= kept:
        raise ParseProblem(
            f.SYNTAX,
            i18n._("formatting would lose a value or a comment"),
            hint=i18n._("please report this as a bug in barrier fmt"),
        )
    return result


def _full_line_comments(text: str) -> set[str]:
    """Lines that are nothing but a comment (or block-scalar text that looks like one, which
    fmt keeps verbatim too): a second inventory, for comments ruamel itself drops."""
    return {line.strip() for line in text.splitlines() if line.lstrip().startswith("#")}


def _keep_head(tree: CommentedMap, text: str) -> None:
    """The comments above the record, in order, even those ruamel drops (above a ``---``
    line, or above a record written as one ``{...}``)."""
    head: list[str] = []
    for line in text.splitlines():
        if line.strip().startswith("#"):
            head.append(line.strip())
        elif line.strip() not in ("", "---"):
            break
    known = tree.ca.comment[1] if tree.ca.comment else None
    if head and len(head) > len(_lines("".join(t.value for t in known or []))):
        eol = tree.ca.comment[0] if tree.ca.comment else None
        tree.ca.comment = [eol, [_token(line, 0) for line in head]]


def _comment_lines(node: Any) -> set[str]:
    """Every comment line ruamel attached anywhere in ``node``: the safety net's inventory."""
    found: set[str] = set()
    todo = [node]
    while todo:
        item = todo.pop()
        if isinstance(item, CommentToken):
            found.update(line.strip() for line in item.value.splitlines() if line.strip())
        elif isinstance(item, list | tuple):
            todo.extend(item)
        if isinstance(item, CommentedMap | CommentedSeq):
            todo.extend([item.ca.comment, item.ca.end, *item.ca.items.values()])
            todo.extend(item.values() if isinstance(item, CommentedMap) else item)
    return found


def in_field_order(value: Any, shape: Shape) -> Any:
    """Plain data with every mapping in its model's key order (the no-comment fast path)."""
    if isinstance(value, dict):
        if isinstance(shape, type):
            shapes = _field_shapes(shape)
            rank = {name: n for n, name in enumerate(field_order(shape))}
            keys = sorted(value, key=lambda k: rank.get(str(k), len(rank)))
            return {k: in_field_order(value[k], shapes.get(str(k))) for k in keys}
        inner = shape.value if isinstance(shape, DictOf) else None
        return {k: in_field_order(v, inner) for k, v in value.items()}
    if isinstance(value, list):
        inner = shape.item if isinstance(shape, ListOf) else None
        return [in_field_order(v, inner) for v in value]
    return value


def _with_values(node: Any, value: Any) -> Any:
    """The round-trip ``node`` with every scalar replaced by the strict loader's ``value``."""
    if isinstance(node, CommentedMap):
        for key in node:
            node[key] = _with_values(node[key], value[key])
        return node
    if isinstance(node, CommentedSeq):
        for n, item in enumerate(node):
            node[n] = _with_values(item, value[n])
        return node
    return value


def _format(node: Any, shape: Shape, col: int) -> list[str]:
    """Reorder ``node`` in place; return the full-line comments that trail it, detached."""
    if isinstance(node, CommentedMap):
        return _format_map(node, shape, col)
    if isinstance(node, CommentedSeq):
        return _format_seq(node, shape.item if isinstance(shape, ListOf) else None, col)
    return []


def _format_map(node: CommentedMap, shape: Shape, col: int) -> list[str]:
    if node.fa.flow_style() and node.ca.comment and isinstance(node.ca.comment[0], CommentToken):
        # '{a: 1}  # note' as a whole record: the note becomes a head comment
        head = [_token(line, col) for line in _lines(node.ca.comment[0].value)]
        node.ca.comment = [None, [*(node.ca.comment[1] or []), *head]]
    node.fa.set_block_style()
    if isinstance(shape, type):
        shapes = _field_shapes(shape)
        order = field_order(shape)
    else:
        value_shape = shape.value if isinstance(shape, DictOf) else None
        shapes = {key: value_shape for key in node}
        order = []
    carry: list[str] = []
    before: dict[Any, list[str]] = {}
    for key in list(node):
        if carry:
            before[key] = carry
        value = node[key]
        child_col = col + (SEQ_INDENT if isinstance(value, CommentedSeq) else MAP_INDENT)
        if _is_filled(value) and value.fa.flow_style():
            _unalign(node, key)
        if _is_filled(value):
            carry = _format(value, shapes.get(str(key)), child_col)
        else:
            carry = _split_post(node, key, 2)
    rank = {name: n for n, name in enumerate(order)}
    for key in sorted(node, key=lambda k: rank.get(str(k), len(rank))):  # stable: unknown keys
        node.move_to_end(key)  # keep their own order, after the known ones
    for key, lines in before.items():
        slot = node.ca.items.setdefault(key, [None, None, None, None])
        slot[1] = [*(slot[1] or []), *(_token(line, col) for line in lines)]
    return carry


def _unalign(node: CommentedMap, key: Any) -> None:
    """A comment that followed ``key: [a, b]`` now follows ``key:``; its old column means nothing."""
    entry = node.ca.items.get(key)
    if entry and isinstance(entry[2], CommentToken):
        entry[2].column = 0


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _format_seq(node: CommentedSeq, shape: Shape, col: int) -> list[str]:
    """Items keep their order; comments between items stay between the same items."""
    if node:
        node.fa.set_block_style()
    carry: list[str] = []
    for n, item in enumerate(node):
        trailing = _format(item, shape, col) if _is_filled(item) else _split_post(node, n, 0)
        carry += _leading(item)
        if carry and n > 0:
            _attach_trailing(node[n - 1], carry, col - MAP_INDENT, parent=(node, n - 1))
        elif carry:
            _before_first_item(node, carry, col - MAP_INDENT)
        carry = trailing
    return carry


def _leading(item: Any) -> list[str]:
    """Detach the comments above a list item's first key: they belong above its dash.

    Written after the dash they would split ``-`` from its first key, and read back they
    would no longer be where fmt put them.
    """
    if not isinstance(item, CommentedMap) or not item:
        return []
    entry = item.ca.items.get(next(iter(item)))
    if not entry or not entry[1]:
        return []
    lines = [t.value.strip() for t in entry[1] if isinstance(t, CommentToken) and t.value.strip()]
    entry[1] = None
    return lines


def _before_first_item(node: CommentedSeq, lines: list[str], col: int) -> None:
    """Comments above a list's first dash; ruamel shares this list with the parent's key."""
    tokens = [_token(line, col) for line in lines]
    if node.ca.comment and isinstance(node.ca.comment[1], list):
        node.ca.comment[1].extend(tokens)
    else:
        node.ca.comment = [None, tokens]


def _is_filled(value: Any) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and len(value) > 0


def _split_post(node: CommentedMap | CommentedSeq, key: Any, slot: int) -> list[str]:
    """Keep the end-of-line comment after ``node[key]``; detach and return the lines below it."""
    entry = node.ca.items.get(key)
    token = entry[slot] if entry else None
    if not isinstance(token, CommentToken):
        return []
    eol, _, rest = token.value.partition("\n")
    lines = _lines(rest)
    if eol.strip():
        token.value = eol + "\n"
    else:
        entry[slot] = None
    return lines


def _attach_trailing(
    node: Any, lines: list[str], col: int, parent: tuple[Any, Any] | None = None
) -> None:
    """Put full-line comments after the last thing ``node`` holds, at column ``col``."""
    if not lines:
        return
    if _is_filled(node):
        last = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        if _is_filled(node[last]):
            _attach_trailing(node[last], lines, col, parent=None)
            return
        parent, slot = (node, last), 2 if isinstance(node, CommentedMap) else 0
    elif parent is not None:
        slot = 2 if isinstance(parent[0], CommentedMap) else 0
    else:
        return
    container, key = parent
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    old = entry[slot]
    head = old.value if isinstance(old, CommentToken) else "\n"
    text = head + "".join(" " * col + line + "\n" for line in lines)
    entry[slot] = CommentToken(text, CommentMark(old.column if old else 0), None)


def _token(line: str, col: int) -> CommentToken:
    return CommentToken(line + "\n", CommentMark(col), None)


@dataclass(frozen=True)
class FmtOutcome:
    """One file: whether its canonical form differs, or why it could not be formatted."""

    path: Path
    changed: bool = False
    problem: ParseProblem | None = None


def format_file(path: Path, model: type[BaseModel] | None, *, check: bool) -> FmtOutcome:
    """Format one file in place (through `store.replace`), or only tell whether it would change."""
    if check:
        return _canonical(store.Snapshot.read(path), model)[0]
    # Locked from the read to the rename: an `action done` meanwhile waits instead of
    # having its change overwritten by this older text, or refusing this one.
    with store.editing(path) as snapshot:
        outcome, new = _canonical(snapshot, model)
        if new is not None:
            store.replace(snapshot, new)
    return outcome


def _canonical(
    snapshot: store.Snapshot, model: type[BaseModel] | None
) -> tuple[FmtOutcome, str | None]:
    """What formatting the file read as ``snapshot`` gives, and its new text if it changes."""
    raw = snapshot.content.removeprefix(b"\xef\xbb\xbf")
    try:
        new = format_text(decode(raw), model)
    except ParseProblem as e:
        return FmtOutcome(snapshot.path, problem=e), None
    if new.encode("utf-8") == snapshot.content:
        return FmtOutcome(snapshot.path), None
    return FmtOutcome(snapshot.path, changed=True), new


def record_files(root: Path, paths: list[Path] | None) -> Iterator[tuple[Path, str]]:
    """The record files of the tree at ``root`` under ``paths`` (all when None), with kinds."""
    prefixes = tree_prefixes(root, paths)
    for rel, problem in iter_files(root):
        if problem is not None or not under(rel, prefixes):
            continue
        kind = classify(PurePosixPath(rel))
        if kind is not None:
            yield root / rel, kind.name


def format_tree(
    root: Path, *, paths: list[Path] | None = None, check: bool, jobs: int | None = None
) -> list[FmtOutcome]:
    """Format (or with ``check`` only inspect) every record file under ``paths``.

    Formatting is pure Python (ruamel's emitter), so a large tree is spread over worker
    processes like `parallel.read_packed` does for reading; each file is its own atomic write.
    """
    from barrier_cli.io.parallel import MIN_FILES, cpu_count, pool_map

    files = list(record_files(root, paths))
    jobs = min(jobs or cpu_count(), max(1, len(files) // MIN_FILES))
    if jobs <= 1:
        return [_format_kind(path, kind, check) for path, kind in files]
    items = [(path, kind, check) for path, kind in files]
    return pool_map(_format_item, items, jobs=jobs, chunksize=max(1, len(files) // (jobs * 4)))


def _format_item(item: tuple[Path, str, bool]) -> FmtOutcome:
    return _format_kind(*item)


def _format_kind(path: Path, kind: str, check: bool) -> FmtOutcome:
    return format_file(path, KINDS[kind].model, check=check)


__all__ = ["FmtOutcome", "format_file", "format_text", "format_tree", "shape_of"]
