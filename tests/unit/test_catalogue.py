"""The Chinese catalogue holds every message the code says, with the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import barrier_cli
from barrier_cli.cli.context import language_of_run
from barrier_cli.core import i18n

SRC = Path(barrier_cli.__file__).parent
ZH = i18n.LOCALE / "zh" / "LC_MESSAGES"

Key = tuple[str | None, str]
"""A message as the catalogue keys it: its context (``msgctxt``), if any, and its msgid."""


def said_in_code() -> dict[Key, str]:
    """Every literal passed to ``_``/``in_lang``/``pgettext`` (and the deficiencies' own
    ``scope.word``) in the package, with where."""
    found: dict[Key, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func)
            args = node.args[1:] if name.endswith("in_lang") else node.args
            literals = [str(a.value) for a in args if isinstance(a, ast.Constant)]
            if len(literals) != len(args) or not literals:
                continue
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            if name in ("i18n._", "_", "i18n.in_lang"):
                found.setdefault((None, literals[0]), where)
            elif (
                name in ("i18n.pgettext", "pgettext", "scope.word", "self.word")
                and len(literals) == 2
            ):
                found.setdefault((literals[0], literals[1]), where)
    return found


def catalogue(po: Path | None = None) -> dict[Key, str]:
    """One zh catalogue, or all of them as the language's one lookup chains them."""
    out: dict[Key, str] = {}
    for path in [po] if po else sorted(ZH.glob("*.po")):
        with path.open("rb") as f:
            out.update({(m.context, str(m.id)): str(m.string) for m in read_po(f) if m.id})
    return out


def test_every_message_the_code_says_has_a_chinese_translation() -> None:
    zh = catalogue()
    missing = {key: where for key, where in said_in_code().items() if not zh.get(key)}
    assert missing == {}


def test_no_two_domains_translate_one_message_differently() -> None:
    """The domains of a language are chained into one lookup, so a msgid two of them translate
    differently silently takes the later one's text: a word that differs needs a context."""
    seen: dict[Key, tuple[str, str]] = {}
    differing = []
    for po in sorted(ZH.glob("*.po")):
        for key, text in catalogue(po).items():
            first = seen.setdefault(key, (po.name, text))
            if first[1] != text:
                differing.append((key, first, (po.name, text)))
    assert differing == []


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_a_translation_keeps_every_placeholder_of_its_message() -> None:
    differing = {
        msgid: text
        for (_, msgid), text in catalogue().items()
        if "{" in msgid and fields(msgid) != fields(text)
    }
    assert differing == {}


def test_the_code_scan_sees_the_calls_it_must() -> None:
    said = said_in_code()
    assert (None, "unknown key '{key}'") in said
    assert said[None, "  hint: {hint}"].startswith("present/reporters.py")
    assert said["analysis cases", "Closure"].startswith("present/render/term.py")
    assert said["report gap", "no location"].startswith("reports/deficiencies.py")
    assert not any(re.fullmatch(r"\s*", msgid) for _, msgid in said)


def test_a_list_is_joined_as_the_language_joins_it() -> None:
    assert i18n.join(["a", "b"]) == "a, b"
    i18n.use("zh")
    try:
        assert i18n.join(["设备", "人员"]) == "设备、人员"
    finally:
        i18n.use("en")


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--lang", "zh", "--help"], {}, "zh"),
        (["check", "--lang=en"], {"BARRIER_LANG": "zh"}, "en"),
        (["--help"], {"BARRIER_LANG": "zh"}, "zh"),
        (["--help"], {"LANG": "zh_CN.UTF-8"}, "zh"),
        (["--help"], {"LANG": "C.UTF-8"}, "en"),
        (["--help"], {}, "en"),
    ],
)
def test_the_language_of_a_run_outside_any_tree(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("BARRIER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert language_of_run(args) == expected


@pytest.mark.parametrize(
    ("settings", "expected"),
    [("lang: en\n", "en"), ("lang: 'en'  # English\n", "en"), ("lang: zh\n", "zh"), ("", "zh")],
)
def test_a_tree_speaks_its_lang_setting_read_without_loading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str, expected: str
) -> None:
    root = tmp_path / "records"
    root.mkdir()
    (root / "barrier.yaml").write_text("organisation: 车间\n" + settings, encoding="utf-8")
    monkeypatch.setenv("BARRIER_LANG", "en" if expected == "zh" else "zh")
    assert language_of_run(["--records", str(root), "check"]) == expected
    monkeypatch.chdir(tmp_path)
    assert language_of_run(["check"]) == expected


def table_keys() -> dict[Key, str]:
    """Every label and field title and help the tables look up by key, with where."""
    from barrier_cli.core.fielddocs import FIELDS
    from barrier_cli.core.labels import LABELS

    found: dict[Key, str] = {}
    for group, values in LABELS.items():
        for value, english in values.items():
            found[f"label:{group}", english] = f"labels {group}.{value}"
    for model, docs in FIELDS.items():
        for key, doc in docs.items():
            found[f"field:{model}.{key}", doc.title_en] = f"fielddocs {model}.{key}"
            if doc.help_en:
                found[f"help:{model}.{key}", doc.help_en] = f"fielddocs {model}.{key} help"
    return found


def test_every_label_and_field_doc_has_its_chinese() -> None:
    zh = catalogue(ZH / "labels.po")
    missing = {key: where for key, where in table_keys().items() if not zh.get(key)}
    assert missing == {}


def test_the_labels_catalogue_holds_nothing_the_tables_no_longer_say() -> None:
    said = table_keys()
    stale = [
        key
        for key in catalogue(ZH / "labels.po")
        if key not in said and not (key[0] or "").startswith("field:export.")
    ]
    assert stale == []
