"""The app's one clock: the wall clock, or one started elsewhere that runs on from there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.clock import CLOCK_START_ENV, app_clock, parse_moment, shifted_clock, wall_clock


def test_without_a_start_the_app_runs_on_the_wall_clock() -> None:
    assert app_clock({}) is wall_clock


def test_a_started_clock_reads_the_start_and_runs_on_at_the_normal_pace() -> None:
    source_now = [datetime(2020, 1, 1, tzinfo=UTC)]

    def source() -> datetime:
        return source_now[0]

    clock = shifted_clock(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), source=source)
    assert clock() == datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    source_now[0] += timedelta(minutes=5)
    assert clock() == datetime(2026, 12, 31, 23, 35, tzinfo=UTC)


def test_a_start_without_an_offset_is_local_time() -> None:
    local = datetime(2027, 2, 28, 23, 30).astimezone()
    assert parse_moment("2027-02-28T23:30") == local.astimezone(UTC)
    assert parse_moment("2027-02-28T23:30+14:00").utcoffset() == timedelta(0)
    assert parse_moment("2027-02-28T23:30+14:00").hour == 9


def test_a_garbled_start_names_the_setting_and_an_example() -> None:
    with pytest.raises(SystemExit) as stopped:
        app_clock({CLOCK_START_ENV: "next tuesday"})
    assert CLOCK_START_ENV in str(stopped.value) and "2026-12-31T23:30" in str(stopped.value)


def test_the_app_started_elsewhere_lives_on_that_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CLOCK_START_ENV, "2031-07-04T12:00")
    assert app_clock()().astimezone().date().isoformat() == "2031-07-04"
