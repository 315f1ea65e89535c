"""Practice sessions: the clock that leaves out pauses, quiz scores as outcomes, attempt checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.practice import (
    Attempt,
    AttemptSubject,
    Outcome,
    SessionClock,
    outcome_from_quiz,
    retrospective_facts,
)

T0 = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)


def _at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


# --- SessionClock -----------------------------------------------------------------------------


def test_a_new_clock_is_running_and_counts_from_its_start() -> None:
    clock = SessionClock(started_at=T0)

    assert clock.running
    assert clock.elapsed_seconds(T0) == 0
    assert clock.elapsed_seconds(_at(12.5)) == 750


def test_time_spent_paused_is_not_counted() -> None:
    clock = SessionClock(started_at=T0)

    clock.pause(_at(10))
    assert not clock.running
    assert clock.elapsed_seconds(_at(10)) == 600
    assert clock.elapsed_seconds(_at(45)) == 600, "a paused clock stands still"

    clock.resume(_at(45))
    assert clock.running
    assert clock.elapsed_seconds(_at(50)) == 900


def test_elapsed_time_adds_up_the_running_stretches_between_several_pauses() -> None:
    clock = SessionClock(started_at=T0)

    clock.pause(_at(5))  # ran 5
    clock.resume(_at(20))
    clock.pause(_at(30))  # ran 10
    clock.resume(_at(31))
    clock.pause(_at(33))  # ran 2
    clock.resume(_at(60))

    assert clock.elapsed_seconds(_at(60)) == 17 * 60
    assert clock.elapsed_seconds(_at(64)) == 21 * 60  # running again: 4 more


def test_pausing_twice_does_not_lose_or_add_time() -> None:
    clock = SessionClock(started_at=T0)

    clock.pause(_at(10))
    clock.pause(_at(25))  # a second press while paused changes nothing

    assert clock.elapsed_seconds(_at(30)) == 600
    clock.resume(_at(40))
    assert clock.elapsed_seconds(_at(41)) == 660


def test_resuming_a_running_clock_does_not_restart_it() -> None:
    clock = SessionClock(started_at=T0)

    clock.resume(_at(10))  # already running: must not throw away the first 10 minutes

    assert clock.running
    assert clock.elapsed_seconds(_at(15)) == 900


def test_resuming_twice_after_a_pause_counts_from_the_first_resume() -> None:
    clock = SessionClock(started_at=T0)
    clock.pause(_at(10))

    clock.resume(_at(20))
    clock.resume(_at(25))  # ignored: the clock is already running again

    assert clock.elapsed_seconds(_at(30)) == 20 * 60


def test_over_target_only_once_the_active_time_passes_the_target() -> None:
    clock = SessionClock(started_at=T0)
    clock.pause(_at(10))
    clock.resume(_at(40))  # 30 minutes of pause do not count towards the target

    assert not clock.over_target(_at(40), 25)
    assert not clock.over_target(_at(55), 25), "exactly 25 active minutes is not over"
    assert clock.over_target(_at(55) + timedelta(seconds=1), 25)


def test_without_a_target_a_session_is_never_over() -> None:
    clock = SessionClock(started_at=T0)

    assert not clock.over_target(_at(24 * 60), None)


# --- quiz score as an outcome -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("correct", "total", "outcome"),
    [
        (25, 25, Outcome.SOLVED),
        (20, 25, Outcome.SOLVED),  # exactly 80%
        (4, 5, Outcome.SOLVED),
        (19, 25, Outcome.PARTIAL),  # 76%
        (5, 10, Outcome.PARTIAL),  # exactly half
        (12, 25, Outcome.STUCK),  # 48%
        (0, 25, Outcome.STUCK),
        (0, 0, Outcome.STUCK),  # an empty quiz proves nothing
    ],
)
def test_outcome_from_quiz_thresholds(correct: int, total: int, outcome: Outcome) -> None:
    assert outcome_from_quiz(correct, total) is outcome


# --- Attempt ----------------------------------------------------------------------------------


def _attempt(*, confidence: int = 3, active_seconds: int = 900) -> Attempt:
    return Attempt(
        subject=AttemptSubject(title="Two Sum", path_id="backend-senior", item_id="two-sum"),
        started_at=T0,
        active_seconds=active_seconds,
        outcome=Outcome.SOLVED,
        confidence=confidence,
    )


@pytest.mark.parametrize("confidence", [1, 2, 3, 4, 5])
def test_confidence_from_one_to_five_is_accepted(confidence: int) -> None:
    assert _attempt(confidence=confidence).confidence == confidence


@pytest.mark.parametrize("confidence", [0, 6, -1, 10])
def test_confidence_outside_one_to_five_is_refused(confidence: int) -> None:
    with pytest.raises(ValueError, match="confidence"):
        _attempt(confidence=confidence)


def test_a_negative_duration_is_refused_but_zero_is_allowed() -> None:
    with pytest.raises(ValueError, match="less than no time"):
        _attempt(active_seconds=-1)

    assert _attempt(active_seconds=0).minutes == 0


def test_minutes_are_rounded_to_the_nearest_minute() -> None:
    assert _attempt(active_seconds=89).minutes == 1
    assert _attempt(active_seconds=91).minutes == 2
    assert _attempt(active_seconds=25 * 60).minutes == 25


def test_outcome_labels_are_capitalised_words() -> None:
    assert [outcome.label for outcome in Outcome] == ["Solved", "Partial", "Stuck"]


@pytest.mark.parametrize(
    ("subject", "given", "said"),
    [
        (AttemptSubject("LRU cache in Go"), "", "none (a free session)"),
        (AttemptSubject("Mock", routine_id="mock-interview"), "", "none (a routine)"),
        (AttemptSubject("3Sum", "old-path", "3sum"), "", "old-path (no longer in your library)"),
        (AttemptSubject("3Sum", "backend", "3sum"), "Backend", "Backend"),
    ],
)
def test_the_retrospective_says_which_path_or_why_none(
    subject: AttemptSubject, given: str, said: str
) -> None:
    attempt = Attempt(subject, T0, 600, Outcome.SOLVED, 3)
    facts = retrospective_facts(attempt, label=str, path_title=given)
    assert facts["path_title"] == said
