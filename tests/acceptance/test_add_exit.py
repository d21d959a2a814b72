"""An add that has written its record ends without tearing the interpreter down (issue 17:
the teardown of pydantic's and the models' objects was a tenth of an add), and every other
ending is Python's own: its output, exit code and the caller's own code after `run`.

Each run is a fresh interpreter (the ending of a process is the point) whose module holds
an object that says so when it is torn down.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from entry_helpers import copy_tree, env, load_yaml

REQUIRED = ["--reporter", "zhang_san", "--source", "on_site", "--element", "equipment"]
REQUIRED += ["--category", "hazard", "--summary", "工具箱尖角划破工作服"]

NOISY_RUN = """
import sys
from barrier_cli.cli.main import run

class Noisy:
    def __del__(self):
        sys.stderr.write("torn down\\n")

noisy = Noisy()
sys.argv[0] = "barrier"
try:
    run()
finally:
    sys.stderr.write("caller's finally\\n")
"""


def noisy_run(
    args: list[str], environ: dict[str, str], stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", NOISY_RUN, *args],
        env=environ,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_tree(tmp_path)


def test_an_add_ends_without_teardown_after_printing_through_a_pipe(
    root: Path, tmp_path: Path
) -> None:
    # a pipe: the id and path sit in a block buffer until the exit writes them
    done = noisy_run(
        ["--records", str(root), "report", "add", "--no-input", *REQUIRED], env(tmp_path)
    )
    assert done.returncode == 0, done.stderr
    new_id, path = done.stdout.split()
    assert load_yaml(Path(path).read_text(encoding="utf-8"))["id"] == new_id
    assert "caller's finally" in done.stderr
    assert "torn down" not in done.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["report", "add", "--help"], 0),
        (["report", "add", "--no-input", "--reporter", "nobody"], 1),
        (["report", "add", "--no-input", "--bogus"], 2),
    ],
    ids=["help", "refused", "usage"],
)
def test_other_endings_are_pythons_own(
    args: list[str], code: int, root: Path, tmp_path: Path
) -> None:
    done = noisy_run(["--records", str(root), *args], env(tmp_path))
    assert done.returncode == code
    assert "caller's finally" in done.stderr
    assert "torn down" in done.stderr
    assert not list(root.glob("reports/2026/11/R-20261124-*.yaml"))


def test_output_that_cannot_be_written_still_fails_the_add(root: Path, tmp_path: Path) -> None:
    with Path("/dev/full").open("w") as full:
        done = noisy_run(
            ["--records", str(root), "report", "add", "--no-input", *REQUIRED],
            env(tmp_path),
            stdout=full.fileno(),
        )
    assert done.returncode != 0
    assert "No space left on device" in done.stderr


def test_a_caller_that_goes_on_after_run_is_not_ended(root: Path, tmp_path: Path) -> None:
    """A process that ran `run` in itself and put its own arguments back (as the tests'
    in-process helper does) ends with its own exit code, after its own teardown."""
    script = (
        "import sys\n"
        "from barrier_cli.cli.main import run\n"
        "saved = sys.argv\n"
        f"sys.argv = ['barrier', '--records', {str(root)!r}, 'report', 'add', '--no-input',"
        f" *{REQUIRED!r}]\n"
        "try:\n"
        "    run()\n"
        "except SystemExit as e:\n"
        "    print('run ended', e.code)\n"
        "sys.argv = saved\n"
        "print('still here')\n"
        "sys.exit(5)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 5, done.stderr
    assert done.stdout.splitlines()[-2:] == ["run ended 0", "still here"]


def test_an_add_started_without_stdout_ends_cleanly(root: Path, tmp_path: Path) -> None:
    """``barrier … >&-``: Python starts without ``sys.stdout``; nothing is said about it."""
    args = ["--records", str(root), "report", "add", "--no-input", *REQUIRED]
    done = subprocess.run(
        [sys.executable, "-c", NOISY_RUN, *args],
        env=env(tmp_path),
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 0, done.stderr
    assert "Exception" not in done.stderr
    assert "torn down" not in done.stderr
    assert len(list(root.glob("reports/2026/11/R-20261124-*.yaml"))) == 1
