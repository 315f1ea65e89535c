"""The first-start welcome: shown on an empty profile, gone once the user has data (and on
every later start), and its buttons do what they say."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import text

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.progress import ItemStatus
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.store.first_start import holds_user_data
from desktop.ui.context import AppContext
from desktop.ui.path.page import PathPage
from desktop.ui.path.welcome import WELCOMED_KEY
from desktop.ui.practice.free_session_dialog import FreeSessionDialog
from desktop.ui.practice.session_window import PracticeSessionWindow
from tests.ui.conftest import OpenWindow

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def _path_page(open_window: OpenWindow) -> PathPage:
    page = open_window().current_page()
    assert isinstance(page, PathPage)
    return page


def _started_by(
    button: QPushButton, monkeypatch: pytest.MonkeyPatch
) -> list[PracticeSessionWindow]:
    """Clicks the button and gives the practice session windows it opened."""
    started: list[PracticeSessionWindow] = []
    real_show = PracticeSessionWindow.show
    monkeypatch.setattr(
        PracticeSessionWindow, "show", lambda self: (started.append(self), real_show(self))
    )
    button.click()
    return started


def _first_to_do_title(page: PathPage) -> str:
    assert page.checklist is not None
    return next(
        entry.item.title
        for stage in page.checklist.stages
        for entry in stage.items
        if entry.status is ItemStatus.TODO
    )


def test_a_fresh_profile_is_welcomed(open_window: OpenWindow) -> None:
    page = _path_page(open_window)
    assert page.welcome.isVisible()
    assert page.welcome.start_button.isEnabled()
    assert _first_to_do_title(page) in page.welcome.start_button.toolTip()


def test_one_logged_session_ends_the_welcome_for_good(
    qtbot, context: AppContext, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _path_page(open_window)
    (session_window,) = _started_by(page.welcome.start_button, monkeypatch)
    started = session_window.subject
    assert started.item_id is not None and page._selected_item_id() == started.item_id
    assert started.title == _first_to_do_title(page)

    def answer(self: PracticeSessionWindow) -> Attempt:
        return Attempt(
            subject=self.subject,
            started_at=self.clock.started_at,
            active_seconds=600,
            outcome=Outcome.SOLVED,
            confidence=3,
        )

    monkeypatch.setattr(PracticeSessionWindow, "ask_outcome", answer)
    session_window.finish()
    assert not page.welcome.isVisible()

    with session_scope(context.profile.engine) as session:
        assert practice_store.attempts_for_item(
            session=session, path_id=started.path_id or "", item_id=started.item_id or ""
        )
    # Not on a later start either, even with everything the session wrote gone again.
    with session_scope(context.profile.engine) as session:
        for table in ("session_tag", "journal_entry", "status_change", "item_progress",
                      "practice_session"):  # fmt: skip
            session.execute(text(f"DELETE FROM {table}"))
        assert not holds_user_data(session=session)
    assert not _path_page(open_window).welcome.isVisible()


def test_a_profile_with_data_from_before_is_not_welcomed(
    context: AppContext, open_window: OpenWindow
) -> None:
    with session_scope(context.profile.engine) as session:
        journal_store.create_entry(
            session=session, draft=journal_store.EntryDraft(NOW.date(), "Notes", ""), now=NOW
        )
    assert not _path_page(open_window).welcome.isVisible()
    assert context.settings.value(WELCOMED_KEY, False, type=bool)


def test_hide_keeps_the_welcome_away_on_later_starts(open_window: OpenWindow) -> None:
    page = _path_page(open_window)
    page.welcome.hide_button.click()
    assert not page.welcome.isVisible()
    assert not _path_page(open_window).welcome.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup, off screen
def test_choose_a_learning_path_opens_the_path_list(qtbot, open_window: OpenWindow) -> None:
    page = _path_page(open_window)
    page.welcome.path_button.click()
    qtbot.waitUntil(lambda: page.path_picker.view().isVisible())
    assert page.path_picker.count() >= 3  # Backend, SRE / DevOps, ML Engineer
    page.path_picker.hidePopup()


def test_time_a_session_of_your_own_starts_a_free_session(
    context: AppContext, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _path_page(open_window)
    asked = AttemptSubject("Mock: LRU cache", kind="code", target_minutes=30)
    monkeypatch.setattr(FreeSessionDialog, "ask", classmethod(lambda cls, parent: asked))
    started = _started_by(page.welcome.own_button, monkeypatch)
    assert [window.subject for window in started] == [asked]
    started[0].discard_without_asking()


def test_data_that_arrives_whole_ends_the_welcome(
    context: AppContext, open_window: OpenWindow
) -> None:
    """A restore or an import re-reads every view: a profile that now holds only a story
    is not a first start any more."""
    from desktop.domain.stories import StoryDraft
    from desktop.store import stories as story_store
    from desktop.ui.safety.reopen import reread_everything

    window = open_window()
    page = window.current_page()
    assert isinstance(page, PathPage) and page.welcome.isVisible()
    with session_scope(context.profile.engine) as session:
        story_store.create_story(session=session, draft=StoryDraft(title="Outage"), now=NOW)
    reread_everything(window)
    assert not page.welcome.isVisible()
    assert context.settings.value(WELCOMED_KEY, False, type=bool)


def test_the_welcome_works_from_the_keyboard(
    qtbot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab goes from Hide through the three first steps in reading order, and Return on
    the first starts the session."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    page = open_window(active=True).current_page()
    assert isinstance(page, PathPage)
    welcome = page.welcome
    welcome.hide_button.setFocus()
    reached = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [welcome.start_button, welcome.path_button, welcome.own_button]
    started: list[PracticeSessionWindow] = []
    real_show = PracticeSessionWindow.show
    monkeypatch.setattr(
        PracticeSessionWindow, "show", lambda self: (started.append(self), real_show(self))
    )
    qtbot.keyClick(welcome.start_button, Qt.Key.Key_Return)
    assert [window.subject.title for window in started] == [_first_to_do_title(page)]
    started[0].discard_without_asking()


def test_a_quiz_file_of_the_users_from_before_is_not_welcomed(
    context: AppContext, open_window: OpenWindow
) -> None:
    folder = context.profile.folder.quiz_files_dir
    (folder / "my-quiz.toml").write_text("id = 'my-quiz'\n")  # bad or not, it is the user's
    assert not _path_page(open_window).welcome.isVisible()
    assert context.settings.value(WELCOMED_KEY, False, type=bool)


def test_importing_a_path_file_ends_the_welcome(
    tmp_path, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.widgets import dialogs
    from tests.samples import SMALL_PATH

    monkeypatch.setattr(dialogs, "tell", lambda *args: None)
    page = _path_page(open_window)
    assert page.welcome.isVisible()
    source = tmp_path / "mine.toml"
    source.write_text(SMALL_PATH)
    assert page.import_path(source)
    assert not page.welcome.isVisible()


def test_the_welcome_names_the_chosen_path_not_always_backend(open_window: OpenWindow) -> None:
    page = _path_page(open_window)
    page.select_path("ml-engineer")
    words = page.welcome.about.text()
    assert "the ML Engineer learning path" in words
    assert "backend" not in words.lower()
    page.select_path("backend-senior")
    assert "the Backend learning path" in page.welcome.about.text()
