"""Days and weeks as the user lives them: local time, weeks from the day the user chose
(Monday unless they chose Sunday or Saturday in Preferences)."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Literal

# The days a week can start on, by their names in settings.toml, as Python numbers them
# (Monday 0 ... Sunday 6).
WeekStart = Literal["monday", "sunday", "saturday"]
WEEK_STARTS: dict[WeekStart, int] = {
    "monday": calendar.MONDAY,
    "sunday": calendar.SUNDAY,
    "saturday": calendar.SATURDAY,
}
MONDAY = calendar.MONDAY  # for callers with no user behind them (exports, tests)


def week_of(day: date, *, first: int) -> date:
    """The first day of the week `day` falls in, for weeks starting on weekday `first`
    (0 Monday ... 6 Sunday)."""
    return day - timedelta(days=(day.weekday() - first) % 7)


def reviewed_week(day: date, *, first: int) -> date:
    """The week a weekly review written on `day` looks back on: the week `day` falls in, or
    on the week's first day the week just ended (a review is usually written as a new week
    starts, and the new week has nothing in it yet)."""
    week = week_of(day, first=first)
    return week - timedelta(days=7) if day == week else week


def week_days(week: date) -> list[date]:
    """The seven days of the week that starts on `week`, in order (whatever day it starts)."""
    return [week + timedelta(days=offset) for offset in range(7)]


def in_week(day: date, week: date) -> bool:
    """Whether `day` falls in the week that starts on `week`."""
    return week <= day < week + timedelta(days=7)


def local_day(moment: datetime) -> date:
    """The local calendar day an aware moment falls on."""
    return moment.astimezone().date()


def local_midnight(day: date) -> datetime:
    """Local midnight at the start of `day`, as an aware datetime."""
    return datetime(day.year, day.month, day.day).astimezone()


def day_text(day: date, today: date) -> str:
    """ "3 Dec", with the year only when it is not this year's ("3 Dec 2025")."""
    return f"{day.day} {day:%b}" if day.year == today.year else f"{day.day} {day:%b %Y}"


def week_label(week: date, *, short: bool = False) -> str:
    """The week as "2-8 November 2026", or "30 Nov - 6 Dec 2026" across two months
    (with en dashes)."""
    last = week + timedelta(days=6)
    if week.month == last.month:
        return f"{week.day}\u2013{last.day} {last:{'%b' if short else '%B'} %Y}"
    return f"{week.day} {week:%b} \u2013 {last.day} {last:%b %Y}"
