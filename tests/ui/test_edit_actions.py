"""Edit menu actions let go of a text box cleanly, even one deleted while it has the focus."""

from __future__ import annotations

import warnings

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QClipboard
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.edit_actions import EditActions


def test_deleting_the_focused_text_box_lets_go_of_it_without_a_warning(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    other, box = QLineEdit(), QPlainTextEdit("notes")
    layout.addWidget(other)
    layout.addWidget(box)
    window.show()
    edit = EditActions(window, lambda: None)
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    assert edit.select_all.isEnabled()  # it follows the box

    # libpyside's "Failed to disconnect" is a RuntimeWarning: as an error it would be raised
    # inside the focus-change slot, which pytest-qt captures.
    with warnings.catch_warnings(), qtbot.captureExceptions() as raised:
        warnings.simplefilter("error")
        shiboken6.delete(box)  # the box loses the focus while it is being deleted
        QApplication.processEvents()
    assert raised == []

    assert not edit.select_all.isEnabled() and not edit.copy.isEnabled()
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other)
    other.insert("two sum")
    assert edit.select_all.isEnabled() and edit.undo.isEnabled()  # and follows the next


def test_moving_between_text_boxes_follows_each_in_turn_without_a_warning(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    first, second = QLineEdit(), QPlainTextEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    window.show()
    edit = EditActions(window, lambda: None)
    with warnings.catch_warnings(), qtbot.captureExceptions() as raised:
        warnings.simplefilter("error")
        for box in (first, second, first, second):
            box.setFocus()
            qtbot.waitUntil(lambda box=box: QApplication.focusWidget() is box)
        second.insertPlainText("typed")
        assert edit.select_all.isEnabled()
        first.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
        second.insertPlainText(" more")  # the box left behind is no longer listened to
        assert not edit.select_all.isEnabled()
    assert raised == []


def test_undo_history_cleared_without_new_text_turns_undo_off(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    box = QPlainTextEdit()
    QVBoxLayout(window).addWidget(box)
    window.show()
    edit = EditActions(window, lambda: None)
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    box.insertPlainText("typed")
    assert edit.undo.isEnabled()
    box.document().clearUndoRedoStacks()  # the text stays; only its history goes
    assert not edit.undo.isEnabled()


def _beside_a_page_undo(  # type: ignore[no-untyped-def]
    qtbot, window: QWidget, box: QWidget
) -> tuple[EditActions, QAction, list[bool]]:
    """`box` in `window`, active, whose page offers an Undo; what that Undo brought back."""
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(box)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    brought_back: list[bool] = []
    page_undo = QAction("Undo delete", window)
    page_undo.triggered.connect(lambda: brought_back.append(True))
    edit = EditActions(window, lambda: page_undo)
    window.addActions(edit.actions())  # as the menu bar holds them: their keys work
    return edit, page_undo, brought_back


def test_a_read_only_box_leaves_undo_to_the_page(qtbot) -> None:
    preview = QTextBrowser()
    preview.setPlainText("A preview the user may click into")
    window = QWidget()  # held here: the test's, so Python keeps it
    edit, page_undo, brought_back = _beside_a_page_undo(qtbot, window, preview)
    page_undo.setEnabled(False)
    preview.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is preview)
    assert not edit.undo.isEnabled()
    page_undo.setEnabled(True)  # something deleted: followed at once
    assert edit.undo.isEnabled() and not edit.redo.isEnabled()
    edit.undo.trigger()
    assert brought_back == [True]
    # The box leaves Ctrl+Z alone when it cannot be written in: the keys reach the page.
    qtbot.keyClick(preview, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert brought_back == [True, True]
    page_undo.setEnabled(False)
    assert not edit.undo.isEnabled()


def test_paste_follows_the_clipboard_without_reading_it_at_every_key(qtbot, monkeypatch) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    box = QLineEdit()
    QVBoxLayout(window).addWidget(box)
    window.show()
    clipboard = QApplication.clipboard()
    clipboard.setText("copied")
    edit = EditActions(window, lambda: None)
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    assert edit.paste.isEnabled()

    # On X11 each look fetches the clipboard from the program that copied to it.
    looks: list[str] = []
    real_mime_data, real_text = QClipboard.mimeData, QClipboard.text
    monkeypatch.setattr(
        QClipboard, "mimeData", lambda self, *a: looks.append("data") or real_mime_data(self, *a)
    )
    monkeypatch.setattr(
        QClipboard, "text", lambda self, *a: looks.append("text") or real_text(self, *a)
    )
    qtbot.keyClicks(box, "two sum in one pass")
    assert box.text() == "two sum in one pass" and looks == []
    assert edit.paste.isEnabled()

    clipboard.clear()
    assert not edit.paste.isEnabled()  # looked at again once it changed
    clipboard.setText("again")
    assert edit.paste.isEnabled()


def test_a_text_edit_with_nothing_to_undo_leaves_ctrl_z_to_the_page(qtbot) -> None:
    notes = QPlainTextEdit()
    window = QWidget()
    edit, page_undo, brought_back = _beside_a_page_undo(qtbot, window, notes)
    notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes)
    notes.insertPlainText("typed")
    qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert notes.toPlainText() == "" and brought_back == []  # its own typing first
    assert edit.undo.isEnabled()  # then the page's delete
    qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert brought_back == [True]
    page_undo.setEnabled(False)  # nothing left anywhere: the box keeps its keys
    assert not edit.undo.isEnabled()
    qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert brought_back == [True]
