"""Trends and Plan agree on the weak spots: mock interviews feed both, and "Plan practice" on
the Trends page ends up in the week's plan."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.dates import MONDAY, local_day, week_of
from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.planner import PlanSource
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.weak_spots import WEAK_SPOT_DAYS
from desktop.store import mocks as mocks_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.plan.data import load_week
from desktop.ui.plan.page import PlanPage
from desktop.ui.trends.page import DEFAULT_RANGE, RANGES, TrendsPage
from desktop.weak_spots_command import DEFAULT_PERIOD
from tests.clocks import ManualClock, clock_start

pytestmark = pytest.mark.any_date

NOW = clock_start()  # the context's clock starts here


def _log(
    context: AppContext,
    days_ago: float,
    patterns: tuple[str, ...],
    struggles: tuple[str, ...] = (),
    outcome: Outcome = Outcome.SOLVED,
    *,
    kind: str = "code",
    covered: tuple[str, ...] = (),
) -> None:
    attempt = Attempt(
        subject=AttemptSubject("Practice", "backend-senior", None, kind=kind, target_minutes=25),
        started_at=NOW - timedelta(days=days_ago),
        active_seconds=20 * 60,
        outcome=outcome,
        confidence=3,
        patterns=patterns,
        struggles=struggles,
        steps_covered=covered,
    )
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=NOW)


STEPS = ("requirements", "capacity-estimation", "api", "data-model", "high-level-architecture",
         "deep-dive", "scaling-and-bottlenecks", "trade-offs")  # fmt: skip


def _a_fortnight_of_practice(context: AppContext) -> None:
    """Dynamic programming keeps going wrong, two pointers four times in five; hash maps go fine;
    three design sessions cover every step, but capacity estimation only once."""
    for day in range(5):
        _log(context, day + 0.5, ("dynamic-programming",), ("dynamic-programming",), Outcome.STUCK)
    for day in (1.3, 3.3, 5.3, 8.3):
        _log(context, day, ("two-pointers",), ("two-pointers",), Outcome.PARTIAL)
    _log(context, 7.3, ("two-pointers",))
    for day in range(12):
        _log(context, day + 0.2, ("hash-map",))
    for day, covered in ((2.6, STEPS), (6.6, STEPS[:1] + STEPS[2:]), (9.6, STEPS[:1] + STEPS[2:])):
        _log(context, day, (), kind="design", covered=covered)


def _log_mock(context: AppContext, exposed: tuple[str, ...]) -> int:
    mock = MockInterview(
        held_at=NOW - timedelta(days=1),
        kind=MockKind.SYSTEM_DESIGN,
        scores={"requirements": 3, "high-level-design": 3, "trade-offs": 3},  # at the bar
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
    # Missed twice and exposed once: a design step needs a third slip to be listed.
    assert {"dynamic-programming", "two-pointers", "capacity-estimation"} <= set(ranked)
    assert "edge-cases" not in ranked  # one remark in one mock, after 25 clean sessions
    week = load_week(context, week_of(local_day(context.now()), first=MONDAY))
    assert [spot.tag for spot in week.weak_spots] == ranked
    assert [spot.explanation for spot in week.weak_spots] == [
        spot.explanation for spot in trends.report.weak_spots
    ]


def test_a_mock_interview_puts_what_it_exposed_into_next_weeks_suggestions(
    context: AppContext,
) -> None:
    _a_fortnight_of_practice(context)
    next_week = week_of(local_day(context.now()), first=MONDAY) + timedelta(days=7)
    answered = {s.weak_spot for s in load_week(context, next_week).suggestions}
    assert "dynamic-programming" in answered and "capacity-estimation" not in answered
    _log_mock(context, ("capacity-estimation",))
    suggestions = load_week(context, next_week).suggestions
    found = next(s for s in suggestions if s.weak_spot == "capacity-estimation")
    assert found.reason.endswith(
        "Missed in 2 of the last 3 design sessions; exposed in 1 mock interview."
    )


def test_plan_practice_on_trends_lands_in_the_plan(qtbot, context: AppContext, open_window) -> None:
    _a_fortnight_of_practice(context)
    window = open_window()
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
    assert chosen.reason.endswith(
        ". Went wrong in 4 of the last 5 attempts; ticked as a struggle 4 times."
    )
    plan.suggestions.add_button.click()
    if context.today().weekday() == 6:  # on a Sunday what is accepted goes into next week
        plan.show_week(plan.week + timedelta(days=7))

    assert plan.snapshot is not None
    (planned,) = [item for item in plan.snapshot.items if item.target == chosen.target]
    assert planned.reason == chosen.reason
    assert plan.grid.shown_titles(planned.day)[0].startswith(chosen.target.title)
    assert chosen.target.key not in {s.target.key for s in plan.suggestions.suggestions()}


def test_trends_and_plan_read_the_same_period(qtbot, context: AppContext) -> None:
    """Practice of over three months ago is outside Trends' default period, so the Plan does
    not count it either (it once read four months, and quoted other counts)."""
    _a_fortnight_of_practice(context)
    for day in range(3):
        _log(context, 95 + day, ("two-pointers",))
    assert RANGES[DEFAULT_RANGE][1] == WEAK_SPOT_DAYS == int(DEFAULT_PERIOD.rstrip("d"))
    assert "4 of the last 5 attempts" in _two_pointers_on_both_pages(qtbot, context)


def _two_pointers_on_both_pages(qtbot, context: AppContext) -> str:  # type: ignore[no-untyped-def]
    """What Trends says of two pointers, once the Plan is seen to say the same of every spot."""
    trends = _trends(qtbot, context)
    assert trends.report is not None
    spots = trends.report.weak_spots
    week = load_week(context, week_of(local_day(context.now()), first=MONDAY))
    assert [spot.explanation for spot in week.weak_spots] == [spot.explanation for spot in spots]
    return next(spot.explanation for spot in spots if spot.tag == "two-pointers")


def test_trends_and_plan_count_to_the_same_moment(qtbot, context: AppContext) -> None:
    """A session just inside Trends' 90 days counts on the Plan too: the Plan once counted
    from tomorrow's midnight, and quoted one session fewer than Trends."""
    _a_fortnight_of_practice(context)
    context.set_clock(ManualClock(NOW))  # both read at NOW, to the second
    _log(context, WEAK_SPOT_DAYS - 1 / 86400, ("two-pointers",))  # 90 days ago less a second
    assert "4 of the last 6 attempts" in _two_pointers_on_both_pages(qtbot, context)
