"""Conventions every command keeps: --color and NO_COLOR, versioned JSON, any output encoding."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_extras import run_barrier

from barrier_cli import __version__
from barrier_cli.core import color
from cli_helpers import FIXED_DAY, barrier_process, copy_tiny

ESC = "\x1b["
REPORT = "R-20261101-0001"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_tiny(tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ["list", "report"],
        ["analyze", "--month", "2026-11", "--format", "term"],
    ],
)
def test_color_always_never_and_no_color(
    root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out, err = run_barrier("--records", str(root), "--color", "always", *args)
    assert code == 0, err
    assert ESC in out
    assert not color.enabled()  # the choice ended with the run (capsys is no terminal)
    code, out, _ = run_barrier("--records", str(root), "--color", "never", *args)
    assert code == 0 and ESC not in out
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run_barrier("--records", str(root), *args)
    assert code == 0 and ESC not in out
    # the flag is the user's explicit word for this run: it wins over the environment
    code, out, _ = run_barrier("--records", str(root), "--color", "always", *args)
    assert code == 0 and ESC in out


def test_no_color_wins_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert color.enabled(Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not color.enabled(Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "")  # empty means unset (no-color.org)
    assert color.enabled(Tty())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "keys"),
    [
        (["check", "--format", "json"], {"files", "errors", "warnings", "findings"}),
        (["due", "--format", "json"], {"today", "days", "overdue", "owners"}),
        (["list", "report", "--format", "json"], {"kind", "records"}),
        (["show", REPORT, "--format", "json"], {"id", "path", "record"}),
    ],
)
def test_json_outputs_carry_their_schema_version(
    root: Path, capsys: pytest.CaptureFixture[str], args: list[str], keys: set[str]
) -> None:
    code, out, err = run_barrier("--records", str(root), *args)
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == 1
    assert set(data) == {"schema", *keys}


def test_show_json_holds_the_stored_values(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_barrier("--records", str(root), "show", REPORT, "--format", "json")
    data = json.loads(out)
    assert data["path"] == f"reports/2026/11/{REPORT}.yaml"
    assert data["record"]["reporter"] == "wang" and data["record"]["category"] == "hazard"


def test_an_encoding_that_cannot_show_chinese_replaces_it(root: Path) -> None:
    # a process boundary is the point: the encoding of the real standard streams
    done = barrier_process(
        root,
        "show",
        REPORT,
        env=os.environ | FIXED_DAY | {"PYTHONIOENCODING": "cp1252"},
        encoding="cp1252",
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith(REPORT) and "?" in out and "(wang)" in out


def test_check_warns_of_schemas_an_older_barrier_wrote_and_schema_out_refreshes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from barrier_cli.write.scaffold import init_project

    init_project(tmp_path)
    records = tmp_path / "records"
    code, out, _ = run_barrier("--records", str(records), "check", "--strict")
    assert code == 0, out
    report = records / ".schemas" / "report.schema.json"
    text = report.read_text(encoding="utf-8")
    assert f'"$comment": "written by barrier {__version__}"' in text
    report.write_text(text.replace(f"barrier {__version__}", "barrier 0.0.9"), encoding="utf-8")
    # a schema from before the version was written into it
    org = records / ".schemas" / "org.schema.json"
    org.write_text(org.read_text(encoding="utf-8").replace('"$comment"', '"$c"'), "utf-8")
    code, out, _ = run_barrier(
        "--lang", "en", "--records", str(records), "check", "--format", "json"
    )
    assert code == 0
    found = json.loads(out)["findings"]
    assert [(x["path"].rsplit("/", 1)[-1], x["code"], x["severity"]) for x in found] == [
        ("org.schema.json", "stale-schema", "warning"),
        ("report.schema.json", "stale-schema", "warning"),
    ]
    assert "written by barrier 0.0.9" in found[1]["message"]
    code, _, _ = run_barrier("--records", str(records), "check", "--strict")
    assert code == 1
    schemas = str(records / ".schemas")
    assert run_barrier("schema", "--out", schemas)[0] == 0
    code, out, _ = run_barrier("--records", str(records), "check", "--strict")
    assert code == 0, out
