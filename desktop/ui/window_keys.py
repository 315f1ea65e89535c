"""Keys of the windows that open beside the main one: a running practice session, a story
rehearsal, a quiz, the Backups window and Search everything. Those windows bind their keys from here
and Help > Keyboard shortcuts lists them from here, so the sheet says what the windows really
answer to even while no such window is open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget


@dataclass(frozen=True)
class WindowKeys:
    what: str  # as the sheet lists it
    keys: tuple[str, ...]  # the first is the button's own; the others (the keypad's) click it too

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(keys) for keys in self.keys]

    def matches(self, event: QKeyEvent) -> bool:
        """The key event is one of these keys (from the keypad too: Qt marks its keys)."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = QKeyCombination(modifiers, Qt.Key(event.key()))
        return any(sequence == QKeySequence(pressed) for sequence in self.sequences())

    def text(self) -> str:
        """The keys as the sheet and the README name them ("Enter" once for both Enters)."""
        names = [key_name(sequence) for sequence in self.sequences()]
        return ", ".join(dict.fromkeys(names))


# Qt names the main keyboard's Enter "Return" and the Delete key "Del"; keyboards say otherwise.
_KEY_NAMES = {"Return": "Enter", "Del": "Delete"}


def key_name(sequence: QKeySequence) -> str:
    native = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    return "+".join(_KEY_NAMES.get(part, part) for part in native.split("+"))


# Ctrl with either Enter key: the main keyboard's (Qt's "Return") and the keypad's.
CTRL_ENTER = ("Ctrl+Return", "Ctrl+Enter")

PAUSE = WindowKeys("Pause or resume the timer", ("Ctrl+P",))
FINISH_SESSION = WindowKeys("Finish and log the session", CTRL_ENTER)
FINISH_REHEARSAL = WindowKeys("Stop the timer and rate the rehearsal", CTRL_ENTER)
# The ratings read "1 · Lost my way" ... "5 · Nailed it": their numbers choose them.
RATE_REHEARSAL = WindowKeys("Rate the rehearsal just finished", ("1", "2", "3", "4", "5"))

# A quiz's choices by number or letter, in the order shown (a question has up to six).
ANSWER_QUIZ = WindowKeys(
    "Choose an answer (then Enter checks it)",
    ("1", "2", "3", "4", "5", "6", "A", "B", "C", "D", "E", "F"),
)

DELETE_BACKUP = WindowKeys("Delete the selected backup", ("Del",))
MOVE_THROUGH_HITS = WindowKeys("Move through the hits", ("Up", "Down", "PgUp", "PgDown"))
OPEN_HIT = WindowKeys("Open the chosen hit", ("Return", "Enter"))

WINDOWS: tuple[tuple[str, tuple[WindowKeys, ...]], ...] = (
    ("In a practice session", (PAUSE, FINISH_SESSION)),
    ("While rehearsing a story", (PAUSE, FINISH_REHEARSAL, RATE_REHEARSAL)),
    ("In a quiz", (ANSWER_QUIZ,)),
    ("In the Backups window", (DELETE_BACKUP,)),
    ("In Search everything", (MOVE_THROUGH_HITS, OPEN_HIT)),
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


def bind_to(widget: QWidget, keys: WindowKeys, slot: Callable[[], object]) -> None:
    """Keys that run slot while the keyboard is in this widget (not elsewhere in its window)."""
    for sequence in keys.sequences():
        shortcut = QShortcut(sequence, widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)
