"""Saying that a file was saved, with a way to open it or its folder (the status bar alone
went unnoticed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.widgets.plain_text import message_box


def tell_saved(parent: QWidget | None, title: str, message: str, target: Path) -> QMessageBox:
    """A message that does not block, naming the file and its folder: Open, Show in folder,
    or Close."""
    box = message_box(
        QMessageBox.Icon.Information,
        title,
        message,
        parent,
        informative=f"{target.name}\nin {target.parent}",  # plain text: names as typed
    )
    box.setAccessibleName(title)
    open_file = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
    show_folder = box.addButton("Show in folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_file)

    def chosen() -> None:
        clicked = box.clickedButton()
        if clicked is open_file:
            open_path(target)
        elif clicked is show_folder:
            open_path(target.parent)

    box.finished.connect(chosen)
    box.open()
    return box


def open_path(path: Path) -> bool:
    """Open a file or folder in the user's own application (kept apart so tests can watch)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
