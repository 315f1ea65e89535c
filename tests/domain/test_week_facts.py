from __future__ import annotations

from datetime import UTC, datetime

from desktop.domain.planner import WeekNumbers
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.week_facts import week_facts

AT = datetime(2026, 3, 2, 10, tzinfo=UTC)


def _attempt(kind: str | None, minutes: int, *struggles: str) -> Attempt:
    subject = AttemptSubject("x", kind=kind)
    return Attempt(subject, AT, minutes * 60, Outcome.STUCK, 2, struggles=struggles)


def _numbers(**changed: int) -> WeekNumbers:
    values = dict(sessions=0, minutes=0, planned=0, done=0, skipped=0, planned_minutes=0)
    return WeekNumbers(**{**values, **changed}, budget_minutes=600)


def test_kinds_most_sessions_first_ties_as_they_came_unknown_as_other() -> None:
    attempts = [_attempt(None, 10), _attempt("quiz", 5), _attempt("quiz", 7), _attempt("odd", 3)]
    facts = week_facts(_numbers(sessions=4, minutes=25), attempts, [], str.upper)
    assert facts["practised_by_kind"] == "Other 2 (13 min), Quiz 2 (12 min)"


def test_what_went_wrong_counts_each_session_once_and_shows_the_top_three() -> None:
    attempts = [
        _attempt("code", 5, "a", "a", "b"),
        _attempt("code", 5, "c", "b"),
        _attempt("code", 5, "d"),
        _attempt("code", 5, "b", "e"),
    ]
    facts = week_facts(_numbers(), attempts, [], str.upper)
    assert facts["went_wrong_most"] == "B (3 times), A (once), C (once)"


def test_planned_items_done_and_skipped() -> None:
    facts = week_facts(_numbers(planned=5, done=3, skipped=1), [], [], str)
    assert facts["planned_vs_done"] == "3 of 5 planned items done, 1 skipped"
    assert week_facts(_numbers(planned=2), [], [], str)["planned_vs_done"] == (
        "0 of 2 planned items done"
    )
