"""A command whose extra is not installed says which one to install, in one line (exit 1)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cli_helpers import barrier, copy_tiny


def run_barrier(*args: str) -> tuple[int, str, str]:
    done = barrier(None, *args)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("missing", "args", "extra"),
    [
        ("pandas", ["analyze", "--month", "2026-11", "--format", "md"], "analysis"),
        ("pyarrow", ["export", "--format", "parquet", "--out", "OUT"], "export"),
        ("openpyxl", ["export", "--format", "xlsx", "--out", "OUT"], "export"),
    ],
)
def test_missing_extra_is_one_line_naming_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    missing: str,
    args: list[str],
    extra: str,
) -> None:
    root = copy_tiny(tmp_path)
    # None in sys.modules is how Python marks a module as not importable.
    for name in [m for m in sys.modules if m == missing or m.startswith(missing + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, missing, None)
    out_dir = tmp_path / "out"
    args = [str(out_dir) if a == "OUT" else a for a in args]
    code, _, err = run_barrier("--records", str(root), *args)
    assert code == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"pip install 'barrier-cli[{extra}]'" in err
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_base_dependencies_leave_the_heavy_libraries_to_extras() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]
    base = " ".join(project["dependencies"])
    for heavy in ("pandas", "pyarrow", "openpyxl", "matplotlib", "weasyprint", "python-docx"):
        assert heavy not in base
    extras = project["optional-dependencies"]
    assert any("pandas" in d for d in extras["analysis"])
    assert {"pyarrow", "openpyxl"} <= {d.split(">")[0] for d in extras["export"]}
    assert extras["all"] == ["barrier-cli[analysis,export,bureau,office]"]
    assert {"weasyprint", "python-docx"} <= {d.split(">")[0] for d in extras["office"]}
    assert any(d.startswith("duckdb") for d in extras["bureau"])
    assert "barrier-cli[all]" in extras["dev"]


def test_the_bureau_asks_for_its_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from barrier_cli.core.extras import MissingExtra
    from barrier_cli.reports.bureau.analyze import connect

    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(MissingExtra, match=r"pip install 'barrier-cli\[bureau\]'"):
        connect(tmp_path)


def test_word_and_pdf_ask_for_their_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt
    import importlib.util

    from barrier_cli.core.extras import MissingExtra
    from barrier_cli.present.render.office import Stamp, html_to_docx, html_to_pdf

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in ("docx", "weasyprint") else real(name, *a),
    )
    stamp = Stamp(title="t", author="a", date=dt.date(2026, 11, 5))
    for make in (html_to_docx, html_to_pdf):
        with pytest.raises(MissingExtra, match=r"barrier-cli\[office\]"):
            make("<p>x</p>", stamp=stamp)
