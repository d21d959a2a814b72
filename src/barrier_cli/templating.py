"""Jinja templates as data: shipped in the package, overridable by a tree's own templates/.

Rendering is sandboxed with StrictUndefined, HTML autoescaped, and a template error names
the template file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from barrier_cli.errors import UserError

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment


COMMON = "common"
"""The folder of templates every language uses, searched after the language's own."""


class TemplateFailed(UserError):
    """A template could not be rendered."""


def render(
    name: str,
    context: Mapping[str, Any],
    *,
    lang: str,
    records: Path | None = None,
    filters: Mapping[str, Any] | None = None,
) -> str:
    """Render ``templates/<lang>/<name>``, preferring ``<records>/templates/<lang>/<name>``.

    What both languages share (the notice's CSS) lives once, in ``templates/common/``: it is
    looked up after the language folder, so a tree's ``<lang>/`` or ``common/`` overrides it.
    """
    import importlib.resources

    import jinja2

    shipped = Path(str(importlib.resources.files("barrier_cli") / "templates"))
    bases = [shipped] if records is None else [records / "templates", shipped]
    folders = [base / sub for base in bases for sub in (lang, COMMON)]
    search = [jinja2.FileSystemLoader(str(f)) for f in folders if f.is_dir()]
    env = _bounded_environment()(
        loader=jinja2.ChoiceLoader(search),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "htm", "html.j2", "svg.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters or {})
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateFailed(f"{e.filename or name}:{e.lineno}: template error: {e.message}") from e
    except jinja2.TemplateNotFound as e:
        raise TemplateFailed(f"no template {lang}/{name}") from e
    # A tree's own template is the user's input: whatever it raises is theirs to fix.
    except (
        jinja2.UndefinedError,
        jinja2.exceptions.SecurityError,
        TypeError,
        ValueError,
        LookupError,
        ArithmeticError,
        RecursionError,
    ) as e:
        raise TemplateFailed(f"{_template_place(e, name)}: template error: {e}") from e


def _template_place(error: BaseException, name: str) -> str:
    """``file:line`` of the template that raised, read from the traceback jinja rewrites."""
    tb = error.__traceback__
    place = f"{name}:0"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return place


MAX_RESULT = 10_000_000
"""The longest text or list a template may make with ``*`` (and ``**`` stays small)."""


def _bounded_binop(operator: str, left: Any, right: Any) -> Any:
    """``*`` and ``**`` as Python has them, refused before they can fill the memory."""
    if operator == "**":
        if isinstance(right, int) and abs(right) > 1000:
            raise OverflowError(f"exponent {right} is too large for a template")
        return left**right
    if isinstance(left, int) and isinstance(right, (str, list, tuple)):
        left, right = right, left
    sized = isinstance(left, (str, list, tuple)) and isinstance(right, int)
    if sized and len(left) * right > MAX_RESULT:
        raise OverflowError(f"a result of {len(left) * right:,} items is too large")
    return left * right


def _bounded_environment() -> type[SandboxedEnvironment]:
    from jinja2.sandbox import SandboxedEnvironment

    class BoundedEnvironment(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator in self.intercepted_binops:
                return _bounded_binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

    return BoundedEnvironment
