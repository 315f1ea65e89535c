"""What deletes keep for Undo is removed for good once it is more than 30 days old."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from desktop.domain.stories import Rehearsal, StoryDraft
from desktop.profile import Profile
from desktop.store import journal as journal_store
from desktop.store import stories as story_store
from desktop.store.changes import Area, ChangeRecorder
from desktop.store.database import session_scope
from desktop.store.journal import EntryDraft
from desktop.store.journal_trash import JOURNAL_TRASH
from desktop.store.models import DeletedJournalEntry
from desktop.store.story_tables import StoryJournalLink, StoryRehearsal, StoryRow, StoryTheme
from desktop.store.trash_emptying import KEPT_FOR_UNDO, Emptied, empty_old_trash

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
OLD = NOW - KEPT_FOR_UNDO - timedelta(minutes=1)
RECENT = NOW - KEPT_FOR_UNDO + timedelta(minutes=1)


def _entry_and_story(profile: Profile, title: str) -> tuple[int, int]:
    """An entry and a story linked to it, with a theme and a rehearsal."""
    with session_scope(profile.engine) as session:
        entry_id = journal_store.create_entry(
            session=session, draft=EntryDraft(date(2026, 10, 1), title, "text"), now=OLD
        )
        story_id = story_store.create_story(
            session=session,
            draft=StoryDraft(title=title, themes=("ownership",), journal_entry_ids=(entry_id,)),
            now=OLD,
        )
        story_store.log_rehearsal(session=session, rehearsal=Rehearsal(story_id, OLD, 120, 4))
    return entry_id, story_id


def _delete(profile: Profile, ids: tuple[int, int], deleted_at: datetime) -> None:
    entry_id, story_id = ids
    with session_scope(profile.engine) as session:
        story_store.delete_story(session=session, story_id=story_id, now=deleted_at)
        JOURNAL_TRASH.delete(session=session, record_id=entry_id, now=deleted_at)


def _empty(profile: Profile) -> tuple[Emptied, frozenset[Area]]:
    with session_scope(profile.engine) as session:
        recorder = ChangeRecorder(session)
        emptied = empty_old_trash(session=session, now=NOW)
    return emptied, recorder.changes.areas


def test_old_deletes_are_removed_and_recent_ones_kept_for_undo(profile: Profile) -> None:
    old_entry, old_story = old = _entry_and_story(profile, "Old")
    new_entry, new_story = recent = _entry_and_story(profile, "Recent")
    _delete(profile, old, OLD)
    _delete(profile, recent, RECENT)

    emptied, areas = _empty(profile)

    assert emptied == Emptied(entries=1, stories=1)
    assert areas == {Area.JOURNAL, Area.STORIES}
    with session_scope(profile.engine) as session:
        trashed = select(DeletedJournalEntry).where(DeletedJournalEntry.entry_id == old_entry)
        assert session.exec(trashed).first() is None
        assert session.get(StoryRow, old_story) is None
        for table in (StoryTheme, StoryJournalLink, StoryRehearsal):
            kept = session.exec(select(table.story_id)).all()  # type: ignore[attr-defined]
            assert old_story not in kept
        assert session.exec(select(StoryRehearsal.story_id)).all() == [new_story]
        # What is still kept comes back with Undo, as before.
        assert JOURNAL_TRASH.restore(session=session, record_id=new_entry) is not None
        story_store.restore_story(session=session, story_id=new_story)
    with session_scope(profile.engine) as session:
        assert story_store.get_story(session=session, story_id=new_story) is not None


def test_nothing_old_enough_writes_nothing(profile: Profile) -> None:
    _delete(profile, _entry_and_story(profile, "Recent"), RECENT)
    with session_scope(profile.engine) as session:
        story_store.create_story(session=session, draft=StoryDraft(title="Live"), now=OLD)

    emptied, areas = _empty(profile)

    assert emptied == Emptied(entries=0, stories=0)
    assert areas == frozenset()  # no view is told to read again for nothing
