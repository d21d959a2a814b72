"""The first question is drawn before the record models load, and is the form's own question."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from barrier_cli.core.labels import Lang
from barrier_cli.io.index import basis
from barrier_cli.write.entry.add import add_record
from barrier_cli.write.entry.context import EntryContext
from barrier_cli.write.entry.early import FIRST, early_question
from barrier_cli.write.entry.forms import FORMS
from barrier_cli.write.entry.session import Cancelled, Session

DATA = Path(__file__).resolve().parents[1] / "data" / "entry" / "records"
TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("BARRIER_USER", raising=False)
    shutil.copytree(DATA, tmp_path / "records")
    return tmp_path / "records"


class Script:
    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.said: list[str] = []
        self.asked: list[tuple[str, str]] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def shown(self, then: Callable[[], None]) -> None:
        then()

    def ask(self, prompt: str, *, candidates: list[tuple[str, str]], multi: bool, hint: str) -> str:
        self.asked.append((prompt, hint))
        if not self.answers:
            raise KeyboardInterrupt
        return self.answers.pop(0)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", sorted(FIRST))
def test_the_early_question_is_the_forms_first_question(root: Path, kind: str, lang: Lang) -> None:
    ctx = EntryContext(basis(root), TODAY, lang)
    form = FORMS[kind]
    first = form.questions()[0]
    assert form.model.__name__ == FIRST[kind][0]
    assert (first.base, first.required, first.multi) == ("date", True, False)
    default = form.default(first, {}, ctx)
    assert default == TODAY  # nothing of the tree: today
    early = early_question(kind, set(), ctx)
    assert early is not None
    session = Session(form, ctx, Script())
    assert (early.name, early.prompt, early.hint) == (
        first.name,
        session._prompt(first, default),
        first.doc.help(lang),
    )


def test_a_first_question_given_by_flag_is_not_asked_early(root: Path) -> None:
    ctx = EntryContext(basis(root), TODAY, "zh")
    assert early_question("report", {"date"}, ctx) is None
    assert early_question("pairing", set(), ctx) is None  # its first question names a person


def test_what_is_typed_early_is_checked_at_its_prompt_like_any_answer(root: Path) -> None:
    """A future date typed at the early prompt is refused there, in zh, and asked again with
    today still the default; the intro is said once."""
    ctx = EntryContext(basis(root), TODAY, "zh")
    script = Script("2026-12-01")
    with pytest.raises(Cancelled):
        add_record(root=root, kind="report", flags={}, prompter=script, ctx=ctx)
    (first, hint), (again, _) = script.asked[:2]
    assert first == again == "发现日期 [2026-11-24]: "
    assert hint == "发现问题的日期，不能晚于今天"
    assert any("2026-12-01" in s and "晚于今天" in s for s in script.said)
    assert sum("回车取方括号中的默认值" in s for s in script.said) == 1


EARLY = """
import sys
from pathlib import Path
from barrier_cli.write.entry.add import add_record
from barrier_cli.write.entry.session import Cancelled

def loaded():
    # the models, and pydantic itself: the first question needs neither
    return any(m.startswith(("barrier_cli.core.models", "pydantic")) for m in sys.modules)

class Script:
    seen = []
    def say(self, text): pass
    def shown(self, then):
        if not self.seen:  # as the first question is drawn, before the background load
            self.seen.append(loaded())
        then()
    def ask(self, prompt, **kw):
        self.seen.append(any(m.startswith("barrier_cli.core.models") for m in sys.modules))
        if len(self.seen) == 2:
            return ""
        raise KeyboardInterrupt

script = Script()
try:
    add_record(root=Path(sys.argv[1]), kind="report", flags={}, prompter=script)
except Cancelled:
    pass
print(*script.seen)
"""


def test_the_first_prompt_is_asked_before_the_models_are_imported(root: Path) -> None:
    env = os.environ | {"BARRIER_TODAY": "2026-11-24", "BARRIER_CACHE_DIR": str(root.parent)}
    done = subprocess.run(
        [sys.executable, "-c", EARLY, str(root)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    # not as the first prompt is drawn, nor (the load being slower than the first
    # question) when it is asked; by the second, the background load has brought them
    assert done.stdout.split() == ["False", "False", "True"]


def test_a_value_asked_for_while_its_thread_is_starting_is_waited_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The prompt's thread calls `start` while the main thread may already call `get`: `get`
    must wait for the thread, never join one that is not started yet (CI once saw "cannot join
    thread before it is started")."""
    import threading

    from barrier_cli.write.entry.context import Deferred

    in_start, go_on = threading.Event(), threading.Event()
    original = threading.Thread

    class SlowToStart(original):  # type: ignore[misc, valid-type]
        def start(self) -> None:
            in_start.set()
            go_on.wait(5)
            super().start()

    deferred = Deferred(lambda: 42)
    starter = original(target=deferred.start)
    monkeypatch.setattr(threading, "Thread", SlowToStart)
    starter.start()
    assert in_start.wait(5)
    threading.Timer(0.2, go_on.set).start()
    assert deferred.get() == 42
    starter.join(5)
