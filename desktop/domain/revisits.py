"""When to revisit a path item, by SM-2 over the item's own attempt history.

Nothing is stored: the schedule is recomputed from the attempts, so editing or deleting an
attempt in the practice log changes the schedule with it.

Quality (SM-2's 0..5 grade) from an attempt:

    solved, confidence 4-5   -> 5 / 4 (confidence 5 is a 5)
    solved, confidence 3     -> 4
    solved, confidence 1-2   -> 3  (a pass, but a shaky one: the ease drops)
    partial, confidence 3-5  -> 2
    partial, confidence 1-2  -> 1
    stuck                    -> 0

A quality under 3 starts the item over (revisit the next day).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.dates import day_text, local_day
from desktop.domain.practice import Attempt, Outcome

START_EASE = 2.5
MIN_EASE = 1.3
LOW_CONFIDENCE = 2  # a solved attempt at this confidence or below still asks for a revisit


def quality(outcome: Outcome, confidence: int) -> int:
    """SM-2's grade for one attempt (see the table at the top of this module)."""
    if outcome is Outcome.STUCK:
        return 0
    if outcome is Outcome.PARTIAL:
        return 2 if confidence >= 3 else 1
    if confidence >= 5:
        return 5
    return 4 if confidence >= 3 else 3


@dataclass(frozen=True)
class Sm2State:
    repetitions: int = 0
    interval_days: int = 0
    ease: float = START_EASE


def review(state: Sm2State, grade: int) -> Sm2State:
    """One SM-2 step. The interval grows with the ease from before this grade (as in SM-2);
    the ease then moves by the grade and never drops below 1.3."""
    if not 0 <= grade <= 5:
        raise ValueError("an SM-2 grade is from 0 to 5")
    if grade >= 3:
        if state.repetitions == 0:
            interval = 1
        elif state.repetitions == 1:
            interval = 6
        else:
            interval = math.floor(state.interval_days * state.ease + 0.5)
        repetitions = state.repetitions + 1
    else:
        repetitions, interval = 0, 1
    miss = 5 - grade
    ease = max(MIN_EASE, state.ease + 0.1 - miss * (0.08 + miss * 0.02))
    return Sm2State(repetitions, interval, ease)


def needs_revisits(attempt: Attempt) -> bool:
    """A partial or stuck attempt, or a low-confidence one, puts its item on the schedule."""
    return attempt.outcome is not Outcome.SOLVED or attempt.confidence <= LOW_CONFIDENCE


@dataclass(frozen=True)
class Revisit:
    path_id: str
    item_id: str
    title: str
    due: date
    state: Sm2State
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


def schedule(attempts: Iterable[Attempt]) -> Revisit | None:
    """The revisit for one item's attempts (any order), or None if none ever asked for one."""
    ordered = sorted(attempts, key=lambda attempt: attempt.started_at)
    if not ordered or not any(needs_revisits(attempt) for attempt in ordered):
        return None
    state = Sm2State()
    for attempt in ordered:
        state = review(state, quality(attempt.outcome, attempt.confidence))
    last = ordered[-1]
    subject = last.subject
    if subject.path_id is None or subject.item_id is None:
        return None
    due = local_day(last.started_at) + timedelta(days=state.interval_days)
    return Revisit(subject.path_id, subject.item_id, subject.title, due, state, last)


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
