"""What the app tells the user in a problem message box or dialog, caught instead of shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QWidget

from desktop.domain.data_file import DataFileError
from desktop.ui.widgets import dialogs

if TYPE_CHECKING:
    from desktop.ui.widgets.file_problems import FileProblemsDialog


def problems_told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of every problem message the app shows from now on, in order."""
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell_problem", lambda _parent, _title, text: told.append(text))
    return told


def file_problems_told(monkeypatch: pytest.MonkeyPatch) -> list[FileProblemsDialog]:
    """Every refused data file the app tells from now on, as the dialog it would show (built,
    not shown, so the test reads it)."""
    from desktop.ui.widgets.file_problems import FileProblemsDialog, listed

    told: list[FileProblemsDialog] = []

    def keep(parent: QWidget | None, title: str, error: DataFileError, outcome: str) -> None:
        told.append(FileProblemsDialog(title, error.file, listed(error), outcome, parent))

    monkeypatch.setattr(dialogs, "tell_file_problems", keep)
    return told
