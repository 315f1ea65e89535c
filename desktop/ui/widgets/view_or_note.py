"""A list or table that gives way to a note when it has nothing to show."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget


class ViewOrNote(QStackedWidget):
    """Page 0 is the view, page 1 the note that says why it is empty (more pages may follow,
    such as a busy note)."""

    def __init__(self, view: QWidget, note: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addWidget(view)
        self.addWidget(note)

    def show_view(self, has_rows: bool) -> None:
        self.setCurrentIndex(0 if has_rows else 1)
