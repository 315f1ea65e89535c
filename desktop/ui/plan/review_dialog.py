"""The weekly review: the week in numbers, how the weak spots moved, a few questions, and
next week's plan. Saved as a journal entry of the weekly-review kind."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import week_label
from desktop.domain.journal import EntryKind
from desktop.domain.planner import PlanItem, hours_text, unfinished
from desktop.domain.suggestions import Suggestion
from desktop.domain.weekly_review import (
    REFLECTION_PROMPTS,
    WeekEvidence,
    review_markdown,
    weak_spot_moves,
)
from desktop.store import journal as journal_store
from desktop.store import plan as plan_store
from desktop.store.database import session_scope
from desktop.store.errors import WriteFailed
from desktop.ui.context import AppContext
from desktop.ui.plan.data import today
from desktop.ui.plan.review_read import ReviewRead, review_reader
from desktop.ui.read_failures import tell_read_failure
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.controls import accept_or_cancel
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.widgets.waiting import wait_until

TITLE_BAR_ROOM = 60  # the window manager's title bar and frame
ARROWS = {"up": "▲ more often", "down": "▼ less often", "same": "● as often"}


class WeeklyReviewDialog(QDialog):
    def __init__(self, context: AppContext, week: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.week = week
        self.next_week = week + timedelta(days=7)
        self.saved_entry_id: int | None = None
        self.setWindowTitle("Weekly review")
        self.setAccessibleName("Weekly review")
        self.setMinimumSize(560, 420)
        self.ready = False  # the week is read and the review on show
        self._asking = 0  # the latest read asked for; a closed dialog drops what comes
        self.outer = QVBoxLayout(self)
        self.busy = _busy_note()
        self.outer.addWidget(self.busy, 1)
        self.resize(680, self.minimumHeight())
        # Two weeks' advice weighs a year of history: read on a worker, the window answering.
        self._asking += 1
        asking = self._asking
        context.workers.run(
            review_reader(context, week),
            lambda read: self._received(asking, read),
            lambda error: self._received(asking, error),
            owner=self,
        )

    def wait_until_read(self, timeout_seconds: float = 30) -> bool:
        """Turn the event loop until the review is on show (screenshots and tests)."""
        return wait_until(lambda: self.ready, timeout_seconds=timeout_seconds)

    def reject(self) -> None:
        """Esc, Cancel or the close button: what was written under Looking back is not
        dropped without asking."""
        answers = getattr(self, "answers", {})
        if any(box.toPlainText().strip() for box in answers.values()) and not dialogs.confirm(
            self,
            "Discard this review?",
            "What you wrote under Looking back has not been saved and will be lost.",
            "Discard",
        ):
            return
        super().reject()

    def done(self, result: int) -> None:
        self._asking += 1  # a read still on its way is not wanted now
        super().done(result)

    def _received(self, asking: int, result: ReviewRead | BaseException) -> None:
        if asking != self._asking:
            return  # the dialog was closed meanwhile
        if not isinstance(result, ReviewRead):
            tell_read_failure(self, "read the week for its review", result)
            self.reject()
            return
        # Built on the next turn of the event loop, outside the worker's hand-over.
        QTimer.singleShot(0, self, lambda: self._show(result))

    def _show(self, read: ReviewRead) -> None:
        self.busy.hide()
        self._show_read(read)
        self.ready = True

    def _show_read(self, read: ReviewRead) -> None:
        context, week = self.context, self.week
        label = context.profile.taxonomy.label
        snapshot, upcoming = read.reviewed, read.upcoming
        self.numbers = snapshot.numbers
        # Today's items are still open while today runs (a review on Sunday keeps them).
        now_day = today(context)
        self.left_over = [i for i in unfinished(snapshot.items, snapshot.done) if i.day < now_day]
        # The weak spots as ranked at the end of the week, and how often each went wrong.
        self.moves = weak_spot_moves(
            read.weak_spots,
            WeekEvidence(
                frozenset(a.id for a in snapshot.attempts if a.id is not None),
                frozenset(mock.id for mock in snapshot.mocks),
            ),
            read.week_before,
        )
        self.mocks = [(mock.title, mock.score_percent) for mock in snapshot.mocks]
        carried_keys = {item.target.key for item in self.left_over}
        self.suggestions = [s for s in read.suggestions if s.target.key not in carried_keys]
        self._planned_minutes = sum(item.minutes for item in upcoming.items if item.counts)

        outer = self.outer
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = text_label("Week reviewed", "heading")
        heading.setText(f"Weekly review · {week_label(week)}")
        layout.addWidget(heading)

        numbers = QGridLayout()
        numbers.setHorizontalSpacing(16)
        n = self.numbers
        skipped = f", {n.skipped} skipped" if n.skipped else ""
        facts = (
            (str(n.sessions), "Sessions"),
            (hours_text(n.minutes), "Time practised"),
            (f"{n.done} of {n.planned}", f"Planned items done{skipped}"),
            (", ".join(f"{p:.0f}%" for _t, p in self.mocks) or "none", "Mock interview scores"),
        )
        # Figures and captions wrap inside equal columns, so none runs into the next.
        for column, (value, name) in enumerate(facts):
            figure = text_label(name, "heading")
            figure.setText(value)
            numbers.addWidget(figure, 0, column)
            caption = text_label(f"{name} caption", "muted")
            caption.setText(name)
            numbers.addWidget(caption, 1, column, Qt.AlignmentFlag.AlignTop)
            numbers.setColumnStretch(column, 1)
        self.figures = numbers
        layout.addLayout(numbers)

        layout.addWidget(_section("How the weak spots moved"))
        self.moves_label = text_label("How the weak spots moved")
        lines = [
            f"{label(m.tag)}: {m.now} this week, {m.before} the week before ({ARROWS[m.direction]})"
            for m in self.moves[:6]
        ]
        self.moves_label.setText(
            "\n".join(lines) or "None of your weak spots came up this week or the week before."
        )
        layout.addWidget(self.moves_label)

        self.answers: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for key, title, hint in REFLECTION_PROMPTS:
            box = QPlainTextEdit()
            box.setAccessibleName(title)
            box.setPlaceholderText(hint)
            box.setFixedHeight(52)  # three short lines; the dialog scrolls for more
            box.setTabChangesFocus(True)  # Tab goes on to the next question
            form.addRow(title, box)
            self.answers[key] = box
        layout.addWidget(_section("Looking back"))
        layout.addLayout(form)
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.setWhatsThis("Save the weekly review")  # how the shortcuts sheet lists it
        save_key.activated.connect(self.save)  # as in the journal: Ctrl+S saves

        self.today = today(context)
        self.plans_name = planned_week_name(self.next_week, self.today)
        layout.addWidget(_section(f"{self.plans_name}, {week_label(self.next_week, short=True)}"))
        where = self.plans_name.lower()
        self.carry = QCheckBox(
            f"Carry the {len(self.left_over)} unfinished items over to {where}, same weekdays"
            if len(self.left_over) != 1
            else f"Carry the unfinished item over to {where}, same weekday"
        )
        self.carry.setAccessibleName("Carry unfinished items over")
        self.carry.setChecked(bool(self.left_over))
        self.carry.setVisible(bool(self.left_over))
        self.carry.toggled.connect(self._update_plan)
        layout.addWidget(self.carry)
        self.suggestion_boxes: list[QCheckBox] = []
        self.destinations: list[QLabel] = []
        budget = n.budget_minutes - sum(i.minutes for i in self.left_over)
        budget -= sum(item.minutes for item in upcoming.items if item.counts)
        for suggestion in self.suggestions:
            row = QHBoxLayout()
            tick = QCheckBox(f"{suggestion.target.title} · {suggestion.minutes} min")
            tick.setAccessibleName(f"Plan {suggestion.target.title}")
            tick.setToolTip(plain_tip(suggestion.reason))
            fits = suggestion.minutes <= budget
            budget -= suggestion.minutes if fits else 0
            tick.setChecked(fits)
            tick.toggled.connect(self._update_plan)
            row.addWidget(tick, 1)
            destination = text_label(f"Where {suggestion.target.title} goes", "muted", wrap=False)
            destination.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(destination)
            layout.addLayout(row)
            why = text_label(f"Why {suggestion.target.title}", "muted")
            why.setText(suggestion.reason)
            why.setContentsMargins(24, 0, 0, 4)  # under the text, not the tick
            layout.addWidget(why)
            self.suggestion_boxes.append(tick)
            self.destinations.append(destination)
        if not self.suggestions:
            nothing = text_label("No suggestions", "muted")
            nothing.setText("Nothing to suggest: the plan has it all.")
            layout.addWidget(nothing)
        note = text_label("Hint", "muted")
        note.setText(
            "Each ticked suggestion goes on the emptiest day left, as shown beside it; "
            "what would take the week over your weekly budget goes into the week after."
        )
        layout.addWidget(note)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        footer = QHBoxLayout()
        self.total = text_label("Planned time against the budget", "strong")
        footer.addWidget(self.total, 1)
        buttons, _save = accept_or_cancel(self, "Save review", self.save)
        footer.addWidget(buttons)
        outer.addLayout(footer)  # outside the scroll area: always in view
        self._update_plan()
        self._fit(body)

    def _fit(self, body: QWidget) -> None:
        """Tall enough for the whole review when there is room, never taller than the window
        it opens over or the screen (the body scrolls; the buttons stay in view)."""
        wanted = body.sizeHint().height() + 80  # the footer and margins
        room = 700
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry().height() - TITLE_BAR_ROOM
        parent = self.parentWidget()
        owner = parent.window() if parent is not None else None
        width = 680
        if owner is not None and owner.isVisible():
            room = min(room, max(owner.height(), self.minimumHeight()))
            width = min(width, max(owner.width(), self.minimumWidth()))
        self.resize(max(width, self.minimumWidth()), max(self.minimumHeight(), min(wanted, room)))
        if self.isVisible():
            self._recentre(owner)

    def _recentre(self, owner: QWidget | None) -> None:
        """Grown once the week is read, the dialog is centred again over the window it
        opened on and kept on the screen: growing from where it opened small pushed Save
        below the bottom of an 800-pixel screen."""
        frame = self.frameGeometry()
        if owner is not None and owner.isVisible():
            frame.moveCenter(owner.frameGeometry().center())
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            frame.moveTop(max(area.top(), min(frame.top(), area.bottom() - frame.height())))
            frame.moveLeft(max(area.left(), min(frame.left(), area.right() - frame.width())))
        self.move(frame.topLeft())

    # Where the plan goes ------------------------------------------------------------------

    def _carried(self) -> list[PlanItem]:
        return self.left_over if self.carry.isChecked() else []

    def placements(self) -> list[date | None]:
        """The day each suggestion would go on if saved now (None: not ticked)."""
        chosen = self.chosen_suggestions()
        with session_scope(self.context.profile.engine) as session:
            days = plan_store.suggestion_days_for(
                session=session, week=self.next_week, minutes=[s.minutes for s in chosen],
                earliest=max(self.today, self.next_week),
                also=[(i.day + timedelta(days=7), i.minutes) for i in self._carried()],
            )  # fmt: skip
        by_suggestion = dict(zip(map(id, chosen), days, strict=True))
        return [by_suggestion.get(id(s)) for s in self.suggestions]

    def _update_plan(self) -> None:
        """Say where each ticked suggestion goes and how the week stands against the budget."""
        placed = self.placements()
        week_after = self.next_week + timedelta(days=7)
        for label, day in zip(self.destinations, placed, strict=True):
            if day is None:
                label.setText("")
            elif day >= week_after:
                label.setText(f"→ {_day(day)}, week after")
            else:
                label.setText(f"→ {_day(day)}")
        planned = self._planned_minutes + sum(i.minutes for i in self._carried())
        planned += sum(
            s.minutes
            for s, day in zip(self.suggestions, placed, strict=True)
            if day is not None and day < week_after
        )
        budget = self.numbers.budget_minutes
        text = f"{self.plans_name}: {hours_text(planned)} of {hours_text(budget)} planned"
        if planned > budget:
            text += f", {hours_text(planned - budget)} over"
        later = sum(1 for day in placed if day is not None and day >= week_after)
        if later:
            text += f" · {later} to the week after"
        self.total.setText(text)

    def chosen_suggestions(self) -> list[Suggestion]:
        if not self.suggestions:
            return []
        return [
            suggestion
            for box, suggestion in zip(self.suggestion_boxes, self.suggestions, strict=True)
            if box.isChecked()
        ]

    def set_answer(self, key: str, text: str) -> None:
        self.answers[key].setPlainText(text)

    def save(self) -> None:
        """Write the journal entry and next week's plan in one go; on failure keep it all here."""
        label = self.context.profile.taxonomy.label
        chosen = self.chosen_suggestions()
        carried = self.left_over if self.carry.isChecked() else []
        next_titles = [item.target.title for item in carried] + [s.target.title for s in chosen]
        body = review_markdown(
            self.week,
            self.numbers,
            [(label(move.tag), move) for move in self.moves],
            self.mocks,
            {key: box.toPlainText() for key, box in self.answers.items()},
            next_titles,
        )
        now = self.context.now()
        try:
            with self.context.writing() as session:
                self.saved_entry_id = journal_store.create_entry(
                    session=session,
                    draft=journal_store.EntryDraft(
                        entry_date=today(self.context),
                        title=f"Weekly review, {week_label(self.week)}",
                        body=body,
                        kind=EntryKind.WEEKLY_REVIEW,
                        tags=("weekly-review",),
                        template_id="weekly-review",
                    ),
                    now=now,
                )
                plan_store.carry_over(session=session, items=carried, now=now)
                plan_store.add_suggestions(
                    session=session, week=self.next_week, suggestions=chosen,
                    earliest=max(self.today, self.next_week), now=now,
                )  # fmt: skip
        except WriteFailed as failure:
            self.saved_entry_id = None
            dialogs.tell_not_saved(self, "The weekly review", failure.reason)
            return
        self.accept()


def planned_week_name(week: date, today: date) -> str:
    """What the user calls the week being planned: a review written late plans this week."""
    if week <= today < week + timedelta(days=7):
        return "This week"
    if week > today and week - today <= timedelta(days=7):
        return "Next week"
    return "The week"


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _busy_note() -> QWidget:
    note = QWidget()
    column = QVBoxLayout(note)
    column.addStretch(1)
    text = text_label("Reading your week", "muted")
    text.setText("Reading your week…")
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    column.addWidget(text)
    bar = QProgressBar()
    bar.setAccessibleName("Reading your week")
    bar.setRange(0, 0)  # moves without a measure: how long is not known
    bar.setTextVisible(False)
    bar.setMaximumWidth(240)
    column.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
    column.addStretch(1)
    return note


def _section(title: str) -> QLabel:
    label = text_label(title)
    label.setText(title)
    label.setStyleSheet("font-weight: 600; margin-top: 8px;")
    return label
