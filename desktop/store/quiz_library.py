"""The quizzes on disk: the shipped ones plus those the user added, checked like path files.

A quiz belongs to the quiz item whose id it carries, so a user's own path can have quizzes,
and a user's file with a shipped quiz's id takes that quiz's place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.data_file import DataFileError, decode_text, read_data_bytes
from desktop.domain.path_file import read_each
from desktop.domain.quiz import Quiz, load_quiz, parse_quiz
from desktop.domain.vocabulary import Vocabulary
from desktop.store.files import FileClash, copy_checked_file
from desktop.store.own_data_files import refuse_own_data_file


@dataclass(frozen=True)
class LoadedQuizzes:
    by_id: dict[str, Quiz]
    errors: tuple[DataFileError, ...]


def load_quizzes(folders: Sequence[Path], vocabulary: Vocabulary) -> LoadedQuizzes:
    """Every *.toml file of the folders in turn; a bad file is reported and skipped."""
    read, errors = read_each(folders, lambda file, _folder: load_quiz(file, vocabulary))
    return LoadedQuizzes({quiz.id: quiz for _file, quiz in read}, errors)


class QuizClash(FileClash[Quiz]):
    """A quiz with the file's id is already loaded; replacing it needs the user's say-so."""

    noun = "quiz"


def import_quiz_file(
    source: Path,
    user_dir: Path,
    vocabulary: Vocabulary,
    existing: Mapping[str, Quiz],
    *,
    replace: bool = False,
    database: Path | None = None,
) -> tuple[Quiz, Path]:
    """Check `source` and copy it into the user's quiz folder, all or nothing.

    Raises DataFileError (naming file, line and field or tag) or QuizClash; either way
    nothing on disk changes. `database`, the profile's, is refused as `source` before it is
    read (a plain read would drop the app's SQLite locks, see own_files.py)."""
    refuse_own_data_file(source, database)
    data = read_data_bytes(source)
    quiz = parse_quiz(decode_text(data, str(source)), str(source), vocabulary)
    clash = existing.get(quiz.id)
    if clash is not None and not replace:
        raise QuizClash(quiz, clash)
    target = user_dir / f"{quiz.id}.toml"
    copy_checked_file(source, data, target)
    return quiz, target
