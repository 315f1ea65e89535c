"""Logging a finished session and opening its retrospective, shared by the timer and the quiz."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop.domain.curriculum import LearningPath
from desktop.domain.practice import Attempt, retrospective_facts
from desktop.domain.progress import ItemStatus
from desktop.store.errors import WriteFailed
from desktop.store.retrospective import advance_item, log_with_retrospective
from desktop.ui.context import AppContext
from desktop.ui.widgets import dialogs


def record_attempt(context: AppContext, attempt: Attempt, parent: QWidget | None) -> int | None:
    """Save the attempt with a pre-filled retrospective and show it; the entry id, or None."""
    profile = context.profile
    subject = attempt.subject
    path = _path_of(context, attempt)
    is_design = subject.kind == "design"
    template = profile.template("design-retrospective" if is_design else "retrospective")
    facts = facts_of(context, attempt)
    try:
        with context.writing() as session:
            _attempt_id, entry_id = log_with_retrospective(
                session=session, attempt=attempt, template=template, facts=facts,
                now=context.now(),
            )  # fmt: skip
            moved = advance_item(
                session=session, path=path, attempt=attempt, now=attempt.started_at
            )
    except WriteFailed as failure:
        dialogs.tell_not_saved(parent, "The session", failure.reason)
        return None
    if moved is ItemStatus.DONE:
        _say(f"“{subject.title}” is marked done. You can set it back on the Learning path.")
    context.events.open_journal_entry.emit(entry_id)
    return entry_id


def facts_of(context: AppContext, attempt: Attempt) -> dict[str, str]:
    """The facts a retrospective of the attempt is filled with, in this profile's words."""
    taxonomy = context.profile.taxonomy
    path = _path_of(context, attempt)
    return retrospective_facts(
        attempt,
        label=taxonomy.label,
        design_steps=taxonomy.design_step_ids,
        path_title=path.title if path else "",
    )


def _path_of(context: AppContext, attempt: Attempt) -> LearningPath | None:
    path_id = attempt.subject.path_id
    return next((p for p in context.profile.library.paths if p.id == path_id), None)


def _say(text: str) -> None:
    """In the main window's status bar (the session window closes once it is logged)."""
    for window in QApplication.topLevelWidgets():
        if isinstance(window, QMainWindow) and window.isVisible():
            window.statusBar().showMessage(text, 10000)
