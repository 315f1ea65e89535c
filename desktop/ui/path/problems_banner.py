"""A short notice about path and quiz files that could not be loaded, with the details on
request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.path_file import PathFileError
from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.plain_text import plain_tip

SHOWN_BEFORE_DETAILS = 3


class PathProblemsBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName("Problems with path and quiz files")
        self._errors: list[PathFileError] = []
        self._folder: Path | None = None
        self._expanded = False

        outer = QHBoxLayout(self)
        outer.setContentsMargins(10, 6, 6, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("Path and quiz file problems")
        outer.addWidget(self.text, 1)
        buttons = QVBoxLayout()
        self.details_button = push_button(
            "Show all", "Show every path and quiz file problem", self._toggle_details
        )
        buttons.addWidget(self.details_button)
        open_folder = push_button(
            "Open folder",
            "Open your data folder (its paths and quizzes folders)",
            self._open_folder,
        )
        buttons.addWidget(open_folder)
        dismiss = push_button("Dismiss", "Dismiss the file problems", self.hide)
        buttons.addWidget(dismiss)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.hide()

    def show_errors(self, errors: Sequence[PathFileError], folder: Path) -> None:
        self._errors = sorted(errors, key=lambda error: Path(error.file).name.lower())
        self._folder = folder
        self._expanded = False
        self._render()
        self.setVisible(bool(self._errors))

    def _render(self) -> None:
        count = len(self._errors)
        shown = self._errors if self._expanded else self._errors[:SHOWN_BEFORE_DETAILS]
        heading = (
            "One path or quiz file could not be loaded and was skipped."
            if count == 1
            else f"{count} path or quiz files could not be loaded and were skipped."
        )
        lines = "".join(
            "<br>• " + escape(_short(error)).replace("\n", "<br>&nbsp;&nbsp;") for error in shown
        )
        hidden = count - len(shown)
        more = f"<br>…and {hidden} more." if hidden else ""
        self.text.setText(f"<b>{heading}</b> Fix them and restart Loopwise.{lines}{more}")
        self.text.setToolTip(plain_tip("\n".join(str(error) for error in self._errors)))
        self.details_button.setVisible(count > SHOWN_BEFORE_DETAILS)
        self.details_button.setText("Show fewer" if self._expanded else "Show all")

    def _toggle_details(self) -> None:
        self._expanded = not self._expanded
        self._render()

    def _open_folder(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))


def _short(error: PathFileError) -> str:
    """The message (every problem of the file) with just the file's name; the full path is in
    the tooltip."""
    name = Path(error.file).name
    return str(replace(error, file=name, more=tuple(replace(p, file=name) for p in error.more)))
