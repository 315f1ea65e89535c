"""A quiz by keyboard alone: the arrows pick a choice, Enter checks it and moves on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.domain.practice import AttemptSubject
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.practice.quiz_dialog import QuizDialog
from desktop.ui.shortcuts_sheet import ShortcutsSheet, shortcut_groups


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


def _quiz(qtbot, context: AppContext) -> QuizDialog:
    quiz = context.profile.quiz("system-design-quiz")
    assert quiz is not None
    dialog = QuizDialog(context, quiz, AttemptSubject(quiz.title, kind="quiz", target_minutes=10))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.choices[0].hasFocus)
    return dialog


def test_number_and_letter_keys_choose_an_answer(qtbot, context: AppContext) -> None:
    dialog = _quiz(qtbot, context)
    qtbot.keyClick(dialog.choices[0], Qt.Key.Key_3)
    assert dialog.choice_group.checkedId() == 3 and dialog.choices[2].hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B)
    assert dialog.choice_group.checkedId() == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # checks choice 2
    assert dialog.run.answered == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)  # answered: the choices are shut
    assert dialog.choice_group.checkedId() == 2 and dialog.run.answered == 1
    shown = sum(button.isVisibleTo(dialog) for button in dialog.choices)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # next question
    qtbot.keyClick(dialog.choices[0], Qt.Key.Key_6 if shown < 6 else Qt.Key.Key_7)
    assert dialog.choice_group.checkedId() == -1  # no such choice: nothing ticked


def test_on_the_score_screen_a_number_picks_the_confidence(qtbot, context: AppContext) -> None:
    dialog = _quiz(qtbot, context)
    while dialog.run.current is not None:
        dialog.choose(1)
        dialog.check()
        dialog.advance()
    assert dialog.confidence_row.isVisible() and dialog.confidence_group.checkedId() == 3
    assert "press 1\u20135" in dialog.counter.text()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)
    assert dialog.confidence_group.checkedId() == 5
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_9)  # no such rating: kept
    assert dialog.confidence_group.checkedId() == 5
    qtbot.keyClicks(QApplication.focusWidget(), "\u00b2")  # a digit to isdigit(), not to int()
    assert dialog.confidence_group.checkedId() == 5
    assert dialog.build_attempt().confidence == 5


def test_a_text_box_keeps_the_keys_typed_into_it(qtbot, context: AppContext) -> None:
    dialog = _quiz(qtbot, context)
    box = QLineEdit(dialog)
    layout = dialog.layout()
    assert layout is not None
    layout.addWidget(box)
    box.show()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "2a")
    assert box.text() == "2a" and dialog.choice_group.checkedId() == -1


def test_the_shortcuts_sheet_lists_the_quiz_keys(qtbot, context: AppContext) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    groups = dict(shortcut_groups(window))
    assert groups["In a quiz"] == [
        ("Choose an answer (then Enter checks it)", "1, 2, 3, 4, 5, 6, A, B, C, D, E, F")
    ]


def test_the_question_line_says_which_keys_choose(qtbot, context: AppContext) -> None:
    dialog = _quiz(qtbot, context)
    question = dialog.run.current
    assert question is not None and len(question.choices) == 4
    assert dialog.counter.text().endswith("press 1\u20134 or A\u2013D to choose")


def test_the_sheets_keys_column_fits_the_quiz_keys(qtbot, context: AppContext) -> None:
    """Fitted to Qt's measure of its contents, the column drew the quiz's keys as "1, 2, 3,
    ... D, …" under the theme's cell padding (seen in the screenshots): it now leaves room."""
    window = build_main_window(context)
    qtbot.addWidget(window)
    sheet = ShortcutsSheet(shortcut_groups(window), window)
    qtbot.addWidget(sheet)
    sheet.show()
    qtbot.waitExposed(sheet)
    keys = "1, 2, 3, 4, 5, 6, A, B, C, D, E, F"
    wanted = sheet.tree.fontMetrics().horizontalAdvance(keys)
    room = sheet.tree.fontMetrics().horizontalAdvance("MM")
    assert sheet.tree.header().sectionSize(1) >= wanted + room
