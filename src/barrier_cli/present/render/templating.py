"""Jinja templates as data: shipped in the package, overridable by a tree's own templates/.

A tree's templates are untrusted input like its records: they render sandboxed with
StrictUndefined, read only plain files inside ``records/templates/`` (or the package's own),
and stop at a CPU and size budget. Record text is escaped for the output's format: HTML by
autoescape, Markdown by the environment's ``finalize``. Every failure is one line naming the
template file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from barrier_cli.present.render.budget import Budget, TemplateFailed, TemplateRefused

COMMON = "common"
"""The folder of templates every language uses, searched after the language's own."""


def render(
    name: str,
    context: Mapping[str, Any],
    *,
    lang: str,
    records: Path | None = None,
    filters: Mapping[str, Any] | None = None,
    budget: Budget | None = None,
) -> str:
    """Render ``templates/<lang>/<name>``, preferring ``<records>/templates/<lang>/<name>``.

    What both languages share (the notice's CSS) lives once, in ``templates/common/``: it is
    looked up after the language folder, so a tree's ``<lang>/`` or ``common/`` overrides it.
    A ``.md.j2`` template escapes every value for Markdown; ``.html.j2`` and ``.svg.j2`` for HTML.
    """
    import jinja2

    from barrier_cli.present.render.sandbox import (
        BoundedEnvironment,
        ContainedLoader,
        OverBudget,
        install_catalogue,
    )

    budget = budget or Budget.from_env()
    loader = ContainedLoader(template_folders(lang, records), budget.template_bytes)
    env = BoundedEnvironment(
        budget=budget,
        markdown=name.endswith(".md.j2"),
        filters=filters or {},
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "htm", "html.j2", "svg.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    install_catalogue(env, lang)
    place = name
    try:
        template = env.get_template(name)
        place = template.filename or name
        return env.render_bounded(template, context)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateFailed(f"{e.filename or name}:{e.lineno}: template error: {e.message}") from e
    except jinja2.TemplateNotFound as e:
        raise TemplateFailed(_included_from(e, f"no template {lang}/{e.name}")) from e
    except TemplateRefused as e:
        raise TemplateRefused(_included_from(e, str(e))) from e
    except MemoryError as e:
        raise TemplateFailed(f"{_template_place(e, place)}: template error: out of memory") from e
    # A tree's own template is the user's input: whatever it raises is theirs to fix.
    except (
        OverBudget,
        jinja2.UndefinedError,
        jinja2.exceptions.SecurityError,
        TypeError,
        ValueError,
        LookupError,
        ArithmeticError,
        RecursionError,
    ) as e:
        raise TemplateFailed(f"{_template_place(e, place)}: template error: {e}") from e


def template_folders(lang: str, records: Path | None) -> list[tuple[Path, str, bool]]:
    """Where ``lang``'s templates are looked up, in order, as ``ContainedLoader`` takes them:
    the tree's own ``<lang>/`` and ``common/``, then the package's."""
    import importlib.resources

    shipped = Path(str(importlib.resources.files("barrier_cli") / "templates"))
    bases = (
        [(shipped, False)] if records is None else [(records / "templates", True), (shipped, False)]
    )
    return [(base, sub, own) for base, own in bases for sub in (lang, COMMON)]


def _included_from(error: BaseException, message: str) -> str:
    """``message``, after the template line that included, imported or extended the culprit."""
    place = _template_place(error, "")
    return f"{place}: {message}" if place else message


def _template_place(error: BaseException, file: str) -> str:
    """``file:line`` of the template that raised, read from the traceback jinja rewrites;
    ``file`` alone when the render stopped between two of its lines."""
    tb = error.__traceback__
    place = file
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return place
