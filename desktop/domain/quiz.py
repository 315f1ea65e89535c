"""Multiple-choice quizzes that run inside the app, one question at a time."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, model_validator

from desktop.domain.curriculum import ItemKind, LearningPath, PathItem, Slug, Text, Title, Topic
from desktop.domain.data_file import (
    FORMAT_NOTE,
    check_and_validate,
    decode_text,
    parse_toml,
    read_data_bytes,
)
from desktop.domain.vocabulary import Vocabulary, topic_problems, with_tag_ids

Choice = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    prompt: Text
    choices: tuple[Choice, ...] = Field(min_length=2, max_length=6)
    answer: StrictInt = Field(ge=1, description="the position of the right choice, counting from 1")
    explanation: Text
    topics: tuple[Topic, ...] = ()

    @model_validator(mode="after")
    def _answer_is_a_choice(self) -> Question:
        if self.answer > len(self.choices):
            raise ValueError(f"answer {self.answer} points past the {len(self.choices)} choices")
        return self


class Quiz(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: StrictInt = Field(ge=1, le=1, description=FORMAT_NOTE)
    id: Slug
    title: Title
    summary: Text | None = None
    questions: tuple[Question, ...] = Field(min_length=1)


# Question ids must be unique: answers are recorded by them.
_UNIQUE_IDS = ((("questions",), "question"),)


def load_quiz(path: Path, vocabulary: Vocabulary | None = None) -> Quiz:
    """Read a quiz file; with a vocabulary, every topic must be one of its tags. Only a file
    really in the quiz folder is read (not a link to somewhere else)."""
    text = decode_text(read_data_bytes(path, inside=path.parent), str(path))
    return parse_quiz(text, str(path), vocabulary)


def parse_quiz(text: str, file_name: str, vocabulary: Vocabulary | None = None) -> Quiz:
    raw = parse_toml(text, file_name)
    unknown_topics = (
        []
        if vocabulary is None
        else topic_problems(raw, vocabulary, (text, file_name), ("questions",))
    )
    quiz = check_and_validate(raw, text, file_name, Quiz, _UNIQUE_IDS, unknown_topics)
    return quiz if vocabulary is None else _topics_as_ids(quiz, vocabulary, text, file_name)


def _topics_as_ids(quiz: Quiz, vocabulary: Vocabulary, text: str, file_name: str) -> Quiz:
    """A missed question counts towards its topics only if they are tags, so a topic the
    vocabulary does not know is an error, not a silent gap in the weak spots."""
    questions = with_tag_ids(quiz.questions, vocabulary, (text, file_name), ("questions",))
    return quiz.model_copy(update={"questions": questions})


def quiz_item_ids(paths: Iterable[LearningPath]) -> set[str]:
    """The ids of every quiz item: a quiz file with one of them is that item's quiz."""
    return {
        item.id
        for path in paths
        for stage in path.stages
        for item in stage.items
        if item.kind is ItemKind.QUIZ
    }


def quiz_items_without_a_quiz(
    paths: Iterable[LearningPath], quiz_ids: Collection[str]
) -> list[tuple[LearningPath, PathItem]]:
    """Quiz items no quiz file belongs to (a quiz belongs to the item whose id it carries):
    they can only be timed, which their author should hear about."""
    return [
        (path, item)
        for path in paths
        for stage in path.stages
        for item in stage.items
        if item.kind is ItemKind.QUIZ and item.id not in quiz_ids
    ]


@dataclass
class QuizRun:
    """One pass through a quiz: which question is up, what was answered, the score so far."""

    quiz: Quiz
    answers: dict[str, int] = field(default_factory=dict)
    position: int = 0

    @property
    def current(self) -> Question | None:
        return (
            self.quiz.questions[self.position] if self.position < len(self.quiz.questions) else None
        )

    def answer(self, choice: int) -> bool:
        """Record the 1-based `choice` for the current question; True if it was right."""
        question = self.current
        if question is None:
            raise ValueError("the quiz is already finished")
        if not 1 <= choice <= len(question.choices):
            raise ValueError(f"choice {choice} is not one of the {len(question.choices)}")
        self.answers[question.id] = choice
        return choice == question.answer

    def next(self) -> Question | None:
        self.position += 1
        return self.current

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def correct(self) -> int:
        return sum(1 for q in self.quiz.questions if self.answers.get(q.id) == q.answer)

    @property
    def answered(self) -> int:
        return len(self.answers)

    @property
    def total(self) -> int:
        return len(self.quiz.questions)

    def missed_topics(self) -> tuple[str, ...]:
        """Topics of the questions answered wrongly, most frequent first (struggles to log)."""
        counts: dict[str, int] = {}
        for question in self.quiz.questions:
            chosen = self.answers.get(question.id)
            if chosen is not None and chosen != question.answer:
                for topic in question.topics:
                    counts[topic] = counts.get(topic, 0) + 1
        return tuple(sorted(counts, key=lambda topic: (-counts[topic], topic)))
