"""Month names over the practice calendar sit where a reader looks for them: this week is
named even when its month began mid-week (December began on a Tuesday and had no name)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest

from desktop.ui.trends.calendar import PracticeCalendar


def _calendar(qtbot, today: date, days: int | None = None, width: int = 900) -> PracticeCalendar:
    """The calendar at `width` (0: the narrowest it is laid out at)."""
    widget = PracticeCalendar(today)
    qtbot.addWidget(widget)
    widget.set_activity({}, today, days, first_weekday=calendar.MONDAY)
    widget.resize(width or widget.minimumSizeHint().width(), 200)
    return widget


def _names(widget: PracticeCalendar) -> dict[int, str]:
    return dict(widget.month_labels(widget._cell()))


def test_this_week_is_named_when_its_month_began_mid_week(qtbot) -> None:
    widget = _calendar(qtbot, date(2026, 12, 5))  # Saturday; 1 December was a Tuesday
    names = _names(widget)
    assert names[widget.weeks - 1] == "Dec"
    assert "Nov" in names.values()


@pytest.mark.parametrize("width", [0, 900])
def test_a_name_sits_over_the_first_week_mostly_in_its_month(qtbot, width: int) -> None:
    widget = _calendar(qtbot, date(2026, 12, 5), width=width)
    for week, name in widget.month_labels(widget._cell()):
        if week == 0:
            continue  # the first column names what it shows, however little
        top = widget.first_day + timedelta(weeks=week)
        shown = [
            top + timedelta(days=n) for n in range(7) if top + timedelta(days=n) <= widget._today
        ]
        in_month = [day for day in shown if calendar.month_abbr[day.month] == name]
        assert len(in_month) * 2 >= len(shown), (week, name)
        before = [top - timedelta(days=n) for n in range(1, 8)]
        assert sum(calendar.month_abbr[d.month] == name for d in before) * 2 < 7


def test_names_never_overlap_and_stay_inside(qtbot) -> None:
    widget = _calendar(qtbot, date(2026, 12, 1), width=0)  # 1 December: Tuesday, a tie
    cell = widget._cell()
    xs = [widget.month_label_x(week, cell, 20) for week, _name in widget.month_labels(cell)]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert all(x + 20 <= widget.width() for x in xs)
    assert dict(widget.month_labels(cell))[widget.weeks - 1] == "Dec"


def test_a_short_period_names_its_first_column(qtbot) -> None:
    widget = _calendar(qtbot, date(2026, 12, 20), days=14)
    assert _names(widget)[0] == "Dec"
