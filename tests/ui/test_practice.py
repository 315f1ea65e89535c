from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from desktop.domain.practice import AttemptSubject, Outcome
from desktop.domain.progress import ItemStatus
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.path.page import PathPage
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.quiz_dialog import QuizDialog
from desktop.ui.practice.session_window import PracticeSessionWindow
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.clock_face import clock_text
from tests.clocks import ManualClock

SUBJECT = AttemptSubject(
    "Design a Rate Limiter (API Throttling)",
    path_id="backend-senior",
    item_id="design-rate-limiter",
    kind="design",
    difficulty="medium",
    target_minutes=40,
)


def _finish_with(
    session_window: PracticeSessionWindow,
    context: AppContext,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
    fill: Callable[[FinishSessionDialog], None],
) -> None:
    """Finish the session, answering the finish dialog as `fill` does."""

    def answer(self: PracticeSessionWindow):  # type: ignore[no-untyped-def]
        dialog = FinishSessionDialog(
            self.subject, self.clock.started_at, self.clock.elapsed_seconds(clock.current),
            context.profile.taxonomy,
        )  # fmt: skip
        fill(dialog)
        return dialog.build_attempt()

    monkeypatch.setattr(PracticeSessionWindow, "ask_outcome", answer)
    session_window.finish()


@pytest.fixture
def manual_clock(context: AppContext) -> ManualClock:
    manual = ManualClock(context.now())
    context.set_clock(manual)
    return manual


def test_timer_counts_active_time_against_the_target(
    qtbot, context: AppContext, manual_clock: ManualClock
) -> None:
    window = PracticeSessionWindow(context, SUBJECT)
    qtbot.addWidget(window)
    manual_clock.advance(timedelta(minutes=12, seconds=5))
    window.refresh()
    assert window.elapsed.text() == "12:05"
    assert window.target.text() == "Target 40 min"
    window.toggle_pause()
    manual_clock.advance(timedelta(minutes=30))  # a coffee break is not practice
    window.refresh()
    assert window.elapsed.text() == "12:05" and window.target.text().startswith("Paused")
    window.toggle_pause()
    manual_clock.advance(timedelta(minutes=30))
    window.refresh()
    assert window.elapsed.text() == "42:05"
    assert window.target.text() == "Over the 40 min target by 02:05"
    assert clock_text(3725) == "1:02:05"


def test_finishing_logs_the_attempt_and_opens_a_retrospective(
    qtbot, context: AppContext, manual_clock: ManualClock, monkeypatch, open_window
) -> None:
    window = open_window()
    page = window.current_page()
    assert isinstance(page, PathPage)
    page.select_item("design-rate-limiter")
    session_window = page.start_practice("design-rate-limiter")
    assert isinstance(session_window, PracticeSessionWindow)
    manual_clock.advance(timedelta(minutes=37))

    def fill(dialog: FinishSessionDialog) -> None:
        dialog.choose(Outcome.PARTIAL, 2)
        for box in dialog.steps:
            box.setChecked(box.property("step") in {"requirements", "api", "data-model"})
        dialog.struggles.set_chosen(["communication"])

    _finish_with(session_window, context, manual_clock, monkeypatch, fill)
    entry_id = session_window.logged_entry
    assert entry_id is not None

    with session_scope(context.profile.engine) as session:
        (attempt,) = practice_store.attempts_for_item(
            session=session, path_id="backend-senior", item_id="design-rate-limiter"
        )
        entry = journal_store.get_entry(session=session, entry_id=entry_id)
        saved = progress_store.saved_progress(session=session, path_id="backend-senior")
    assert attempt.outcome is Outcome.PARTIAL and attempt.minutes == 37
    assert attempt.steps_covered == ("api", "data-model", "requirements")
    assert attempt.struggles == ("communication",)
    assert entry is not None and entry.attempt_id == attempt.id
    assert "Capacity estimation" in entry.body  # a design step that was missed
    assert saved["design-rate-limiter"].status is ItemStatus.IN_PROGRESS
    assert window.current_page().page_key == "journal"
    assert page.panel.practice_summary.text().startswith("Practised once. Last: ")
    assert "partial, 37 of 40 min" in page.panel.practice_summary.text()


def test_discarding_a_session_asks_first(qtbot, context: AppContext, monkeypatch) -> None:
    window = PracticeSessionWindow(context, SUBJECT)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(dialogs, "confirm", lambda *args: False)
    assert window.close() is False
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    assert window.close() is True


def test_the_quiz_runs_question_by_question_and_logs_the_score(qtbot, context: AppContext) -> None:
    quiz = context.profile.quiz("system-design-quiz")
    assert quiz is not None and len(quiz.questions) == 25
    subject = AttemptSubject("System design questions", "backend-senior", "system-design-quiz",
                             kind="quiz", target_minutes=30)  # fmt: skip
    dialog = QuizDialog(context, quiz, subject)
    qtbot.addWidget(dialog)
    for number, question in enumerate(quiz.questions):
        right = question.answer if number < 20 else (question.answer % len(question.choices)) + 1
        dialog.choose(right)
        dialog.check()
        assert question.explanation in dialog.feedback.text()
        dialog.advance()
    assert dialog.prompt.text() == "You got 20 of 25 right."
    missed = {topic for question in quiz.questions[20:] for topic in question.topics}
    shown = dialog.run.missed_topics()[:6]
    assert set(shown) <= missed
    assert all(context.profile.taxonomy.label(t) in dialog.feedback.text() for t in shown)
    assert not any(topic in dialog.feedback.text() for topic in missed if "-" in topic)
    dialog.log()
    with session_scope(context.profile.engine) as session:
        (attempt,) = practice_store.attempts_for_item(
            session=session, path_id="backend-senior", item_id="system-design-quiz"
        )
    assert (attempt.quiz_correct, attempt.quiz_total) == (20, 25)
    assert attempt.outcome is Outcome.SOLVED
    assert set(attempt.struggles) == missed  # taxonomy tags, which the weak spots count


def test_the_quiz_window_is_titled_as_its_path_item(
    qtbot, context: AppContext, open_window
) -> None:
    window = open_window()
    page = window.current_page()
    assert isinstance(page, PathPage)
    page.select_item("system-design-quiz")
    dialog = page.start_practice("system-design-quiz")
    assert isinstance(dialog, QuizDialog)
    item = page.checklist.find("system-design-quiz") if page.checklist else None
    assert item is not None and item.item.title == "System Design questions"
    quiz = context.profile.quiz("system-design-quiz")
    assert quiz is not None and quiz.title != item.item.title  # the file writes it otherwise
    assert dialog.windowTitle() == dialog.accessibleName() == "System Design questions"
    dialog.reject()


def test_checking_without_an_answer_asks_for_one(qtbot, context: AppContext) -> None:
    quiz = context.profile.quiz("system-design-quiz")
    assert quiz is not None
    dialog = QuizDialog(context, quiz, SUBJECT)
    qtbot.addWidget(dialog)
    dialog.check()
    assert dialog.feedback.text() == "Pick an answer first."
    assert dialog.run.answered == 0


def test_escape_asks_before_dropping_a_running_session(
    qtbot, context: AppContext, monkeypatch
) -> None:
    window = PracticeSessionWindow(context, SUBJECT)
    qtbot.addWidget(window)
    window.show()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, *_: asked.append(title) or False)
    window.reject()  # what Esc does
    assert window.isVisible() and asked == ["Discard this session?"]


def test_quitting_the_app_asks_while_a_session_runs(
    qtbot, context: AppContext, monkeypatch
) -> None:
    main = build_main_window(context)
    qtbot.addWidget(main)
    main.show()
    session_window = PracticeSessionWindow(context, SUBJECT, main)
    session_window.show()
    questions: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda _p, _t, text, _a: questions.append(text) or False
    )
    assert main.close() is False
    assert "practice session that is still running" in questions[0]
    assert session_window.isVisible()


def test_a_session_can_start_from_a_routine_and_is_logged_against_it(
    qtbot, context: AppContext, manual_clock: ManualClock, monkeypatch
) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    routine_menu = next(
        a.menu() for a in window.practice_menu.actions() if a.text() == "Start a &routine"
    )
    routine_menu.aboutToShow.emit()
    labels = [action.text().replace("&", "") for action in routine_menu.actions()]
    assert "System-design scenario  (once a week)" in labels
    routine_menu.actions()[0].trigger()
    session_window = window.findChild(PracticeSessionWindow)
    assert session_window is not None
    assert session_window.subject.routine_id == "weekly-system-design"
    assert session_window.subject.target_minutes == 45
    manual_clock.advance(timedelta(minutes=50))

    _finish_with(
        session_window, context, manual_clock, monkeypatch, lambda d: d.choose(Outcome.SOLVED, 4)
    )
    with session_scope(context.profile.engine) as session:
        (logged,) = practice_store.attempts_between(
            session=session,
            start=manual_clock.current - timedelta(days=1),
            end=manual_clock.current + timedelta(days=1),
        )
    assert logged.subject.routine_id == "weekly-system-design" and logged.minutes == 50


def test_a_mock_interview_is_logged_from_the_practice_menu(
    qtbot, context: AppContext, monkeypatch
) -> None:
    from desktop.ui.plan import mock_dialog
    from desktop.ui.plan.page import PlanPage

    window = build_main_window(context)
    qtbot.addWidget(window)
    asked: list[object] = []
    monkeypatch.setattr(
        mock_dialog, "ask_for_mock", lambda *args, **_kw: asked.append(args) or None
    )
    (action,) = [a for a in window.practice_menu.actions() if a.text() == "Log a &mock interview…"]
    action.trigger()
    assert len(asked) == 1
    assert isinstance(window.current_page(), PlanPage)
