"""The whole app started on a data folder and stopped again, as the end-to-end journeys use it
(each start reads what the last one saved)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QSettings

from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.page import Page
from desktop.ui.pages import build_main_window
from tests.clocks import StepClock

P = TypeVar("P", bound=Page)


def start_app(
    folder: ProfileFolder,
    page_key: str,
    kind: type[P],
    *,
    clock: Callable[[], datetime] | None = None,
    show: bool = True,
) -> tuple[MainWindow, P]:
    """The main window on the profile in `folder`, on show, and its page `page_key` (brought
    forward unless `show` is False)."""
    profile = open_profile(folder, clock=clock or StepClock())
    settings = QSettings(str(folder.ui_state_file), QSettings.Format.IniFormat)
    window = build_main_window(AppContext(profile, settings))
    window.show()
    return window, window.open_page(page_key, kind, show=show)


def stop_app(window: MainWindow) -> None:
    """Close the window and its profile, as quitting does."""
    window.close()
    window.context.profile.close()
    window.deleteLater()
