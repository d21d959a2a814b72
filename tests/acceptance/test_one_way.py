"""One way to say a month, a person and an id, taken alike by every command."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

from barrier_cli.cli.main import run
from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.periods import Month, Quarter, month_named, period_named, quarter_named
from cli_helpers import copy_tiny

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 24)


class Cli:
    """`barrier ARGS` in this process: (exit code, stdout, stderr)."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
        self.capsys, self.monkeypatch = capsys, monkeypatch

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        self.monkeypatch.setattr(sys, "argv", ["barrier", *args])
        with pytest.raises(SystemExit) as done:
            run()
        out, err = self.capsys.readouterr()
        code = done.value.code
        return code if isinstance(code, int) else 0, out, err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "records", tmp_path / "records")
    return tmp_path / "records"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2026-10", Month(2026, 10)),
        ("last", Month(2026, 10)),
        ("this", Month(2026, 11)),
        ("2026-Q3", Quarter(2026, 3)),
        ("last-quarter", Quarter(2026, 3)),
        ("this-quarter", Quarter(2026, 4)),
    ],
)
def test_every_form_of_a_period(text: str, period: Month | Quarter) -> None:
    assert period_named(text, TODAY) == period


def test_last_month_and_last_quarter_across_a_new_year() -> None:
    assert month_named("last", dt.date(2026, 1, 5)) == Month(2025, 12)
    assert quarter_named("last", dt.date(2026, 2, 5)) == Quarter(2025, 4)


def test_a_quarter_where_a_month_is_asked_says_so() -> None:
    with pytest.raises(InvalidInput, match="--month '2026-Q3' is a quarter"):
        month_named("2026-Q3", TODAY)
    with pytest.raises(InvalidInput, match="'lst' is not a month; write YYYY-MM, 'this' or 'last'"):
        month_named("lst", TODAY)


def test_notice_and_list_take_month_last(cli: Cli, example: Path) -> None:
    code, out, err = cli("--records", str(example), "notice", "--month", "last")
    assert code == 0, err
    assert out == cli("--records", str(example), "notice", "--month", "2026-10")[1]
    code, out, err = cli("--records", str(example), "list", "report", "--month", "last")
    assert code == 0, err
    assert "R-20261002-" in out and "R-202611" not in out


def test_show_looks_an_id_up_as_written(cli: Cli, example: Path) -> None:
    code, out, err = cli("--records", str(example), "show", "A-2025-09-wu_lei")
    assert code == 0, err
    assert out.startswith("A-2025-09-wu_lei  (")


def test_due_owner_takes_a_name(cli: Cli, example: Path) -> None:
    code, out, err = cli("--records", str(example), "due", "--owner", "任辉")
    assert code == 0, err
    assert out.startswith("任辉 (ren_hui)")


@pytest.fixture
def two_wangs(tmp_path: Path) -> Path:
    root = copy_tiny(tmp_path)
    with (root / "org.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - id: wang_b\n    name: 王建国\n    unit: B1\n")
    (root / "reports/2026/11/R-20261110-0001.yaml").write_text(
        "id: R-20261110-0001\ndate: 2026-11-10\nreporter: wang\nsource: on_site\n"
        "element: equipment\ncategory: hazard\nsummary: 工具箱尖角\n"
        "actions:\n  - action: 打磨圆角\n    owner: li\n    due: 2026-11-30\n",
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["action", "done", "R-20261110-0001/1", "--verified-by", "王建国"], "--verified-by"),
        (["due", "--owner", "王建国"], "--owner"),
        (["list", "report", "--person", "王建国"], "--person"),
        (["feedback", "--person", "王建国"], "--person"),
    ],
)
def test_an_ambiguous_name_lists_the_candidates_with_units(
    cli: Cli, two_wangs: Path, args: list[str], option: str
) -> None:
    code, _out, err = cli("--records", str(two_wangs), "--lang", "en", *args)
    assert code == 1
    assert err == (
        f"barrier: error: {option}: '王建国' may be several people; type the id: "
        "wang 王建国（一班一组）; wang_b 王建国（一班党支部）\n"
    )


def _command_paths() -> list[list[str]]:
    import typer.main

    from barrier_cli.cli.main import app

    group = typer.main.get_command(app)
    paths = []
    for name in group.commands:  # type: ignore[attr-defined]
        command = group.commands[name]  # type: ignore[attr-defined]
        subs = getattr(command, "commands", None)
        paths.extend([[name, sub] for sub in subs] if subs else [[name]])
    return paths


GLOBALS = ["--records", "{root}", "--lang", "en", "--color", "never", "--cache-dir", "{cache}"]


@pytest.mark.parametrize("path", _command_paths(), ids=" ".join)
def test_global_options_follow_every_command(cli: Cli, tmp_path: Path, path: list[str]) -> None:
    """Click refuses an option it does not know where it stands, before it reads --help."""
    given = [a.format(root=tmp_path / "records", cache=tmp_path / "cache") for a in GLOBALS]
    code, out, err = cli(*path, *given, "--traceback", "--help")
    assert (code, err) == (0, "")
    assert out.startswith(f"Usage: barrier {' '.join(path)} ")


def test_global_options_after_the_command_mean_the_same(cli: Cli, tmp_path: Path) -> None:
    root = copy_tiny(tmp_path)
    (root / "reports/2026/11/R-20261101-0001.yaml").write_text("id: [", encoding="utf-8")
    before = cli("--records", str(root), "--lang", "en", "check", "--format", "json")
    assert before[0] == 1
    assert cli("check", "--format", "json", f"--records={root}", "--lang", "en") == before
    assert cli("check", "--records", str(root), "--format", "json", "--lang", "en") == before


def test_what_is_hoisted_and_what_is_not() -> None:
    import typer.main

    from barrier_cli.cli.lazy import hoisted
    from barrier_cli.cli.main import app

    params = typer.main.get_command(app).params
    assert hoisted(["check", "--strict", "--lang", "en", "x"], params) == [
        "--lang",
        "en",
        "check",
        "--strict",
        "x",
    ]
    # after '--' everything is the command's own; an option missing its value stays put
    assert hoisted(["check", "--", "--lang", "en"], params) == ["check", "--", "--lang", "en"]
    assert hoisted(["check", "--records"], params) == ["check", "--records"]
    # --version and --help are the command's when they follow it
    assert hoisted(["check", "--help"], params) == ["check", "--help"]
