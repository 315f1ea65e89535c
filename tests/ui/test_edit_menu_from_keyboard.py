"""Edit menu actions opened from the keyboard (Alt, F10) still act on the text box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

from desktop.ui.edit_actions import EditActions


def test_opening_the_menus_from_the_keyboard_keeps_the_text_box(qtbot) -> None:
    """Alt (or F10) gives the menu bar the focus while its menus are open from the keyboard:
    Edit > Undo, Select all and the rest still act on the text box the user was typing in."""
    window = QMainWindow()
    qtbot.addWidget(window)
    box = QPlainTextEdit()
    window.setCentralWidget(box)
    edit = EditActions(window, lambda: None)
    window.menuBar().addMenu("&Edit").addActions(edit.actions())
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    box.insertPlainText("two sum")

    window.menuBar().setFocus(Qt.FocusReason.MenuBarFocusReason)  # what Alt does
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.menuBar())
    assert edit.undo.isEnabled() and edit.select_all.isEnabled()
    edit.select_all.trigger()
    assert box.textCursor().selectedText() == "two sum"
    edit.undo.trigger()
    assert box.toPlainText() == ""
