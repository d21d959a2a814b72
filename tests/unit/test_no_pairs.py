"""Words are said once, in English, and translated by the catalogue: no zh/en pairs in code."""

from __future__ import annotations

import pytest

from barrier_cli.present.render import document


@pytest.mark.parametrize(
    ("group", "key"), [(g, k) for g, words in document._WORDS.items() for k in words]
)
def test_every_word_of_the_analysis_has_its_chinese(group: str, key: str) -> None:
    english = document._WORDS[group][key]
    assert document.filters("en")["label"](key, group) == english
    zh = document.filters("zh")["label"](key, group)
    assert zh != english
    assert not any("a" <= c.lower() <= "z" for c in zh)
