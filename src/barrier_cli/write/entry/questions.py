"""Questions derived from model fields, and the parsing of what people type in answer.

A question knows its field's type from the model (a Literal is a choice, a date is a date,
a list takes several answers), its title from ``fielddocs`` and its choice labels from
``labels``. Answers are checked with the field's own pydantic validator, so a prompt accepts
exactly what the model accepts; the form adds only what the model cannot know (that a field
names a person, that a question applies only to accidents).
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from barrier_cli.core import i18n
from barrier_cli.core.fielddocs import FieldDoc, field_doc
from barrier_cli.core.labels import Lang, group_of, label
from barrier_cli.core.labels import names as label_names
from barrier_cli.write.entry.context import EntryContext

if typing.TYPE_CHECKING:
    from pydantic import BaseModel, TypeAdapter
    from pydantic.fields import FieldInfo

    from barrier_cli.core.lookup import Entry, Lookup

Answers = dict[str, Any]
Ref = Literal["person", "unit", "partner", "record", "train", "vehicle", "location"]
Base = Literal["text", "date", "bool", "choice", "number"]

_ITEM_SEPARATORS = re.compile(r"[,，、;；\s]+")
_LINE_SEPARATORS = re.compile(r"[;；\n]+")
_YES = frozenset({"y", "yes", "true", "1", "是", "对", "好"})
_NO = frozenset({"n", "no", "false", "0", "否", "不"})
CLEAR = "-"
"""Typed at a prompt, clears an optional answer."""


class InvalidAnswer(ValueError):
    """An answer the question cannot take; the message says why, in the session's language."""


@dataclass(frozen=True)
class Question:
    name: str
    """The YAML key; dotted for a field of a nested mapping (``violation.kind``)."""
    annotation: Any
    required: bool
    default: Any
    multi: bool
    base: Base
    choices: tuple[str, ...]
    labels: str
    doc: FieldDoc
    ref: Ref | None = None
    when: Callable[[Answers], bool] | None = None

    @property
    def flag(self) -> str:
        return "--" + self.name.replace(".", "-").replace("_", "-")

    def applies(self, answers: Answers) -> bool:
        return self.when is None or self.when(answers)

    def title(self, lang: Lang) -> str:
        return self.doc.title(lang)

    def choice_label(self, value: str, lang: Lang) -> str:
        return label(self.labels, value, lang)

    # -- parsing --------------------------------------------------------------------------

    def parse(self, raw: object, ctx: EntryContext) -> Any:
        """The field value for ``raw`` (typed text, or a bool from a flag); None if blank."""
        if isinstance(raw, bool) and self.base == "bool":
            return raw
        text = str(raw).strip()
        if text in ("", CLEAR):
            return [] if self.multi else None
        if self.multi:
            splitter = _ITEM_SEPARATORS if self.base == "choice" or self.ref else _LINE_SEPARATORS
            items = [t.strip() for t in splitter.split(text) if t.strip()]
            value: Any = list(dict.fromkeys(self._item(t, ctx) for t in items))
        else:
            value = self._item(text, ctx)
        return self._validated(value, ctx.lang)

    def _item(self, text: str, ctx: EntryContext) -> Any:
        lang = ctx.lang
        if self.base == "choice":
            return self._choice(text, lang)
        if self.base == "date":
            return parse_date(text, ctx.today, lang)
        if self.base == "bool":
            low = text.lower()
            if low in _YES or low in _NO:
                return low in _YES
            raise InvalidAnswer(i18n.in_lang(lang, "answer y (yes) or n (no)"))
        if self.base == "number":
            try:
                return float(text) if "." in text else int(text)
            except ValueError:
                raise InvalidAnswer(i18n.in_lang(lang, "a number is expected")) from None
        if self.ref in ("person", "unit", "partner"):
            return self._org_id(text, ctx)
        if self.ref == "record":
            return text.upper()
        return text

    def _choice(self, text: str, lang: Lang) -> str:
        if text.isdigit() and 1 <= int(text) <= len(self.choices):
            return self.choices[int(text) - 1]
        wanted = text.casefold()
        for value in self.choices:
            names = {value, *label_names(self.labels, value)} if self.labels else {value}
            if wanted in {n.casefold() for n in names}:
                return value
        shown = "、".join(
            f"{n} {self.choice_label(v, lang)}" for n, v in enumerate(self.choices, 1)
        )
        raise InvalidAnswer(
            i18n.in_lang(lang, "'{text}' is not one of: {shown}").format(text=text, shown=shown)
        )

    def _org_id(self, text: str, ctx: EntryContext) -> str:
        from barrier_cli.core.lookup import NotFound

        table = self.ref if self.ref in ("unit", "partner") else "person"
        key = text.strip()
        if key in ctx.table(table) if table != "person" else ctx.person(key) is not None:
            return key  # an id, as `Lookup.resolve` takes it, without building the lookup
        try:
            return ctx.lookup(table).resolve(text, ctx.lang)
        except NotFound as e:
            raise InvalidAnswer(str(e)) from None

    def _validated(self, value: Any, lang: Lang) -> Any:
        from pydantic import ValidationError

        try:
            return _adapter(self.annotation).validate_python(value)
        except ValidationError as e:
            first = e.errors(include_url=False)[0]
            raise InvalidAnswer(
                _pydantic_reason(first["type"], first["msg"], first.get("ctx"), lang)
            ) from None

    # -- display --------------------------------------------------------------------------

    def show(self, value: Any, lang: Lang) -> str:
        """``value`` as a person reads it: labels for choices, names next to ids."""
        if value is None or value == []:
            return ""
        items = value if isinstance(value, list) else [value]
        return (
            "、".join(self._show_item(v, lang) for v in items)
            if lang == "zh"
            else ", ".join(self._show_item(v, lang) for v in items)
        )

    def _show_item(self, value: Any, lang: Lang) -> str:
        if self.base == "choice":
            return self.choice_label(str(value), lang)
        if self.base == "bool":
            return i18n.in_lang(lang, "yes") if value else i18n.in_lang(lang, "no")
        return str(value)

    def candidates(self, ctx: EntryContext) -> list[tuple[str, str]]:
        """Completions with a description: choice values, people, units, values seen before."""
        if self.base == "choice":
            return [(v, self.choice_label(v, ctx.lang)) for v in self.choices]
        if self.base == "bool":
            return [("y", i18n.in_lang(ctx.lang, "yes")), ("n", i18n.in_lang(ctx.lang, "no"))]
        if self.ref in ("person", "unit", "partner"):
            return Offered(ctx.lookup(self.ref))
        if self.ref in ("train", "vehicle", "location"):
            return [(v, "") for v in ctx.seen.get(self.ref, [])]
        if self.ref == "record":
            return ctx.reports
        return []


class Offered(list[tuple[str, str]]):
    """The org entries of a question, and those a typed word means by pinyin or initials.

    As a list it holds every entry (id, name · unit); ``for_word`` asks the lookup, which
    loads pypinyin only once a latin word is typed.
    """

    def __init__(self, lookup: Lookup) -> None:
        super().__init__((e.id, _meta(e)) for e in lookup.entries.values())
        self.lookup = lookup

    def for_word(self, word: str) -> list[tuple[str, str]]:
        return [(e.id, _meta(e)) for e in self.lookup.complete(word)]


def _meta(entry: Entry) -> str:
    return f"{entry.name} · {entry.detail}" if entry.detail else entry.name


_ADAPTERS: dict[int, TypeAdapter[Any]] = {}


def _adapter(annotation: Any) -> TypeAdapter[Any]:
    """The field's own validator. pydantic is imported here, with the first answer: the
    first question is on the screen before it (`early`), a tenth of a second sooner."""
    from pydantic import TypeAdapter

    key = id(annotation)
    if key not in _ADAPTERS:
        _ADAPTERS[key] = TypeAdapter(annotation)
    return _ADAPTERS[key]


def _pydantic_reason(kind: str, msg: str, ctx: Mapping[str, Any] | None, lang: Lang) -> str:
    ctx = ctx or {}
    if kind == "string_too_long":
        return i18n.in_lang(lang, "too long (at most {max_length} characters)").format(
            max_length=ctx.get("max_length")
        )
    if kind == "string_too_short":
        return i18n.in_lang(lang, "must not be empty")
    if kind == "string_pattern_mismatch":
        return i18n.in_lang(lang, "one line only, not blank")
    if kind == "too_short":
        return i18n.in_lang(lang, "choose at least one")
    return msg.removeprefix("Value error, ")


def parse_date(text: str, today: dt.date, lang: Lang) -> dt.date:
    """YYYY-MM-DD, YYYYMMDD, MM-DD (this year), 今天/today, 昨天/yesterday, -N (N days ago)."""
    low = text.strip().lower()
    relative = {"今天": 0, "today": 0, "昨天": 1, "yesterday": 1, "前天": 2}
    if low in relative:
        return today - dt.timedelta(days=relative[low])
    if re.fullmatch(r"-\d{1,3}", low):
        return today - dt.timedelta(days=int(low[1:]))
    for candidate in (
        low,
        f"{low[:4]}-{low[4:6]}-{low[6:]}" if re.fullmatch(r"\d{8}", low) else "",
    ):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            pass
    if re.fullmatch(r"\d{1,2}-\d{1,2}", low):
        month, day = (int(p) for p in low.split("-"))
        try:
            return dt.date(today.year, month, day)
        except ValueError:
            pass
    raise InvalidAnswer(
        i18n.in_lang(lang, "'{text}' is not a date: YYYY-MM-DD, today or yesterday").format(
            text=text
        )
    )


# -- deriving questions from a model ---------------------------------------------------------


def strip_optional(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``| None``, and whether None was allowed."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]), True  # noqa: UP007
    return annotation, False


def _bare(annotation: Any) -> Any:
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _shape(annotation: Any) -> tuple[Base, tuple[str, ...], bool]:
    """(base, choices, multi) of a field's annotation."""
    inner, _ = strip_optional(_bare(annotation))
    inner = _bare(inner)
    multi = typing.get_origin(inner) is list
    if multi:
        inner = _bare(typing.get_args(inner)[0])
    if typing.get_origin(inner) is Literal:
        return "choice", tuple(str(a) for a in typing.get_args(inner)), multi
    if inner is dt.date:
        return "date", (), multi
    if inner is bool:
        return "bool", (), multi
    if inner in (int, float):
        return "number", (), multi
    return "text", (), multi


def full_annotation(info: FieldInfo) -> Any:
    """The field's annotation with its constraints, for a stand-alone validator."""
    if info.metadata:
        return Annotated[(info.annotation, *info.metadata)]
    return info.annotation


def question_for(
    model: type[BaseModel],
    name: str,
    info: FieldInfo,
    *,
    prefix: str = "",
    ref: Ref | None = None,
    labels: str | None = None,
    when: Callable[[Answers], bool] | None = None,
    required: bool | None = None,
) -> Question:
    key = info.alias or name
    base, choices, multi = _shape(info.annotation)
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    return Question(
        name=prefix + key,
        annotation=full_annotation(info),
        required=info.is_required() if required is None else required,
        default=default if default not in ([], None) else None,
        multi=multi,
        base=base,
        choices=choices,
        labels=labels or group_of(model, key) or key,
        doc=field_doc(model, key),
        ref=ref,
        when=when,
    )
