"""Date axes of the trends charts: every tick on a whole day, no date named twice, however
few points there are."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCharts import QDateTimeAxis
from PySide6.QtCore import QDateTime

from desktop.ui.trends.charts import ChartCard, Line, Point
from desktop.ui.trends.time_axis import day_ticks

START = date(2026, 12, 3)  # a Thursday

LAYOUTS = {
    "one point": [START],
    "two days in a row": [START, START + timedelta(days=1)],
    "three weeks": [START + timedelta(weeks=n) for n in range(3)],
    "twelve weeks": [START + timedelta(weeks=n) for n in range(12)],
    "across a new year": [date(2026, 12, 28), date(2027, 1, 4)],
    "three years": [START + timedelta(days=30 * n) for n in range(36)],
}


def _tick_labels(card: ChartCard) -> list[str]:
    """The labels QtCharts draws: ticks evenly spaced between the axis's ends."""
    (axis,) = [a for a in card.chart.axes() if isinstance(a, QDateTimeAxis)]
    low, high = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch()
    count = axis.tickCount()
    stamps = [low + (high - low) * n // (count - 1) for n in range(count)]
    return [QDateTime.fromMSecsSinceEpoch(stamp).toString(axis.format()) for stamp in stamps]


@pytest.mark.parametrize("days", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_no_two_ticks_name_the_same_date(qtbot, days: list[date]) -> None:
    card = ChartCard("Confidence over time")
    qtbot.addWidget(card)
    line = Line("Mean confidence", [Point(day, 3.0, ()) for day in days], lambda _p: "")

    card.show_lines([line], value_title="confidence", low=1, high=5)

    labels = _tick_labels(card)
    assert len(labels) >= 3
    assert len(set(labels)) == len(labels), labels


def test_a_lone_point_sits_on_the_middle_tick_between_the_days_around_it(qtbot) -> None:
    card = ChartCard("Confidence over time")
    qtbot.addWidget(card)
    card.show_lines(
        [Line("Mean confidence", [Point(START, 4.0, (1,))], lambda _p: "")],
        value_title="confidence",
        low=1,
        high=5,
    )
    assert _tick_labels(card) == ["2 Dec 2026", "3 Dec 2026", "4 Dec 2026"]


def test_three_weekly_points_sit_on_weekly_ticks(qtbot) -> None:
    card = ChartCard("Confidence over time")
    qtbot.addWidget(card)
    weeks = [START + timedelta(weeks=n) for n in range(3)]
    card.show_lines(
        [Line("Mean confidence", [Point(week, 3.0, ()) for week in weeks], lambda _p: "")],
        value_title="confidence",
        low=1,
        high=5,
    )
    labels = _tick_labels(card)
    assert labels == ["26 Nov 2026", "3 Dec 2026", "10 Dec 2026", "17 Dec 2026", "24 Dec 2026"]


def test_a_mock_score_at_a_moment_is_placed_by_its_local_day(qtbot) -> None:
    card = ChartCard("Mock interview scores")
    qtbot.addWidget(card)
    moment = datetime(2026, 12, 3, 15, 30).astimezone()
    card.show_lines(
        [Line("Score", [Point(moment, 70.0, ())], lambda _p: "")],
        value_title="score",
        low=0,
        high=100,
    )
    assert _tick_labels(card)[1] == f"{moment.day} Dec 2026"


@pytest.mark.parametrize("span", [0, 1, 2, 5, 7, 13, 14, 27, 28, 29, 45, 90, 200, 400, 3650])
def test_ticks_are_whole_days_around_the_points_with_a_margin(span: int) -> None:
    last = START + timedelta(days=span)

    ticks = day_ticks(START, last)

    days = ticks.days
    assert len(days) == len(set(days)) == ticks.tick_count
    assert 3 <= ticks.tick_count <= 5
    assert ticks.first < START and ticks.last > last  # no point on the chart's edge
    assert days[-1] == ticks.last
    if span > 28 or span in (7, 14):  # weeks step in weeks, from the first point's weekday
        assert ticks.step_days % 7 == 0
        assert all(day.weekday() == START.weekday() for day in days)
