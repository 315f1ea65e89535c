"""Logging a finished session and opening its retrospective, shared by the timer and the quiz."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from desktop.domain.curriculum import LearningPath
from desktop.domain.practice import Attempt, retrospective_facts
from desktop.domain.progress import ItemStatus
from desktop.store import progress as progress_store
from desktop.store.errors import WriteFailed
from desktop.store.models import ItemProgress
from desktop.store.retrospective import log_with_retrospective
from desktop.ui.context import AppContext
from desktop.ui.widgets import dialogs


def record_attempt(context: AppContext, attempt: Attempt, parent: QWidget | None) -> int | None:
    """Save the attempt with a pre-filled retrospective and show it; the entry id, or None."""
    profile = context.profile
    subject = attempt.subject
    path = next((p for p in profile.library.paths if p.id == subject.path_id), None)
    is_design = subject.kind == "design"
    template = profile.template("design-retrospective" if is_design else "retrospective")
    taxonomy = profile.taxonomy
    facts = retrospective_facts(
        attempt,
        label=taxonomy.label,
        design_steps=[step.id for step in taxonomy.design_steps],
        path_title=path.title if path else "",
    )
    try:
        with context.writing() as session:
            _attempt_id, entry_id = log_with_retrospective(
                session=session, attempt=attempt, template=template, facts=facts,
                now=context.now(),
            )  # fmt: skip
            started = _mark_started(session, attempt, path)
    except WriteFailed as failure:
        dialogs.tell_not_saved(parent, "The session", failure.reason)
        return None
    context.events.sessions_changed.emit()
    context.events.journal_changed.emit()
    if started and subject.path_id:
        context.events.progress_changed.emit(subject.path_id)
    context.events.open_journal_entry.emit(entry_id)
    return entry_id


def _mark_started(session: Session, attempt: Attempt, path: LearningPath | None) -> bool:
    """A first session on a to-do item moves it to In progress (the user decides on Done)."""
    subject = attempt.subject
    if path is None or not subject.item_id:
        return False
    row = session.get(ItemProgress, (path.id, subject.item_id))
    if row is not None and row.status != ItemStatus.TODO.value:
        return False
    for stage in path.stages:
        for item in stage.items:
            if item.id == subject.item_id:
                progress_store.set_status(
                    session=session, path_id=path.id, stage_id=stage.id, item=item,
                    status=ItemStatus.IN_PROGRESS, now=attempt.started_at,
                )  # fmt: skip
                return True
    return False
