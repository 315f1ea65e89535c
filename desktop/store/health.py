"""Checks run on the database file before the app trusts it."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.store.locks import DatabaseLocked, LockWait, is_lock_error, wait_until_readable

SQLITE_HEADER = b"SQLite format 3\x00"
READ_ONLY = "the file or its folder is read-only"
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def is_writable(folder: Path) -> bool:
    """False on a read-only disk or mount, or a folder the user may not change."""
    return os.access(folder, os.W_OK)


def is_read_only_failure(error: BaseException, folder: Path) -> bool:
    """True when `error` (from writing in `folder`) means nothing can be written there.

    SQLite says only "unable to open database file" when it cannot create a file, so for
    its errors the folder itself is asked.
    """
    from desktop.store.errors import Trouble, classify  # loads SQLAlchemy: not at start-up

    if isinstance(error, OSError):
        return error.errno in _READ_ONLY_ERRNOS
    if isinstance(error, sqlite3.Error):
        return classify(error) is Trouble.READ_ONLY or not is_writable(folder)
    return False


# Below this much free space a disk error is a full disk: SQLite often says only "disk I/O
# error" when a write runs out of room.
NEARLY_FULL_BYTES = 1 << 20


def _out_of_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def plain_reason(error: BaseException, folder: Path) -> str:
    """Why writing in `folder` failed, in a few lowercase words (no path)."""
    from desktop.store.errors import Trouble, classify, explain, sentence

    if is_read_only_failure(error, folder):
        return READ_ONLY
    trouble = classify(error)
    if trouble is Trouble.DISK_FULL or (trouble is Trouble.DISK_ERROR and _out_of_space(folder)):
        return sentence(Trouble.DISK_FULL)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return explain(error)


def failure_text(error: BaseException, folder: Path) -> str:
    """A failed write in plain words, saying where: the same words for the same trouble
    from the journal editor, a backup, a restore or an import."""
    from desktop.store.errors import Trouble, sentence

    reason = plain_reason(error, folder)
    if reason == READ_ONLY:
        return f"{READ_ONLY} ({folder})"
    if reason == sentence(Trouble.DISK_FULL):  # which disk: the user may have several
        return f"the disk is full ({folder}). Free some space there and try again"
    if isinstance(error, OSError) and error.filename and reason == str(error.strerror).lower():
        return f"{reason} ({error.filename})"
    return reason


@dataclass(eq=False)  # not frozen: Python sets __traceback__ on exceptions as they travel
class DatabaseProblem(Exception):
    """The database file cannot be used as it is. The file is left untouched."""

    database: Path
    reason: str
    # False when the file is fine but unusable right now (locked, read-only, too new):
    # starting a fresh profile would not help and would only hide the user's data.
    can_start_fresh: bool = True
    # What SQLite said, word for word: shown on request, after the plain `reason`.
    detail: str = ""
    # The file is not there at all: there is nothing to move aside or to keep.
    missing: bool = False

    def __str__(self) -> str:
        if self.missing:
            return f"The Loopwise database at {self.database} is missing: {self.reason}"
        return f"The Loopwise database at {self.database} cannot be opened: {self.reason}"


# What start-up asks SQLite before the window: cheap whatever the file's size (the schema
# is parsed, page 1 and the schema's pages are read). The whole file is read by
# IntegrityCheck on a worker thread once the window is up.
QUICK_LOOK = "SELECT count(*) FROM sqlite_master"


def check_database(
    database: Path,
    *,
    wait: LockWait | None = None,
    thorough: bool = True,
    backups_dir: Path | None = None,
) -> None:
    """Raise DatabaseProblem if the file exists but is unreadable, not SQLite, or damaged.

    A missing or empty file is fine: the migrations create the schema. Not beside backups in
    `backups_dir`, though: the file once held the data they were made from, and something
    (a crash, a sync program, a slip of the hand) removed or emptied it. A database another
    program holds locked is waited for (a bounded time, see locks.py), then refused as
    locked, never as damaged. With `thorough` False only the header and the schema are
    read (a few milliseconds on any size): damage further in is left to IntegrityCheck.
    """
    if database.is_symlink() and not database.exists():
        raise DatabaseProblem(
            database,
            f"it is a link to {os.readlink(database)}, which is not there (a drive that is "
            "not connected, or a folder that moved?). Connect it and start Loopwise again; "
            "to start a new, empty profile instead, remove the link.",
            can_start_fresh=False,
        )
    if not database.exists():
        if backups_dir is not None and holds_backups(backups_dir):
            raise DatabaseProblem(database, MISSING, missing=True)
        return
    try:
        with database.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseProblem(
            database, f"the file cannot be read ({error.strerror}).", can_start_fresh=False
        ) from None
    if not header:
        if backups_dir is not None and holds_backups(backups_dir):
            raise DatabaseProblem(database, EMPTIED)
        return
    if header != SQLITE_HEADER:
        raise DatabaseProblem(database, "the file is not a SQLite database.")
    if not is_writable(database) or not is_writable(database.parent):
        raise DatabaseProblem(
            database,
            f"{READ_ONLY}. Loopwise needs to save your work there.",
            can_start_fresh=False,
        )
    try:
        wait_until_readable(database, wait or LockWait(database))
        with closing(sqlite3.connect(database, timeout=0.2)) as connection:
            if not thorough:
                connection.execute(QUICK_LOOK).fetchall()
                return
            rows = connection.execute("PRAGMA integrity_check").fetchall()
    except DatabaseLocked:
        raise locked_problem(database) from None
    except sqlite3.OperationalError as error:
        if is_lock_error(error):
            raise locked_problem(database) from None
        raise damaged_problem(database, error) from None
    except sqlite3.DatabaseError as error:
        raise damaged_problem(database, error) from None
    problem = _judge_findings(database, rows)
    if problem is not None:
        raise problem


MISSING = (
    "the backups beside it show it held your data, but the file is not there. It may have "
    "been deleted by accident or moved away by a sync program."
)
DAMAGED = (
    "the file is damaged, so your data cannot be read from it (a crash, a power cut or a "
    "failing disk can do this)."
)

EMPTIED = (
    "the file is empty (0 bytes), although your backups show it held your data: something "
    "emptied it (a crash, a full disk or a sync program)."
)


def holds_backups(backups_dir: Path) -> bool:
    """True if `backups_dir` holds a finished backup (named as one; not checked here)."""
    try:
        return any(backups_dir.glob("loopwise-*.sqlite3"))
    except OSError:
        return False


def _judge_findings(database: Path, rows: list[tuple[object, ...]]) -> DatabaseProblem | None:
    findings = [str(row[0]) for row in rows]
    if findings == ["ok"]:
        return None
    summary = "; ".join(findings[:3])
    more = f" (and {len(findings) - 3} more)" if len(findings) > 3 else ""
    return DatabaseProblem(
        database, DAMAGED, detail=f"SQLite's integrity check failed: {summary}{more}."
    )


def damaged_problem(database: Path, error: sqlite3.Error) -> DatabaseProblem:
    """A file SQLite cannot read, in plain words, with what SQLite said as the detail."""
    return DatabaseProblem(database, DAMAGED, detail=f"SQLite reports: {error}.")


class IntegrityCheck:
    """SQLite's full integrity check of the database the app has open, for a worker thread.

    It reads the whole file (a tenth of a second or more on years of data), so start-up
    runs only the quick look and this once the window is up. cancel(), from any thread,
    stops it early: quitting never waits for it. Only reads; a lock or a cancel is not
    damage and gives no finding.
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._cancelled = False

    def run(self) -> DatabaseProblem | None:
        """The damage found, or None when the file is whole (or the check was stopped)."""
        with self._lock:
            if self._cancelled:
                return None
            try:
                # Made here, used only on this thread; cancel() may interrupt it from another.
                connection = sqlite3.connect(self.database, timeout=0.2, check_same_thread=False)
            except sqlite3.Error:
                return None  # the file went away or cannot be opened now: nothing to judge
            self._connection = connection
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.OperationalError as error:
            if self._cancelled or is_lock_error(error):
                return None
            return damaged_problem(self.database, error)
        except sqlite3.DatabaseError as error:
            return damaged_problem(self.database, error)
        finally:
            with self._lock:
                self._connection = None
                connection.close()
        return _judge_findings(self.database, rows)

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._connection is not None:
                self._connection.interrupt()


def locked_problem(database: Path) -> DatabaseProblem:
    return DatabaseProblem(
        database,
        "another program is using it right now (it is locked). Close that program "
        "and start Loopwise again.",
        can_start_fresh=False,
    )


def move_aside(database: Path, *, now: datetime) -> Path:
    """Rename a damaged database (and its -wal/-shm files) so a fresh one can start beside it.

    Nothing is deleted or overwritten; the returned path is where the old file now lives.
    """
    # Named by local time: the user reads the name in a file manager.
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    counter = 1
    target = database.with_name(f"{database.stem}.damaged-{stamp}{database.suffix}")
    while any(target.with_name(target.name + end).exists() for end in ("", "-wal", "-shm")):
        counter += 1
        target = database.with_name(f"{database.stem}.damaged-{stamp}-{counter}{database.suffix}")
    for suffix in ("-wal", "-shm"):
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    database.rename(target)
    return target
