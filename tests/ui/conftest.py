"""Fixtures for widget tests: a themed QApplication, an AppContext on a temporary profile, a
page of the app on show, and an attempt edited from the practice log."""

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
from desktop.ui.page import ContextPage
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
