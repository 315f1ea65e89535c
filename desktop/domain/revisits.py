"""When to revisit a path item, by FSRS (the `fsrs` library) over the item's own attempts.

Nothing is stored: the schedule is recomputed from the attempts, so editing or deleting an
attempt in the practice log changes the schedule with it. Each item is one FSRS card and each
attempt one review of it, rated from what every attempt records:

    stuck or partial          -> Again  (not solved: the item starts over)
    solved, confidence 1-2    -> Hard   (a pass, but a shaky one)
    solved, confidence 3-4    -> Good
    solved, confidence 5      -> Easy

Days, not minutes: the scheduler has no same-day learning steps (a problem is not retried ten
minutes later) and no fuzz, so the same attempts always give the same day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from functools import cache

from fsrs import Card, Rating, Scheduler

from desktop.domain.dates import day_text, local_day
from desktop.domain.practice import Attempt, Outcome

LOW_CONFIDENCE = 2  # a solved attempt at this confidence or below still asks for a revisit
DESIRED_RETENTION = 0.9  # FSRS's default: due when the chance of solving it again falls to 90%


def rating(outcome: Outcome, confidence: int) -> Rating:
    """The FSRS rating of one attempt (see the table at the top of this module)."""
    if outcome is not Outcome.SOLVED:
        return Rating.Again
    if confidence <= LOW_CONFIDENCE:
        return Rating.Hard
    return Rating.Easy if confidence >= 5 else Rating.Good


@cache
def _scheduler() -> Scheduler:
    return Scheduler(
        desired_retention=DESIRED_RETENTION,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )


def needs_revisits(attempt: Attempt) -> bool:
    """A partial or stuck attempt, or a low-confidence one, puts its item on the schedule."""
    return attempt.outcome is not Outcome.SOLVED or attempt.confidence <= LOW_CONFIDENCE


@dataclass(frozen=True)
class Revisit:
    path_id: str
    item_id: str
    title: str
    due: date
    interval_days: int  # from the last attempt to `due`
    stability_days: float  # FSRS: days until the chance of solving it falls to 90%
    last_attempt: Attempt

    def reason(self, today: date) -> str:
        """Why to revisit, as seen on `today`: dates carry their year unless it is this one."""
        last = self.last_attempt
        when = day_text(local_day(last.started_at), today)
        how = f"{last.outcome.label.lower()}, confidence {last.confidence} of 5"
        if self.due < today:
            due = f"overdue since {day_text(self.due, today)}"
        elif self.due == today:
            due = "due today"
        else:
            due = f"due {day_text(self.due, today)}"
        return f"Revisit {due}: last tried {when} ({how})."


def review_all(attempts: Sequence[Attempt]) -> Card:
    """The item's FSRS card after every attempt, oldest first."""
    first = attempts[0].started_at.astimezone(UTC)
    # An explicit id and due date: left out, the library reads the wall clock for both.
    card = Card(card_id=1, due=first)
    for attempt in attempts:
        card, _log = _scheduler().review_card(
            card,
            rating(attempt.outcome, attempt.confidence),
            review_datetime=attempt.started_at.astimezone(UTC),
        )
    return card


def schedule(attempts: Iterable[Attempt]) -> Revisit | None:
    """The revisit for one item's attempts (any order), or None if none ever asked for one."""
    ordered = sorted(attempts, key=lambda attempt: attempt.started_at)
    if not ordered or not any(needs_revisits(attempt) for attempt in ordered):
        return None
    last = ordered[-1]
    subject = last.subject
    if subject.path_id is None or subject.item_id is None:
        return None
    card = review_all(ordered)
    interval = max(1, (card.due - last.started_at.astimezone(UTC)).days)
    due = local_day(last.started_at) + timedelta(days=interval)
    stability = card.stability or 0.0
    return Revisit(subject.path_id, subject.item_id, subject.title, due, interval, stability, last)


def revisits_due(attempts: Sequence[Attempt], by: date) -> list[Revisit]:
    """Path items whose revisit falls on or before `by`, most overdue first."""
    by_item: dict[tuple[str, str], list[Attempt]] = {}
    for attempt in attempts:
        subject = attempt.subject
        if subject.path_id and subject.item_id:
            by_item.setdefault((subject.path_id, subject.item_id), []).append(attempt)
    found = [schedule(item_attempts) for item_attempts in by_item.values()]
    due = [revisit for revisit in found if revisit is not None and revisit.due <= by]
    return sorted(due, key=lambda revisit: (revisit.due, revisit.title))
