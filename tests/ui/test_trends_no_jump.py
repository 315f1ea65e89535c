"""Trends on a long read shows its calendar and counts first and weighs the weak spots after:
their coming must not push down a chart the user already sees."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint

from desktop.screenshots import settle
from desktop.ui.context import AppContext
from desktop.ui.trends import page as page_module
from desktop.ui.trends.charts import ChartCard
from desktop.ui.trends.page import TrendsPage
from tests.ui.test_trends_page import _struggling_with_dp

pytestmark = pytest.mark.any_date


class PaintedPlaces(QObject):
    """Where on the page each chart was painted with its figures (not its "Reading" note)."""

    def __init__(self, page: TrendsPage) -> None:
        super().__init__(page)
        self.page = page
        self.places: dict[str, set[tuple[int, int]]] = {}
        for chart in page.charts:
            chart.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        painted = event.type() == QEvent.Type.Paint and isinstance(watched, ChartCard)
        if painted and not watched.is_waiting:  # type: ignore[union-attr]
            at = watched.mapTo(self.page, QPoint(0, 0))  # type: ignore[attr-defined]
            self.places.setdefault(watched.accessibleName(), set()).add((at.x(), at.y()))  # type: ignore[attr-defined]
        return False


def _open(qtbot, context: AppContext) -> tuple[TrendsPage, PaintedPlaces]:
    page = TrendsPage(context)
    qtbot.addWidget(page)
    painted = PaintedPlaces(page)
    page.restore_state(context.settings)
    page.resize(1100, 800)
    return page, painted


def _wait_for_weak_spots(qtbot, page: TrendsPage, shown: int) -> None:
    qtbot.waitUntil(lambda: page.reads_shown > shown)
    settle()
    qtbot.wait(20)  # the last paints


def test_no_painted_chart_moves_when_the_weak_spots_come(
    qtbot, context: AppContext, monkeypatch
) -> None:
    _struggling_with_dp(context)
    monkeypatch.setattr(page_module, "READ_AT_ONCE_ATTEMPTS", 0)  # every read on a worker
    page, painted = _open(qtbot, context)
    figures_first: list[bool] = []
    page.shown.connect(lambda weighed: figures_first.append(page.chart_area.isVisible()))
    # Where the charts are laid out the moment they are shown: under the rows, already.
    laid_out: list[tuple[int, int]] = []

    # ... and each chart where it stays: a first paint before the event loop turns again (as
    # on a busy machine) must not put one 20 px above where the next layout moves it.
    placed: dict[str, QPoint] = {}

    def note_layout(weighed: bool) -> None:
        if weighed and page.weak_spot_rows:
            last = page.weak_spot_rows[-1]
            bottom = last.mapTo(page.figures, QPoint(0, last.height())).y()
            laid_out.append((page.chart_area.geometry().top(), bottom))
            placed.update((c.accessibleName(), c.mapTo(page, QPoint(0, 0))) for c in page.charts)

    page.shown.connect(note_layout)
    page.show()
    _wait_for_weak_spots(qtbot, page, 0)
    assert page.weak_spot_rows  # they came after the figures ...
    assert painted.places  # the charts in view (those further down are painted when scrolled to)
    assert all(len(places) == 1 for places in painted.places.values()), painted.places
    assert figures_first == [False, True]  # ... with the charts, not above charts on show
    assert laid_out and all(top > rows_bottom for top, rows_bottom in laid_out), laid_out
    settled = {chart.accessibleName(): chart.mapTo(page, QPoint(0, 0)) for chart in page.charts}
    assert placed == settled

    # Another read of the same period: the weak-spot rows go while it is weighed, and the
    # charts do not slide up into their room and down again.
    shown = page.reads_shown
    context.events.sessions_changed.emit()
    _wait_for_weak_spots(qtbot, page, shown)
    assert all(len(places) == 1 for places in painted.places.values()), painted.places


def test_while_weak_spots_are_weighed_the_charts_keep_their_room(
    qtbot, context: AppContext, monkeypatch
) -> None:
    """The charts wait hidden in their own room: the scrolled page does not lose their height
    under the user (which would scroll it) and grow again."""
    _struggling_with_dp(context)
    page, _painted = _open(qtbot, context)
    page.show()
    settle()  # read at once: the whole page
    charts_height = page.chart_area.height()
    release = threading.Event()
    real_weigh = page_module.add_weak_spots

    def held_weigh(data):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_weigh(data)

    monkeypatch.setattr(page_module, "add_weak_spots", held_weigh)
    monkeypatch.setattr(page_module, "READ_AT_ONCE_ATTEMPTS", 0)
    with qtbot.waitSignal(page.shown) as figures:
        context.events.sessions_changed.emit()
    assert figures.args == [False]  # the figures, the weak spots still being weighed
    settle()
    assert page.no_weak_spots.text() == page_module.WEIGHING
    assert not page.chart_area.isVisible()
    assert page.chart_area.height() == charts_height
    assert page.figures.height() >= page.chart_area.geometry().bottom()
    shown = page.reads_shown
    release.set()
    _wait_for_weak_spots(qtbot, page, shown)
    assert page.chart_area.isVisible() and page.weak_spot_rows


def test_a_first_read_shows_no_empty_charts_above_where_they_will_go(
    qtbot, context: AppContext, monkeypatch
) -> None:
    """Nothing read yet: the charts are not shown as empty "Reading" cards under the calendar,
    where the weak spots will go and push them down (a user saw them jump 230 px)."""
    _struggling_with_dp(context)
    release = threading.Event()
    real_read = page_module.read_trends

    def held_read(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(page_module, "read_trends", held_read)
    monkeypatch.setattr(page_module, "READ_AT_ONCE_ATTEMPTS", 0)
    page, painted = _open(qtbot, context)
    page.show()
    qtbot.waitUntil(lambda: page.busy)
    settle()
    assert not page.chart_area.isVisible()
    release.set()
    _wait_for_weak_spots(qtbot, page, 0)
    assert page.chart_area.isVisible() and page.weak_spot_rows
    assert all(len(places) == 1 for places in painted.places.values()), painted.places
