"""The status bar names the week an item is planned in as the user knows it."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.ui.plan.planned_words import already_planned, nothing_new, week_words

TODAY = date(2026, 12, 2)  # a Wednesday
THIS_WEEK = date(2026, 11, 30)  # weeks from Monday
TITLE = "System-design scenario"


def _week(weeks_on: int) -> date:
    return THIS_WEEK + timedelta(days=7 * weeks_on)


def test_weeks_are_named_from_this_week() -> None:
    assert week_words(_week(0), THIS_WEEK, TODAY) == "this week"
    assert week_words(_week(1), THIS_WEEK, TODAY) == "next week"
    assert week_words(_week(-1), THIS_WEEK, TODAY) == "last week"
    assert week_words(_week(2), THIS_WEEK, TODAY) == "the week of 14 Dec"
    assert week_words(_week(5), THIS_WEEK, TODAY) == "the week of 4 Jan 2027"


def test_an_item_already_planned_is_said_to_be_in_its_own_week() -> None:
    def said(weeks_on: int, day: int) -> str:
        week = _week(weeks_on)
        return already_planned(TITLE, week + timedelta(days=day), week, THIS_WEEK, TODAY)

    assert said(0, 3) == f"{TITLE} is already in this week's plan, on Thu 3 Dec."
    assert said(1, 0) == f"{TITLE} is already in next week's plan, on Mon 7 Dec."
    assert said(2, 2) == f"{TITLE} is already planned for the week of 14 Dec, on Wed 16 Dec."
    assert said(-1, 1) == f"{TITLE} was planned for last week, on Tue 24 Nov."


def test_nothing_new_names_the_week_and_is_not_said_of_a_week_that_is_over() -> None:
    assert nothing_new("Caching", _week(0), THIS_WEEK, TODAY) == (
        "Nothing new to plan for Caching this week."
    )
    assert nothing_new("Caching", _week(1), THIS_WEEK, TODAY) == (
        "Nothing new to plan for Caching next week."
    )
    assert nothing_new("Caching", _week(3), THIS_WEEK, TODAY) == (
        "Nothing new to plan for Caching in the week of 21 Dec."
    )
    assert nothing_new("Caching", _week(-1), THIS_WEEK, TODAY) is None
