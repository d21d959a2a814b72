from __future__ import annotations

import os
import stat
import tracemalloc
from pathlib import Path

import pytest

from barrier_cli.core import findings as f
from barrier_cli.io.yamlio import MAX_BYTES, ParseProblem, load_text, locate, read_bytes


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


def test_a_file_is_read_whole_when_the_system_hands_it_over_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read may return less than was asked for (a network file system, a signal): the
    reader reads on to the end, and still stops one byte past the limit."""
    small, large = tmp_path / "small.yaml", tmp_path / "large.yaml"
    small.write_bytes("summary: 车轮踏面擦伤\n".encode() * 50)
    large.write_bytes(b"a: b\n" * (MAX_BYTES // 5 + 1))
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, min(n, 7)))
    assert read_bytes(small) == small.read_bytes()
    # a file that was empty when looked at and has grown past the limit since
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, min(n, 1 << 16)))
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((stat.S_IFREG, *[0] * 9)))
    with pytest.raises(ParseProblem) as refused:
        read_bytes(large)
    assert refused.value.code == f.TOO_LARGE
    assert f"{MAX_BYTES + 1:,} bytes" in refused.value.message
