"""Log or correct a mock interview: when, which round, with whom, scores, feedback, weak spots."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.mocks import RUBRIC, SCORE_RANGE, SCORE_WORDS, MockInterview, MockKind
from desktop.domain.taxonomy import Taxonomy
from desktop.store.errors import WriteFailed
from desktop.ui.practice.tag_picker import TagPicker
from desktop.ui.widgets.controls import accept_or_cancel, combo_box, line_edit, spin_box
from desktop.ui.widgets.labels import ProblemNote, text_label

# Writes the mock (and, when asked, its journal entry); raises WriteFailed if it cannot.
SaveMock = Callable[[MockInterview, bool], None]


class MockInterviewDialog(QDialog):
    """The dialog saves through `save` itself, so a failed write keeps everything typed."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        now: datetime,
        save: SaveMock,
        parent: QWidget | None = None,
        existing: MockInterview | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle("Log a mock interview" if existing is None else "Edit mock interview")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(600)
        self._existing = existing
        self.result_mock: MockInterview | None = None
        self._score_boxes: dict[str, QComboBox] = {}

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.held_at = QDateTimeEdit()
        self.held_at.setAccessibleName("When it was held")
        self.held_at.setCalendarPopup(True)
        self.held_at.setDisplayFormat("d MMM yyyy, HH:mm")
        held = (existing.held_at if existing else now).astimezone()
        self.held_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(held.timestamp())))
        form.addRow("When", self.held_at)
        self.kind = combo_box("Kind of round")
        for kind in MockKind:
            self.kind.addItem(kind.label, kind.value)
        form.addRow("Round", self.kind)
        self.with_whom = line_edit(
            "With whom or on which platform", "A friend, a colleague, or a platform such as Pramp"
        )
        form.addRow("With", self.with_whom)
        self.minutes = spin_box("Length in minutes", 1, 480, 60, suffix=" min")
        form.addRow("Length", self.minutes)
        layout.addLayout(form)

        rubric_heading = text_label("Rubric", "heading")
        rubric_heading.setText("Scores")
        layout.addWidget(rubric_heading)
        self.rubric_hint = text_label("Rubric hint", "muted")
        self.rubric_hint.setText(
            "Score what the round covered, 1 (well below the bar) to 4 (strong). "
            "Leave a dimension at “not scored” if it did not come up."
        )
        layout.addWidget(self.rubric_hint)
        self.rubric = QGridLayout()
        layout.addLayout(self.rubric)

        columns = QHBoxLayout()
        feedback_box = QVBoxLayout()
        feedback_box.addWidget(QLabel("Feedback (Markdown)"))
        self.feedback = QPlainTextEdit()
        self.feedback.setTabChangesFocus(True)  # Tab goes on to the weak spots
        self.feedback.setAccessibleName("Interviewer feedback")
        self.feedback.setPlaceholderText("What they said, as close to their words as you can.")
        feedback_box.addWidget(self.feedback)
        columns.addLayout(feedback_box, 3)
        exposed_box = QVBoxLayout()
        exposed_box.addWidget(QLabel("Weak spots it exposed"))
        entries = [entry for group in taxonomy.groups for entry in group.entries]
        self.exposed = TagPicker("Weak spots exposed", entries)
        exposed_box.addWidget(self.exposed)
        columns.addLayout(exposed_box, 2)
        layout.addLayout(columns, 1)

        self.journal = QCheckBox("Also keep it in the journal")
        self.journal.setAccessibleName("Also write a journal entry")
        self.journal.setChecked(existing is None)
        self.journal.setVisible(existing is None)
        layout.addWidget(self.journal)
        self.problem = ProblemNote("Problem")
        layout.addWidget(self.problem)
        buttons, _save = accept_or_cancel(self, "Save", self.accept_if_valid)
        layout.addWidget(buttons)

        self.kind.currentIndexChanged.connect(lambda _index: self._build_rubric())
        if existing is not None:
            self.kind.setCurrentIndex(self.kind.findData(existing.kind.value))
            self.with_whom.setText(existing.with_whom)
            self.minutes.setValue(existing.minutes)
            self.feedback.setPlainText(existing.feedback)
            self.exposed.set_chosen(existing.exposed)
        self._build_rubric()
        if existing is not None:
            for dimension, score in existing.scores.items():
                self.set_score(dimension, score)

    def _build_rubric(self) -> None:
        kept = {key: box.currentData() for key, box in self._score_boxes.items()}
        while self.rubric.count():
            taken = self.rubric.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self._score_boxes = {}
        for row, (key, label) in enumerate(RUBRIC[self.chosen_kind()]):
            name = QLabel(label)
            box = combo_box(f"Score for {label}")
            box.addItem("not scored", None)
            for score in SCORE_RANGE:
                box.addItem(f"{score} · {SCORE_WORDS[score]}", score)
            box.setCurrentIndex(max(0, box.findData(kept.get(key))))
            name.setBuddy(box)
            self.rubric.addWidget(name, row // 2, (row % 2) * 2)
            self.rubric.addWidget(box, row // 2, (row % 2) * 2 + 1)
            self._score_boxes[key] = box

    def chosen_kind(self) -> MockKind:
        return MockKind(self.kind.currentData())

    def set_kind(self, kind: MockKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def set_score(self, dimension: str, score: int) -> None:
        box = self._score_boxes[dimension]
        box.setCurrentIndex(box.findData(score))

    def build_mock(self) -> MockInterview:
        """The mock as entered; ValueError says what is missing or wrong."""
        scores = {
            key: int(box.currentData())
            for key, box in self._score_boxes.items()
            if box.currentData() is not None
        }
        held = self.held_at.dateTime().toPython()
        assert isinstance(held, datetime)
        return MockInterview(
            held_at=held.astimezone(),  # the local time the user typed, made explicit
            kind=self.chosen_kind(),
            scores=scores,
            with_whom=self.with_whom.text().strip(),
            feedback=self.feedback.toPlainText(),
            exposed=self.exposed.chosen(),
            minutes=self.minutes.value(),
            id=self._existing.id if self._existing else 0,
            journal_entry_id=self._existing.journal_entry_id if self._existing else None,
        )

    def accept_if_valid(self) -> None:
        try:
            mock = self.build_mock()
        except ValueError as problem:
            self.problem.tell(f"Not saved yet: {problem}.")
            return
        try:
            self._save(mock, self.wants_journal_entry)
        except WriteFailed as failure:
            self.problem.tell(f"Not saved: {failure.reason}. Everything you entered is still here.")
            return
        except LookupError as problem:
            self.problem.tell(f"Not saved: {problem}.")
            return
        self.result_mock = mock
        self.accept()

    @property
    def wants_journal_entry(self) -> bool:
        return self.journal.isChecked() and self._existing is None


def ask_for_mock(
    taxonomy: Taxonomy,
    now: datetime,
    parent: QWidget | None,
    save: SaveMock,
    existing: MockInterview | None = None,
) -> MockInterview | None:
    """Show the dialog until the mock is saved through `save` (the saved mock) or the user
    cancels (None). Tests replace this function instead of clicking through the dialog."""
    dialog = MockInterviewDialog(taxonomy, now, save, parent, existing)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    accepted = dialog.exec()
    saved = dialog.result_mock
    dialog.deleteLater()
    return saved if accepted else None
