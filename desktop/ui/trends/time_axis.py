"""Where a chart's date axis starts and ends, and how many ticks it has, so that every tick
falls on a whole day and no two ticks name the same date (a single point used to get
"3 Dec, 3 Dec, 4 Dec, 4 Dec").

QtCharts spaces a date axis's ticks evenly between its ends, so whole-day ticks need ends a
whole number of steps apart, with a step of whole days."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

MOST_INTERVALS = 4  # five ticks: room for "26 Aug 2026" at the smallest window
WEEK = 7


@dataclass(frozen=True)
class DayTicks:
    first: date  # the axis's first tick
    step_days: int
    intervals: int

    @property
    def last(self) -> date:
        return self.first + timedelta(days=self.step_days * self.intervals)

    @property
    def tick_count(self) -> int:
        return self.intervals + 1

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=self.step_days * n) for n in range(self.tick_count)]


def day_ticks(first: date, last: date, *, weekly: bool = False) -> DayTicks:
    """Ticks a whole number of days apart, with a margin around the points from `first` to
    `last`. Weekly points (`weekly`, or a span of whole weeks) and spans over four weeks step
    in whole weeks from the first point's weekday, so weekly points sit on ticks: a lone
    week is a week between the weeks around it, not a day between two days."""
    span = (last - first).days
    weekly = weekly or span > 4 * WEEK or (span >= WEEK and span % WEEK == 0)
    margin = WEEK if weekly else 1
    needed = span + 2 * margin
    step = max(1, math.ceil(needed / MOST_INTERVALS))
    if margin == WEEK:
        step = WEEK * math.ceil(step / WEEK)
    intervals = max(1, math.ceil(needed / step))
    # Share what the whole steps add beyond the margins between both ends, keeping the
    # week's rhythm when stepping in weeks.
    spare = intervals * step - needed
    before = spare // 2 if margin == 1 else WEEK * round(spare / (2 * WEEK))
    return DayTicks(first - timedelta(days=margin + before), step, intervals)
