"""Finishing a practice session: the attempt and its retrospective entry, in one transaction."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from desktop.domain.journal import EntryKind, Template
from desktop.domain.practice import Attempt
from desktop.store.journal import EntryDraft, create_entry
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
        session_id=attempt_id,
        path_id=subject.path_id,
        item_id=subject.item_id,
    )
    return attempt_id, create_entry(session=session, draft=draft, now=now)
