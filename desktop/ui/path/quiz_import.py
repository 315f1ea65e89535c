"""File > Import quiz file…: a quiz of the user's own, checked like a path file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.domain.data_file import DataFileError
from desktop.domain.quiz import quiz_item_ids
from desktop.store.own_data_files import is_own_file_refusal
from desktop.store.quiz_library import QuizClash, import_quiz_file
from desktop.ui.context import AppContext
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.remembered_folder import RememberedFolder


def import_quiz_from_dialog(context: AppContext, parent: QWidget) -> bool:
    chosen = dialogs.choose_file_to_open(
        parent,
        "Import a quiz",
        "Quiz files (*.toml);;All files (*)",
        RememberedFolder(context.preferences, "learning"),
    )
    return chosen is not None and import_quiz(context, Path(chosen), parent)


def import_quiz(context: AppContext, file: Path, parent: QWidget) -> bool:
    """Copy a checked quiz file into the profile's quizzes/ folder; True once it is there."""
    profile = context.profile
    user_dir = profile.folder.quiz_files_dir
    existing = profile.quizzes.by_id
    database = profile.folder.database  # never a source (own_files.py)
    try:
        try:
            quiz, _target = import_quiz_file(
                file, user_dir, profile.vocabulary, existing, database=database
            )
        except QuizClash as clash:
            if not dialogs.confirm(
                parent,
                "Replace a quiz?",
                f"“{clash.existing.title}” is already here with the same id "
                f"('{clash.incoming.id}'). Replace it with “{clash.incoming.title}” from this "
                "file? Scores you logged are kept.",
                "Replace",
            ):
                return False
            quiz, _target = import_quiz_file(
                file, user_dir, profile.vocabulary, existing, replace=True, database=database
            )
    except DataFileError as error:
        dialogs.tell_file_problems(
            parent,
            "This quiz file was not imported",
            error,
            "Choose another file. Nothing was changed."
            if is_own_file_refusal(error)
            else "Fix the file and import it again. Nothing was changed.",
        )
        return False
    profile.reload_library()
    context.events.paths_changed.emit()
    where = (
        "Start its quiz item to take it."
        if quiz.id in quiz_item_ids(profile.library.paths)
        else f"No quiz item has the id '{quiz.id}' yet: add one to a path file of your own."
    )
    dialogs.tell(
        parent, "Quiz imported", f"“{quiz.title}” ({len(quiz.questions)} questions). {where}"
    )
    return True
