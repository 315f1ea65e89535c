"""Push buttons as every page makes them: a label, a name for screen readers, an action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QPushButton


def push_button(
    text: str, accessible_name: str, on_click: Callable[[], object] | SignalInstance
) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    button.clicked.connect(on_click)
    return button
