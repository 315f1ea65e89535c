"""The automatic backup of a new, empty profile is made quietly: backing up nothing is not
news. Once there is something of the user's, the status bar says it was backed up."""

from __future__ import annotations

from typing import Any

from desktop.store.backup import list_backups
from desktop.store.journal import EntryDraft, create_entry
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from desktop.ui.safety.periodic import back_up_when_due
from desktop.ui.widgets.waiting import wait_until

BACKED_UP = "Your data was backed up."


def _window(qtbot: Any, context: AppContext) -> tuple[MainWindow, list[str]]:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    return window, said


def test_a_new_profile_is_backed_up_without_a_word(qtbot: Any, context: AppContext) -> None:
    window, said = _window(qtbot, context)

    future = back_up_when_due(window)

    assert wait_until(future.done)
    qtbot.wait(100)  # time for the result to come back to the UI thread
    assert len(list_backups(context.profile.folder.backups_dir)) == 1  # still made
    assert BACKED_UP not in said


def test_a_profile_with_an_entry_says_it_was_backed_up(qtbot: Any, context: AppContext) -> None:
    with context.writing() as session:
        draft = EntryDraft(entry_date=context.today(), title="First", body="Hello")
        create_entry(session=session, draft=draft, now=context.now())
    window, said = _window(qtbot, context)

    back_up_when_due(window)

    qtbot.waitUntil(lambda: BACKED_UP in said)
