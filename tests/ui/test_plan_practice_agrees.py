""" "Plan practice" and the Plan's weekly suggestions practise a weak spot with what its Trends
row names first, in the cases where they once disagreed: every path item on the weak spot
done, and a weak spot only a path the user does not follow works on."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.domain.planner import PlanSource
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.progress import ItemStatus
from desktop.domain.suggestions import routine_target
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.plan.page import PlanPage
from desktop.ui.trends.page import TrendsPage
from tests.clocks import clock_start

pytestmark = pytest.mark.any_date

NOW = clock_start()
PATH = "backend-senior"


def _mark_done(context: AppContext, *item_ids: str) -> None:
    path = next(p for p in context.profile.library.paths if p.id == PATH)
    with session_scope(context.profile.engine) as session:
        for stage in path.stages:
            for item in stage.items:
                if item.id in item_ids:
                    progress_store.set_status(
                        session=session, path_id=PATH, stage_id=stage.id, item=item,
                        status=ItemStatus.DONE, now=NOW - timedelta(days=40),
                    )  # fmt: skip


def _log(context: AppContext, days_ago: float, subject: AttemptSubject, **ticked: object) -> None:
    attempt = Attempt(
        subject=subject,
        started_at=NOW - timedelta(days=days_ago),
        active_seconds=25 * 60,
        outcome=Outcome.SOLVED,
        confidence=3,
        **ticked,  # type: ignore[arg-type]
    )
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=NOW)


def _on(context: AppContext, item_id: str) -> AttemptSubject:
    path = next(p for p in context.profile.library.paths if p.id == PATH)
    item = next(item for stage in path.stages for item in stage.items if item.id == item_id)
    return AttemptSubject.of_path_item(PATH, item)


def _row_names(window: MainWindow, tag: str) -> str:
    window.show_page("trends")
    trends = window.current_page()
    assert isinstance(trends, TrendsPage)
    row = next(row for row in trends.weak_spot_rows if row.spot.tag == tag)
    return row.items.text().removeprefix("Practise it with: ")


def plan_practice(window: MainWindow, tag: str) -> PlanPage:
    """Plan practice on the Trends row of `tag`: the Plan page it brings forward."""
    window.show_page("trends")
    trends = window.current_page()
    assert isinstance(trends, TrendsPage)
    next(row for row in trends.weak_spot_rows if row.spot.tag == tag).plan_button.click()
    plan = window.current_page()
    assert isinstance(plan, PlanPage)
    return plan


def _planned_by_plan_practice(window: MainWindow, tag: str) -> str:
    chosen = plan_practice(window, tag).suggestions.selected()
    assert chosen is not None and chosen.weak_spot == tag
    return chosen.target.title


def _weekly_suggestion(qtbot, window: MainWindow, tag: str) -> str:  # type: ignore[no-untyped-def]
    window.show_page("plan")
    plan = window.current_page()
    assert isinstance(plan, PlanPage)
    qtbot.waitUntil(lambda: plan.advice_shown > 0)
    return next(s for s in plan.suggestions.suggestions() if s.weak_spot == tag).target.title


def _first(named: str) -> str:
    return named.split(", ")[0].removesuffix(" (it went wrong there last)")


def test_with_every_item_on_it_done_both_go_to_where_it_went_wrong_last(
    qtbot, context: AppContext, open_window
) -> None:
    """Every dynamic-programming item is done; it kept going wrong, last on Regular
    Expression Matching. The row once named Climbing Stairs (the first done item) while Plan
    practice planned Regular Expression Matching."""
    _mark_done(
        context, "house-robber", "coin-change", "climbing-stairs", "regular-expression-matching"
    )
    for day in range(12):
        _log(context, day + 2.5, _on(context, "two-sum"), patterns=("hash-map",))
    for day, item_id in enumerate(("climbing-stairs",) * 4 + ("regular-expression-matching",)):
        _log(context, 10 - 2 * day + 0.4, _on(context, item_id),
             struggles=("dynamic-programming",))  # fmt: skip
    window = open_window()
    named = _row_names(window, "dynamic-programming")
    assert (
        named == "Regular Expression Matching (it went wrong there last), House Robber, Coin Change"
    )
    assert _planned_by_plan_practice(window, "dynamic-programming") == _first(named)
    window.show_page("trends")
    assert _weekly_suggestion(qtbot, window, "dynamic-programming") == _first(named)


def _observability_goes_wrong_in_free_design(context: AppContext) -> None:
    free = AttemptSubject("Free design practice", kind="design", target_minutes=45)
    for day in range(14):
        _log(context, day + 0.3, free, patterns=("caching",),
             struggles=("observability",) if day % 2 else ())  # fmt: skip


def test_with_all_paths_chosen_an_item_only_another_path_covers_is_not_named(
    qtbot, context: AppContext, open_window
) -> None:
    """The user follows the backend path; observability goes wrong in free design sessions.
    Only the SRE path has items on it: the row once named one while Plan planned a routine."""
    _mark_done(context, "two-sum")
    _observability_goes_wrong_in_free_design(context)
    window = open_window()
    named = _row_names(window, "observability")
    assert "Design a monitoring and alerting system" not in named
    assert named == "System-design scenario (a routine)"
    assert _planned_by_plan_practice(window, "observability") == "System-design scenario"
    assert _weekly_suggestion(qtbot, window, "observability") == "System-design scenario"


def test_before_any_path_is_followed_every_path_counts(
    qtbot, context: AppContext, open_window
) -> None:
    """No progress on any path yet: the SRE item on observability beats a routine, and the
    plan offers it too (it once only looked at the first path)."""
    _observability_goes_wrong_in_free_design(context)
    window = open_window()
    named = _row_names(window, "observability")
    assert _first(named) == "Design a monitoring and alerting system"
    assert _planned_by_plan_practice(window, "observability") == _first(named)
    assert _weekly_suggestion(qtbot, window, "observability") == _first(named)


def test_with_one_path_chosen_on_trends_plan_practice_plans_that_paths_item(
    qtbot, context: AppContext, open_window
) -> None:
    """The user follows the backend path and goes wrong on observability in SRE designs.
    With the SRE path chosen, its row names the SRE item still to do; the plan, which knows
    nothing of that choice, plans it all the same."""
    _mark_done(context, "two-sum")
    sre = next(p for p in context.profile.library.paths if p.id == "sre-devops")
    item = next(i for s in sre.stages for i in s.items if i.id == "design-deployment-pipeline")
    for day in range(14):
        _log(context, day + 0.3, AttemptSubject.of_path_item(sre.id, item), patterns=("caching",),
             struggles=("observability",) if day % 2 else ())  # fmt: skip
    window = open_window()
    everywhere = _row_names(window, "observability")  # followed paths: none works on it
    assert _first(everywhere) == "Design a CI/CD pipeline with safe rollouts"
    trends = window.current_page()
    assert isinstance(trends, TrendsPage)
    trends.path_filter.setCurrentIndex(trends.path_filter.findData("sre-devops"))
    qtbot.waitUntil(lambda: not _row_names(window, "observability").startswith("Design a CI"))
    named = _row_names(window, "observability")
    assert _first(named) == "Design a monitoring and alerting system"
    assert _planned_by_plan_practice(window, "observability") == _first(named)


def test_an_item_the_user_added_to_their_path_is_named_and_planned(
    qtbot, context: AppContext, open_window
) -> None:
    """Both read the path as its checklist has it: an item the user added on observability
    to the backend path is what the row names and the plan plans."""
    _mark_done(context, "two-sum")
    path = next(p for p in context.profile.library.paths if p.id == PATH)
    drill = PathItem(id=progress_store.new_custom_item_id(), title="Trace a slow request",
                     kind=ItemKind.DESIGN, difficulty=Difficulty.MEDIUM, target_minutes=30,
                     topics=("observability",))  # fmt: skip
    with session_scope(context.profile.engine) as session:
        last_stage = path.stages[-1].id
        progress_store.add_custom_item(
            session=session, path_id=PATH, stage_id=last_stage, item=drill, now=NOW
        )
    _observability_goes_wrong_in_free_design(context)
    window = open_window()
    assert _row_names(window, "observability") == "Trace a slow request"
    assert _planned_by_plan_practice(window, "observability") == "Trace a slow request"
    assert _weekly_suggestion(qtbot, window, "observability") == "Trace a slow request"


def test_what_the_row_names_already_planned_is_pointed_at_not_replaced(
    qtbot, context: AppContext, open_window
) -> None:
    """The routine the row names is already in this week's plan, so suggestions leave it out:
    Plan practice once left the list's first suggestion selected, and "Add to plan" would
    have planned that instead. Now the planned card is selected and the status bar says so."""
    _mark_done(context, "two-sum")
    _observability_goes_wrong_in_free_design(context)
    routine = next(r for r in context.profile.routines.routines if r.id == "weekly-system-design")
    week_start = context.today() - timedelta(days=context.today().weekday())
    with session_scope(context.profile.engine) as session:
        planned_id = plan_store.add_plan_item(
            session=session, day=week_start, target=routine_target(routine),
            minutes=routine.target_minutes, source=PlanSource.ROUTINE, reason="", now=NOW,
        )  # fmt: skip
    window = open_window()
    assert _row_names(window, "observability") == "System-design scenario (a routine)"
    window.show_page("trends")
    trends = window.current_page()
    assert isinstance(trends, TrendsPage)
    next(r for r in trends.weak_spot_rows if r.spot.tag == "observability").plan_button.click()
    plan = window.current_page()
    assert isinstance(plan, PlanPage)
    qtbot.waitUntil(lambda: plan.advice_shown > 0)
    assert plan.suggestions.selected() is None
    assert plan.grid.selected_id() == planned_id
    said = window.statusBar().currentMessage()
    assert said.startswith("System-design scenario is already in this week's plan, on ")
