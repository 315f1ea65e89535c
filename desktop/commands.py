"""Subcommands that work without a window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from desktop.domain.data_file import DataFileError
from desktop.folders import ProfileFolder, resolve_data_dir
from desktop.profile import load_library, load_quiz_library, shipped_vocabulary
from desktop.store.files import FileClash
from desktop.store.health import failure_text
from desktop.store.path_library import import_path_file


def import_path_command(data_dir: str | None, file: str, *, replace: bool = False) -> int:
    folder = ProfileFolder(resolve_data_dir(data_dir))

    def run() -> str:
        existing = load_library(folder).paths
        path, target = import_path_file(
            Path(file), folder.path_files_dir, shipped_vocabulary(), existing, replace=replace
        )
        stages = len(path.stages)
        return f"Imported '{path.title}' ({stages} stages, {path.item_count()} items) into {target}"

    return _all_or_nothing(folder, run)


def import_quiz_command(data_dir: str | None, file: str, *, replace: bool = False) -> int:
    from desktop.store.quiz_library import import_quiz_file

    folder = ProfileFolder(resolve_data_dir(data_dir))

    def run() -> str:
        existing = load_quiz_library(folder).by_id
        quiz, target = import_quiz_file(
            Path(file), folder.quiz_files_dir, shipped_vocabulary(), existing, replace=replace
        )
        return (
            f"Imported '{quiz.title}' ({len(quiz.questions)} questions) into {target}. "
            f"It is the quiz of any quiz item with the id '{quiz.id}'."
        )

    return _all_or_nothing(folder, run)


def _all_or_nothing(folder: ProfileFolder, run: Callable[[], str]) -> int:
    """Run an import of a data file and say how it went; 1 if nothing was imported."""
    try:
        folder.ensure()
        done = run()
    except FileClash as clash:
        print(f"Nothing was imported: {clash.explanation}", file=sys.stderr)
        return 1
    except DataFileError as error:
        print(f"Nothing was imported. {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Nothing was imported: {failure_text(error, folder.data_dir)}.", file=sys.stderr)
        return 1
    print(done)
    return 0


def list_paths_command(data_dir: str | None) -> int:
    folder = ProfileFolder(resolve_data_dir(data_dir))
    loaded = load_library(folder)
    for path in loaded.paths:
        print(f"{path.id}: {path.title} ({len(path.stages)} stages, {path.item_count()} items)")
    errors = (*loaded.errors, *load_quiz_library(folder).errors)
    for error in errors:
        print(f"Skipped: {error}", file=sys.stderr)
    return 1 if errors else 0
