"""The one place Loopwise reads the time of day; everything else is handed a Clock.

The app's clock can be started at another moment (LOOPWISE_CLOCK_START, an ISO date and
time; without an offset it is local time). It then runs on from there at the normal pace, so
the whole app, and its tests, can be tried on a month end, a year end or late at night in
any time zone without touching the machine's clock.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

CLOCK_START_ENV = "LOOPWISE_CLOCK_START"

Clock = Callable[[], datetime]
"""Returns the current moment, aware, in UTC."""


def wall_clock() -> datetime:
    return datetime.now(UTC)


def parse_moment(text: str) -> datetime:
    """An ISO date and time as an aware moment; without an offset it is taken as local time."""
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.astimezone()  # local time, as the user would read it on a wall clock
    return moment.astimezone(UTC)


def shifted_clock(start: datetime, *, source: Clock = wall_clock) -> Clock:
    """A clock that reads `start` now and then runs on at the normal pace."""
    offset = start - source()

    def now() -> datetime:
        return source() + offset

    return now


def app_clock(environ: Mapping[str, str] | None = None) -> Clock:
    """The clock the composition root hands to everything: the wall clock, or a shifted one."""
    env = os.environ if environ is None else environ
    start = env.get(CLOCK_START_ENV, "").strip()
    if not start:
        return wall_clock
    try:
        return shifted_clock(parse_moment(start))
    except ValueError as error:
        raise SystemExit(
            f"{CLOCK_START_ENV}={start!r} is not an ISO date and time "
            f"(for example 2026-12-31T23:30): {error}"
        ) from None


def seconds_since_modified(mtime: float) -> float:
    """How old a file is. File times come from the operating system, so this compares them
    with the operating system's clock, not the app's (which may be shifted)."""
    return time.time() - mtime
