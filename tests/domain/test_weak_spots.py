from datetime import UTC, datetime, timedelta

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.weak_spots import (
    Observation,
    observation_from_attempt,
    observation_from_mock,
    rank_weak_spots,
)

NOW = datetime(2026, 11, 30, 20, 0, tzinfo=UTC)
KINDS = {
    "dynamic-programming": "pattern",
    "hash-map": "pattern",
    "two-pointers": "pattern",
    "indexing": "topic",
    "off-by-one": "mistake",
    "edge-cases": "mistake",
    "requirements": "design_step",
    "capacity-estimation": "design_step",
    "api": "design_step",
}
LABELS = {
    "dynamic-programming": "dynamic programming",
    "capacity-estimation": "capacity estimation",
}
STEPS = ("requirements", "capacity-estimation", "api")


def _label(tag: str) -> str:
    return LABELS.get(tag, tag)


def _attempt(
    ref: int,
    days_ago: float,
    patterns: tuple[str, ...],
    outcome: Outcome = Outcome.SOLVED,
    *,
    minutes: int = 20,
    confidence: int = 4,
    struggles: tuple[str, ...] = (),
    kind: str = "code",
    covered: tuple[str, ...] = (),
    target: int = 25,
) -> Attempt:
    return Attempt(
        subject=AttemptSubject("Problem", kind=kind, difficulty="medium", target_minutes=target),
        started_at=NOW - timedelta(days=days_ago),
        active_seconds=minutes * 60,
        outcome=outcome,
        confidence=confidence,
        patterns=patterns,
        struggles=struggles,
        steps_covered=covered,
        id=ref,
    )


def _rank(attempts: list[Attempt]) -> list:
    observations = [observation_from_attempt(a, STEPS) for a in attempts]
    return rank_weak_spots(observations, kinds=KINDS, label=_label, now=NOW)


def _steady_practice() -> list[Attempt]:
    """Hash maps and two pointers going fine, every day for two weeks."""
    return [_attempt(100 + n, n, ("hash-map",) if n % 2 else ("two-pointers",)) for n in range(14)]


def test_nothing_logged_means_no_weak_spots() -> None:
    assert _rank([]) == []


def test_a_pattern_that_keeps_going_wrong_is_explained_with_its_numbers() -> None:
    struggling = [
        _attempt(1, 1, ("dynamic-programming",), Outcome.STUCK, minutes=40, confidence=2,
                 struggles=("dynamic-programming",)),
        _attempt(2, 3, ("dynamic-programming",), Outcome.PARTIAL, minutes=38, confidence=2,
                 struggles=("dynamic-programming",)),
        _attempt(3, 5, ("dynamic-programming",), Outcome.STUCK, minutes=36, confidence=1),
        _attempt(4, 6, ("dynamic-programming",), Outcome.PARTIAL, minutes=39, confidence=3,
                 struggles=("dynamic-programming",)),
        _attempt(5, 8, ("dynamic-programming",), Outcome.SOLVED, minutes=24),
        _attempt(6, 9, ("dynamic-programming",), Outcome.SOLVED, minutes=22),
    ]  # fmt: skip
    spots = _rank(struggling + _steady_practice())
    top = spots[0]
    assert (top.tag, top.kind, top.label) == (
        "dynamic-programming",
        "pattern",
        "dynamic programming",
    )
    assert top.explanation == (
        "dynamic programming: a struggle in 3 of the last 6 attempts; stuck or partial in 4 of 6; "
        "median 37 min against a 25 min target; confidence 2 or lower in 3 of 6"
    )
    assert top.attempt_ids == (1, 2, 3, 4)  # the ones that went badly, newest first
    assert all(spot.tag not in ("hash-map", "two-pointers") for spot in spots)


def test_a_recurring_mistake_counts_against_every_session() -> None:
    attempts = _steady_practice()
    marked = [
        _attempt(a.id or 0, (NOW - a.started_at).days, a.patterns, struggles=("off-by-one",))
        if n % 3 == 0 else a
        for n, a in enumerate(attempts)
    ]  # fmt: skip
    spots = _rank(marked)
    assert spots[0].tag == "off-by-one"
    assert spots[0].explanation == "off-by-one: noted as a struggle in 3 of the last 8 attempts"
    assert len(spots[0].attempt_ids) == 5


def test_design_steps_not_covered_count_as_missed() -> None:
    design = [
        _attempt(50 + n, n * 2, (), kind="design", covered=("requirements", "api"), target=40)
        for n in range(4)
    ]
    spots = _rank(_steady_practice() + design)
    assert spots[0].tag == "capacity-estimation"
    assert spots[0].kind == "design_step"
    assert spots[0].explanation == "capacity estimation: missed in 4 of the last 4 design sessions"
    assert spots[0].attempt_ids == (50, 51, 52, 53)


def test_recent_trouble_outranks_the_same_trouble_long_ago() -> None:
    old = [_attempt(n, 60 + n, ("two-pointers",), Outcome.STUCK, struggles=("two-pointers",))
           for n in range(1, 5)]  # fmt: skip
    recent = [_attempt(10 + n, n, ("hash-map",), Outcome.STUCK, struggles=("hash-map",))
              for n in range(1, 5)]  # fmt: skip
    fine = [_attempt(30 + n, n, ("dynamic-programming",)) for n in range(1, 8)]
    spots = _rank(old + recent + fine)
    assert spots[0].tag == "hash-map"
    old_score = next((spot.score for spot in spots if spot.tag == "two-pointers"), 0.0)
    assert old_score < spots[0].score / 2


def test_one_bad_day_is_not_worse_than_a_pattern_of_bad_days() -> None:
    once = [_attempt(1, 1, ("two-pointers",), Outcome.STUCK, struggles=("two-pointers",))]
    often = [
        _attempt(10 + n, n + 1, ("hash-map",), Outcome.STUCK, struggles=("hash-map",))
        for n in range(4)
    ]
    fine = [_attempt(30 + n, n, ("dynamic-programming",)) for n in range(8)]
    order = [spot.tag for spot in _rank(once + often + fine)]
    assert order.index("hash-map") < order.index("two-pointers")


def test_mock_interviews_feed_the_same_model() -> None:
    mocks = [
        observation_from_mock(7, NOW - timedelta(days=2), 45.0, ("capacity-estimation",)),
        observation_from_mock(8, NOW - timedelta(days=9), 55.0, ("capacity-estimation",)),
    ]
    practice = [observation_from_attempt(a, STEPS) for a in _steady_practice()]
    spots = rank_weak_spots(practice + mocks, kinds=KINDS, label=_label, now=NOW)
    assert spots[0].tag == "capacity-estimation"
    assert spots[0].mock_ids == (7, 8) and spots[0].attempt_ids == ()
    assert mocks[0].outcome is Outcome.STUCK and mocks[1].outcome is Outcome.PARTIAL
    assert spots[0].explanation == "capacity estimation: exposed in 2 mock interviews"


def test_a_mock_interview_is_named_apart_from_the_attempts_it_adds_to() -> None:
    struggling = [
        _attempt(n, n, ("dynamic-programming",), Outcome.PARTIAL,
                 struggles=("dynamic-programming",) if n < 3 else ())
        for n in range(1, 5)
    ]  # fmt: skip
    mock = observation_from_mock(9, NOW - timedelta(days=1), 40.0, ("dynamic-programming",))
    practice = [observation_from_attempt(a, STEPS) for a in struggling + _steady_practice()]
    spots = rank_weak_spots([*practice, mock], kinds=KINDS, label=_label, now=NOW)
    assert spots[0].tag == "dynamic-programming" and spots[0].mock_ids == (9,)
    assert spots[0].explanation == (
        "dynamic programming: a struggle in 2 of the last 4 attempts; stuck or partial in 4 of 4; "
        "exposed in 1 mock interview"
    )


def test_tags_outside_the_taxonomy_are_ignored() -> None:
    observation = Observation(NOW, "attempt", 1, ("mystery",), ("mystery",), outcome=Outcome.STUCK)
    assert rank_weak_spots([observation], kinds=KINDS, label=_label, now=NOW) == []


def test_a_single_attempt_is_explained_as_the_only_one() -> None:
    once = [_attempt(1, 1, ("dynamic-programming",), Outcome.STUCK, confidence=2,
                     struggles=("dynamic-programming",))]  # fmt: skip
    spots = _rank(once + _steady_practice())
    assert spots[0].explanation == (
        "dynamic programming: a struggle in its only attempt; stuck or partial in 1 of 1; "
        "confidence 2 or lower in 1 of 1"
    )


def test_a_beginner_who_practises_one_thing_still_sees_it_when_it_keeps_going_wrong() -> None:
    only = [
        _attempt(n, n, ("dynamic-programming",), Outcome.STUCK, confidence=1,
                 struggles=("dynamic-programming",))
        for n in range(1, 5)
    ]  # fmt: skip
    spots = _rank(only)
    assert spots[0].tag == "dynamic-programming"
    assert spots[0].explanation.startswith("dynamic programming: a struggle in 4 of the last 4")
