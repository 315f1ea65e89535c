"""Keys a page's own widgets answer to outside any action: the arrow keys in a chart, Enter on
a list. A widget that handles keys itself asks its `WindowKeys.matches` in keyPressEvent and
notes them with `note_keys`; a list whose rows Qt activates on Enter is noted with
`enter_activates` where `activated` is connected. Help > Keyboard shortcuts reads the notes,
so the sheet lists what the page really answers to."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QWidget

from desktop.ui.window_keys import WindowKeys

ENTER = ("Return", "Enter")  # the main keyboard's and the keypad's


class KeyNote(QObject):
    """Which keys its parent widget handles itself, and what they do."""

    def __init__(self, keys: tuple[WindowKeys, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.keys = keys


def note_keys(widget: QWidget, *keys: WindowKeys) -> None:
    KeyNote(keys, widget)


def enter_activates(view: QAbstractItemView, what: str) -> None:
    """Note that Enter on the view's current row does what: Qt's item views activate the row
    on Enter (activated, and a list widget's itemActivated), so note it where that is connected."""
    note_keys(view, WindowKeys(what, ENTER))


def noted_keys(page: QWidget) -> list[WindowKeys]:
    """The keys the page's widgets note, each once, in the order the page holds them."""
    found: dict[WindowKeys, None] = {}
    for note in page.findChildren(KeyNote):
        found.update(dict.fromkeys(note.keys))
    return list(found)
