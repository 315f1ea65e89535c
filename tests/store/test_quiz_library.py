"""Quiz files of the user's own: checked like path files, all or nothing, and in use at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.data_file import DataFileError
from desktop.folders import ProfileFolder, shipped_data_dir
from desktop.profile import Profile, shipped_vocabulary
from desktop.store.quiz_library import QuizClash, import_quiz_file, load_quizzes
from tests.samples import sample_text

QUIZ = sample_text("quiz.toml")
VOCABULARY = shipped_vocabulary()


def _source(tmp_path: Path, text: str, name: str = "download.toml") -> Path:
    file = tmp_path / name
    file.write_text(text, "utf-8")
    return file


def test_a_quiz_file_is_copied_in_and_its_topics_read_as_ids(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    quiz, target = import_quiz_file(_source(tmp_path, QUIZ), folder.quiz_files_dir, VOCABULARY, {})
    assert target == folder.quiz_files_dir / "tiny-quiz.toml"
    assert target.read_text("utf-8") == QUIZ
    assert quiz.questions[2].topics == ("messaging", "sharding")


def test_a_topic_the_taxonomy_lacks_names_file_line_and_tag_and_nothing_is_copied(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    text = QUIZ.replace('topics = ["caching"]', 'topics = ["cachng"]')
    source = _source(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        import_quiz_file(source, folder.quiz_files_dir, VOCABULARY, {})
    assert caught.value.file == str(source)
    assert caught.value.line == text.splitlines().index('topics = ["cachng"]') + 1
    assert "'cachng' is not a tag" in caught.value.problem
    assert list(folder.quiz_files_dir.iterdir()) == []


def test_a_quiz_with_a_known_id_needs_the_users_say_so(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    shipped = load_quizzes([shipped_data_dir() / "quizzes"], VOCABULARY).by_id
    mine = QUIZ.replace('id = "tiny-quiz"', 'id = "system-design-quiz"')
    with pytest.raises(QuizClash):
        import_quiz_file(_source(tmp_path, mine), folder.quiz_files_dir, VOCABULARY, shipped)
    quiz, _target = import_quiz_file(
        _source(tmp_path, mine), folder.quiz_files_dir, VOCABULARY, shipped, replace=True
    )
    assert quiz.id == "system-design-quiz"


def test_the_users_quiz_takes_the_place_of_a_shipped_one_and_a_bad_one_is_reported(
    profile: Profile,
) -> None:
    quizzes = profile.folder.quiz_files_dir
    (quizzes / "mine.toml").write_text(
        QUIZ.replace('id = "tiny-quiz"', 'id = "system-design-quiz"'), "utf-8"
    )
    (quizzes / "broken.toml").write_text(QUIZ.replace("answer = 2", "answer = 9", 1), "utf-8")
    profile.reload_library()

    mine = profile.quiz("system-design-quiz")
    assert mine is not None and mine.title == "Tiny quiz"
    (error,) = profile.quizzes.errors
    assert error.file.endswith("broken.toml") and error.line is not None
    # The tags a session on the quiz item exercises follow the quiz in use.
    tags = profile.exercised_tags()[("backend-senior", "system-design-quiz")]
    assert "messaging" in tags


def test_import_quiz_on_the_command_line(
    folder: ProfileFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(folder.data_dir)
    assert main(["import-quiz", "--data-dir", data_dir, str(_source(tmp_path, QUIZ))]) == 0
    said = capsys.readouterr().out
    assert "Imported 'Tiny quiz' (3 questions)" in said
    assert "No quiz item has the id 'tiny-quiz' yet" in said  # no path has a quiz item for it

    bad = _source(tmp_path, QUIZ.replace('topics = ["caching"]', 'topics = ["vibes"]'), "b.toml")
    assert main(["import-quiz", "--data-dir", data_dir, str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Nothing was imported.") and "'vibes' is not a tag" in err
    assert main(["import-quiz", "--data-dir", data_dir, str(_source(tmp_path, QUIZ))]) == 1
    assert "--replace" in capsys.readouterr().err


def test_a_quiz_for_a_shipped_quiz_item_is_named_as_its_quiz(
    folder: ProfileFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = QUIZ.replace('id = "tiny-quiz"', 'id = "system-design-quiz"', 1)
    source = _source(tmp_path, mine)
    assert main(["import-quiz", "--data-dir", str(folder.data_dir), "--replace", str(source)]) == 0
    assert "It is the quiz of the quiz item 'system-design-quiz'." in capsys.readouterr().out
