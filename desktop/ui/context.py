"""What every page needs from the app, handed in by the composition root (no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QSettings

from desktop.profile import Profile
from desktop.ui.events import ChangeBus


def utc_now() -> datetime:
    """Times are stored in UTC and shown in local time."""
    return datetime.now(UTC)


@dataclass
class AppContext:
    profile: Profile
    settings: QSettings
    events: ChangeBus = field(default_factory=ChangeBus)
    now: Callable[[], datetime] = utc_now

    @staticmethod
    def for_profile(profile: Profile) -> AppContext:
        settings = QSettings(str(profile.paths.ui_state_file), QSettings.Format.IniFormat)
        return AppContext(profile, settings)
