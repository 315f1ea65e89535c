"""Tab walks the Plan page as it is laid out: the top bar, the budget, the week's days left
to right, the selected item's buttons, then the suggestions below; every stop drawn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop.domain.dates import local_day
from desktop.domain.planner import PlanSource, Target
from desktop.screenshots import settle
from desktop.store import plan as plan_store
from desktop.ui.context import AppContext
from desktop.ui.plan.page import PlanPage
from desktop.ui.plan.week_grid import DayList
from tests.ui.test_keyboard_walk import _next_focus

pytestmark = pytest.mark.any_date

DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")


def _walk(qtbot, page: PlanPage, start: QWidget) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Each widget Tab stops at from `start` until it leaves the page."""
    walked: list[QWidget] = []
    here: QWidget | None = start
    while here is not None and page.isAncestorOf(here) and len(walked) < 60:
        walked.append(here)
        here = _next_focus(qtbot, page, here)
    return walked


def test_tab_follows_the_page_top_to_bottom_and_left_to_right(
    qtbot, open_window, context: AppContext
) -> None:
    window = open_window(size=(1200, 800), active=True)
    page = window.open_page("plan", PlanPage)
    with context.writing() as session:
        item = plan_store.add_plan_item(
            session=session, day=local_day(context.now()), target=DESIGN, minutes=45,
            source=PlanSource.ROUTINE, reason="", now=context.now(),
        )  # fmt: skip
    page.review_banner.later_button.click()
    context.events.plan_changed.emit()
    qtbot.waitUntil(lambda: all(column.isVisible() for column in page.grid.columns))
    assert page.grid.select(item)
    walked = _walk(qtbot, page, page.previous_button)
    days = [column.list for column in page.grid.columns]
    item_buttons = [page.earlier_button, page.later_button, page.skip_button,
                    page.remove_button, page.start_button]  # fmt: skip
    shown = [button for button in item_buttons if button.isEnabled()]
    expected = [
        page.previous_button, page.next_button, page.add_routine_button, page.review_button,
        page.budget, *days, *shown, page.tabs.tabBar(), page.suggestions.list,
        page.suggestions.add_button, page.suggestions.add_all_button,
    ]  # fmt: skip
    assert walked == expected
    assert all(isinstance(day, DayList) for day in days)


def test_no_tab_stop_on_the_plan_page_is_drawn_nowhere(qtbot, open_window) -> None:
    window = open_window(size=(760, 520), active=True)  # the days as rows, in a scroll area
    page = window.open_page("plan", PlanPage)
    qtbot.waitUntil(lambda: all(column.isVisible() for column in page.grid.columns))
    walked = _walk(qtbot, page, page.previous_button)
    assert len(walked) > 10
    for stop in walked:
        assert stop.isVisible()
        # A scroll area around other widgets draws no focus of its own.
        assert not isinstance(stop, QScrollArea)
    assert QApplication.focusWidget() is not None


def test_shift_tab_back_into_the_week_brings_its_last_day_into_view(qtbot, open_window) -> None:
    window = open_window(size=(760, 520), active=True)  # the days as rows, not all in sight
    page = window.open_page("plan", PlanPage)
    qtbot.waitUntil(lambda: all(column.isVisible() for column in page.grid.columns))
    settle()
    assert page.grid_scroll.verticalScrollBar().maximum() > 0
    after_the_days = page.tabs.tabBar()  # nothing selected: the item buttons are off
    landed = _next_focus(qtbot, page, after_the_days, Qt.Key.Key_Backtab)
    last = page.grid.columns[-1]
    assert landed is last.list
    assert not last.visibleRegion().isEmpty()
