"""Trends and Plan agree on the weak spots: mock interviews feed both, and "Plan practice" on
the Trends page ends up in the week's plan."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.dates import local_day, week_of
from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.planner import PlanSource
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import mocks as mocks_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.plan.data import load_week
from desktop.ui.plan.page import PlanPage
from desktop.ui.trends.page import TrendsPage
from tests.clocks import clock_start

pytestmark = pytest.mark.any_date

NOW = clock_start()  # the context's clock starts here


def _log(
    context: AppContext,
    days_ago: float,
    patterns: tuple[str, ...],
    struggles: tuple[str, ...] = (),
    outcome: Outcome = Outcome.SOLVED,
) -> None:
    attempt = Attempt(
        subject=AttemptSubject("Practice", "backend-senior", None, kind="code", target_minutes=25),
        started_at=NOW - timedelta(days=days_ago),
        active_seconds=20 * 60,
        outcome=outcome,
        confidence=3,
        patterns=patterns,
        struggles=struggles,
    )
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=NOW)


def _a_fortnight_of_practice(context: AppContext) -> None:
    """Dynamic programming keeps going wrong, two pointers once; hash maps go fine."""
    for day in range(5):
        _log(context, day + 0.5, ("dynamic-programming",), ("dynamic-programming",), Outcome.STUCK)
    _log(context, 3.3, ("two-pointers",), ("two-pointers",), Outcome.PARTIAL)
    for day in range(12):
        _log(context, day + 0.2, ("hash-map",))


def _log_mock(context: AppContext, exposed: tuple[str, ...]) -> int:
    mock = MockInterview(
        held_at=NOW - timedelta(days=1),
        kind=MockKind.SYSTEM_DESIGN,
        scores={"requirements": 2, "high-level-design": 2, "trade-offs": 1},
        exposed=exposed,
    )
    with session_scope(context.profile.engine) as session:
        return mocks_store.log_mock(session=session, mock=mock, now=NOW)


def _trends(qtbot, context: AppContext) -> TrendsPage:  # type: ignore[no-untyped-def]
    page = TrendsPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_trends_and_plan_rank_the_same_weak_spots(qtbot, context: AppContext) -> None:
    _a_fortnight_of_practice(context)
    _log_mock(context, ("capacity-estimation", "edge-cases"))
    trends = _trends(qtbot, context)
    assert trends.report is not None
    ranked = [spot.tag for spot in trends.report.weak_spots]
    assert {"dynamic-programming", "capacity-estimation", "edge-cases"} <= set(ranked)
    week = load_week(context, week_of(local_day(context.now())))
    assert [spot.tag for spot in week.weak_spots] == ranked
    assert [spot.explanation for spot in week.weak_spots] == [
        spot.explanation for spot in trends.report.weak_spots
    ]


def test_a_mock_interview_puts_what_it_exposed_into_next_weeks_suggestions(
    context: AppContext,
) -> None:
    _a_fortnight_of_practice(context)
    next_week = week_of(local_day(context.now())) + timedelta(days=7)
    answered = {s.weak_spot for s in load_week(context, next_week).suggestions}
    assert "dynamic-programming" in answered and "capacity-estimation" not in answered
    _log_mock(context, ("capacity-estimation",))
    suggestions = load_week(context, next_week).suggestions
    found = next(s for s in suggestions if s.weak_spot == "capacity-estimation")
    assert found.reason.endswith(". Exposed in 1 mock interview.")


def test_plan_practice_on_trends_lands_in_the_plan(qtbot, context: AppContext) -> None:
    _a_fortnight_of_practice(context)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("trends")
    trends = window.current_page()
    assert isinstance(trends, TrendsPage)
    row = next(row for row in trends.weak_spot_rows if row.spot.tag == "two-pointers")
    row.plan_button.click()

    plan = window.current_page()
    assert isinstance(plan, PlanPage)
    chosen = plan.suggestions.selected()
    assert chosen is not None and chosen.weak_spot == "two-pointers"
    weak_spots = [s for s in plan.suggestions.suggestions() if s.source is PlanSource.WEAK_SPOT]
    assert weak_spots[0] == chosen  # first of the weak spots, ahead of a weaker-ranked one
    assert chosen.reason.endswith(". A struggle in its only attempt; stuck or partial in 1 of 1.")
    plan.suggestions.add_button.click()
    if context.today().weekday() == 6:  # on a Sunday what is accepted goes into next week
        plan.show_week(plan.week + timedelta(days=7))

    assert plan.snapshot is not None
    (planned,) = [item for item in plan.snapshot.items if item.target == chosen.target]
    assert planned.reason == chosen.reason
    assert plan.grid.shown_titles(planned.day)[0].startswith(chosen.target.title)
    assert chosen.target.key not in {s.target.key for s in plan.suggestions.suggestions()}
