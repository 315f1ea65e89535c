"""Keyboard users reach the Trends page's weak spots in the order they are laid out: after
the calendar, before the charts, and each chart once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop.ui.context import AppContext
from desktop.ui.trends.page import TrendsPage
from tests.ui.test_trends_page import _struggling_with_dp

pytestmark = pytest.mark.any_date


def _tab_walk(qtbot, page: TrendsPage, start: QWidget, presses: int) -> list[QWidget]:
    """The widgets Tab brings focus to, in order, from `start`."""
    page.activateWindow()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    walked = []
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    return walked


def _with_a_weak_spot(qtbot, open_page, context: AppContext) -> TrendsPage:  # type: ignore[no-untyped-def]
    """The Trends page on show, its top weak spot's row laid out."""
    page: TrendsPage = open_page(TrendsPage, (1100, 800))
    _struggling_with_dp(context)
    context.events.sessions_changed.emit()
    qtbot.waitUntil(lambda: bool(page.weak_spot_rows) and page.weak_spot_rows[0].isVisible())
    return page


def test_tab_goes_from_the_calendar_to_the_weak_spots_then_to_the_charts(
    qtbot, open_page, context: AppContext
) -> None:
    page = _with_a_weak_spot(qtbot, open_page, context)
    top = page.weak_spot_rows[0]
    walked = _tab_walk(qtbot, page, page.calendar, 3)
    assert walked == [top.show_button, top.plan_button, page.time_chart]


def test_tab_stops_once_on_each_chart(qtbot, open_page, context: AppContext) -> None:
    page = _with_a_weak_spot(qtbot, open_page, context)
    walked = _tab_walk(qtbot, page, page.time_chart, 2)
    assert walked == [page.confidence_chart, page.struggle_chart]  # not the chart view inside


def test_the_attempts_button_gives_the_keys_to_the_list_it_fills(
    qtbot, open_page, context: AppContext
) -> None:
    page = _with_a_weak_spot(qtbot, open_page, context)
    button = page.weak_spot_rows[0].show_button
    page.activateWindow()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.details)
    assert page.details.currentRow() == 0  # the newest, ready for Enter


def test_tab_goes_from_the_rest_days_straight_to_the_calendar(
    qtbot, open_page, context: AppContext
) -> None:
    # The page's scroll area once took a Tab stop of its own between them, drawn nowhere.
    page = _with_a_weak_spot(qtbot, open_page, context)
    assert _tab_walk(qtbot, page, page.rest_days, 1) == [page.calendar]


def test_page_down_on_the_calendar_still_scrolls_the_page(
    qtbot, open_page, context: AppContext
) -> None:
    page = _with_a_weak_spot(qtbot, open_page, context)
    page.resize(1100, 400)  # the charts below the fold
    (scroll,) = [a for a in page.findChildren(QScrollArea) if a.widget() is page.figures]
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    page.activateWindow()
    page.calendar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.calendar.hasFocus)
    qtbot.keyClick(page.calendar, Qt.Key.Key_PageDown)
    assert bar.value() > 0
