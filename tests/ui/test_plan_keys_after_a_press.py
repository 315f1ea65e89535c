"""Where the keys go after a Plan button has done its work: never to a button that a second
Enter would press to change the week, plan everything or delete a mock interview."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desktop.domain.dates import local_day
from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.planner import PlanSource, Target
from desktop.store import plan as plan_store
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.plan import mock_dialog
from desktop.ui.plan.page import PlanPage
from desktop.ui.plan.week_grid import DayList
from desktop.ui.widgets import dialogs

pytestmark = pytest.mark.any_date

DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")


def _plan_page(qtbot, open_window) -> tuple[MainWindow, PlanPage]:  # type: ignore[no-untyped-def]
    window = open_window(size=(1200, 800), active=True)
    page = window.open_page("plan", PlanPage)
    # Qt shows the day columns once the event loop runs, as it always has for a user.
    qtbot.waitUntil(lambda: all(column.isVisible() for column in page.grid.columns))
    return window, page


def _press(qtbot, button: QPushButton, key: Qt.Key = Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """The button pressed from the keyboard, as Tab brings the focus to it."""
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, key)
    qtbot.wait(300)  # Enter clicks after a short delay (animateClick): the click is over


def _keys() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space], ids=["Enter", "Space"])
def test_this_week_leaves_the_keys_in_the_week_not_on_next_week(
    qtbot, open_window, context: AppContext, key: Qt.Key
) -> None:
    """Turned off once pressed, "This week" gave the keys to "Next week": a second Enter
    went a week on."""
    _window, page = _plan_page(qtbot, open_window)
    this_week = page.week
    page.show_week(this_week - timedelta(days=14))
    _press(qtbot, page.this_week_button, key)
    assert page.week == this_week and not page.this_week_button.isEnabled()
    keys = _keys()
    assert isinstance(keys, DayList) and keys.day == local_day(context.now())  # today's
    qtbot.keyClick(keys, key)
    qtbot.wait(300)
    assert page.week == this_week


def test_a_day_with_nothing_planned_shows_it_has_the_keys(qtbot, open_window) -> None:
    """The lists draw no focus outline of their own: an empty day showed no sign of it."""
    _window, page = _plan_page(qtbot, open_window)
    day, other = (column.list for column in page.grid.columns[:2])  # nothing planned yet
    other.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(other.hasFocus)
    unfocused = day.grab().toImage()
    day.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(day.hasFocus)
    assert day.grab().toImage() != unfocused


def test_adding_a_suggestion_keeps_the_keys_on_add_to_plan(qtbot, open_window) -> None:
    """The list of suggestions is refilled after an add: its moment of no selection turned
    "Add to plan" off, which gave the keys to "Add all"."""
    _window, page = _plan_page(qtbot, open_window)
    page.show_week(page.week + timedelta(days=14))  # a week ahead: every suggestion fits in it
    page.suggestions.list.setCurrentRow(0)
    _press(qtbot, page.suggestions.add_button)
    assert page.snapshot is not None and len(page.snapshot.items) == 1
    assert _keys() is page.suggestions.add_button


def test_carrying_last_week_over_leaves_the_keys_in_the_week(
    qtbot, open_window, context: AppContext
) -> None:
    """The banner hides once its items are carried over: the keys go where they went."""
    _window, page = _plan_page(qtbot, open_window)
    with context.writing() as session:
        plan_store.add_plan_item(
            session=session, day=page.week - timedelta(days=5), target=DESIGN, minutes=45,
            source=PlanSource.ROUTINE, reason="", now=context.now(),
        )  # fmt: skip
    page.review_banner.later_button.click()
    context.events.plan_changed.emit()
    _press(qtbot, page.carry_banner.button)
    assert page.snapshot is not None and len(page.snapshot.items) == 1
    keys = _keys()
    assert isinstance(keys, DayList) and keys.day == page.week + timedelta(days=2)
    assert keys.currentItem() is not None and keys.currentItem().text().startswith(DESIGN.title)


def _two_mocks(page: PlanPage, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = MockInterview(
        held_at=datetime(2026, 11, 1, 16, tzinfo=UTC), kind=MockKind.CODING, scores={"coding": 2}
    )
    chosen = [first, replace(first, held_at=first.held_at + timedelta(days=2))]

    def ask_for_mock(taxonomy, now, parent, save, existing=None):  # type: ignore[no-untyped-def]
        mock = replace(existing, with_whom="Sam") if existing else chosen.pop(0)
        save(mock, existing is None)
        return mock

    monkeypatch.setattr(mock_dialog, "ask_for_mock", ask_for_mock)
    page.log_mock()
    page.log_mock()
    page.mocks.list.setCurrentRow(0)


def test_editing_a_mock_keeps_the_keys_on_edit(qtbot, open_window, monkeypatch) -> None:
    """The list is refilled after a save: its moment of no selection turned Edit off, which
    gave the keys to Delete."""
    _window, page = _plan_page(qtbot, open_window)
    _two_mocks(page, monkeypatch)
    _press(qtbot, page.mocks.edit_button)
    assert _keys() is page.mocks.edit_button


def test_deleting_a_mock_leaves_the_keys_in_the_mocks_list(qtbot, open_window, monkeypatch) -> None:
    _window, page = _plan_page(qtbot, open_window)
    _two_mocks(page, monkeypatch)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args, **_kwargs: True)
    _press(qtbot, page.mocks.delete_button)
    assert page.mocks.list.count() == 1
    assert _keys() is page.mocks.list
