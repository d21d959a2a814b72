"""The message catalogue: compiled from .po, chained per language, safe inside documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from barrier_cli.core import i18n
from barrier_cli.present.render import templating

SAVED = "Not saved; nothing was written."


def test_every_catalogue_compiles() -> None:
    pos = sorted(i18n.LOCALE.glob("*/LC_MESSAGES/*.po"))
    assert pos, "no catalogue shipped"
    for po in pos:
        assert i18n.compile_po(po)


def test_messages_follow_the_language_in_force() -> None:
    i18n.use("zh")
    try:
        assert i18n._(SAVED) == "未保存，什么也没有写入。"
        assert i18n.in_lang("en", SAVED) == SAVED
    finally:
        i18n.use("en")
    assert i18n._(SAVED) == SAVED


def _tree_template(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "templates" / "common"
    folder.mkdir(parents=True)
    (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "value", "escaped"),
    [("x.md.j2", "*bold* [a](b)", r"\*bold\* \[a\](b)"), ("x.html.j2", "<b>", "&lt;b&gt;")],
)
def test_values_inside_a_translation_are_escaped_for_the_format(
    tmp_path: Path, name: str, value: str, escaped: str
) -> None:
    records = _tree_template(
        tmp_path, name, "{% trans who=who %}Reported by {{ who }}{% endtrans %}|{{ _(msg) }}\n"
    )
    out = templating.render(name, {"who": value, "msg": SAVED}, lang="zh", records=records)
    assert out == f"Reported by {escaped}|未保存，什么也没有写入。\n"


def test_one_template_serves_both_languages(tmp_path: Path) -> None:
    records = _tree_template(tmp_path, "one.md.j2", "{{ _(msg) }}\n")
    zh = templating.render("one.md.j2", {"msg": SAVED}, lang="zh", records=records)
    en = templating.render("one.md.j2", {"msg": SAVED}, lang="en", records=records)
    assert (zh, en) == ("未保存，什么也没有写入。\n", SAVED + "\n")


def test_counts_open_english_sentences_in_words_and_keep_digits_in_chinese() -> None:
    from barrier_cli.core.i18n import counted

    assert counted(4, "en", capital=True) == "Four"
    assert counted(1, "en") == "one"
    assert counted(9, "en") == "nine"
    assert counted(10, "en") == "10"
    assert counted(0, "en") == "0"
    assert counted(4, "zh", capital=True) == "4"
    with i18n.using("en"):
        assert counted(3) == "three"
