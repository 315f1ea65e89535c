"""Removing a planned item is undone as the app's other deletes are: the bar above the week,
Edit > Undo or Ctrl+Z put it back, and the keys go on to the next item."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.domain.planner import PlanSource, Target
from desktop.store import plan as plan_store
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.plan.page import PlanPage
from desktop.ui.plan.week_grid import DayList

pytestmark = pytest.mark.any_date

DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")
TWO_SUM = Target("Two Sum", "backend-senior", "two-sum", kind="code")
THREE_SUM = Target("3Sum", "backend-senior", "3sum", kind="code")


def _plan(context: AppContext, page: PlanPage, target: Target, days_in: int) -> int:
    with context.writing() as session:  # as the app writes: the page hears of it
        return plan_store.add_plan_item(
            session=session, day=page.week + timedelta(days=days_in), target=target,
            minutes=30, source=PlanSource.PATH, reason="Next on your path.", now=context.now(),
        )  # fmt: skip


def _plan_page(qtbot, open_window) -> tuple[MainWindow, PlanPage]:  # type: ignore[no-untyped-def]
    window = open_window(size=(1200, 800), active=True)
    page = window.open_page("plan", PlanPage)
    qtbot.waitUntil(lambda: all(column.isVisible() for column in page.grid.columns))
    return window, page


def _titles(page: PlanPage) -> list[str]:
    assert page.snapshot is not None
    return [item.target.title for item in page.snapshot.items]


def test_remove_is_undone_from_the_bar_and_the_keys_go_to_the_next_item(
    qtbot, open_window, context: AppContext
) -> None:
    window, page = _plan_page(qtbot, open_window)
    first = _plan(context, page, DESIGN, 1)
    following = _plan(context, page, TWO_SUM, 1)
    page.grid.select(first)
    page.remove_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.remove_button.hasFocus)
    qtbot.keyClick(page.remove_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _titles(page) == [TWO_SUM.title])
    assert page.undo_bar.isVisible()
    assert page.undo_bar.text.text() == f"Removed “{DESIGN.title}” from the plan."
    # Named for what they undo, for a screen reader: a remove, not a delete.
    undo_button = page.undo_bar.findChild(QPushButton)
    assert undo_button.accessibleName() == "Bring back what was removed"
    assert page.page_undo().text() == "Undo remove"
    # As in a list: the next item is chosen and has the keys, not the Remove button, where
    # a second Enter would remove it too.
    assert page.grid.selected_id() == following
    assert isinstance(QApplication.focusWidget(), DayList)
    assert window.edit_actions.undo.isEnabled()

    page.undo_bar.undo_requested.emit()  # the bar's Undo
    assert _titles(page) == [DESIGN.title, TWO_SUM.title]
    assert page.grid.selected_id() == first  # what came back is the item chosen
    assert not page.undo_bar.isVisible() and not window.edit_actions.undo.isEnabled()


def test_the_delete_key_removes_and_ctrl_z_puts_back_newest_first(
    qtbot, open_window, context: AppContext
) -> None:
    window, page = _plan_page(qtbot, open_window)
    for target in (DESIGN, TWO_SUM, THREE_SUM):
        _plan(context, page, target, 3)
    day_list = page.grid.columns[3].list
    for _ in range(2):
        day_list.setCurrentRow(0)
        day_list.setFocus()
        qtbot.waitUntil(day_list.hasFocus)
        qtbot.keyClick(day_list, Qt.Key.Key_Delete)
    assert _titles(page) == [THREE_SUM.title]
    assert page.undo_bar.text.text() == (
        f"Removed “{TWO_SUM.title}” from the plan. (2 can be brought back)"
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _titles(page) == [TWO_SUM.title, THREE_SUM.title]
    window.edit_actions.undo.trigger()  # Edit > Undo
    assert _titles(page) == [DESIGN.title, TWO_SUM.title, THREE_SUM.title]
    assert not window.edit_actions.undo.isEnabled()


def test_an_item_put_back_from_another_week_is_shown_in_its_own(
    qtbot, open_window, context: AppContext
) -> None:
    _window, page = _plan_page(qtbot, open_window)
    this_week = page.week
    item_id = _plan(context, page, DESIGN, 4)
    page.grid.select(item_id)
    page.remove_selected()
    page.show_week(this_week + timedelta(days=21))
    page.undo_action.trigger()
    assert page.week == this_week and page.grid.selected_id() == item_id


def test_the_last_item_removed_leaves_the_keys_in_its_day(
    qtbot, open_window, context: AppContext
) -> None:
    _window, page = _plan_page(qtbot, open_window)
    item_id = _plan(context, page, DESIGN, 5)
    page.grid.select(item_id)
    page.remove_selected()
    assert _titles(page) == []
    assert QApplication.focusWidget() is page.grid.columns[5].list
