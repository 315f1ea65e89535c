"""Labels for text that comes from files or from the user: always plain text, never markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def text_label(accessible_name: str, role: str | None = None, *, wrap: bool = True) -> QLabel:
    """A plain-text label; `role` picks a look from the style sheet (heading, muted, warning)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # a title like "<img src=...>" stays text
    label.setWordWrap(wrap)
    label.setAccessibleName(accessible_name)
    if role:
        label.setProperty("role", role)
    return label


def centred_note(accessible_name: str, text: str) -> QLabel:
    """A muted, centred paragraph: what an empty list or chart says instead of nothing."""
    label = text_label(accessible_name, "muted")
    label.setText(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class ProblemNote(QLabel):
    """A form's warning line: hidden until there is a problem to tell, and hidden again once
    the problem is gone (tell(None))."""

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(accessible_name)
        self.setProperty("role", "warning")
        self.hide()

    def tell(self, problem: str | None) -> None:
        self.setText(problem or "")
        self.setVisible(problem is not None)
