"""Backups on disk: made consistently, listed, thinned, and restored over the live file."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.profile import Profile, open_profile
from desktop.store.backup import (
    BackupUnusable,
    backup_database,
    backup_if_due,
    list_backups,
    newest_usable_backup,
    restore_backup,
)
from desktop.store.database import session_scope
from desktop.store.held_files import create_held
from desktop.store.journal import EntryDraft, create_entry, newest_entry
from tests.clocks import StepClock, clock_start

NOW = datetime(2026, 11, 22, 12, 0)


def _write(profile: Profile, title: str) -> None:
    with session_scope(profile.engine) as session:
        draft = EntryDraft(entry_date=NOW.date(), title=title, body="text")
        create_entry(session=session, draft=draft, now=datetime.now(UTC))


def _newest_title(profile: Profile) -> str | None:
    with session_scope(profile.engine) as session:
        entry = newest_entry(session=session)
        return entry.title if entry else None


def test_periodic_backup_is_made_only_when_the_newest_is_twelve_hours_old(
    profile: Profile,
) -> None:
    folder = profile.folder
    first = backup_if_due(folder.database, folder.backups_dir, now=NOW)
    assert first is not None
    assert backup_if_due(folder.database, folder.backups_dir, now=NOW + timedelta(hours=11)) is None
    later = backup_if_due(folder.database, folder.backups_dir, now=NOW + timedelta(hours=12))
    assert later is not None
    assert [b.path for b in list_backups(folder.backups_dir)] == [later, first]
    assert list_backups(folder.backups_dir)[0].name.reason == "periodic"


def test_periodic_backups_thin_out_old_ones(profile: Profile) -> None:
    folder = profile.folder
    for hours in range(0, 24 * 10, 6):  # four a day for ten days
        backup_database(
            folder.database, folder.backups_dir, "manual", now=NOW - timedelta(hours=hours)
        )
    backup_if_due(folder.database, folder.backups_dir, now=NOW + timedelta(hours=12))
    days = [b.taken_at.date() for b in list_backups(folder.backups_dir)]
    old_days = [d for d in days if (NOW.date() - d).days > 2]
    assert old_days and len(old_days) == len(set(old_days))  # one a day beyond two days


def test_restore_brings_back_the_old_data_and_keeps_the_current_data(profile: Profile) -> None:
    folder = profile.folder
    _write(profile, "before")
    backup = backup_database(folder.database, folder.backups_dir, "manual", now=clock_start())
    _write(profile, "after")
    profile.engine.dispose()

    kept = restore_backup(folder.database, backup, folder.backups_dir, now=clock_start()).kept

    reopened = open_profile(folder, clock=StepClock())
    try:
        assert _newest_title(reopened) == "before"
    finally:
        reopened.close()
    assert kept is not None and kept.name.endswith("-before-restore-2-entries-0-sessions.sqlite3")
    with closing(sqlite3.connect(kept)) as connection:
        titles = {row[0] for row in connection.execute("SELECT title FROM journal_entry")}
    assert titles == {"before", "after"}


def test_after_a_restore_later_damage_is_recovered_to_the_restored_data(
    profile: Profile,
) -> None:
    """The copy made before a restore holds the data the user chose to leave: it must not
    be the newest backup when the database is damaged later."""
    folder = profile.folder
    _write(profile, "chosen")
    older = backup_database(folder.database, folder.backups_dir, "manual", now=NOW)
    _write(profile, "left behind")
    backup_database(folder.database, folder.backups_dir, "manual", now=NOW + timedelta(hours=1))
    profile.engine.dispose()

    restore_backup(folder.database, older, folder.backups_dir, now=NOW + timedelta(hours=2))

    found, _passed_over = newest_usable_backup(folder.backups_dir)
    assert found is not None and found.backup.name.reason == "after-restore"
    with closing(sqlite3.connect(found.backup.path)) as connection:
        titles = {row[0] for row in connection.execute("SELECT title FROM journal_entry")}
    assert titles == {"chosen"}


def test_a_damaged_backup_is_refused_and_the_database_is_untouched(profile: Profile) -> None:
    folder = profile.folder
    _write(profile, "mine")
    bad = folder.backups_dir / "loopwise-20261122-120000-000000-manual.sqlite3"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    profile.engine.dispose()
    with pytest.raises(BackupUnusable):
        restore_backup(folder.database, bad, folder.backups_dir, now=clock_start())
    assert _newest_title(profile) == "mine"
    assert newest_usable_backup(folder.backups_dir)[0] is None


def test_newest_good_backup_skips_damaged_ones(profile: Profile, tmp_path: Path) -> None:
    folder = profile.folder
    good = backup_database(folder.database, folder.backups_dir, "manual", now=NOW)
    bad = folder.backups_dir / "loopwise-20261122-130000-000000-manual.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    found, passed_over = newest_usable_backup(folder.backups_dir)
    assert found is not None and found.backup.path == good
    assert [j.backup.path for j in passed_over] == [bad]


def test_a_failed_backup_leaves_no_partial_file_behind(tmp_path: Path) -> None:
    database = tmp_path / "loopwise.sqlite3"
    database.write_bytes(b"not a database at all" * 100)  # the copy fails half-way
    backups_dir = tmp_path / "backups"
    for _attempt in range(3):
        with pytest.raises(sqlite3.DatabaseError):
            backup_database(database, backups_dir, "periodic", now=clock_start())
    assert list(backups_dir.iterdir()) == []


def test_a_partial_left_by_a_crash_is_never_listed_and_is_swept_by_the_next_backup(
    profile: Profile,
) -> None:
    folder = profile.folder
    folder.backups_dir.mkdir(exist_ok=True)
    crashed = folder.backups_dir / "loopwise-20261122-120000-000000-periodic.partial"
    crashed.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # seconds old: no matter
    in_progress = folder.backups_dir / "loopwise-20261122-130000-000000-manual.partial"
    held = create_held(in_progress)  # being written right now, as by another process
    try:
        assert list_backups(folder.backups_dir) == []

        made = backup_database(folder.database, folder.backups_dir, "manual", now=clock_start())

        assert not crashed.exists() and in_progress.exists()
        assert [b.path for b in list_backups(folder.backups_dir)] == [made]
    finally:
        os.close(held)
