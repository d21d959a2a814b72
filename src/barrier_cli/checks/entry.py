"""Would a new record pass `barrier check`? The same model, record rules and cross-references.

The record is checked as if it were already in the tree at its path, by the checker's own
functions, so entry and `barrier check` cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Set as AbstractSet
from typing import Any

from pydantic import BaseModel, ValidationError

from barrier_cli.checks.refs import Index
from barrier_cli.checks.run import file_problems
from barrier_cli.core import findings as f
from barrier_cli.core import i18n
from barrier_cli.core.fielddocs import field_doc
from barrier_cli.core.findings import Severity
from barrier_cli.core.kinds import KINDS
from barrier_cli.core.labels import Lang
from barrier_cli.core.models.common import Model, Problem
from barrier_cli.io.index import Basis
from barrier_cli.io.loader import FileResult, build_tree
from barrier_cli.io.schema_errors import dotted, problems_from
from barrier_cli.io.yamlio import hidden_characters


def build(kind: str, data: dict[str, Any]) -> tuple[Model | None, list[Problem]]:
    """The record for ``data``, or the schema problems that stop it."""
    model = KINDS[kind].model
    # entry words problems itself (`describe`): they are built in the catalogue's source language
    with i18n.using(i18n.SOURCE_LANG):
        try:
            return model.model_validate(data), []
        except ValidationError as e:
            return None, problems_from(e, model)


def rel_path(kind: str, record: BaseModel) -> str:
    folder = KINDS[kind].folder
    assert folder is not None, f"{kind} is not a record kind"
    return f"{folder(record)}/{getattr(record, 'id', '')}.yaml"


def basis_problems(basis: Basis, kind: str, record: Model, day: dt.date) -> list[Problem]:
    """Errors `barrier check` would report for ``record`` once written (warnings pass),
    from the tree's index, without reading the tree.

    The record is checked by the checker's own per-file functions (as the incremental
    check runs them) against the context and the set of every record id, so the answer
    is the one `barrier check` gives for the file once written. Problems are built in the
    source language; `describe` words them in the tree's.
    """
    with i18n.using(i18n.SOURCE_LANG):
        return _basis_problems(basis, kind, record, day)


def _basis_problems(basis: Basis, kind: str, record: Model, day: dt.date) -> list[Problem]:
    # org.yaml narrowed to the people the record names: a record's rules look up only those
    # (`refs.Index`). Problems found so are found again with the whole org, so that what is
    # said (a did-you-mean among everybody) is what `check` says.
    narrowed = basis.context_of(_strings(record.model_dump()))
    found = _checked(basis, narrowed, kind, record, day)
    if found and narrowed is not basis.context:
        return _checked(basis, basis.context, kind, record, day)
    return found


def _strings(value: object) -> set[str]:
    """Every text in a record's data: a superset of the people it names."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*map(_strings, value.values()))
    if isinstance(value, list):
        return set().union(*map(_strings, value))
    return set()


def _checked(
    basis: Basis, context: list[FileResult], kind: str, record: Model, day: dt.date
) -> list[Problem]:
    rel = rel_path(kind, record)
    new = FileResult(rel, kind, record)
    small = build_tree(basis.root, [*context, new])
    rid = str(getattr(record, "id", ""))
    records: AbstractSet[str] = basis.ids.adding(rid)
    before = basis.entry(rel)
    if before is not None and before.id not in ("", rid) and basis.holders(before.id) == [rel]:
        # an id only the file at ``rel`` held goes when a record is written over it
        records = set(records) - {before.id}
    claimants = [r for r in basis.claimants(rid) if r != rel] if rid in basis.ids else []
    first_of = {rid: min([*claimants, rel])}
    index = Index.of(small, records)
    return _errors(file_problems(new, small, day, index, first_of), record)


def _errors(found: list[Problem], record: Model) -> list[Problem]:
    found = found + [
        Problem(f.CONTROL_CHAR, loc, f"control character U+{ord(char):04X} in text")
        for loc, char in hidden_characters(record.model_dump(by_alias=True))
    ]
    return [p for p in found if f.CODES.severity(p.code) is Severity.ERROR]


def describe(problem: Problem, lang: Lang = "en", model: type[BaseModel] | None = None) -> str:
    """One line for a person at entry, in ``lang``. List positions count from 1, as in
    ``ID/N``, not from 0 as in the YAML path `check` prints."""
    where = dotted(problem.loc)
    if lang == "zh":
        return _in_chinese(problem, _title(model, problem.loc) or entry_place(problem.loc))
    place = entry_place(problem.loc)
    message = problem.message
    if message.startswith(where):
        message = place + message[len(where) :]
    text = message if message.startswith(place) else f"{place}: {message}"
    return text + (f" ({problem.hint})" if problem.hint else "")


def entry_place(loc: tuple[str | int, ...]) -> str:
    """``actions/2.done`` for the path ``actions[1].done``: numbers as people count them."""
    out = ""
    for part in loc:
        out += f"/{part + 1}" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _title(model: type[BaseModel] | None, loc: tuple[str | int, ...]) -> str:
    names = [p for p in loc if isinstance(p, str)]
    if model is None or not names:
        return ""
    try:
        return field_doc(model, names[0]).title("zh")
    except KeyError:
        return ""


_ZH: list[tuple[str, re.Pattern[str], str]] = [
    (
        f.FUTURE_DATE,
        re.compile(r"(\d{4}-\d{2}-\d{2}) is in the future"),
        "{t} {0} 晚于今天，不能晚于今天",
    ),
    (
        f.INACTIVE_PERSON,
        re.compile(r": (.+) \((\S+)\) was not in the unit on (\S+)"),
        "{t}：{0}（{1}）{2} 不在该单位（见 org.yaml 的 since/until）",
    ),
    (f.UNKNOWN_PERSON, re.compile(r"'([^']*)'"), "{t}：org.yaml 中没有人员“{0}”"),
    (f.UNKNOWN_UNIT, re.compile(r"'([^']*)'"), "{t}：org.yaml 中没有单位“{0}”"),
    (f.UNKNOWN_PARTNER, re.compile(r"'([^']*)'"), "{t}：org.yaml 中没有联劳单位“{0}”"),
    (f.UNKNOWN_REF, re.compile(r"'([^']*)'"), "{t}：没有记录“{0}”"),
    (f.PAIRING_MENTOR, re.compile(r"mentor (.+) is not a party member"), "包保人 {0} 不是党员"),
    (
        f.PAIRING_MENTOR,
        re.compile(r"mentor (.+) \((\S+)\) is not in (.+)'s unit \((\S+)\)"),
        "包保人 {0}（{1}）与 {2}（{3}）不在同一单位：应同岗位、同职责、同班组结对",
    ),
    (f.VALUE, re.compile(r"mentor and the person are the same"), "包保人与被包保人不能是同一人"),
    (f.VALUE, re.compile(r"(\d{4}-\d{2}-\d{2}) is before the start"), "{t} {0} 早于开始日期"),
    (f.VALUE, re.compile(r"'class' is for accidents"), "只有事故才填事故等级"),
    (f.MISSING, re.compile(r"needs a 'partner'"), "联劳单位：信息来源为联劳时必填"),
    (f.MISSING, re.compile(r"accident needs a 'class'"), "事故等级：事故必填"),
    (f.MISSING, re.compile(r"violation needs"), "两违须填种类、性质和人员"),
    (f.CONTROL_CHAR, re.compile(r"(U\+[0-9A-F]{4,6})"), "{t}：含有控制字符 {0}"),
]


def _in_chinese(problem: Problem, title: str) -> str:
    for code, pattern, template in _ZH:
        found = pattern.search(problem.message) if code == problem.code else None
        if found:
            return template.format(*found.groups(), t=title).strip("：").strip()
    return f"{title}：{problem.message}" if title else problem.message
