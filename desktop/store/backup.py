"""Copies of the database made with SQLite's online backup API (safe while it is open)."""

from __future__ import annotations

import contextlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.clock import seconds_since_modified
from desktop.domain.backups import (
    STAMP_FORMAT,
    BackupName,
    ThinningPolicy,
    backup_is_due,
    backups_to_remove,
    parse_backup_name,
)
from desktop.store.health import move_aside

PERIODIC_EVERY = timedelta(hours=12)


def _stored(now: datetime) -> datetime:
    """Backup names carry UTC without an offset."""
    return now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now


def backup_database(database: Path, backups_dir: Path, reason: str, *, now: datetime) -> Path:
    """Write a consistent copy of `database` into `backups_dir` and return its path.

    The copy is written under a temporary name, checked, and renamed, so a half-written or
    damaged backup never looks like a good one. Raises DamagedCopy if the copy fails its
    integrity check (the earlier backups are left as they are).
    """
    backups_dir.mkdir(parents=True, exist_ok=True)
    sweep_partials(backups_dir)
    stamp = _stored(now).strftime(STAMP_FORMAT)
    target = backups_dir / f"loopwise-{stamp}-{reason}.sqlite3"
    partial = target.with_suffix(PARTIAL_SUFFIX)
    try:
        with (
            closing(sqlite3.connect(database)) as source,
            closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
        if not passes_integrity_check(partial):
            raise DamagedCopy(database)
        partial.replace(target)
    finally:
        # A failed copy (a full disk, most often) must not leave its half behind.
        _remove_partial(partial)
    return target


class DamagedCopy(Exception):
    """A backup was not kept because the copy of the database failed its integrity check."""

    def __init__(self, database: Path) -> None:
        super().__init__(
            f"the copy of your data failed its integrity check, so it was not kept: your "
            f"database ({database}) may be damaged. Your earlier backups were kept as they are."
        )


def passes_integrity_check(database: Path) -> bool:
    """SQLite's full integrity check of a closed copy; False for a file SQLite cannot read.

    Opened as immutable: nothing is written beside it, so it works in a read-only folder too.
    """
    try:
        uri = f"{database.resolve().as_uri()}?immutable=1"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError:
        return False
    return [str(row[0]) for row in rows] == ["ok"]


PARTIAL_SUFFIX = ".partial"
# A partial this old belongs to no backup still being written (one takes seconds).
ABANDONED_AFTER = timedelta(minutes=10)


def sweep_partials(backups_dir: Path) -> list[Path]:
    """Delete half-written backups left by a crash; return what was deleted."""
    swept = []
    for path in backups_dir.glob(f"loopwise-*{PARTIAL_SUFFIX}*"):
        try:
            if seconds_since_modified(path.stat().st_mtime) > ABANDONED_AFTER.total_seconds():
                path.unlink()
                swept.append(path)
        except OSError:
            continue  # gone already, or not ours to delete
    return swept


def _remove_partial(partial: Path) -> None:
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        with contextlib.suppress(OSError):  # nothing more can be done; the next backup sweeps it
            leftover.unlink(missing_ok=True)


@dataclass(frozen=True)
class Backup:
    path: Path
    name: BackupName
    size: int

    @property
    def taken_at(self) -> datetime:
        return self.name.taken_at


def list_backups(backups_dir: Path) -> list[Backup]:
    """The backups in the folder, newest first (files not made by Loopwise are ignored)."""
    if not backups_dir.is_dir():
        return []
    found = []
    for path in backups_dir.glob("loopwise-*.sqlite3"):
        name = parse_backup_name(path.name)
        if name is not None:
            try:
                found.append(Backup(path, name, path.stat().st_size))
            except OSError:
                continue  # removed while we looked
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def thin_backups(
    backups_dir: Path, *, now: datetime, policy: ThinningPolicy | None = None
) -> list[Path]:
    """Delete the backups the thinning rules no longer keep; return what was deleted."""
    backups = list_backups(backups_dir)
    by_time = {b.taken_at: b.path for b in backups}
    remove = backups_to_remove(
        list(by_time),
        _stored(now),
        policy,
        # Asked only where thinning must choose between backups, so few files are read.
        is_good=lambda moment: passes_integrity_check(by_time[moment]),
    )
    removed = []
    for backup in backups:
        if backup.taken_at in remove:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def backup_if_due(
    database: Path,
    backups_dir: Path,
    *,
    now: datetime,
    policy: ThinningPolicy | None = None,
) -> Path | None:
    """The periodic backup: made when the newest is 12 hours old or more, then thinned."""
    moment = _stored(now)
    if not database.exists() or database.stat().st_size == 0:
        return None
    backups = list_backups(backups_dir)
    if not backup_is_due(backups[0].taken_at if backups else None, moment, PERIODIC_EVERY):
        return None
    made = backup_database(database, backups_dir, "periodic", now=moment)
    thin_backups(backups_dir, now=moment, policy=policy)
    return made


class BackupUnusable(Exception):
    """The chosen backup cannot be restored (missing, not SQLite, or damaged)."""


def check_backup(backup: Path) -> None:
    if not backup.is_file():
        raise BackupUnusable(f"There is no backup at {backup}.")
    try:
        with closing(sqlite3.connect(backup)) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise BackupUnusable(
            f"The backup {backup.name} is damaged and cannot be restored (SQLite reports: {error})."
        ) from None
    if [str(row[0]) for row in rows] != ["ok"]:
        raise BackupUnusable(f"The backup {backup.name} is damaged (its integrity check failed).")


def newest_good_backup(backups_dir: Path) -> Backup | None:
    for backup in list_backups(backups_dir):
        try:
            check_backup(backup.path)
        except BackupUnusable:
            continue
        return backup
    return None


def restore_backup(
    database: Path, backup: Path, backups_dir: Path, *, now: datetime
) -> Path | None:
    """Put the backup's contents in place of the database, after backing the database up.

    The caller must have closed every connection to `database` first. Returns the backup
    of the database as it was (None if there was no database to keep).
    """
    check_backup(backup)
    kept = None
    if database.exists() and database.stat().st_size > 0:
        try:
            check_backup(database)
            kept = backup_database(database, backups_dir, "before-restore", now=now)
        except BackupUnusable:
            # A damaged file is never copied over: it is kept as it is, renamed, beside it.
            kept = move_aside(database, now=now)
    with (
        closing(sqlite3.connect(backup)) as source,
        closing(sqlite3.connect(database)) as target,
    ):
        # The backup API copies page by page inside one write transaction on the target:
        # if it is interrupted, the database keeps its old contents.
        source.backup(target)
    return kept
