""" "Plan practice" plans what the Trends row says to practise it with, for every kind of weak
spot: a pattern, a topic, a mistake, a design step, and the pace of one difficulty."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.curriculum import PathItem
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.plan.page import PlanPage
from desktop.ui.trends.page import TrendsPage
from tests.clocks import clock_start
from tests.ui.test_weak_spots_across_pages import STEPS

pytestmark = pytest.mark.any_date

NOW = clock_start()
PATH = "backend-senior"


def _item(context: AppContext, item_id: str) -> PathItem:
    path = next(p for p in context.profile.library.paths if p.id == PATH)
    return next(item for stage in path.stages for item in stage.items if item.id == item_id)


def _log(
    context: AppContext,
    days_ago: float,
    item_id: str,
    minutes: int | None = None,
    outcome: Outcome = Outcome.SOLVED,
    *,
    struggles: tuple[str, ...] = (),
    covered: tuple[str, ...] = (),
) -> None:
    item = _item(context, item_id)
    attempt = Attempt(
        subject=AttemptSubject.of_path_item(PATH, item),
        started_at=NOW - timedelta(days=days_ago),
        active_seconds=60 * (minutes or item.target_minutes),
        outcome=outcome,
        confidence=3,
        patterns=item.topics if item.kind.value == "code" else (),
        struggles=struggles,
        steps_covered=covered,
    )
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=NOW)


EASY = ("two-sum", "valid-anagram", "contains-duplicate", "binary-search", "flood-fill")
HARD = ("trapping-rain-water", "median-of-two-sorted-arrays", "n-queens")


def _a_month_of_practice(context: AppContext) -> None:
    """Hard coding problems take twice their target; easy ones go fine; edge cases are ticked
    on easy problems; design sessions leave out capacity estimation."""
    for day in range(24):
        _log(context, day + 0.2, EASY[day % len(EASY)],
             struggles=("edge-cases",) if day % 3 == 0 else ())  # fmt: skip
    for day in range(6):
        _log(context, day * 2 + 0.5, HARD[day % len(HARD)], minutes=90)
    for day in range(5):
        _log(context, day * 3 + 0.7, "design-rate-limiter", covered=STEPS[:1] + STEPS[2:])


def test_plan_practice_plans_the_item_trends_names(qtbot, context: AppContext, open_window) -> None:
    _a_month_of_practice(context)
    window = open_window()
    window.show_page("trends")
    trends = window.current_page()
    assert isinstance(trends, TrendsPage)
    named = {row.spot.tag: row.items.text() for row in trends.weak_spot_rows}
    assert {"pace:code:hard", "edge-cases", "capacity-estimation"} <= set(named)
    # Slow only at hard problems: the path's hard coding problems, not a routine of any level.
    assert named["pace:code:hard"] == (
        "Practise it with: Trapping Rain Water, Merge k Sorted Lists, Median of Two Sorted Arrays"
    )
    for tag, practise_with in named.items():
        window.show_page("trends")
        row = next(row for row in trends.weak_spot_rows if row.spot.tag == tag)
        row.plan_button.click()
        plan = window.current_page()
        assert isinstance(plan, PlanPage)
        chosen = plan.suggestions.selected()
        assert chosen is not None and chosen.weak_spot == tag
        # What the row names first is what gets planned.
        first = practise_with.removeprefix("Practise it with: ").split(", ")[0]
        assert first.removesuffix(" (it went wrong there last)") == chosen.target.title


def test_a_weak_spot_on_no_item_names_the_routine_plan_practice_plans(
    qtbot, context: AppContext, open_window
) -> None:
    """Edge cases missed in free sessions: no item to point at, so the row names the routine
    that drills it (it once named nothing, while Plan practice planned that routine)."""
    for day in range(20):
        attempt = Attempt(
            subject=AttemptSubject("Free practice", kind="code", target_minutes=25),
            started_at=NOW - timedelta(days=day + 0.3),
            active_seconds=25 * 60,
            outcome=Outcome.SOLVED,
            confidence=3,
            patterns=("hash-map",),
            struggles=("edge-cases",) if day % 2 else (),
        )
        with session_scope(context.profile.engine) as session:
            practice_store.log_attempt(session=session, attempt=attempt, now=NOW)
    window = open_window()
    window.show_page("trends")
    trends = window.current_page()
    assert isinstance(trends, TrendsPage)
    row = next(row for row in trends.weak_spot_rows if row.spot.tag == "edge-cases")
    assert row.items.text() == "Practise it with: Coding with a backend context (a routine)"
    row.plan_button.click()
    plan = window.current_page()
    assert isinstance(plan, PlanPage)
    chosen = plan.suggestions.selected()
    assert chosen is not None and chosen.weak_spot == "edge-cases"
    assert chosen.target.title == "Coding with a backend context"
