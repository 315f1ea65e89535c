"""The big running clock of a timed session or rehearsal: time so far, a bar against the
target, and a line that says where that leaves you. It shows; its dialog keeps the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.domain.practice import SessionClock
from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.restyle import repolish
from desktop.ui.window_keys import PAUSE, bind


def clock_text(seconds: int) -> str:
    minutes, rest = divmod(max(0, seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{rest:02d}" if hours else f"{minutes:02d}:{rest:02d}"


class ClockFace(QWidget):
    def __init__(
        self, time_name: str, bar_name: str, target_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.elapsed = text_label(time_name, wrap=False)
        font = QFont(self.elapsed.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.elapsed.setFont(font)
        self.elapsed.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.elapsed)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(bar_name)
        self.bar.setTextVisible(False)
        layout.addWidget(self.bar)
        self.target = text_label(target_name, "muted", wrap=False)
        self.target.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.target)

    def show_time(self, seconds: int, running: bool, limit: int | None, message: str) -> None:
        """`limit` (seconds) fills the bar, which turns to a warning past it; None hides it."""
        over = limit is not None and seconds > limit
        self.elapsed.setText(clock_text(seconds))
        repolish(self.elapsed, "role", None if running else "muted")
        self.bar.setVisible(limit is not None)
        if limit is not None:
            self.bar.setRange(0, limit)
            self.bar.setValue(min(seconds, limit))
            repolish(self.bar, "over", over)
        self.target.setText(("" if running else "Paused · ") + message)
        repolish(self.target, "role", "warning" if over else "muted")


def pause_button(toggle: Callable[[], None]) -> QPushButton:
    """The Pause / Resume button every timed dialog has, on Ctrl+P."""
    button = push_button("Pause", PAUSE.what, toggle)
    bind(button, PAUSE)
    return button


class TimerButtons(NamedTuple):
    row: QHBoxLayout
    pause: QPushButton
    discard: QPushButton
    finish: QPushButton


def timer_buttons(
    toggle: Callable[[], None],
    discard: tuple[str, Callable[[], object]],
    finish: tuple[str, str, Callable[[], object]],
) -> TimerButtons:
    """Every timed dialog's row: Pause and Discard on the left, then the default button that
    stops the clock on the right (each dialog binds its keys from window_keys). `discard` is
    its accessible name and action; `finish` its text, accessible name and action."""
    row = QHBoxLayout()
    pause = pause_button(toggle)
    row.addWidget(pause)
    discard_button = push_button("Discard", *discard)
    row.addWidget(discard_button)
    row.addStretch(1)
    text, name, on_finish = finish
    finish_button = push_button(text, name, on_finish, default=True)
    row.addWidget(finish_button)
    return TimerButtons(row, pause, discard_button, finish_button)


def pause_or_resume(clock: SessionClock, now: datetime, button: QPushButton) -> None:
    """Pause a running clock or resume a paused one, and name what the button does next."""
    if clock.running:
        clock.pause(now)
        button.setText("Resume")
    else:
        clock.resume(now)
        button.setText("Pause")
