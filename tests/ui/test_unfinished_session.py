"""A practice session survives a crash: its record on disk is offered for logging at start-up."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.app import show_main_window
from desktop.domain.practice import Attempt, AttemptSubject, Outcome, SessionClock
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.store.running_sessions import RunningSession, running_sessions, save_running_session
from desktop.ui.context import AppContext
from desktop.ui.practice import unfinished
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.session_window import PracticeSessionWindow
from desktop.ui.practice.unfinished import Choice, offer_unfinished_sessions
from desktop.ui.widgets import dialogs
from tests.clocks import StepClock
from tests.fresh_python import child_env

ROOT = Path(__file__).resolve().parent.parent.parent
SUBJECT = AttemptSubject(title="Two Sum", path_id="backend-senior", item_id="two-sum", kind="code")


def _log_as_solved(offered: list[int]) -> Any:
    def answer(context: AppContext, running: Any, parent: Any) -> Attempt:
        offered.append(running.elapsed_seconds)
        dialog = FinishSessionDialog(
            running.subject, running.started_at, running.elapsed_seconds, context.profile.taxonomy
        )
        dialog.choose(Outcome.SOLVED, 4)
        return dialog.build_attempt()

    return answer


def test_the_running_session_is_kept_on_disk_through_pauses_and_gone_once_logged(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = context.profile.folder.running_sessions_file
    window = PracticeSessionWindow(context, SUBJECT)
    qtbot.addWidget(window)
    (started,) = running_sessions(file)
    assert started.subject == SUBJECT and started.running and started.pauses == ()

    window.toggle_pause()
    (paused,) = running_sessions(file)
    assert not paused.running and len(paused.pauses) == 1 and paused.pauses[0][1] is None
    window.toggle_pause()
    window.save_record()  # what the one-minute timer does
    (resumed,) = running_sessions(file)
    assert resumed.running and resumed.pauses[0][1] is not None
    assert resumed.elapsed_seconds > paused.elapsed_seconds

    def answer(self: PracticeSessionWindow) -> Attempt:
        dialog = FinishSessionDialog(
            self.subject, self.clock.started_at, resumed.elapsed_seconds, context.profile.taxonomy
        )
        dialog.choose(Outcome.SOLVED, 4)
        return dialog.build_attempt()

    monkeypatch.setattr(PracticeSessionWindow, "ask_outcome", answer)
    window.finish()
    assert window.logged_entry is not None
    assert not file.exists()


def test_a_discarded_session_leaves_no_record(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    window = PracticeSessionWindow(context, SUBJECT)
    qtbot.addWidget(window)
    other = PracticeSessionWindow(context, AttemptSubject(title="Mock interview"))
    qtbot.addWidget(other)
    assert len(running_sessions(context.profile.folder.running_sessions_file)) == 2

    window.close()

    (left,) = running_sessions(context.profile.folder.running_sessions_file)
    assert left.subject.title == "Mock interview"  # the other session still runs


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_session_killed_after_40_minutes_is_offered_and_logged_on_the_next_start(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "profile"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.session_child", str(data)],
        cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "running"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)

    folder = ProfileFolder(data)
    (left,) = running_sessions(folder.running_sessions_file)
    assert left.subject.title == "Design a Rate Limiter" and left.elapsed_seconds >= 40 * 60

    profile = open_profile(folder, clock=StepClock())
    try:
        context = AppContext.for_profile(profile)
        asked: list[str] = []
        offered: list[int] = []

        def ask(running: Any, _parent: Any) -> Choice:
            asked.append(running.subject.title)
            return Choice.LOG

        monkeypatch.setattr(unfinished, "ask_about", ask)
        monkeypatch.setattr(unfinished, "ask_outcome", _log_as_solved(offered))
        # Start-up as the app does it: the offer comes once the window is up.
        window = show_main_window(context, offer_recovery=True)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: bool(asked) and not folder.running_sessions_file.exists())

        assert asked == ["Design a Rate Limiter"] and offered == [left.elapsed_seconds]
        assert window.current_page().page_key == "journal"  # its retrospective is open
        with session_scope(profile.engine) as session:
            (attempt,) = practice_store.attempts_for_item(
                session=session, path_id="backend-senior", item_id="design-rate-limiter"
            )
        assert attempt.outcome is Outcome.SOLVED
        assert attempt.minutes == round(left.elapsed_seconds / 60)
        assert attempt.started_at == left.started_at
        assert offer_unfinished_sessions(context, window) == []  # offered once, not again
        window.close()
    finally:
        profile.close()


def test_a_session_put_off_until_later_is_offered_again_and_one_discarded_is_gone(
    context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = context.profile.folder.running_sessions_file
    started = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    left = RunningSession.of("left-by-a-crash", SUBJECT, SessionClock(started), started)
    save_running_session(file, left)
    choices = iter([Choice.LATER, Choice.DISCARD])
    monkeypatch.setattr(unfinished, "ask_about", lambda *_args: next(choices))

    assert offer_unfinished_sessions(context, None) == []
    assert running_sessions(file) == [left]
    assert offer_unfinished_sessions(context, None) == []
    assert running_sessions(file) == [] and not file.exists()
    with session_scope(context.profile.engine) as session:
        assert (
            practice_store.attempts_for_item(
                session=session, path_id="backend-senior", item_id="two-sum"
            )
            == []
        )


def test_a_damaged_record_is_ignored_rather_than_stopping_start_up(tmp_path: Path) -> None:
    file = tmp_path / "running-session.json"
    file.write_text('{"format": 1, "sessions": [{"key": "x"')
    assert running_sessions(file) == []


def test_the_question_says_how_long_the_session_had_run(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A duration, not a clock face: "00:00" beside a start time read as a time of day."""
    started = datetime(2026, 12, 5, 1, 1, tzinfo=UTC)
    running = RunningSession("k", SUBJECT, started, 725, True, (), started)
    shown: list[str] = []

    def answered(box: Any) -> int:
        shown.append(box.informativeText())
        return 0

    monkeypatch.setattr(unfinished.QMessageBox, "exec", answered)
    assert unfinished.ask_about(running, None) is Choice.LATER
    assert "had run for 12 min 5 s when it was last saved" in shown[0]
    stopped_at_once = RunningSession("k", SUBJECT, started, 0, True, (), started)
    unfinished.ask_about(stopped_at_once, None)
    assert "and had only just started when it was last saved" in shown[1]
