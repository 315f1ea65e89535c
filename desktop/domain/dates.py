"""Days and weeks as the user lives them: local time, weeks from Monday to Sunday."""

from __future__ import annotations

from datetime import date, datetime, timedelta


def week_of(day: date) -> date:
    """The Monday that starts the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def week_days(week: date) -> list[date]:
    """The seven days of the week that starts on `week`, Monday first."""
    return [week + timedelta(days=offset) for offset in range(7)]


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
