"""The folder a file picker for opening (an import, a restore) starts in: the one the user
last picked from, remembered in the window state, or their home folder the first time (never
the folder Loopwise happened to be started from)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "files/open_folder"


def open_folder(settings: QSettings) -> Path:
    remembered = str(settings.value(KEY, "", type=str) or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return Path.home()


def remember_open_folder(settings: QSettings, folder: Path) -> None:
    settings.setValue(KEY, str(folder))
