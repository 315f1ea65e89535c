"""The multiple-choice quiz, one question at a time, with the explanation after each answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.practice import Attempt, AttemptSubject, outcome_from_quiz
from desktop.domain.quiz import Quiz, QuizRun
from desktop.ui.context import AppContext
from desktop.ui.practice.finish_dialog import CONFIDENCE_WORDS
from desktop.ui.practice.recording import record_attempt
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.restyle import repolish
from desktop.ui.window_keys import ANSWER_QUIZ

# 1 to 6, or A to F, choose the choice shown in that place.
_ANSWER_NUMBERS = {
    **{Qt.Key(Qt.Key.Key_1.value + n): n + 1 for n in range(6)},
    **{Qt.Key(Qt.Key.Key_A.value + n): n + 1 for n in range(6)},
}
CONFIDENCE_KEYS = ("1", "2", "3", "4", "5")  # the score screen's ratings


class QuizDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        quiz: Quiz,
        subject: AttemptSubject,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.subject = subject
        self.run = QuizRun(quiz)
        self.started_at = context.now()
        self.logged_entry: int | None = None
        # The item's own title, as the path and plan show it: the quiz file's title may be
        # written another way ("System design questions" for "System Design questions").
        title = subject.title or quiz.title
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        # As tall as the question needs, growing when an explanation needs more (see
        # _grow_to_fit): a fixed height left half the dialog empty under a short question.
        self.setMinimumWidth(620)

        layout = QVBoxLayout(self)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Questions answered")
        self.progress.setRange(0, self.run.total)
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        self.counter = text_label("Question number", "muted", wrap=False)
        layout.addWidget(self.counter)
        self.prompt = text_label("Question")
        self.prompt.setProperty("role", "heading")
        layout.addWidget(self.prompt)
        self.choice_group = QButtonGroup(self)
        self.choices: list[QRadioButton] = []
        for number in range(6):
            button = QRadioButton()
            button.setAccessibleName(f"Choice {number + 1}")
            self.choice_group.addButton(button, number + 1)
            self.choices.append(button)
            layout.addWidget(button)
        self.feedback = text_label("Explanation")
        layout.addWidget(self.feedback)
        self.confidence_group = QButtonGroup(self)
        self.confidence_row = QWidget()
        row = QHBoxLayout(self.confidence_row)
        row.setContentsMargins(0, 0, 0, 0)
        ask = text_label("Confidence question", wrap=False)
        ask.setText("How confident do you feel now?")
        row.addWidget(ask)
        for value, word in CONFIDENCE_WORDS.items():
            button = QRadioButton(f"{value} {word}")
            button.setAccessibleName(f"Confidence {value}: {word}")
            self.confidence_group.addButton(button, value)
            row.addWidget(button)
        self.confidence_group.button(3).setChecked(True)
        layout.addWidget(self.confidence_row)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.check_button = push_button(
            "Check answer", "Check the answer", self.check, default=True
        )
        buttons.addWidget(self.check_button)
        self.next_button = push_button("Next question", "Next question", self.advance)
        buttons.addWidget(self.next_button)
        self.log_button = push_button(
            "Log score and write retrospective", "Log the score and write a retrospective", self.log
        )
        buttons.addWidget(self.log_button)
        layout.addLayout(buttons)
        self._show_question()

    def _show_question(self) -> None:
        question = self.run.current
        self.progress.setValue(self.run.answered)
        self.feedback.setText("")
        repolish(self.feedback, "role", None)
        if question is None:
            self._show_summary()
            return
        # The keys said where they are used, so a user finds them without the shortcuts sheet.
        last = len(question.choices)
        keys = f"press 1\u2013{last} or A\u2013{chr(ord('A') + last - 1)} to choose"
        self.counter.setText(f"Question {self.run.position + 1} of {self.run.total} · {keys}")
        self.prompt.setText(question.prompt)
        self.choice_group.setExclusive(False)
        for number, button in enumerate(self.choices):
            visible = number < len(question.choices)
            button.setVisible(visible)
            button.setEnabled(True)
            button.setChecked(False)
            if visible:
                button.setText(question.choices[number])
        self.choice_group.setExclusive(True)
        self.check_button.show()
        self.next_button.hide()
        self.log_button.hide()
        self.confidence_row.hide()
        self.choices[0].setFocus()  # each question starts at its first choice
        self._grow_to_fit()

    def choose(self, choice: int) -> None:
        self.choices[choice - 1].setChecked(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A number or letter picks that choice, and Enter then checks it; on the score screen
        a number picks the confidence. Only keys no child took reach here, so a text box
        keeps the digits and letters typed into it."""
        number = _ANSWER_NUMBERS.get(Qt.Key(event.key())) if ANSWER_QUIZ.matches(event) else None
        if self.confidence_row.isVisible():
            # The score screen asks how confident the user feels: a digit answers that.
            # Only 1-5: int() refuses some characters isdigit() accepts ("²").
            digit = event.text()
            rating = self.confidence_group.button(int(digit)) if digit in CONFIDENCE_KEYS else None
            if rating is not None:
                rating.setChecked(True)
                rating.setFocus()
                return
            super().keyPressEvent(event)
            return
        button = self.choices[number - 1] if number is not None else None
        if button is not None and button.isVisible() and button.isEnabled():
            self.choose(number or 0)
            button.setFocus()
            return
        super().keyPressEvent(event)

    def check(self) -> None:
        question = self.run.current
        chosen = self.choice_group.checkedId()
        focused = next((choice for choice in self.choices if choice.hasFocus()), None)
        if chosen < 1 and focused is not None:
            # The arrow keys move between choices without ticking one: Enter means this one.
            # (Clicking Check takes the focus, so a mouse user still picks an answer first.)
            focused.setChecked(True)
            chosen = self.choice_group.checkedId()
        if question is None or chosen < 1:
            repolish(self.feedback, "role", "warning")
            self.feedback.setText("Pick an answer first.")
            return
        right = self.run.answer(chosen)
        self.progress.setValue(self.run.answered)
        repolish(self.feedback, "role", "success" if right else "warning")
        verdict = (
            "Right."
            if right
            else f"Not quite. The answer is: {question.choices[question.answer - 1]}."
        )
        self.feedback.setText(f"{verdict}\n\n{question.explanation}")
        for number, button in enumerate(self.choices, start=1):
            button.setEnabled(False)
            if number == question.answer:
                button.setText(f"{button.text()}   ✓ right answer")
            elif number == chosen:
                button.setText(f"{button.text()}   ✗ your answer")
        self.check_button.hide()
        self.next_button.show()
        self.next_button.setText(
            "See your score" if self.run.position + 1 == self.run.total else "Next question"
        )
        self.next_button.setFocus()
        self._grow_to_fit()

    def advance(self) -> None:
        self.run.next()
        self._show_question()

    def _show_summary(self) -> None:
        self.counter.setText("Finished · press 1\u20135 to say how confident you feel")
        self.prompt.setText(f"You got {self.run.correct} of {self.run.total} right.")
        label = self.context.profile.taxonomy.label
        missed = [label(topic) for topic in self.run.missed_topics()]
        self.feedback.setText(
            "Worth revisiting: " + ", ".join(missed[:6]) + "." if missed else "Nothing missed."
        )
        for button in self.choices:
            button.hide()
        self.check_button.hide()
        self.next_button.hide()
        self.confidence_row.show()
        self.log_button.show()
        self.log_button.setFocus()
        self._grow_to_fit(shrink=True)  # the questions are over: no room kept for them

    def _grow_to_fit(self, *, shrink: bool = False) -> None:
        """Taller when the text shown needs it, never shorter (unless asked): the buttons stay
        put from one question to the next once the longest has been seen."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return  # showing sizes it to what it holds
        layout.activate()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalSizeHint().height()
        if needed > self.height() or shrink:
            self.resize(self.width(), needed)

    def build_attempt(self) -> Attempt:
        seconds = int((self.context.now() - self.started_at).total_seconds())
        return Attempt(
            subject=self.subject,
            started_at=self.started_at,
            active_seconds=max(seconds, 0),
            outcome=outcome_from_quiz(self.run.correct, self.run.answered or self.run.total),
            confidence=max(1, self.confidence_group.checkedId()),
            struggles=self.run.missed_topics(),
            quiz_correct=self.run.correct,
            quiz_total=self.run.answered,
        )

    def reject(self) -> None:
        """Esc or Close: ask first once answers would be lost."""
        if (
            self.logged_entry is None
            and self.run.answered
            and not dialogs.confirm(
                self,
                "Leave the quiz?",
                f"You have answered {self.run.answered} of {self.run.total} questions. "
                "Leaving now does not log your score.",
                "Leave",
            )
        ):
            return
        super().reject()

    def log(self) -> None:
        entry = record_attempt(self.context, self.build_attempt(), self)
        if entry is not None:
            self.logged_entry = entry
            self.accept()
