"""Subcommands that work without a window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from desktop.domain.curriculum import LearningPath
from desktop.domain.data_file import DataFileError
from desktop.domain.quiz import quiz_item_ids, quiz_items_without_a_quiz
from desktop.domain.wording import counted
from desktop.folders import ProfileFolder, resolve_data_dir
from desktop.profile import load_library, load_quiz_library, shipped_vocabulary
from desktop.store.files import FileClash
from desktop.store.health import failure_text
from desktop.store.path_library import import_path_file


def import_path_command(data_dir: str | None, file: str, *, replace: bool = False) -> int:
    def run(folder: ProfileFolder) -> str:
        existing = load_library(folder).paths
        path, target = import_path_file(
            Path(file),
            folder.path_files_dir,
            shipped_vocabulary(),
            existing,
            replace=replace,
            database=folder.database,
        )
        return f"Imported '{path.title}' ({_size(path)}) into {target}"

    return _all_or_nothing(data_dir, run)


def import_quiz_command(data_dir: str | None, file: str, *, replace: bool = False) -> int:
    from desktop.store.quiz_library import import_quiz_file

    def run(folder: ProfileFolder) -> str:
        existing = load_quiz_library(folder).by_id
        quiz, target = import_quiz_file(
            Path(file),
            folder.quiz_files_dir,
            shipped_vocabulary(),
            existing,
            replace=replace,
            database=folder.database,
        )
        said = f"Imported '{quiz.title}' ({len(quiz.questions)} questions) into {target}. "
        if quiz_item_ids(load_library(folder).paths) & {quiz.id}:
            return said + f"It is the quiz of the quiz item '{quiz.id}'."
        return said + (
            f"No quiz item has the id '{quiz.id}' yet: add one to a path file of your own "
            "to take it."
        )

    return _all_or_nothing(data_dir, run)


def _all_or_nothing(data_dir: str | None, run: Callable[[ProfileFolder], str]) -> int:
    """Run an import of a data file into the profile at `data_dir` (or the usual one) and say
    how it went; 1 if nothing was imported."""
    folder = ProfileFolder(resolve_data_dir(data_dir))
    try:
        folder.ensure()
        done = run(folder)
    except FileClash as clash:
        print(f"Nothing was imported: {clash.explanation}", file=sys.stderr)
        return 1
    except DataFileError as error:
        print(f"Nothing was imported. {_problems(error)}", file=sys.stderr)
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
        print(f"{path.id}: {path.title} ({_size(path)})")
    quizzes = load_quiz_library(folder)
    errors = (*loaded.errors, *quizzes.errors)
    for error in errors:
        print(f"Skipped: {_problems(error)}", file=sys.stderr)
    for path, item in quiz_items_without_a_quiz(loaded.paths, quizzes.by_id):
        print(
            f"Note: the quiz item '{item.id}' on {path.id} has no quiz file with that id, so "
            "it is practised as a timed session (add one with `loopwise import-quiz`).",
            file=sys.stderr,
        )
    return 1 if errors else 0


def list_tags_command() -> int:
    """Every tag a path, quiz or routine file may name, by group, with its other names; and
    the story themes a behavioral item may name too."""
    vocabulary = shipped_vocabulary()
    for group in vocabulary.taxonomy.groups:
        print(f"{group.title} ({group.kind.value.replace('_', ' ')}s):")
        for entry in group.entries:
            others = f"  (also: {', '.join(entry.aliases)})" if entry.aliases else ""
            print(f"  {entry.id}: {entry.label}{others}")
    if vocabulary.themes is not None:
        print("Story themes (behavioral items only):")
        for theme in vocabulary.themes.themes:
            print(f"  {theme.id}: {theme.title}")
    return 0


def _problems(error: DataFileError) -> str:
    """One problem on the line; several counted, then one to an indented line."""
    if not error.more:
        return str(error)
    listed = "\n".join(f"  {line}" for line in str(error).splitlines())
    return f"{error.file} has {counted(len(error.problems), 'problem')}:\n{listed}"


def _size(path: LearningPath) -> str:
    return f"{counted(len(path.stages), 'stage')}, {counted(path.item_count(), 'item')}"
