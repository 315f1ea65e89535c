"""FSRS revisits: how attempts become ratings, and how the schedule follows them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import fsrs.card
import pytest
from fsrs import Rating

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.revisits import rating, revisits_due, schedule


@pytest.mark.parametrize(
    ("outcome", "confidence", "expected"),
    [
        (Outcome.SOLVED, 5, Rating.Easy),
        (Outcome.SOLVED, 4, Rating.Good),
        (Outcome.SOLVED, 3, Rating.Good),
        (Outcome.SOLVED, 2, Rating.Hard),
        (Outcome.PARTIAL, 5, Rating.Again),
        (Outcome.STUCK, 5, Rating.Again),
    ],
)
def test_rating_from_outcome_and_confidence(outcome, confidence, expected) -> None:
    assert rating(outcome, confidence) is expected


def _attempt(day: int, outcome: Outcome, confidence: int, item: str = "3sum") -> Attempt:
    return Attempt(
        subject=AttemptSubject(title=item.upper(), path_id="p", item_id=item, kind="code"),
        started_at=datetime(2026, 11, day, 12, tzinfo=UTC),
        active_seconds=1200,
        outcome=outcome,
        confidence=confidence,
    )


def test_only_troubled_items_are_scheduled() -> None:
    assert schedule([_attempt(2, Outcome.SOLVED, 4), _attempt(9, Outcome.SOLVED, 5)]) is None
    shaky = schedule([_attempt(2, Outcome.SOLVED, 2)])
    assert shaky is not None and shaky.due == _attempt(
        2, Outcome.SOLVED, 2
    ).started_at.astimezone().date() + timedelta(days=1)


def test_revisits_due_are_those_on_or_before_the_day_most_overdue_first() -> None:
    attempts = [
        _attempt(2, Outcome.STUCK, 1, "a"),  # due the 3rd
        _attempt(5, Outcome.PARTIAL, 3, "b"),  # due the 6th
        _attempt(9, Outcome.STUCK, 1, "c"),  # due the 10th
        _attempt(4, Outcome.SOLVED, 5, "d"),  # never troubled
    ]
    by = attempts[1].started_at.astimezone().date() + timedelta(days=1)
    due = revisits_due(attempts, by)
    assert [revisit.item_id for revisit in due] == ["a", "b"]
    assert "stuck, confidence 1 of 5" in due[0].reason(by)
    assert revisits_due(attempts, date(2026, 10, 1)) == []


def test_a_revisit_reason_names_the_year_and_says_overdue_for_a_past_date() -> None:
    old = Attempt(
        AttemptSubject("Two Sum", path_id="p", item_id="two-sum", kind="code"),
        datetime(2025, 12, 2, 12, tzinfo=UTC), 1200, Outcome.STUCK, 1,
    )  # fmt: skip
    revisit = schedule([old])
    assert revisit is not None and revisit.due == date(2025, 12, 3)
    assert revisit.reason(date(2026, 11, 22)) == (
        "Revisit overdue since 3 Dec 2025: last tried 2 Dec 2025 (stuck, confidence 1 of 5)."
    )
    assert revisit.reason(date(2025, 12, 1)).startswith("Revisit due 3 Dec: last tried 2 Dec")
    assert revisit.reason(date(2025, 12, 3)).startswith("Revisit due today:")


def _interval(*attempts: Attempt) -> int:
    revisit = schedule(attempts)
    assert revisit is not None
    return revisit.interval_days


def test_a_stuck_attempt_comes_back_the_next_day() -> None:
    stuck = _attempt(2, Outcome.STUCK, 2)
    revisit = schedule([stuck])
    assert revisit is not None and revisit.interval_days == 1
    assert revisit.due == stuck.started_at.astimezone().date() + timedelta(days=1)


def test_each_solved_attempt_pushes_the_next_revisit_further_out() -> None:
    stuck = _attempt(2, Outcome.STUCK, 2)
    tries = [stuck, _attempt(3, Outcome.SOLVED, 3), _attempt(6, Outcome.SOLVED, 4)]
    tries.append(_attempt(6 + _interval(*tries), Outcome.SOLVED, 4))
    intervals = [_interval(*tries[: n + 1]) for n in range(len(tries))]
    assert intervals == sorted(intervals) and len(set(intervals)) == len(intervals)
    assert _interval(*reversed(tries)) == intervals[-1]  # any order


def test_a_surer_solve_waits_longer_and_a_new_failure_starts_over() -> None:
    stuck = _attempt(2, Outcome.STUCK, 1)
    shaky, sure, easy = (_attempt(5, Outcome.SOLVED, c) for c in (2, 4, 5))
    assert _interval(stuck, shaky) < _interval(stuck, sure) < _interval(stuck, easy)
    assert _interval(stuck, easy, _attempt(20, Outcome.PARTIAL, 3)) == 1


def test_the_schedule_never_reads_the_wall_clock(monkeypatch) -> None:
    # Left to itself the library stamps a new card with the time and sleeps a millisecond.
    monkeypatch.setattr(fsrs.card.time, "sleep", _refuse)
    first = schedule([_attempt(2, Outcome.STUCK, 1), _attempt(3, Outcome.SOLVED, 4)])
    assert first == schedule([_attempt(2, Outcome.STUCK, 1), _attempt(3, Outcome.SOLVED, 4)])


def _refuse(_seconds: float) -> None:
    raise AssertionError("a card was made without an id: the library read the clock")
