"""What a page shows before there is anything in it: what it is for, and one button to start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import centred_note


class EmptyState(QWidget):
    def __init__(
        self,
        accessible_name: str,
        message: str,
        action: str,
        on_action: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.message = centred_note(accessible_name, message)
        layout.addWidget(self.message)
        self.button = push_button(action, action, lambda: on_action())
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
