"""What the status bar says after "Plan practice" when there is nothing to add: the week is
named as the user knows it (this week, next week, the week of 14 Dec), whichever week the
Plan shows, for the user may have paged to another since."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.domain.dates import day_text


def week_words(week: date, this_week: date, today: date) -> str:
    """ "this week", "next week", "last week" or "the week of 14 Dec" (weeks by their first
    day, as the user's weeks start)."""
    if week == this_week:
        return "this week"
    if week == this_week + timedelta(days=7):
        return "next week"
    if week == this_week - timedelta(days=7):
        return "last week"
    return f"the week of {day_text(week, today)}"


def already_planned(title: str, day: date, week: date, this_week: date, today: date) -> str:
    """`title` is planned on `day`, in the week starting `week`."""
    on_day = f"{day:%a} {day_text(day, today)}"
    words = week_words(week, this_week, today)
    if week < this_week:
        return f"{title} was planned for {words}, on {on_day}."
    if week <= this_week + timedelta(days=7):
        return f"{title} is already in {words}'s plan, on {on_day}."
    return f"{title} is already planned for {words}, on {on_day}."


def nothing_new(label: str, week: date, this_week: date, today: date) -> str | None:
    """Nothing to plan for the weak spot `label` in the week starting `week`; None for a week
    that is over (its suggestions already say nothing more can be planned in it)."""
    if week < this_week:
        return None
    words = week_words(week, this_week, today)
    when = words if week <= this_week + timedelta(days=7) else f"in {words}"
    return f"Nothing new to plan for {label} {when}."
