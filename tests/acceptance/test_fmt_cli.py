from __future__ import annotations

import shutil
from pathlib import Path

import cli_helpers
from barrier_cli.write.scaffold import init_project
from cli_helpers import Ran

REPO = Path(__file__).resolve().parents[2]
UNFORMATTED = """\
summary: 车轮踏面擦伤超限 # 经提醒后发现
id: R-20251108-7K2M
# 发现人
reporter: secretary_b1
date: 2025-11-08
category: fault
element: equipment
source: on_site
keys: [train, person]
"""
REL = "reports/2025/11/R-20251108-7K2M.yaml"


def barrier(*args: str, cwd: Path) -> Ran:
    # the trees are Chinese; these tests read fmt's English
    return cli_helpers.barrier(None, "--lang", "en", *args, cwd=cwd)


def tree(tmp_path: Path) -> Path:
    init_project(tmp_path)
    records = tmp_path / "records"
    (records / REL).parent.mkdir(parents=True)
    (records / REL).write_text(UNFORMATTED, encoding="utf-8")
    return records


def test_check_lists_what_would_change_and_changes_nothing(tmp_path: Path) -> None:
    records = tree(tmp_path)
    done = barrier("fmt", "--check", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == f"would reformat records/{REL}\n"
    assert (records / REL).read_text(encoding="utf-8") == UNFORMATTED


def test_fmt_rewrites_keeps_comments_and_then_check_passes(tmp_path: Path) -> None:
    records = tree(tmp_path)
    done = barrier("fmt", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == f"reformatted records/{REL}\n"
    text = (records / REL).read_text(encoding="utf-8")
    assert text.splitlines()[:3] == [
        "id: R-20251108-7K2M",
        "date: 2025-11-08",
        "# 发现人",
    ]
    assert "# 经提醒后发现" in text and "  - train\n" in text
    assert barrier("fmt", "--check", cwd=tmp_path).returncode == 0
    assert barrier("check", cwd=tmp_path).returncode == 0


def test_bom_and_crlf_are_repaired(tmp_path: Path) -> None:
    records = tree(tmp_path)
    path = records / REL
    path.write_bytes(b"\xef\xbb\xbf" + UNFORMATTED.replace("\n", "\r\n").encode("utf-8"))
    assert barrier("check", cwd=tmp_path).returncode == 1
    assert barrier("fmt", str(path), cwd=tmp_path).returncode == 0
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    assert barrier("check", cwd=tmp_path).returncode == 0


def test_a_file_that_does_not_parse_is_reported_and_left_alone(tmp_path: Path) -> None:
    records = tree(tmp_path)
    broken = records / "reports" / "2025" / "11" / "R-20251109-AAAA.yaml"
    broken.write_bytes(b"id: [R-20251109-AAAA\n")
    done = barrier("fmt", cwd=tmp_path)
    assert done.returncode == 1
    assert "R-20251109-AAAA.yaml:2:1: error[syntax]" in done.stderr
    assert "Traceback" not in done.stderr
    assert broken.read_bytes() == b"id: [R-20251109-AAAA\n"
    assert f"reformatted records/{REL}" in done.stdout


def test_only_the_given_paths_are_formatted(tmp_path: Path) -> None:
    records = tree(tmp_path)
    other = records / "reports" / "2025" / "11" / "R-20251110-BBBB.yaml"
    shutil.copy(records / REL, other)
    assert barrier("fmt", str(other), cwd=tmp_path).returncode == 0
    assert (records / REL).read_text(encoding="utf-8") == UNFORMATTED


def test_example_records_are_formatted() -> None:
    done = barrier("--records", str(REPO / "records"), "fmt", "--check", cwd=REPO)
    assert done.returncode == 0, done.stdout
