"""Migrations: a new database is created by them, and an existing one is backed up first."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

# Every table module, so SQLModel.metadata knows the whole schema.
import desktop.store.models
import desktop.store.plan_tables
import desktop.store.story_tables  # noqa: F401
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store.database import make_engine
from desktop.store.health import DatabaseProblem
from desktop.store.migrate import (
    SCHEMA_HEAD,
    alembic_head,
    current_revision,
    known_revisions,
    upgrade_database,
)
from tests.clocks import StepClock

# The model tables, plus the full-text index of the journal and the tables SQLite keeps for it.
FTS_TABLES = {f"journal_search{suffix}" for suffix in ("", "_data", "_idx", "_docsize", "_config")}
APP_TABLES = {
    "item_progress",
    "status_change",
    "custom_item",
    "practice_session",
    "session_tag",
    "journal_entry",
    "journal_entry_trash",
    "story",
    "story_theme",
    "story_journal_link",
    "story_rehearsal",
    "custom_story_theme",
    "plan_item",
    "mock_interview",
    "mock_score",
    "mock_exposed",
    "planner_setting",
} | FTS_TABLES
# Made by migration 0008 (and by the model's index=True on a fresh database).
SESSION_INDEX = "ix_journal_entry_session_id"
_VERSION_TABLE = "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"


def _tables(database: Path) -> set[str]:
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    return {str(row[0]) for row in rows}


def _execute(database: Path, *statements: str) -> None:
    with closing(sqlite3.connect(database)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


def _backups(folder: ProfileFolder) -> list[Path]:
    backups = folder.backups_dir
    return sorted(backups.iterdir()) if backups.exists() else []


def test_schema_head_constant_matches_the_newest_migration() -> None:
    assert alembic_head() == SCHEMA_HEAD
    assert SCHEMA_HEAD in known_revisions()


def test_fresh_profile_database_is_created_by_migrations(profile: Profile) -> None:
    database = profile.folder.database

    assert database.is_file()
    assert _tables(database) == APP_TABLES | {"alembic_version"}
    assert current_revision(database) == SCHEMA_HEAD
    assert profile.upgrade_backup is None, "there was nothing to back up"
    assert _backups(profile.folder) == []


def test_fresh_database_uses_wal_journal_mode(profile: Profile) -> None:
    database = profile.folder.database

    with closing(sqlite3.connect(database)) as connection:
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]

    assert mode == "wal"
    # WAL is recorded in the file header itself (bytes 18 and 19 are 2), so it sticks.
    assert database.read_bytes()[18:20] == b"\x02\x02"


def test_migrated_schema_matches_the_models(profile: Profile) -> None:
    engine = make_engine(profile.folder.database)
    try:
        with engine.connect() as connection:
            differences = compare_metadata(
                MigrationContext.configure(connection), SQLModel.metadata
            )
    finally:
        engine.dispose()

    # The full-text index is SQLite's own virtual table; the models do not describe it.
    unrelated = [d for d in differences if d[0] == "remove_table" and d[1].name in FTS_TABLES]
    assert [d for d in differences if d not in unrelated] == []


def test_empty_file_is_migrated_without_a_backup(folder: ProfileFolder) -> None:
    folder.database.write_bytes(b"")

    backup = upgrade_database(folder.database, folder.backups_dir, clock=StepClock())

    assert backup is None
    assert _backups(folder) == []
    assert current_revision(folder.database) == SCHEMA_HEAD
    assert _tables(folder.database) >= APP_TABLES


def test_up_to_date_database_is_left_alone(profile: Profile) -> None:
    database = profile.folder.database
    profile.close()

    backup = upgrade_database(database, profile.folder.backups_dir, clock=StepClock())

    assert backup is None
    assert _backups(profile.folder) == []
    assert current_revision(database) == SCHEMA_HEAD


def test_someone_elses_sqlite_file_is_refused_and_left_unchanged(folder: ProfileFolder) -> None:
    database = folder.database
    _execute(
        database,
        "CREATE TABLE journal (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
        "INSERT INTO journal (body) VALUES ('first entry')",
    )
    before = database.read_bytes()

    with pytest.raises(DatabaseProblem) as raised:
        upgrade_database(database, folder.backups_dir, clock=StepClock())

    assert "not one Loopwise made" in str(raised.value)
    assert raised.value.can_start_fresh
    assert database.read_bytes() == before
    assert _tables(database) == {"journal"}


def test_an_interrupted_first_migration_is_completed(folder: ProfileFolder) -> None:
    database = folder.database
    _execute(database, _VERSION_TABLE)  # a first start that stopped before any table

    backup = upgrade_database(database, folder.backups_dir, clock=StepClock())

    assert backup is None and _backups(folder) == []  # it held nothing worth a backup
    assert current_revision(database) == SCHEMA_HEAD
    assert _tables(database) == APP_TABLES | {"alembic_version"}


def _failing_upgrade_from_0002(folder: ProfileFolder, *leftovers: str) -> None:
    """A database at revision 0002 that also holds `leftovers` (SQL run on it) the next
    migration trips over: upgrading it fails."""
    _execute(
        folder.database, _VERSION_TABLE, "INSERT INTO alembic_version VALUES ('0002')", *leftovers
    )
    with pytest.raises(DatabaseProblem):
        upgrade_database(folder.database, folder.backups_dir, clock=StepClock())


def test_a_backup_is_written_even_when_the_migration_then_fails(folder: ProfileFolder) -> None:
    # A table the next migration is about to create already exists, so it cannot run.
    _failing_upgrade_from_0002(
        folder, "CREATE TABLE story (legacy TEXT)", "INSERT INTO story VALUES ('x')"
    )

    (backup,) = _backups(folder)
    assert _tables(backup) == {"alembic_version", "story"}
    with closing(sqlite3.connect(backup)) as connection:
        assert connection.execute("SELECT legacy FROM story").fetchall() == [("x",)]


def test_an_empty_version_record_is_explained_without_a_backup_each_time(
    folder: ProfileFolder,
) -> None:
    open_profile(folder, clock=StepClock()).close()
    _execute(folder.database, "DELETE FROM alembic_version")
    before = folder.database.read_bytes()

    for _attempt in range(3):
        with pytest.raises(DatabaseProblem) as raised:
            open_profile(folder, clock=StepClock())
        assert "alembic_version table) is empty" in raised.value.reason
        assert "sqlalchemy" not in str(raised.value).lower()

    assert _backups(folder) == []
    assert folder.database.read_bytes() == before


def test_a_sqlite_file_holding_only_a_view_is_not_given_loopwises_schema(
    folder: ProfileFolder,
) -> None:
    _execute(folder.database, "CREATE VIEW answer AS SELECT 42 AS value")
    before = folder.database.read_bytes()

    with pytest.raises(DatabaseProblem) as raised:
        open_profile(folder, clock=StepClock())

    assert "not one Loopwise made" in raised.value.reason
    assert folder.database.read_bytes() == before
    assert _tables(folder.database) == set()


def test_a_failed_migration_leaves_the_schema_as_it_was(folder: ProfileFolder) -> None:
    # Migration 0003 creates story, then fails on story_theme.
    _failing_upgrade_from_0002(folder, "CREATE TABLE story_theme (legacy TEXT)")

    assert _tables(folder.database) == {"alembic_version", "story_theme"}


def test_a_failed_migration_is_reported_as_a_database_problem(folder: ProfileFolder) -> None:
    _execute(folder.database, _VERSION_TABLE, "CREATE TABLE custom_item (legacy TEXT)")

    with pytest.raises(DatabaseProblem):
        open_profile(folder, clock=StepClock())


def test_database_from_a_newer_app_is_refused_and_left_unchanged(profile: Profile) -> None:
    database = profile.folder.database
    profile.close()
    _execute(database, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = database.read_bytes()

    with pytest.raises(DatabaseProblem) as caught:
        upgrade_database(database, profile.folder.backups_dir, clock=StepClock())

    assert "newer version of Loopwise" in caught.value.reason
    assert caught.value.database == database
    assert str(database) in str(caught.value)
    assert database.read_bytes() == before
    assert _backups(profile.folder) == []


def test_open_profile_refuses_a_database_from_a_newer_app(folder: ProfileFolder) -> None:
    open_profile(folder, clock=StepClock()).close()
    _execute(folder.database, "UPDATE alembic_version SET version_num = 'ffff'")
    before = folder.database.read_bytes()

    with pytest.raises(DatabaseProblem, match="newer version"):
        open_profile(folder, clock=StepClock())

    assert folder.database.read_bytes() == before
    assert current_revision(folder.database) == "ffff"


def _upgraded_from(profile: Profile, revision: str, *statements: str) -> Path:
    """The profile's database set back to `revision` by `statements`, then upgraded. Every
    revision before 0008 was without the session index, so it goes first."""
    database = profile.folder.database
    profile.close()
    _execute(
        database,
        f"DROP INDEX {SESSION_INDEX}",
        *statements,
        f"UPDATE alembic_version SET version_num = '{revision}'",
    )
    upgrade_database(database, profile.folder.backups_dir, clock=StepClock())
    return database


def test_quiz_topics_logged_as_words_become_taxonomy_ids(profile: Profile) -> None:
    database = _upgraded_from(
        profile,
        "0004",
        "INSERT INTO practice_session (id, started_at, active_seconds, outcome, confidence, "
        "title, logged_at) VALUES (1, '2026-11-02 09:00:00', 1800, 'solved', 3, 'Quiz', "
        "'2026-11-02 09:30:00')",
        "INSERT INTO session_tag VALUES (1, 'struggle', 'capacity estimation')",
        "INSERT INTO session_tag VALUES (1, 'struggle', 'caching')",
        "INSERT INTO session_tag VALUES (1, 'struggle', 'caching-layer')",  # both names
        "INSERT INTO session_tag VALUES (1, 'struggle', 'cdn')",  # already an id
        "INSERT INTO session_tag VALUES (1, 'pattern', 'hash-map')",
        "DROP TABLE journal_entry_trash",  # as a profile at 0004 was: made by 0006
    )

    with closing(sqlite3.connect(database)) as connection:
        tags = sorted(connection.execute("SELECT role, tag FROM session_tag").fetchall())
    assert tags == [
        ("pattern", "hash-map"),
        ("struggle", "caching-layer"),
        ("struggle", "capacity-estimation"),
        ("struggle", "cdn"),
    ]


def test_a_profile_from_before_the_journal_trash_gets_it(profile: Profile) -> None:
    database = _upgraded_from(profile, "0005", "DROP TABLE journal_entry_trash")

    assert "journal_entry_trash" in _tables(database)
    assert current_revision(database) == SCHEMA_HEAD


def test_a_profile_with_the_first_journal_trash_keeps_what_it_held(profile: Profile) -> None:
    database = _upgraded_from(
        profile,
        "0006",
        "DROP TABLE journal_entry_trash",
        "CREATE TABLE journal_entry_trash (entry_id INTEGER NOT NULL, deleted_at DATETIME "
        "NOT NULL, entry VARCHAR NOT NULL, story_ids VARCHAR NOT NULL, PRIMARY KEY (entry_id))",
        "INSERT INTO journal_entry_trash VALUES (7, '2026-12-01 10:00:00', '{}', '3')",
    )

    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute("SELECT id, entry_id, story_ids FROM journal_entry_trash")
        assert rows.fetchall() == [(1, 7, "3")]
    assert current_revision(database) == SCHEMA_HEAD


def _indexes(database: Path, table: str) -> set[str]:
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name=?", (table,)
        ).fetchall()
    return {str(row[0]) for row in rows}


def test_a_profile_from_before_the_session_index_gets_it_after_a_backup(
    profile: Profile,
) -> None:
    folder = profile.folder
    with closing(sqlite3.connect(folder.database)) as connection:
        connection.execute(
            "INSERT INTO journal_entry (entry_date, title, body, kind, tags, word_count, "
            "created_at, updated_at) VALUES ('2026-12-01', 'Kept', '', 'note', '', 0, "
            "'2026-12-01 10:00:00', '2026-12-01 10:00:00')"
        )
        connection.commit()
    database = _upgraded_from(profile, "0007")

    assert SESSION_INDEX in _indexes(database, "journal_entry")
    assert current_revision(database) == SCHEMA_HEAD
    (backup,) = _backups(folder)
    assert SESSION_INDEX not in _indexes(backup, "journal_entry")
    assert current_revision(backup) == "0007"
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("SELECT title FROM journal_entry").fetchall() == [("Kept",)]
