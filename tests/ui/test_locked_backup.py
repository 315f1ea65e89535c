"""The automatic backup meets a database another program holds locked: it waits a bounded
time on its worker thread, then says so in the status bar, and leaves nothing behind."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.store import locks
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.safety.periodic import back_up_when_due
from desktop.ui.widgets.waiting import wait_until
from tests.backup_files import locked_by_another_program


def test_the_automatic_backup_says_another_program_holds_the_file(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locks, "LOCK_WAIT_SECONDS", 1.0)
    window = build_main_window(context)
    qtbot.addWidget(window)
    folder = context.profile.folder
    context.profile.engine.dispose()

    with locked_by_another_program(folder.database):
        future = back_up_when_due(window)
        assert wait_until(future.done, timeout_seconds=30)
        QApplication.processEvents()

    assert "another program is using loopwise.sqlite3" in window.statusBar().currentMessage()
    assert not folder.backups_dir.exists() or list(folder.backups_dir.iterdir()) == []
