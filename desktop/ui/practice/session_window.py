"""The timer that runs while the user practises: elapsed time against the target, pause, finish."""

from __future__ import annotations

import contextlib
import uuid

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.domain.practice import Attempt, AttemptSubject, SessionClock
from desktop.store.running_sessions import (
    RunningSession,
    forget_running_session,
    save_running_session,
)
from desktop.ui.context import AppContext
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.practised import item_patterns
from desktop.ui.practice.recording import record_attempt
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.clock_face import ClockFace, clock_text, pause_or_resume, timer_buttons
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.window_keys import FINISH_SESSION, bind

REFRESH_MS = 500
RECORD_EVERY_MS = 60 * 1000  # a crash loses at most the last minute of a session


class PracticeSessionWindow(QDialog):
    def __init__(
        self, context: AppContext, subject: AttemptSubject, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.subject = subject
        self.clock = SessionClock(started_at=context.now())
        self.record_key = uuid.uuid4().hex
        self.logged_entry: int | None = None
        self._finished = False
        self.setWindowTitle(f"Practising: {subject.title}")
        self.setAccessibleName("Practice session")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(380)
        self.setMaximumWidth(560)
        # The main window asks before quitting while this is open (see MainWindow.closeEvent).
        self.setProperty("holds_unsaved_work", True)

        layout = QVBoxLayout(self)
        title = text_label("What you are practising", "heading")
        title.setText(_shortened(subject.title, 90))
        title.setToolTip(plain_tip(subject.title))
        layout.addWidget(title)
        self.face = ClockFace("Time spent", "Time against target", "Target")
        self.elapsed, self.bar, self.target = self.face.elapsed, self.face.bar, self.face.target
        layout.addWidget(self.face)

        buttons = timer_buttons(
            self.toggle_pause,
            ("Discard this session", self.close),
            ("Finish…", "Finish and log this session", self.finish),
        )
        self.pause_button, self.discard_button = buttons.pause, buttons.discard
        self.finish_button = buttons.finish
        bind(self.finish_button, FINISH_SESSION)
        layout.addLayout(buttons.row)

        self._ticker = QTimer(self)
        self._ticker.setInterval(REFRESH_MS)
        self._ticker.timeout.connect(self.refresh)
        self._ticker.start()
        self._recorder = QTimer(self)
        self._recorder.setInterval(RECORD_EVERY_MS)
        self._recorder.timeout.connect(self.save_record)
        self._recorder.start()
        self.save_record()
        self.refresh()

    def save_record(self) -> None:
        """Keep the session's record on disk up to date, so a crash does not lose it."""
        if self._finished:
            return
        record = RunningSession.of(self.record_key, self.subject, self.clock, self.context.now())
        # A disk that refuses the record must not stop the timer: the session itself still
        # runs and is logged as usual; only the crash safety net is missing.
        with contextlib.suppress(OSError):
            save_running_session(self.context.profile.folder.running_sessions_file, record)

    def forget_record(self) -> None:
        with contextlib.suppress(OSError):  # left behind, it is offered again at start-up
            forget_running_session(
                self.context.profile.folder.running_sessions_file, self.record_key
            )

    def refresh(self) -> None:
        seconds = self.clock.elapsed_seconds(self.context.now())
        target = self.subject.target_minutes
        if not target:
            message = "No target time"
        elif seconds > target * 60:
            message = f"Over the {target} min target by {clock_text(seconds - target * 60)}"
        else:
            message = f"Target {target} min"
        self.face.show_time(seconds, self.clock.running, target * 60 if target else None, message)

    def toggle_pause(self) -> None:
        pause_or_resume(self.clock, self.context.now(), self.pause_button)
        self.save_record()
        self.refresh()

    def finish(self) -> None:
        was_running = self.clock.running
        if was_running:
            self.toggle_pause()
        attempt = self.ask_outcome()
        if attempt is None:
            if was_running:
                self.toggle_pause()  # changed their mind: keep timing
            return
        entry = record_attempt(self.context, attempt, self)
        if entry is not None:
            self.logged_entry = entry
            self._finished = True
            self.forget_record()
            self.close()

    def ask_outcome(self) -> Attempt | None:
        dialog = FinishSessionDialog(
            self.subject,
            self.clock.started_at,
            self.clock.elapsed_seconds(self.context.now()),
            self.context.profile.taxonomy,
            self,
            practised=item_patterns(self.context, self.subject),
        )
        dialog.exec()
        dialog.deleteLater()
        return dialog.result_attempt

    def _may_leave(self) -> bool:
        """True once logged, or once the user agrees to drop the session."""
        if not self._finished and not dialogs.confirm(
            self,
            "Discard this session?",
            "The time on this session will not be logged.",
            "Discard",
        ):
            return False
        self._finished = True
        self._ticker.stop()
        self._recorder.stop()
        self.forget_record()
        self.setProperty("holds_unsaved_work", False)
        return True

    def reject(self) -> None:
        """Esc asks too, like the close button: a running session is never dropped silently."""
        if self._may_leave():
            super().reject()

    def discard_without_asking(self) -> None:
        self._finished = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave():
            event.ignore()
            return
        super().closeEvent(event)


def start_session(
    context: AppContext, subject: AttemptSubject, parent: QWidget | None
) -> PracticeSessionWindow:
    window = PracticeSessionWindow(context, subject, parent)
    window.show()
    window.raise_()
    return window


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
