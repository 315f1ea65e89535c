"""A folder a file picker remembers in the window state, under a key of its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def remembered_folder(settings: QSettings, key: str, first_time: Path) -> Path:
    """The folder last remembered under `key` if it is still there, else `first_time`."""
    remembered = str(settings.value(key, "", type=str) or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return first_time


def remember_folder(settings: QSettings, key: str, folder: Path) -> None:
    settings.setValue(key, str(folder))
