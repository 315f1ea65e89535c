"""The tests' clocks: the app's one clock, started where a test run asks.

By default a test's app starts at DEFAULT_START. `pytest --clock-start=2026-12-31T23:30`
(local time unless an offset is given) starts it elsewhere; tests marked `any_date` are
written relative to that start and must pass from any moment, in any time zone.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

from desktop.clock import CLOCK_START_ENV, app_clock, parse_moment
from desktop.domain.dates import local_day

# Monday morning, 9:00 on the machine's clock, in whatever zone the tests run: the local
# day is then the same everywhere, so fixed test data means the same week in every zone.
DEFAULT_START = datetime(2026, 11, 2, 9, 0).astimezone().astimezone(UTC)


def clock_start() -> datetime:
    """Where this test run starts the app's clock (set by --clock-start)."""
    text = os.environ.get(CLOCK_START_ENV, "").strip()
    return parse_moment(text) if text else DEFAULT_START


def start_day() -> date:
    """The user's local day at the start of the run."""
    return local_day(clock_start())


class StepClock:
    """A clock that moves one second per reading, so every change has its own time. (A
    minute a reading crossed midnight within one test when a run started at 23:50.)"""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start if start is not None else clock_start()

    def __call__(self) -> datetime:
        self.current += timedelta(seconds=1)
        return self.current

    def advance(self, by: timedelta) -> None:
        self.current += by


class ManualClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start if start is not None else clock_start()

    def __call__(self) -> datetime:
        return self.current

    def advance(self, by: timedelta) -> None:
        self.current += by


def app_now() -> datetime:
    """What the app's clock reads now in a `loopwise` command started by a test."""
    return app_clock()()
