"""Enter presses the focused button, as Space does, in the main window.

Qt's push buttons take Enter only inside dialogs (where it means the default button); in the
main window Enter on a focused "Plan practice" or "Delete" did nothing, which keyboard users
of native apps do not expect. Dialogs keep Qt's own handling: this only sees the key presses
the main window's widgets left unused."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton, QWidget

from desktop.ui.window_keys import WindowKeys

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# As Help > Keyboard shortcuts lists it (Space is Qt's own).
PRESS_FOCUSED = WindowKeys("Press the focused button", ("Return", "Space"))


def press_focused_button(event: QKeyEvent, window: QWidget) -> bool:
    """Click the window's focused button for an Enter it left unused; True if one was."""
    if event.key() not in ENTER_KEYS:
        return False
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False  # Ctrl+Enter and the like mean something else
    focus = QApplication.focusWidget()
    if not isinstance(focus, (QPushButton, QToolButton)):
        return False
    if focus.window() is not window:
        # The Enter started a practice session (the path's tree) and its window already
        # has the focus: its own keys are for it, not this Enter.
        return False
    if event.isAutoRepeat():
        # One press, one click, as with Space: each repeat restarted animateClick, so a held
        # Enter stepped two weeks or deleted a second row.
        return True
    if _is_all_menu(focus):
        # Its menu opens, as for Space; once this key press is over, for showMenu waits
        # until the menu is closed.
        QTimer.singleShot(0, focus, focus.showMenu)  # (not if the button goes first)
    else:
        focus.animateClick()  # (Qt moves the focus off a button disabled or hidden)
    return True


def _is_all_menu(button: QPushButton | QToolButton) -> bool:
    """A button whose press opens its menu. A split button (New entry: a free note, its
    templates behind the arrow) presses its main part for Space, and so for Enter."""
    if button.menu() is None:
        return False
    split = QToolButton.ToolButtonPopupMode.MenuButtonPopup
    return not (isinstance(button, QToolButton) and button.popupMode() == split)
