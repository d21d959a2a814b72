"""The README cannot drift from the code: generated tables are current, the example is valid."""

from __future__ import annotations

import re
import subprocess
import sys

from barrier_cli.core.findings import CODES
from barrier_cli.core.models import Report
from barrier_cli.io.yamlio import load_text
from conftest import REPO


def test_generated_sections_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "update_readme.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_every_finding_code_is_listed() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z-]+)` \| (?:error|warning) \|", readme, re.MULTILINE))
    assert listed == set(CODES.codes)


def test_the_record_example_is_a_valid_report() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(id: R-.*?)```", readme, re.DOTALL)
    assert block is not None
    report = Report.model_validate(load_text(block.group(1)))
    assert report.train == "41008" and report.commend
