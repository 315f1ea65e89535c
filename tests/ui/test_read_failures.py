"""A read that fails is told over the window, centred on it; one that fails because the file is
damaged says so and what to do, and leaves the telling to the recovery question while the
integrity check after start-up runs or once it has asked."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.app import show_main_window
from desktop.store.backup import backup_database
from desktop.ui import startup
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from desktop.ui.read_failures import tell_read_failure
from desktop.ui.safety import integrity_watch
from desktop.ui.safety.damage_state import DamageState, set_damage_state
from desktop.ui.safety.periodic import back_up_when_due
from desktop.ui.startup import Recovery
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.waiting import wait_until
from tests.backup_files import add_rows, damage

SQLITE_BUSY = 5
SQLITE_CORRUPT = 11


def failure(code: int) -> sqlite3.DatabaseError:
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorcode = code
    return error


class Told:
    """The boxes tell_problem would have shown: (parent, title, message)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.boxes: list[tuple[Any, str, str]] = []
        monkeypatch.setattr(dialogs, "tell_problem", lambda *box: self.boxes.append(box))


def test_damage_read_while_the_recovery_question_is_up_raises_no_box_of_its_own(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = context.profile.folder
    add_rows(folder.database, entries=400)
    backup_database(
        folder.database, folder.backups_dir, "periodic", now=context.now() - timedelta(hours=2)
    )
    damage(folder.database)
    told = Told(monkeypatch)
    asked: list[bool] = []

    def ask(_problem: Any, _found: Any, _passed_over: Any, parent: MainWindow) -> Recovery:
        # A page's read trips over the damage while the question is up.
        tell_read_failure(parent.pages[-1], "read your practice log", failure(SQLITE_CORRUPT))
        asked.append(True)
        return Recovery.QUIT

    monkeypatch.setattr(startup, "ask_about_database_problem", ask)
    window = show_main_window(context, offer_recovery=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert told.boxes == []


def test_damage_read_before_the_check_reports_leaves_the_telling_to_it(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Told(monkeypatch)
    started: list[bool] = []
    # The check, once started, has not reported yet: it would ask about the damage.
    monkeypatch.setattr(integrity_watch, "check_whole_database", lambda _w: started.append(True))
    window = show_main_window(context, offer_recovery=False)
    qtbot.addWidget(window)
    # The page the window opens on reads at once, before the check or while it runs.
    tell_read_failure(window.pages[0], "read your practice log", failure(SQLITE_CORRUPT))
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    tell_read_failure(window.pages[0], "read your practice log", failure(SQLITE_CORRUPT))
    assert told.boxes == []


def test_a_dialog_over_the_window_knows_of_the_damage_too(
    open_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Told(monkeypatch)
    window = open_window()
    set_damage_state(window, DamageState.KNOWN)  # the recovery question is up
    dialog = QDialog(window)  # a week's review, say
    tell_read_failure(dialog, "read the week for its review", failure(SQLITE_CORRUPT))
    assert told.boxes == []


def test_damage_found_later_is_told_once_over_the_window_with_what_to_do(
    open_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Told(monkeypatch)
    window = open_window()
    page = window.pages[-1]
    tell_read_failure(page, "read your practice log", failure(SQLITE_CORRUPT))
    tell_read_failure(page, "read your practice log", failure(SQLITE_CORRUPT))
    ((parent, title, message),) = told.boxes
    assert parent is window
    assert title == "Your data file is damaged"
    assert "the database file is damaged" in message and "File > Backups…" in message
    assert "try again in a moment" not in message
    assert "damaged" in window.statusBar().currentMessage()


def test_a_read_failure_box_is_placed_over_the_window_not_over_a_page(
    open_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(size=(1280, 800))
    page = next(p for p in window.pages if not p.isVisible())  # a page not at the front
    shown: list[tuple[Any, str]] = []

    def exec_(box: QMessageBox) -> int:
        box.show()
        shown.append((box.parentWidget(), box.text()))
        box.close()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    tell_read_failure(page, "read your practice log", failure(SQLITE_BUSY))
    ((parent, text),) = shown
    assert parent is window  # Qt centres a box on its parent: the window, not a page in it
    assert "another program is using the database" in text and "try again in a moment" in text


def test_damage_the_hourly_backup_found_is_not_told_again_by_a_read(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Told(monkeypatch)
    window = build_main_window(context)
    qtbot.addWidget(window)
    with context.profile.folder.database.open("r+b") as handle:  # a failing disk
        handle.write(b"\x00" * 100)
    future = back_up_when_due(window)
    assert wait_until(future.done)
    qtbot.waitUntil(lambda: bool(told.boxes), timeout=10_000)
    tell_read_failure(window.pages[0], "read your practice log", failure(SQLITE_CORRUPT))
    assert [title for _parent, title, _message in told.boxes] == ["Backup not made"]
