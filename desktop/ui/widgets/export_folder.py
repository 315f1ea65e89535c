"""The folder exports are offered in: the one the user last saved an export to, remembered
in the window state, or their Documents folder the first time."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

KEY = "exports/folder"


def export_folder(settings: QSettings) -> Path:
    remembered = str(settings.value(KEY, "", type=str) or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_export_folder(settings: QSettings, folder: Path) -> None:
    settings.setValue(KEY, str(folder))


def suggested_path(settings: QSettings, name: str) -> str:
    return str(export_folder(settings) / name)


def dated_name(stem: str, label: str, day: date, suffix: str) -> str:
    """ "loop-sheet-amazon-leadership-principles-2026-12-04.pdf": what, which, when."""
    spoken = re.sub(r"['\u2019]", "", label.casefold())  # "path's" becomes "paths"
    words = re.sub(r"[^a-z0-9]+", "-", spoken).strip("-")[:60].rstrip("-")
    return "-".join(part for part in (stem, words, day.isoformat()) if part) + suffix
