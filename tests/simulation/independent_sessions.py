"""One practice session of the second simulator's people, and what they log of it.

A session goes well or badly from the person's skill (tests.simulation.independent_people);
the log then holds what the app's dialogs record: an outcome, a confidence, the minutes, the
item's topics pre-ticked as patterns, whatever the person ticks as struggled with, the design
steps ticked as covered, and for a quiz its score and the topics of the questions missed
(the quiz dialog records those itself, from a `QuizRun`).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.curriculum import PathItem
from desktop.domain.practice import Attempt, AttemptSubject, Outcome, outcome_from_quiz
from desktop.domain.quiz import Quiz, QuizRun
from tests.simulation.independent_people import (
    DIFFICULTY_SHIFT,
    WEAK_MISTAKE_RATE,
    LogStyle,
    Person,
    chance,
    pace_factor,
    practice_gain,
    step_coverage,
    tiredness,
)

SLIP_RATE = 0.12  # how often one of a person's ordinary slips happens in a session
TICKABLE = ("pattern", "topic", "mistake")  # what the "Struggled with" tab offers


@dataclass(frozen=True)
class Item:
    path_id: str
    stage_id: str
    item: PathItem
    tags: tuple[str, ...]  # the taxonomy tags the item exercises

    @property
    def kind(self) -> str:
        return self.item.kind.value


@dataclass(frozen=True)
class Library:
    """What there is to practise, and the words the log uses."""

    items: tuple[Item, ...]  # in path order
    quizzes: Mapping[str, Quiz]  # by quiz item id
    kinds: Mapping[str, str]  # taxonomy id -> kind of tag
    steps: tuple[str, ...]  # design steps, in the dialog's order
    coding_mistakes: tuple[str, ...]
    answer_mistakes: tuple[str, ...]  # behavioral-answer mistakes


@dataclass(frozen=True)
class Moment:
    day: int
    at: datetime
    earlier_today: int  # sessions already done that day

    @property
    def tired(self) -> float:
        return tiredness(self.at.hour, self.earlier_today)


def attempt_on(
    person: Person,
    item: Item,
    moment: Moment,
    practice: Counter[str],
    library: Library,
    rng: random.Random,
) -> Attempt:
    """One session on `item`, as logged. `practice` counts earlier sessions per tag."""
    if item.kind == "quiz" and item.item.id in library.quizzes:
        return _quiz(person, item, moment, practice, library.quizzes[item.item.id], rng)
    return _worked(person, item, moment, practice, library, rng)


def _skill(person: Person, tags: Sequence[str], day: int, practice: Counter[str]) -> float:
    if not tags:
        return person.ability
    gain = sum(practice_gain(person, practice[t], person.weak(t, day)) for t in tags) / len(tags)
    return person.ability + gain + 0.1 * math.log2(1 + sum(practice.values()) / 4)


def _worked(
    person: Person,
    item: Item,
    moment: Moment,
    practice: Counter[str],
    library: Library,
    rng: random.Random,
) -> Attempt:
    """A coding, design, behavioral or reading session."""
    day, difficulty, kind = moment.day, item.item.difficulty.value, item.kind
    weak_tags = [
        t for t in item.tags if person.weak(t, day) and library.kinds.get(t) != "design_step"
    ]
    logit = _skill(person, item.tags, day, practice) + DIFFICULTY_SHIFT[difficulty] - moment.tired
    logit -= person.deficit * min(len(weak_tags), 1.5)
    pool = {"code": library.coding_mistakes, "behavioral": library.answer_mistakes}.get(kind, ())
    happened = _mistakes_made(person, pool, difficulty, day, rng)
    logit -= 1.0 * len(happened)
    covered: list[str] = []
    if kind == "design":
        covered = [
            s for s in library.steps if rng.random() < step_coverage(person, s, day, moment.tired)
        ]
        logit += 0.6 - 0.35 * (len(library.steps) - len(covered))
    if kind == "reading":
        logit += 1.0  # reading rarely goes wrong, but a weak topic still feels shaky
    solved = rng.random() < chance(logit)
    stuck = not solved and rng.random() < (0.55 if difficulty == "hard" else 0.35)
    outcome = Outcome.SOLVED if solved else Outcome.STUCK if stuck else Outcome.PARTIAL
    if outcome is Outcome.PARTIAL and rng.random() < person.habits.rosy:
        outcome = Outcome.SOLVED  # "close enough"
    seconds = _seconds(person, item, moment, solved, rng)
    tickable = tuple(t for t in item.tags if library.kinds.get(t) in TICKABLE)
    causes = weak_tags + happened if not solved else happened
    if not solved and not causes and tickable:
        causes = [rng.choice(tickable)]  # no weakness behind it: they blame the topic
    return Attempt(
        subject=AttemptSubject.of_path_item(item.path_id, item.item),
        started_at=moment.at,
        active_seconds=seconds,
        outcome=outcome,
        confidence=_confidence(person, solved, stuck, bool(weak_tags), rng),
        patterns=tickable,  # the dialog pre-ticks the item's own topics
        struggles=_ticks(person, causes, solved, tickable, pool, rng),
        steps_covered=_steps_ticked(person, library.steps, covered, rng)
        if kind == "design"
        else (),
    )


def _mistakes_made(
    person: Person, pool: Sequence[str], difficulty: str, day: int, rng: random.Random
) -> list[str]:
    """A habitual mistake often, one of the person's ordinary slips now and then."""
    return [
        m
        for m in pool
        if (person.weak(m, day) and rng.random() < WEAK_MISTAKE_RATE[difficulty])
        or (m in person.slips and rng.random() < SLIP_RATE)
    ]


def _seconds(person: Person, item: Item, moment: Moment, solved: bool, rng: random.Random) -> int:
    """Time on the clock: longer when it goes badly or after other sessions that day."""
    minutes = item.item.target_minutes * pace_factor(person, item.kind, moment.day, rng)
    minutes *= (1.0 if solved else 1.3) * (1 + 0.1 * moment.earlier_today)
    if rng.random() < 0.02:
        minutes += rng.uniform(30, 90)  # the timer ran on while they made dinner
    return round(minutes * 60)


def _steps_ticked(
    person: Person, steps: Sequence[str], covered: Sequence[str], rng: random.Random
) -> tuple[str, ...]:
    """The boxes start empty: some covered steps go unticked, rarely one not covered is."""
    tick = person.habits.step_tick
    return tuple(
        s
        for s in steps
        if (s in covered and rng.random() < tick) or (s not in covered and rng.random() < 0.03)
    )


def _ticks(
    person: Person,
    causes: Sequence[str],
    solved: bool,
    tickable: Sequence[str],
    pool: Sequence[str],
    rng: random.Random,
) -> tuple[str, ...]:
    habits = person.habits
    if habits.style is LogStyle.EVERYTHING:
        if solved:  # the slips that happened, and now and then a topic that felt shaky
            shaky = (rng.choice(tickable),) if tickable and rng.random() < 0.25 else ()
            return tuple(dict.fromkeys((*causes, *shaky)))
        extra = (rng.choice(pool),) if pool else ()
        return tuple(dict.fromkeys((*tickable, *causes, *extra)))
    rate = habits.tick_cause * (0.5 if solved else 1.0)  # a slip is noticed less when it worked
    ticked = [c for c in causes if rng.random() < rate]
    others = [t for t in (*tickable, *pool) if t not in causes]
    if others and rng.random() < habits.tick_wrong:
        ticked.append(rng.choice(others))
    return tuple(dict.fromkeys(ticked))


def _confidence(person: Person, solved: bool, stuck: bool, weak: bool, rng: random.Random) -> int:
    if person.habits.style is LogStyle.SILENT:
        return 3
    value = (4 if solved else 2 if stuck else 3) + rng.choice((-1, 0, 0, 1))
    value -= 1 if weak and rng.random() < 0.5 else 0
    return min(5, max(1, value))


def _quiz(
    person: Person,
    item: Item,
    moment: Moment,
    practice: Counter[str],
    quiz: Quiz,
    rng: random.Random,
) -> Attempt:
    run = QuizRun(quiz)
    stop_after = rng.randint(8, len(quiz.questions) - 1) if rng.random() < 0.08 else None
    while (question := run.current) is not None and run.answered != stop_after:
        weak = sum(person.weak(t, moment.day) for t in question.topics)
        logit = _skill(person, question.topics, moment.day, practice) + 0.8 - moment.tired
        logit -= 0.8 * person.deficit * min(weak, 1)
        right = rng.random() < chance(logit)
        wrong = [n for n in range(1, len(question.choices) + 1) if n != question.answer]
        run.answer(question.answer if right else rng.choice(wrong))
        run.next()
    share = run.correct / run.answered
    minutes = run.answered * 1.1 * pace_factor(person, "quiz", moment.day, rng)
    return Attempt(
        subject=AttemptSubject.of_path_item(item.path_id, item.item),
        started_at=moment.at,
        active_seconds=round(minutes * 60),
        outcome=outcome_from_quiz(run.correct, run.answered),
        confidence=3 if person.habits.style is LogStyle.SILENT else 2 + round(3 * share),
        struggles=run.missed_topics(),
        quiz_correct=run.correct,
        quiz_total=run.answered,
    )
