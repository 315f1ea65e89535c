"""A row of radio buttons where the arrow keys choose, even before anything is chosen.

Qt's arrow keys only move the focus along a radio row until one button is checked, so a
keyboard user who presses Right on "Solved" sees a focus ring on "Partly solved" and has
chosen nothing. Here the arrows check the button they move to, as on other desktops."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QButtonGroup

_BACK = (Qt.Key.Key_Left, Qt.Key.Key_Up)
_ON = (Qt.Key.Key_Right, Qt.Key.Key_Down)


class ArrowsChoose(QObject):
    def __init__(self, group: QButtonGroup) -> None:
        super().__init__(group)
        self._group = group
        for button in group.buttons():
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QAbstractButton)
            and event.key() in (*_BACK, *_ON)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            buttons = self._group.buttons()
            step = -1 if event.key() in _BACK else 1
            position = buttons.index(watched) + step
            if 0 <= position < len(buttons):
                chosen = buttons[position]
                chosen.setFocus(Qt.FocusReason.OtherFocusReason)
                chosen.click()
            return True
        return super().eventFilter(watched, event)


def arrows_choose(group: QButtonGroup) -> ArrowsChoose:
    """Let the arrow keys check the buttons of `group` (call once its buttons are added)."""
    return ArrowsChoose(group)
