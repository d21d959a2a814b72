"""templating.render: the language folder first, then templates/common; a tree's own first."""

from __future__ import annotations

from pathlib import Path

import pytest

from barrier_cli.templating import TemplateFailed, render

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
