"""Fixtures for widget tests: a themed QApplication and an AppContext on a temporary profile."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.profile import Profile
from desktop.ui.context import AppContext
from desktop.ui.theme import Scheme, apply_theme


@pytest.fixture
def themed_app(qapp: QApplication) -> QApplication:
    apply_theme(qapp, Scheme.LIGHT)
    return qapp


@pytest.fixture
def context(themed_app: QApplication, profile: Profile) -> Iterator[AppContext]:
    settings = QSettings(str(profile.paths.ui_state_file), QSettings.Format.IniFormat)
    context = AppContext(profile, settings)
    yield context
    context.workers.shut_down()
