"""A realistic demo profile: a few months of steady practice on the Backend path."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlmodel import Session

from desktop.domain.curriculum import Difficulty, ItemKind, LearningPath, PathItem
from desktop.domain.dates import MONDAY
from desktop.domain.journal import EntryKind
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.progress import ItemStatus
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.store.demo_plan import populate_demo_plan
from desktop.store.demo_stories import populate_demo_stories
from desktop.store.demo_trends import populate_demo_year

# Share of each stage's items that a user a few months in has finished, in stage order.
_STAGE_COMPLETION = (1.0, 0.9, 0.72, 0.3, 0.45, 0.35, 0.2)

# Notes a user might write, by the kind of item they are about.
_NOTES: dict[ItemKind, tuple[str, ...]] = {
    ItemKind.CODE: (
        "Reached for a hash map first; the two-pointer version needs **no extra memory**."
        "\n\n- Sort first, then move the pointers inward\n- Watch for duplicates when skipping",
        "Stuck for ten minutes on the visited set. Next time: write the BFS template before "
        "thinking about the problem.\n\n- [x] Redo from scratch\n- [ ] Explain it out loud",
        "Solved in 22 minutes. Talked through time and space before coding, which helped.",
    ),
    ItemKind.READING: (
        "Made flash cards for the ones I hesitated on.\n\n| operation | cost |\n|---|---|\n"
        "| heap push | O(log n) |\n| dict lookup | O(1) average |",
        "Re-read the chapter on B-tree indexes; composite index order finally makes sense.",
    ),
    ItemKind.DESIGN: (
        "Forgot the capacity estimate again. Start every design with users, QPS and storage.",
        "Spent too long on the schema; the deep dive on caching was rushed. Time-box each step.",
    ),
    ItemKind.BEHAVIORAL: (
        "Good story, but the result needs a number: latency went from 900 ms to 120 ms.",
    ),
    ItemKind.QUIZ: ("Missed two questions on consistency models. Review quorum reads.",),
}


_STRUGGLES = ("edge-cases", "off-by-one", "complexity-analysis", "communication")
_RETRO_LINES = (
    "Sorting first made the duplicates easy to skip. I talked through the complexity "
    "before coding, which the interviewer would want to hear.",
    "I froze on the recursion. Writing the base case first got me unstuck; next time I will "
    "say that out loud sooner.",
    "The design went well until the deep dive: I had not thought about cache invalidation.",
)


def _log_demo_session(
    session: Session,
    path_id: str,
    item: PathItem,
    began: datetime,
    minutes: int,
    status: ItemStatus,
    rng: random.Random,
    known_tags: frozenset[str],
) -> None:
    solved = status is ItemStatus.DONE
    attempt = Attempt(
        subject=AttemptSubject.of_path_item(path_id, item),
        started_at=began,
        active_seconds=minutes * 60,
        outcome=Outcome.SOLVED if solved else rng.choice((Outcome.PARTIAL, Outcome.STUCK)),
        confidence=rng.randint(3, 5) if solved else rng.randint(1, 3),
        patterns=tuple(t for t in (x.replace(" ", "-") for x in item.topics) if t in known_tags),
        struggles=() if solved else (rng.choice(_STRUGGLES),),
    )
    attempt_id = practice_store.log_attempt(session=session, attempt=attempt, now=began)
    if rng.random() < 0.4:
        journal_store.create_entry(
            session=session,
            draft=journal_store.EntryDraft(
                entry_date=began.date(),
                title=f"{item.title}: retrospective",
                body=f"## What I learned\n\n{rng.choice(_RETRO_LINES)}\n\n"
                f"## What I will do next time\n\n- Time-box the first approach\n",
                kind=EntryKind.RETROSPECTIVE,
                tags=(item.kind.value,),
                template_id="retrospective",
                attempt_id=attempt_id,
                path_id=path_id,
                item_id=item.id,
            ),
            now=began,
        )


def populate_demo_profile(
    *,
    session: Session,
    paths: tuple[LearningPath, ...],
    today: datetime,
    known_tags: frozenset[str] = frozenset(),
    first_weekday: int = MONDAY,
    seed: int = 7,
) -> None:
    """Progress, history and notes as if the user had practised for about three months; the
    plan in weeks that start on weekday `first_weekday` (the profile's choice, if it has one)."""
    rng = random.Random(seed)
    backend = next((p for p in paths if p.id == "backend-senior"), paths[0] if paths else None)
    if backend is None:
        return
    start = today - timedelta(days=92)
    day = 0
    for stage_number, stage in enumerate(backend.stages):
        share = _STAGE_COMPLETION[min(stage_number, len(_STAGE_COMPLETION) - 1)]
        finished = round(len(stage.items) * share)
        for position, item in enumerate(stage.items):
            if position > finished:
                break
            day = min(day + rng.randint(0, 2), 90)
            began = start + timedelta(days=day, hours=rng.randint(17, 21))
            progress_store.set_status(
                session=session, path_id=backend.id, stage_id=stage.id, item=item,
                status=ItemStatus.IN_PROGRESS, now=began,
            )  # fmt: skip
            if position == finished:
                continue  # the one the user is working on now
            final = ItemStatus.NEEDS_REVIEW if rng.random() < 0.15 else ItemStatus.DONE
            minutes = max(5, round(item.target_minutes * rng.uniform(0.7, 1.6)))
            _log_demo_session(session, backend.id, item, began, minutes, final, rng, known_tags)
            progress_store.set_status(
                session=session, path_id=backend.id, stage_id=stage.id, item=item,
                status=final, now=began + timedelta(minutes=rng.randint(20, 60)),
            )  # fmt: skip
            if rng.random() < 0.35:
                progress_store.set_notes(
                    session=session, path_id=backend.id, stage_id=stage.id, item=item,
                    notes=rng.choice(_NOTES[item.kind]), now=began + timedelta(hours=1),
                )  # fmt: skip
    populate_demo_stories(session=session, today=today)
    populate_demo_year(session=session, paths=paths, today=today)
    medium = next((s for s in backend.stages if s.title.startswith("Coding: Medium")), None)
    if medium is not None:
        progress_store.add_custom_item(
            session=session,
            path_id=backend.id,
            stage_id=medium.id,
            item=PathItem(
                id="custom-demo-lru-cache",
                title="LRU Cache",
                kind=ItemKind.CODE,
                difficulty=Difficulty.MEDIUM,
                target_minutes=25,
                topics=("hash map", "linked list"),
                link="https://leetcode.com/problems/lru-cache/",
                description="Asked in a recruiter screen: worth doing twice.",
            ),
            now=start + timedelta(days=40),
        )
    populate_demo_plan(session=session, paths=paths, today=today, first_weekday=first_weekday)
