"""Words are said once, in English, and translated by the catalogue: no zh/en pairs in code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import barrier_cli
from barrier_cli.core import i18n
from barrier_cli.present.render import document
from barrier_cli.reports import assess, deficiencies, due

LATIN = re.compile(r"[A-Za-z]{2,}")

# Tables of English words looked up by key at run time (the catalogue scan sees only literals),
# each with the context its words are translated in (None: no context).
TABLES: list[tuple[str | None, dict[str, str]]] = [
    *((group, words) for group, words in document._WORDS.items()),
    ("due", due.TEXT),
    ("shortfall", assess.CASE_RULES),
    (None, assess.ACCIDENT_PART),
    ("duty period", assess._PERIOD),
    (None, deficiencies.MILESTONE),
    ("rule", {rule: title for rule, (_fn, title) in deficiencies.RULES.items()}),
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


# -- no new pair -------------------------------------------------------------------------------

SRC = Path(barrier_cli.__file__).parent
CJK = re.compile(r"[\u3400-\u9fff]")
SWITCH = re.compile(r"""\b\w*lang\b(?:\.\w+)*\s*[!=]=\s*["'](?:zh|en)["']""")

OWNED_ELSEWHERE = (
    "present/notice_prose.py",
    "present/notice.py",
    "present/analysis_document.py",
    "present/bureau_document.py",
    "reports/analysis/",
    "reports/bureau/",
)
"""Documents whose wording their own domain's work moves into the catalogue."""

KNOWN = {
    # Language codes and number and date formats (一、（一）, 10月9日), not words.
    "present/office.py": 1,
    "present/render/office.py": 2,
    "present/render/document.py": 5,
    "reports/deficiencies.py": 4,
    # Which names the records give for English documents (name_en, issuer_en …), not words.
    "reports/names.py": 1,
    # English quotes a case's Chinese title as it stands instead of composing it: not words.
    "reports/case_names.py": 1,
    # Still to move into the catalogue: the entry prompts.
    "checks/entry.py": 1,
    "write/checkin.py": 1,
    "write/entry/actions.py": 3,
    "write/entry/questions.py": 12,
    "write/entry/session.py": 11,
    "write/entry/shift.py": 10,
}
"""Pairs still in code, per file: a file may lose them, never gain one."""


def _plain(node: ast.AST) -> str | None:
    """A string literal's text (an f-string's literal parts), its {placeholders} left out."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    return re.sub(r"\{[^{}]*\}", "", text)


def is_pair(nodes: list[ast.expr]) -> bool:
    """A Chinese text beside an English one: ``tr("分类", "Breakdown")``, ``("党员", "member")``."""
    texts = [t for n in nodes if (t := _plain(n)) is not None]
    return any(CJK.search(t) and not LATIN.search(t) for t in texts) and any(
        LATIN.search(t) and not CJK.search(t) for t in texts
    )


def pairs_in(source: str) -> list[int]:
    """The lines of ``source`` that switch on the language or set a zh text beside an en one."""
    lines = [n for n, line in enumerate(source.splitlines(), 1) if SWITCH.search(line)]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            texts = node.args
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
            texts = node.elts
        elif isinstance(node, ast.IfExp):
            texts = [node.body, node.orelse]
        else:
            continue
        if is_pair(texts):
            lines.append(node.lineno)
    return lines


def test_no_file_gains_a_zh_en_pair() -> None:
    gained = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith(OWNED_ELSEWHERE):
            continue
        found = pairs_in(path.read_text(encoding="utf-8"))
        if len(found) > KNOWN.get(rel, 0):
            gained[rel] = found
    assert gained == {}, "say it once in English through i18n._ / pgettext, zh in the .po"


@pytest.mark.parametrize(
    "source",
    [
        'def f(lang):\n    return "共" if lang == "zh" else "total"\n',
        'x = tr("分类", "Breakdown")\n',
        'x = scope.text(f"{n}条", f"{n} reports")\n',
        'WORDS = {"member": ("党员", "member")}\n',
        'x = "是" if flag else "yes"\n',
        "zh = settings.lang == 'zh'\n",
    ],
)
def test_the_scan_sees_a_pair(source: str) -> None:
    assert pairs_in(source)


@pytest.mark.parametrize(
    "source",
    [
        'x = _("{n} records").format(n=n)\n',
        'x = pgettext("due", "remind")\n',
        'Entry("cmd_report", "app", "Safety information reports (安全信息).")\n',
        'x = ("rank", "排名 (rank)")\n',
        'if given in ("zh", "en"):\n    pass\n',
    ],
)
def test_the_scan_passes_one_message(source: str) -> None:
    assert not pairs_in(source)
