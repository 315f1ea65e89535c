"""SM-2 revisits, checked against values worked out by hand from the published algorithm."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.revisits import MIN_EASE, Sm2State, quality, review, revisits_due, schedule


def _run(grades: list[int]) -> list[tuple[int, float]]:
    state, seen = Sm2State(), []
    for grade in grades:
        state = review(state, grade)
        seen.append((state.interval_days, round(state.ease, 2)))
    return seen


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        ([5, 5, 5, 5], [(1, 2.6), (6, 2.7), (16, 2.8), (45, 2.9)]),
        ([4, 4, 4], [(1, 2.5), (6, 2.5), (15, 2.5)]),
        ([3, 3, 3], [(1, 2.36), (6, 2.22), (13, 2.08)]),
        ([5, 5, 2, 4], [(1, 2.6), (6, 2.7), (1, 2.38), (1, 2.38)]),
        ([0, 0, 5], [(1, 1.7), (1, 1.3), (1, 1.4)]),
    ],
)
def test_sm2_intervals_and_ease_match_reference_values(grades, expected) -> None:
    assert _run(grades) == expected


def test_the_ease_never_drops_below_its_floor() -> None:
    state = Sm2State()
    for _ in range(10):
        state = review(state, 0)
    assert state.ease == MIN_EASE
    assert review(Sm2State(5, 20, 1.3), 3).ease == MIN_EASE


def test_a_grade_outside_0_to_5_is_refused() -> None:
    with pytest.raises(ValueError, match="0 to 5"):
        review(Sm2State(), 6)


@pytest.mark.parametrize(
    ("outcome", "confidence", "grade"),
    [
        (Outcome.SOLVED, 5, 5),
        (Outcome.SOLVED, 4, 4),
        (Outcome.SOLVED, 3, 4),
        (Outcome.SOLVED, 2, 3),
        (Outcome.PARTIAL, 4, 2),
        (Outcome.PARTIAL, 1, 1),
        (Outcome.STUCK, 5, 0),
    ],
)
def test_quality_from_outcome_and_confidence(outcome, confidence, grade) -> None:
    assert quality(outcome, confidence) == grade


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


def test_a_stuck_attempt_starts_over_one_day_then_six() -> None:
    stuck = _attempt(2, Outcome.STUCK, 2)
    first = schedule([stuck])
    assert first is not None and first.state.interval_days == 1
    again = _attempt(3, Outcome.SOLVED, 4)
    assert schedule([again, stuck]).state.interval_days == 1  # type: ignore[union-attr]
    later = _attempt(4, Outcome.SOLVED, 4)
    third = schedule([later, stuck, again])  # any order
    assert third is not None
    assert third.state.interval_days == 6
    assert third.due == later.started_at.astimezone().date() + timedelta(days=6)


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
