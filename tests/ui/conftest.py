"""Fixtures for widget tests: a themed QApplication and an AppContext on a temporary profile."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.profile import Profile
from desktop.ui.context import AppContext
from desktop.ui.theme import Scheme, apply_theme


class StepClock:
    """A clock that moves one minute per reading, so every change has its own time."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        self.current += timedelta(minutes=1)
        return self.current


@pytest.fixture
def themed_app(qapp: QApplication) -> QApplication:
    apply_theme(qapp, Scheme.LIGHT)
    return qapp


@pytest.fixture
def context(themed_app: QApplication, profile: Profile) -> Iterator[AppContext]:
    settings = QSettings(str(profile.paths.ui_state_file), QSettings.Format.IniFormat)
    yield AppContext(profile, settings, now=StepClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
