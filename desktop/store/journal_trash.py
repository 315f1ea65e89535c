"""Deleting a journal entry so that Undo can bring it back whole.

The entry leaves journal_entry (and with it the text index, the month lists, the counts and
every export) for journal_entry_trash, which keeps its columns and the stories that linked
to it. Stories and attempts mark their rows deleted instead (store/soft_delete.py); the
journal is read in too many places for a mark every query would have to respect.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import Session, col, delete, select

from desktop.store.models import AttemptRow, DeletedJournalEntry, JournalEntry
from desktop.store.story_tables import StoryJournalLink, StoryRow


class JournalTrash:
    """The journal's delete and restore, as desktop/ui/undoable_delete.py pairs them."""

    def delete(self, *, session: Session, record_id: int, now: datetime) -> None:
        """Move the entry to the trash; an unknown id does nothing."""
        row = session.get(JournalEntry, record_id)
        if row is None:
            return
        links = session.exec(
            select(StoryJournalLink.story_id).where(col(StoryJournalLink.entry_id) == record_id)
        ).all()
        kept = DeletedJournalEntry(
            entry_id=record_id,
            deleted_at=now,
            entry=json.dumps(row.model_dump(mode="json")),
            story_ids=",".join(str(story_id) for story_id in links),
        )
        session.add(kept)
        session.exec(delete(StoryJournalLink).where(col(StoryJournalLink.entry_id) == record_id))
        session.delete(row)

    def restore(self, *, session: Session, record_id: int) -> int | None:
        """Bring the entry back with the links of stories that are still there; the id it is
        back under (a new one if, meanwhile, a new entry took its id), or None if it is not
        in the trash."""
        # The newest delete of that id: Undo brings deletes back newest first, and an id
        # freed by one delete may have been given to an entry deleted since.
        kept = session.exec(
            select(DeletedJournalEntry)
            .where(col(DeletedJournalEntry.entry_id) == record_id)
            .order_by(col(DeletedJournalEntry.id).desc())
            .limit(1)
        ).first()
        if kept is None:
            return None
        columns = json.loads(kept.entry)
        if session.get(JournalEntry, record_id) is not None:
            columns.pop("id", None)
        attempt = columns.get("session_id")
        if attempt is not None and session.get(AttemptRow, attempt) is None:
            columns["session_id"] = None
        row = JournalEntry.model_validate(columns)
        session.add(row)
        session.flush()
        assert row.id is not None
        for story_id in (int(part) for part in kept.story_ids.split(",") if part):
            if session.get(StoryRow, story_id) is not None:
                session.add(StoryJournalLink(story_id=story_id, entry_id=row.id))
        session.delete(kept)
        return row.id


JOURNAL_TRASH = JournalTrash()
