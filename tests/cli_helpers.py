"""Running the real command the way the tests do, and the tiny tree they start from.

``barrier`` runs the command in this process, through the real entry point (its exit codes and
one-line errors) with typer's ``CliRunner`` capturing the streams: use it unless a process
boundary is what the test is about. ``barrier_process`` (a fresh interpreter), ``run_together``
(many at once) and ``spawn`` (a pseudo-terminal) are for signals, kill -9, concurrency, start-up
imports and real terminals, and are the only places tests start ``barrier`` as a process.

Importable from tests/unit and tests/acceptance alike: pytest puts ``tests/`` on the import
path for ``conftest.py`` (there is no ``tests/__init__.py``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from barrier_cli.cli.main import run

DATA = Path(__file__).resolve().parent / "data"

ADD_REPORT = [
    "report",
    "add",
    "--no-input",
    "--date",
    "2026-11-20",
    "--reporter",
    "wang",
    "--source",
    "on_site",
    "--element",
    "equipment",
    "--category",
    "hazard",
]
"""`barrier report add` with every field but the summary given, for a test to finish."""


FIXED_DAY = {"BARRIER_TODAY": "2026-11-24"}


BARRIER_COMMAND = [sys.executable, "-m", "barrier_cli"]
"""``barrier`` as a process: this interpreter, so the tests' checkout is what runs."""


def _argv(root: Path | None, args: tuple[str, ...] | list[str]) -> list[str]:
    return [*(["--records", str(root)] if root is not None else []), *args]


@dataclass(frozen=True)
class Ran:
    """How an in-process run ended and what it printed (as ``subprocess.CompletedProcess``)."""

    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _argv_and_cwd(argv: list[str], cwd: Path | None) -> Iterator[None]:
    saved = sys.argv
    sys.argv = ["barrier", *argv]
    try:
        with contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext():
            yield
    finally:
        sys.argv = saved


def barrier(
    root: Path | None,
    *args: str,
    cwd: Path | None = None,
    stdin: str | bytes | None = None,
    env: Mapping[str, str | None] | None = None,
) -> Ran:
    """``barrier [--records root] args`` in this process (on the tests' fixed day, which
    conftest sets, unless the test set another).

    ``env`` adds to (or with None removes from) the environment for the run only.
    """
    runner = CliRunner()
    with (
        runner.isolation(input=stdin, env=env) as (out, err, _),
        _argv_and_cwd(_argv(root, args), cwd),
    ):
        try:
            run()
            code: int = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else int(done.code is not None)
        # the runner closes its streams on leaving, and text written to them sits in a buffer
        sys.stdout.flush()
        sys.stderr.flush()
        return Ran(code, out.getvalue().decode(), err.getvalue().decode())


def barrier_process(
    root: Path | None,
    *args: str,
    cwd: Path | None = None,
    stdin: str | bytes | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
    encoding: str = "utf-8",
) -> subprocess.CompletedProcess[str]:
    """``barrier [--records root] args`` in a fresh interpreter, on the tests' fixed day.

    ``env`` is the whole environment (default: this process's). Output is decoded from
    ``encoding`` with replacement, so a test can read what a hostile run printed. The timeout
    only turns a hang into a failure.
    """
    done = subprocess.run(
        [*BARRIER_COMMAND, *_argv(root, args)],
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        cwd=cwd,
        env=dict(env) if env is not None else os.environ | FIXED_DAY,
        timeout=timeout,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode(encoding, errors="replace"),
        done.stderr.decode(encoding, errors="replace"),
    )


def run_together(
    root: Path, commands: list[list[str]], env: Mapping[str, str] | None = None
) -> list[tuple[int, str, str]]:
    """Start every command on ``root`` at once, then wait for all: (exit code, stdout, stderr)
    of each, in order. ``env`` defaults to this process's, on the tests' fixed day."""
    procs = [
        subprocess.Popen(
            [*BARRIER_COMMAND, *_argv(root, args)],
            env=dict(env) if env is not None else os.environ | FIXED_DAY,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in commands
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append((proc.returncode, out, err))
    return results


def spawn(
    root: Path, *args: str, env: Mapping[str, str], dimensions: tuple[int, int] = (40, 120)
) -> Any:
    """``barrier --records root args`` at a pseudo-terminal (a pexpect child) of ``dimensions``
    (rows, columns). An expected prompt that never comes fails after 60 seconds: a bound for a
    hang, generous enough for a start-up on a loaded machine (pytest -n 16 on 2 cores)."""
    import pexpect

    return pexpect.spawn(
        BARRIER_COMMAND[0],
        [*BARRIER_COMMAND[1:], *_argv(root, args)],
        env=dict(env),
        encoding="utf-8",
        timeout=60,
        dimensions=dimensions,
    )


def copy_tiny(tmp_path: Path) -> Path:
    """A writable copy of tests/data/tiny at ``tmp_path/records``."""
    records = tmp_path / "records"
    shutil.copytree(DATA / "tiny", records)
    return records


def device_node(tmp_path: Path, name: str) -> Path:
    """A stand-in for ``/dev/<name>`` (null or full) that a faulty write cannot harm.

    As root, a rename onto ``/dev/full`` would replace the machine's device node, so root
    gets the same device made in ``tmp_path``; anyone else cannot write in ``/dev`` and is
    given the real one.
    """
    if os.geteuid() != 0:
        return Path("/dev") / name
    real = os.stat(Path("/dev") / name)
    node = tmp_path / name
    os.mknod(node, real.st_mode, real.st_rdev)
    return node
