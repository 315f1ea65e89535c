"""Fixtures for widget tests: a themed QApplication, an AppContext on a temporary profile, and
a page of the app on show."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.profile import Profile
from desktop.ui.context import AppContext
from desktop.ui.page import ContextPage
from desktop.ui.theme import Scheme, apply_theme


@pytest.fixture
def themed_app(qapp: QApplication) -> QApplication:
    apply_theme(qapp, Scheme.LIGHT)
    return qapp


@pytest.fixture
def context(themed_app: QApplication, profile: Profile) -> Iterator[AppContext]:
    settings = QSettings(str(profile.folder.ui_state_file), QSettings.Format.IniFormat)
    context = AppContext(profile, settings)
    yield context
    context.workers.shut_down()


P = TypeVar("P", bound=ContextPage)


@pytest.fixture
def open_page(qtbot, context: AppContext) -> Callable[[type[P], tuple[int, int]], P]:
    """Builds a page on the test profile and shows it, as the window would at that size."""

    def open_(page_class: type[P], size: tuple[int, int] = (1200, 800)) -> P:
        page = page_class(context)
        qtbot.addWidget(page)
        page.restore_state(context.settings)
        page.resize(*size)
        page.show()
        return page

    return open_
