"""A delete the user can take back: the record is marked deleted through the one write path,
and the undo bar (and Edit > Undo, through `action`) offers it back, newest first, until it is
restored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from desktop.ui.context import AppContext
from desktop.ui.saving import saved_or_told
from desktop.ui.widgets.undo_bar import UndoBar


class Deletable(Protocol):
    """A store's records that are marked deleted, not removed (store/soft_delete.py)."""

    def delete(self, *, session: Session, record_id: int, now: datetime) -> object: ...

    def restore(self, *, session: Session, record_id: int) -> object: ...


class UndoableDelete:
    """Pairs a store's soft delete and restore with an UndoBar (`bar`, for the page to lay out), so
    the bar only ever offers what was written as deleted. `noun` names one ("story");
    `describe` words one for the bar, e.g. "the story “{title}”"; `words` say what is done
    to it (("Removing", "Removed", "remove") for what leaves a plan but was never the user's
    record).

    `action` is the page's Undo (Page.page_undo, run by Edit > Undo and Ctrl+Z outside a text
    box; the page connects it to its own undo). It is enabled only while the page is active
    and the bar has something to bring back, so the menu never offers an Undo that would do
    nothing; the Edit menu follows its enabledChanged."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        noun: str,
        describe: str,
        records: Deletable,
        *,
        words: tuple[str, str, str] = ("Deleting", "Deleted", "delete"),
    ) -> None:
        self._context = context
        self._parent = parent
        self._noun = noun
        self._records = records
        self._doing = words[0]
        self.bar = UndoBar(describe, done=words[1])
        self.action = QAction(f"Undo {words[2]}", parent)  # named for what it undoes
        self._active = True  # a page on its own is on show; the window says otherwise
        self.bar.offer_changed.connect(lambda _offered: self._enable_action())
        self._enable_action()

    def set_active(self, active: bool) -> None:
        """The page is on show (True) or not: Ctrl+Z is window-wide, so while another page,
        which may use the same key, is on show, this page's Undo is off."""
        self._active = active
        self._enable_action()

    def _enable_action(self) -> None:
        self.action.setEnabled(self._active and self.bar.latest() is not None)

    def delete(self, record_id: int, title: str) -> bool:
        """Mark the record deleted and offer it back; False (the user told why) if not saved."""
        now = self._context.now()
        if not saved_or_told(
            self._context,
            self._parent,
            f"{self._doing} the {self._noun}",
            lambda session: self._records.delete(session=session, record_id=record_id, now=now),
        ):
            return False
        self.bar.deleted(record_id, title)
        return True

    def undo(self) -> int | None:
        """Bring back the newest deleted record; its id once it is back (the id the store's
        restore says it came back under, if it says one: the journal's may be new)."""
        back_under: list[object] = []

        def restore(session: Session, record_id: int) -> None:
            back_under.append(self._records.restore(session=session, record_id=record_id))

        brought = self.bar.bring_back(
            lambda record_id: saved_or_told(
                self._context,
                self._parent,
                f"Bringing the {self._noun} back",
                lambda session: restore(session, record_id),
            )
        )
        if brought is not None and back_under and isinstance(back_under[-1], int):
            return back_under[-1]
        return brought


def add_delete_key(view: QWidget, what: str, delete: Callable[[], object]) -> QAction:
    """The Delete key deletes the record chosen in `view` (while it has the keys); Help >
    Keyboard shortcuts lists it as `what`."""
    key = QAction(what, view)
    key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    key.triggered.connect(lambda _checked=False: delete())
    view.addAction(key)
    return key
