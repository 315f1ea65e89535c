"""Subcommands that work without a window."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.domain.path_file import PathFileError
from desktop.folders import ProfileFolder, resolve_data_dir, shipped_data_dir
from desktop.profile import load_library, shipped_vocabulary
from desktop.store.health import failure_text
from desktop.store.path_library import PathClash, import_path_file


def import_path_command(data_dir: str | None, file: str, *, replace: bool = False) -> int:
    folder = ProfileFolder(resolve_data_dir(data_dir))
    try:
        folder.ensure()
        existing = load_library(folder).paths
        path, target = import_path_file(
            Path(file), folder.path_files_dir, shipped_vocabulary(), existing, replace=replace
        )
    except PathClash as clash:
        print(
            f"Nothing was imported: a path with the id '{clash.incoming.id}' "
            f"(“{clash.existing.title}”) is already here. Run again with --replace to "
            f"replace it; your progress is kept, and {clash.items_to_retire} items the new "
            "file no longer has would be shown as retired.",
            file=sys.stderr,
        )
        return 1
    except PathFileError as error:
        print(f"Nothing was imported. {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Nothing was imported: {failure_text(error, folder.data_dir)}.", file=sys.stderr)
        return 1
    stages = len(path.stages)
    print(f"Imported '{path.title}' ({stages} stages, {path.item_count()} items) into {target}")
    return 0


def import_quiz_command(data_dir: str | None, file: str, *, replace: bool = False) -> int:
    from desktop.domain.data_file import DataFileError
    from desktop.store.quiz_library import QuizClash, import_quiz_file, load_quizzes

    folder = ProfileFolder(resolve_data_dir(data_dir))
    vocabulary = shipped_vocabulary()
    try:
        folder.ensure()
        existing = load_quizzes(
            [shipped_data_dir() / "quizzes", folder.quiz_files_dir], vocabulary
        ).by_id
        quiz, target = import_quiz_file(
            Path(file), folder.quiz_files_dir, vocabulary, existing, replace=replace
        )
    except QuizClash as clash:
        print(
            f"Nothing was imported: a quiz with the id '{clash.incoming.id}' "
            f"(“{clash.existing.title}”) is already here. Run again with --replace to "
            "replace it.",
            file=sys.stderr,
        )
        return 1
    except DataFileError as error:
        print(f"Nothing was imported. {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Nothing was imported: {failure_text(error, folder.data_dir)}.", file=sys.stderr)
        return 1
    print(
        f"Imported '{quiz.title}' ({len(quiz.questions)} questions) into {target}. "
        f"It is the quiz of any quiz item with the id '{quiz.id}'."
    )
    return 0


def list_paths_command(data_dir: str | None) -> int:
    folder = ProfileFolder(resolve_data_dir(data_dir))
    from desktop.store.quiz_library import load_quizzes

    loaded = load_library(folder)
    for path in loaded.paths:
        print(f"{path.id}: {path.title} ({len(path.stages)} stages, {path.item_count()} items)")
    quiz_folders = [shipped_data_dir() / "quizzes", folder.quiz_files_dir]
    errors = (*loaded.errors, *load_quizzes(quiz_folders, shipped_vocabulary()).errors)
    for error in errors:
        print(f"Skipped: {error}", file=sys.stderr)
    return 1 if errors else 0
