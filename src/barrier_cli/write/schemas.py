"""JSON Schema (draft 2020-12) of every record kind, generated from the models.

The models are the one source of truth; this only dresses pydantic's schema for editors:
the draft is named, properties come in the order a record is written, every field gets
its Chinese and English title and help (from `fielddocs`), and choices get their labels,
so hovering a key in VS Code or any YAML language server explains it in both languages.
Dates are ``type: string, format: date``: YAML dates become strings when an editor turns a
record into JSON to validate it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from barrier_cli import __version__
from barrier_cli.core import i18n
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.fielddocs import field_doc
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.labels import LABELS, group_of, label
from barrier_cli.io.canonical import field_order
from barrier_cli.io.schema_age import WRITTEN_BY
from barrier_cli.write.fmt import DictOf, ListOf, Shape, shape_of

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_file(kind: str) -> str:
    return f"{kind}.schema.json"


def kind_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one record kind (a name of `kinds.KINDS`)."""
    if kind not in KINDS:
        raise InvalidInput(
            i18n._("no record kind '{kind}'; kinds: {kinds}").format(
                kind=kind, kinds=", ".join(KINDS)
            )
        )
    model = KINDS[kind].model
    schema = model.model_json_schema(by_alias=True, mode="validation")
    models = {m.__name__: m for m in _models(model)}
    for name, definition in schema.get("$defs", {}).items():
        if name in models:
            _dress(definition, models[name])
    _dress(schema, model)
    title = KINDS[kind].title_zh
    return {
        "$schema": DRAFT,
        "$id": schema_file(kind),
        "$comment": f"{WRITTEN_BY} {__version__}",
        **schema,
        "title": f"{title} / {kind}" if title else kind,
    }


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: kind_schema(kind) for kind in KINDS}


def write_schemas(out: Path, kinds: list[str] | None = None) -> list[Path]:
    """Write ``<kind>.schema.json`` files into ``out`` (atomically, replacing older ones)."""
    from barrier_cli.io import store

    store.document_folder(out)
    written = []
    for kind in kinds or list(KINDS):
        path = out / schema_file(kind)
        text = dumps(kind_schema(kind))
        store.check_document_target(path)
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            store.write_document(path, text)
        written.append(path)
    return written


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """``model`` and every model its fields hold, however deeply."""
    seen: set[type[BaseModel]] = set()
    todo: list[Shape] = [model]
    while todo:
        shape = todo.pop()
        if isinstance(shape, ListOf):
            todo.append(shape.item)
        elif isinstance(shape, DictOf):
            todo.append(shape.value)
        elif isinstance(shape, type) and shape not in seen:
            seen.add(shape)
            yield shape
            todo.extend(shape_of(f.annotation) for f in shape.model_fields.values())


def _dress(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Field order, bilingual titles and help, and choice labels on one object schema."""
    properties: dict[str, Any] = schema.get("properties", {})
    ordered = {key: properties[key] for key in field_order(model) if key in properties}
    for key, prop in ordered.items():
        try:
            doc = field_doc(model, key)
        except KeyError:
            prop["title"] = key
            continue
        prop["title"] = f"{doc.title('zh')} / {doc.title('en')}"
        helps = [h for h in (doc.help("zh"), doc.help("en")) if h]
        if helps:
            prop["description"] = "\n\n".join(helps)
        _label_choices(prop, group_of(model, key))
    schema["properties"] = ordered
    schema.pop("title", None)


def _label_choices(prop: dict[str, Any], name: str | None) -> None:
    """``enumDescriptions`` (VS Code) with the zh/en labels of each allowed value."""
    if name is None:
        return
    group = LABELS[name]
    for node in _enum_nodes(prop):
        values = node["enum"]
        if all(v in group for v in values):
            node["enumDescriptions"] = [
                f"{label(name, v, 'zh')} / {label(name, v, 'en')}" for v in values
            ]


def _enum_nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield node
        for value in node.values():
            yield from _enum_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _enum_nodes(value)
