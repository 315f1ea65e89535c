"""Copies of the database made with SQLite's online backup API (safe while it is open)."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain.backups import (
    STAMP_FORMAT,
    BackupName,
    Contents,
    ThinningPolicy,
    backup_file_name,
    backup_is_due,
    backups_to_remove,
    parse_backup_name,
)
from desktop.store.backup_check import (
    HEADER_SIZE,
    SQLITE_HEADER,
    Verdict,
    header_problem,
    judge_backup,
)
from desktop.store.backup_verdicts import judge_with_cache, remember
from desktop.store.health import move_aside
from desktop.store.held_files import create_held, remove_if_left_behind
from desktop.store.live_file import read_start
from desktop.store.locks import DatabaseLocked, LockWait, is_lock_error, wait_until_readable
from desktop.store.under_way import RESTORE, under_way

PERIODIC_EVERY = timedelta(hours=12)


logger = logging.getLogger(__name__)


def _stored(now: datetime) -> datetime:
    """Backup names carry UTC without an offset."""
    return now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now


def backup_database(
    database: Path,
    backups_dir: Path,
    reason: str,
    *,
    now: datetime,
    wait: LockWait | None = None,
) -> Path:
    """Write a consistent copy of `database` into `backups_dir` and return its path.

    The copy is written under a temporary name, checked, and renamed to a name that says what
    it holds, so a half-written, damaged or foreign copy never looks like a good backup.
    Raises DamagedCopy if the copy is not a whole Loopwise database (the earlier backups are
    left as they are), and DatabaseLocked if another program holds the database for longer
    than Loopwise waits (no partial file is left).
    """
    wait = wait or LockWait(database)
    backups_dir.mkdir(parents=True, exist_ok=True)
    sweep_partials(backups_dir)
    moment = _stored(now)
    partial = backups_dir / f"loopwise-{moment.strftime(STAMP_FORMAT)}-{reason}{PARTIAL_SUFFIX}"
    held: int | None = None
    try:
        with closing(sqlite3.connect(database, timeout=0.2)) as source:
            _start_reading(source, wait)  # before the partial file exists
            # Held while it is written, so a sweep (here or in another copy of Loopwise)
            # tells it from the half a killed process left behind (store/held_files.py).
            held = create_held(partial)
            with closing(sqlite3.connect(partial)) as copy:
                source.backup(copy, progress=wait)
        verdict = judge_backup(partial)
        if verdict.contents is None:
            raise DamagedCopy(database, verdict.problem, backups_dir=backups_dir)
        target = backups_dir / backup_file_name(moment, reason, verdict.contents)
        partial.replace(target)
        remember(backups_dir, target, verdict)  # the next list need not read it again
    finally:
        if held is not None:  # else it is not ours (nor made yet): left alone
            # A failed copy (a full disk, most often) must not leave its half behind.
            _remove_partial(partial)
            os.close(held)  # last: SQLite's own locks on the file go with any close of it
    return target


def _start_reading(source: sqlite3.Connection, wait: LockWait) -> None:
    """Hold a read transaction on `source`, waiting (bounded) while another program has it
    locked: the copy is then one consistent moment, and the backup cannot spin for ever."""
    source.isolation_level = None
    while True:
        try:
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return
        except sqlite3.OperationalError as error:
            if source.in_transaction:
                source.execute("ROLLBACK")
            if not is_lock_error(error):
                raise
        wait.waiting()
        time.sleep(0.2)


class DamagedCopy(Exception):
    """A backup was not kept because the copy of the database is not a whole Loopwise
    database (it failed its integrity check, or is not Loopwise's)."""

    def __init__(
        self, database: Path, problem: str | None = None, *, backups_dir: Path | None = None
    ) -> None:
        if problem is None or problem.startswith("it is damaged"):
            text = (
                "the copy of your data came out damaged when Loopwise checked it, so it was "
                f"not kept. Your database file ({database}) may be damaged itself."
            )
        else:
            text = f"the copy of {database} was not kept: {problem}."
        super().__init__(f"{text} {_earlier_backups(backups_dir)}")


class DamagedWhileOpen(DamagedCopy):
    """The database file no longer starts as a SQLite file: it was damaged while open."""

    def __init__(self, database: Path, *, backups_dir: Path | None = None) -> None:
        Exception.__init__(
            self,
            f"the start of your database file ({database}) was overwritten while Loopwise "
            f"was open, so it is damaged. {_earlier_backups(backups_dir)}",
        )


def _earlier_backups(backups_dir: Path | None) -> str:
    if backups_dir is None:
        return "Your earlier backups were kept as they are."
    return f"Your earlier backups in {backups_dir} were kept as they are."


def not_made_text(error: DamagedCopy, *, automatic: bool = False) -> str:
    """What a backup whose copy failed its check says, in the same words wherever it was
    asked for: the automatic one, File > Backups… and `loopwise backup`."""
    return f"{'The automatic backup' if automatic else 'The backup'} was not made: {error}"


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
# Where files cannot be held (no flock: Windows), a partial this old belongs to no backup
# still being written (one takes seconds).
ABANDONED_AFTER = timedelta(minutes=10)


def sweep_partials(backups_dir: Path) -> list[Path]:
    """Delete the half-written backups a killed process left behind, and their side files
    (SQLite's journal); return what was deleted. One that a running process (this one or
    another copy of Loopwise) is writing is held by it, and left alone. Never listed as a
    backup either way (list_backups reads only finished names)."""
    swept = []
    older_than = ABANDONED_AFTER.total_seconds()
    for path in sorted(backups_dir.glob(f"loopwise-*{PARTIAL_SUFFIX}")):
        if remove_if_left_behind(path, older_than_seconds=older_than):
            swept.append(path)
    for side in sorted(backups_dir.glob(f"loopwise-*{PARTIAL_SUFFIX}?*")):
        partial = side.with_name(side.name[: side.name.rindex(PARTIAL_SUFFIX)] + PARTIAL_SUFFIX)
        if partial.exists():
            continue  # its partial is being written (or is not ours to delete)
        try:
            side.unlink()
            swept.append(side)
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
                size = path.stat().st_size
            except OSError:
                if not path.is_symlink():
                    continue  # removed while we looked
                size = 0  # a link to nothing: listed, as unusable, so the user sees it
            found.append(Backup(path, name, size))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def thin_backups(
    backups_dir: Path, *, now: datetime, policy: ThinningPolicy | None = None
) -> list[Path]:
    """Delete the backups the thinning rules no longer keep; return what was deleted.

    An unusable file never counts as the one kept. One that no version could ever restore
    (empty, not SQLite, damaged, someone else's) is deleted once it is a day old: long
    enough to be seen in the list. One from a newer version is kept: it may be exactly what
    the user needs back. Each deletion is one unlink, so a kill mid-way leaves every file
    either whole or gone, and the next thinning finishes the job.
    """
    backups = list_backups(backups_dir)
    moment = _stored(now)
    verdicts = judge_with_cache(backups_dir, [backup.path for backup in backups])
    by_time = {b.taken_at: b.path for b in backups}
    remove = backups_to_remove(
        list(by_time), moment, policy, is_good=lambda taken: verdicts[by_time[taken]].usable
    )
    removed = []
    for backup in backups:
        hopeless = verdicts[backup.path].final and moment - backup.taken_at > UNUSABLE_KEPT_FOR
        # The cache only lists; a file is deleted as unusable only on a fresh look at it.
        if backup.taken_at in remove or (hopeless and judge_backup(backup.path).final):
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
            removed.append(backup.path)
    return removed


# An unusable file stays listed this long, so the user can see what went wrong.
UNUSABLE_KEPT_FOR = timedelta(days=1)


def delete_backup(backup: Path) -> None:
    """Delete one backup the user chose (File > Backups). One unlink: the file is whole or
    gone, never half. A link is deleted, not the file it points to."""
    backup.unlink(missing_ok=True)


def looks_whole(backup: Backup) -> bool:
    """A quick look, without reading the whole file: not empty, a SQLite file, and one
    whose name says what it holds (made by this version, checked when it was made), and
    whose header and length agree (whole pages, as many as the header records)."""
    return (
        backup.size > 0
        and backup.name.counts is not None
        and header_problem(_header(backup.path, HEADER_SIZE), backup.size) is None
    )


def _header(path: Path, size: int = len(SQLITE_HEADER)) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _live_header(database: Path) -> bytes:
    """The header of the database this process has open: read without closing a descriptor
    of it, which would drop SQLite's locks (live_file.py)."""
    try:
        return read_start(database, len(SQLITE_HEADER))
    except OSError:
        return b""


def backup_if_due(
    database: Path,
    backups_dir: Path,
    *,
    now: datetime,
    policy: ThinningPolicy | None = None,
) -> Path | None:
    """The periodic backup: made when the newest is 12 hours old or more, then thinned.

    Also notices, every time it is asked, a database file whose start was overwritten while
    the app had it open (DamagedWhileOpen), instead of only at the next start.
    """
    moment = _stored(now)
    if not database.exists() or database.stat().st_size == 0:
        return None
    if _live_header(database) != SQLITE_HEADER:
        raise DamagedWhileOpen(database, backups_dir=backups_dir)
    backups = [b for b in list_backups(backups_dir) if looks_whole(b)]
    if not backup_is_due(backups[0].taken_at if backups else None, moment, PERIODIC_EVERY):
        return None
    made = backup_database(database, backups_dir, "periodic", now=moment)
    thin_backups(backups_dir, now=moment, policy=policy)
    return made


class BackupUnusable(Exception):
    """The chosen backup cannot be restored: it is missing, empty, damaged, not Loopwise's,
    from a newer version, or no longer holds its rows."""


def check_backup(backup: Path) -> Contents:
    """What the backup holds; raises BackupUnusable naming the file and what is wrong."""
    verdict = judge_backup(backup)
    if verdict.contents is None:
        raise BackupUnusable(f"The backup {backup} cannot be restored: {verdict.problem}.")
    return verdict.contents


@dataclass(frozen=True)
class Judged:
    backup: Backup
    verdict: Verdict

    def describe(self) -> str:
        """'412 journal entries, 3,104 sessions, last entry 2 Jan', or what is wrong."""
        if self.verdict.contents is None:
            return str(self.verdict.problem)
        return self.verdict.contents.describe(self.backup.taken_at.date())


def judge_backups(backups_dir: Path) -> list[Judged]:
    """Every backup, newest first, with whether it can be restored (only files new or
    changed since the last list are read; store/backup_verdicts.py)."""
    backups = list_backups(backups_dir)
    verdicts = judge_with_cache(backups_dir, [backup.path for backup in backups])
    return [Judged(backup, verdicts[backup.path]) for backup in backups]


def newest_usable_backup(backups_dir: Path) -> tuple[Judged | None, list[Judged]]:
    """The newest backup that can be restored, and the newer ones passed over as unusable."""
    passed_over: list[Judged] = []
    for backup in list_backups(backups_dir):
        judged = Judged(backup, judge_backup(backup.path))
        if judged.verdict.usable:
            return judged, passed_over
        passed_over.append(judged)
    return None, passed_over


@dataclass(frozen=True)
class Restored:
    kept: Path | None  # the data as it was before (None if there was no database to keep)
    # The backup of the data as restored (None if it could not be made): a whole copy of
    # the database as it is now, until anything writes to it.
    as_restored: Path | None


def restore_backup(
    database: Path,
    backup: Path,
    backups_dir: Path,
    *,
    now: datetime,
    wait: LockWait | None = None,
) -> Restored:
    """Put the backup's contents in place of the database, after backing the database up.

    The caller must have closed every connection to `database` first. Raises
    BackupUnusable or DatabaseLocked before anything was changed.
    """
    wait = wait or LockWait(database)
    check_backup(backup)
    # Until the copy is in, a kill is told at the next start (store/under_way.py).
    with under_way(database.parent, RESTORE, backup.name) as note:
        kept = _restore_over(
            database, backup, backups_dir, now=now, wait=wait, committing=note.committing
        )
    return Restored(kept, _keep_what_was_restored(database, backups_dir, now=now, wait=wait))


def _restore_over(
    database: Path,
    backup: Path,
    backups_dir: Path,
    *,
    now: datetime,
    wait: LockWait,
    committing: Callable[[], None],
) -> Path | None:
    """Back the database up (or move it aside if damaged), then copy the backup over it.
    `committing` is called just before the copy (see UnderWay.committing)."""
    kept = None
    if database.exists() and database.stat().st_size > 0:
        # A lock is not damage: a locked database is waited for, then left as it is.
        wait_until_readable(database, wait)
        if _is_whole(database):
            try:
                kept = backup_database(database, backups_dir, "before-restore", now=now, wait=wait)
            except DamagedCopy:
                kept = move_aside(database, now=now)  # foreign or too new: kept as it is
        else:
            # A damaged file is never copied over: it is kept as it is, renamed, beside it.
            kept = move_aside(database, now=now)
    with (
        closing(sqlite3.connect(backup)) as source,
        closing(sqlite3.connect(database, timeout=0.2)) as target,
    ):
        # The backup API copies page by page inside one write transaction on the target:
        # if it is interrupted, the database keeps its old contents. The copy and its commit
        # are one step (pages=-1), so from here a kill may leave the backup restored, whole.
        committing()
        source.backup(target, progress=wait)
    return kept


def _keep_what_was_restored(
    database: Path, backups_dir: Path, *, now: datetime, wait: LockWait
) -> Path | None:
    """A backup of the data as restored, dated just after the one made before the restore.
    Without it that one would be the newest backup, and recovering from later damage would
    bring back the very data the user chose to leave. The restore has already succeeded, so
    a failure here (a full disk) is logged, not raised."""
    moment = _stored(now) + timedelta(microseconds=1)
    try:
        return backup_database(database, backups_dir, "after-restore", now=moment, wait=wait)
    except (DamagedCopy, DatabaseLocked, OSError, sqlite3.Error):
        logger.warning("No backup of the restored data could be made", exc_info=True)
        return None


def _is_whole(database: Path) -> bool:
    """The live database passes its integrity check; a lock raises DatabaseLocked."""
    try:
        with closing(sqlite3.connect(database, timeout=0.2)) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.OperationalError as error:
        if is_lock_error(error):
            raise DatabaseLocked(database) from None
        return False
    except sqlite3.DatabaseError:
        return False
    return [str(row[0]) for row in rows] == ["ok"]
