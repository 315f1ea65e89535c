"""The banner that offers to bring back what was just deleted, newest first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip

TITLE_SHOWN = 60  # characters of a title the bar shows; the rest is in its tooltip


class UndoBar(QFrame):
    """Remembers deleted things as (id, title); Undo asks the page to bring back the newest.
    `describe` words one, e.g. "the story “{title}”"; `done` says what became of it."""

    undo_requested = Signal()
    offer_changed = Signal(bool)  # whether anything can be brought back now

    def __init__(
        self, describe: str, parent: QWidget | None = None, *, done: str = "Deleted"
    ) -> None:
        super().__init__(parent)
        self._describe = describe
        self._done = done
        self._deleted: list[tuple[int, str]] = []  # newest last
        self.setObjectName("banner")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 6, 4)
        # Wrapped, and a long title shortened: the bar never widens the window.
        self.text = text_label("What can be brought back")
        row.addWidget(self.text, 1)
        undo = push_button("Undo", f"Bring back what was {done.lower()}", self.undo_requested)
        row.addWidget(undo)
        self.hide()

    def latest(self) -> int | None:
        """The id of what Undo would bring back, if anything."""
        return self._deleted[-1][0] if self._deleted else None

    def deleted(self, item_id: int, title: str) -> None:
        self._deleted.append((item_id, title))
        self._show()

    def bring_back(self, restore: Callable[[int], bool]) -> int | None:
        """Hand the newest deleted id to `restore`; once it is back (True), offer the one
        before it. Returns the id brought back, if any."""
        newest = self.latest()
        if newest is None or not restore(newest):
            return None
        self._deleted.pop()
        self._show()
        return newest

    def _show(self) -> None:
        if not self._deleted:
            self.hide()
        else:
            _item_id, title = self._deleted[-1]
            count = len(self._deleted)
            more = f" ({count} can be brought back)" if count > 1 else ""
            shown = title if len(title) <= TITLE_SHOWN else title[: TITLE_SHOWN - 1] + "…"
            self.text.setText(f"{self._done} {self._describe.format(title=shown)}.{more}")
            self.text.setToolTip(plain_tip(title) if shown != title else "")
            self.show()
        self.offer_changed.emit(bool(self._deleted))
