"""A profile from before the journal's index knew word forms (0008) is upgraded to 0009: its
entries are indexed again with the Porter stemmer and found by other forms of their words."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import journal as journal_store
from desktop.store.backup import backup_database
from desktop.store.database import session_scope
from desktop.store.migrate import SCHEMA_HEAD, current_revision, run_migrations, upgrade_database
from tests.clocks import StepClock

T0 = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
OLD_ENTRIES = (
    (1, "2026-02-01", "Payments API", "Made the handler idempotent with a request key."),
    (2, "2026-02-02", "Queue consumer", "Every retry waits longer than the one before."),
    (3, "2026-02-03", "Read path", "Put a cache in front of the profile service."),
)


def _build_0008_database(database: Path) -> None:
    """A profile as 0008 left it: entries indexed word for word, without stemming."""
    run_migrations(database, "0008")
    with closing(sqlite3.connect(database)) as connection:
        for entry_id, day, title, body in OLD_ENTRIES:
            connection.execute(
                "INSERT INTO journal_entry (id, entry_date, title, body, kind, tags, word_count,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, 'note', '', 8, ?, ?)",
                (entry_id, day, title, body, T0.isoformat(" "), T0.isoformat(" ")),
            )
        connection.commit()


def _tokenizer(database: Path) -> str:
    with closing(sqlite3.connect(database)) as connection:
        row = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'journal_search'"
        ).fetchone()
    return str(row[0])


def _found(folder: ProfileFolder, typed: str) -> list[int]:
    profile = open_profile(folder, clock=StepClock())
    try:
        with session_scope(profile.engine) as session:
            return [h.entry_id for h in journal_store.search_entries(session=session, typed=typed)]
    finally:
        profile.close()


def _index_is_whole(database: Path) -> None:
    with closing(sqlite3.connect(database)) as connection:
        # FTS5's own check: the index holds exactly what journal_entry says, tokenized anew.
        connection.execute("INSERT INTO journal_search(journal_search) VALUES ('integrity-check')")
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_before_the_upgrade_other_word_forms_are_not_found(folder: ProfileFolder) -> None:
    _build_0008_database(folder.database)
    with closing(sqlite3.connect(folder.database)) as connection:
        found = connection.execute(
            "SELECT rowid FROM journal_search WHERE journal_search MATCH '\"idempotency\"'"
        ).fetchall()
    assert found == []
    assert "porter" not in _tokenizer(folder.database)


def test_the_upgrade_indexes_existing_entries_by_word_forms(folder: ProfileFolder) -> None:
    _build_0008_database(folder.database)

    backup = upgrade_database(folder.database, folder.backups_dir, clock=StepClock())

    assert backup is not None and current_revision(backup) == "0008"
    assert current_revision(folder.database) == SCHEMA_HEAD
    assert "porter unicode61 remove_diacritics 2" in _tokenizer(folder.database)
    _index_is_whole(folder.database)
    assert _found(folder, "idempotency") == [1]
    assert _found(folder, "retries") == [2]
    assert _found(folder, "caching") == [3]
    assert _found(folder, "idem") == [1]  # the last word still matches as a prefix


def test_after_the_upgrade_new_edited_and_deleted_entries_keep_the_index_in_step(
    folder: ProfileFolder,
) -> None:
    _build_0008_database(folder.database)
    upgrade_database(folder.database, folder.backups_dir, clock=StepClock())
    profile = open_profile(folder, clock=StepClock())
    try:
        with session_scope(profile.engine) as session:
            new_id = journal_store.create_entry(
                session=session,
                draft=journal_store.EntryDraft(T0.date(), "Sharding", "Shards rebalanced."),
                now=T0,
            )
            journal_store.save_entry(
                session=session,
                entry_id=2,
                draft=journal_store.EntryDraft(T0.date(), "Queue consumer", "Backoff tuned."),
                now=T0,
            )
            journal_store.delete_entry(session=session, entry_id=3)
    finally:
        profile.close()

    _index_is_whole(folder.database)
    assert _found(folder, "sharded") == [new_id]
    assert _found(folder, "retries") == []
    assert _found(folder, "backoff") == [2]
    assert _found(folder, "caches") == []


def test_restoring_a_backup_from_before_stemming_finds_word_forms(
    tmp_path: Path, folder: ProfileFolder
) -> None:
    open_profile(folder, clock=StepClock()).close()
    old = tmp_path / "old" / "loopwise.sqlite3"
    old.parent.mkdir()
    _build_0008_database(old)
    backup = backup_database(old, folder.backups_dir, "manual", now=T0)
    profile = open_profile(folder, clock=StepClock())
    try:
        profile.restore(backup)
    finally:
        profile.close()

    assert current_revision(folder.database) == SCHEMA_HEAD
    _index_is_whole(folder.database)
    assert _found(folder, "retries") == [2]


def test_the_downgrade_puts_back_the_index_without_stemming(folder: ProfileFolder) -> None:
    from alembic import command
    from alembic.config import Config

    from desktop.store.database import make_engine
    from desktop.store.migrate import MIGRATIONS_DIR

    _build_0008_database(folder.database)
    run_migrations(folder.database)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = make_engine(folder.database)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0008")
    finally:
        engine.dispose()

    assert current_revision(folder.database) == "0008"
    assert "porter" not in _tokenizer(folder.database)
    _index_is_whole(folder.database)
    with closing(sqlite3.connect(folder.database)) as connection:
        match = "SELECT rowid FROM journal_search WHERE journal_search MATCH ?"
        assert connection.execute(match, ('"idempotent"',)).fetchall() == [(1,)]
        assert connection.execute(match, ('"idempotency"',)).fetchall() == []
