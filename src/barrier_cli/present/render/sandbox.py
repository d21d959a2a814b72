"""The Jinja environment every document renders in: contained, bounded, escaping.

Contained: templates are read only as plain files inside their folder (a tree's own may not be
or sit under a symlink), so no ``include``, ``import`` or ``extends`` reads beyond it.
Bounded: the sandbox already hides private attributes; on top of it every loop step, call,
filter, operator and output checks a CPU deadline, and whatever could build a huge string or
list (``*``, ``+``, ``~``, ``%``, ``format`` widths, ``center``, ``indent``, ``join``,
``replace``, ``lipsum``...) is refused before it allocates.
Escaping: in a Markdown template every ``{{ value }}`` is escaped by ``finalize``, the way
autoescape escapes for HTML; what a macro, ``set`` block or ``caller()`` wrote is Markdown
already and is marked safe (``Markup``) like their output under autoescape, so is not escaped
twice.
"""

from __future__ import annotations

import os
import re
import stat
import time
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import update_wrapper, wraps
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment, SandboxedFormatter
from jinja2.utils import generate_lorem_ipsum
from markupsafe import EscapeFormatter, Markup

from barrier_cli.present.render.budget import Budget, TemplateRefused
from barrier_cli.present.render.markdown import escape_markdown


class OverBudget(Exception):
    """A render went past its CPU or size budget."""


class ContainedLoader(jinja2.BaseLoader):
    """Templates from ``(base, subfolder, own)`` folders, in order.

    ``own`` marks a records tree's folder: its files must be plain files reached without
    any symlink from ``base`` down. The package's folders only must not resolve outside base.
    """

    def __init__(self, folders: Sequence[tuple[Path, str, bool]], max_bytes: int) -> None:
        self.folders = folders
        self.max_bytes = max_bytes

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.locate(template)
        data = self.read_bytes(path, self.max_bytes)
        try:
            return data.decode("utf-8"), str(path), lambda: True
        except UnicodeDecodeError as e:
            raise TemplateRefused(f"{path}: template refused: not UTF-8 (byte {e.start})") from e

    def locate(self, template: str) -> Path:
        """The first folder's file named ``template``, checked as the folder requires."""
        pieces = _template_pieces(template)
        for base, sub, own in self.folders:
            path = _tree_file(base, [sub, *pieces]) if own else _package_file(base, [sub, *pieces])
            if path is not None:
                return path
        raise jinja2.TemplateNotFound(template)

    @staticmethod
    def read_bytes(path: Path, max_bytes: int) -> bytes:
        # O_NOFOLLOW and O_NONBLOCK: a file swapped for a link or a pipe since it was looked at
        # fails or returns at once instead of being followed or waited on.
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags)
        except OSError as e:
            raise TemplateRefused(f"{path}: template refused: {e.strerror}") from e
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise TemplateRefused(f"{path}: template refused: not a plain file")
            # Read one byte past the limit too: the file may grow after fstat.
            data = b"" if info.st_size > max_bytes else file.read(max_bytes + 1)
        if info.st_size > max_bytes or len(data) > max_bytes:
            raise TemplateRefused(f"{path}: template refused: larger than {max_bytes:,} bytes")
        return data


def _template_pieces(template: str) -> list[str]:
    """The folders and file of a template name, refused if it would climb out of its folder."""
    pieces = [p for p in template.replace("\\", "/").split("/") if p not in ("", ".")]
    if template.startswith(("/", "\\")) or ".." in pieces or any(":" in p for p in pieces):
        raise TemplateRefused(f"{template}: template refused: the name leaves the templates folder")
    return pieces


def _tree_file(base: Path, pieces: list[str]) -> Path | None:
    """``base/pieces`` if it is there; refused if it or any folder on the way is a symlink."""
    path = base
    for depth, piece in enumerate([None, *pieces]):
        if piece is not None:
            path = path / piece
        try:
            mode = os.lstat(path).st_mode
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as e:
            raise TemplateRefused(f"{path}: template refused: {e.strerror}") from e
        if stat.S_ISLNK(mode):
            raise TemplateRefused(
                f"{path}: template refused: a symlink; a tree's templates are plain files "
                f"inside {base}"
            )
        last = depth == len(pieces)
        if not last and not stat.S_ISDIR(mode):
            return None
        if last and not stat.S_ISREG(mode):
            raise TemplateRefused(f"{path}: template refused: not a plain file")
    return path


def _package_file(base: Path, pieces: list[str]) -> Path | None:
    path = base.joinpath(*pieces)
    if not path.is_file():
        return None
    if not path.resolve().is_relative_to(base.resolve()):
        raise TemplateRefused(f"{path}: template refused: it resolves outside {base}")
    return path


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator with a budget check in every loop step and on every ``~``."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("iterate_bounded", lineno=node.lineno),
            [node.iter],
            [],
            None,
            None,
            lineno=node.lineno,
        ).set_environment(self.environment)
        super().visit_For(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.concat_bounded((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("), context.eval_ctx.autoescape)")


class BoundedEnvironment(SandboxedEnvironment):
    """A sandbox that stops a render past its ``Budget`` and, for Markdown, escapes values."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(
        self,
        *,
        budget: Budget,
        markdown: bool,
        filters: Mapping[str, Callable[..., Any]],
        **options: Any,
    ) -> None:
        super().__init__(
            finalize=self._finalize_markdown if markdown else self._finalize, **options
        )
        self.budget = budget
        self.markdown = markdown
        self.deadline = float("inf")
        self.filters.update(filters)
        if markdown:
            # ``|e`` means "escape for this document": HTML entities would leave links live.
            for name in ("e", "escape", "forceescape"):
                self.filters[name] = _markdown_markup
        self.filters = {name: self._bounded_filter(name, f) for name, f in self.filters.items()}
        self.globals["lipsum"] = self._lipsum

    def render_bounded(self, template: jinja2.Template, context: Mapping[str, Any]) -> str:
        """``template`` rendered, stopped once past the CPU budget or the output size."""
        self.deadline = time.thread_time() + self.budget.cpu_seconds
        parts: list[str] = []
        size = 0
        for chunk in template.generate(**context):
            size += len(chunk)
            if size > self.budget.output_chars:
                raise OverBudget(f"the document passed {self.budget.output_chars:,} characters")
            self.check_time()
            parts.append(chunk)
        return "".join(parts)

    def check_time(self) -> None:
        if time.thread_time() > self.deadline:
            raise OverBudget(f"past its budget of {self.budget.cpu_seconds:g} s CPU")

    def check_size(self, size: int, what: str = "a value") -> None:
        if size > self.budget.value_chars:
            raise OverBudget(
                f"{what} of {size:,} characters or items; the limit is {self.budget.value_chars:,}"
            )

    def check_numbers(self, args: Iterable[Any]) -> None:
        """Widths, counts and repeats a template passes stay below the value limit."""
        for arg in args:
            if isinstance(arg, int) and abs(arg) > self.budget.value_chars:
                raise OverBudget(f"a number of {arg:,} is too large for a template")

    def content_size(self, value: Any) -> int:
        """The characters ``value`` turns into as text, counted until past the limit.

        A list repeating one long string is as long as all its copies: this is what refuses
        ``[s] * n`` before it is joined or printed.
        """
        total = 0
        stack = [value]
        while stack and total <= self.budget.value_chars:
            item = stack.pop()
            if isinstance(item, (str, bytes)):
                total += len(item)
            elif isinstance(item, Mapping):
                total += 2 + 2 * len(item)
                if total <= self.budget.value_chars:
                    stack.extend(item.keys())
                    stack.extend(item.values())
            elif isinstance(item, (list, tuple, set, frozenset)):
                total += 2 + 2 * len(item)
                if total <= self.budget.value_chars:
                    stack.extend(item)
            else:
                total += 1
        return total

    def check_content(self, value: Any, what: str = "a value") -> None:
        self.check_size(self.content_size(value), what)

    def check_result(self, value: Any) -> Any:
        if isinstance(value, (str, bytes, list, tuple, dict, set)):
            self.check_size(len(value), "a result")
        return value

    # Every way a template runs code passes one of these.

    def iterate_bounded(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.check_time()
            yield item

    def concat(self, parts: Iterable[str]) -> str:
        """Joins a macro's, a block's or a ``set`` block's output, refused past the limit."""
        collected: list[str] = []
        size = 0
        for part in parts:
            size += len(part)
            self.check_size(size, "a block's output")
            collected.append(part)
        text = "".join(collected)
        return Markup(text) if self.markdown else text

    def concat_bounded(self, parts: tuple[Any, ...], autoescape: bool) -> str:
        self.check_time()
        self.check_content(parts, "a ~ result")
        return markup_join(parts) if autoescape else str_join(parts)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.check_time()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.check_time()
        return super().getitem(obj, argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.check_time()
        __self.check_numbers(args)
        __self.check_numbers(kwargs.values())
        __self.check_content((args, kwargs), "an argument")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, (str, bytes)):
            __self._check_text_method(owner, __obj.__name__, args, kwargs)
        result = SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs)
        if isinstance(owner, (list, dict, set)):
            __self.check_size(len(owner), "a collection")
        return __self.check_result(result)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.check_time()
        if operator == "**":
            return self._power(left, right)
        if operator == "*":
            return self._times(left, right)
        if operator == "+":
            if isinstance(left, (str, bytes, list, tuple)) and isinstance(right, type(left)):
                self.check_size(len(left) + len(right), "a + result")
            elif isinstance(left, int) and isinstance(right, int):
                self._check_bits(max(left.bit_length(), right.bit_length()) + 1)
            return left + right
        if isinstance(left, (str, bytes)):
            self._check_percent(left, right)
        return left % right

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map`` with the sandbox's formatter, widths bounded."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) or (
            value.__name__ not in ("format", "format_map")
        ):
            return None
        text = value.__self__
        if not isinstance(text, str):
            return None
        formatter: _BoundedFormatter = (
            _BoundedEscapeFormatter(self, escape=text.escape)
            if isinstance(text, Markup)
            else _BoundedFormatter(self)
        )
        as_map = value.__name__ == "format_map"

        def bounded_format(*args: Any, **kwargs: Any) -> str:
            if as_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return self._format(formatter, text, (), args[0])
            return self._format(formatter, text, args, kwargs)

        return update_wrapper(bounded_format, value)

    def _format(
        self,
        formatter: _BoundedFormatter,
        text: str,
        args: Sequence[Any],
        kwargs: Mapping[str, Any],
    ) -> str:
        self.check_size(len(text) + text.count("{") * self.content_size((args, kwargs)), "a format")
        return type(text)(formatter.vformat(text, args, kwargs))

    # The checks of particular operations.

    def _finalize(self, value: Any) -> Any:
        self.check_content(value, "an output value")
        return value

    def _finalize_markdown(self, value: Any) -> Any:
        self.check_content(value, "an output value")
        if isinstance(value, Markup):
            return value
        return escape_markdown(str(value))

    def _bounded_filter(self, name: str, f: Callable[..., Any]) -> Callable[..., Any]:
        # A filter that receives the context or environment gets it first; the value follows.
        skip = 1 if getattr(f, "jinja_pass_arg", None) is not None else 0

        @wraps(f)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.check_time()
            value, params = args[skip] if len(args) > skip else None, args[skip + 1 :]
            self.check_numbers(params)
            self.check_numbers(kwargs.values())
            self.check_content((value, params, kwargs), f"the input of |{name}")
            estimate = _FILTER_SIZES.get(name)
            if estimate is not None:
                self.check_size(estimate(self, value, params, kwargs), f"|{name}")
            return self.check_result(f(*args, **kwargs))

        return bounded

    def _lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        # A word of lorem ipsum is at most 12 characters with its space.
        self.check_size(12 * n * max, "lipsum")
        return generate_lorem_ipsum(n, html, min, max)

    def _power(self, left: Any, right: Any) -> Any:
        if isinstance(right, int) and abs(right) > 1000:
            raise OverBudget(f"exponent {right} is too large for a template")
        if isinstance(left, int) and isinstance(right, int) and right > 0:
            self._check_bits(left.bit_length() * right)
        return left**right

    def _times(self, left: Any, right: Any) -> Any:
        if isinstance(left, int) and isinstance(right, (str, bytes, list, tuple)):
            left, right = right, left
        if isinstance(left, (str, bytes, list, tuple)) and isinstance(right, int):
            self.check_size(len(left) * right, "a * result")
        elif isinstance(left, int) and isinstance(right, int):
            self._check_bits(left.bit_length() + right.bit_length())
        return left * right

    def _check_bits(self, bits: int) -> None:
        if bits > self.budget.int_bits:
            raise OverBudget(f"a number of about {bits:,} bits is too large for a template")

    def _check_percent(self, text: str | bytes, args: Any) -> None:
        spec = text if isinstance(text, str) else text.decode("latin-1")
        _check_percent_widths(self, spec)
        self.check_size(len(spec) + spec.count("%") * self.content_size(args), "a % result")

    def _check_text_method(self, text: str | bytes, name: str, args: Any, kwargs: Any) -> None:
        estimate = _TEXT_METHOD_SIZES.get(name)
        if estimate is not None:
            self.check_size(estimate(self, text, args, kwargs), f".{name}()")


def _markdown_markup(value: Any) -> Markup:
    return value if isinstance(value, Markup) else Markup(escape_markdown(str(value)))


class MarkdownMarkup(Markup):
    """Trusted Markdown (a catalogue's translation) whose ``%`` escapes values for Markdown."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any) -> MarkdownMarkup:
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(escape_markdown(str(s)))


def install_catalogue(env: BoundedEnvironment, lang: str) -> None:
    """Give ``env`` the ``{% trans %}`` tag and ``_()`` in ``lang``, from the message catalogue.

    The catalogue's text is trusted; the values put into it are escaped for the document's
    format, as ``{{ value }}`` is: HTML by autoescape, Markdown by ``MarkdownMarkup``.
    """
    from barrier_cli.core import i18n

    catalogue = i18n.translations(lang)
    env.add_extension("jinja2.ext.i18n")
    if not env.markdown:
        env.install_gettext_translations(catalogue, newstyle=True)  # type: ignore[attr-defined]
        return

    def gettext(message: str) -> str:
        return MarkdownMarkup(catalogue.gettext(message))

    def ngettext(singular: str, plural: str, n: int) -> str:
        return MarkdownMarkup(catalogue.ngettext(singular, plural, n))

    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]


class _BoundedFormatter(SandboxedFormatter):
    _env: BoundedEnvironment

    def format_field(self, value: Any, format_spec: str) -> Any:
        self._env.check_numbers(int(n) for n in re.findall(r"\d+", format_spec))
        return super().format_field(value, format_spec)


class _BoundedEscapeFormatter(_BoundedFormatter, EscapeFormatter):
    pass


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
"""A ``%`` conversion with its width and precision."""


def _check_percent_widths(env: BoundedEnvironment, text: str) -> None:
    for spec in _PERCENT_SPEC.finditer(text):
        for number in spec.groups():
            if number == "*":
                raise OverBudget("a * width in % formatting is not allowed in a template")
            if number is not None:
                env.check_numbers([int(number)])


def _param(args: Sequence[Any], kwargs: Mapping[str, Any], at: int, key: str, default: Any) -> Any:
    return args[at] if len(args) > at else kwargs.get(key, default)


def _count(text: Any, needle: Any) -> int:
    if isinstance(text, str) and isinstance(needle, str):
        return text.count(needle) if needle else len(text) + 1
    if isinstance(text, bytes) and isinstance(needle, bytes):
        return text.count(needle) if needle else len(text) + 1
    return 0


def _length(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict, set)) else 1


_Estimate = Callable[[BoundedEnvironment, Any, Sequence[Any], Mapping[str, Any]], int]
"""The largest result an operation can make, computed before it makes it."""


def _width(text: Any, width: Any) -> int:
    return max(_length(text), width if isinstance(width, int) else 0)


def _indent(env: BoundedEnvironment, s: Any, a: Sequence[Any], k: Mapping[str, Any]) -> int:
    width = _param(a, k, 0, "width", 4)
    prefix = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    return _length(s) + prefix * (str(s).count("\n") + 1)


def _replace(env: BoundedEnvironment, s: Any, a: Sequence[Any], k: Mapping[str, Any]) -> int:
    old, new = _param(a, k, 0, "old", ""), _param(a, k, 1, "new", "")
    return _length(s) + _count(s if isinstance(s, str) else str(s), str(old)) * _length(new)


def _join(env: BoundedEnvironment, value: Any, a: Sequence[Any], k: Mapping[str, Any]) -> int:
    separator = _param(a, k, 0, "d", "")
    return env.content_size(value) + _length(separator) * _length(value)


def _wordwrap(env: BoundedEnvironment, s: Any, a: Sequence[Any], k: Mapping[str, Any]) -> int:
    wrap = _param(a, k, 2, "wrapstring", None)
    return _length(s) * (1 + (_length(wrap) if wrap is not None else 1))


def _format(env: BoundedEnvironment, s: Any, a: Sequence[Any], k: Mapping[str, Any]) -> int:
    text = str(s)
    _check_percent_widths(env, text)
    return len(text) + text.count("%") * env.content_size((a, k))


_FILTER_SIZES: dict[str, _Estimate] = {
    "center": lambda env, s, a, k: _width(s, _param(a, k, 0, "width", 80)),
    "indent": _indent,
    "replace": _replace,
    "join": _join,
    "wordwrap": _wordwrap,
    "format": _format,
    "batch": lambda env, v, a, k: _length(v) + _param(a, k, 0, "linecount", 0),
    "slice": lambda env, v, a, k: _length(v) + _param(a, k, 0, "slices", 0),
}
"""Filters whose result can be far larger than their input."""


def _text_replace(env: BoundedEnvironment, s: Any, a: Sequence[Any], k: Mapping[str, Any]) -> int:
    old, new = _param(a, k, 0, "old", ""), _param(a, k, 1, "new", "")
    return len(s) + _count(s, old) * _length(new)


def _text_join(env: BoundedEnvironment, s: Any, a: Sequence[Any], k: Mapping[str, Any]) -> int:
    items = _param(a, k, 0, "iterable", ())
    return env.content_size(items) + len(s) * _length(items)


def _text_translate(env: BoundedEnvironment, s: Any, a: Sequence[Any], k: Mapping[str, Any]) -> int:
    table = _param(a, k, 0, "table", {})
    longest = max((_length(v) for v in table.values()), default=1) if isinstance(table, dict) else 1
    return len(s) * max(longest, 1)


_TEXT_METHOD_SIZES: dict[str, _Estimate] = {
    "center": lambda env, s, a, k: _width(s, _param(a, k, 0, "width", 0)),
    "ljust": lambda env, s, a, k: _width(s, _param(a, k, 0, "width", 0)),
    "rjust": lambda env, s, a, k: _width(s, _param(a, k, 0, "width", 0)),
    "zfill": lambda env, s, a, k: _width(s, _param(a, k, 0, "width", 0)),
    "expandtabs": lambda env, s, a, k: len(s) * max(1, _param(a, k, 0, "tabsize", 8)),
    "replace": _text_replace,
    "join": _text_join,
    "translate": _text_translate,
}
"""Methods of ``str`` and ``bytes`` whose result can be far larger than the text."""
