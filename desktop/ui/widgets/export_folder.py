"""The folder exports are offered in: the one the user last saved an export to, remembered
in the window state, or their Documents folder the first time."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from desktop.ui.widgets.remembered_folder import remember_folder, remembered_folder

KEY = "exports/folder"


def export_folder(settings: QSettings) -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    first_time = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    return remembered_folder(settings, KEY, first_time)


def remember_export_folder(settings: QSettings, folder: Path) -> None:
    remember_folder(settings, KEY, folder)


def suggested_path(settings: QSettings, name: str) -> str:
    return str(export_folder(settings) / name)


def dated_name(stem: str, label: str, day: date, suffix: str) -> str:
    """ "loop-sheet-amazon-leadership-principles-2026-12-04.pdf": what, which, when."""
    spoken = re.sub(r"['\u2019]", "", label.casefold())  # "path's" becomes "paths"
    words = re.sub(r"[^a-z0-9]+", "-", spoken).strip("-")[:60].rstrip("-")
    return "-".join(part for part in (stem, words, day.isoformat()) if part) + suffix
