"""Where the keys go when the widget that holds them turns itself off or hides.

Qt hands them to the next widget in the Tab order, which in a row of buttons is the next
button: Enter on the Plan's "This week" (which then turns off) gave the keys to "Next week",
and a second Enter went on a week. A page guarded here names a harmless place instead, such
as a list, whichever of its buttons turned off (or went with a banner that hid).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget


class FocusGuard(QObject):
    """While `page` is on show, keys left by a widget of its that was disabled or hidden go
    to `place(widget)` (None: where Qt put them)."""

    def __init__(self, page: QWidget, place: Callable[[QWidget], QWidget | None]) -> None:
        super().__init__(page)
        self._page = page
        self._place = place
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        page = self._page
        if old is None or not shiboken6.isValid(old) or not shiboken6.isValid(page):
            return  # (a widget being deleted lets go of the focus as it goes)
        if not page.isVisible() or not page.isAncestorOf(old):
            return  # another page, or this one leaving the screen: the window decides
        if old.isEnabled() and old.isVisible():
            return  # the user moved on (Tab, a click): not Qt's doing
        target = self._place(old)
        if target is None or target is new or not target.isVisible() or not target.isEnabled():
            return
        target.setFocus(Qt.FocusReason.OtherFocusReason)
