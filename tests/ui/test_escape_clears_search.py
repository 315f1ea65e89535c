"""Escape in a search or filter box that holds text clears it; in an empty box it does what
it did before (a dialog closes, a shortcut bound to Escape runs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.ui.journal.page import JournalPage
from desktop.ui.page_keys import noted_keys
from desktop.ui.path.page import PathPage
from desktop.ui.widgets.controls import filter_edit
from desktop.ui.widgets.escape_clears import CLEAR_KEYS


def test_escape_clears_the_journal_search(qtbot, open_page) -> None:
    page = open_page(JournalPage)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "standup")
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    page.search.undo()  # a slip of the finger is one Undo away
    assert page.search.text() == "standup"


def test_escape_clears_the_learning_path_filter(qtbot, open_page) -> None:
    page = open_page(PathPage)
    page.search.setText("islands")
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert CLEAR_KEYS in noted_keys(page)  # Help > Keyboard shortcuts lists it


def test_in_a_dialog_escape_clears_first_then_closes(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    typed: list[str] = []
    box = filter_edit("Filter", "Filter…", typed.append)
    QVBoxLayout(dialog).addWidget(box)
    dialog.show()
    box.setText("dp")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert dialog.isVisible() and box.text() == "" and typed[-1] == ""
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_shortcut_on_escape_waits_until_the_box_is_empty(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    box = filter_edit("Search", "Search…", lambda: None)
    QVBoxLayout(window).addWidget(box)
    fired: list[bool] = []
    QShortcut(QKeySequence("Escape"), window).activated.connect(lambda: fired.append(True))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    box.setFocus()
    box.setText("word")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and fired == []
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert fired == [True]
