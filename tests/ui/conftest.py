"""Fixtures for widget tests: a themed QApplication, an AppContext on a temporary profile, a
page or the whole window of the app on show, and an attempt edited from the practice log."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.domain.practice import Attempt
from desktop.profile import Profile
from desktop.store import practice as practice_store
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.page import ContextPage
from desktop.ui.pages import build_main_window
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.log_page import PracticeLogPage
from desktop.ui.theme import Scheme, apply_theme
from tests.samples import read_back


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


OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot, context: AppContext) -> OpenWindow:
    """Builds the main window on the test profile and shows it (at `size` where given); with
    `active`, waits until it is the active window, as one the user has just opened."""

    def open_(*, size: tuple[int, int] | None = None, active: bool = False) -> MainWindow:
        window = build_main_window(context)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        if active:
            with qtbot.waitActive(window):
                window.show()
                window.activateWindow()
        else:
            window.show()
        return window

    return open_


EditAttempt = Callable[[PracticeLogPage, int, Callable[[FinishSessionDialog], None]], Attempt]


@pytest.fixture
def edit_selected_attempt(context: AppContext, monkeypatch: pytest.MonkeyPatch) -> EditAttempt:
    """Edits the log's selected attempt as a user would: the dialog opens, `change` is made in
    it and it is accepted; gives the attempt as stored afterwards."""

    def edit(
        page: PracticeLogPage, attempt_id: int, change: Callable[[FinishSessionDialog], None]
    ) -> Attempt:
        def exec_and_change(dialog: FinishSessionDialog) -> int:
            change(dialog)
            dialog._try_accept()
            return 1

        monkeypatch.setattr(FinishSessionDialog, "exec", exec_and_change)
        page.edit_selected()
        return read_back(
            context.profile.engine,
            lambda s: practice_store.get_attempt(session=s, attempt_id=attempt_id),
        )

    return edit
