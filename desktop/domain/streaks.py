"""Practice streaks, where a set number of rest days a week does not break a streak."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

MAX_REST_DAYS = 6


@dataclass(frozen=True)
class Streaks:
    current: int  # days practised in the streak that is still going (0 if none)
    longest: int  # days practised in the longest streak ever


def practice_streaks(
    days: Collection[date], *, today: date, rest_days_per_week: int, first_weekday: int
) -> Streaks:
    """Streaks counted in days practised.

    A day without practice is a rest day; up to `rest_days_per_week` of them in a calendar week
    (starting on weekday `first_weekday`, 0 Monday ... 6 Sunday) keep the streak going, one
    more breaks it. Today does not break a streak before it is over.
    """
    if not 0 <= rest_days_per_week <= MAX_REST_DAYS:
        raise ValueError(f"rest days a week must be from 0 to {MAX_REST_DAYS}")
    last = today.toordinal()
    practised = {day.toordinal() for day in days if day <= today}
    if not practised:
        return Streaks(0, 0)
    longest = run = rest_used = 0
    # Days as ordinals: day 1 (1 January of year 1) was a Monday, so (n - 1) % 7 is the weekday.
    for day in range(min(practised), last + 1):
        if (day - 1) % 7 == first_weekday:
            rest_used = 0
        if day in practised:
            run += 1
            longest = max(longest, run)
        elif day != last:
            rest_used += 1
            if rest_used > rest_days_per_week:
                run = 0
    return Streaks(current=run, longest=longest)
