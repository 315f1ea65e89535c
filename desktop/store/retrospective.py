"""Finishing a practice session: the attempt and its retrospective entry, in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session

from desktop.domain.curriculum import LearningPath
from desktop.domain.fact_lines import refreshed_facts
from desktop.domain.journal import EntryKind, Template
from desktop.domain.practice import Attempt, Outcome
from desktop.domain.progress import ItemStatus
from desktop.store import progress as progress_store
from desktop.store.journal import EntryDraft, create_entry, entry_for_attempt, save_entry
from desktop.store.models import ItemProgress
from desktop.store.practice import get_attempt, log_attempt, update_attempt


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


def update_with_retrospective(
    *,
    session: Session,
    attempt: Attempt,
    template_of: Callable[[str], Template | None],
    facts_of: Callable[[Attempt], dict[str, str]],
    now: datetime,
) -> None:
    """Write the corrected attempt, and carry the change into the facts lines (and the day)
    its retrospective was started with; whatever the user wrote or changed there stays."""
    if attempt.id is None:
        raise ValueError("only a logged attempt can be edited")
    before = get_attempt(session=session, attempt_id=attempt.id)
    update_attempt(session=session, attempt=attempt)
    entry = entry_for_attempt(session=session, attempt_id=attempt.id)
    if before is None or entry is None:
        return
    template = template_of(entry.template_id) if entry.template_id else None
    body = entry.body
    if template is not None:
        body = refreshed_facts(body, template, facts_of(before), facts_of(attempt))
    old_day = before.started_at.astimezone().date()
    day = attempt.started_at.astimezone().date() if entry.entry_date == old_day else None
    draft = EntryDraft(
        entry_date=day or entry.entry_date, title=entry.title, body=body, kind=entry.kind,
        tags=entry.tags, template_id=entry.template_id, attempt_id=entry.attempt_id,
        path_id=entry.path_id, item_id=entry.item_id,
    )  # fmt: skip
    save_entry(session=session, entry_id=entry.id, draft=draft, now=now)


SOLVED_WITH = 3  # confidence ("Okay") from which a solved session finishes its item


def advance_item(
    *, session: Session, path: LearningPath | None, attempt: Attempt, now: datetime
) -> ItemStatus | None:
    """Move the attempt's item on: solved with confidence of Okay or better, it is Done
    (whatever it was: the user can set it back); otherwise a first session on a to-do item
    (shipped or the user's own) starts it. The new status, or None if it did not change."""
    item_id = attempt.subject.item_id
    if path is None or not item_id:
        return None
    done = attempt.outcome is Outcome.SOLVED and attempt.confidence >= SOLVED_WITH
    row = session.get(ItemProgress, (path.id, item_id))
    current = ItemStatus(row.status) if row is not None else ItemStatus.TODO
    status = ItemStatus.DONE if done else ItemStatus.IN_PROGRESS
    if current is status or (not done and current is not ItemStatus.TODO):
        return None
    stage_items = [(stage.id, item) for stage in path.stages for item in stage.items]
    stage_items += [
        (record.stage_id, record.item)
        for record in progress_store.custom_items(session=session, path_id=path.id)
    ]
    for stage_id, item in stage_items:
        if item.id == item_id:
            progress_store.set_status(
                session=session, path_id=path.id, stage_id=stage_id, item=item,
                status=status, now=now,
            )  # fmt: skip
            return status
    return None
