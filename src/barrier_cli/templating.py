"""Jinja templates as data: shipped in the package, overridable by a tree's own templates/.

Rendering is sandboxed with StrictUndefined, HTML autoescaped, and a template error names
the template file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from barrier_cli.errors import UserError


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
    """Render ``templates/<lang>/<name>``, preferring ``<records>/templates/<lang>/<name>``."""
    import importlib.resources

    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    search: list[Any] = []
    if records is not None and (records / "templates" / lang).is_dir():
        search.append(jinja2.FileSystemLoader(str(records / "templates" / lang)))
    shipped = importlib.resources.files("barrier_cli") / "templates" / lang
    search.append(jinja2.FileSystemLoader(str(shipped)))
    env = SandboxedEnvironment(
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
    except (jinja2.UndefinedError, jinja2.exceptions.SecurityError, TypeError) as e:
        raise TemplateFailed(f"{lang}/{name}:{_template_line(e)}: template error: {e}") from e


def _template_line(error: BaseException) -> int:
    """The line of the template that raised, read from the traceback jinja rewrites."""
    tb = error.__traceback__
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
