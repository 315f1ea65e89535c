"""The folder a file picker for opening (an import, a restore) starts in: the one the user
last picked from, remembered in the window state, or their home folder the first time (never
the folder Loopwise happened to be started from)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.ui.widgets.remembered_folder import remember_folder, remembered_folder

KEY = "files/open_folder"


def open_folder(settings: QSettings) -> Path:
    return remembered_folder(settings, KEY, Path.home())


def remember_open_folder(settings: QSettings, folder: Path) -> None:
    remember_folder(settings, KEY, folder)
