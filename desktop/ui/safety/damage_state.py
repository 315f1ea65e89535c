"""What the window knows of damage to its database, so read failures do not repeat the news.

The full integrity check (integrity_watch) runs once the window is up; pages reading at the
same time may trip over the damage first. While the check runs, or once the recovery question
has been asked, a read that fails because of damage stays quiet: the question says it, once,
with what to do. Kept on the main window as a Qt property, so every page, and every dialog
over the window, finds it through its parents without being handed anything.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QWidget

_PROPERTY = "loopwiseDamageState"


class DamageState(StrEnum):
    UNKNOWN = ""  # no check running, no damage found
    CHECKING = "checking"  # the check is running and will ask about any damage
    KNOWN = "known"  # found: the recovery question was (or is being) asked


def damage_state(widget: QWidget) -> DamageState:
    value = _outermost(widget).property(_PROPERTY)
    return DamageState(value) if isinstance(value, str) else DamageState.UNKNOWN


def set_damage_state(widget: QWidget, state: DamageState) -> None:
    _outermost(widget).setProperty(_PROPERTY, str(state))


def _outermost(widget: QWidget) -> QWidget:
    """The main window, for a page and for a dialog over it (a dialog is a window itself)."""
    while (parent := widget.parentWidget()) is not None:
        widget = parent
    return widget
