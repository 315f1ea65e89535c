"""The trends page at a laptop's size: every label drawn, dates with years, one scroll."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QDateTimeAxis, QValueAxis
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsTextItem, QPushButton

from desktop.domain.dates import local_day
from desktop.ui.context import AppContext
from desktop.ui.trends.calendar import WEEKS
from desktop.ui.trends.charts import ChartCard, date_format
from desktop.ui.trends.page import RANGES, TrendsPage
from tests.ui.test_trends_page import NOW, _log

pytestmark = pytest.mark.any_date

LAPTOP_PAGE = (1060, 780)  # the page in a 1280 x 800 window


def _drawn_texts(card: ChartCard) -> dict[str, QRectF]:
    """The chart's text items that are shown, with where they are drawn."""
    drawn = {}
    for item in card.chart.scene().items():
        shown = item.toGraphicsObject()
        if isinstance(shown, QGraphicsTextItem) and shown.isVisible() and shown.toPlainText():
            drawn[shown.toPlainText()] = shown.sceneBoundingRect()
    return drawn


@pytest.fixture
def page(open_page, context: AppContext) -> TrendsPage:
    _log(context, 1, kind="design", patterns=(), steps=())  # every design step missed
    _log(context, 3, minutes=30, confidence=3)
    _log(context, 40, minutes=22, confidence=4)
    page = open_page(TrendsPage, LAPTOP_PAGE)
    # Desktop fonts run larger than the test's: what fits must fit with them too.
    for card in page.charts:
        font = card.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        card.setFont(font)
    context.events.sessions_changed.emit()
    return page


def test_every_missed_design_step_has_its_label(qtbot, page: TrendsPage, context) -> None:
    steps = page.steps_chart
    names = [context.profile.taxonomy.label(s) for s in context.profile.taxonomy.design_step_ids]
    assert len(names) == 8
    qtbot.waitUntil(lambda: set(names) <= set(_drawn_texts(steps)))


def test_every_week_of_struggles_has_its_label_in_a_narrow_window(
    qtbot, open_page, context: AppContext
) -> None:
    for week in range(12):
        _log(context, 1 + 7 * week, struggles=("dynamic-programming",))
    page: TrendsPage = open_page(TrendsPage, (570, 460))
    context.events.sessions_changed.emit()
    (axis,) = [a for a in page.struggle_chart.chart.axes() if isinstance(a, QBarCategoryAxis)]
    weeks = axis.categories()
    assert len(weeks) >= 12
    qtbot.waitUntil(lambda: set(weeks) <= set(_drawn_texts(page.struggle_chart)))


def test_axis_titles_are_drawn_whole_inside_the_chart(qtbot, page: TrendsPage) -> None:
    for card, title in ((page.time_chart, "minutes"), (page.confidence_chart, "confidence")):
        qtbot.waitUntil(lambda card=card, title=title: title in _drawn_texts(card))
        where = _drawn_texts(card)[title]
        inside = card.view.sceneRect()
        assert inside.contains(where), (title, where, inside)


def test_time_axes_name_the_year_in_full(page: TrendsPage) -> None:
    (axis,) = [a for a in page.confidence_chart.chart.axes() if isinstance(a, QDateTimeAxis)]
    assert axis.format() == "d MMM yyyy"
    assert date_format(int(timedelta(days=90).total_seconds() * 1000)) == "d MMM yyyy"
    assert date_format(int(timedelta(days=900).total_seconds() * 1000)) == "MMM yyyy"


def test_the_calendar_spans_the_chosen_period(page: TrendsPage) -> None:
    today = local_day(NOW)
    calendar = page.calendar
    page.range.setCurrentIndex(0)  # last 30 days
    assert calendar.period_start == today - timedelta(days=29)
    assert calendar.weeks <= 6 and calendar.first_day <= calendar.period_start
    before = calendar.period_start - timedelta(days=1)
    if before >= calendar.first_day:  # a day of that week before the period is not shown
        assert calendar.day_at(calendar.day_rect(before).center()) is None
    assert calendar.day_at(calendar.day_rect(today).center()) == today
    page.range.setCurrentIndex(1)  # last 90 days
    assert 13 <= calendar.weeks <= 15
    page.range.setCurrentIndex(3)  # last year
    assert calendar.weeks == WEEKS


def test_the_calendar_has_a_legend_under_its_days(page: TrendsPage) -> None:
    calendar = page.calendar
    legend = calendar.legend_rect()
    last_row = calendar.day_rect(calendar.first_day + timedelta(days=6))
    assert legend.top() > last_row.bottom()
    assert calendar.rect().contains(legend)


def test_behind_the_numbers_shows_only_once_something_is_picked(page: TrendsPage) -> None:
    assert page.details_box.isHidden()  # the charts have the page to themselves
    page.time_chart.bar_sets[0].clicked.emit(0)
    assert page.details_box.isVisibleTo(page)
    assert page.details.count() >= 1
    close = next(b for b in page.details_box.findChildren(QPushButton) if b.text() == "Close")
    close.click()
    assert page.details_box.isHidden()


def test_a_short_period_draws_its_days_larger(page: TrendsPage) -> None:
    today = local_day(NOW)
    page.range.setCurrentIndex(3)  # last year: 53 weeks share the width
    year_cell = page.calendar.day_rect(today).width()
    page.range.setCurrentIndex(1)  # last 90 days
    assert page.calendar.day_rect(today).width() > year_cell
    assert page.calendar.height() >= page.calendar.legend_rect().bottom()


def test_struggle_counts_are_drawn_whole_beside_upright_week_labels(
    qtbot, open_page, context: AppContext
) -> None:
    """Twelve weeks stand their labels upright; the count axis beside them once ended every
    number in "…" on a laptop-sized page."""
    tags = ("dynamic-programming", "trees", "hash-map", "two-pointers")
    for week in range(12):
        _log(context, 1 + 7 * week, struggles=tags[:1])
    for _ in range(2):  # eight struggles in one week: the axis counts up to 8
        _log(context, 1.5, struggles=tags)
    page: TrendsPage = open_page(TrendsPage, LAPTOP_PAGE)
    context.events.sessions_changed.emit()
    card = page.struggle_chart
    (axis,) = [a for a in card.chart.axes() if isinstance(a, QValueAxis)]
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    counts = {f"{axis.min() + step * tick:.0f}" for tick in range(axis.tickCount())}
    assert "8" in counts
    qtbot.waitUntil(lambda: counts <= set(_drawn_texts(card)))


def test_a_long_period_says_the_calendar_and_struggles_show_less_of_it(
    qtbot, page: TrendsPage
) -> None:
    """Everything (ten years) still draws a year of calendar and 12 weeks of struggles; with
    no word of it, their empty start read as no practice back then."""
    page.range.setCurrentIndex(len(RANGES) - 1)  # everything
    qtbot.waitUntil(lambda: page.calendar_heading.text() != "Practice calendar")
    assert page.calendar_heading.text() == "Practice calendar, last 12 months"
    assert page.struggle_chart.heading.text() == "Struggles by pattern, the last 12 weeks"
    page.range.setCurrentIndex(0)  # last 30 days: both show all of it
    qtbot.waitUntil(lambda: page.calendar_heading.text() == "Practice calendar")
    assert page.struggle_chart.heading.text() == "Struggles by pattern, week by week"
