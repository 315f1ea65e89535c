"""How dates and numbers are shown to people."""

from __future__ import annotations

from datetime import UTC, datetime


def local_time(stored: datetime) -> datetime:
    aware = stored if stored.tzinfo else stored.replace(tzinfo=UTC)
    return aware.astimezone()


def short_date(stored: datetime | None) -> str:
    if stored is None:
        return ""
    moment = local_time(stored)
    return f"{moment.day} {moment:%b %Y}"


def date_and_time(stored: datetime) -> str:
    moment = local_time(stored)
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def minutes(value: int) -> str:
    return f"{value} min"


def setting_int(value: object, default: int) -> int:
    """A whole number read back from ui-state.ini, or `default` if it is missing or garbled."""
    try:
        return int(str(value))
    except ValueError:
        return default
