"""Who is in the second simulator's cohort: ten groups, each a tenth of the learners.

0-2  one to three weaknesses, coding and systems side by side
3    one to three weaknesses, one stage strictly after the other
4    no weakness, solid
5    no weakness, uniformly mediocre
6    one weakness, practising one kind only (coding, or design)
7    brand new: ten days, half of them with a weakness
8    one to three weaknesses, fixed on day 35, followed to day 56
9    no weakness, practising seldom: the right list for them is none

Across the groups, how each person keeps the log (careful, casual, silent, ticks everything),
whether they cram for a booked loop, book mock interviews, keep to path order or redo what
failed are drawn at random.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass, replace

from desktop.domain.quiz import load_quiz
from desktop.folders import shipped_data_dir
from desktop.profile import shipped_vocabulary
from tests.simulation.independent_learners import History, simulate
from tests.simulation.independent_people import (
    Habits,
    LogStyle,
    Person,
    Rhythm,
    Weakness,
    habits_of,
)
from tests.simulation.independent_sessions import Item, Library
from tests.simulation.validate import AFTER_FIX, FIX_DAY, START, World

ALL_KINDS = ("code", "design", "behavioral", "quiz", "reading")
# What people preparing for a backend loop are often weak at, picked by hand.
PATTERNS = (
    "dynamic-programming", "graphs-topological-sort", "heap-top-k", "binary-search",
    "sliding-window", "backtracking", "two-pointers", "linked-list", "stack", "trees",
    "recursion", "dfs", "bfs", "intervals", "trie",
)  # fmt: skip
TOPICS = (
    "transactions-isolation", "locking-concurrency", "sharding", "replication",
    "consistency-models", "caching-layer", "messaging", "indexing", "sql-queries", "idempotency",
)  # fmt: skip
MISTAKES = (
    "edge-cases", "off-by-one", "complexity-analysis", "ran-out-of-time", "skipped-testing",
    "misread-problem", "coded-too-early", "impact-numbers", "story-structure",
)  # fmt: skip
STEPS = (
    "capacity-estimation", "trade-offs", "deep-dive", "requirements", "data-model",
    "scaling-and-bottlenecks",
)  # fmt: skip
PACES = ("pace:design", "pace:behavioral", "pace:code")
CRAMMERS = 0.25  # share of learners with a loop booked soon
STYLES = (LogStyle.CAREFUL, LogStyle.CASUAL, LogStyle.SILENT, LogStyle.EVERYTHING)
STYLE_SHARES = (0.3, 0.4, 0.15, 0.15)


@dataclass
class Learner:
    person: Person
    history: History
    kind: str  # "weak", "fine", "one-kind", "new" or "fixed", as validate.py scores them
    group: int


def library_of(world: World) -> Library:
    vocabulary = shipped_vocabulary()
    quizzes = [
        load_quiz(f, vocabulary) for f in sorted((shipped_data_dir() / "quizzes").glob("*.toml"))
    ]
    items = tuple(
        Item(path.id, stage.id, item, tuple(world.exercised.get((path.id, item.id), ())))
        for path in world.paths
        for stage in path.stages
        for item in stage.items
    )
    groups = {group.id: tuple(e.id for e in group.entries) for group in world.taxonomy.groups}
    return Library(
        items=items,
        quizzes={quiz.id: quiz for quiz in quizzes},
        kinds=world.kinds,
        steps=world.steps,
        coding_mistakes=groups["mistakes"],
        answer_mistakes=groups["behavioral-answers"],
    )


# Traits of this simulator that can be left out, to see how much each moves the figures.
LEAVE_OUT = ("slips", "common-skips", "tick-everything")


def cohort(
    world: World, library: Library, count: int, seed: int, without: Collection[str] = ()
) -> list[Learner]:
    rng = random.Random(seed)
    known = set(world.kinds)
    weakable = [t for t in (*PATTERNS, *TOPICS, *MISTAKES, *STEPS) if t in known] + list(PACES)
    learners = []
    for index in range(count):
        group = index % 10
        planted = tuple(Weakness(t) for t in rng.sample(weakable, rng.randint(1, 3)))
        person = _person(rng, library, planted)
        kind = "weak"
        if group == 3:
            person = replace(person, strict_order=True)
        elif group in (4, 5, 9):
            kind = "fine"
            ability = (rng.uniform(1.2, 2.0), rng.uniform(0.2, 0.7), rng.uniform(0.9, 1.7))
            person = replace(person, weaknesses=(), ability=ability[(4, 5, 9).index(group)])
            if group == 9:
                rhythm = Rhythm(rng.uniform(0.2, 0.3), 0.1, rng.uniform(0.25, 0.4), 1, False)
                person = replace(person, rhythm=rhythm)
        elif group == 6:
            kind = "one-kind"
            coding = index % 20 == 6
            pool = (*PATTERNS, *MISTAKES[:7]) if coding else (*TOPICS, *STEPS)
            tag = rng.choice([t for t in pool if t in known])
            only = ("code",) if coding else ("design",)
            person = replace(person, weaknesses=(Weakness(tag),), kinds=only)
        elif group == 7:
            kind = "new"
            person = replace(person, weaknesses=planted if rng.random() < 0.5 else (), days=10)
        elif group == 8:
            kind = "fixed"
            fixed = tuple(Weakness(w.tag, fixed_on=FIX_DAY) for w in planted)
            person = replace(person, weaknesses=fixed, days=FIX_DAY + AFTER_FIX)
        person = _leave_out(person, without, random.Random(seed * 1000 + index))
        history = simulate(person, library, start=START, seed=seed * 1000 + index)
        learners.append(Learner(person, history, kind, group))
    return learners


def _person(rng: random.Random, library: Library, planted: tuple[Weakness, ...]) -> Person:
    style = rng.choices(STYLES, STYLE_SHARES)[0]
    habits: Habits = habits_of(style, rng)
    rhythm = Rhythm(
        burst_end=rng.uniform(0.05, 0.15),
        gap_end=rng.uniform(0.1, 0.25),
        practise_on_burst_day=rng.uniform(0.6, 0.95),
        most_per_day=rng.randint(1, 3),
        night_owl=rng.random() < 0.3,
    )
    if rng.random() < CRAMMERS:
        rhythm = replace(rhythm, burst_end=0.03, practise_on_burst_day=0.9, most_per_day=4)
        rhythm = replace(rhythm, another_session=0.7)
    return Person(
        weaknesses=planted,
        habits=habits,
        rhythm=rhythm,
        ability=rng.uniform(0.8, 1.8),
        learning=rng.uniform(0.1, 0.3),
        deficit=rng.uniform(1.5, 2.3),
        kinds=ALL_KINDS,
        strict_order=rng.random() < 0.15,
        redoes_failures=rng.random() < 0.5,
        skips_easy=rng.uniform(0.0, 0.4),
        mock_every=rng.randint(10, 21) if rng.random() < 0.5 else None,
        slips=(*rng.sample(library.coding_mistakes, 2), rng.choice(library.answer_mistakes)),
    )


def _leave_out(person: Person, without: Collection[str], rng: random.Random) -> Person:
    """The same person without some of the traits in LEAVE_OUT."""
    if "slips" in without:
        person = replace(person, slips=())
    if "common-skips" in without:
        person = replace(person, skips_like_everyone=False)
    if "tick-everything" in without and person.habits.style is LogStyle.EVERYTHING:
        person = replace(person, habits=habits_of(LogStyle.CASUAL, rng))
    return person
