"""Enter presses the focused button in the main window, as Space does (and as in dialogs)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from desktop.ui.plan.page import PlanPage
from desktop.ui.trends.page import TrendsPage
from tests.ui.test_trends_page import _struggling_with_dp

pytestmark = pytest.mark.any_date


def _focus(qtbot, window: QWidget, button: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The focus on `button`, as Tab would bring it, in the active window."""
    window.activateWindow()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)


def _focused_attempts_button(qtbot, open_window, context: AppContext) -> TrendsPage:  # type: ignore[no-untyped-def]
    """The Trends page with the focus on its top weak spot's Attempts button."""
    _struggling_with_dp(context)
    window = open_window(size=(1200, 800), active=True)
    page = window.open_page("trends", TrendsPage)
    qtbot.waitUntil(lambda: bool(page.weak_spot_rows) and page.weak_spot_rows[0].isVisible())
    button = page.weak_spot_rows[0].show_button
    _focus(qtbot, window, button)
    assert page.details.count() == 0
    return page


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_a_focused_row_button_presses_it(
    qtbot, open_window, context: AppContext, key: Qt.Key
) -> None:
    page = _focused_attempts_button(qtbot, open_window, context)
    qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: page.details.count() == 5)  # its attempts, listed


def test_ctrl_enter_is_left_alone(qtbot, open_window, context: AppContext) -> None:
    page = _focused_attempts_button(qtbot, open_window, context)
    button = page.weak_spot_rows[0].show_button
    qtbot.keyClick(button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(300)  # animateClick fires after a short delay: give it the time
    assert page.details.count() == 0


def test_enter_on_a_split_button_presses_its_main_part(
    qtbot, open_window, context: AppContext
) -> None:
    """The journal's New entry has its templates behind an arrow; Space makes a free note,
    and so does Enter (only a button that is all menu leaves Enter alone)."""
    window = open_window(size=(1200, 800), active=True)
    page = window.open_page("journal", JournalPage)
    button = page.new_button
    _focus(qtbot, window, button)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _entries(context) == 1)


def _entries(context: AppContext) -> int:
    with session_scope(context.profile.engine) as session:
        return len(journal_store.entries_between(session=session, first=date.min, last=date.max))


def test_a_held_enter_presses_the_button_once(qtbot, open_window, context: AppContext) -> None:
    """As with Space: holding Enter on Previous week goes back one week, not one per repeat."""
    window = open_window(size=(1200, 800), active=True)
    page = window.open_page("plan", PlanPage)
    button = page.previous_button
    _focus(qtbot, window, button)
    shown = page.week
    for repeated in (False, True, True):  # the key goes down, then the keyboard repeats it
        press = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", repeated
        )
        QApplication.sendEvent(button, press)
        qtbot.wait(150)  # longer than animateClick holds the button down
    qtbot.waitUntil(lambda: page.week != shown)
    qtbot.wait(300)  # time for any click still to come
    assert button.hasFocus() and page.week == shown - timedelta(7)


# The offscreen platform cannot raise the menu or give it the keyboard, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_enter_on_a_menu_button_opens_its_menu(qtbot, open_window, context: AppContext) -> None:
    """Add a routine is all menu: Space opens it, and so does Enter."""
    window = open_window(size=(1200, 800), active=True)
    page = window.open_page("plan", PlanPage)
    button = page.add_routine_button
    _focus(qtbot, window, button)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(page.routine_menu.isVisible)
    assert page.routine_menu.actions()  # the routines, filled in as it opened
    page.routine_menu.close()
    qtbot.waitUntil(lambda: not page.routine_menu.isVisible())


def test_an_enter_that_opened_another_window_does_not_press_its_button(qtbot, open_window) -> None:
    """Enter on a path item starts a session in a window of its own. Where that window takes
    the focus at once, the Enter the tree left unused must not press its focused button."""
    window = open_window(size=(1200, 800), active=True)
    session = QWidget()
    qtbot.addWidget(session)
    finish = QPushButton("Finish…", session)
    finished: list[bool] = []
    finish.clicked.connect(lambda: finished.append(True))
    with qtbot.waitActive(session):
        session.show()
        session.activateWindow()
    finish.setFocus()
    qtbot.waitUntil(finish.hasFocus)
    unused = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, unused)  # as the tree's ignored Enter reaches the window
    qtbot.wait(300)  # animateClick would have clicked by now
    assert finished == []
