"""The folder a file picker starts in: the one the user last used for that kind of file,
kept in settings.toml so it lasts across restarts; their Documents folder (or home) the first
time or once that folder is gone, never the folder Loopwise happened to be started from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

from desktop.store.settings import FileKind

if TYPE_CHECKING:
    from desktop.ui.settings_store import SettingsStore


def first_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


@dataclass(frozen=True)
class RememberedFolder:
    """Where pickers for one kind of file start, and the way to move it."""

    preferences: SettingsStore
    kind: FileKind

    def folder(self) -> Path:
        remembered = self.preferences.last_folder(self.kind)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return first_folder()

    def remember(self, folder: Path) -> None:
        self.preferences.remember_folder(self.kind, str(folder))

    def suggested(self, name: str) -> str:
        """`name` in the folder, for a save picker to offer."""
        return str(self.folder() / name)
