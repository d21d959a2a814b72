"""The CI files `init` writes install barrier from where the user says, and are hardened.

actionlint, shellcheck and zizmor run on the generated files when they are installed here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_extras import run_barrier

from barrier_cli import __version__
from barrier_cli.core.errors import InvalidInput
from barrier_cli.io.yamlio import load_text
from barrier_cli.write.scaffold import InstallSource, init_project, plan

GITHUB = ".github/workflows/barrier.yml"
GITLAB = ".gitlab-ci.yml"
SCRIPT = "ci/check-records.sh"
MIRROR = "https://mirror.example.cn/pypi/simple"
REPO = "https://git.example.cn/safety/barrier.git"

SOURCES = {
    "index": (InstallSource.index(MIRROR), f"--index-url '{MIRROR}' 'barrier-cli=={__version__}'"),
    "git": (InstallSource.git(f"{REPO}@v0.2.0"), f"'barrier-cli @ git+{REPO}@v0.2.0'"),
    "pre-commit": (
        InstallSource.git(f"{REPO}@v0.2.0", "pre-commit"),
        f"'barrier-cli @ git+{REPO}@v0.2.0'",
    ),
    "default": (InstallSource(), f"'barrier-cli=={__version__}'"),
}


@pytest.mark.parametrize("name", SOURCES)
def test_every_ci_file_uses_the_chosen_source(name: str) -> None:
    source, pip_args = SOURCES[name]
    files = plan(name=None, lang="en", source=source)
    script = files[SCRIPT]
    assert f"-m pip install --quiet --disable-pip-version-check {pip_args}\n" in script
    assert "sh ci/check-records.sh" in files[GITHUB] and "sh ci/check-records.sh" in files[GITLAB]
    for text in (files[GITHUB], files[GITLAB], script):
        assert "@" + "SOURCE@" not in text and "@" + "PIP_ARGS@" not in text
        if name != "default":
            assert REPO in text or MIRROR in text
    hooks = load_text(files[".pre-commit-config.yaml"])
    if name == "pre-commit":
        assert hooks["repos"] == [
            {
                "repo": REPO,
                "rev": "v0.2.0",
                "hooks": [{"id": "barrier-fmt"}, {"id": "barrier-check"}],
            }
        ]
    else:
        assert hooks["repos"][0]["repo"] == "local"


def test_github_workflow_is_hardened() -> None:
    workflow = plan(name=None, lang="en")[GITHUB]
    data = load_text(workflow)
    assert data["permissions"] == {"contents": "read"}
    steps = data["jobs"]["check"]["steps"]
    assert steps[0]["with"]["persist-credentials"] is False
    uses = [line for line in workflow.splitlines() if "uses:" in line]
    assert len(uses) == 2
    for line in uses:
        assert re.search(r"uses: [\w-]+/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line
    # the event's values reach the shell through env, never spliced into the script
    assert all("${{" not in str(step.get("run", "")) for step in steps)


def test_gitlab_job_publishes_code_quality_and_junit() -> None:
    files = plan(name=None, lang="en")
    job = load_text(files[GITLAB])["barrier"]
    reports = job["artifacts"]["reports"]
    folder = job["variables"]["BARRIER_REPORTS"]
    assert reports == {
        "codequality": f"{folder}/gl-code-quality-report.json",
        "junit": f"{folder}/junit.xml",
    }
    assert job["artifacts"]["when"] == "always"
    script = files[SCRIPT]
    assert '--format gitlab "$@" >"$BARRIER_REPORTS/gl-code-quality-report.json"' in script
    assert '--format junit "$@" >"$BARRIER_REPORTS/junit.xml"' in script


@pytest.mark.parametrize(
    "make",
    [
        lambda: InstallSource.index("mirror.example.cn/simple"),
        lambda: InstallSource.index("https://x.example/simple'; rm -rf ~"),
        lambda: InstallSource.git(REPO),
        lambda: InstallSource.git(f"{REPO}@"),
        lambda: InstallSource.git(f"{REPO}@v1 $(id)"),
    ],
)
def test_a_source_that_would_break_the_shell_is_refused(make: object) -> None:
    with pytest.raises(InvalidInput):
        make()  # type: ignore[operator]


def test_init_flags_choose_the_source_and_bad_ones_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_barrier("init", str(tmp_path / "a"), "--ci-index", MIRROR)
    assert code == 0, err
    assert MIRROR in (tmp_path / "a" / SCRIPT).read_text(encoding="utf-8")
    assert (tmp_path / "a" / SCRIPT).stat().st_mode & 0o111
    code, _, err = run_barrier("init", str(tmp_path / "b"), "--ci-git", REPO)
    assert code == 1 and err.count("\n") == 1 and "URL@TAG" in err
    assert not (tmp_path / "b").exists()
    code, _, err = run_barrier(
        *("--lang", "en", "init", str(tmp_path / "c")),
        *("--ci-git", f"{REPO}@v1", "--ci-index", MIRROR),
    )
    assert code == 1 and "one of" in err


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ci")
    init_project(folder, source=InstallSource.git(f"{REPO}@v0.2.0", "pre-commit"))
    return folder


def _lint(tool: str, args: list[str], cwd: Path) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed here")
    done = subprocess.run([tool, *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_shellcheck_passes_the_script(generated: Path) -> None:
    _lint("shellcheck", ["--shell=sh", SCRIPT], generated)


def test_actionlint_passes_the_workflow(generated: Path) -> None:
    # actionlint's pip wrapper downloads the binary when it builds: offline it cannot install
    _lint("actionlint", [GITHUB], generated)


def test_zizmor_passes_the_workflow(generated: Path) -> None:
    _lint("zizmor", ["--offline", GITHUB], generated)
