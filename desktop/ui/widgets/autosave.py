"""When to save what the user types: after a short pause, and at least every so often."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

PAUSE_MS = 700  # save this long after typing stops
MAX_WAIT_MS = 800  # ...and never let typing go unsaved longer than this while it goes on


class Autosave(QObject):
    """Calls `save` after a pause in typing, or MAX_WAIT_MS after the first unsaved change,
    whichever comes first, so a crash loses at most about a second of typing."""

    def __init__(self, save: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(save)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(MAX_WAIT_MS)
        self._max_wait.timeout.connect(save)

    def changed(self) -> None:
        self._pause.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def retry_in(self, milliseconds: int) -> None:
        self._max_wait.stop()
        self._pause.start(milliseconds)

    def stop(self) -> None:
        self._pause.stop()
        self._pause.setInterval(PAUSE_MS)
        self._max_wait.stop()
