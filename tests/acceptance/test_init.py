from __future__ import annotations

import subprocess
from pathlib import Path

import cli_helpers
from cli_helpers import Ran


def barrier(*args: str, cwd: Path) -> Ran:
    return cli_helpers.barrier(None, *args, cwd=cwd)


def test_init_then_check_passes_and_a_second_init_is_refused(tmp_path: Path) -> None:
    made = barrier("init", "project", "--name", "列检车间", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "created project/records/barrier.yaml" in made.stdout
    project = tmp_path / "project"
    checked = barrier("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "未发现问题" in checked.stdout  # the new tree is Chinese
    assert barrier("fmt", "--check", cwd=project).returncode == 0
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    again = barrier("init", cwd=project)
    assert again.returncode == 1
    assert again.stderr.startswith("barrier: error: ") and "Traceback" not in again.stderr
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_schema_command_prints_and_writes(tmp_path: Path) -> None:
    import json

    one = barrier("schema", "report", cwd=tmp_path)
    assert one.returncode == 0
    assert json.loads(one.stdout)["$schema"].endswith("2020-12/schema")
    wrote = barrier("schema", "--out", "schemas", cwd=tmp_path)
    assert wrote.returncode == 0
    assert (tmp_path / "schemas" / "incident.schema.json").is_file()
    bad = barrier("schema", "reprot", cwd=tmp_path)
    assert bad.returncode == 1 and "no record kind 'reprot'" in bad.stderr


def test_the_ci_command_annotates_an_unamended_change_since_the_merge_base(
    tmp_path: Path,
) -> None:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert barrier("init", cwd=tmp_path).returncode == 0
    report = tmp_path / "records" / "reports" / "2026" / "11" / "R-20261101-AB12.yaml"
    report.parent.mkdir(parents=True)
    closed = (
        "id: R-20261101-AB12\ndate: 2026-11-01\nreporter: secretary_b1\nsource: on_site\n"
        "element: equipment\ncategory: hazard\nsummary: 工具箱尖角划破工作服\nstatus: closed\n"
        "analysis:\n  date: 2026-11-02\n  by: secretary_b1\n  cause: 工具箱边角未倒圆\n"
        "closed: 2026-11-03\n"
    )
    report.write_text(closed, encoding="utf-8")
    git("init", "-q", "-b", "main")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "base")
    git("checkout", "-q", "-b", "topic")
    report.write_text(closed.replace("未倒圆", "未倒圆，已全部打磨"), encoding="utf-8")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam", "edit")
    base = git("merge-base", "main", "HEAD")

    done = barrier("check", "--format", "github", "--against", base, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith(
        "::error file=records/reports/2026/11/R-20261101-AB12.yaml,line=8,col=1,"
        "title=barrier amendment::"
    )
    unknown = barrier("check", "--against", "no-such-rev", cwd=tmp_path)
    assert unknown.returncode == 1 and "“no-such-rev”不是" in unknown.stderr


def test_templates_list_and_eject(tmp_path: Path) -> None:
    assert barrier("--lang", "en", "init", "project", cwd=tmp_path).returncode == 0
    project = tmp_path / "project"
    assert not (project / "records" / "templates").exists()
    listed = barrier("templates", "list", cwd=project)
    assert listed.returncode == 0, listed.stderr
    assert "common/notice.md.j2\n" in listed.stdout and "common/analysis.html.j2\n" in listed.stdout
    ejected = barrier("templates", "eject", "notice.md.j2", cwd=project)
    assert ejected.returncode == 0, ejected.stderr
    assert (project / "records" / "templates" / "common" / "notice.md.j2").is_file()
    assert (
        "common/notice.md.j2  (overridden in the tree)"
        in barrier("templates", "list", cwd=project).stdout
    )
    again = barrier("templates", "eject", "notice.md.j2", cwd=project)
    assert again.returncode == 1 and again.stderr.count("\n") == 1
    assert barrier("check", "--strict", cwd=project).returncode == 0
