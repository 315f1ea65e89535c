"""Switching a widget's look from the style sheet by a dynamic property."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def repolish(widget: QWidget, prop: str, value: object) -> None:
    """Set a property the style sheet selects on (role, over, ...) and restyle the widget.
    Qt does not restyle by itself when a property changes; unchanged values cost nothing."""
    if widget.property(prop) == value:
        return
    widget.setProperty(prop, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
