"""The sidebar keeps its names in a roomy window and folds to icons in a narrow one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from desktop.ui.sidebar import NARROW_WIDTH, WIDE_WIDTH
from desktop.ui.theme import Scheme, apply_theme, colours


def test_a_narrow_window_folds_the_sidebar_to_named_icons(
    qtbot, context: AppContext, open_window
) -> None:
    window = open_window()
    sidebar = window.navigation
    window.resize(1280, 800)
    assert sidebar.width() == WIDE_WIDTH
    assert sidebar.item(0).text() == "Learning path" and not sidebar.item(0).toolTip()

    window.resize(760, 520)
    assert sidebar.width() == NARROW_WIDTH
    titles = [page.title for page in window.pages]
    for row, title in enumerate(titles):
        entry = sidebar.item(row)
        assert entry.text() == ""
        assert entry.toolTip() == title  # named on hover
        assert entry.data(Qt.ItemDataRole.AccessibleTextRole) == title  # and to screen readers
        assert not entry.icon().isNull()

    sidebar.setCurrentRow(2)  # still goes where it says
    assert window.current_page().title == titles[2]
    window.resize(1280, 800)
    assert [sidebar.item(row).text() for row in range(sidebar.count())] == titles


def _ring_pixels(sidebar, colour: QColor) -> int:
    """Pixels of the focus-ring colour along the current section's edge."""
    rect = sidebar.visualItemRect(sidebar.currentItem())
    image = sidebar.viewport().grab().toImage()
    left = rect.left() + 6  # the item's margin, where the ring starts
    return sum(
        1
        for y in range(rect.top(), rect.bottom())
        for x in (left, left + 1)
        if QColor(image.pixel(x, y)) == colour
    )


def _window_to_focus(qtbot, context: AppContext) -> MainWindow:
    """A roomy window on show and activated, so that focus can move in it."""
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
def test_the_sidebar_shows_a_focus_ring_in_both_themes(
    qtbot, context: AppContext, qapp, scheme: Scheme
) -> None:
    apply_theme(qapp, scheme)
    window = _window_to_focus(qtbot, context)
    sidebar = window.navigation
    ring = QColor(colours(scheme)["text"])
    window.stack.currentWidget().setFocus()
    qtbot.waitUntil(lambda: not sidebar.hasFocus())
    without = _ring_pixels(sidebar, ring)
    sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(sidebar.hasFocus)
    assert _ring_pixels(sidebar, ring) > without + 20  # a solid edge down the item


def test_tab_reaches_the_sidebar_and_arrows_change_the_page(qtbot, context: AppContext) -> None:
    window = _window_to_focus(qtbot, context)
    qtbot.waitUntil(lambda: window.pages[0].built)  # type: ignore[attr-defined]  # after paint
    sidebar = window.navigation
    assert sidebar.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Shift+Tab from the page's first control goes back to the sidebar, Tab forward leaves it.
    sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(sidebar.hasFocus)
    qtbot.keyClick(sidebar, Qt.Key.Key_Tab)
    first = QApplication.focusWidget()
    assert first is not sidebar and window.stack.isAncestorOf(first)
    qtbot.keyClick(first, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is sidebar

    start = sidebar.currentRow()
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    assert window.current_page().page_key == window.pages[start + 1].page_key
    qtbot.keyClick(sidebar, Qt.Key.Key_Up)
    assert window.current_page().page_key == window.pages[start].page_key
