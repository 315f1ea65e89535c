"""Quizzes: running one question by question, and a mistyped quiz file named by file and line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.domain.curriculum import ItemKind, PathItem
from desktop.domain.data_file import DataFileError, read_model
from desktop.domain.path_file import read_path_file
from desktop.domain.quiz import Quiz, QuizRun, load_quiz, parse_quiz
from desktop.domain.taxonomy import load_taxonomy
from desktop.domain.vocabulary import Vocabulary
from desktop.folders import shipped_data_dir
from tests.samples import edited, line_of, raised, sample_text

QUIZ = sample_text("quiz.toml")


def _edit(old: str, new: str, text: str = QUIZ) -> str:
    return edited(text, old, new)


def _quiz(text: str = QUIZ) -> Quiz:
    return parse_quiz(text, "tiny.toml")


def _error(text: str) -> DataFileError:
    return raised(DataFileError, _quiz, text)


# --- running a quiz ---------------------------------------------------------------------------


def test_a_run_starts_at_the_first_question_with_no_score() -> None:
    run = QuizRun(_quiz())

    assert run.current is not None and run.current.id == "cache"
    assert (run.correct, run.answered, run.total) == (0, 0, 3)
    assert not run.finished


def test_answers_are_scored_against_the_one_based_answer() -> None:
    run = QuizRun(_quiz())

    assert run.answer(2) is True  # "The backing store"
    run.next()
    assert run.answer(1) is False  # "Modulo hashing"
    run.next()
    assert run.answer(1) is True  # "A queue"

    assert (run.correct, run.answered, run.total) == (2, 3, 3)


def test_changing_an_answer_before_moving_on_keeps_only_the_last_one() -> None:
    run = QuizRun(_quiz())

    assert run.answer(1) is False
    assert run.answer(2) is True

    assert (run.correct, run.answered) == (1, 1)


@pytest.mark.parametrize("choice", [0, -1, 4, 99])
def test_a_choice_that_is_not_offered_is_refused_and_not_recorded(choice: int) -> None:
    run = QuizRun(_quiz())  # the first question has three choices

    with pytest.raises(ValueError, match="not one of the 3"):
        run.answer(choice)

    assert run.answered == 0
    assert run.current is not None and run.current.id == "cache"


def test_next_walks_through_the_questions_and_then_finishes() -> None:
    run = QuizRun(_quiz())

    second = run.next()
    assert second is not None and second.id == "shard"
    third = run.next()
    assert third is not None and third.id == "queue"
    assert not run.finished

    assert run.next() is None
    assert run.finished
    assert run.current is None


def test_answering_after_the_last_question_is_refused() -> None:
    run = QuizRun(_quiz())
    for _ in range(run.total):
        run.next()

    with pytest.raises(ValueError, match="already finished"):
        run.answer(1)


def test_missed_topics_are_most_frequent_first_then_alphabetical() -> None:
    run = QuizRun(_quiz())
    run.answer(1)  # wrong: caching
    run.next()
    run.answer(1)  # wrong: partitioning, caching
    run.next()
    run.answer(2)  # wrong: queues, partitioning

    assert run.missed_topics() == ("caching", "partitioning", "queues")


def test_missed_topics_leave_out_right_and_unanswered_questions() -> None:
    run = QuizRun(_quiz())
    run.answer(2)  # right: caching is not a struggle
    run.next()
    run.next()
    run.answer(3)  # wrong: queues, partitioning; "shard" was skipped

    assert run.missed_topics() == ("partitioning", "queues")


def test_a_perfect_run_has_no_missed_topics() -> None:
    run = QuizRun(_quiz())
    for choice in (2, 2, 1):
        assert run.answer(choice)
        run.next()

    assert run.finished
    assert run.correct == run.total == 3
    assert run.missed_topics() == ()


# --- reading quiz files -----------------------------------------------------------------------


def test_load_quiz_reads_a_file(tmp_path: Path) -> None:
    file = tmp_path / "tiny.toml"
    file.write_text(QUIZ, encoding="utf-8")

    quiz = load_quiz(file)

    assert quiz.id == "tiny-quiz"
    assert [question.id for question in quiz.questions] == ["cache", "shard", "queue"]
    assert quiz.questions[1].choices == ("Modulo hashing", "Consistent hashing")
    assert quiz.questions[1].topics == ("partitioning", "caching")


def test_an_answer_past_the_choices_is_reported_at_that_question(tmp_path: Path) -> None:
    text = _edit('answer = 2\nexplanation = "Consistent', 'answer = 3\nexplanation = "Consistent')
    file = tmp_path / "broken.toml"
    file.write_text(text, encoding="utf-8")

    with pytest.raises(DataFileError) as caught:
        read_model(file, Quiz)
    error = caught.value

    assert error.file == str(file)
    assert "answer 3 points past the 2 choices" in error.problem
    assert error.field == "questions[2]"
    second = line_of(text, "[[questions]]", 2)
    third = line_of(text, "[[questions]]", 3)
    assert error.line is not None and second <= error.line < third
    assert f"line {error.line}" in str(error)


@pytest.mark.parametrize("answer", ["0", "true", "1.0"])
def test_an_answer_that_is_not_a_choice_number_is_reported_on_its_line(answer: str) -> None:
    text = _edit("answer = 1\n", f"answer = {answer}\n")

    error = _error(text)

    assert error.field == "questions[3].answer"
    assert error.line == line_of(text, f"answer = {answer}")


def test_an_answer_of_zero_says_answers_count_from_one() -> None:
    error = _error(_edit("answer = 1\n", "answer = 0\n"))
    assert "must be 1 or more (the position of the right choice, counting from 1)" in str(error)


def test_a_question_id_used_twice_is_reported_with_a_line() -> None:
    text = _edit('id = "queue"', 'id = "cache"')

    error = _error(text)

    assert "'cache' is used twice" in error.problem
    assert error.line == line_of(text, 'id = "cache"', 2)


def test_a_question_id_used_twice_is_refused() -> None:
    error = _error(_edit('id = "queue"', 'id = "cache"'))

    assert "the question id 'cache' is used twice" in error.problem


def test_an_unknown_field_in_a_question_is_reported_on_its_line() -> None:
    text = _edit('answer = 2\nexplanation = "Consistent', 'anwser = 2\nexplanation = "Consistent')

    error = _error(text)

    assert error.field is not None and error.field.startswith("questions[2]")
    second = line_of(text, "[[questions]]", 2)
    third = line_of(text, "[[questions]]", 3)
    assert error.line is not None and second <= error.line < third


def test_a_question_with_a_single_choice_is_refused() -> None:
    text = _edit('choices = ["Modulo hashing", "Consistent hashing"]', 'choices = ["Only one"]')

    error = _error(text)

    assert error.field == "questions[2].choices"
    assert error.line == line_of(text, 'choices = ["Only one"]')


TAXONOMY = load_taxonomy(shipped_data_dir() / "patterns.toml")
VOCABULARY = Vocabulary(TAXONOMY)


def test_the_shipped_quiz_loads_and_every_topic_is_a_taxonomy_tag() -> None:
    quiz = load_quiz(shipped_data_dir() / "quizzes" / "system-design-basics.toml", VOCABULARY)

    assert len(quiz.questions) == 25
    assert all(1 <= q.answer <= len(q.choices) for q in quiz.questions)
    topics = {topic for question in quiz.questions for topic in question.topics}
    assert len(topics) == 16
    assert {"load-balancing", "rate-limiting", "cdn", "messaging", "availability"} <= topics


def test_questions_missed_on_the_shipped_quiz_name_tags_the_weak_spots_count() -> None:
    quiz = load_quiz(shipped_data_dir() / "quizzes" / "system-design-basics.toml", VOCABULARY)
    run = QuizRun(quiz)
    while run.current is not None:  # every answer wrong
        run.answer(1 if run.current.answer != 1 else 2)
        run.next()
    kinds = {e.id: group.kind for group in TAXONOMY.groups for e in group.entries}
    assert run.missed_topics() and all(topic in kinds for topic in run.missed_topics())


def _shipped_quiz_items() -> list[tuple[str, PathItem]]:
    return [
        (file.name, item)
        for file in sorted((shipped_data_dir() / "paths").glob("*.toml"))
        for stage in read_path_file(file).stages
        for item in stage.items
        if item.kind is ItemKind.QUIZ
    ]


SHIPPED_QUIZ_ITEMS = _shipped_quiz_items()


@pytest.mark.parametrize(
    ("file_name", "item"), SHIPPED_QUIZ_ITEMS, ids=[item.id for _, item in SHIPPED_QUIZ_ITEMS]
)
def test_every_shipped_quiz_item_has_a_quiz_file_with_its_stated_count(
    file_name: str, item: PathItem
) -> None:
    folder = shipped_data_dir() / "quizzes"
    quizzes = {quiz.id: quiz for quiz in (load_quiz(f, VOCABULARY) for f in folder.glob("*.toml"))}

    quiz = quizzes.get(item.id)

    assert quiz is not None, f"{file_name}: the quiz item {item.id!r} has no quiz file"
    assert len(quiz.questions) == item.question_count
    assert all(question.topics for question in quiz.questions), "each miss should name a tag"


def test_a_topic_the_taxonomy_does_not_know_is_reported_with_file_line_and_tag() -> None:
    text = _edit('topics = ["queues", "partitioning"]', 'topics = ["messaging", "shardng"]')

    with pytest.raises(DataFileError) as caught:
        parse_quiz(text, "my-quiz.toml", VOCABULARY)

    error = caught.value
    assert error.file == "my-quiz.toml"
    assert error.line == line_of(text, 'topics = ["messaging", "shardng"]')
    assert "'shardng' is not a tag Loopwise knows" in error.problem
    assert "did you mean 'sharding'?" in error.problem  # a near miss points the way


def test_a_topic_nothing_resembles_gets_no_hint() -> None:
    text = _edit('topics = ["caching"]', 'topics = ["vibes"]')
    with pytest.raises(DataFileError) as caught:
        parse_quiz(text, "my-quiz.toml", VOCABULARY)
    assert "'vibes' is not a tag" in caught.value.problem
    assert "did you mean" not in caught.value.problem


def test_labels_and_aliases_become_the_ids_missed_questions_are_logged_under() -> None:
    quiz = parse_quiz(QUIZ, "tiny.toml", VOCABULARY)

    assert [q.topics for q in quiz.questions] == [
        ("caching-layer",),
        ("sharding", "caching-layer"),
        ("messaging", "sharding"),
    ]


@contextmanager
def _step(log: list[str]) -> Iterator[None]:
    """A with-block helper such as session_scope: it does its clean-up and re-raises."""
    try:
        yield
    except Exception:
        log.append("cleaned up")
        raise


def test_a_quiz_error_keeps_its_file_and_line_through_a_with_block(tmp_path: Path) -> None:
    file = tmp_path / "broken.toml"
    file.write_text(_edit("answer = 1\n", "answer = 0\n"), encoding="utf-8")
    log: list[str] = []

    with pytest.raises(DataFileError) as caught, _step(log):
        load_quiz(file)

    assert log == ["cleaned up"]
    assert caught.value.file == str(file)
    assert caught.value.line is not None


def test_every_mistake_in_a_quiz_file_is_reported_at_once() -> None:
    text = _edit("answer = 1", "answer = 9")
    text = _edit('topics = ["caching"]', 'topics = ["cachng"]', text)
    text = _edit('id = "shard"', 'id = "cache"', text)

    with pytest.raises(DataFileError) as caught:
        parse_quiz(text, "my-quiz.toml", VOCABULARY)

    found = [(problem.line, problem.field) for problem in caught.value.problems]
    assert found == [
        (line_of(text, 'topics = ["cachng"]'), "questions[1].topics[1]"),
        (line_of(text, 'id = "cache"', 2), "questions[2].id"),
        (line_of(text, "[[questions]]", 3), "questions[3]"),
    ]
    assert "did you mean 'caching-layer'?" in caught.value.problems[0].problem
    assert len(str(caught.value).splitlines()) == 3
