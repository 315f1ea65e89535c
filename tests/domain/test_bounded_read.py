"""The one reader of outside files: limits, pipes, links out, and TOML past its limits."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from desktop.domain.bounded_read import (
    MAX_DEPTH,
    TomlTooComplex,
    UnreadableFile,
    first_out_of_bounds,
    loads_toml,
    read_bounded,
)
from desktop.domain.data_file import DataFileError
from desktop.domain.journal import load_templates
from desktop.domain.quiz import load_quiz
from tests.samples import sample_text

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks")


def test_a_file_at_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_bytes(b"x" * 100)
    assert read_bounded(file, limit=100) == b"x" * 100
    with pytest.raises(UnreadableFile, match="is larger than 99 bytes"):
        read_bounded(file, limit=99)


@posix_only
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    with pytest.raises(UnreadableFile, match="a named pipe, not a regular file"):
        read_bounded(pipe, limit=100)


@posix_only
def test_links_inside_the_folder_are_read_and_links_out_or_in_a_loop_are_not(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "real.toml").write_text("a = 1\n")
    (folder / "alias.toml").symlink_to(folder / "real.toml")
    (tmp_path / "outside.toml").write_text("secret = 1\n")
    (folder / "out.toml").symlink_to(tmp_path / "outside.toml")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")

    assert read_bounded(folder / "alias.toml", limit=100, inside=folder) == b"a = 1\n"
    with pytest.raises(UnreadableFile, match=r"is a link to .*outside.toml, outside"):
        read_bounded(folder / "out.toml", limit=100, inside=folder)
    with pytest.raises(UnreadableFile, match=r"loop|Too many levels"):
        read_bounded(folder / "loop.toml", limit=100, inside=folder)


def test_toml_nesting_and_numbers_past_the_limits_are_problems_not_crashes() -> None:
    with pytest.raises(TomlTooComplex, match="nested too deeply"):
        loads_toml("a = " + "[" * 50_000 + "]" * 50_000)
    with pytest.raises(TomlTooComplex, match="too many digits"):
        loads_toml("a = " + "9" * 5_000)
    with pytest.raises(TomlTooComplex, match="nested too deeply") as caught:
        loads_toml("a = " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert caught.value.location[0] == "a"
    assert loads_toml("a = " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1))
    too_large = first_out_of_bounds({"a": [1, 2**63]})
    assert too_large is not None and too_large[0] == ("a", 1)
    assert "too large" in too_large[1]
    assert first_out_of_bounds({"ok": [True, -(2**63) + 1, "x"]}) is None


@posix_only
def test_quiz_and_template_folders_refuse_links_out_and_pipes(tmp_path: Path) -> None:
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (tmp_path / "elsewhere.toml").write_text(sample_text("quiz.toml"))
    (quizzes / "linked.toml").symlink_to(tmp_path / "elsewhere.toml")
    with pytest.raises(DataFileError, match="outside"):
        load_quiz(quizzes / "linked.toml")
    assert load_quiz(tmp_path / "elsewhere.toml").questions  # the same file, in its folder

    templates = tmp_path / "templates"
    templates.mkdir()
    os.mkfifo(templates / "pipe.md")
    (templates / "deep.md").write_text("+++\na = " + "[" * 5_000 + "]" * 5_000 + "\n+++\nbody\n")
    found, errors = load_templates(templates)
    assert found == ()
    assert sorted(Path(error.file).name for error in errors) == ["deep.md", "pipe.md"]
    assert any("nested too deeply" in str(error) for error in errors)
