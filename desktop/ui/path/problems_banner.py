"""A short notice about path and quiz files that could not be loaded, with the details on
request: Show all lists every problem of every file (scrolling past a few lines), and Copy
problems copies them all, as the import's file problems dialog does."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from desktop.domain.path_file import PathFileError
from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.file_problems import FileProblemList, copied_text, listed, shown_name
from desktop.ui.widgets.labels import text_label

SHOWN_BEFORE_DETAILS = 3
# Collapsed, each file shows its first problem: the banner stays a few lines tall.
PROBLEMS_BEFORE_DETAILS = 1
# Expanded, the lists scroll past this many lines rather than push the page off the window.
MOST_LINES_SHOWN = 14
# Expanded, every problem up to this many in all (each label costs about 1 ms to lay out, and
# a generated file can have thousands); past it each file counts the rest, which Copy problems
# still copies. A file someone wrote by hand is far below it.
MOST_PROBLEMS_LISTED = 60


class PathProblemsBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName("Problems with path and quiz files")
        self._errors: list[PathFileError] = []
        self._folder: Path | None = None
        self._expanded = False
        self.file_lists: list[FileProblemList] = []

        outer = QHBoxLayout(self)
        outer.setContentsMargins(10, 6, 6, 6)
        text = QVBoxLayout()
        self.heading = text_label("Path and quiz file problems", "strong")
        text.addWidget(self.heading)
        self._lists = QWidget()
        self._lists_layout = QVBoxLayout(self._lists)
        self._lists_layout.setContentsMargins(0, 0, 0, 0)
        self._lists_layout.setSpacing(10)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._scroll.setWidget(self._lists)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.viewport().setAutoFillBackground(False)
        self._lists.setAutoFillBackground(False)
        text.addWidget(self._scroll, 1)
        self.more_files = text_label("More files", "muted")
        text.addWidget(self.more_files)
        outer.addLayout(text, 1)
        buttons = QVBoxLayout()
        self.details_button = push_button(
            "Show all", "Show every path and quiz file problem", self._toggle_details
        )
        buttons.addWidget(self.details_button)
        self.copy_button = push_button(
            "Copy problems",
            "Copy every problem of every file, with its path",
            self._copy,
            tooltip="Copy every problem of these files, and where each file is",
        )
        buttons.addWidget(self.copy_button)
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
        self._errors = sorted(errors, key=lambda error: shown_name(error.file, folder).lower())
        self._folder = folder
        self._expanded = False
        page = self.parentWidget()
        if page is not None:
            page.installEventFilter(self)  # once: Qt does not install a filter twice
        self._render()
        self.setVisible(bool(self._errors))

    def _render(self) -> None:
        count = len(self._errors)
        self.heading.setText(
            "One path or quiz file could not be loaded and was skipped. Fix it and restart "
            "Loopwise."
            if count == 1
            else f"{count} path or quiz files could not be loaded and were skipped. Fix them "
            "and restart Loopwise."
        )
        shown = self._errors if self._expanded else self._errors[:SHOWN_BEFORE_DETAILS]
        for old in self.file_lists:
            old.setParent(None)
            old.deleteLater()
        # Each file once, named from the data folder (quizzes/bad.toml: which folder to look
        # in; the whole path in its tooltip), then its problems: expanded, every one of them
        # (the lists scroll).
        self.file_lists = [
            FileProblemList(error.file, listed(error), problems, folder=self._folder)
            for error, problems in zip(shown, self._problems_shown(shown), strict=True)
        ]
        for file_list in self.file_lists:
            self._lists_layout.addWidget(file_list)
        hidden = count - len(shown)
        self.more_files.setText(f"…and {hidden} more files." if hidden else "")
        self.more_files.setVisible(bool(hidden))
        self._fit_lists()
        more_to_see = count > SHOWN_BEFORE_DETAILS or any(
            len(error.problems) > PROBLEMS_BEFORE_DETAILS for error in self._errors
        )
        self.details_button.setVisible(more_to_see)
        self.details_button.setText("Show fewer" if self._expanded else "Show all")

    def _problems_shown(self, errors: Sequence[PathFileError]) -> list[int]:
        """How many problems each file lists: one collapsed; expanded, all of them while
        MOST_PROBLEMS_LISTED lasts (and at least one a file)."""
        if not self._expanded:
            return [PROBLEMS_BEFORE_DETAILS] * len(errors)
        left = MOST_PROBLEMS_LISTED
        counts = []
        for error in errors:
            count = max(PROBLEMS_BEFORE_DETAILS, min(len(error.problems), left))
            counts.append(count)
            left -= count
        return counts

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_lists()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit_lists()  # a taller or shorter page: a new quarter of it
        return False

    def _fit_lists(self) -> None:
        """As tall as the lists at the banner's width, up to MOST_LINES_SHOWN lines and a
        quarter of the page: past that they scroll rather than push the path off the page."""
        width = self._scroll.viewport().width()
        wanted = self._lists.heightForWidth(width)
        if wanted <= 0:
            wanted = self._lists.sizeHint().height()
        cap = self.fontMetrics().lineSpacing() * MOST_LINES_SHOWN
        page = self.parentWidget()
        if page is not None:  # a small window keeps room for the path below
            cap = min(cap, max(page.height() // 4, self.fontMetrics().lineSpacing() * 4))
        height = min(wanted, cap)
        if height != self._scroll.height():
            self._scroll.setFixedHeight(height)

    def _toggle_details(self) -> None:
        self._expanded = not self._expanded
        self._render()

    def _copy(self) -> None:
        """Every problem of every file, each file's whole path above its problems."""
        QGuiApplication.clipboard().setText(
            "\n\n".join(copied_text(error.file, listed(error)) for error in self._errors)
        )

    def _open_folder(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))
