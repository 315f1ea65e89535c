"""How dates and numbers are shown to people: the one place that writes a date, so a day
reads "3 Dec" everywhere (strftime's %d would give "03 Dec")."""

from __future__ import annotations

from datetime import UTC, date, datetime


def local_time(stored: datetime) -> datetime:
    aware = stored if stored.tzinfo else stored.replace(tzinfo=UTC)
    return aware.astimezone()


def short_date(stored: datetime | None) -> str:
    if stored is None:
        return ""
    return day_with_year(local_time(stored).date())


def day_with_year(day: date) -> str:
    """ "3 Nov 2026": always with the year (desktop.domain.dates.day_text drops this year's)."""
    return f"{day.day} {day:%b %Y}"


def long_date(day: date) -> str:
    """ "3 November 2026": in running text, such as a template's date."""
    return f"{day.day} {day:%B %Y}"


def journal_link_text(day: date, title: str) -> str:
    """A linked journal entry, as a story shows it: its title, then its date."""
    return f"{title or 'Untitled entry'} ({day_with_year(day)})"


def journal_choice_text(day: date, title: str) -> str:
    """A journal entry in a list to choose from, newest first: its date, then its title."""
    return f"{day_with_year(day)} · {title or 'Untitled entry'}"


def date_and_time(stored: datetime, *, seconds: bool = False) -> str:
    """ "3 Dec 2026, 14:05", or "3 Dec 2026, 14:05:09" where the minute alone would leave two
    moments looking alike."""
    moment = local_time(stored)
    clock = f"{moment:%H:%M:%S}" if seconds else f"{moment:%H:%M}"
    return f"{moment.day} {moment:%b %Y}, {clock}"


def minutes(value: int) -> str:
    return f"{value} min"


def setting_int(value: object, default: int) -> int:
    """A whole number read back from ui-state.ini, or `default` if it is missing or garbled."""
    try:
        return int(str(value))
    except ValueError:
        return default
