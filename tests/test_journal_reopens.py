"""The journal after a restart opens the entry the user left open, as a native notes app does,
not an empty editor."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from tests.clocks import StepClock, start_day


def _start(folder: ProfileFolder) -> MainWindow:
    profile = open_profile(folder, clock=StepClock())
    settings = QSettings(str(folder.ui_state_file), QSettings.Format.IniFormat)
    window = build_main_window(AppContext(profile, settings))
    window.show()
    return window


def _stop(window: MainWindow) -> None:
    window.close()
    window.context.profile.close()
    window.deleteLater()


def _journal(window: MainWindow) -> JournalPage:
    return window.open_page("journal", JournalPage)


def _written(journal: JournalPage, day: date) -> int | None:
    """A new entry the user wrote in (one left untouched is dropped when another opens)."""
    entry_id = journal.new_entry(entry_date=day)
    journal.editor.markdown.editor.setPlainText("Written in.")
    return entry_id


def test_the_entry_left_open_is_open_again_after_a_restart(qtbot, tmp_path: Path) -> None:
    folder = ProfileFolder(tmp_path / "profile")
    window = _start(folder)
    journal = _journal(window)
    older = journal.new_entry(entry_date=start_day() - timedelta(days=70))
    journal.editor.markdown.editor.setPlainText("Heaps, a second time.")
    journal.new_entry(entry_date=start_day())
    assert older is not None and journal.open_entry(older)
    window.show_page("plan")  # the journal is not the page on show at the close
    _stop(window)

    window = _start(folder)
    journal = _journal(window)
    assert journal.editor.entry_id == older
    assert journal.right.currentWidget() is journal.editor
    assert journal.editor.markdown.text() == "Heaps, a second time."
    assert journal.model.row_of(older) == journal.list.currentIndex().row() >= 0
    _stop(window)


def test_without_the_remembered_entry_the_newest_up_to_today_opens(qtbot, tmp_path: Path) -> None:
    folder = ProfileFolder(tmp_path / "profile")
    window = _start(folder)
    journal = _journal(window)
    today = start_day()
    remembered = _written(journal, today - timedelta(days=40))
    newest_so_far = _written(journal, today - timedelta(days=10))
    oldest = _written(journal, today - timedelta(days=90))
    planned = _written(journal, today + timedelta(days=30))  # written ahead
    assert remembered is not None and journal.open_entry(remembered)
    _stop(window)
    profile = open_profile(folder, clock=StepClock())
    with session_scope(profile.engine) as session:  # gone since, say by a restored backup
        journal_store.delete_entry(session=session, entry_id=remembered)
    profile.close()

    window = _start(folder)
    journal = _journal(window)
    assert journal.editor.entry_id == newest_so_far
    _stop(window)

    profile = open_profile(folder, clock=StepClock())
    with session_scope(profile.engine) as session:  # only the one written ahead is left
        for entry_id in (newest_so_far, oldest):
            assert entry_id is not None
            journal_store.delete_entry(session=session, entry_id=entry_id)
    profile.close()
    window = _start(folder)
    assert _journal(window).editor.entry_id == planned
    _stop(window)
