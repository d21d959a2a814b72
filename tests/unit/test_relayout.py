"""scripts/relayout.py: modules move into their layer and every reference follows, once."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "relayout.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("relayout", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["relayout"] = module
    spec.loader.exec_module(module)
    return module


relayout = _load()


def test_from_imports_of_moved_modules_split_per_package_keeping_local_names() -> None:
    text = "from barrier_cli import __version__, loader, findings as f  # why\n"
    assert relayout.rewrite(text, python=True) == (
        "from barrier_cli import __version__  # why\n"
        "from barrier_cli.io import loader\n"
        "from barrier_cli.core import findings as f\n"
    )
    text = "    from barrier_cli.bureau import (\n        document,\n        sync,\n    )\n"
    assert relayout.rewrite(text, python=True) == (
        "    from barrier_cli.present import bureau_document as document\n"
        "    from barrier_cli.reports.bureau import sync\n"
    )


def test_dotted_names_and_paths_follow_the_longest_moved_prefix() -> None:
    text = (
        'monkeypatch.setattr("barrier_cli.loader.read_file", fake)\n'
        "import barrier_cli.analysis.document as d\n"
        "from barrier_cli.analysis.monthly import analyze\n"
        'files("barrier_cli.bureau") / "sql"  # src/barrier_cli/bureau/sql/*.sql\n'
        "barrier_cli.cli.main:run src/barrier_cli/templates/zh src/barrier_cli/gitcheck.py\n"
    )
    assert relayout.rewrite(text, python=True) == (
        'monkeypatch.setattr("barrier_cli.io.loader.read_file", fake)\n'
        "import barrier_cli.present.analysis_document as d\n"
        "from barrier_cli.reports.analysis.monthly import analyze\n"
        'files("barrier_cli.reports.bureau") / "sql"  # src/barrier_cli/reports/bureau/sql/*.sql\n'
        "barrier_cli.cli.main:run src/barrier_cli/templates/zh src/barrier_cli/checks/gitcheck.py\n"
    )


def test_rewriting_twice_changes_nothing_more() -> None:
    text = (
        "from barrier_cli import kinds, store\n"
        "from barrier_cli.checks import check_tree\n"
        "x = barrier_cli.entry.validate.describe  # barrier_cli/export/rows.py\n"
    )
    once = relayout.rewrite(text, python=True)
    assert once != text
    assert relayout.rewrite(once, python=True) == once


def test_names_a_package_init_held_follow_its_code_to_the_body_module() -> None:
    subs = {"checks": frozenset({"layout", "run", "entry"})}
    text = (
        "from barrier_cli.checks import check_tree, layout\n"
        'monkeypatch.setattr("barrier_cli.checks.check_tree", fake)\n'
        'loaded = ("barrier_cli.checks", "barrier_cli.checks.layout")\n'
        "from barrier_cli.entry.validate import describe\n"
    )
    once = relayout.rewrite(text, python=True, subs=subs)
    assert once == (
        "from barrier_cli.checks.run import check_tree\n"
        "from barrier_cli.checks import layout\n"
        'monkeypatch.setattr("barrier_cli.checks.run.check_tree", fake)\n'
        'loaded = ("barrier_cli.checks", "barrier_cli.checks.layout")\n'
        "from barrier_cli.checks.entry import describe\n"
    )
    assert relayout.rewrite(once, python=True, subs=subs) == once


def _package(root: Path, modules: dict[str, str]) -> Path:
    src = root / "src" / "barrier_cli"
    for name, text in {"__init__.py": "", **modules}.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    return src


def test_an_unplaced_top_level_module_stops_the_run_before_any_change(tmp_path: Path) -> None:
    src = _package(tmp_path, {"loader.py": "", "newthing.py": "", "extra/__init__.py": ""})
    with pytest.raises(SystemExit, match="no place in the layers: extra, newthing"):
        relayout.plan(src)


def test_a_module_finding_files_from_its_own_folder_may_not_move(tmp_path: Path) -> None:
    src = _package(tmp_path, {"i18n.py": "LOCALE = Path(__file__).parent / 'locale'\n"})
    with pytest.raises(SystemExit, match=r"through __file__: barrier_cli\.i18n"):
        relayout.plan(src)
    (src / "i18n.py").write_text("LOCALE = Path(barrier_cli.__file__).parent\n", encoding="utf-8")
    assert relayout.plan(src) == [("i18n", "core.i18n")]


def test_a_checkout_is_moved_rewritten_and_a_second_run_does_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(tmp_path), *args], capture_output=True, text=True, check=True
        ).stdout

    _package(
        tmp_path,
        {
            "kinds.py": "KINDS = {}\n",
            "loader.py": "from barrier_cli import kinds\n",
            "cli/__init__.py": "",
            "cli/main.py": "from barrier_cli.loader import kinds\n",
            "checks/__init__.py": '"""Checks."""\n\nfrom barrier_cli.checks.layout import x\n',
            "checks/layout.py": "x = 1\n",
            "checks/user.py": "from barrier_cli.checks import layout, x\n",
        },
    )
    (tmp_path / "Makefile").write_text("lint:\n\tmypy src/barrier_cli/loader.py\n")
    git("init", "-q")
    git("add", ".")
    assert relayout.main(["--repo", str(tmp_path), "--no-format"]) == 0
    src = tmp_path / "src" / "barrier_cli"
    assert sorted(p.relative_to(src).as_posix() for p in src.rglob("*.py")) == [
        "__init__.py",
        "checks/__init__.py",
        "checks/layout.py",
        "checks/run.py",
        "checks/user.py",
        "cli/__init__.py",
        "cli/main.py",
        "core/__init__.py",
        "core/kinds.py",
        "io/__init__.py",
        "io/loader.py",
    ]
    assert (src / "io/loader.py").read_text() == "from barrier_cli.core import kinds\n"
    assert (src / "cli/main.py").read_text() == "from barrier_cli.io.loader import kinds\n"
    assert (src / "checks/run.py").read_text().endswith("import x\n")
    assert (src / "checks/__init__.py").read_text().startswith('"""Checks: every rule')
    assert (src / "checks/user.py").read_text() == (
        "from barrier_cli.checks import layout\nfrom barrier_cli.checks.run import x\n"
    )
    assert "mypy src/barrier_cli/io/loader.py" in (tmp_path / "Makefile").read_text()
    assert (src / "core/__init__.py").read_text().startswith('"""The core: ')
    assert "core/kinds.py" in git("diff", "--cached", "--name-only")
    capsys.readouterr()
    assert relayout.main(["--repo", str(tmp_path), "--no-format"]) == 0
    assert capsys.readouterr().out == "relayout: nothing to do\n"
