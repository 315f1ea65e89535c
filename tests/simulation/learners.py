"""Simulated learners who behave like people, to check the weak-spot list against the truth.

Written from the learner's side, not the model's: each has a true skill per tag, practises
items from the real path files two to six times a week (less in busy weeks), leans towards
the kinds of work they like and away from what they find hard, and logs sessions the way
people do: a struggle ticked for only some of the real failures and sometimes for the wrong
thing, patterns ticked lazily, noisy times and confidence, mock interviews whose remarks are
partly unrelated. Nothing here reads the model's thresholds or weights.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from desktop.domain.curriculum import LearningPath, PathItem
from desktop.domain.practice import Attempt, AttemptSubject, Outcome, outcome_from_quiz
from desktop.domain.weak_spots import Observation, observation_from_mock

WORK_KINDS = ("code", "design", "behavioral", "quiz", "reading")
QUESTIONS_PER_TOPIC = 3  # a quiz asks a few questions on each of its topics
USUAL_MIX = {"code": 0.55, "design": 0.15, "behavioral": 0.12, "quiz": 0.06, "reading": 0.12}


@dataclass(frozen=True)
class Weakness:
    """Something truly hard for this learner: a tag (pattern, topic, mistake, design step) or
    the pace of a kind of work ("pace:design"). `fixed_on` is the day it stops being weak."""

    tag: str
    fixed_on: int | None = None

    def active(self, day: int) -> bool:
        return self.fixed_on is None or day < self.fixed_on


@dataclass(frozen=True)
class Person:
    weaknesses: tuple[Weakness, ...] = ()
    base_trouble: float = 0.12  # how often anything goes wrong for them
    sessions_per_week: tuple[int, int] = (2, 6)
    busy_week_chance: float = 0.2
    mix: Mapping[str, float] = field(default_factory=lambda: dict(USUAL_MIX))
    avoidance: float = 0.4  # chance of skipping an item that exercises a weakness
    tick_rate: float = 0.55  # chance of ticking the real cause of a failure
    wrong_tick_rate: float = 0.1  # chance of ticking something that was not the cause
    pattern_tick_rate: float = 0.6  # chance of ticking each pattern applied
    days: int = 56


@dataclass
class History:
    attempts: list[Attempt]
    mocks: list[Observation]
    # For each weakness, the days on which it caused trouble that the log shows.
    trouble_days: dict[str, list[int]]
    # How often each tag of the items goes wrong for this person when it is not a weakness:
    # their usual trouble, a little more or less for each tag.
    tag_trouble: dict[str, float] = field(default_factory=dict)


def simulate(
    person: Person,
    paths: Sequence[LearningPath],
    exercised: Mapping[tuple[str, str], Sequence[str]],
    mistakes: Sequence[str],
    design_steps: Sequence[str],
    *,
    start: datetime,
    seed: int,
) -> History:
    rng = random.Random(seed)
    items = [(path.id, item) for path in paths for stage in path.stages for item in stage.items]
    by_kind: dict[str, list[tuple[str, PathItem]]] = {}
    for path_id, item in items:
        by_kind.setdefault(item.kind.value, []).append((path_id, item))
    weak_tags = {w.tag: w for w in person.weaknesses}
    trouble_days: dict[str, list[int]] = {w.tag: [] for w in person.weaknesses}
    attempts: list[Attempt] = []
    mocks: list[Observation] = []
    own_trouble = {
        tag: person.base_trouble * rng.uniform(0.5, 1.5) for tag in sorted(_all_tags(exercised))
    }
    for week in range(0, person.days, 7):
        busy = rng.random() < person.busy_week_chance
        count = rng.randint(0, 1) if busy else rng.randint(*person.sessions_per_week)
        for day in sorted(rng.sample(range(7), min(7, count))):
            today = week + day
            if today >= person.days:
                break
            weak_now = {t for t, w in weak_tags.items() if w.active(today)}
            kind = _choose(rng, person.mix)
            pool = by_kind.get(kind) or by_kind["code"]
            path_id, item = rng.choice(pool)
            tags = tuple(exercised.get((path_id, item.id), ()))
            if weak_now.intersection(tags) and rng.random() < person.avoidance:
                path_id, item = rng.choice(pool)  # picks something else (which may be hard too)
                tags = tuple(exercised.get((path_id, item.id), ()))
            began = start + timedelta(
                days=today, hours=rng.randint(7, 21), minutes=rng.randint(0, 59)
            )
            attempt, caused = _session(
                rng,
                person,
                item,
                path_id,
                tags,
                weak_now,
                own_trouble,
                mistakes,
                design_steps,
                began,
            )
            attempt = replace(attempt, id=len(attempts) + 1)
            attempts.append(attempt)
            for tag in caused:
                if tag in trouble_days:
                    trouble_days[tag].append(today)
        if week % 21 == 14 and rng.random() < 0.6:
            mocks.append(_mock(rng, weak_tags, week, start, len(mocks) + 1, exercised))
    return History(attempts, mocks, trouble_days, own_trouble)


def _all_tags(exercised: Mapping[tuple[str, str], Sequence[str]]) -> set[str]:
    return {tag for tags in exercised.values() for tag in tags}


def _choose(rng: random.Random, mix: Mapping[str, float]) -> str:
    roll, total = rng.random() * sum(mix.values()), 0.0
    for kind, share in mix.items():
        total += share
        if roll <= total:
            return kind
    return next(iter(mix))


def _session(
    rng: random.Random,
    person: Person,
    item: PathItem,
    path_id: str,
    tags: Sequence[str],
    weak_now: set[str],
    own_trouble: Mapping[str, float],
    mistakes: Sequence[str],
    design_steps: Sequence[str],
    began: datetime,
) -> tuple[Attempt, list[str]]:
    kind = item.kind.value
    caused: list[str] = []
    for tag in tags:
        chance = 0.7 if tag in weak_now else own_trouble.get(tag, person.base_trouble)
        if rng.random() < chance:
            caused.append(tag)
    made_mistakes = []
    if kind == "code":
        for mistake in mistakes:
            chance = 0.5 if mistake in weak_now else person.base_trouble / 3
            if rng.random() < chance:
                made_mistakes.append(mistake)
    covered: tuple[str, ...] = ()
    if kind == "design":
        covered = tuple(
            step
            for step in design_steps
            if rng.random() < (0.3 if step in weak_now else 1 - person.base_trouble / 2)
        )
        caused += [step for step in design_steps if step not in covered and step in weak_now]
    bad_day = rng.random() < 0.06
    trouble = bool(caused) or bad_day or len(made_mistakes) >= 2
    if trouble:
        outcome = Outcome.STUCK if rng.random() < 0.5 else Outcome.PARTIAL
    else:
        outcome = Outcome.SOLVED if rng.random() < 0.93 else Outcome.PARTIAL
    quiz_total = quiz_correct = None
    if kind == "quiz" and tags:
        # The quiz dialog scores every question and records the missed ones' topics itself:
        # nothing is left to a lazy tick. A bad day costs a question or two anywhere.
        quiz_total = QUESTIONS_PER_TOPIC * len(tags)
        slips = [t for t in tags if t not in caused and bad_day and rng.random() < 0.3]
        quiz_correct = quiz_total - 2 * len(caused) - len(slips)
        outcome = outcome_from_quiz(quiz_correct, quiz_total)
        caused += slips
    pace = 1.9 if f"pace:{kind}" in weak_now else 1.0
    if pace > 1:
        caused.append(f"pace:{kind}")
    minutes = item.target_minutes * pace * math.exp(rng.gauss(0, 0.22)) * (1.25 if trouble else 1)
    confidence = {Outcome.SOLVED: 4, Outcome.PARTIAL: 3, Outcome.STUCK: 2}[outcome]
    confidence = max(1, min(5, confidence + rng.choice((-1, 0, 0, 0, 1))))
    # What the learner ticks: some of the real causes, now and then the wrong thing.
    ticked = [t for t in (*caused, *made_mistakes) if not t.startswith("pace:")
              and rng.random() < person.tick_rate]  # fmt: skip
    if rng.random() < person.wrong_tick_rate:
        ticked.append(rng.choice([*tags, *mistakes] or list(mistakes)))
    if quiz_total:
        ticked = [t for t in caused if not t.startswith("pace:")]
    applied = tuple(t for t in tags if rng.random() < person.pattern_tick_rate)
    subject = AttemptSubject(
        item.title, path_id, item.id, kind=kind, difficulty=item.difficulty.value,
        target_minutes=item.target_minutes,
    )  # fmt: skip
    attempt = Attempt(
        subject=subject,
        started_at=began,
        active_seconds=int(minutes * 60),
        outcome=outcome,
        confidence=confidence,
        patterns=applied,
        struggles=tuple(dict.fromkeys(ticked)),
        steps_covered=covered,
        quiz_correct=quiz_correct,
        quiz_total=quiz_total,
    )
    # Trouble the log shows at all: a tick, a missed step, a slow session, or a session
    # that did not go well on an item that exercises the tag. The rest left no trace.
    visible = [
        tag
        for tag in (*caused, *made_mistakes)
        if tag in ticked
        or (tag in design_steps and kind == "design" and tag not in covered)
        or (tag.startswith("pace:") and minutes > 1.5 * item.target_minutes)
        or (tag in tags and outcome is not Outcome.SOLVED)
    ]
    return attempt, visible


def _mock(
    rng: random.Random,
    weak: Mapping[str, Weakness],
    week: int,
    start: datetime,
    mock_id: int,
    exercised: Mapping[tuple[str, str], Sequence[str]],
) -> Observation:
    day = week + rng.randint(0, 6)
    exposed = [t for t, w in weak.items() if w.active(day) and not t.startswith("pace:")
               and rng.random() < 0.6]  # fmt: skip
    if rng.random() < 0.5:  # an interviewer's remark about something else entirely
        exposed.append(rng.choice(sorted(_all_tags(exercised))))
    score = 55.0 if exposed else 85.0
    return observation_from_mock(mock_id, start + timedelta(days=day, hours=18), score, exposed)
