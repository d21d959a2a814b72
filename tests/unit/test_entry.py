"""The entry engine without a terminal: questions from models, answers, the dialogue."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from barrier_cli.core.errors import InvalidInput
from barrier_cli.core.models import Report
from barrier_cli.io.index import basis
from barrier_cli.write.entry.add import add_record, fill_defaults, parse_flags
from barrier_cli.write.entry.context import EntryContext
from barrier_cli.write.entry.forms import FORMS, REPORT
from barrier_cli.write.entry.questions import InvalidAnswer, Question, parse_date
from barrier_cli.write.entry.session import Cancelled, NotSaved, Session

DATA = Path(__file__).resolve().parents[1] / "data" / "entry" / "records"
TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("BARRIER_USER", raising=False)
    shutil.copytree(DATA, tmp_path / "records")
    return tmp_path / "records"


@pytest.fixture
def ctx(root: Path) -> EntryContext:
    return EntryContext(basis(root), TODAY, "zh")


def question(name: str) -> Question:
    return next(q for q in REPORT.questions() if q.name == name)


class Script:
    """A prompter that answers from a list and records everything said and asked."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.said: list[str] = []
        self.asked: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def shown(self, then: Callable[[], None]) -> None:
        then()

    def ask(self, prompt: str, *, candidates: list[tuple[str, str]], multi: bool, hint: str) -> str:
        self.asked.append(prompt)
        if not self.answers:
            raise AssertionError(f"unexpected prompt: {prompt}")
        return self.answers.pop(0)


# -- questions come from the model -------------------------------------------------------------


def test_report_questions_follow_the_model_and_leave_out_later_stages() -> None:
    names = [q.name for q in REPORT.questions()]
    model_order = [n for n in Report.model_fields if n in names]
    assert names == model_order
    assert {"status", "analysis", "actions", "closed", "id", "tags"}.isdisjoint(names)
    assert question("source").choices == (
        "on_site",
        "cadre_patrol",
        "joint_labour",
        "briefing",
        "other",
    )
    assert question("keys").multi and question("keys").labels == "key"
    assert question("summary").required and not question("train").required


def test_nested_violation_is_asked_field_by_field_only_for_violations() -> None:
    qs = {q.name: q for q in FORMS["incident"].questions()}
    assert {"violation.kind", "violation.severity", "violation.person"} <= set(qs)
    assert not qs["violation.kind"].applies({"type": "accident"})
    assert qs["violation.kind"].applies({"type": "violation"})
    assert qs["class"].required and qs["class"].applies({"type": "accident"})


@pytest.mark.parametrize("text", ["2", "人员", "personnel", "PERSONNEL", " 人员 "])
def test_a_choice_takes_value_label_or_number(ctx: EntryContext, text: str) -> None:
    assert question("element").parse(text, ctx) == "personnel"


def test_a_wrong_choice_says_what_the_choices_are(ctx: EntryContext) -> None:
    with pytest.raises(InvalidAnswer, match="1 设备"):
        question("element").parse("9", ctx)


def test_people_by_id_or_name_and_a_hint_for_a_typo(ctx: EntryContext) -> None:
    assert question("reporter").parse("张三", ctx) == "zhang_san"
    assert question("persons").parse("li_si、王五", ctx) == ["li_si", "wang_wu"]
    with pytest.raises(InvalidAnswer, match="zhang_san"):
        question("reporter").parse("zhang_sna", ctx)


def test_text_is_checked_by_the_models_own_rules(ctx: EntryContext) -> None:
    with pytest.raises(InvalidAnswer, match="太长"):
        question("train").parse("9" * 101, ctx)
    assert question("train").parse("41008", ctx) == "41008"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-11-03", dt.date(2026, 11, 3)),
        ("20261103", dt.date(2026, 11, 3)),
        ("11-3", dt.date(2026, 11, 3)),
        ("今天", TODAY),
        ("yesterday", dt.date(2026, 11, 23)),
        ("-3", dt.date(2026, 11, 21)),
    ],
)
def test_dates_as_people_type_them(text: str, day: dt.date) -> None:
    assert parse_date(text, TODAY, "zh") == day


def test_a_non_date_is_refused() -> None:
    with pytest.raises(InvalidAnswer):
        parse_date("2026-02-30", TODAY, "en")


# -- the dialogue --------------------------------------------------------------------------------

_MINIMAL = ["", "zhang_san", "", "", "1", "1", "1", "", "", "", "", "", "", "摘要", "", "", ""]
"""Answers to every report question in order (date … links), the required ones filled."""


def test_invalid_answers_are_reasked_with_the_reason(ctx: EntryContext) -> None:
    answers = list(_MINIMAL)
    answers[4:5] = ["9", "1"]  # source: an invalid number, then a valid one
    script = Script(*answers, "y")
    result = Session(REPORT, ctx, script).run({}, lambda _: [])
    assert result["source"] == "on_site"
    assert any("不是可选项" in s for s in script.said)
    assert sum("信息来源" in p for p in script.asked) == 2


def test_back_returns_to_the_previous_question_with_its_answer_as_default(
    ctx: EntryContext,
) -> None:
    answers = list(_MINIMAL)
    answers[5:6] = ["<", "", "2"]  # at element: back to source, keep it, then element 2
    script = Script(*answers, "y")
    result = Session(REPORT, ctx, script).run({}, lambda _: [])
    assert result["source"] == "on_site" and result["element"] == "personnel"
    assert "要素" in script.asked[5] and "[现场作业]" in script.asked[6]


def test_defaults_today_the_reporters_unit_and_model_defaults(ctx: EntryContext) -> None:
    result = Session(REPORT, ctx, Script(*_MINIMAL, "")).run({}, lambda _: [])
    assert result["date"] == TODAY and result["unit"] == "G11"
    assert result["level"] == "member" and result["risk"] == "medium"
    assert result["commend"] is False


def test_a_required_question_refuses_a_blank_answer(ctx: EntryContext) -> None:
    answers = list(_MINIMAL)
    answers[1:2] = ["", "zhang_san"]
    script = Script(*answers, "y")
    Session(REPORT, ctx, script).run({}, lambda _: [])
    assert "  ✗ 必填" in script.said


def test_flags_given_are_not_asked(ctx: EntryContext) -> None:
    preset = parse_flags(REPORT, {"summary": "已给出", "source": "2"}, ctx)
    answers = [a for i, a in enumerate(_MINIMAL) if i not in (4, 13)]
    script = Script(*answers, "y")
    result = Session(REPORT, ctx, script).run(preset, lambda _: [])
    assert result["summary"] == "已给出" and result["source"] == "cadre_patrol"
    assert not any("摘要" in p for p in script.asked)


def test_the_summary_can_change_one_line_by_its_number(ctx: EntryContext) -> None:
    script = Script(*_MINIMAL, "14", "新的摘要", "y")
    result = Session(REPORT, ctx, script).run({}, lambda _: [])
    assert result["summary"] == "新的摘要"
    assert any(s.endswith("摘要: 摘要") for s in script.said)


def test_no_at_the_confirmation_writes_nothing(ctx: EntryContext) -> None:
    with pytest.raises(NotSaved):
        Session(REPORT, ctx, Script(*_MINIMAL, "n")).run({}, lambda _: [])


def test_a_whole_record_problem_reasks_the_question_it_points_at(ctx: EntryContext) -> None:
    calls: list[dict[str, object]] = []

    def check(answers: dict[str, object]) -> list[tuple[str | None, str]]:
        calls.append(dict(answers))
        return [("reporter", "reporter: not in the unit")] if len(calls) == 1 else []

    script = Script(*_MINIMAL, "li_si", "y")
    result = Session(REPORT, ctx, script).run({}, check)
    assert result["reporter"] == "li_si"
    assert "  ✗ reporter: not in the unit" in script.said


def test_the_partner_is_asked_only_for_joint_labour(ctx: EntryContext) -> None:
    answers = list(_MINIMAL)
    answers[4:5] = ["joint_labour", "车站"]
    result = Session(REPORT, ctx, Script(*answers, "y")).run({}, lambda _: [])
    assert result["partner"] == "station"
    plain = Session(REPORT, ctx, Script(*_MINIMAL, "y")).run({}, lambda _: [])
    assert "partner" not in plain


def test_ctrl_c_propagates_so_nothing_is_written(root: Path) -> None:
    class Interrupting(Script):
        def ask(self, prompt: str, **kw: object) -> str:  # type: ignore[override]
            raise KeyboardInterrupt

    def files() -> list[Path]:  # the read cache aside, which any command may refresh
        return sorted(p for p in root.rglob("*") if ".barrier-cache" not in p.parts)

    before = files()
    with pytest.raises(Cancelled, match="已取消，未写入"):
        add_record(root=root, kind="report", flags={}, prompter=Interrupting())
    assert files() == before


# -- without prompts -------------------------------------------------------------------------------


def test_missing_required_fields_are_named_with_their_flags(ctx: EntryContext) -> None:
    with pytest.raises(InvalidInput, match=r"'source' \(--source\).*'summary' \(--summary\)"):
        fill_defaults(REPORT, {"reporter": "zhang_san"}, ctx)


def test_barrier_user_is_the_default_reporter(
    ctx: EntryContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BARRIER_USER", "wang_wu")
    given = {"source": "on_site", "element": "equipment", "category": "hazard", "summary": "x"}
    filled = fill_defaults(REPORT, given, ctx)
    assert filled["reporter"] == "wang_wu" and filled["unit"] == "G11"


def test_an_id_taken_on_disk_meanwhile_is_redrawn(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another terminal wrote the same id after this one loaded the tree."""
    from barrier_cli.write.entry import add

    drawn = iter(["R-20261124-AAAA", "R-20261124-AAAA", "R-20261124-BBBB"])
    monkeypatch.setattr(add, "new_id", lambda kind, day: next(drawn))
    folder = root / "reports/2026/11"
    (folder / "R-20261124-AAAA.yaml").write_text("# someone else's\n", encoding="utf-8")
    flags = {"reporter": "zhang_san", "source": "1", "element": "1", "category": "1"}
    added = add_record(root=root, kind="report", flags=flags | {"summary": "x"})
    assert added.id == "R-20261124-BBBB"
    assert (folder / "R-20261124-AAAA.yaml").read_text(encoding="utf-8") == "# someone else's\n"


@pytest.mark.parametrize("kind", ["report", "incident", "pairing"])
def test_every_question_has_a_flag(kind: str) -> None:
    from barrier_cli.cli.main import app

    command = typer.main.get_command(app)
    sub = command.commands[kind].commands["add"]  # type: ignore[attr-defined]
    flags = {opt for p in sub.params for opt in p.opts}
    assert {q.flag for q in FORMS[kind].questions()} <= flags


# -- completion ------------------------------------------------------------------------------------


def test_completion_offers_people_by_id_or_name_for_the_item_being_typed(
    ctx: EntryContext,
) -> None:
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from barrier_cli.write.entry.ptk import Candidates

    completer = Candidates()
    completer.items = question("persons").candidates(ctx)
    completer.multi = True

    def texts(typed: str) -> list[str]:
        return [c.text for c in completer.get_completions(Document(typed), CompleteEvent())]

    assert texts("li_si,zhan") == ["zhang_san"]
    assert texts("li_si、王") == ["wang_wu"]  # by the name shown beside the id
    assert set(texts("")) == {"zhang_san", "li_si", "wang_wu", "zhao_liu"}


def test_trains_and_locations_seen_before_are_offered(ctx: EntryContext) -> None:
    assert question("train").candidates(ctx) == [("41008", "")]
    assert question("location").candidates(ctx) == [("到达场3道", "")]
    assert ("equipment", "设备") in question("element").candidates(ctx)
