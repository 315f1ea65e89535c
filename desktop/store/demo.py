"""A realistic demo profile: a few months of steady practice on the Backend path."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlmodel import Session

from desktop.domain.curriculum import Difficulty, ItemKind, LearningPath, PathItem
from desktop.domain.progress import ItemStatus
from desktop.store import progress as progress_store

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


def populate_demo_profile(
    *, session: Session, paths: tuple[LearningPath, ...], today: datetime, seed: int = 7
) -> None:
    """Progress, history and notes as if the user had practised for about three months."""
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
            progress_store.set_status(
                session=session, path_id=backend.id, stage_id=stage.id, item=item,
                status=final, now=began + timedelta(minutes=rng.randint(20, 60)),
            )  # fmt: skip
            if rng.random() < 0.35:
                progress_store.set_notes(
                    session=session, path_id=backend.id, stage_id=stage.id, item=item,
                    notes=rng.choice(_NOTES[item.kind]), now=began + timedelta(hours=1),
                )  # fmt: skip
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
