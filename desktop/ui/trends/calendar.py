"""The chosen period of practice (up to a year) as a heatmap of days, painted by hand (QtCharts
has no calendar), with a legend from less to more."""

from __future__ import annotations

import calendar
from array import array
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.domain.dates import week_of
from desktop.domain.trends import DayActivity
from desktop.ui.page_keys import ENTER, note_keys
from desktop.ui.theme import colours, current_scheme
from desktop.ui.trends.reading import CALENDAR_WEEKS
from desktop.ui.window_keys import WindowKeys

WEEKS = CALENDAR_WEEKS
LEFT = 30  # room for the weekday names
TOP = 16  # room for the month names
GAP = 2
MAX_CELL = 14
MAX_CELL_SHORT = 20  # days may be drawn larger when the period is half a year or less
MIN_CELL = 7
LEVELS = (1, 2, 3, 5)  # sessions a day for each step up in colour
LEGEND_GAP = 6  # between the days and the legend below them

# Weeks are the calendar's columns and days its rows, so Left and Right step a week.
WEEK_KEYS = WindowKeys("Calendar: a week earlier or later", ("Left", "Right"))
DAY_KEYS = WindowKeys("Calendar: a day earlier or later", ("Up", "Down"))
PICK_KEYS = WindowKeys("Calendar: list the chosen day's attempts", (*ENTER, "Space"))


class DayTotals:
    """Each day's sessions and minutes in two flat arrays, read back as DayActivity. No Python
    object per day is kept: a day's objects made by a long read ("Everything", 20,000
    attempts) would sit among that read's records and, kept after the records go, keep the
    interpreter from giving their memory back."""

    def __init__(self, activity: Mapping[date, DayActivity]) -> None:
        ordinals = [day.toordinal() for day in activity]
        self._first = min(ordinals, default=0)
        span = max(ordinals, default=-1) - self._first + 1
        self._sessions = array("l", bytes(span * array("l").itemsize))
        self._minutes = array("d", bytes(span * array("d").itemsize))
        for day, found in activity.items():
            self._sessions[day.toordinal() - self._first] = found.sessions
            self._minutes[day.toordinal() - self._first] = found.minutes

    def get(self, day: date) -> DayActivity | None:
        at = day.toordinal() - self._first
        if not 0 <= at < len(self._sessions) or not self._sessions[at]:
            return None
        return DayActivity(self._sessions[at], self._minutes[at])


class PracticeCalendar(QWidget):
    """The weeks of the chosen period (53 at most), the first day of the week the user chose
    at the top, today in the last column. Click or Enter picks a day."""

    day_picked = Signal(object)  # date

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Practice calendar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        note_keys(self, WEEK_KEYS, DAY_KEYS, PICK_KEYS)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._activity = DayTotals({})
        self._today = today
        self._days: int | None = None  # the period; None for everything
        self.first_weekday = calendar.MONDAY  # the top row's day, as Python numbers them
        self.current: date = self._today

    def set_activity(
        self,
        activity: Mapping[date, DayActivity],
        today: date,
        days: int | None = None,
        *,
        first_weekday: int,
    ) -> None:
        """Show `days` days up to `today` (None: the last year, the most it shows), in
        columns of weeks that start on weekday `first_weekday` (0 Monday ... 6 Sunday)."""
        self._activity = DayTotals(activity)
        self._today = today
        self._days = days
        self.first_weekday = first_weekday
        if not self.period_start <= self.current <= today:
            self.current = today
        self.setFixedHeight(self._height_for(self._cell()))  # the cells may have grown
        self.updateGeometry()
        self.update()

    @property
    def period_start(self) -> date:
        """The first day shown in colour: the period's, or the first day of the year shown."""
        if self._days is None:
            return self.first_day
        return max(self.first_day, self._today - timedelta(days=self._days - 1))

    @property
    def weeks(self) -> int:
        if self._days is None:
            return WEEKS
        start = self._today - timedelta(days=self._days - 1)
        return min(WEEKS, (self._week_of(self._today) - self._week_of(start)).days // 7 + 1)

    @property
    def first_day(self) -> date:
        return self._week_of(self._today) - timedelta(weeks=self.weeks - 1)

    def _week_of(self, day: date) -> date:
        return week_of(day, first=self.first_weekday)

    def row_of(self, day: date) -> int:
        """The row a day is drawn in: 0 for the first day of the week."""
        return (day.weekday() - self.first_weekday) % 7

    def row_names(self) -> list[tuple[int, str]]:
        """The rows named at the left: every other day from the first ("Mon", "Wed", "Fri")."""
        return [(row, calendar.day_abbr[(self.first_weekday + row) % 7]) for row in (0, 2, 4)]

    def _largest_cell(self) -> int:
        return MAX_CELL if self.weeks > WEEKS // 2 else MAX_CELL_SHORT

    def _cell(self) -> int:
        fitting = (self.width() - LEFT - 4) // self.weeks - GAP
        return max(MIN_CELL, min(self._largest_cell(), fitting))

    def sizeHint(self) -> QSize:
        largest = self._largest_cell()
        return QSize(LEFT + self.weeks * (largest + GAP), self._height_for(largest))

    def minimumSizeHint(self) -> QSize:
        return QSize(LEFT + self.weeks * (MIN_CELL + GAP), self._height_for(MIN_CELL))

    def _height_for(self, cell: int) -> int:
        return TOP + 7 * (cell + GAP) + LEGEND_GAP + self._legend_height(cell) + 2

    def _legend_height(self, cell: int) -> int:
        return max(cell, self._small_metrics().height())

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() - 2))
        return small

    def _small_metrics(self) -> QFontMetrics:
        return QFontMetrics(self._small_font())

    def legend_rect(self) -> QRect:
        """Where "Less ▪▪▪▪▪ More" is drawn: under the days, at their right edge."""
        cell = self._cell()
        metrics = self._small_metrics()
        width = (
            metrics.horizontalAdvance("Less")
            + metrics.horizontalAdvance("More")
            + 8 * 2
            + (len(LEVELS) + 1) * (cell + GAP)
        )
        right = max(LEFT + self.weeks * (cell + GAP), LEFT + width)
        top = TOP + 7 * (cell + GAP) + LEGEND_GAP
        return QRect(right - width, top, width, self._legend_height(cell))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setFixedHeight(self._height_for(self._cell()))
        super().resizeEvent(event)

    def day_rect(self, day: date) -> QRect:
        cell = self._cell()
        week = (day - self.first_day).days // 7
        row = self.row_of(day)
        return QRect(LEFT + week * (cell + GAP), TOP + row * (cell + GAP), cell, cell)

    def day_at(self, point: QPoint) -> date | None:
        cell = self._cell()
        week, row = (point.x() - LEFT) // (cell + GAP), (point.y() - TOP) // (cell + GAP)
        if point.x() < LEFT or point.y() < TOP or not (0 <= week < self.weeks and 0 <= row < 7):
            return None
        day = self.first_day + timedelta(weeks=week, days=row)
        return day if self.period_start <= day <= self._today else None

    def describe(self, day: date) -> str:
        found = self._activity.get(day)
        when = f"{day:%a} {day.day} {day:%b %Y}"
        if found is None:
            return f"{when}: no practice"
        sessions = "1 session" if found.sessions == 1 else f"{found.sessions} sessions"
        return f"{when}: {sessions}, {round(found.minutes)} min"

    def paintEvent(self, event: QPaintEvent) -> None:
        c = colours(current_scheme())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        empty, full = QColor(c["button"]), QColor(c["highlight"])
        shades = [empty] + [_blend(empty, full, (n + 1) / len(LEVELS)) for n in range(len(LEVELS))]
        painter.setPen(QColor(c["muted"]))
        painter.setFont(self._small_font())
        cell = self._cell()
        for row, name in self.row_names():
            painter.drawText(
                QRect(0, TOP + row * (cell + GAP) - 2, LEFT - 4, cell + 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        metrics = self._small_metrics()
        for week, name in self.month_labels(cell, metrics.horizontalAdvance):
            x = self.month_label_x(week, cell, metrics.horizontalAdvance(name))
            painter.drawText(x, TOP - 4, name)
        self._paint_legend(painter, shades)
        painter.setPen(Qt.PenStyle.NoPen)
        day = self.period_start
        while day <= self._today:
            found = self._activity.get(day)
            level = sum(found.sessions >= step for step in LEVELS) if found else 0
            painter.setBrush(shades[level])
            painter.drawRoundedRect(self.day_rect(day), 2, 2)
            day += timedelta(days=1)
        outline = QPen(QColor(c["text"]))
        outline.setWidthF(1.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.hasFocus():
            painter.setPen(outline)
            painter.drawRoundedRect(self.day_rect(self.current).adjusted(-1, -1, 1, 1), 2, 2)
        painter.end()

    def month_labels(
        self, cell: int, advance: Callable[[str], int] | None = None
    ) -> list[tuple[int, str]]:
        """(column, "Dec") for each month named above the days. A column belongs to the month
        most of its shown days are in (a tie goes to the later one), and a month is named
        over its first column: so the week a month began in mid-week is named once most of
        it is that month's, and this week is named even when the month began days ago.
        Names never overlap (one too close to the last is left out); the first column's name
        gives way to a month that starts within three columns."""
        columns = [self._column_month(week) for week in range(self.weeks)]
        starts = [
            week for week, month in enumerate(columns) if week == 0 or month != columns[week - 1]
        ]
        if len(starts) > 1 and starts[1] <= 3:
            starts = starts[1:]
        width = advance or QFontMetrics(self._small_font()).horizontalAdvance
        labels: list[tuple[int, str]] = []
        free_from = 0
        for week in starts:
            name = calendar.month_abbr[columns[week][1]]
            x = self.month_label_x(week, cell, width(name))
            if x >= free_from:
                labels.append((week, name))
                free_from = x + width(name) + 4
        return labels

    def month_label_x(self, week: int, cell: int, name_width: int) -> int:
        """Over its column, or as far right as fits (this week's name at a narrow width)."""
        return max(LEFT, min(LEFT + week * (cell + GAP), self.width() - name_width))

    def _column_month(self, week: int) -> tuple[int, int]:
        """(year, month) most of the column's shown days are in (a tie: the later)."""
        top = self.first_day + timedelta(weeks=week)
        first, last = max(top, self.period_start), min(top + timedelta(days=6), self._today)
        if last < first:  # nothing shown in it (cannot happen inside the period)
            first = last = top
        counts: dict[tuple[int, int], int] = {}
        day = first
        while day <= last:
            counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
            day += timedelta(days=1)
        return max(counts, key=lambda month: (counts[month], month))

    def _paint_legend(self, painter: QPainter, shades: list[QColor]) -> None:
        area = self.legend_rect()
        cell = self._cell()
        metrics = self._small_metrics()
        less = metrics.horizontalAdvance("Less")
        centre = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(area.left(), area.top(), less, area.height()), centre, "Less")
        x = area.left() + less + 8
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for shade in shades:
            painter.setBrush(shade)
            painter.drawRoundedRect(QRect(x, area.center().y() - cell // 2, cell, cell), 2, 2)
            x += cell + GAP
        painter.restore()
        painter.drawText(QRect(x + 8 - GAP, area.top(), area.right() - x, area.height()), centre,
                         "More")  # fmt: skip

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(day), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.current = day
            self.update()
            self.day_picked.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        forward = event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down)
        step = 1 if forward else -1
        if WEEK_KEYS.matches(event) or DAY_KEYS.matches(event):
            days = 7 if WEEK_KEYS.matches(event) else 1
            moved = self.current + timedelta(days=step * days)
            if self.period_start <= moved <= self._today:
                self.current = moved
                self.setAccessibleDescription(self.describe(moved))
                self.update()
        elif PICK_KEYS.matches(event):
            self.day_picked.emit(self.current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)


def _blend(low: QColor, high: QColor, share: float) -> QColor:
    return QColor(
        round(low.red() + (high.red() - low.red()) * share),
        round(low.green() + (high.green() - low.green()) * share),
        round(low.blue() + (high.blue() - low.blue()) * share),
    )
