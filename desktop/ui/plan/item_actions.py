"""What the Plan page does to one planned item: write a change to the plan, or start it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from desktop.domain.planner import PlanItem
from desktop.store.errors import WriteFailed
from desktop.ui.context import AppContext
from desktop.ui.widgets import dialogs


def write_plan(
    context: AppContext, parent: QWidget | None, what: str, change: Callable[[Session], object]
) -> bool:
    """Make one change to the plan in its own session; say so if it cannot be saved."""
    try:
        with context.writing() as session:
            change(session)
    except WriteFailed as failure:
        dialogs.tell_not_saved(parent, what, failure.reason)
        return False
    except (LookupError, ValueError) as problem:
        dialogs.tell_problem(parent, "Not changed", str(problem).capitalize() + ".")
        return False
    return True


def start_item(context: AppContext, item: PlanItem, parent: QWidget | None) -> QWidget | None:
    """Time a session on a planned item; a quiz item runs its quiz, as on the learning path."""
    from desktop.ui.practice.session_window import start_session

    target = item.target
    subject = target.subject(item.minutes)
    if target.kind == "quiz" and target.item_id is not None:
        from desktop.domain.path_file import PathFileError
        from desktop.ui.practice.quiz_dialog import QuizDialog

        try:
            quiz = context.profile.quiz(target.item_id)
        except PathFileError as problem:
            dialogs.tell_file_problems(
                parent, "The quiz cannot be opened", problem, "Fix the quiz file and try again."
            )
            return None
        if quiz is not None:
            dialog = QuizDialog(context, quiz, subject, parent)
            dialog.open()
            return dialog
    return start_session(context, subject, parent)
