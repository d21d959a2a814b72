"""The direct constructor on the hot path builds exactly what the strict constructor builds.

`yamlio._fast_load` composes nodes without a constructor, builds ordinary records from them
directly and reads anything unusual again with the strict constructor. Every stored example (valid, invalid,
hostile), the project's own records and a set of awkward documents written here must come
out the same both ways: the same data, or the same error at the same place.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from barrier_cli.io import yamlio
from barrier_cli.io.yamlio import _fast_load, _locate_round_trip, _strict_load, locate

REPO = Path(__file__).resolve().parents[2]

AWKWARD = {
    "alias": "a: &x [1, 2]\nb: *x\n",
    "scalar alias": "a: &x text\nb: *x\n",
    "alias as key": "&k a: 1\n*k : 2\n",
    "merge": "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "duplicate": "a: 1\nb: 2\na: 3\n",
    "number key": "1: one\n",
    "null key": "~: nothing\n",
    "list key": "? [a, b]\n: c\n",
    "explicit str": "a: !!str 5\nb: !!int '7'\n",
    "explicit map": "a: !!map {b: 1}\n",
    "custom tag": "a: !thing 1\n",
    "set": "a: !!set {x, y}\n",
    "bad date": "date: 2026-02-30\n",
    "date and time": "at: 2026-11-01 08:30:00\n",
    "bad date after bad key": "date: 2026-02-30\n1: x\n",
    "yaml 1.1 words": "a: yes\nb: no\nc: on\nd: 0777\ne: 1:20\n",
    "numbers": "a: 1_000\nb: 0x1F\nc: 1.5e3\nd: .inf\ne: -.nan\nf: 0o17\n",
    "nulls and bools": "a: ~\nb: null\nc: true\nd: False\ne:\n",
    "quoted": "a: '41008'\nb: \"2026-11-01\"\nc: 'true'\n",
    "nested": "a:\n  - b: [1, {c: [d, {e: f}]}]\n",
    "deep": "a: " + "[" * 12 + "]" * 12 + "\n",
    "block text": "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n",
    "empty": "",
    "comment only": "# nothing here\n",
    "scalar document": "just text\n",
    "list document": "- a\n- b\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "anchor without alias": "a: &x 1\nb: 2\n",
    "huge int": "a: " + "9" * 5000 + "\n",
    "chinese": "summary: 车轮踏面擦伤超限\n原因: 干惯了\n",
    "short dates": "a: 2026-1-5\nb: 2026-11-5\n",
    "impossible date": "a: 2026-13-01\n",
    "integers": "a: 0\nb: 007\nc: -5\nd: +5\ne: 1234567890123456789012\nf: 12\n",
    "spellings": "a: TRUE\nb: False\nc: Null\nd: NULL\ne: ~\n",
    "decimals": "a: 85.5\nb: -0.25\nc: 00.5\nd: 1.\ne: .5\nf: 12345678901234567.5\n",
    "directive 1.1": "%YAML 1.1\n---\na: yes\nb: 0777\n",
}


def outcome(text: str, fast: bool) -> Any:
    try:
        return ("ok", (_fast_load if fast else _strict_load)(text))
    except Exception as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "start_mark", None)
        where = (mark.line, mark.column) if mark is not None else None
        return ("error", type(e).__name__, str(e), where)


def _stored() -> list[Path]:
    folders = [REPO / "tests" / "data", REPO / "records"]
    return sorted(p for folder in folders for p in folder.rglob("*.y*ml") if p.is_file())


@pytest.mark.parametrize("name", sorted(AWKWARD))
def test_awkward_documents_come_out_the_same(name: str) -> None:
    text = AWKWARD[name]
    assert outcome(text, True) == outcome(text, False)


def test_every_stored_example_comes_out_the_same() -> None:
    paths = _stored()
    assert len(paths) > 50
    for path in paths:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        assert outcome(text, True) == outcome(text, False), path


def test_an_ordinary_record_never_reaches_the_strict_constructor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def strict(text: str) -> Any:
        raise AssertionError("took the slow path")

    monkeypatch.setattr(yamlio, "_strict_load", strict)
    text = (REPO / "tests" / "data" / "tiny" / "reports" / "2026" / "11").glob("*.yaml")
    data = outcome(next(text).read_text(encoding="utf-8"), True)
    assert data[0] == "ok" and data[1]["id"].startswith("R-")
    assert outcome(AWKWARD["duplicate"], True)[0] == "error"


def test_positions_from_the_c_nodes_equal_the_round_trip_ones() -> None:
    compared = 0
    for path in _stored():
        try:
            text = path.read_bytes().decode("utf-8")
            expected = _locate_round_trip(text)
        except Exception:  # what no round trip reads, the checker never locates either
            continue
        assert locate(text) == expected, path
        compared += 1
    assert compared > 50
    assert locate(AWKWARD["nested"]).value(("a", 0, "b", 1, "c", 1, "e")) == (2, 24)


@pytest.mark.parametrize("name", ["chinese", "nested", "date and time", "numbers"])
def test_reading_a_document_leaves_no_garbage_for_the_cyclic_collector(name: str) -> None:
    """A loader that refers to itself keeps every file's nodes alive until a collection,
    which then walks everything loaded so far: loading would grow with the square of the
    tree. The ordinary path and the strict one ("date and time", "numbers") both free all
    they made by reference counting alone."""
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            yamlio.load_text(AWKWARD[name])
        assert gc.collect() == 0
    finally:
        gc.enable()


# Fragments of records and of what a hostile file may hold instead: the common spellings
# of each scalar type (mostly) and the unusual ones beside them, tags, anchors, aliases,
# merge and non-text keys; documents made of them are read both ways.
_COMMON = st.sampled_from(
    [
        "1", "0", "-5", "1.5", "-0.25", "~", "null", "", "true", "FALSE", "2026-11-05",
        "'41008'", '"2026-11-01"', "text", "车轮踏面擦伤", "u0068", "R-20230302-TYNY",
    ]
)  # fmt: skip
_UNUSUAL = st.sampled_from(
    [
        "007", "+5", "1e3", ".inf", "NULL", "yes", "on", "2026-02-30", "2026-1-5",
        "2026-11-01 08:30:00", "!!str 5", "!!int '7'", "!!int abc", "!!float x",
        "!!binary aGk=", "!thing 1", "&a 1", "*a", "0x1F", "0o17", "1_000", '"\\t tab"',
        "9" * 25, "|\n  block\n  text",
    ]
)  # fmt: skip
_SCALARS = st.one_of(_COMMON, _COMMON, _COMMON, _UNUSUAL)
_KEYS = st.one_of(
    st.text("abcdefghijklmnop_", min_size=1, max_size=3),
    st.sampled_from(["1", "~", "'a'", "<<", "&k c", "*k", "true", "车"]),
)
_FLOW = st.recursive(
    _SCALARS.filter(lambda text: not text.startswith("|")),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.lists(st.tuples(_KEYS, inner), max_size=3).map(
            lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"
        ),
    ),
    max_leaves=6,
)
_ENTRY = st.one_of(
    st.tuples(_KEYS, st.one_of(_SCALARS, _FLOW)).map(lambda kv: f"{kv[0]}: {kv[1]}\n"),
    st.tuples(_KEYS, st.lists(_FLOW, min_size=1, max_size=3)).map(
        lambda kv: f"{kv[0]}:\n" + "".join(f"  - {item}\n" for item in kv[1])
    ),
    st.tuples(_KEYS, st.lists(st.tuples(_KEYS, _FLOW), min_size=1, max_size=3)).map(
        lambda kv: f"{kv[0]}:\n" + "".join(f"  {k}: {v}\n" for k, v in kv[1])
    ),
)


@given(st.lists(_ENTRY, max_size=8).map("".join))
def test_generated_documents_come_out_the_same_both_ways(text: str) -> None:
    assert outcome(text, True) == outcome(text, False)
