"""The weekly review: the week in numbers, how the weak spots moved, a few questions, and
next week's plan. Saved as a journal entry of the weekly-review kind."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import local_midnight, week_label
from desktop.domain.journal import EntryKind
from desktop.domain.planner import hours_text, unfinished
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
from desktop.store.week_snapshot import logged_between
from desktop.ui.context import AppContext
from desktop.ui.plan.data import load_week, today
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip

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
        label = context.profile.taxonomy.label

        snapshot = load_week(context, week)
        upcoming = load_week(context, self.next_week)
        with session_scope(context.profile.engine) as session:
            before, mocks_before = logged_between(
                session=session, start=local_midnight(week - timedelta(days=7)),
                end=local_midnight(week),
            )  # fmt: skip
        self.numbers = snapshot.numbers
        # Today's items are still open while today runs (a review on Sunday keeps them).
        now_day = today(context)
        self.left_over = [i for i in unfinished(snapshot.items, snapshot.done) if i.day < now_day]
        # The weak spots as ranked at the end of the week, and how often each went wrong.
        self.moves = weak_spot_moves(
            snapshot.weak_spots,
            WeekEvidence(
                frozenset(a.id for a in snapshot.attempts if a.id is not None),
                frozenset(mock.id for mock in snapshot.mocks),
            ),
            WeekEvidence(
                frozenset(a.id for a in before if a.id is not None),
                frozenset(mock.id for mock in mocks_before),
            ),
        )
        self.mocks = [(mock.title, mock.score_percent) for mock in snapshot.mocks]
        carried_keys = {item.target.key for item in self.left_over}
        self.suggestions = [s for s in upcoming.suggestions if s.target.key not in carried_keys]
        self._planned_next = upcoming.items

        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = text_label("Week reviewed", "heading")
        heading.setText(f"Weekly review · {week_label(week)}")
        layout.addWidget(heading)

        numbers = QGridLayout()
        n = self.numbers
        skipped = f" · {n.skipped} skipped" if n.skipped else ""
        facts = (
            ("Sessions", str(n.sessions)),
            ("Time practised", hours_text(n.minutes)),
            ("Planned vs done", f"{n.done} of {n.planned}{skipped}"),
            ("Mock interviews", ", ".join(f"{p:.0f}%" for _t, p in self.mocks) or "none"),
        )
        for column, (name, value) in enumerate(facts):
            figure = text_label(name, "heading", wrap=False)
            figure.setText(value)
            numbers.addWidget(figure, 0, column)
            caption = text_label(f"{name} caption", "muted", wrap=False)
            caption.setText(name)
            numbers.addWidget(caption, 1, column)
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
            form.addRow(title, box)
            self.answers[key] = box
        layout.addWidget(_section("Looking back"))
        layout.addLayout(form)

        layout.addWidget(_section(f"Next week · {week_label(self.next_week)}"))
        self.carry = QCheckBox(
            f"Carry the {len(self.left_over)} unfinished items over to next week"
            if len(self.left_over) != 1
            else "Carry the unfinished item over to next week"
        )
        self.carry.setAccessibleName("Carry unfinished items over")
        self.carry.setChecked(bool(self.left_over))
        self.carry.setVisible(bool(self.left_over))
        layout.addWidget(self.carry)
        self.suggestion_boxes: list[QCheckBox] = []
        budget = n.budget_minutes - sum(i.minutes for i in self.left_over)
        budget -= sum(item.minutes for item in upcoming.items if item.counts)
        for suggestion in self.suggestions:
            tick = QCheckBox(f"{suggestion.target.title} · {suggestion.minutes} min")
            tick.setAccessibleName(f"Plan {suggestion.target.title} next week")
            tick.setToolTip(plain_tip(suggestion.reason))
            fits = suggestion.minutes <= budget
            budget -= suggestion.minutes if fits else 0
            tick.setChecked(fits)
            layout.addWidget(tick)
            why = text_label(f"Why {suggestion.target.title}", "muted")
            why.setText(suggestion.reason)
            why.setContentsMargins(24, 0, 0, 4)  # under the text, not the tick
            layout.addWidget(why)
            self.suggestion_boxes.append(tick)
        if not self.suggestions:
            nothing = text_label("No suggestions", "muted")
            nothing.setText("Nothing to suggest: next week's plan has it all.")
            layout.addWidget(nothing)
        note = text_label("Hint", "muted")
        note.setText(
            "Ticked suggestions go into next week's plan; those that would take it over "
            "your weekly budget go into the week after."
        )
        layout.addWidget(note)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._fit_to_screen(body)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Save review")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def _fit_to_screen(self, body: QWidget) -> None:
        """Tall enough to show the whole review when the screen allows, so the plan for next
        week is in view without scrolling; never taller than most of the screen."""
        screen = self.screen().availableGeometry() if self.screen() else None
        wanted = body.sizeHint().height() + 70  # the buttons and margins
        room = int(screen.height() * 0.85) if screen else 700
        self.resize(max(680, self.minimumWidth()), max(self.minimumHeight(), min(wanted, room)))

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
                    earliest=max(today(self.context), self.next_week), now=now,
                )  # fmt: skip
        except WriteFailed as failure:
            self.saved_entry_id = None
            dialogs.tell_not_saved(self, "The weekly review", failure.reason)
            return
        self.accept()


def _section(title: str) -> QLabel:
    label = text_label(title)
    label.setText(title)
    label.setStyleSheet("font-weight: 600; margin-top: 8px;")
    return label
