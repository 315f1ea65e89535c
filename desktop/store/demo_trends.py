"""A year of demo practice for the trends: planted weak spots, streaks, design steps missed."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import Session

from desktop.domain.curriculum import ItemKind, LearningPath, PathItem
from desktop.domain.practice import Attempt, AttemptSubject
from desktop.domain.simulated_learner import Learner, Vocabulary, simulate
from desktop.store import practice as practice_store

DAYS = 364
STREAK_DAYS = 12
# The demo user keeps struggling with dynamic programming, leaves out capacity estimates and
# misses edge cases; graph problems were a weak spot too until they drilled them in spring.
LEARNER = Learner(
    weak=("dynamic-programming", "capacity-estimation", "edge-cases", "graphs-topological-sort"),
    fixed=("graphs-topological-sort",),
    fixed_from_day=200,
    sessions_per_week=(4, 9),
    focus=8,
)
PATTERNS = (
    "dynamic-programming", "graphs-topological-sort", "hash-map", "two-pointers",
    "sliding-window", "binary-search", "bfs", "heap-top-k", "intervals", "stack",
)  # fmt: skip
MISTAKES = ("edge-cases", "off-by-one", "complexity-analysis", "communication", "ran-out-of-time")
DESIGN_STEPS = (
    "requirements", "capacity-estimation", "api", "data-model", "high-level-architecture",
    "deep-dive", "scaling-and-bottlenecks", "trade-offs",
)  # fmt: skip


def populate_demo_year(
    *, session: Session, paths: tuple[LearningPath, ...], today: datetime, seed: int = 6
) -> None:
    """Log a year of simulated practice, each attempt on a real item of the Backend path."""
    backend = next((p for p in paths if p.id == "backend-senior"), None)
    if backend is None:
        return
    items = [item for stage in backend.stages for item in stage.items]
    rng = random.Random(seed)
    start = today.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=DAYS)
    vocabulary = Vocabulary(PATTERNS, MISTAKES, DESIGN_STEPS)
    attempts = [
        a
        for a in simulate(LEARNER, vocabulary, start=start, days=DAYS, seed=seed)
        if a.started_at < today
    ]
    attempts += _recent_streak(attempts, today, rng)
    for attempt in attempts:
        item = _item_for(attempt, items, rng)
        subject = (
            # The target as the path says, like a real session; the simulated difficulty.
            replace(
                AttemptSubject.of_path_item(backend.id, item),
                difficulty=attempt.subject.difficulty or item.difficulty.value,
            )
            if item is not None
            else attempt.subject
        )
        logged = replace(attempt, subject=subject, id=None)
        if item is not None and attempt.patterns:
            logged = _as_worked_on(logged, item)
        practice_store.log_attempt(session=session, attempt=logged, now=logged.started_at)


def _recent_streak(attempts: list[Attempt], today: datetime, rng: random.Random) -> list[Attempt]:
    """The demo user is on a run: something practised on each of the last days."""
    practised = {a.started_at.date() for a in attempts}
    solved = [a for a in attempts if a.subject.kind == "code" and not a.struggles]
    extra = []
    for back in range(1, STREAK_DAYS + 1):
        day = today - timedelta(days=back)
        if day.date() not in practised and solved:
            moment = day.replace(hour=rng.randint(7, 20), minute=rng.randint(0, 59))
            extra.append(replace(rng.choice(solved), started_at=moment))
    return extra


def _item_for(attempt: Attempt, items: list[PathItem], rng: random.Random) -> PathItem | None:
    """A real item for a simulated attempt: of its kind, on as many of the patterns it
    struggled with as can be, then of the patterns it applied (item topics are taxonomy ids)."""
    kind = ItemKind(attempt.subject.kind or "code")
    of_kind = [i for i in items if i.kind is kind]
    if not of_kind:
        return None
    struggled = set(attempt.struggles) & set(attempt.patterns)

    def fit(item: PathItem) -> tuple[int, int]:
        return len(struggled & set(item.topics)), len(set(attempt.patterns) & set(item.topics))

    best = max(fit(item) for item in of_kind)
    return rng.choice([item for item in of_kind if fit(item) == best])


def _as_worked_on(attempt: Attempt, item: PathItem) -> Attempt:
    """The patterns (and pattern struggles) the item really exercises, as a learner would log
    them: no one ticks dynamic programming on Contains Duplicate."""
    patterns = tuple(p for p in attempt.patterns if p in item.topics)
    if not patterns:
        patterns = tuple(t for t in item.topics if t in PATTERNS)
    dropped = set(attempt.patterns) - set(patterns)
    struggles = tuple(t for t in attempt.struggles if t not in dropped)
    return replace(attempt, patterns=patterns, struggles=struggles)
