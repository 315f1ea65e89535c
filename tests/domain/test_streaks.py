import calendar
from datetime import date, timedelta

import pytest

from desktop.domain.streaks import Streaks, practice_streaks

MONDAY = date(2026, 11, 2)


def _days(*offsets: int) -> set[date]:
    return {MONDAY + timedelta(days=n) for n in offsets}


def test_no_practice_has_no_streak() -> None:
    assert practice_streaks(
        set(), today=MONDAY, rest_days_per_week=1, first_weekday=calendar.MONDAY
    ) == Streaks(0, 0)


def test_consecutive_days_make_a_streak_that_today_does_not_break() -> None:
    days = _days(0, 1, 2, 3)
    assert practice_streaks(
        days, today=MONDAY + timedelta(days=4), rest_days_per_week=0, first_weekday=calendar.MONDAY
    ) == (Streaks(current=4, longest=4))


def test_a_missed_day_breaks_the_streak_without_rest_days() -> None:
    days = _days(0, 1, 2, 4, 5)
    streaks = practice_streaks(
        days, today=MONDAY + timedelta(days=5), rest_days_per_week=0, first_weekday=calendar.MONDAY
    )
    assert streaks == Streaks(current=2, longest=3)


def test_rest_days_up_to_the_weekly_allowance_keep_the_streak() -> None:
    # One rest day in the first week and one in the second: both allowed.
    days = _days(0, 1, 2, 4, 5, 6, 7, 8, 10, 11)
    streaks = practice_streaks(
        days, today=MONDAY + timedelta(days=11), rest_days_per_week=1, first_weekday=calendar.MONDAY
    )
    assert streaks == Streaks(current=10, longest=10)


def test_one_rest_day_more_than_allowed_in_a_week_breaks_it() -> None:
    days = _days(0, 2, 4, 5)  # rests on Tuesday and Thursday
    streaks = practice_streaks(
        days, today=MONDAY + timedelta(days=5), rest_days_per_week=1, first_weekday=calendar.MONDAY
    )
    assert streaks == Streaks(current=2, longest=2)
    allowed = practice_streaks(
        days, today=MONDAY + timedelta(days=5), rest_days_per_week=2, first_weekday=calendar.MONDAY
    )
    assert allowed == Streaks(current=4, longest=4)


def test_a_long_break_ends_the_current_streak_but_not_the_longest() -> None:
    days = _days(*range(10))
    streaks = practice_streaks(
        days, today=MONDAY + timedelta(days=30), rest_days_per_week=2, first_weekday=calendar.MONDAY
    )
    assert streaks == Streaks(current=0, longest=10)


def test_rest_days_a_week_must_be_sensible() -> None:
    with pytest.raises(ValueError, match="from 0 to 6"):
        practice_streaks(
            _days(0), today=MONDAY, rest_days_per_week=7, first_weekday=calendar.MONDAY
        )


def test_rest_days_are_counted_in_the_weeks_the_user_chose() -> None:
    days = _days(0, 1, 2, 3, 4, 7)  # Monday to Friday, then rest on Saturday and Sunday
    today = MONDAY + timedelta(days=8)

    def streak(first: int) -> int:
        return practice_streaks(
            days, today=today, rest_days_per_week=1, first_weekday=first
        ).current

    assert streak(calendar.MONDAY) == 1  # two rest days in one Monday-to-Sunday week
    assert streak(calendar.SUNDAY) == 6  # Saturday ends one week, Sunday starts the next
