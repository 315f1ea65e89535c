"""A database from the first release (revision 0001) is backed up, then upgraded to 0002."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.store.journal import EntryDraft
from desktop.store.migrate import (
    SCHEMA_HEAD,
    current_revision,
    run_migrations,
    upgrade_database,
)
from tests.clocks import StepClock

T0 = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
NEW_TABLES = {"practice_session", "session_tag", "journal_entry", "journal_search"}
OLD_ROW = (
    "backend-senior",
    "two-sum",
    "foundations",
    "Two Sum",
    "done",
    "2026-02-01 09:30:00.000000",
    "Remember the complement trick.",
    "2026-02-01 09:45:00.000000",
)


def _build_release_one_database(database: Path) -> None:
    """What the first release left on disk: schema 0001 and some progress."""
    run_migrations(database, "0001")
    with closing(sqlite3.connect(database)) as connection:
        connection.execute(
            "INSERT INTO item_progress (path_id, item_id, stage_id, title, status, "
            "status_changed_at, notes, notes_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            OLD_ROW,
        )
        connection.commit()


def _tables(database: Path) -> set[str]:
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(row[0]) for row in rows}


def _progress_rows(database: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(database)) as connection:
        return connection.execute(
            "SELECT path_id, item_id, stage_id, title, status, status_changed_at, notes, "
            "notes_updated_at FROM item_progress"
        ).fetchall()


def test_the_release_one_database_is_really_at_0001(folder: ProfileFolder) -> None:
    _build_release_one_database(folder.database)

    assert current_revision(folder.database) == "0001"
    assert not NEW_TABLES & _tables(folder.database)
    assert _progress_rows(folder.database) == [OLD_ROW]


def test_upgrade_backs_up_first_then_moves_to_the_head(folder: ProfileFolder) -> None:
    database = folder.database
    _build_release_one_database(database)

    backup = upgrade_database(database, folder.backups_dir, clock=StepClock())

    assert backup is not None
    assert backup.parent == folder.backups_dir
    assert "before-upgrade" in backup.name
    assert list(folder.backups_dir.iterdir()) == [backup], "no half-written copy is left"
    # The backup is the database as it was: old revision, old data, none of the new tables.
    assert current_revision(backup) == "0001"
    assert _progress_rows(backup) == [OLD_ROW]
    assert not NEW_TABLES & _tables(backup)
    # The database itself is upgraded and keeps the user's progress exactly.
    assert current_revision(database) == SCHEMA_HEAD
    assert _tables(database) >= NEW_TABLES
    assert _progress_rows(database) == [OLD_ROW]


def test_upgrading_twice_makes_no_second_backup(folder: ProfileFolder) -> None:
    _build_release_one_database(folder.database)
    upgrade_database(folder.database, folder.backups_dir, clock=StepClock())

    assert upgrade_database(folder.database, folder.backups_dir, clock=StepClock()) is None
    assert len(list(folder.backups_dir.iterdir())) == 1


def test_after_the_upgrade_the_old_progress_and_the_new_features_work(
    folder: ProfileFolder,
) -> None:
    _build_release_one_database(folder.database)

    profile = open_profile(folder, clock=StepClock())
    try:
        assert profile.upgrade_backup is not None and profile.upgrade_backup.is_file()
        with session_scope(profile.engine) as session:
            saved = progress_store.saved_progress(session=session, path_id="backend-senior")
            attempt_id = practice_store.log_attempt(
                session=session,
                attempt=Attempt(
                    subject=AttemptSubject("Two Sum", "backend-senior", "two-sum"),
                    started_at=T0,
                    active_seconds=900,
                    outcome=Outcome.SOLVED,
                    confidence=4,
                    patterns=("hash-map",),
                ),
                now=T0,
            )
            entry_id = journal_store.create_entry(
                session=session,
                draft=EntryDraft(
                    entry_date=date(2026, 3, 1),
                    title="Two Sum again",
                    body="Complement lookup in one pass.",
                    attempt_id=attempt_id,
                ),
                now=T0,
            )
        with session_scope(profile.engine) as session:
            attempt = practice_store.get_attempt(session=session, attempt_id=attempt_id)
            hits = journal_store.search_entries(session=session, typed="complement")
    finally:
        profile.close()

    progress = saved["two-sum"]
    assert progress.status.value == "done"
    assert progress.notes == "Remember the complement trick."
    assert progress.status_changed_at == datetime(2026, 2, 1, 9, 30, tzinfo=UTC)
    assert attempt is not None and attempt.patterns == ("hash-map",)
    assert [hit.entry_id for hit in hits] == [entry_id]


def _release_one_backup(tmp_path: Path, folder: ProfileFolder) -> Path:
    """A backup the first release made: schema 0001, in the profile's backups folder."""
    from desktop.store.backup import backup_database

    old = tmp_path / "release-one" / "loopwise.sqlite3"
    old.parent.mkdir()
    _build_release_one_database(old)
    return backup_database(old, folder.backups_dir, "manual", now=T0)


def _reasons(folder: ProfileFolder) -> list[str]:
    from desktop.store.backup import list_backups

    return sorted(b.name.reason for b in list_backups(folder.backups_dir))


def test_restoring_a_release_one_backup_copies_the_restored_data_once(
    tmp_path: Path, folder: ProfileFolder
) -> None:
    """The backup of the data as restored is taken before the upgrade, of the same file: it
    is the copy from before the upgrade, and no 'before-upgrade' copy of it is made too."""
    profile = open_profile(folder, clock=StepClock())
    old = _release_one_backup(tmp_path, folder)
    try:
        profile.restore(old)
        with session_scope(profile.engine) as session:
            saved = progress_store.saved_progress(session=session, path_id="backend-senior")
        assert "two-sum" in saved  # the new engine reads the restored, upgraded file
    finally:
        profile.close()

    assert _reasons(folder) == ["after-restore", "before-restore", "manual"]
    (as_restored,) = folder.backups_dir.glob("*-after-restore-*")
    assert current_revision(as_restored) == "0001" and _progress_rows(as_restored) == [OLD_ROW]
    assert current_revision(folder.database) == SCHEMA_HEAD
    assert _progress_rows(folder.database) == [OLD_ROW]
    open_profile(folder, clock=StepClock()).close()
    assert len(_reasons(folder)) == 3  # and no copy at the next start either


def test_the_command_line_restore_of_a_release_one_backup_upgrades_it_at_once(
    tmp_path: Path, folder: ProfileFolder
) -> None:
    from tests.test_cli import loopwise

    open_profile(folder, clock=StepClock()).close()
    old = _release_one_backup(tmp_path, folder)

    done = loopwise("restore", old.name, "--yes", "--data-dir", str(folder.data_dir))

    assert done.returncode == 0, done.stderr
    assert current_revision(folder.database) == SCHEMA_HEAD
    open_profile(folder, clock=StepClock()).close()
    assert _reasons(folder) == ["after-restore", "before-restore", "manual"]
