"""Files in the user's quizzes/ and paths/ folders that are not plain readable files: a link
whose file is gone, a link to a folder, a named pipe, a file Loopwise may not open. Each is
skipped with a sentence that says what it is, named by its whole path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from desktop.domain.data_file import DataFileError
from desktop.folders import ProfileFolder
from desktop.profile import shipped_vocabulary
from desktop.store.quiz_library import load_quizzes

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks")


def _problems(folder: Path) -> dict[str, str]:
    """Each skipped file of `folder`, by name, with what the user is told about it."""
    errors = load_quizzes([folder], shipped_vocabulary()).errors
    return {Path(error.file).name: error.problem for error in errors}


@posix_only
def test_a_link_to_a_file_that_is_gone_says_so_and_where_it_led(folder: ProfileFolder) -> None:
    quizzes = folder.quiz_files_dir
    moved = quizzes / "moved-away.toml"
    (quizzes / "linked.toml").symlink_to(moved)
    problems = _problems(quizzes)
    assert problems == {
        "linked.toml": f"is a link to a file that is no longer there ({moved})",
    }


@posix_only
def test_a_link_to_a_folder_is_told_not_passed_over(folder: ProfileFolder) -> None:
    quizzes = folder.quiz_files_dir
    (quizzes / "drafts").mkdir()
    (quizzes / "drafts.toml").symlink_to(quizzes / "drafts")
    (quizzes / "a-folder.toml").mkdir()  # a real folder named so is no file: left alone
    problems = _problems(quizzes)
    assert problems == {
        "drafts.toml": f"is a link to a folder ({quizzes / 'drafts'}), not to a file"
    }


@posix_only
def test_a_named_pipe_is_told_and_never_opened(folder: ProfileFolder) -> None:
    quizzes = folder.quiz_files_dir
    os.mkfifo(quizzes / "pipe.toml")
    assert _problems(quizzes) == {
        "pipe.toml": "cannot be read: it is a named pipe, not a regular file"
    }


def test_a_file_it_may_not_open_says_so_plainly(
    folder: ProfileFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests may run as root, who may open anything: the refusal is the OS's, mocked."""
    quizzes = folder.quiz_files_dir
    locked = quizzes / "locked.toml"
    locked.write_text("format = 1\n", "utf-8")
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    (error,) = load_quizzes([quizzes], shipped_vocabulary()).errors
    assert isinstance(error, DataFileError) and error.file == str(locked)
    assert error.problem == "cannot be read: you do not have permission to open it"
    assert str(error) == f"{locked}: cannot be read: you do not have permission to open it"
