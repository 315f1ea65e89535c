"""Every key the main window answers to does one thing on each page: no two live actions or
shortcuts share a key sequence, and the menus name the keys that really work there."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.main_window import MainWindow
from tests.ui.conftest import OpenWindow


def _reachable(widget: QWidget, window: MainWindow) -> bool:
    """Whether a key press in the window can reach an action on this widget, as Qt decides:
    a menu's actions through the menu's own place in a bar, anything else while on show."""
    if isinstance(widget, QMenu):
        return any(
            isinstance(holder, QWidget) and _reachable(holder, window)
            for holder in widget.menuAction().associatedObjects()
        )
    return widget.isVisible() and widget.window() is window


def _live_keys(window: MainWindow) -> dict[str, list[str]]:
    """Each key sequence and what answers to it on the page on show."""
    bound: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        if action.shortcutContext() is Qt.ShortcutContext.WidgetShortcut:
            continue  # only while its own widget has the focus
        if not (action.isEnabled() and action.isVisible()):
            continue  # Qt gives it no key press (an Item command off the Learning path)
        holders = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        if not any(_reachable(w, window) for w in holders):
            continue
        for keys in action.shortcuts():
            bound[keys.toString()].append(action.text() or action.objectName())
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if not (shortcut.isEnabled() and isinstance(parent, QWidget)):
            continue
        if shortcut.context() is Qt.ShortcutContext.WidgetShortcut:
            continue
        if _reachable(parent, window):
            sequences = shortcut.keys  # a QShortcut's key sequences, not a mapping's keys
            for keys in sequences():
                bound[keys.toString()].append(f"shortcut on {type(parent).__name__}")
    return bound


def test_no_key_is_bound_twice_on_any_page(qtbot, open_window: OpenWindow) -> None:
    window = open_window()
    twice: dict[str, dict[str, list[str]]] = {}
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        window.current_page()  # built, as the user's visit builds it
        qtbot.wait(0)
        found = {k: v for k, v in _live_keys(window).items() if k and len(v) > 1}
        if found:
            twice[page.page_key] = found
    assert twice == {}
