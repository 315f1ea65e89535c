"""What the status bar says after "Plan practice" on a Trends row: nothing before the week's
suggestions are worked out, and where what the row names already is when it is planned."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.dates import day_text
from desktop.domain.planner import PlanSource
from desktop.domain.suggestions import routine_target
from desktop.store import plan as plan_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from tests.ui.test_plan_practice_agrees import (
    NOW,
    _mark_done,
    _observability_goes_wrong_in_free_design,
    plan_practice,
)

pytestmark = pytest.mark.any_date

TAG = "observability"


def test_suggestions_still_being_worked_out_are_not_called_empty(
    qtbot, context: AppContext, open_window, monkeypatch
) -> None:
    """On a long history the suggestions come from a worker: "Nothing new to plan" was said
    before they came, and then the weak spot's suggestion was selected under it."""
    from desktop.ui.plan import page as plan_page

    monkeypatch.setattr(plan_page, "ADVISE_AT_ONCE_ATTEMPTS", -1)  # any history is long
    _mark_done(context, "two-sum")
    _observability_goes_wrong_in_free_design(context)
    window = open_window()
    plan = plan_practice(window, TAG)
    assert plan.suggestions.busy
    assert window.statusBar().currentMessage() == ""
    qtbot.waitUntil(lambda: plan.advice_shown > 0)
    chosen = plan.suggestions.selected()
    assert chosen is not None and chosen.weak_spot == TAG
    assert window.statusBar().currentMessage() == ""


def test_what_the_row_names_planned_next_week_is_said_to_be_there(
    qtbot, context: AppContext, open_window
) -> None:
    """ "Add to plan" puts what this week has no room for into next week, and next week's
    plan is left out of this week's suggestions: a second "Plan practice" said "Nothing new
    to plan" as if nothing had been planned."""
    _mark_done(context, "two-sum")
    _observability_goes_wrong_in_free_design(context)
    routine = next(r for r in context.profile.routines.routines if r.id == "weekly-system-design")
    next_week = context.today() - timedelta(days=context.today().weekday() - 7)
    with session_scope(context.profile.engine) as session:
        plan_store.add_plan_item(
            session=session, day=next_week, target=routine_target(routine),
            minutes=routine.target_minutes, source=PlanSource.ROUTINE, reason="", now=NOW,
        )  # fmt: skip
    window = open_window()
    plan = plan_practice(window, TAG)
    qtbot.waitUntil(lambda: plan.advice_shown > 0)
    assert plan.suggestions.selected() is None
    said = window.statusBar().currentMessage()
    assert said.startswith("System-design scenario is already in next week's plan, on Mon ")


def test_what_the_row_names_is_said_to_be_in_the_week_it_is_planned_in(
    qtbot, context: AppContext, open_window
) -> None:
    """After Plan practice, paging the Plan to a later week that holds the item said it was
    "already in this week's plan": it names that week now."""
    _mark_done(context, "two-sum")
    _observability_goes_wrong_in_free_design(context)
    routine = next(r for r in context.profile.routines.routines if r.id == "weekly-system-design")
    window = open_window()
    plan = plan_practice(window, TAG)
    qtbot.waitUntil(lambda: plan.advice_shown > 0)
    this_week = plan.week
    later = this_week + timedelta(days=21)
    with context.writing() as session:
        plan_store.add_plan_item(
            session=session, day=later + timedelta(days=2), target=routine_target(routine),
            minutes=routine.target_minutes, source=PlanSource.ROUTINE, reason="", now=NOW,
        )  # fmt: skip
    shown = plan.advice_shown
    plan.show_week(later)
    qtbot.waitUntil(lambda: plan.advice_shown > shown)
    on_day = later + timedelta(days=2)
    assert window.statusBar().currentMessage() == (
        f"System-design scenario is already planned for the week of "
        f"{day_text(later, context.today())}, on {on_day:%a} {day_text(on_day, context.today())}."
    )
    assert plan.grid.selected() is not None  # and chosen in the week shown
