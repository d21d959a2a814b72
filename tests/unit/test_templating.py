"""templating.render: the language folder first, then templates/common; a tree's own first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from barrier_cli.core.errors import UserError
from barrier_cli.present.render.budget import CPU_ENV, Budget, TemplateFailed
from barrier_cli.present.render.templating import render

SHIPPED = Path(__file__).resolve().parents[2] / "src" / "barrier_cli" / "templates"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_one_shipped_css_is_found_from_either_language(lang: str) -> None:
    css = (SHIPPED / "common" / "notice.css").read_text(encoding="utf-8")
    assert render("notice.css", {}, lang=lang) == css
    assert not (SHIPPED / lang / "notice.css").exists()


def test_a_trees_common_folder_overrides_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "templates" / "common").mkdir(parents=True)
    (tmp_path / "templates" / "common" / "notice.css").write_text("b{}", encoding="utf-8")
    assert render("notice.css", {}, lang="zh", records=tmp_path) == "b{}"


def test_a_trees_language_folder_comes_before_its_common_folder(tmp_path: Path) -> None:
    for folder, css in (("common", "common{}"), ("en", "en{}")):
        (tmp_path / "templates" / folder).mkdir(parents=True)
        (tmp_path / "templates" / folder / "notice.css").write_text(css, encoding="utf-8")
    assert render("notice.css", {}, lang="en", records=tmp_path) == "en{}"
    assert render("notice.css", {}, lang="zh", records=tmp_path) == "common{}"


def test_a_template_nowhere_is_a_user_error() -> None:
    with pytest.raises(TemplateFailed, match=r"no template zh/nothing\.j2"):
        render("nothing.j2", {}, lang="zh")


def own(tmp_path: Path, name: str, body: str) -> Path:
    (tmp_path / "templates" / "zh").mkdir(parents=True, exist_ok=True)
    (tmp_path / "templates" / "zh" / name).write_text(body, encoding="utf-8")
    return tmp_path


def test_markdown_escapes_values_once_and_keeps_what_the_template_wrote(tmp_path: Path) -> None:
    body = "# {{ v }}\n{% set cell %}**{{ v }}**{% endset %}| {{ cell }} |\n{{ m() }}\n"
    body = "{% macro m() %}- {{ v }}{% endmacro %}" + body
    root = own(tmp_path, "x.md.j2", body)
    text = render("x.md.j2", {"v": "<b>|[x](y)"}, lang="zh", records=root)
    assert text == "# \\<b\\>\\|\\[x\\](y)\n| **\\<b\\>\\|\\[x\\](y)** |\n- \\<b\\>\\|\\[x\\](y)\n"


def test_the_escape_filter_of_a_markdown_template_escapes_for_markdown(tmp_path: Path) -> None:
    root = own(tmp_path, "x.md.j2", "{{ v | e }} {{ v | escape }} {{ v | forceescape }}")
    text = render("x.md.j2", {"v": "[x](javascript:y)"}, lang="zh", records=root)
    assert text == " ".join(["\\[x\\](javascript:y)"] * 3)


def test_html_is_escaped_by_autoescape_not_for_markdown(tmp_path: Path) -> None:
    root = own(tmp_path, "x.html.j2", "<p>{{ v }}</p>")
    assert render("x.html.j2", {"v": "<b>|*"}, lang="zh", records=root) == "<p>&lt;b&gt;|*</p>"


def test_each_budget_figure_stops_a_render(tmp_path: Path) -> None:
    root = own(tmp_path, "x.md.j2", "{% for i in range(5) %}{{ 'x' * 100 }}{% endfor %}")
    assert len(render("x.md.j2", {}, lang="zh", records=root)) == 500
    for budget, message in [
        (Budget(output_chars=499), "the document passed 499 characters"),
        (Budget(value_chars=99), "a * result of 100 characters or items; the limit is 99"),
        (Budget(cpu_seconds=1e-9), "past its budget of 1e-09 s CPU"),
        (Budget(template_bytes=10), "larger than 10 bytes"),
    ]:
        with pytest.raises(TemplateFailed, match=re.escape(message)):
            render("x.md.j2", {}, lang="zh", records=root, budget=budget)


def test_the_cpu_budget_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CPU_ENV, "0.5")
    assert Budget.from_env() == Budget(cpu_seconds=0.5)
    for bad in ("0", "-1", "inf", "nan", "soon"):
        monkeypatch.setenv(CPU_ENV, bad)
        with pytest.raises(UserError, match=re.escape(f"${CPU_ENV} is {bad!r}")):
            Budget.from_env()
