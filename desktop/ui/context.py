"""What every page needs from the app, handed in by the composition root (no globals)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QSettings
from sqlmodel import Session

from desktop.profile import Profile
from desktop.store.database import session_scope
from desktop.store.errors import SAVE_ERRORS, WriteFailed, explain
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

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One session for one user action; a failure becomes WriteFailed with a plain reason."""
        try:
            with session_scope(self.profile.engine) as session:
                yield session
        except SAVE_ERRORS as error:
            raise WriteFailed(explain(error)) from error
