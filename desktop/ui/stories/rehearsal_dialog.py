"""Rehearse a story out loud against the clock, then rate how it went; each one is logged."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.practice import SessionClock
from desktop.domain.stories import (
    RATINGS,
    TARGET_SECONDS,
    Rehearsal,
    Section,
    Story,
    brief,
    duration_text,
)
from desktop.store import stories as story_store
from desktop.ui.context import AppContext
from desktop.ui.saving import created_or_told
from desktop.ui.widgets.clock_face import ClockFace, clock_text, pause_or_resume, timer_buttons
from desktop.ui.widgets.controls import line_edit, push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.radio_rows import arrows_choose
from desktop.ui.window_keys import FINISH_REHEARSAL, RATE_REHEARSAL, bind

REFRESH_MS = 250
_RATING_WORDS = {1: "Lost my way", 2: "Shaky", 3: "Fine", 4: "Good", 5: "Nailed it"}


class RehearsalDialog(QDialog):
    def __init__(self, context: AppContext, story: Story, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.story = story
        self.clock = SessionClock(started_at=context.now())
        self.logged_id: int | None = None
        self._seconds = 0
        self.setWindowTitle(f"Rehearsing: {story.title}")
        self.setAccessibleName("Rehearse a story")
        self.setMinimumWidth(440)
        self.setMaximumWidth(640)

        layout = QVBoxLayout(self)
        title = text_label("Story being rehearsed", "heading")
        title.setText(story.title)
        layout.addWidget(title)
        cues = text_label("Cues")
        cues.setText(
            "\n".join(f"{s.label[0]}  {brief(story.draft.section(s), 110) or '—'}" for s in Section)
        )
        cues.setProperty("role", "muted")
        layout.addWidget(cues)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_timer_page())
        self.pages.addWidget(self._build_rating_page())
        layout.addWidget(self.pages)

        self._ticker = QTimer(self)
        self._ticker.setInterval(REFRESH_MS)
        self._ticker.timeout.connect(self.refresh)
        self._ticker.start()
        self.refresh()

    def _build_timer_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.face = ClockFace("Time spoken", "Time against three minutes", "Aim")
        self.elapsed, self.bar, self.target = self.face.elapsed, self.face.bar, self.face.target
        layout.addWidget(self.face)
        buttons = timer_buttons(
            self.toggle_pause,
            ("Stop without logging", self.reject),
            ("Done", FINISH_REHEARSAL.what, self.finish),
        )
        self.pause_button, self.done_button = buttons.pause, buttons.finish
        bind(self.done_button, FINISH_REHEARSAL)
        layout.addLayout(buttons.row)
        return page

    def _build_rating_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.spoken = text_label("How long it took")
        layout.addWidget(self.spoken)
        question = text_label("How did it go?", "muted")
        question.setText("How did it go?")
        layout.addWidget(question)
        row = QHBoxLayout()
        self.ratings = QButtonGroup(self)
        for value, key in zip(RATINGS, RATE_REHEARSAL.sequences(), strict=True):
            button = QRadioButton(f"{value} · {_RATING_WORDS[value]}")
            button.setAccessibleName(f"Rate {value} of 5: {_RATING_WORDS[value]}")
            # The number picks it (the note box keeps digits typed into it: a line edit
            # takes printable keys before any shortcut does).
            button.setShortcut(key)
            self.ratings.addButton(button, value)
            row.addWidget(button)
        arrows_choose(self.ratings)
        self.ratings.idToggled.connect(lambda _id, _on: self._update_log_button())
        layout.addLayout(row)
        self.note = line_edit("Note on this rehearsal", "What to tighten next time (optional)")
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        again = push_button("Go again", "Start the timer again without logging", self.restart)
        buttons.addWidget(again)
        self.log_button = push_button(
            "Log rehearsal", "Log this rehearsal", self.log, enabled=False
        )
        buttons.addWidget(self.log_button)
        layout.addLayout(buttons)
        return page

    # Timing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        seconds = self.clock.elapsed_seconds(self.context.now())
        low, high = TARGET_SECONDS
        if seconds > high:
            message = f"Over three minutes by {clock_text(seconds - high)}"
        elif seconds >= low:
            message = "In the two-to-three-minute range"
        else:
            message = "Aim for two to three minutes"
        self.face.show_time(seconds, self.clock.running, high, message)

    def toggle_pause(self) -> None:
        pause_or_resume(self.clock, self.context.now(), self.pause_button)
        self.refresh()

    def finish(self) -> None:
        """Stop the clock and ask how it went."""
        if self.clock.running:
            self.toggle_pause()
        self._seconds = self.clock.elapsed_seconds(self.context.now())
        self._ticker.stop()
        # "2 min 10 s", as the story's own timing reads, not a stopwatch's "02:10".
        self.spoken.setText(f"You spoke for {duration_text(self._seconds)}.")
        self.pages.setCurrentIndex(1)
        # The keys go to the ratings (Done, which had them, is gone with the timer page).
        self.ratings.buttons()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        # Once rated (with the arrow keys, say), Enter logs it, as Enter logs a practice
        # session. Set here, in the dialog: Pause, focused on the timer, was the default.
        self.log_button.setDefault(True)

    def restart(self) -> None:
        self.clock = SessionClock(started_at=self.context.now())
        self.pause_button.setText("Pause")
        self.pages.setCurrentIndex(0)
        self._ticker.start()
        self.refresh()

    def choose_rating(self, value: int) -> None:
        self.ratings.button(value).setChecked(True)

    def _update_log_button(self) -> None:
        self.log_button.setEnabled(self.ratings.checkedId() in RATINGS)

    def log(self) -> None:
        rating = self.ratings.checkedId()
        if rating not in RATINGS:
            return
        rehearsal = Rehearsal(
            self.story.id, self.clock.started_at, self._seconds, rating, self.note.text()
        )
        self.logged_id = created_or_told(
            self.context,
            self,
            "The rehearsal",
            lambda session: story_store.log_rehearsal(session=session, rehearsal=rehearsal),
        )
        if self.logged_id is not None:
            self.accept()

    # Leaving -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc or Discard: drop the rehearsal without logging it (a few minutes at most)."""
        self._ticker.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._ticker.stop()
        super().closeEvent(event)
