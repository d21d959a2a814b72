"""English documents speak English (issue 15 item 7): the analysis and the notice of a tree
that gives English names print them, people in pinyin, and quote what people wrote in its
English (``summary_en`` …) or else in Chinese, marked as the record's; the example records
give English for everything, so their English documents hold no Chinese at all; a tree
without English names keeps its Chinese; zh is untouched."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from barrier_cli.io.canonical import dumps
from cli_helpers import barrier
from minitree import ORG, closed_without_causes, pairing, report, write

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
HAN = re.compile(r"[\u3400-\u9fff]")
HAN_RUN = re.compile(r"[\u3400-\u9fff][\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’0-9A-Za-z]*")

UNITS_EN = {
    "GB": "Workshop General Party Branch",
    "B1": "Shift 1 branch",
    "B1-G1": "Shift 1 Group 1",
    "B2": "Shift 2 branch",
    "B2-G1": "Shift 2 Group 1",
    "station": "Station",
}
SETTINGS_EN: dict[str, Any] = {
    "organisation": "列检车间",
    "organisation_en": "Train Inspection Workshop",
    "notice": {
        "issuer": "车间党总支",
        "issuer_en": "Workshop General Party Branch",
        "number": "车间党总支〔{year}〕{seq}号",
        "number_en": "WGPB [{year}] No. {seq}",
        "recipients": ["各党支部"],
        "recipients_en": ["All party branches"],
        "authority": "中共某车辆段列检车间总支部委员会",
        "authority_en": "CPC General Branch Committee of the Train Inspection Workshop",
        "copy_to": ["段党委"],
        "copy_to_en": ["Depot Party Committee"],
    },
}


def _records() -> list[Any]:
    return [
        report(commend=True, vehicle="G606230356"),
        report(reporter="li", summary="闸瓦磨耗到限"),
        closed_without_causes(),
        pairing(reviews=[]),
    ]


def _tree(root: Path, records: list[Any], *, english: bool) -> Path:
    """The minitree with the records above; with ``english``, English names for every unit
    and partner and English forms of every setting a document prints."""
    settings = SETTINGS_EN
    if not english:
        settings = {
            "organisation": SETTINGS_EN["organisation"],
            "notice": {k: v for k, v in SETTINGS_EN["notice"].items() if not k.endswith("_en")},
        }
    write(root, *records, settings=settings)
    if english:
        org = {
            table: [
                e | ({"name_en": UNITS_EN[e["id"]]} if e["id"] in UNITS_EN else {}) for e in rows
            ]
            for table, rows in ORG.items()
        }
        (root / "org.yaml").write_text(dumps(org), encoding="utf-8")
    return root


def _documents(root: Path, lang: str) -> dict[str, str]:
    out = {}
    for name, args in (
        ("notice", ("notice", "--month", "2026-10")),
        ("analysis", ("analyze", "--month", "2026-10", "--format", "md")),
    ):
        ran = barrier(root, "--lang", lang, *args)
        assert ran.returncode == 0, ran.stderr
        out[name] = ran.stdout
    return out


@functools.cache
def _record_text(root: Path) -> frozenset[str]:
    """Every string people wrote in the records: what a document may quote as written."""
    yaml = YAML(typ="safe")
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str) and HAN.search(value):
            found.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in root.rglob("*.yaml"):
        rel = path.relative_to(root).as_posix()
        if rel in ("barrier.yaml", "org.yaml") or rel.startswith("standards/"):
            continue
        walk(yaml.load(path.read_text(encoding="utf-8")))
    return frozenset(found)


def _org_and_settings_chinese(root: Path) -> set[str]:
    """The Chinese names org.yaml and barrier.yaml give: what an English document must say
    in English (or, with no English form given, may keep)."""
    yaml = YAML(typ="safe")
    names: set[str] = set()
    org = yaml.load((root / "org.yaml").read_text(encoding="utf-8"))
    for table in ("units", "partners", "people"):
        names |= {e["name"] for e in org.get(table) or []}
    notice = yaml.load((root / "barrier.yaml").read_text(encoding="utf-8")).get("notice", {})
    for key in ("issuer", "authority", "printer"):
        if notice.get(key):
            names.add(notice[key])
    for key in ("recipients", "copy_to"):
        names |= set(notice.get(key) or [])
    return {n for n in names if HAN.search(n)}


def chinese_outside_record_text(text: str, root: Path, *, names_only: bool = False) -> list[str]:
    """The Chinese in ``text`` that is not a quotation of what people wrote.

    What people wrote is taken out whole (a summary, a cause, a measure, a place), then any
    quoted span (“…”); what Chinese is left must be a part of something written in the
    records (a document may shorten a quotation) and never a name org.yaml or the settings
    give (孙浩 inside a summary is a quotation; 孙浩 standing alone is a name not translated).
    ``names_only``: only those names, not the prose's own Chinese (a gloss such as 三不放过).
    """
    written = _record_text(root)
    names = _org_and_settings_chinese(root)
    left = text.replace("\\", "")
    for value in sorted(written, key=len, reverse=True):
        left = left.replace(value, " ")
    left = re.sub(r"“[^”\n]*”", " ", left)
    return [
        run
        for run in HAN_RUN.findall(left)
        if any(name in run for name in names)
        or not (names_only or any(run in value for value in written))
    ]


def test_english_names_from_the_records_in_the_notice_and_the_analysis(tmp_path: Path) -> None:
    root = _tree(tmp_path / "records", _records(), english=True)
    docs = _documents(root, "en")
    notice = docs["notice"]
    assert notice.startswith("# CPC General Branch Committee of the Train Inspection Workshop\n")
    assert "WGPB \\[2026\\] No. 1 (draft)" in notice
    assert "To: All party branches\n" in notice
    assert "cc: Depot Party Committee" in notice
    assert "Train Inspection Workshop" in notice
    # the commended inspector and the unit, in English; the person in pinyin
    assert "Zhu Chunxiang (Shift 1 Group 1, party member)" in notice
    assert "Shift 2 branch" in notice
    assert "Workshop General Party Branch commends Zhu Chunxiang." in notice
    analysis = docs["analysis"]
    assert "Shift 1 branch" in analysis and "Zhu Chunxiang" in analysis
    assert "Train Inspection Workshop" in analysis
    for name, text in docs.items():
        assert chinese_outside_record_text(text, root, names_only=True) == [], name


def test_without_english_names_units_and_settings_keep_their_chinese(tmp_path: Path) -> None:
    root = _tree(tmp_path / "records", _records(), english=False)
    docs = _documents(root, "en")
    notice = docs["notice"]
    assert notice.startswith("# 中共某车辆段列检车间总支部委员会\n")
    assert "To: 各党支部\n" in notice and "一班一组" in notice
    assert "Zhu Chunxiang" in notice and "朱春祥" not in notice  # people: always pinyin
    assert "一班党支部" in docs["analysis"]


def test_chinese_documents_are_the_same_with_or_without_english_names(tmp_path: Path) -> None:
    records = _records()
    plain = _documents(_tree(tmp_path / "plain", records, english=False), "zh")
    named = _documents(_tree(tmp_path / "named", records, english=True), "zh")
    assert named == plain
    assert "朱春祥" in named["notice"] and "一班党支部" in named["notice"]


CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""Han characters and CJK punctuation (：，。“” are not: ASCII quotes and curly quotes are
English too)."""


@pytest.mark.parametrize("month", ["2026-10", "2025-09"])
@pytest.mark.parametrize(
    ("command", "fmt"),
    [("notice", "md"), ("notice", "html"), ("analyze", "md"), ("analyze", "html")],
)
def test_the_example_documents_in_english_hold_no_chinese_at_all(
    command: str, fmt: str, month: str
) -> None:
    """Every unit, partner, person and setting the example records print has its English
    form, and so has everything people wrote that the documents quote (``summary_en``,
    ``cause_en``, ``action_en`` …): not one Chinese character is left."""
    args = ["--lang", "en", command, "--month", month, "--format", fmt]
    ran = barrier(EXAMPLE, *args, *(["--draft"] if command == "notice" else []))
    assert ran.returncode == 0, ran.stderr
    text = ran.stdout
    if fmt == "html":
        text = re.sub(r"<head>.*?</head>|<style.*?</style>|<[^>]+>", " ", text, flags=re.S)
        text = html.unescape(text)
    assert "Shift 1 branch" in text
    assert [line for line in text.splitlines() if CHINESE.search(line)] == []


def test_an_issued_chinese_notice_is_named_by_its_english_number_in_english() -> None:
    """Rebuilt in English, the notice issued as 列检党总支〔2025〕2号 takes the English form
    of its number (the settings' ``notice.number_en``) and holds no Chinese either."""
    ran = barrier(EXAMPLE, "--lang", "en", "notice", "--month", "2025-09")
    assert ran.returncode == 0, ran.stderr
    assert "Train Inspection General Party Branch \\[2025\\] No. 2\n" in ran.stdout
    assert CHINESE.search(ran.stdout) is None


def test_the_check_finds_a_name_left_in_chinese() -> None:
    """The acceptance check above can fail: a unit or person named in Chinese is caught,
    alone or beside a quotation, and a quotation is not."""
    text = (
        "Yang Fan of 一班二组 found “80520次C70E 4252340截断塞门手把处于关闭位”; 杨帆 reported it."
    )
    assert chinese_outside_record_text(text, EXAMPLE) == ["一班二组", "杨帆"]


def test_assess_and_due_name_branches_items_and_owners_in_english() -> None:
    assessed = barrier(EXAMPLE, "--lang", "en", "assess", "--month", "2026-10")
    assert assessed.returncode == 0, assessed.stderr
    assert "Information feedback" in assessed.stdout and "Shift 4 branch" in assessed.stdout
    assert "信息反馈" not in assessed.stdout and "四班党支部" not in assessed.stdout
    due = barrier(EXAMPLE, "--lang", "en", "due", "--days", "30")
    assert due.returncode == 0, due.stderr
    assert "Zhou Xiuying (zhou_xiuying)" in due.stdout and "周秀英" not in due.stdout
    zh = barrier(EXAMPLE, "--lang", "zh", "due", "--days", "30")
    assert "周秀英 (zhou_xiuying)" in zh.stdout


def test_a_notice_issued_in_english_takes_its_english_number_and_stays_as_issued(
    tmp_path: Path,
) -> None:
    root = _tree(tmp_path / "records", _records(), english=True)
    issued = barrier(root, "--lang", "en", "notice", "--month", "2026-10", "--issue")
    assert issued.returncode == 0, issued.stderr
    assert "WGPB \\[2026\\] No. 1\n" in issued.stdout
    (entry,) = (root / "notices").rglob("N-*.yaml")
    assert "number: WGPB [2026] No. 1\n" in entry.read_text(encoding="utf-8")
    again = barrier(root, "--lang", "en", "notice", "--month", "2026-10")
    assert again.stdout == issued.stdout


def test_english_handover_levels_that_do_not_match_are_one_line_naming_the_file(
    tmp_path: Path,
) -> None:
    levels = {"handover_levels": ["车间党总支", "段党委"], "handover_levels_en": ["Branch"]}
    root = write(tmp_path / "records", settings={"cases": levels})
    ran = barrier(root, "--lang", "en", "check")
    assert ran.returncode == 1
    assert re.search(
        r"barrier\.yaml:\d+:\d+: error\[value\]: cases: handover_levels_en names 1 levels; "
        r"handover_levels has 2",
        ran.stdout + ran.stderr,
    )
    assert "Traceback" not in ran.stdout + ran.stderr
