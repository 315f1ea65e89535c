"""Edit menu: Undo, Redo, Cut, Copy, Paste and Select All for the text box with the focus.

A text box claims these keys itself while it has the focus, so the actions matter for the menu
and for what the keys do elsewhere: outside a text box (or in a read-only one, which leaves
Ctrl+Z alone) Undo falls to the page's own undo (a deleted attempt or story comes back), and
the rest are off, so a list keeps its own Ctrl+A. A text box with nothing of its own to undo
lets Ctrl+Z go to the page's undo too: the delete just made is what the user means.

Each action is enabled only when it would do something: the state follows the focus, the box's
text, selection and undo history, the page on show and the page's own Undo (its enabledChanged),
so a disabled Undo never swallows a Ctrl+Z that had something to undo.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QMetaObject, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TextBox = QLineEdit | QTextEdit | QPlainTextEdit


class EditActions(QObject):
    def __init__(self, parent: QWidget, page_undo: Callable[[], QAction | None]) -> None:
        super().__init__(parent)
        self._page_undo = page_undo
        self._box: TextBox | None = None
        self._connections: list[QMetaObject.Connection] = []  # to the box followed
        self._page_action: QAction | None = None  # the page's Undo, followed
        self._page_connection: QMetaObject.Connection | None = None
        self._clipboard_has_text: bool | None = None  # None: not looked at since it changed

        def make(text: str, key: QKeySequence.StandardKey, slot: Callable[[], None]) -> QAction:
            action = QAction(text, parent)
            action.setShortcuts(QKeySequence.keyBindings(key))
            action.triggered.connect(lambda _checked=False: slot())
            return action

        self.undo = make("&Undo", QKeySequence.StandardKey.Undo, self._undo)
        self.redo = make("&Redo", QKeySequence.StandardKey.Redo, self._on_box("redo"))
        self.cut = make("Cu&t", QKeySequence.StandardKey.Cut, self._on_box("cut"))
        self.copy = make("&Copy", QKeySequence.StandardKey.Copy, self._on_box("copy"))
        self.paste = make("&Paste", QKeySequence.StandardKey.Paste, self._on_box("paste"))
        self.select_all = make(
            "Select &all", QKeySequence.StandardKey.SelectAll, self._on_box("selectAll")
        )
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        QApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        self._follow(QApplication.focusWidget())

    def actions(self) -> list[QAction]:
        return [self.undo, self.redo, self.cut, self.copy, self.paste, self.select_all]

    def _on_box(self, method: str) -> Callable[[], None]:
        def run() -> None:
            if self._box is not None:
                getattr(self._box, method)()

        return run

    def _undo(self) -> None:
        box = self._box
        if box is not None and _can_undo(box):
            box.undo()
            return
        page_undo = self._follow_page_undo()
        if page_undo is not None and page_undo.isEnabled():
            page_undo.trigger()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A text box claims Ctrl+Z before the window's shortcuts see it, even with nothing
        to undo; then, if the page has a delete to bring back, the key is left to Undo."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and watched is self._box
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and not _can_undo(self._box)
        ):
            page_undo = self._follow_page_undo()
            return page_undo is not None and page_undo.isEnabled()
        return super().eventFilter(watched, event)

    def _follow_page_undo(self) -> QAction | None:
        """The Undo of the page on show, listened to so that Edit > Undo turns on and off
        with it (a delete made, brought back, the page hidden)."""
        action = self._page_undo()
        if action is not self._page_action:
            if self._page_connection is not None:
                QObject.disconnect(self._page_connection)
            self._page_action = action
            self._page_connection = (
                action.enabledChanged.connect(self.refresh) if action is not None else None
            )
        return action

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QMenuBar):
            # Alt (or F10) lends the menu bar the focus while a menu is open from the keyboard;
            # Edit > Select all and the rest still mean the box the user was typing in.
            return
        self._follow(new)

    def _follow(self, widget: QWidget | None) -> None:
        """Listen to the text box that now has the focus (and stop listening to the last)."""
        box = widget if isinstance(widget, TextBox) else None
        if box is self._box:
            self.refresh()
            return
        self._stop_listening()
        self._box = box
        if box is not None:
            self._connections = [
                box.destroyed.connect(self._forget),
                box.textChanged.connect(self.refresh),
                box.selectionChanged.connect(self.refresh),
            ]
            if not isinstance(box, QLineEdit):  # its history can change with no new text
                self._connections += [
                    box.undoAvailable.connect(self.refresh),
                    box.redoAvailable.connect(self.refresh),
                ]
            box.installEventFilter(self)
        self.refresh()

    def _stop_listening(self) -> None:
        """Undo exactly the connections made. Disconnecting by signal and slot warns ("Failed
        to disconnect") when the box is part way through being deleted (it loses the focus
        as it goes); a connection's handle is let go quietly, whatever became of the box."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        if self._box is not None and shiboken6.isValid(self._box):
            self._box.removeEventFilter(self)

    def _forget(self) -> None:
        self._connections = []  # a deleted box's connections went with it
        self._box = None
        self.refresh()

    def _clipboard_changed(self) -> None:
        self._clipboard_has_text = None
        self.refresh()

    def _can_paste(self) -> bool:
        """Looked at once per change of the clipboard, not on every key typed: on X11 its
        text is fetched from the program that copied it, all of it, each time it is asked
        for (megabytes from a browser); whether it has text is one small question."""
        if self._clipboard_has_text is None:
            data = QApplication.clipboard().mimeData()
            self._clipboard_has_text = data is not None and data.hasText()
        return self._clipboard_has_text

    def refresh(self) -> None:
        """Enable what applies to the focused text box (or to the page, for Undo)."""
        page_undo = self._follow_page_undo()
        page_can_undo = page_undo is not None and page_undo.isEnabled()
        box = self._box
        if box is None:
            self.undo.setEnabled(page_can_undo)
            for action in (self.redo, self.cut, self.copy, self.paste, self.select_all):
                action.setEnabled(False)
            return
        writable = not box.isReadOnly()
        if isinstance(box, QLineEdit):
            undo, redo = box.isUndoAvailable(), box.isRedoAvailable()
            selected, has_text = box.hasSelectedText(), bool(box.text())
            hidden = box.echoMode() != QLineEdit.EchoMode.Normal
        else:
            document = box.document()
            undo, redo = document.isUndoAvailable(), document.isRedoAvailable()
            selected, has_text = box.textCursor().hasSelection(), not document.isEmpty()
            hidden = False
        self.undo.setEnabled((writable and undo) or page_can_undo)
        self.redo.setEnabled(writable and redo)
        self.cut.setEnabled(writable and selected and not hidden)
        self.copy.setEnabled(selected and not hidden)
        self.paste.setEnabled(writable and self._can_paste())
        self.select_all.setEnabled(has_text)


def _can_undo(box: TextBox) -> bool:
    """Whether the box has typing of its own to undo."""
    if box.isReadOnly():
        return False
    if isinstance(box, QLineEdit):
        return box.isUndoAvailable()
    return box.document().isUndoAvailable()
