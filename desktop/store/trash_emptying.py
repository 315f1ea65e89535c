"""Emptying what deletes keep for Undo once it is too old to be wanted back.

A deleted journal entry waits in journal_entry_trash, a deleted story stays in story marked
deleted; Undo can bring either back. Neither was ever removed, so ten years of deletes stayed
in the file (and in every backup). After KEPT_FOR_UNDO they are removed for good.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, select

from desktop.store.models import DeletedJournalEntry
from desktop.store.story_tables import StoryJournalLink, StoryRehearsal, StoryRow, StoryTheme

KEPT_FOR_UNDO = timedelta(days=30)


@dataclass(frozen=True)
class Emptied:
    entries: int
    stories: int


def empty_old_trash(*, session: Session, now: datetime) -> Emptied:
    """Remove entries and stories deleted more than KEPT_FOR_UNDO before `now`. Nothing is
    written when there is nothing to remove, so no view is told to read again for nothing."""
    cutoff = now - KEPT_FOR_UNDO
    old_entries = col(DeletedJournalEntry.deleted_at) < cutoff
    entries = len(session.exec(select(DeletedJournalEntry.entry_id).where(old_entries)).all())
    if entries:
        session.exec(delete(DeletedJournalEntry).where(old_entries))
    old_stories = select(StoryRow.id).where(
        col(StoryRow.deleted_at).is_not(None), col(StoryRow.deleted_at) < cutoff
    )
    stories = len(session.exec(old_stories).all())
    if stories:
        for table in (StoryTheme, StoryJournalLink, StoryRehearsal):
            session.exec(delete(table).where(col(table.story_id).in_(old_stories)))
        session.exec(delete(StoryRow).where(col(StoryRow.id).in_(old_stories)))
    return Emptied(entries, stories)
