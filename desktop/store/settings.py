"""The profile's settings file (settings.toml): the user's preferences, in one place.

Window geometry and view choices stay in QSettings (ui-state.ini). What the user chooses in
Preferences lives here (the theme, the first day of the week, rest days that keep a streak,
backup retention), so the command line and the app read the same. The weekly budget is the
one exception: it is part of the plan in the database, so it travels with an export and comes
back with a backup.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from desktop.domain.backups import ThinningPolicy
from desktop.domain.data_file import DataFileError, read_model
from desktop.domain.dates import WEEK_STARTS, WeekStart
from desktop.domain.streaks import MAX_REST_DAYS

_DEFAULT_POLICY = ThinningPolicy()


class BackupSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # `true` is not a number of days

    keep_all_days: int = Field(default=_DEFAULT_POLICY.keep_all_days, ge=0, le=365)
    daily_days: int = Field(default=_DEFAULT_POLICY.daily_days, ge=0, le=3650)

    @property
    def policy(self) -> ThinningPolicy:
        # "one a day up to N days" cannot end before "every backup for M days" does.
        return ThinningPolicy(self.keep_all_days, max(self.daily_days, self.keep_all_days))


ThemeChoice = Literal["system", "light", "dark"]


class AppearanceSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    # "system" follows the desktop's colour scheme; a desktop that reports none reads as light.
    theme: ThemeChoice = "system"


class CalendarSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    # Weeks are worked out from the days items are planned on, so changing this regroups the
    # plan, the weekly review and the Trends calendar without touching what is stored.
    first_weekday: WeekStart = "monday"

    @property
    def first(self) -> int:
        """The first day of the week as Python numbers weekdays (0 Monday ... 6 Sunday)."""
        return WEEK_STARTS[self.first_weekday]


class StreakSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    rest_days: int = Field(default=1, ge=0, le=MAX_REST_DAYS)  # days off a week, streak kept


FileKind = Literal["data", "documents", "learning"]


class FolderSettings(BaseModel):
    """The folder each kind of file was last saved to or picked from, so a file picker opens
    there again (an import right after an export starts where the export went)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    data: str = ""  # Loopwise exports and imports, Markdown notes, backup files
    documents: str = ""  # story bank and loop sheet exports (Markdown, PDF)
    learning: str = ""  # learning path and quiz files


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # `true` is not a number of days

    appearance: AppearanceSettings = Field(default_factory=AppearanceSettings)
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    streaks: StreakSettings = Field(default_factory=StreakSettings)
    backups: BackupSettings = Field(default_factory=BackupSettings)
    folders: FolderSettings = Field(default_factory=FolderSettings)


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    error: DataFileError | None = None  # why the file was not used: the defaults stand in

    @property
    def problem(self) -> str | None:
        """The reason in one line, with the file's whole path (the command line's form)."""
        if self.error is None:
            return None
        return f"The settings file cannot be used ({self.error}), so the defaults apply."


def load_settings(path: Path) -> LoadedSettings:
    """The settings in `path`; the defaults if it is missing or cannot be used (and why)."""
    if not path.exists():
        return LoadedSettings(Settings())
    try:
        return LoadedSettings(read_model(path, Settings, inside=path.parent))
    except DataFileError as error:
        return LoadedSettings(Settings(), error)


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings as TOML, replacing the file in one step (never half-written)."""
    lines: list[str] = []
    for section, values in settings.model_dump().items():
        lines.append(f"[{section}]")
        # Settings hold numbers, booleans and plain strings, which JSON writes as TOML does.
        lines.extend(f"{key} = {json.dumps(value)}" for key, value in values.items())
        lines.append("")
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text("\n".join(lines), encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def update_settings(path: Path, **sections: BaseModel) -> Settings:
    """Read the file, replace the given sections and write it back, so each place that sets
    one choice (Preferences, the Backups dialog, a page) keeps every other choice as it is.

    A file that could not be used is kept beside the new one, never written over: it holds
    what the user wrote, and they may want to copy a choice back out of it."""
    loaded = load_settings(path)
    changed = loaded.settings.model_copy(update=sections)
    Settings.model_validate(changed.model_dump())  # a section of the wrong kind fails here
    if loaded.error is not None:
        keep_unusable(path)
    save_settings(path, changed)
    return changed


def unusable_copy_name(path: Path) -> Path:
    """Where an unusable settings file is kept: settings.unusable.toml, then -2, -3, ..."""
    target = path.with_name(f"{path.stem}.unusable{path.suffix}")
    counter = 1
    while target.exists() or target.is_symlink():
        counter += 1
        target = path.with_name(f"{path.stem}.unusable-{counter}{path.suffix}")
    return target


def keep_unusable(path: Path) -> Path:
    """Rename the unusable file out of the way (a link is moved, not what it points to)."""
    target = unusable_copy_name(path)
    path.rename(target)
    return target
