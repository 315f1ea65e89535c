"""Escape in a search or filter box that holds text clears it, as desktop search fields do.
In an empty box Escape does what it did before: it closes the dialog the box is in (Search
everything, a tag picker), or goes on to whatever else the window gives it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from desktop.ui.page_keys import note_keys
from desktop.ui.window_keys import WindowKeys

CLEAR_KEYS = WindowKeys("Search or filter box: clear what is typed", ("Escape",))


class _EscapeClears(QObject):
    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or not CLEAR_KEYS.matches(event):
            return False
        if not self._edit.text() or self._edit.isReadOnly():
            return False  # as before: the dialog closes, the window's Escape runs
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the box takes this Escape, before any shortcut bound to it
            return True
        self._edit.clear()  # one step of the box's undo, as a deletion is
        return True


def escape_clears(edit: QLineEdit) -> None:
    """Escape in `edit` clears its text while there is some (and is noted for the keys sheet)."""
    _EscapeClears(edit)
    note_keys(edit, CLEAR_KEYS)
