"""Simulated learners: practice histories with planted weak spots and noise.

They check that the weak-spot model finds what was planted, and fill the demo profile with a
year that shows something worth seeing.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain.practice import Attempt, AttemptSubject, Outcome

TARGETS = {"easy": 15, "medium": 25, "hard": 40}
DESIGN_TARGET = 40
BASE_TROUBLE = 0.15  # chance that a tag the learner knows goes badly anyway
STRONG_TROUBLE = 0.03  # chance that a tag the learner has drilled goes badly
WEAK_TROUBLE = 0.75  # chance that a weak tag goes badly
NAMED = 0.85  # chance that a pattern that went badly is named as a struggle
NOISE_MISTAKE = 0.25  # chance of noting some mistake or other in any coding session
WEAK_MISTAKE = 0.5  # chance of making the planted mistake in a coding session
STEP_COVERED = 0.9  # chance of covering a design step the learner knows
WEAK_STEP_COVERED = 0.25


@dataclass(frozen=True)
class Learner:
    """Who practises: their weak tags, and which of them (`fixed`) stop being weak from a day."""

    weak: tuple[str, ...]
    fixed: tuple[str, ...] = ()
    fixed_from_day: int = 0
    sessions_per_week: tuple[int, int] = (6, 10)
    focus: int = 5  # how many patterns they work on at a time (the weak ones among them)
    design_share: float = 0.2
    quiz_share: float = 0.05


@dataclass(frozen=True)
class Vocabulary:
    """The taxonomy ids a learner draws from."""

    patterns: tuple[str, ...]
    mistakes: tuple[str, ...]
    design_steps: tuple[str, ...]


def simulate(
    learner: Learner,
    vocabulary: Vocabulary,
    *,
    start: datetime,
    days: int,
    seed: int,
    first_id: int = 1,
) -> list[Attempt]:
    """Attempts over `days` days from `start`, reproducible from `seed`."""
    rng = random.Random(seed)
    others = [tag for tag in vocabulary.patterns if tag not in learner.weak]
    planted = [tag for tag in vocabulary.patterns if tag in learner.weak]
    focus = Vocabulary(
        tuple(planted + rng.sample(others, max(0, min(len(others), learner.focus - len(planted))))),
        vocabulary.mistakes,
        vocabulary.design_steps,
    )
    attempts: list[Attempt] = []
    next_id = first_id
    for week in range(0, days, 7):
        count = rng.randint(*learner.sessions_per_week)
        # Most days have one session, some two; a day or two a week may have none.
        week_days = sorted(rng.choices(range(7), k=count))
        for offset in week_days:
            day = week + offset
            if day >= days:
                break
            weak, strong = set(learner.weak), set()
            if learner.fixed and day >= learner.fixed_from_day:
                # Drilling a weakness until it is fixed leaves it stronger than the rest.
                weak -= set(learner.fixed)
                strong = set(learner.fixed)
            hour, minute = rng.randint(7, 21), rng.randint(0, 59)
            began = start + timedelta(days=day, hours=hour, minutes=minute)
            roll = rng.random()
            if roll < learner.design_share:
                attempt = _design(rng, focus, weak, strong, began, next_id)
            elif roll < learner.design_share + learner.quiz_share:
                attempt = _quiz(rng, weak, began, next_id)
            else:
                attempt = _coding(rng, focus, weak, strong, began, next_id)
            attempts.append(attempt)
            next_id += 1
    return attempts


def _trouble(rng: random.Random, tag: str, weak: set[str], strong: set[str]) -> bool:
    chance = WEAK_TROUBLE if tag in weak else STRONG_TROUBLE if tag in strong else BASE_TROUBLE
    return rng.random() < chance


def _coding(
    rng: random.Random,
    vocab: Vocabulary,
    weak: set[str],
    strong: set[str],
    began: datetime,
    attempt_id: int,
) -> Attempt:
    difficulty = rng.choice(("easy", "medium", "medium", "hard"))
    target = TARGETS[difficulty]
    patterns = tuple(rng.sample(vocab.patterns, rng.choice((1, 1, 2))))
    troubled = [tag for tag in patterns if _trouble(rng, tag, weak, strong)]
    struggles = {tag for tag in troubled if rng.random() < NAMED}
    for mistake in vocab.mistakes:
        if mistake in weak and rng.random() < WEAK_MISTAKE:
            struggles.add(mistake)
            troubled.append(mistake)
    usual = [mistake for mistake in vocab.mistakes if mistake not in strong]
    if usual and rng.random() < NOISE_MISTAKE:
        struggles.add(rng.choice(usual))
    return _attempt(
        rng, f"{difficulty.capitalize()} problem", "code", difficulty, target, began,
        attempt_id, bool(troubled), patterns=patterns, struggles=tuple(sorted(struggles)),
    )  # fmt: skip


def _design(
    rng: random.Random,
    vocab: Vocabulary,
    weak: set[str],
    strong: set[str],
    began: datetime,
    attempt_id: int,
) -> Attempt:
    def chance(step: str) -> float:
        return WEAK_STEP_COVERED if step in weak else 1.0 if step in strong else STEP_COVERED

    covered = tuple(step for step in vocab.design_steps if rng.random() < chance(step))
    troubled = len(covered) < len(vocab.design_steps) - 1
    return _attempt(
        rng, "System design", "design", "medium", DESIGN_TARGET, began, attempt_id, troubled,
        steps_covered=covered,
    )  # fmt: skip


def _quiz(rng: random.Random, weak: set[str], began: datetime, attempt_id: int) -> Attempt:
    total = 10
    correct = rng.randint(4, 10)
    return Attempt(
        subject=AttemptSubject("Quiz", kind="quiz", difficulty="easy", target_minutes=15),
        started_at=began,
        active_seconds=rng.randint(8, 18) * 60,
        outcome=Outcome.SOLVED if correct >= 8 else Outcome.PARTIAL,
        confidence=3 if correct < 8 else 4,
        quiz_correct=correct,
        quiz_total=total,
        id=attempt_id,
    )


def _attempt(
    rng: random.Random,
    title: str,
    kind: str,
    difficulty: str,
    target: int,
    began: datetime,
    attempt_id: int,
    troubled: bool,
    *,
    patterns: Sequence[str] = (),
    struggles: Sequence[str] = (),
    steps_covered: Sequence[str] = (),
) -> Attempt:
    if troubled:
        outcome = rng.choice((Outcome.PARTIAL, Outcome.STUCK))
        confidence = rng.randint(1, 3)
        minutes = target * rng.uniform(1.0, 1.8)
    else:
        outcome = Outcome.SOLVED if rng.random() < 0.9 else Outcome.PARTIAL
        confidence = rng.randint(3, 5)
        minutes = target * rng.uniform(0.6, 1.2)
    return Attempt(
        subject=AttemptSubject(title, kind=kind, difficulty=difficulty, target_minutes=target),
        started_at=began,
        active_seconds=round(minutes * 60),
        outcome=outcome,
        confidence=confidence,
        patterns=tuple(patterns),
        struggles=tuple(struggles),
        steps_covered=tuple(steps_covered),
        id=attempt_id,
    )
