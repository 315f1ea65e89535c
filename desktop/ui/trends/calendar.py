"""A year of practice as a heatmap of days, painted by hand (QtCharts has no calendar)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
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
from desktop.ui.theme import colours, current_scheme
from desktop.ui.trends.reading import CALENDAR_WEEKS

WEEKS = CALENDAR_WEEKS
LEFT = 30  # room for the weekday names
TOP = 16  # room for the month names
GAP = 2
MAX_CELL = 14
MIN_CELL = 7
LEVELS = (1, 2, 3, 5)  # sessions a day for each step up in colour


class PracticeCalendar(QWidget):
    """53 weeks, Monday at the top, today in the last column. Click or Enter picks a day."""

    day_picked = Signal(object)  # date

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Practice calendar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._activity: Mapping[date, DayActivity] = {}
        self._today = today
        self.current: date = self._today

    def set_activity(self, activity: Mapping[date, DayActivity], today: date) -> None:
        self._activity = activity
        self._today = today
        if not self.first_day <= self.current <= today:
            self.current = today
        self.update()

    @property
    def first_day(self) -> date:
        return week_of(self._today) - timedelta(weeks=WEEKS - 1)

    def _cell(self) -> int:
        fitting = (self.width() - LEFT - 4) // WEEKS - GAP
        return max(MIN_CELL, min(MAX_CELL, fitting))

    def sizeHint(self) -> QSize:
        return QSize(LEFT + WEEKS * (MAX_CELL + GAP), self._height_for(MAX_CELL))

    def minimumSizeHint(self) -> QSize:
        return QSize(LEFT + WEEKS * (MIN_CELL + GAP), self._height_for(MIN_CELL))

    def _height_for(self, cell: int) -> int:
        return TOP + 7 * (cell + GAP) + 2

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setFixedHeight(self._height_for(self._cell()))
        super().resizeEvent(event)

    def day_rect(self, day: date) -> QRect:
        cell = self._cell()
        week = (day - self.first_day).days // 7
        return QRect(LEFT + week * (cell + GAP), TOP + day.weekday() * (cell + GAP), cell, cell)

    def day_at(self, point: QPoint) -> date | None:
        cell = self._cell()
        week, row = (point.x() - LEFT) // (cell + GAP), (point.y() - TOP) // (cell + GAP)
        if point.x() < LEFT or point.y() < TOP or not (0 <= week < WEEKS and 0 <= row < 7):
            return None
        day = self.first_day + timedelta(weeks=week, days=row)
        return day if day <= self._today else None

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
        small = painter.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() - 2))
        painter.setFont(small)
        cell = self._cell()
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
            painter.drawText(
                QRect(0, TOP + row * (cell + GAP) - 2, LEFT - 4, cell + 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        month = None
        for week in range(WEEKS):
            monday = self.first_day + timedelta(weeks=week)
            if monday.month != month and monday.day <= 7:
                month = monday.month
                painter.drawText(LEFT + week * (cell + GAP), TOP - 4, f"{monday:%b}")
        painter.setPen(Qt.PenStyle.NoPen)
        day = self.first_day
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
        steps = {Qt.Key.Key_Left: -7, Qt.Key.Key_Right: 7, Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        if event.key() in steps:
            moved = self.current + timedelta(days=steps[Qt.Key(event.key())])
            if self.first_day <= moved <= self._today:
                self.current = moved
                self.setAccessibleDescription(self.describe(moved))
                self.update()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
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
