"""A quiz by keyboard alone: the arrows pick a choice, Enter checks it and moves on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.practice import AttemptSubject
from desktop.ui.context import AppContext
from desktop.ui.practice.quiz_dialog import QuizDialog


def test_a_quiz_runs_on_arrows_and_enter(qtbot, context: AppContext) -> None:
    quiz = context.profile.quiz("system-design-quiz")
    assert quiz is not None
    dialog = QuizDialog(context, quiz, AttemptSubject(quiz.title, kind="quiz", target_minutes=10))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.choices[0].hasFocus)
    for number in range(2):
        qtbot.keyClick(dialog.choices[0], Qt.Key.Key_Down)  # focus on choice 2, none ticked
        assert dialog.choices[1].hasFocus()
        qtbot.keyClick(dialog.choices[1], Qt.Key.Key_Return)  # means "this one"
        assert dialog.run.answered == number + 1
        assert "Pick an answer" not in dialog.feedback.text()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # next question
        assert dialog.choices[0].hasFocus()  # the next question starts at its first choice
