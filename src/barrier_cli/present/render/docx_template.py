"""Word documents from Word templates: ``templates/<lang|common>/<name>.docx`` with Jinja fields.

A Word template is a .docx an office can open and restyle in Word; its text holds Jinja
fields that docxtpl renders (``{{ … }}`` in a run, ``{%p … %}``/``{%tr … %}`` for a whole
paragraph or table row). It gets the same context as the md and html templates (the
analysis result, the notice model) and the same filters, and its words come from the message
catalogue through ``_()``. A tree overrides the shipped one by putting its own file at the
same name under ``records/templates/``, found and read as the text templates are (plain
files only, no symlink, bounded size), and rendered in the same bounded sandbox; whatever
a broken template does ends in one line naming its file.

The file is reproducible: its properties carry the document's own date (`office.Stamp`),
and its zip entries too, so one context gives the same bytes every time.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from barrier_cli.core.extras import require
from barrier_cli.present.render.budget import Budget, TemplateFailed, TemplateRefused
from barrier_cli.present.render.office import Stamp, reproducible_zip, stamp_properties

WORD_TEMPLATE_BYTES = 20_000_000
"""The largest Word template read: unlike a text template it carries its images and styles."""
WORD_XML_BYTES = 50_000_000
"""The most its parts may unpack to: a small zip must not inflate to fill the memory."""


def render_docx(
    name: str,
    context: Mapping[str, Any],
    *,
    lang: str,
    stamp: Stamp,
    records: Path | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    budget: Budget | None = None,
) -> bytes:
    """The Word file of template ``name`` (``notice.docx``) rendered with ``context``,
    a tree's own template preferred to the shipped one."""
    require("docxtpl", purpose="Word output")
    import jinja2

    from barrier_cli.present.render.sandbox import ContainedLoader, OverBudget
    from barrier_cli.present.render.templating import template_folders

    budget = budget or Budget.from_env()
    loader = ContainedLoader(template_folders(lang, records), budget.template_bytes)
    try:
        path = loader.locate(name)
    except jinja2.TemplateNotFound as e:
        raise TemplateFailed(f"no template {lang}/{name}") from e
    data = loader.read_bytes(path, WORD_TEMPLATE_BYTES)
    template = _open(path, data)
    env = _word_environment(budget, lang, filters or {})
    try:
        env.start()
        template.render(dict(context), env)
    except jinja2.TemplateSyntaxError as e:
        near = env.near(e.lineno)
        raise TemplateFailed(f"{path}: template error: {e.message}{near}") from e
    except MemoryError as e:
        raise TemplateFailed(f"{path}: template error: out of memory") from e
    # A tree's own template is the user's input: whatever it raises is theirs to fix.
    except (
        jinja2.TemplateError,
        TypeError,
        ValueError,
        LookupError,
        ArithmeticError,
        RecursionError,
        OverBudget,
    ) as e:
        near = env.near(_template_line(e))
        raise TemplateFailed(f"{path}: template error: {e}{near}") from e
    stamp_properties(template.docx, stamp)
    buffer = io.BytesIO()
    template.save(buffer)
    return reproducible_zip(buffer.getvalue(), stamp.moment)


def _open(path: Path, data: bytes) -> Any:
    """The template as docxtpl holds it; a file that is not a Word document is one line."""
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
        if unpacked > WORD_XML_BYTES:
            raise TemplateRefused(
                f"{path}: template refused: it unpacks to more than {WORD_XML_BYTES:,} bytes"
            )
        template = DocxTemplate(io.BytesIO(data))
        template.init_docx()
    except TemplateRefused:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, etree.LxmlError) as e:
        raise TemplateFailed(f"{path}: template error: not a Word (.docx) file ({e})") from e
    return template


def _word_environment(budget: Budget, lang: str, filters: Mapping[str, Callable[..., Any]]) -> Any:
    """The bounded sandbox of the text templates, set for Word XML: every value escaped
    (XML needs what HTML autoescape does), the catalogue's text escaped too, one CPU and
    output budget for all the parts docxtpl renders (body, headers, footers, properties)."""
    import time

    import jinja2
    from markupsafe import Markup, escape

    from barrier_cli.core import i18n
    from barrier_cli.present.render.sandbox import BoundedEnvironment, OverBudget

    class WordEnvironment(BoundedEnvironment):
        sources: list[str]
        written: int

        def start(self) -> None:
            self.deadline = time.thread_time() + self.budget.cpu_seconds
            self.written = 0
            self.sources = []

        def from_string(self, source: Any, *args: Any, **kwargs: Any) -> Any:
            self.sources.append(str(source))
            return _Part(self, super().from_string(source, *args, **kwargs))

        def render_part(self, template: jinja2.Template, context: Mapping[str, Any]) -> str:
            parts: list[str] = []
            for chunk in template.generate(**context):
                self.written += len(chunk)
                if self.written > self.budget.output_chars:
                    raise OverBudget(f"the document passed {self.budget.output_chars:,} characters")
                self.check_time()
                parts.append(chunk)
            return "".join(parts)

        def near(self, line: int | None) -> str:
            """Where in the template's text the error is: the words of the paragraph
            (docxtpl puts each paragraph on a line of its own)."""
            if line is None or not self.sources:
                return ""
            lines = self.sources[-1].splitlines()
            if not 0 < line <= len(lines):
                return ""
            words = " ".join(re.sub(r"<[^>]+>", "", lines[line - 1]).split())
            return f" (in the paragraph “{words[:80]}”)" if words else ""

    env = WordEnvironment(
        budget=budget,
        markdown=False,
        filters=filters,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
    )
    catalogue = i18n.translations(lang)

    def gettext(message: str) -> str:
        return Markup(escape(catalogue.gettext(message)))

    def ngettext(singular: str, plural: str, n: int) -> str:
        return Markup(escape(catalogue.ngettext(singular, plural, n)))

    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.start()
    return env


class _Part:
    """One XML part of the document as docxtpl renders it: through the environment's budget."""

    def __init__(self, env: Any, template: Any) -> None:
        self.env = env
        self.template = template

    def render(self, *args: Any, **kwargs: Any) -> str:
        result: str = self.env.render_part(self.template, dict(*args, **kwargs))
        return result


def _template_line(error: BaseException) -> int | None:
    """The line of the template text that raised, from the traceback jinja rewrites."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
