"""Finishing a practice session: the attempt and its retrospective entry, in one transaction."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from desktop.domain.curriculum import LearningPath
from desktop.domain.journal import EntryKind, Template
from desktop.domain.practice import Attempt
from desktop.domain.progress import ItemStatus
from desktop.store import progress as progress_store
from desktop.store.journal import EntryDraft, create_entry
from desktop.store.models import ItemProgress
from desktop.store.practice import log_attempt


def log_with_retrospective(
    *,
    session: Session,
    attempt: Attempt,
    template: Template | None,
    facts: dict[str, str],
    now: datetime,
) -> tuple[int, int]:
    """Log the attempt and open a retrospective for it; returns (attempt id, entry id)."""
    attempt_id = log_attempt(session=session, attempt=attempt, now=now)
    subject = attempt.subject
    draft = EntryDraft(
        entry_date=attempt.started_at.astimezone().date(),
        title=f"{subject.title}: retrospective",
        body=template.fill(facts) if template else "",
        kind=template.header.kind if template else EntryKind.RETROSPECTIVE,
        tags=tuple(tag for tag in (subject.kind,) if tag),
        template_id=template.id if template else None,
        attempt_id=attempt_id,
        path_id=subject.path_id,
        item_id=subject.item_id,
    )
    return attempt_id, create_entry(session=session, draft=draft, now=now)


def start_item_if_new(
    *, session: Session, path: LearningPath | None, item_id: str | None, now: datetime
) -> bool:
    """A first session on a to-do item (shipped or the user's own) moves it to In progress.

    The user decides when it is Done. Returns True if the status changed.
    """
    if path is None or not item_id:
        return False
    row = session.get(ItemProgress, (path.id, item_id))
    if row is not None and row.status != ItemStatus.TODO.value:
        return False
    stage_items = [(stage.id, item) for stage in path.stages for item in stage.items]
    stage_items += [
        (record.stage_id, record.item)
        for record in progress_store.custom_items(session=session, path_id=path.id)
    ]
    for stage_id, item in stage_items:
        if item.id == item_id:
            progress_store.set_status(
                session=session, path_id=path.id, stage_id=stage_id, item=item,
                status=ItemStatus.IN_PROGRESS, now=now,
            )  # fmt: skip
            return True
    return False
