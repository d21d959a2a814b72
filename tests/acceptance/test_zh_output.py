"""A Chinese tree is answered in Chinese: every command that prints, run over the example tree
(and `check` over broken copies of the tiny tree), says no English sentence and shows no raw
choice key where a label exists.

The scan is deliberately plain: after ids, paths, option names, codes and commands are taken
out of a line, three ASCII words in a row are an untranslated message.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from barrier_cli.cli.main import COMMANDS, run
from barrier_cli.core.labels import LABELS
from cli_helpers import DATA, copy_tiny
from cli_helpers import barrier as cli

EXAMPLE = Path(__file__).resolve().parents[2] / "records"
BUREAU = EXAMPLE.parent / "examples" / "bureau"

_NOT_PROSE = [
    re.compile(p)
    for p in (
        r"\S*[/\\]\S*",  # paths, URLs, dates written with slashes
        r"\b[A-Z]{1,2}-[\w.\-/]+",  # record ids (R-20261110-0001, A-2026-10-wang, I-…/2)
        r"--?[\w-]+(=\S+)?",  # options
        r"\$\w+",  # environment variables
        r"<[^>]*>",  # metavars and choice lists: <text|json>
        r"\[[^\]\u4e00-\u9fff]*\]",  # codes, metavars and defaults without Chinese: [OPTIONS]
        r"\b(error|warning)\[[\w-]+\]",
        r"\bbarrier( [a-z][\w-]*)*",  # a command to run
        r"\bgit( [a-z-]+)+",
        r"\bpre-commit( [a-z-]+)*",
        r"\b[\w.]+\.(ya?ml|json|md|html|j2|csv|xlsx|parquet|jsonl)\b",
        r"\bJSON Schema\b",
        r"\b[A-Z][A-Z0-9_]{2,}\b",  # FILE, DATE, YYYY-MM, PIP_INDEX_URL
        r"\b\w+(,\w+){2,}\b",  # value lists given as a,b,c
        r"\b\w+(\|\w+)+\b",  # value lists given as a|b|c
    )
]
_ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'\"()-]+[A-Za-z]{2,}){2,}")
_RAW_CHOICES = {
    value
    for group in LABELS.values()
    for value, (zh, _en) in group.items()
    if zh != value and len(value) > 2
}


def english_in(text: str) -> list[str]:
    """The lines of ``text`` holding a run of three ASCII words once the non-prose is out."""
    found = []
    for line in text.splitlines():
        prose = line
        for pattern in _NOT_PROSE:
            prose = pattern.sub(" ", prose)
        if _ENGLISH.search(prose):
            found.append(line)
    return found


def raw_choices_in(text: str) -> list[str]:
    """Lines showing a stored choice value (``subjective``, ``near_miss``) as a word of its own."""
    found = []
    for line in text.splitlines():
        prose = line
        for pattern in _NOT_PROSE[:3]:
            prose = pattern.sub(" ", prose)
        words = set(re.findall(r"(?<![\w(])[a-z][a-z_]+(?![\w)])", prose))
        if words & _RAW_CHOICES:
            found.append(line)
    return found


def barrier(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str]:
    """``barrier args`` in this process: exit code and stdout and stderr together."""
    monkeypatch.setattr(sys, "argv", ["barrier", *args])
    with pytest.raises(SystemExit) as done:
        run()
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0), out + err


def test_the_scan_finds_english_and_raw_keys_and_passes_chinese() -> None:
    assert english_in("R-20261110-0001: the file holds no record") == [
        "R-20261110-0001: the file holds no record"
    ]
    assert english_in("reports/2026/11/R-1.yaml:2:7: error[bad-date]: 日期无效 (see --help)") == []
    assert english_in("  提示：运行 barrier pairing add，或 git add 后提交") == []
    assert raw_choices_in("    主客观: subjective") == ["    主客观: subjective"]
    assert raw_choices_in("    主客观: 主观 / 唐伟 (tang_wei)") == []


def _help_invocations() -> list[list[str]]:
    """Every command and subcommand, with --help."""
    from typer.main import get_command

    from barrier_cli.cli.main import app

    group = get_command(app)
    runs = [["--help"]]
    for name in COMMANDS:
        runs.append([name, "--help"])
        command = group.commands[name]  # type: ignore[attr-defined]
        runs.extend([name, sub, "--help"] for sub in getattr(command, "commands", {}))
    return runs


@pytest.mark.parametrize("args", _help_invocations(), ids=" ".join)
def test_help_of_every_command_is_chinese_in_a_chinese_tree(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = barrier(capsys, monkeypatch, "--records", str(EXAMPLE), *args)
    assert code == 0, out
    assert "用法" in out
    assert english_in(out) == []


def test_help_follows_lang_before_the_tree(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = barrier(capsys, monkeypatch, "--records", str(EXAMPLE), "check", "--help")
    assert code == 0 and "校验记录" in out
    code, out = barrier(
        capsys, monkeypatch, "--lang", "en", "--records", str(EXAMPLE), "check", "--help"
    )
    assert code == 0 and "Validate records" in out and "校验" not in out


def test_help_without_a_tree_follows_barrier_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BARRIER_LANG", "zh")
    assert "车间唯一的安全台账" in barrier(capsys, monkeypatch, "--help")[1]
    monkeypatch.setenv("BARRIER_LANG", "en")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "safety record book" in barrier(capsys, monkeypatch, "--help")[1]


REPORTING = [
    ["list", "report", "--month", "2026-10"],
    ["list", "incident"],
    ["list", "pairing"],
    ["list", "assessment"],
    ["list", "notice"],
    ["list", "competence"],
    ["list", "keyperson"],
    ["list", "reward"],
    ["due"],
    ["assess", "--month", "2026-10"],
    ["assess", "--quarter", "2026-Q3"],
    ["stats"],
    ["feedback", "--person", "zhou_xiuying"],
    ["analyze", "--month", "2026-10", "--format", "md"],
    ["notice", "--month", "2026-10"],
]


@pytest.mark.parametrize("args", REPORTING, ids=" ".join)
def test_every_report_over_the_example_tree_is_chinese(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = barrier(capsys, monkeypatch, "--records", str(EXAMPLE), *args)
    assert code == 0, out
    assert english_in(out) == []
    assert raw_choices_in(out) == []


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ledger")
    synced = cli(None, "bureau", "sync", "--bureau", str(BUREAU), "--dataset", str(out))
    assert synced.returncode == 0, synced.stderr
    return out


@pytest.mark.parametrize(
    "args",
    [["analyze"], ["notice"], ["notice", "--format", "html"]],
    ids=" ".join,
)
def test_the_bureau_documents_over_the_example_bureau_are_chinese(
    ledger: Path, args: list[str]
) -> None:
    command, *more = args
    where = ["--bureau", str(BUREAU), "--dataset", str(ledger), "--month", "2026-10"]
    ran = cli(None, "bureau", command, *where, *more)
    assert ran.returncode == 0, ran.stderr
    body = ran.stdout
    if "--format" in more:
        # the text a reader sees: neither the stylesheet nor the markup is prose
        body = re.sub(r"<[^>]*>", " ", re.sub(r"<style>.*?</style>", "", body, flags=re.S))
    assert "党内保安全" in body
    assert english_in(body) == []
    assert raw_choices_in(body) == []


def _one_of_each_kind() -> list[str]:
    from barrier_cli.core.kinds import KINDS
    from barrier_cli.io.parallel import load_tree

    tree = load_tree(EXAMPLE)
    first: dict[str, str] = {}
    for result in tree.files:
        record_id = getattr(result.record, "id", None)
        # ids are looked up upper-cased until the one resolver lands (issue 12 item 3)
        if (
            result.kind in KINDS
            and KINDS[result.kind].is_record
            and isinstance(record_id, str)
            and record_id == record_id.upper()
        ):
            first.setdefault(result.kind, record_id)
    return sorted(first.values())


def test_show_prints_labels_not_choice_keys(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _one_of_each_kind()
    assert len(shown) >= 8
    for record_id in shown:
        code, out = barrier(capsys, monkeypatch, "--records", str(EXAMPLE), "show", record_id)
        assert code == 0, out
        assert english_in(out) == [], record_id
        assert raw_choices_in(out) == [], record_id


def test_a_cause_is_shown_as_subjective_in_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    incident = next(
        p.stem
        for p in sorted((EXAMPLE / "incidents").rglob("*.yaml"))
        if "kind: subjective" in p.read_text(encoding="utf-8")
    )
    code, out = barrier(capsys, monkeypatch, "--records", str(EXAMPLE), "show", incident)
    assert code == 0
    assert "主客观: 主观" in out and "subjective" not in out


CASES = sorted(p.stem for p in (DATA / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("case", CASES)
def test_check_says_every_finding_in_chinese(
    case: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = copy_tiny(tmp_path)
    target = (DATA / "invalid" / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    rel = next(line for line in target if line and not line.startswith("#"))
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DATA / "invalid" / f"{case}.yaml", root / rel)
    code, out = barrier(capsys, monkeypatch, "--records", str(root), "check", "--no-cache")
    assert code in (0, 1), out
    assert "个错误" in out or "个警告" in out, out
    assert english_in(out) == []


def test_init_speaks_the_language_of_the_tree_it_makes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = barrier(
        capsys,
        monkeypatch,
        "--lang",
        "zh",
        "init",
        "here",
        "--name",
        "列检车间",
        "--ci-index",
        "https://m.example/simple",
    )
    assert code == 0, out
    assert "记录目录已建在" in out
    assert english_in(out) == []
    settings = (tmp_path / "here" / "records" / "barrier.yaml").read_text(encoding="utf-8")
    assert english_in(settings.split("\n", 2)[1]) == []
