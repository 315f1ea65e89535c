"""Small questions asked of the user, kept in one place so tests can answer them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.ui.widgets.plain_text import message_box

if TYPE_CHECKING:
    from desktop.domain.data_file import DataFileError
    from desktop.ui.widgets.remembered_folder import RememberedFolder

# Every message here may carry user text (a title, a file name): all are plain text.


def confirm(parent: QWidget | None, title: str, question: str, action: str) -> bool:
    box = message_box(QMessageBox.Icon.Question, title, question, parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def choose_file_to_open(
    parent: QWidget | None, title: str, name_filter: str, place: RememberedFolder
) -> str | None:
    """A file to read, the picker starting where the user last went for its kind of file."""
    start = str(place.folder())
    path, _selected = QFileDialog.getOpenFileName(parent, title, start, name_filter)
    if path:
        place.remember(Path(path).parent)
    return path or None


def tell_problem(parent: QWidget | None, title: str, message: str) -> None:
    _tell(QMessageBox.Icon.Warning, parent, title, message)


def tell_file_problems(
    parent: QWidget | None, title: str, error: DataFileError, outcome: str
) -> None:
    """A data file refused: the file named once, each problem on its own, then `outcome`
    (what happened, what to do)."""
    from desktop.ui.widgets.file_problems import FileProblemsDialog, listed  # when needed

    FileProblemsDialog(title, error.file, listed(error), outcome, parent).exec()


def tell_file_problem_list(
    parent: QWidget | None,
    title: str,
    file: str,
    problems: Sequence[str],
    outcome: str,
    *,
    stopped: bool = False,
) -> None:
    """A file refused for `problems` that each name their own place in it (a record of an
    export): the file named once, each problem on its own, then `outcome`. `stopped`: the
    check gave up after these, so the file has at least as many."""
    from desktop.ui.widgets.file_problems import FileProblemsDialog, listed_as_said

    listed = listed_as_said(problems)
    FileProblemsDialog(title, file, listed, outcome, parent, stopped=stopped).exec()


def tell(parent: QWidget | None, title: str, message: str) -> None:
    _tell(QMessageBox.Icon.Information, parent, title, message)


def _tell(icon: QMessageBox.Icon, parent: QWidget | None, title: str, message: str) -> None:
    box = message_box(icon, title, message, parent)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def tell_not_saved(parent: QWidget | None, what: str, reason: str) -> None:
    """The one way to say a change failed to save: what it was and why, in plain words."""
    message = f"{what} could not be saved: {reason}. Nothing you had was lost."
    tell_problem(parent, "Not saved", message)


def choose_file_to_save(
    parent: QWidget | None, title: str, suggested: str, name_filter: str
) -> str | None:
    """A file name to save to; one typed without an ending gets the suggested name's (the
    callers still fit the ending with file_suffix.fitted_name: a foreign one is replaced)."""
    dialog = QFileDialog(parent, title, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(Path(suggested).suffix.lstrip("."))
    dialog.selectFile(suggested)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0] or None


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, title, start) or None


def choose_folder_to_open(
    parent: QWidget | None, title: str, place: RememberedFolder
) -> str | None:
    """A folder to read from, starting beside the last one picked."""
    folder = choose_folder(parent, title, str(place.folder()))
    if folder:
        place.remember(Path(folder).parent)
    return folder
