"""A database from before the story bank (revision 0002) is backed up, then gains the story
tables; the journal it had is untouched and its entries can be linked from stories."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.domain.stories import StoryDraft
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.migrate import SCHEMA_HEAD, current_revision, run_migrations
from tests.clocks import StepClock

T0 = datetime(2026, 11, 1, 18, 0, tzinfo=UTC)
STORY_TABLES = {"story", "story_theme", "story_journal_link", "story_rehearsal"}


def _tables(database: Path) -> set[str]:
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(row[0]) for row in rows}


def test_a_journal_from_0002_gains_the_story_bank(folder: ProfileFolder) -> None:
    database = folder.database
    run_migrations(database, "0002")
    with closing(sqlite3.connect(database)) as connection:
        connection.execute(
            "INSERT INTO journal_entry (id, entry_date, title, body, kind, tags, word_count, "
            "created_at, updated_at) VALUES (7, '2026-10-30', 'Incident review', 'Pool.', "
            "'note', '', 1, '2026-10-30 18:00:00', '2026-10-30 18:00:00')"
        )
        connection.commit()
    assert not STORY_TABLES & _tables(database)

    profile = open_profile(folder, clock=StepClock())
    try:
        assert current_revision(database) == SCHEMA_HEAD
        assert profile.upgrade_backup is not None and profile.upgrade_backup.exists()
        assert STORY_TABLES | {"custom_story_theme"} <= _tables(database)
        with session_scope(profile.engine) as session:
            story_id = story_store.create_story(
                session=session,
                draft=StoryDraft(title="Outage", journal_entry_ids=(7,)),
                now=T0,
            )
        with session_scope(profile.engine) as session:
            titles = story_store.journal_titles(session=session, entry_ids=(7,))
            story = story_store.get_story(session=session, story_id=story_id)
        assert titles == [(7, date(2026, 10, 30), "Incident review")]
        assert story is not None and story.draft.journal_entry_ids == (7,)
    finally:
        profile.close()
