"""The window's one way to read and change the user's preferences, and hear of changes.

Each read goes to settings.toml (a few hundred bytes), so what the Backups dialog or the command
line wrote is never hidden behind a stale copy. The weekly budget lives in the plan, in the
database, and is written through the app's one write path so the Plan page hears of it.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from pydantic import BaseModel
from PySide6.QtCore import QObject, QSettings, Signal

from desktop.domain.data_file import DataFileError
from desktop.store.settings import (
    FileKind,
    Settings,
    StreakSettings,
    load_settings,
    update_settings,
)

if TYPE_CHECKING:
    from desktop.ui.context import AppContext

# Where earlier versions kept a preference in the window's state file (ui-state.ini).
OLD_REST_DAYS_KEY = "trends/rest_days"
# The folders file pickers started in, before each kind of file had its own in settings.toml:
# exports (data and documents alike) and opens.
OLD_FOLDER_KEYS: dict[str, tuple[FileKind, ...]] = {
    "exports/folder": ("data", "documents"),
    "files/open_folder": ("learning",),
}


class SettingsStore(QObject):
    changed = Signal()  # after any preference was saved

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self._path = context.profile.folder.settings_file

    def read(self) -> Settings:
        return load_settings(self._path).settings

    def first_weekday(self) -> int:
        """The day weeks start on (0 Monday ... 6 Sunday), for pages to pass to the domain."""
        return self.read().calendar.first

    def file_error(self) -> DataFileError | None:
        """Why the file could not be used, if it could not (the defaults then stand in)."""
        return load_settings(self._path).error

    def update(self, **sections: BaseModel) -> Settings:
        """Save the given sections (raises OSError if the file cannot be written)."""
        saved = update_settings(self._path, **sections)
        self.changed.emit()
        return saved

    def last_folder(self, kind: FileKind) -> str:
        """The folder files of `kind` were last saved to or picked from ("" if none yet)."""
        return str(getattr(self.read().folders, kind))

    def remember_folder(self, kind: FileKind, folder: str) -> None:
        """Keep where the user went for `kind`. Quietly: no view shows it, so nothing needs
        telling, and a failure to keep it costs only a picker starting elsewhere next time.
        A settings file that cannot be used is left as the user wrote it."""
        loaded = load_settings(self._path)
        if loaded.error is not None:
            return
        folders = loaded.settings.folders.model_copy(update={kind: folder})
        with contextlib.suppress(OSError):
            update_settings(self._path, folders=folders)

    def weekly_hours(self) -> int:
        from desktop.store import plan as plan_store
        from desktop.store.database import session_scope

        with session_scope(self._context.profile.engine) as session:
            return plan_store.hours_per_week(session=session)

    def set_weekly_hours(self, hours: int) -> None:
        """Raises WriteFailed, as every write from the window does."""
        from desktop.store import plan as plan_store

        self._context.perform(
            lambda session: plan_store.set_hours_per_week(session=session, hours=hours),
            "saving the weekly budget",
        )

    def adopt_old_places(self, ui_state: QSettings) -> None:
        """Move preferences earlier versions kept with the window's state into settings.toml,
        once, keeping the user's value."""
        self._adopt_old_folders(ui_state)
        old = ui_state.value(OLD_REST_DAYS_KEY)
        if old is None:
            return
        try:
            rest_days = int(str(old))
            self.update(streaks=StreakSettings(rest_days=rest_days))
        except ValueError:
            pass  # out of range or not a number: the default stands, as it did before
        except OSError:
            return  # not moved: try again next time rather than lose the value
        ui_state.remove(OLD_REST_DAYS_KEY)

    def _adopt_old_folders(self, ui_state: QSettings) -> None:
        for key, kinds in OLD_FOLDER_KEYS.items():
            old = str(ui_state.value(key, "") or "")
            if not old:
                continue
            for kind in kinds:
                if not self.last_folder(kind):
                    self.remember_folder(kind, old)
            ui_state.remove(key)
