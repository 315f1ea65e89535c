"""When to save what the user types: after a short pause, and at least every so often."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

PAUSE_MS = 700  # save this long after typing stops
MAX_WAIT_MS = 800  # ...and never let typing go unsaved longer than this while it goes on


class Timer(Protocol):
    """A one-shot timer: what Autosave needs of QTimer (tests drive a fake one)."""

    def start(self, milliseconds: int) -> None: ...
    def stop(self) -> None: ...
    def isActive(self) -> bool: ...


TimerFactory = Callable[[QObject, Callable[[], None]], Timer]


class Autosave(QObject):
    """Calls `save` after a pause in typing, or MAX_WAIT_MS after the first unsaved change,
    whichever comes first, so a crash loses at most about a second of typing."""

    def __init__(
        self,
        save: Callable[[], object],
        parent: QObject | None = None,
        make_timer: TimerFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        make = make_timer or _qt_timer
        self._pause = make(self, self._due)
        self._max_wait = make(self, self._due)

    def changed(self) -> None:
        self._pause.start(PAUSE_MS)
        if not self._max_wait.isActive():
            self._max_wait.start(MAX_WAIT_MS)

    def retry_in(self, milliseconds: int) -> None:
        self._max_wait.stop()
        self._pause.start(milliseconds)

    def stop(self) -> None:
        self._pause.stop()
        self._max_wait.stop()

    def _due(self) -> None:
        self.stop()  # one save covers both: the next change starts both clocks afresh
        self._save()


def _qt_timer(parent: QObject, fire: Callable[[], None]) -> Timer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(fire)
    return timer
