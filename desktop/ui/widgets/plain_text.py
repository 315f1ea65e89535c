"""User text shown as typed: Qt guesses whether a label's, a message box's or a tooltip's text
is HTML, and a title like `<img src="/some/file.png">` would make it load that file.

Labels and message boxes are set to plain text; a tooltip cannot be, so one that Qt would take
for HTML is turned into HTML that shows the text exactly as written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_tip(text: str) -> str:
    """A tooltip (or ToolTipRole value) that shows `text` literally."""
    if not GuiQt.mightBeRichText(text):
        return text  # shown as plain text already, "&" and all
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def plain_labels(widget: QWidget) -> None:
    """Every label inside `widget` shows its text as plain text."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    parent: QWidget | None = None,
    *,
    informative: str = "",
) -> QMessageBox:
    """A message box whose text and informative text are plain text, never HTML."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # before the text: Qt must never parse it
    if informative:
        box.setInformativeText(" ")
    plain_labels(box)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    return box
