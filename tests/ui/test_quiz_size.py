"""The quiz dialog is as tall as what it shows: no empty half under a short question, and
room for an explanation once the answer is checked."""

from __future__ import annotations

from desktop.domain.practice import AttemptSubject
from desktop.ui.context import AppContext
from desktop.ui.practice.quiz_dialog import QuizDialog

SUBJECT = AttemptSubject("System design questions", kind="quiz", target_minutes=30)


def _needed(dialog: QuizDialog) -> int:
    layout = dialog.layout()
    assert layout is not None and layout.hasHeightForWidth()
    return layout.totalHeightForWidth(dialog.width())


def test_the_quiz_opens_as_tall_as_its_question(qtbot, context: AppContext) -> None:
    quiz = context.profile.quiz("system-design-quiz")
    assert quiz is not None
    dialog = QuizDialog(context, quiz, SUBJECT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Within two lines of what it holds (a fixed 460 px once left half of it empty).
    assert dialog.height() <= _needed(dialog) + 2 * dialog.fontMetrics().height()

    dialog.choose(quiz.questions[0].answer % len(quiz.questions[0].choices) + 1)
    dialog.check()  # a wrong answer: the longest feedback
    feedback = dialog.feedback
    qtbot.waitUntil(lambda: feedback.height() >= feedback.heightForWidth(feedback.width()))
    assert dialog.height() >= _needed(dialog)
    below = dialog.next_button.mapTo(dialog, dialog.next_button.rect().topLeft()).y()
    assert below >= feedback.mapTo(dialog, feedback.rect().bottomLeft()).y()

    opened = dialog.height()
    dialog.advance()  # the next question may be shorter: the buttons stay where they were
    assert dialog.height() == opened

    while dialog.run.current is not None:
        dialog.choose(1)
        dialog.check()
        dialog.advance()
    assert dialog.log_button.isVisible()  # the score: only as tall as it needs
    assert dialog.height() <= _needed(dialog) + 2 * dialog.fontMetrics().height()
    dialog.logged_entry = 1  # closing asks nothing
