"""A mock interview of the second simulator's people, logged as the app logs one.

The round is scored on its rubric; a real weakness that the round touches shows as a low
score and, most of the time, as a remark the interviewer makes. Interviewers also remark on
things that are not weaknesses, and people write down only some of what they heard.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime

from desktop.domain.mocks import RUBRIC, RUBRIC_TAGS, MockInterview, MockKind
from tests.simulation.independent_people import WEAK_MISTAKE_RATE, Person
from tests.simulation.independent_sessions import Item, Library

# What interviewers say to almost anyone, by round.
COMMON_REMARKS = {
    MockKind.CODING: ("communication", "edge-cases", "complexity-analysis", "naming-clarity"),
    MockKind.SYSTEM_DESIGN: ("trade-offs", "requirements", "capacity-estimation", "communication"),
    MockKind.BEHAVIORAL: ("impact-numbers", "story-structure", "communication"),
}
ROUND_OF_KIND = {"code": MockKind.CODING, "design": MockKind.SYSTEM_DESIGN}


def round_for(recent_kinds: Sequence[str], rng: random.Random) -> MockKind:
    """The round a person books: like what they have practised most lately."""
    rounds = [ROUND_OF_KIND.get(k, MockKind.BEHAVIORAL) for k in recent_kinds if k != "reading"]
    return rng.choice(rounds) if rounds else MockKind.CODING


def mock_interview(
    person: Person,
    kind: MockKind,
    day: int,
    at: datetime,
    library: Library,
    rng: random.Random,
) -> MockInterview:
    problem = _problem(kind, library, rng)
    noticed: list[str] = []  # real weaknesses the round brought out
    if problem is not None:
        noticed += [t for t in problem.tags if person.weak(t, day) and rng.random() < 0.75]
    mistakes = library.coding_mistakes if kind is MockKind.CODING else library.answer_mistakes
    if kind is not MockKind.SYSTEM_DESIGN:
        noticed += [
            m
            for m in mistakes
            if person.weak(m, day) and rng.random() < WEAK_MISTAKE_RATE["medium"]
        ]
    if kind is MockKind.SYSTEM_DESIGN:
        noticed += [s for s in library.steps if person.weak(s, day) and rng.random() < 0.7]
    scores = {key: _score(person, rng) for key, _label in RUBRIC[kind]}
    for key in scores:
        if RUBRIC_TAGS.get(key) in noticed or (key in ("problem-solving", "deep-dive") and noticed):
            scores[key] = 1 if rng.random() < 0.3 else 2
    remarks = [r for r in COMMON_REMARKS[kind] if rng.random() < 0.25]
    heard = tuple(dict.fromkeys((*noticed, *remarks)))
    written = heard if rng.random() < person.habits.writes_exposed else ()
    return MockInterview(held_at=at, kind=kind, scores=scores, exposed=written)


def _problem(kind: MockKind, library: Library, rng: random.Random) -> Item | None:
    wanted = {MockKind.CODING: "code", MockKind.SYSTEM_DESIGN: "design"}.get(kind)
    items = [i for i in library.items if i.kind == wanted and i.item.difficulty.value != "easy"]
    return rng.choice(items) if items else None


def _score(person: Person, rng: random.Random) -> int:
    """A rubric score with nothing in particular wrong: mostly at the bar."""
    roll = rng.random()
    strong = 0.15 + 0.1 * (person.ability > 1.3)
    low = 0.08 + 0.12 * (person.ability < 0.8)
    return 4 if roll < strong else 2 if roll < strong + low else 3
