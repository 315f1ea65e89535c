"""The Backups dialog over a main window, once its check of the backups has come back."""

from __future__ import annotations

from typing import Any

from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.safety.backups_dialog import BackupsDialog
from desktop.ui.widgets.waiting import wait_until


def checked_backups_dialog(qtbot: Any, context: AppContext) -> BackupsDialog:
    window = build_main_window(context)
    qtbot.addWidget(window)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert wait_until(lambda: dialog.damaged is not None), "the check never came back"
    return dialog
