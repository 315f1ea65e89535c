"""A data file's problems as a window shows them: the file named once (its whole path in the
tooltip), then each problem on its own, where it is (line, field) above what is wrong.

The command line prints the same DataFileError with the whole path on every line, which an
editor can jump to; in a window that wraps into one run-on block. Everything here is plain
text: a file's name and the values it holds are the user's own words, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.data_file import DataFileError
from desktop.domain.wording import counted
from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip

# The dialog's width as it opens: lines of about 80 characters, narrow enough for any screen.
WIDTH = 560
# Enough to fix a file in one go, few enough to read; the rest are counted (and copied).
PROBLEMS_SHOWN = 6
# A run of this many characters with no space (a long value, a path) gets a place to wrap,
# so one word never makes the dialog wider than the screen.
LONGEST_UNBROKEN = 40
ZERO_WIDTH_SPACE = "\u200b"


def where(problem: DataFileError) -> str:
    """'Line 13' or 'Whole file': where in the file the problem is."""
    return f"Line {problem.line}" if problem.line is not None else "Whole file"


def where_and_field(problem: DataFileError) -> str:
    """'Line 13 · stages[1].items[1].kind': the line, and the field when one is named."""
    return f"{where(problem)} · {problem.field}" if problem.field else where(problem)


def sentence(text: str) -> str:
    """'must be 1 or more' as 'Must be 1 or more.': each problem reads as a sentence."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!" else f"{text}."


def wrappable(text: str) -> str:
    """`text` with a zero-width space in each long unbroken run, where Qt may wrap it."""

    def broken(match: re.Match[str]) -> str:
        run = match.group(0)
        parts = [run[i : i + LONGEST_UNBROKEN] for i in range(0, len(run), LONGEST_UNBROKEN)]
        return ZERO_WIDTH_SPACE.join(parts)

    return re.sub(rf"\S{{{LONGEST_UNBROKEN + 1},}}", broken, text)


@dataclass(frozen=True)
class ListedProblem:
    """One problem as a window lists it."""

    place: str  # "Line 13 · stages[1].items[1].kind"; "" when `what` names its record itself
    what: str  # what is wrong, as a sentence


def listed(error: DataFileError) -> tuple[ListedProblem, ...]:
    """Each problem of a data file, where it is kept apart from what is wrong."""
    return tuple(
        ListedProblem(where_and_field(problem), sentence(problem.problem))
        for problem in error.problems
    )


def listed_as_said(problems: Sequence[str]) -> tuple[ListedProblem, ...]:
    """Problems that each name their own place (a record of an export), as sentences."""
    return tuple(ListedProblem("", sentence(problem)) for problem in problems)


def shown_name(file: str, folder: Path | None = None) -> str:
    """The file as a window names it: from the data folder when it is in it
    ('quizzes/bad.toml', so the user knows which folder to look in), else by its name."""
    path = Path(file)
    if folder is not None:
        try:
            return path.relative_to(folder).as_posix()
        except ValueError:
            pass  # somewhere else (a file being imported): its name, the tooltip has the rest
    return path.name or file


def copied_text(file: str, problems: Sequence[ListedProblem]) -> str:
    """Every problem of the file, the file's path once above them: for the clipboard."""
    lines = [file]
    for problem in problems:
        lines.append(f"{problem.place}: {problem.what}" if problem.place else problem.what)
    return "\n".join(lines)


class FileProblemList(QWidget):
    """One file's name, then up to `shown` of its problems, then how many more there are."""

    def __init__(
        self,
        file: str,
        problems: Sequence[ListedProblem],
        shown: int = PROBLEMS_SHOWN,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        stopped: bool = False,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        name = shown_name(file, folder)
        # `stopped`: the check gave up after these, so the file has more than are listed.
        at_least = "at least " if stopped else ""
        count = counted(len(problems), "problem")
        self.file_label = text_label("File", "strong")
        self.file_label.setText(wrappable(f"{name} has {at_least}{count}:"))
        self.file_label.setToolTip(plain_tip(file))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.file_label)

        # Each problem: where it is (line, field) in a muted line, what is wrong below it.
        self.items: list[tuple[QLabel, QLabel]] = []
        for problem in problems[:shown]:
            place = text_label("Where", "muted")
            place.setText(wrappable(problem.place))
            place.setVisible(bool(problem.place))
            what = text_label("Problem")
            what.setText(wrappable(problem.what))
            what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            item = QVBoxLayout()
            item.setSpacing(1)
            item.addWidget(place)
            item.addWidget(what)
            layout.addLayout(item)
            self.items.append((place, what))
        hidden = len(problems) - len(self.items)
        self.more_label = text_label("More problems", "muted")
        self.more_label.setText(f"…and {counted(hidden, 'more problem')}." if hidden > 0 else "")
        self.more_label.setVisible(hidden > 0)
        layout.addWidget(self.more_label)
        layout.addStretch(1)  # in a taller scroll area, the problems stay at the top


def copy_problems(file: str, problems: Sequence[ListedProblem]) -> None:
    QGuiApplication.clipboard().setText(copied_text(file, problems))


def folder_of(file: str) -> Path:
    """The folder the file is in, or the folder itself (a folder of notes imported)."""
    path = Path(file)
    return path if path.is_dir() else path.parent


def show_folder_of(file: str) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder_of(file))))


class FittingScrollArea(QScrollArea):
    """Vertical scrolling only, as tall as its content at the width it has (up to a cap), so a
    short list makes a short dialog and a long one scrolls instead of leaving the screen."""

    def __init__(
        self,
        content: QWidget,
        *,
        most_lines: int = 24,
        least_width: int = WIDTH - 40,
        screen_share: float | None = None,
    ) -> None:
        super().__init__()
        self.content = content
        self.most_lines = most_lines
        self.least_width = least_width
        # At most this part of the screen's height: what is around it must fit there too.
        self.screen_share = screen_share
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def tallest(self) -> int:
        tallest = self.fontMetrics().height() * self.most_lines
        screen = self.screen()
        if self.screen_share is not None and screen is not None:
            share = int(screen.availableGeometry().height() * self.screen_share)
            tallest = min(tallest, max(share, self.fontMetrics().height() * 4))
        return tallest

    def sizeHint(self) -> QSize:
        content = self.content
        width = max(self.viewport().width(), self.least_width)
        wanted = content.heightForWidth(width)  # -1 or 0 when nothing in it wraps
        return QSize(
            width, min(wanted if wanted > 0 else content.sizeHint().height(), self.tallest())
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() * 4)


class FileProblemsDialog(QDialog):
    """Why a file was refused, and what happened because of it (`outcome`). `stopped`: the
    check gave up after `problems` (see FileProblemList)."""

    def __init__(
        self,
        title: str,
        file: str,
        problems: Sequence[ListedProblem],
        outcome: str,
        parent: QWidget | None = None,
        *,
        stopped: bool = False,
    ) -> None:
        super().__init__(parent)
        self.file = file
        self.problems = tuple(problems)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.heading = text_label("What happened", "subheading")
        self.heading.setText(title)
        layout.addWidget(self.heading)

        self.problem_list = FileProblemList(file, problems, stopped=stopped)
        self.problem_area = FittingScrollArea(self.problem_list)
        layout.addWidget(self.problem_area, 1)

        self.outcome = text_label("What to do")
        self.outcome.setText(outcome)
        layout.addWidget(self.outcome)

        buttons = QHBoxLayout()
        self.folder_button = push_button(
            "Show folder", "Open the folder the file is in", self._show_folder
        )
        self.folder_button.setToolTip(plain_tip(str(folder_of(file))))
        buttons.addWidget(self.folder_button)
        self.copy_button = push_button(
            "Copy problems",
            "Copy every problem of the file, with its path",
            self._copy,
            tooltip="Copy every problem of this file, and where the file is",
        )
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        close = push_button("OK", "Close", self.accept, default=True)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(WIDTH, self.sizeHint().height())
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            # Only now are the style's fonts and the widths known that decide where the
            # problems wrap: grow to show them without scrolling, up to the cap (and the
            # screen, which keeps every dialog on it).
            self._fitted = True
            viewport = self.problem_area.viewport()
            needed = min(
                self.problem_area.tallest(), self.problem_list.heightForWidth(viewport.width())
            )
            if needed > viewport.height():
                self.resize(self.width(), self.height() + needed - viewport.height())

    def _copy(self) -> None:
        copy_problems(self.file, self.problems)

    def _show_folder(self) -> None:
        show_folder_of(self.file)


class FileProblemsNote(QFrame):
    """A file's problems inside a form (as Preferences tells a settings file it could not
    use): what that means, then the file (named from the data `folder`) and its problems as
    the dialog lists them, with
    Show folder and Copy problems. The list scrolls past `most_lines` or a quarter of the
    screen, so the form stays on the smallest screen; call fit() once the form is laid out."""

    def __init__(
        self,
        meaning: str,
        file: str,
        problems: Sequence[ListedProblem],
        *,
        most_lines: int = 16,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.file = file
        self.problems = tuple(problems)
        self.setObjectName("banner")
        self.setAccessibleName(f"Problems with {shown_name(file, folder)}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.meaning = text_label("What it means")
        self.meaning.setText(meaning)
        layout.addWidget(self.meaning)
        self.problem_list = FileProblemList(file, problems, folder=folder)
        self.problem_area = FittingScrollArea(
            self.problem_list, most_lines=most_lines, least_width=0, screen_share=0.25
        )
        self.problem_area.viewport().setAutoFillBackground(False)  # the note's colour shows
        self.problem_list.setAutoFillBackground(False)
        layout.addWidget(self.problem_area)
        buttons = QHBoxLayout()
        self.folder_button = push_button(
            "Show folder",
            "Open the folder the file is in",
            lambda: show_folder_of(file),
            tooltip=plain_tip(str(folder_of(file))),
        )
        buttons.addWidget(self.folder_button)
        self.copy_button = push_button(
            "Copy problems",
            "Copy every problem of the file, with its path",
            lambda: copy_problems(file, self.problems),
            tooltip="Copy every problem of this file, and where the file is",
        )
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def fit(self) -> None:
        """Be as tall as the problems at the width the form gave (up to the cap): only then
        is it known where they wrap."""
        self.problem_area.updateGeometry()
