from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from desktop import __version__
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import practice as practice_store
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from tests.failures import SQLITE_FULL, sqlite_failure

CTRL = Qt.KeyboardModifier.ControlModifier


def _attempt() -> Attempt:
    return Attempt(
        subject=AttemptSubject(title="Two Sum", target_minutes=15),
        started_at=datetime(2026, 11, 2, 8, 0, tzinfo=UTC),
        active_seconds=900,
        outcome=Outcome.SOLVED,
        confidence=4,
    )


def test_window_remembers_geometry_and_last_page(qtbot, context: AppContext, open_window) -> None:
    window = open_window()
    window.resize(780, 540)  # the offscreen screen is only 800x600
    window.show_page("path")
    window.close()

    reopened_settings = QSettings(
        str(context.profile.folder.ui_state_file), QSettings.Format.IniFormat
    )
    again = build_main_window(AppContext(context.profile, reopened_settings))
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (780, 540)
    assert again.current_page().page_key == "path"


def test_menus_offer_the_standard_actions(qtbot, context: AppContext) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    labels = {
        action.text().replace("&", "")
        for menu in window.menuBar().findChildren(type(window.file_menu))
        for action in menu.actions()
    }
    assert {"Import path file…", "Quit", "Find…", "About Loopwise", "Full screen"} <= labels
    quit_action = window.quit_action
    assert not quit_action.shortcut().isEmpty()


def test_find_shortcut_focuses_the_filter(qtbot, context: AppContext, open_window) -> None:
    window = open_window()
    qtbot.waitExposed(window)
    window.find_action.trigger()
    page = window.current_page()
    assert window.focusWidget() is page.search  # type: ignore[attr-defined]


def test_about_dialog_names_version_and_data_folder(qtbot, context: AppContext) -> None:
    dialog = AboutDialog(context.profile.folder)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in texts
    assert str(context.profile.folder.data_dir) in texts
    assert all(
        button.accessibleName() or button.text() for button in dialog.findChildren(QAbstractButton)
    )


def test_closing_saves_notes_being_typed(qtbot, context: AppContext, open_window) -> None:
    window = open_window()
    page = window.current_page()
    assert page.select_item("3sum")  # type: ignore[attr-defined]
    page.panel.notes_editor.setPlainText("typed just before closing")  # type: ignore[attr-defined]
    window.close()  # no pause for the autosave timer

    from desktop.store import progress as progress_store
    from desktop.store.database import session_scope

    with session_scope(context.profile.engine) as session:
        saved = progress_store.saved_progress(session=session, path_id="backend-senior")
    assert saved["3sum"].notes == "typed just before closing"


def test_switching_to_dark_recolours_the_window(
    qtbot, context: AppContext, themed_app, open_window
) -> None:
    from desktop.ui.theme import Scheme, apply_theme

    window = open_window()
    before = window.navigation.item(0).icon().pixmap(18, 18).toImage()
    apply_theme(themed_app, Scheme.DARK)
    assert window.palette().window().color().lightness() < 80
    after = window.navigation.item(0).icon().pixmap(18, 18).toImage()
    assert before != after
    apply_theme(themed_app, Scheme.LIGHT)


def test_closing_with_unsaved_notes_asks_first(
    qtbot, context: AppContext, monkeypatch, open_window
) -> None:

    from desktop.store import progress as progress_store
    from desktop.ui.widgets import dialogs

    def disk_full(**_kwargs: object) -> None:
        raise sqlite_failure(SQLITE_FULL)

    asked: list[str] = []

    def keep_open(_parent, _title, question, _action) -> bool:
        asked.append(question)
        return False

    monkeypatch.setattr(progress_store, "set_notes", disk_full)
    monkeypatch.setattr(dialogs, "confirm", keep_open)
    window = open_window()
    page = window.current_page()
    page.select_item("3sum")  # type: ignore[attr-defined]
    page.panel.notes_editor.setPlainText("precious")  # type: ignore[attr-defined]
    assert window.close() is False
    assert window.isVisible() and asked and "Learning path" in asked[0]
    monkeypatch.undo()
    assert window.close() is True


def test_new_journal_entry_works_from_any_page(qtbot, context: AppContext, open_window) -> None:
    window = open_window()
    assert window.current_page().page_key == "path"
    new_entry = next(
        a for a in window.file_menu.actions() if a.text().replace("&", "") == "New journal entry"
    )
    assert new_entry.shortcut().toString() == "Ctrl+N"
    new_entry.trigger()
    journal = window.current_page()
    assert journal.page_key == "journal"
    assert journal.editor.entry_id is not None  # type: ignore[attr-defined]


def _press_in_sidebar(qtbot, window, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A real key press while the sidebar has the focus, as after Ctrl+4 or a click on it."""
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, key, modifiers)


def test_page_shortcuts_work_while_the_sidebar_has_the_focus(
    qtbot, context: AppContext, open_window
) -> None:
    from desktop.store import stories as story_store
    from desktop.store.database import session_scope

    window = open_window(active=True)

    window.show_page("stories")
    _press_in_sidebar(qtbot, window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    with session_scope(context.profile.engine) as session:
        assert len(story_store.all_stories(session=session)) == 1

    # The Practice log's Ctrl+Z brings back a deleted attempt; Stories' Ctrl+Z is off meanwhile.
    window.show_page("practice")
    log = window.page("practice")
    with context.writing() as session:
        practice_store.log_attempt(session=session, attempt=_attempt(), now=context.now())
    context.events.sessions_changed.emit()
    log.table.selectRow(0)  # type: ignore[attr-defined]
    log.delete_selected()  # type: ignore[attr-defined]
    assert log.table.model().rowCount() == 0  # type: ignore[attr-defined]
    _press_in_sidebar(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert log.table.model().rowCount() == 1  # type: ignore[attr-defined]
