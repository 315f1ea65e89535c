"""Text broken into the lines Qt would draw it in at a given width."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout, QTextLine


def lay_out_lines(layout: QTextLayout, width: float) -> list[QTextLine]:
    """Lay out all of `layout`'s text in lines `width` wide (its text option says how lines
    break); the lines keep their text range and height after the layout ends."""
    lines: list[QTextLine] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(line)
    layout.endLayout()
    return lines
