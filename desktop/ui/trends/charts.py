"""Every chart of the trends page, drawn with QtCharts.

All QtCharts code lives here, so a later move to Qt Graphs (QtCharts is deprecated since Qt
6.10) changes this one module. A chart card shows a chart or, with nothing to draw, a note that
says what to do; clicking a bar or point reports the attempts behind it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.ui.page_keys import ENTER, note_keys
from desktop.ui.theme import Scheme, colours, current_scheme
from desktop.ui.trends.time_axis import day_ticks
from desktop.ui.widgets.labels import text_label
from desktop.ui.window_keys import WindowKeys

MAX_MARKED_POINTS = 120  # beyond this, dots would only blur the line
CARD_HEIGHT = 230  # a chart card's least height
CATEGORY_ROW = 24  # per category of a horizontal bar chart, so that every label is drawn
BARS_FRAME = 120  # a horizontal bar chart's heading, value axis and its title
DAY_DATES_UP_TO_DAYS = 400  # a longer time axis names months ("Aug 2026"), not days
SMALL_COUNT = 8  # up to this, a value axis counts in whole numbers

# Series colours that read well on both backgrounds, in the order series are added.
SERIES_COLOURS = {
    Scheme.LIGHT: ("#2f6fde", "#c77c02", "#1f9d55", "#b4418e", "#6b5bd2", "#0f8b8d"),
    Scheme.DARK: ("#6ea2ff", "#f0b34a", "#4cc38a", "#e07ac0", "#a396ff", "#4fd1c5"),
}


@dataclass(frozen=True)
class BarGroup:
    """One set of bars: a value and the attempts behind it for each category."""

    name: str
    values: Sequence[float]
    attempt_ids: Sequence[tuple[int, ...]]
    describe: Sequence[str]  # what each bar is, for the list of attempts behind it


@dataclass(frozen=True)
class Point:
    at: date | datetime
    value: float
    attempt_ids: tuple[int, ...]
    mock_ids: tuple[int, ...] = ()  # mock interviews behind it


@dataclass(frozen=True)
class Line:
    name: str
    points: Sequence[Point]
    describe: Callable[[Point], str]  # asked only when a point is clicked


STEP_KEYS = WindowKeys("Chart: the bar or point before or after", ("Left", "Right"))
PICK_KEYS = WindowKeys("Chart: list the attempts behind the chosen one", ENTER)


class ChartCard(QFrame):
    """A titled chart with its empty state. `picked` carries what was clicked, and the
    attempts and mock interviews behind it."""

    picked = Signal(str, object, object)  # description, attempt ids, mock interview ids

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartCard")
        self.setAccessibleName(title)
        self.setMinimumHeight(CARD_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(2)
        self.heading = QLabel(title)
        self.heading.setProperty("role", "subheading")
        layout.addWidget(self.heading)
        self.stack = QStackedWidget()
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.legend().setShowToolTips(True)  # a name cut short in a narrow card
        # Room at the edges for the rotated value-axis title and the last date label.
        self.chart.setMargins(QMargins(8, 6, 14, 6))
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(f"{title} chart")
        # The card takes the keys (arrows choose, Enter lists); a view taking focus too would
        # be a second Tab stop per chart where nothing shows and no key does anything.
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty = text_label(f"{title}: nothing to show", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting = text_label(f"{title}: reading", "muted")
        self.waiting.setText("Reading your practice…")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.waiting)
        self._before_waiting: QWidget | None = None
        layout.addWidget(self.stack, 1)
        # Keyboard users step through the bars or points with the arrow keys; Enter lists one.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        note_keys(self, STEP_KEYS, PICK_KEYS)
        self.caption = text_label(f"{title}: chosen bar or point", "muted", wrap=False)
        self.caption.hide()
        layout.addWidget(self.caption)
        self._lines: list[tuple[QLineSeries, Line]] = []
        self.bar_sets: list[QBarSet] = []
        self._choices: list[Choice] = []
        self._chosen = 0
        self._least_height: int | None = None

    @property
    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def show_waiting(self, waiting: bool) -> None:
        """While new figures are read, a note instead of the old ones (a chart faded in its
        scene leaves the view's background undrawn); taken away by the next figures, or by
        False, which shows the old ones again (a read that failed)."""
        if waiting and self.stack.currentWidget() is not self.waiting:
            self._before_waiting = self.stack.currentWidget()
            self.stack.setCurrentWidget(self.waiting)
        elif not waiting and self.stack.currentWidget() is self.waiting:
            self.stack.setCurrentWidget(self._before_waiting or self.empty)

    @property
    def is_waiting(self) -> bool:
        return self.stack.currentWidget() is self.waiting

    def forget(self) -> None:
        """Let the figures go (what they hold of the attempts behind each bar and point), the
        note that they are being read in their place: the page reads them again before it
        is next seen."""
        self._clear()
        self._before_waiting = self.empty
        self.stack.setCurrentWidget(self.waiting)

    def show_empty(self, text: str) -> None:
        self._clear()
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def show_bars(
        self,
        categories: Sequence[str],
        groups: Sequence[BarGroup],
        *,
        value_title: str,
        stacked: bool = False,
        horizontal: bool = False,
        max_value: float | None = None,
    ) -> None:
        self._clear()
        series: QAbstractBarSeries
        if horizontal:
            series = QHorizontalBarSeries()
        else:
            series = QStackedBarSeries() if stacked else QBarSeries()
        for index in range(len(categories)):
            for group in groups:
                if group.values[index]:
                    self._choices.append(_bar_choice(group, index))
        for group in groups:
            bar_set = QBarSet(group.name)
            bar_set.append([float(v) for v in group.values])
            bar_set.clicked.connect(lambda index, g=group: self._pick_bar(g, index))
            series.append(bar_set)
            self.bar_sets.append(bar_set)
        self.chart.addSeries(series)
        labels = QBarCategoryAxis()
        labels.append(list(categories))
        labels.setTruncateLabels(False)
        # QtCharts skips category labels that would overlap: give each bar a row of its own.
        if self._least_height is None:
            self._least_height = self.minimumHeight()  # as built (the page may raise it)
        row = max(CATEGORY_ROW, round(1.7 * QFontMetrics(self._small_font()).height()))
        rows = BARS_FRAME + row * len(categories) if horizontal else 0
        self.setMinimumHeight(max(self._least_height, rows))
        if len(categories) > 8 and not horizontal:
            # Upright: QtCharts hides the first and last labels when slanted ones would reach
            # past the ends of the axis.
            labels.setLabelsAngle(-90)
        values = QValueAxis()
        values.setTitleText(value_title)
        values.setLabelFormat("%d")
        top = max_value or max(
            (sum(g.values[i] for g in groups) if stacked else max(g.values[i] for g in groups))
            for i in range(len(categories))
        )
        _set_value_range(values, top, fixed=max_value is not None)
        category_edge, value_edge = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
        if horizontal:
            category_edge, value_edge = value_edge, category_edge
        self.chart.addAxis(labels, category_edge)
        self.chart.addAxis(values, value_edge)
        series.attachAxis(labels)
        series.attachAxis(values)
        self.chart.legend().setVisible(len(groups) > 1)
        self._finish()

    def show_lines(
        self,
        lines: Sequence[Line],
        *,
        value_title: str,
        low: float,
        high: float,
        weekly: bool = False,
    ) -> None:
        """`weekly`: each point is a week, placed on its first day; ticks go a week apart."""
        self._clear()
        times = QDateTimeAxis()
        times.setTruncateLabels(False)
        values = QValueAxis()
        values.setRange(low, high)
        values.setTitleText(value_title)
        values.setLabelFormat("%d")
        self.chart.addAxis(times, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        stamps = []
        for line in lines:
            series = QLineSeries()
            series.setName(line.name)
            series.setPointsVisible(len(line.points) <= MAX_MARKED_POINTS)
            line_stamps = [_msecs(point.at) for point in line.points]
            stamps += line_stamps
            series.append(
                [QPointF(s, p.value) for s, p in zip(line_stamps, line.points, strict=True)]
            )
            series.clicked.connect(lambda at, s=series, ln=line: self._pick_point(s, ln, at))
            self._choices += [_point_choice(line, point) for point in line.points]
            self.chart.addSeries(series)
            series.attachAxis(times)
            series.attachAxis(values)
            self._lines.append((series, line))
        first, last = (min(stamps), max(stamps)) if stamps else (0, 0)
        times.setFormat(date_format(last - first))
        if stamps:
            # Ticks on whole days, so no two name the same date (a lone point had four).
            ticks = day_ticks(_local_day(first), _local_day(last), weekly=weekly)
            start = QDateTime.fromMSecsSinceEpoch(_msecs(ticks.first))
            times.setRange(start, QDateTime.fromMSecsSinceEpoch(_msecs(ticks.last)))
            times.setTickCount(ticks.tick_count)
        self.chart.legend().setVisible(len(lines) > 1)
        self._finish()

    def pick_point(self, line_index: int, point_index: int) -> None:
        """What clicking a point does, for the keyboard and for tests."""
        _series, line = self._lines[line_index]
        point = line.points[point_index]
        self.picked.emit(line.describe(point), point.attempt_ids, point.mock_ids)

    def apply_theme(self, scheme: Scheme) -> None:
        c = colours(scheme)
        text, muted, grid = QColor(c["text"]), QColor(c["muted"]), QColor(c["border"])
        self.chart.setBackgroundBrush(QBrush(QColor(c["base"])))
        self.chart.setPlotAreaBackgroundVisible(False)
        self.chart.legend().setLabelColor(text)
        small = self._small_font()
        for axis in self.chart.axes():
            axis.setLabelsColor(muted)
            axis.setLabelsFont(small)
            axis.setTitleBrush(QBrush(muted))
            axis.setTitleFont(small)
            axis.setLinePenColor(grid)
            axis.setGridLineColor(grid)
        palette = SERIES_COLOURS[scheme]
        for number, bar_set in enumerate(self.bar_sets):
            bar_set.setColor(QColor(palette[number % len(palette)]))
            bar_set.setBorderColor(QColor(palette[number % len(palette)]))
        for number, (series, _line) in enumerate(self._lines):
            pen = QPen(QColor(palette[number % len(palette)]))
            pen.setWidthF(2.0)
            series.setPen(pen)
            series.setColor(QColor(palette[number % len(palette)]))

    def _small_font(self) -> QFont:
        """Axis labels and titles: a point smaller than the text around the chart."""
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        return small

    def _finish(self) -> None:
        self.apply_theme(current_scheme())
        self.stack.setCurrentWidget(self.view)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._choices and STEP_KEYS.matches(event):
            step = 1 if event.key() == Qt.Key.Key_Right else -1
            self._chosen = (self._chosen + step) % len(self._choices)
            self._show_choice()
        elif self._choices and PICK_KEYS.matches(event):
            self.picked.emit(*self._choices[self._chosen]())
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._choices and not self.is_empty:
            self._show_choice()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.caption.hide()
        super().focusOutEvent(event)

    def _show_choice(self) -> None:
        text, _attempts, _mocks = self._choices[self._chosen]()
        self.caption.setText(f"{text}  (← → to choose, Enter to list)")
        self.caption.setAccessibleDescription(text)
        self.caption.show()

    def _clear(self) -> None:
        self._choices.clear()
        self._chosen = 0
        self.caption.hide()
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self._lines.clear()
        self.bar_sets.clear()

    def _pick_bar(self, group: BarGroup, index: int) -> None:
        self.picked.emit(group.describe[index], tuple(group.attempt_ids[index]), ())

    def _pick_point(self, series: QLineSeries, line: Line, at: QPointF) -> None:
        if not line.points:
            return
        nearest = min(
            range(len(line.points)), key=lambda i: abs(_msecs(line.points[i].at) - at.x())
        )
        index = next(n for n, (s, _l) in enumerate(self._lines) if s is series)
        self.pick_point(index, nearest)


Picked = tuple[str, tuple[int, ...], tuple[int, ...]]  # what, attempt ids, mock interview ids
Choice = Callable[[], Picked]  # what a bar or point lists, made when asked


def _bar_choice(group: BarGroup, index: int) -> Choice:
    def choice() -> Picked:
        return group.describe[index], tuple(group.attempt_ids[index]), ()

    return choice


def _point_choice(line: Line, point: Point) -> Choice:
    def choice() -> Picked:
        return line.describe(point), point.attempt_ids, point.mock_ids

    return choice


def date_format(span_msecs: int) -> str:
    """Dates with the year in full ("26 Aug 2026", not "26 Aug 26"), or months for long spans."""
    return "d MMM yyyy" if span_msecs <= DAY_DATES_UP_TO_DAYS * 86_400_000 else "MMM yyyy"


def _set_value_range(axis: QValueAxis, top: float, *, fixed: bool) -> None:
    """Small counts get a tick per whole number; larger values get round ticks."""
    if fixed:
        axis.setRange(0, top)
    elif top <= SMALL_COUNT:
        # Whole numbers, at most five of them: a short chart has no room for nine labels,
        # and QtCharts then cuts every one of them to "...".
        step = 1 if top <= SMALL_COUNT // 2 else 2
        ticks = max(1, math.ceil(top / step))
        axis.setRange(0, ticks * step)
        axis.setTickCount(ticks + 1)
    else:
        axis.setRange(0, top * 1.1)
        axis.applyNiceNumbers()


def _local_day(msecs: int) -> date:
    """The day a stamp falls on here, as the axis labels read it."""
    return datetime.fromtimestamp(msecs / 1000).date()


def _msecs(moment: date | datetime) -> int:
    """A day is placed at its local noon; a time without an offset is UTC, as the log keeps it."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(12))
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)
