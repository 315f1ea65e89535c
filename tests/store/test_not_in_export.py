"""What an export leaves out is said only when the user has path or quiz files of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store.transfer.export_text import not_in_export


@pytest.mark.parametrize(
    ("own_paths", "own_quizzes", "said"),
    [
        (False, False, ""),
        (True, False, "Path files you imported are not in it: copy the paths folder"),
        (False, True, "Quiz files you imported are not in it: copy the quizzes folder"),
        (True, True, "Path and quiz files you imported are not in it: copy the paths and"),
    ],
)
def test_only_the_files_the_user_has_are_named(
    tmp_path: Path, own_paths: bool, own_quizzes: bool, said: str
) -> None:
    paths, quizzes = tmp_path / "paths", tmp_path / "quizzes"
    paths.mkdir()
    quizzes.mkdir()
    (paths / "notes.txt").write_text("not a path file", encoding="utf-8")
    if own_paths:
        (paths / "mine.toml").write_text("", encoding="utf-8")
    if own_quizzes:
        (quizzes / "mine.toml").write_text("", encoding="utf-8")
    told = not_in_export(paths, quizzes)
    assert told.startswith(said) if said else told == ""


def test_missing_folders_hold_no_files(tmp_path: Path) -> None:
    assert not_in_export(tmp_path / "paths", tmp_path / "quizzes") == ""
