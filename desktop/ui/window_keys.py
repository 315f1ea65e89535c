"""Keys of the windows that open beside the main one: a running practice session and a story
rehearsal. Those windows bind their buttons from here and Help > Keyboard shortcuts lists
them from here, so the sheet says what the buttons really answer to even while no such
window is open."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton


@dataclass(frozen=True)
class WindowKeys:
    what: str  # as the sheet lists it
    keys: tuple[str, ...]  # the first is the button's own; the others (the keypad's) click it too

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(keys) for keys in self.keys]


# Ctrl with either Enter key: the main keyboard's (Qt's "Return") and the keypad's.
CTRL_ENTER = ("Ctrl+Return", "Ctrl+Enter")

PAUSE = WindowKeys("Pause or resume the timer", ("Ctrl+P",))
FINISH_SESSION = WindowKeys("Finish and log the session", CTRL_ENTER)
FINISH_REHEARSAL = WindowKeys("Stop the timer and rate the rehearsal", CTRL_ENTER)

WINDOWS: tuple[tuple[str, tuple[WindowKeys, ...]], ...] = (
    ("In a practice session", (PAUSE, FINISH_SESSION)),
    ("While rehearsing a story", (PAUSE, FINISH_REHEARSAL)),
)


def bind(button: QAbstractButton, keys: WindowKeys) -> None:
    """Give a button its keys: a button takes one sequence, so the others get shortcuts of
    their own that click it (Qt skips them, as it does the button's own, while the button is
    hidden or disabled)."""
    first, *others = keys.sequences()
    button.setShortcut(first)
    for sequence in others:
        extra = QShortcut(sequence, button)
        extra.activated.connect(button.animateClick)
