"""In-place edits: golden diffs that keep comments and key order, and every refusal."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from barrier_cli.core.errors import InvalidInput, RecordNotFound, UserError
from barrier_cli.core.models import Action
from barrier_cli.write.edit import add_review, mark_done

DATA = Path(__file__).resolve().parents[1] / "data" / "entry"
REPORT = "reports/2026/11/R-20261103-7K2Q.yaml"
INCIDENT = "incidents/2026/I-20261105-3A.yaml"
PAIRING = "pairings/2026/P-20260901-4B.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "records", tmp_path / "records")
    return tmp_path / "records"


def text(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


def test_action_done_golden_keeps_comments_and_key_order(root: Path) -> None:
    """Action 2 sits between comment lines; action 3 is in a hand-made key order."""
    mark_done(root=root, ref="R-20261103-7K2Q/2", day=dt.date(2026, 11, 20))
    mark_done(root=root, ref="R-20261103-7K2Q/3", verified_by="王五")
    golden = (DATA / "golden" / "R-20261103-7K2Q.after-done-2-and-3.yaml").read_text("utf-8")
    assert text(root, REPORT) == golden


def test_the_golden_diff_only_adds_lines(root: Path) -> None:
    before = text(root, REPORT).splitlines()
    mark_done(root=root, ref="R-20261103-7K2Q/2", day=dt.date(2026, 11, 20))
    after = text(root, REPORT).splitlines()
    assert [line for line in after if line not in before] == ["    done: 2026-11-20"]
    assert [line for line in before if line not in after] == []


def test_pairing_review_golden(root: Path) -> None:
    review = {"date": dt.date(2026, 11, 20), "by": "zhang_san", "note": "能独立完成踏面检查"}
    add_review(root=root, record_id="P-20260901-4B", review=review)
    golden = (DATA / "golden" / "P-20260901-4B.after-review.yaml").read_text("utf-8")
    assert text(root, PAIRING) == golden


def test_the_only_open_measure_needs_no_number(root: Path) -> None:
    edited = mark_done(root=root, ref="i-20261105-3a")
    assert edited.what == "measures[1] done 2026-11-24" and edited.open_left == 0
    assert text(root, INCIDENT).endswith("    due: 2026-11-20\n    done: 2026-11-24\n")


def test_several_open_without_a_number_are_listed_not_guessed(root: Path) -> None:
    before = text(root, REPORT)
    with pytest.raises(InvalidInput, match=r"R-20261103-7K2Q/2 .*R-20261103-7K2Q/3 "):
        mark_done(root=root, ref="R-20261103-7K2Q")
    assert text(root, REPORT) == before


def test_several_open_with_a_chooser_ask_which(root: Path) -> None:
    offered: list[int] = []

    def choose(pending: list[tuple[int, Action]]) -> int:
        offered.extend(n for n, _ in pending)
        return 3

    edited = mark_done(root=root, ref="R-20261103-7K2Q", choose=choose)
    assert offered == [2, 3] and edited.what.startswith("actions[3] done")


def test_a_file_saved_while_the_question_is_open_keeps_both_changes(root: Path) -> None:
    """The chooser runs before the lock is taken and the file is read again under it:
    someone who saves the file while the question is open loses nothing, nor does the edit."""

    def someone_edits_meanwhile(pending: list[tuple[int, Action]]) -> int:
        path = root / REPORT
        path.write_text(text(root, REPORT) + "tags: [并发]\n", encoding="utf-8")
        return 2

    mark_done(
        root=root, ref="R-20261103-7K2Q", day=dt.date(2026, 11, 24), choose=someone_edits_meanwhile
    )
    assert "tags: [并发]" in text(root, REPORT)
    assert "done: 2026-11-24" in text(root, REPORT)


def test_an_action_done_by_someone_else_meanwhile_is_refused_not_done_twice(root: Path) -> None:
    def someone_marks_it_meanwhile(pending: list[tuple[int, Action]]) -> int:
        mark_done(root=root, ref="R-20261103-7K2Q/2", day=dt.date(2026, 11, 23))
        return 2

    with pytest.raises(InvalidInput, match="already done"):
        mark_done(root=root, ref="R-20261103-7K2Q", choose=someone_marks_it_meanwhile)
    assert "done: 2026-11-23" in text(root, REPORT)
    assert "done: 2026-11-24" not in text(root, REPORT)


def test_already_done_is_refused_unless_adding_the_verifier(root: Path) -> None:
    with pytest.raises(InvalidInput, match="already done"):
        mark_done(root=root, ref="R-20261103-7K2Q/1")
    edited = mark_done(root=root, ref="R-20261103-7K2Q/1", verified_by="zhao_liu")
    assert edited.what == "actions[1] verified by zhao_liu"
    assert "    done: 2026-11-04\n    verified_by: zhao_liu\n" in text(root, REPORT)


@pytest.mark.parametrize(
    ("ref", "error", "match"),
    [
        ("R-20261103-7K2Q/4", InvalidInput, "there is no 4"),
        ("R-20261103-XXXX", RecordNotFound, "no record"),
        ("P-20260901-4B/1", InvalidInput, "is a pairing"),
    ],
)
def test_refusals_leave_the_file_alone(
    root: Path, ref: str, error: type[Exception], match: str
) -> None:
    before = text(root, REPORT)
    with pytest.raises(error, match=match):
        mark_done(root=root, ref=ref)
    assert text(root, REPORT) == before


def test_an_edit_that_would_fail_check_is_refused(root: Path) -> None:
    before = text(root, REPORT)
    with pytest.raises(UserError, match="nobody"):
        mark_done(root=root, ref="R-20261103-7K2Q/2", verified_by="nobody")
    with pytest.raises(UserError, match="future"):
        mark_done(root=root, ref="R-20261103-7K2Q/2", day=dt.date(2026, 12, 1))
    with pytest.raises(InvalidInput, match="before"):
        mark_done(root=root, ref="R-20261103-7K2Q/2", day=dt.date(2026, 11, 1))
    assert text(root, REPORT) == before


def test_a_review_is_the_first_one_in_a_pairing_without_reviews(root: Path) -> None:
    path = root / PAIRING
    lines = text(root, PAIRING).splitlines(keepends=True)
    kept = [ln for ln in lines if not ln.startswith(("reviews:", "  - date", "    by", "    note"))]
    path.write_text("".join(kept), encoding="utf-8")
    add_review(
        root=root,
        record_id="P-20260901-4B",
        review={"date": dt.date(2026, 11, 2), "by": "zhang_san", "note": "首次跟踪"},
    )
    after = text(root, PAIRING)
    assert "letter: 2026-09-02\nreviews:\n  - date: 2026-11-02\n" in after
    assert after.startswith("# 李四：发现故障少，由张三包保\n")
