"""How the session went: outcome, confidence, patterns, struggles and design steps covered."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.taxonomy import TagKind, Taxonomy
from desktop.ui.practice.tag_picker import TagPicker
from desktop.ui.widgets.controls import accept_or_cancel
from desktop.ui.widgets.labels import ProblemNote, text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.widgets.radio_rows import arrows_choose

CONFIDENCE_WORDS = {1: "Lost", 2: "Shaky", 3: "Okay", 4: "Solid", 5: "Could teach it"}


class FinishSessionDialog(QDialog):
    def __init__(
        self,
        subject: AttemptSubject,
        started_at: datetime,
        active_seconds: int,
        taxonomy: Taxonomy,
        parent: QWidget | None = None,
        existing: Attempt | None = None,
        *,
        practised: Iterable[str] = (),
        today: date | None = None,
    ) -> None:
        """`practised`: the item's own patterns, ticked for a new attempt. `today` (from the
        app's clock) is the latest day an edited attempt may be moved to."""
        super().__init__(parent)
        self.setWindowTitle("How did it go?" if existing is None else "Edit attempt")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(560)
        self._subject = subject
        self._started_at_value = started_at
        self.result_attempt: Attempt | None = None
        self._existing = existing

        layout = QVBoxLayout(self)
        heading = text_label("Session", "heading")
        heading.setText(subject.title)
        layout.addWidget(heading)

        form = QFormLayout()
        self.minutes = QSpinBox()
        self.minutes.setAccessibleName("Minutes spent")
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(max(1, round(active_seconds / 60)))
        target = f"  (target {subject.target_minutes} min)" if subject.target_minutes else ""
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.minutes)
        minutes_row.addWidget(QLabel(target))
        minutes_row.addStretch(1)
        form.addRow("Time", minutes_row)
        self.day: QDateEdit | None = None
        if existing is not None:
            self.day = QDateEdit()
            self.day.setAccessibleName("Day of the attempt")
            self.day.setCalendarPopup(True)
            self.day.setDisplayFormat("d MMM yyyy")
            local = existing.started_at.astimezone().date()
            self.day.setDate(QDate(local.year, local.month, local.day))
            latest = max(today or local, local)
            self.day.setMaximumDate(QDate(latest.year, latest.month, latest.day))
            day_row = QHBoxLayout()
            day_row.addWidget(self.day)
            day_row.addStretch(1)
            form.addRow("Day", day_row)

        self.outcomes = QButtonGroup(self)
        outcome_row = QHBoxLayout()
        for outcome, hint in (
            (Outcome.SOLVED, "Solved"),
            (Outcome.PARTIAL, "Partly solved"),
            (Outcome.STUCK, "Stuck"),
        ):
            button = QRadioButton(hint)
            button.setAccessibleName(f"Outcome: {hint}")
            button.setProperty("outcome", outcome.value)
            self.outcomes.addButton(button)
            outcome_row.addWidget(button)
        outcome_row.addStretch(1)
        arrows_choose(self.outcomes)
        form.addRow("Outcome", outcome_row)

        self.confidences = QButtonGroup(self)
        confidence_row = QHBoxLayout()
        for value, word in CONFIDENCE_WORDS.items():
            button = QRadioButton(f"{value} {word}")
            button.setAccessibleName(f"Confidence {value}: {word}")
            button.setProperty("confidence", value)
            self.confidences.addButton(button, value)
            confidence_row.addWidget(button)
        confidence_row.addStretch(1)
        arrows_choose(self.confidences)
        form.addRow("Confidence", confidence_row)
        # A design session's steps sit in the form, in as much room as they need: as a tab they
        # left the height of the pattern lists empty below them.
        self.steps: list[QCheckBox] = []
        if subject.kind == "design":
            grid = QGridLayout()
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setVerticalSpacing(2)
            for number, step in enumerate(taxonomy.design_steps):
                box = QCheckBox(step.label)
                box.setAccessibleName(f"Covered: {step.label}")
                box.setToolTip(plain_tip(step.description or ""))
                box.setProperty("step", step.id)
                grid.addWidget(box, number // 2, number % 2)
                self.steps.append(box)
            form.addRow("Steps covered", grid)
        layout.addLayout(form)

        self.tabs = tabs = QTabWidget()
        tabs.setAccessibleName("Patterns and struggles")
        applied = taxonomy.of_kind(TagKind.PATTERN) + taxonomy.of_kind(TagKind.TOPIC)
        self.patterns = TagPicker("Patterns applied", applied)
        tabs.addTab(self.patterns, "Patterns applied")
        struggled = taxonomy.of_kind(TagKind.MISTAKE) + applied
        self.struggles = TagPicker("What I struggled with", struggled)
        tabs.addTab(self.struggles, "Struggled with")
        if existing is None:
            self.patterns.set_chosen(practised)  # the item's own patterns, most likely used
        self.patterns.changed.connect(self._count_in_tabs)
        self.struggles.changed.connect(self._count_in_tabs)
        layout.addWidget(tabs, 1)
        self._count_in_tabs()

        self.problem = ProblemNote("Problem")
        layout.addWidget(self.problem)
        buttons, _save = accept_or_cancel(
            self, "Log session" if existing is None else "Save changes", self._try_accept
        )
        layout.addWidget(buttons)
        if existing is not None:
            self._fill_from(existing)
        if active_seconds > 4 * 3600 and existing is None:
            self.problem.tell(
                "The timer ran for over four hours. If it was left running, set the time you "
                "actually spent."
            )
        self.outcomes.buttons()[0].setFocus()  # keyboard users start with how it went
        self._told_missing = False
        self.outcomes.buttonToggled.connect(self._retell_missing)
        self.confidences.buttonToggled.connect(self._retell_missing)

    def _count_in_tabs(self) -> None:
        """Each tab says how many it has ticked: "Patterns applied (3)"."""
        counted: list[tuple[QWidget, str, int]] = [
            (self.patterns, "Patterns applied", len(self.patterns.chosen())),
            (self.struggles, "Struggled with", len(self.struggles.chosen())),
        ]
        for page, title, count in counted:
            index = self.tabs.indexOf(page)
            if index >= 0:
                self.tabs.setTabText(index, f"{title} ({count})" if count else title)

    def _started_at(self) -> datetime:
        """When the attempt started: on the chosen local day, at the same local time."""
        if self.day is None:
            return self._started_at_value
        chosen = self.day.date()
        local = self._started_at_value.astimezone()
        day = date(chosen.year(), chosen.month(), chosen.day())
        if day == local.date():
            return self._started_at_value
        return datetime.combine(day, local.time()).astimezone()

    def _fill_from(self, attempt: Attempt) -> None:
        for button in self.outcomes.buttons():
            button.setChecked(button.property("outcome") == attempt.outcome.value)
        checked = self.confidences.button(attempt.confidence)
        if checked is not None:
            checked.setChecked(True)
        self.minutes.setValue(max(1, attempt.minutes))
        self.patterns.set_chosen(attempt.patterns)
        self.struggles.set_chosen(attempt.struggles)
        for box in self.steps:
            box.setChecked(box.property("step") in attempt.steps_covered)

    def choose(self, outcome: Outcome, confidence: int) -> None:
        """Pick an outcome and a confidence (keyboard users and tests)."""
        for button in self.outcomes.buttons():
            button.setChecked(button.property("outcome") == outcome.value)
        button = self.confidences.button(confidence)
        if button is not None:
            button.setChecked(True)

    def build_attempt(self) -> Attempt | None:
        outcome = self.outcomes.checkedButton()
        confidence = self.confidences.checkedButton()
        if outcome is None or confidence is None:
            return None
        attempt = Attempt(
            subject=self._subject,
            started_at=self._started_at(),
            active_seconds=self.minutes.value() * 60,
            outcome=Outcome(str(outcome.property("outcome"))),
            confidence=int(confidence.property("confidence")),
            patterns=self.patterns.chosen(),
            struggles=self.struggles.chosen(),
            steps_covered=tuple(str(b.property("step")) for b in self.steps if b.isChecked()),
        )
        if self._existing is not None:
            old = self._existing
            # Tags the pickers do not list (a quiz's topics) stay as they were.
            kept_patterns = tuple(t for t in old.patterns if t not in self.patterns.offered())
            kept_struggles = tuple(t for t in old.struggles if t not in self.struggles.offered())
            attempt = replace(
                attempt,
                patterns=attempt.patterns + kept_patterns,
                struggles=attempt.struggles + kept_struggles,
                id=self._existing.id,
                quiz_correct=self._existing.quiz_correct,
                quiz_total=self._existing.quiz_total,
            )
        return attempt

    def _missing(self) -> str | None:
        """What the user still has to choose, in the words of the form's rows."""
        outcome = self.outcomes.checkedButton() is None
        confidence = self.confidences.checkedButton() is None
        if outcome and confidence:
            return "Choose an Outcome and a Confidence above before logging the session."
        if outcome:
            return "Choose an Outcome above: Solved, Partly solved or Stuck."
        if confidence:
            return "Choose a Confidence above, from 1 (Lost) to 5 (Could teach it)."
        return None

    def _retell_missing(self) -> None:
        """Once told, the note follows the choices: it never asks for one already made."""
        if self._told_missing:
            self.problem.tell(self._missing())

    def _try_accept(self) -> None:
        attempt = self.build_attempt()
        if attempt is None:
            self._told_missing = True
            self.problem.tell(self._missing())
            group = self.outcomes if self.outcomes.checkedButton() is None else self.confidences
            group.buttons()[0].setFocus()  # where the missing choice is
            return
        self.result_attempt = attempt
        self.accept()
