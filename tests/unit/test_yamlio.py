from __future__ import annotations

import tracemalloc

import pytest

from barrier_cli.io.yamlio import ParseProblem, load_text, locate


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ("a: 1\na: 2\n", "duplicate-key", 2, 1),
        ("a: !!python/object/apply:os.system ['ls']\n", "tag", 1, 4),
        ("x: 1\nday: 2026-02-30\n", "bad-date", 2, 6),
        ("a: &x [1]\nb: *x\n", "alias", 2, 4),
        ("a:\n\t- 1\n", "tab", 2, 1),
        ("a: [1\n", "syntax", 2, 1),
        ("a: b\u202e\n", "control-char", 1, 5),
    ],
)
def test_bad_yaml_is_refused_with_its_position(text: str, code: str, line: int, col: int) -> None:
    with pytest.raises(ParseProblem) as caught:
        load_text(text)
    assert (caught.value.code, caught.value.line, caught.value.col) == (code, line, col)


def test_alias_bomb_is_refused_at_once() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 9):
        prev, name = chr(96 + n), chr(97 + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    # expanded, the document would be 387 million strings: a small peak proves it never was
    tracemalloc.start()
    try:
        with pytest.raises(ParseProblem, match="aliases"):
            load_text("\n".join(lines) + "\n")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000


def test_locator_finds_nested_values() -> None:
    where = locate("a: 1\nb:\n  - x: 2\n    y: [1, 2]\n")
    assert where.value(("b", 0, "y", 1)) == (4, 12)
    assert where.key(("b", 0, "missing")) == (3, 5)
