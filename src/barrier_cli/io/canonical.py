"""The canonical form of a record on disk: model field order, one style everywhere.

New records are written in this form, and `barrier fmt` brings existing files to it.
"""

from __future__ import annotations

import io
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.representer import RoundTripRepresenter

from barrier_cli.core.models.common import RecordModel


class _Representer(RoundTripRepresenter):
    """Multi-line text as a literal block (``|``), as people write it, not a quoted ``\\n`` line.

    Text holding a carriage return, a tab or a space at a line end stays quoted: in a block
    they would not survive an editor, and a tab at a line start reads as a tab indent.
    """

    def represent_str(self, data: str) -> Any:
        if "\n" in data and not any(c in data for c in ("\r", "\t", " \n")):
            return self.represent_scalar("tag:yaml.org,2002:str", data, style="|")
        return super().represent_str(data)

    def represent_whole_float(self, data: float) -> Any:
        """A score or maximum of 10 is written ``10``, as people write it, not ``10.0``."""
        if data.is_integer() and abs(data) < 2**53:
            return self.represent_int(int(data))
        return self.represent_float(data)

    def ignore_aliases(self, data: Any) -> bool:
        """Records hold no anchors: a date used twice (report and analysis) is written twice."""
        return True


_Representer.add_representer(str, _Representer.represent_str)
_Representer.add_representer(float, _Representer.represent_whole_float)


def yaml_writer() -> YAML:
    """The round-trip YAML used for every write: comments kept, 2-space indents, UTF-8."""
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.preserve_quotes = False
    return yaml


def field_order(model: type[BaseModel]) -> list[str]:
    """Keys of ``model`` as they are written in YAML, in declaration order.

    The fields every record shares (tags, notes, withdrawn, amendments) are declared on the
    base class, so pydantic lists them first; a reader expects the id first and the
    bookkeeping last.
    """
    keys = [field.alias or name for name, field in model.model_fields.items()]
    shared = set(RecordModel.model_fields) if issubclass(model, RecordModel) else set()
    return [k for k in keys if k not in shared] + [k for k in keys if k in shared]


def to_plain(record: BaseModel) -> dict[str, Any]:
    """The record as plain data in field order, leaving out what is empty or default."""
    return record.model_dump(
        mode="python", by_alias=True, exclude_none=True, exclude_defaults=True
    ) | _required_defaults(record)


def _required_defaults(record: BaseModel) -> dict[str, Any]:
    """Fields that equal their default but say something a reader expects to see."""
    keep = {"status", "level"}
    return {k: v for k, v in record.model_dump(by_alias=True).items() if k in keep}


def dumps(data: Any) -> str:
    stream = io.StringIO()
    yaml_writer().dump(data, stream)
    return stream.getvalue()


def record_text(record: BaseModel) -> str:
    """The canonical YAML text of a record."""
    plain = to_plain(record)
    order = field_order(type(record))
    ordered = {k: plain[k] for k in order if k in plain}
    return dumps(ordered)
