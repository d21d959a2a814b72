"""The notice's sentences come from its catalogue: English msgids with named placeholders in
the code, Chinese in ``notice.po``, and no zh/en pair or language branch left in notice code."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from babel.messages.pofile import read_po

import barrier_cli
from barrier_cli.core import i18n

SRC = Path(barrier_cli.__file__).parent
NOTICE_CODE = [SRC / "present" / "notice.py", SRC / "present" / "notice_prose.py"]
ZH = i18n.LOCALE / "zh" / "LC_MESSAGES"
CJK = re.compile(r"[\u4e00-\u9fff]")

Key = tuple[str | None, str]


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def said(path: Path) -> dict[Key, tuple[str | None, int]]:
    """Every message literal of ``path``: ``_(msg)``, ``_p(context, msg)`` and
    ``ngettext(singular, plural, n)``, keyed by (context, msgid), with its plural and line."""
    out: dict[Key, tuple[str | None, int]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        texts = [_literal(a) for a in node.args]
        if name in ("_", "i18n._") and texts and texts[0] is not None:
            out[None, texts[0]] = (None, node.lineno)
        elif name == "_p" and len(texts) > 1 and texts[1] is not None:
            # a context named by a variable (the case's type) is checked for each value below
            for context in [texts[0]] if texts[0] is not None else ["accident", "violation"]:
                out[context, texts[1]] = (None, node.lineno)
        elif name in ("ngettext", "i18n.ngettext") and len(texts) > 1 and texts[0] and texts[1]:
            out[None, texts[0]] = (texts[1], node.lineno)
    return out


def catalogue(name: str) -> dict[Key, tuple[str | None, str]]:
    """(context, msgid) → (plural, translation) of a zh catalogue."""
    with (ZH / f"{name}.po").open("rb") as f:
        entries = [m for m in read_po(f) if m.id]
    out: dict[Key, tuple[str | None, str]] = {}
    for m in entries:
        if isinstance(m.id, tuple):
            out[m.context, str(m.id[0])] = (str(m.id[1]), str(m.string[0]))
        else:
            out[m.context, str(m.id)] = (None, str(m.string))
    return out


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_sentence_of_the_notice_code_has_its_chinese_with_the_same_placeholders() -> None:
    zh = catalogue("notice")
    missing, differing = [], []
    for path in NOTICE_CODE:
        for key, (plural, line) in said(path).items():
            where = f"{path.name}:{line}"
            if key not in zh or not zh[key][1]:
                missing.append((where, key))
            elif zh[key][0] != plural:
                differing.append((where, key, "plural"))
            elif fields(key[1]) != fields(zh[key][1]):
                differing.append((where, key, zh[key][1]))
    assert missing == []
    assert differing == []


def test_the_scan_sees_the_calls_it_must() -> None:
    prose = said(SRC / "present" / "notice_prose.py")
    assert ("lacks", "{list}; {item}") in prose
    assert ("violation", "what happened is not set out in time order") in prose
    assert prose[None, "{n} overdue action"][0] == "{n} overdue actions"
    assert len(prose) > 100


def test_a_notice_message_means_the_same_in_every_catalogue() -> None:
    """The zh catalogues are chained into one lookup: a msgid the notice shares with another
    domain must translate alike, or one document would speak the other's words."""
    notice = catalogue("notice")
    clashes = [
        (other.stem, key, text, notice[key][1])
        for other in sorted(ZH.glob("*.po"))
        if other.stem != "notice"
        for key, (_plural, text) in catalogue(other.stem).items()
        if key in notice and text != notice[key][1]
    ]
    assert clashes == []


def pairs(source: str) -> list[str]:
    """Where code says a sentence twice, in Chinese and in English, or branches on the
    language: a call with a Chinese and an English literal side by side, or a comparison
    with "zh"/"en". A catalogue call is no pair: its msgid is English, its context a name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and ast.unparse(node.func) not in ("_", "_p", "ngettext"):
            texts = [t for a in node.args if (t := _literal(a)) is not None]
            chinese = any(CJK.search(t) for t in texts)
            english = any(re.search(r"[A-Za-z]{3,}", t) and not CJK.search(t) for t in texts)
            if chinese and english:
                found.append(f"{node.lineno}: {ast.unparse(node)[:60]}")
        elif isinstance(node, ast.Compare) and any(
            _literal(c) in ("zh", "en") for c in [node.left, *node.comparators]
        ):
            found.append(f"{node.lineno}: {ast.unparse(node)[:60]}")
    return found


def test_the_notice_code_holds_no_zh_en_pair_and_no_branch_on_the_language() -> None:
    for path in NOTICE_CODE:
        assert pairs(path.read_text(encoding="utf-8")) == [], path.name


def test_the_pair_scan_finds_a_pair_and_a_branch() -> None:
    assert pairs('say("未交班", "not handed over")') != []
    assert pairs('x = "车间直属" if lang == "zh" else "workshop level"') != []
    assert pairs('_("{name}: {counts}.").format(name="一班党支部")') == []
