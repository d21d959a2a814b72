"""Words are said once, in English, and translated by the catalogue: no zh/en pairs in code."""

from __future__ import annotations

import re

import pytest

from barrier_cli.core import i18n
from barrier_cli.present.render import document
from barrier_cli.reports import assess, due

LATIN = re.compile(r"[A-Za-z]{2,}")

# Tables of English words looked up by key at run time (the catalogue scan sees only literals),
# each with the context its words are translated in (None: no context).
TABLES: list[tuple[str | None, dict[str, str]]] = [
    *((group, words) for group, words in document._WORDS.items()),
    ("due", due.TEXT),
    ("shortfall", assess.CASE_RULES),
    (None, assess.ACCIDENT_PART),
    ("duty period", assess._PERIOD),
]


def zh_of(context: str | None, english: str) -> str:
    with i18n.using("zh"):
        return i18n._(english) if context is None else i18n.pgettext(context, english)


@pytest.mark.parametrize(
    ("context", "english"),
    [(context, english) for context, words in TABLES for english in words.values()],
)
def test_every_word_of_a_table_has_its_chinese(context: str | None, english: str) -> None:
    zh = zh_of(context, english)
    assert zh != english
    assert not LATIN.search(re.sub(r"\{\w+\}", "", zh))


@pytest.mark.parametrize(("group", "key"), [(g, k) for g, w in document._WORDS.items() for k in w])
def test_the_analysis_says_a_word_in_its_documents_language(group: str, key: str) -> None:
    english = document._WORDS[group][key]
    assert document.filters("en")["label"](key, group) == english
    assert document.filters("zh")["label"](key, group) == zh_of(group, english)
