"""Tab completion knows the tree: tested through the shells' own completion protocol."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_extras import run_barrier

from cli_helpers import copy_tiny

SHELLS = ("bash", "zsh", "fish")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = copy_tiny(tmp_path)
    with (root / "org.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - id: zhu\n    name: 朱春祥\n    unit: B1-G1\n")
    report = root / "reports" / "2026" / "11" / "R-20261101-0001.yaml"
    for month, rid in (("09", "R-20260903-0002"), ("10", "R-20261015-0003")):
        target = root / "reports" / "2026" / month / f"{rid}.yaml"
        target.parent.mkdir(parents=True)
        text = report.read_text(encoding="utf-8").replace("R-20261101-0001", rid)
        target.write_text(text.replace("2026-11-01", f"2026-{month}-{rid[-9:-7]}"), "utf-8")
    return root


def complete(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    shell: str,
    line: str,
) -> list[tuple[str, str]]:
    """What ``shell`` offers for ``line`` (ending in the word being completed): value, help."""
    monkeypatch.setenv("_BARRIER_COMPLETE", f"complete_{shell}")
    if shell == "bash":
        words = line.split(" ")
        monkeypatch.setenv("COMP_WORDS", line)
        monkeypatch.setenv("COMP_CWORD", str(len(words) - 1))
    else:
        monkeypatch.setenv("_TYPER_COMPLETE_ARGS", line)
        monkeypatch.setenv("_TYPER_COMPLETE_FISH_ACTION", "get-args")
    code, out, err = run_barrier(*line.split(" ")[1:])
    assert code == 0, err
    if shell == "zsh":  # one _arguments call: _arguments '*: :(("value":"help" ...))'
        out = out.strip().removeprefix("_arguments '*: :((").removesuffix("))'")
    return [_item(shell, row) for row in out.splitlines() if row.strip()]


def _item(shell: str, row: str) -> tuple[str, str]:
    if shell == "zsh":  # "value":"help" (or "value"), as _arguments reads it
        value, _, text = row.partition('":"')
        return value.strip('"').replace("\\", ""), text.rstrip('"')
    if shell == "fish":
        value, _, text = row.partition("\t")
        return value, text
    return row, ""


@pytest.mark.parametrize("shell", SHELLS)
def test_people_by_id_name_and_pinyin_initials(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, shell: str
) -> None:
    at = f"barrier --records {root} report add --reporter"
    everyone = complete(capsys, monkeypatch, shell, f"{at} ")
    assert [v for v, _ in everyone] == ["wang", "li", "chen", "zhu"]
    if shell != "bash":  # bash shows values only
        assert dict(everyone)["zhu"] == "朱春祥（一班一组）"
    assert [v for v, _ in complete(capsys, monkeypatch, shell, f"{at} zcx")] == ["zhu"]
    assert [v for v, _ in complete(capsys, monkeypatch, shell, f"{at} 王")] == ["wang"]
    persons = f"barrier --records {root} report add --persons wang,l"
    assert [v for v, _ in complete(capsys, monkeypatch, shell, persons)] == ["wang,li"]


@pytest.mark.parametrize("shell", SHELLS)
def test_units_and_partners(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, shell: str
) -> None:
    units = complete(capsys, monkeypatch, shell, f"barrier --records {root} list report --unit B")
    assert [v for v, _ in units] == ["B1", "B1-G1"]
    partner = f"barrier --records {root} report add --partner ch"
    assert [v for v, _ in complete(capsys, monkeypatch, shell, partner)] == ["station"]


@pytest.mark.parametrize("shell", SHELLS)
def test_months_recent_first(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, shell: str
) -> None:
    # conftest fixes today in 2026-11
    months = complete(capsys, monkeypatch, shell, f"barrier --records {root} analyze --month ")
    assert [v for v, _ in months] == ["2026-11", "2026-10", "2026-09"]
    only = complete(
        capsys, monkeypatch, shell, f"barrier --records {root} list report --month 2026-0"
    )
    assert [v for v, _ in only] == ["2026-09"]


@pytest.mark.parametrize("shell", SHELLS)
def test_record_ids_by_prefix(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, shell: str
) -> None:
    ids = complete(capsys, monkeypatch, shell, f"barrier --records {root} show R-2026")
    assert [v for v, _ in ids] == ["R-20260903-0002", "R-20261015-0003", "R-20261101-0001"]
    lower = complete(capsys, monkeypatch, shell, f"barrier --records {root} show r-202611")
    assert [v for v, _ in lower] == ["R-20261101-0001"]
    done = complete(capsys, monkeypatch, shell, f"barrier --records {root} action done R-202610")
    assert [v for v, _ in done] == ["R-20261015-0003"]


@pytest.mark.parametrize("shell", SHELLS)
def test_kinds_and_choices_with_labels(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, shell: str
) -> None:
    kinds = complete(capsys, monkeypatch, shell, f"barrier --records {root} list ")
    assert [v for v, _ in kinds][:3] == ["report", "incident", "pairing"]
    assert "settings" not in dict(kinds)
    schema = complete(capsys, monkeypatch, shell, "barrier schema s")
    assert [v for v, _ in schema] == ["settings", "standard"]
    risks = complete(capsys, monkeypatch, shell, f"barrier --records {root} report add --risk ")
    assert [v for v, _ in risks] == ["low", "medium", "high"]
    if shell != "bash":
        assert dict(risks)["high"] == "高 / high"


def test_a_tree_that_cannot_be_read_completes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_tiny(tmp_path)
    (root / "org.yaml").write_text("people: [\n", encoding="utf-8")
    assert complete(capsys, monkeypatch, "bash", f"barrier --records {root} due --owner w") == []
    shutil.rmtree(root)
    assert complete(capsys, monkeypatch, "fish", f"barrier --records {root} show R-") == []
