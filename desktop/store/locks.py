"""A database another program holds locked: wait a bounded time, then say so and change nothing.

A lock is not damage. Every operation that meets one (start-up, backup, restore, import, the
automatic backup) waits here at most LOCK_WAIT_SECONDS, telling the user once that it waits,
and then gives up with DatabaseLocked, before it has changed anything.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

LOCK_WAIT_SECONDS = 10.0
# How long one SQLite statement waits for another connection's lock (every connection).
BUSY_TIMEOUT_MS = 5000
_RETRY_SECONDS = 0.2
# SQLite's primary result codes for "someone else holds the file" (BUSY, LOCKED).
_LOCK_CODES = {5, 6}

Note = Callable[[str], None]


def no_note(_message: str) -> None:
    """For callers with no one to tell (a worker thread): the failure itself is reported."""


class DatabaseLocked(Exception):
    """Another program held the database for longer than Loopwise waits. Nothing was changed."""

    def __init__(self, database: Path) -> None:
        super().__init__(
            f"another program is using {database} right now (it is locked), so Loopwise "
            "changed nothing. Close that program, or wait until it has finished, and try again"
        )
        self.database = database


def is_lock_error(error: BaseException) -> bool:
    cause = getattr(error, "orig", None) or error
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _LOCK_CODES
    return isinstance(cause, sqlite3.OperationalError) and "locked" in str(cause)


class LockWait:
    """Counts the time spent waiting for `database`; raises DatabaseLocked once it is up.

    Also a progress callback for sqlite3's Connection.backup, which would otherwise retry a
    locked file for ever.
    """

    def __init__(
        self, database: Path, *, seconds: float | None = None, note: Note = no_note
    ) -> None:
        self.database = database
        self.seconds = LOCK_WAIT_SECONDS if seconds is None else seconds
        self.note = note
        self._deadline: float | None = None

    def waiting(self) -> None:
        """Called each time the file was found locked."""
        if self._deadline is None:
            self._deadline = time.monotonic() + self.seconds
            self.note(
                f"Another program is using {self.database} right now; Loopwise waits for it "
                f"(at most {self.seconds:g} s)…"
            )
        if time.monotonic() >= self._deadline:
            raise DatabaseLocked(self.database)

    def __call__(self, status: int, _remaining: int, _total: int) -> None:
        if status in _LOCK_CODES:
            self.waiting()


def wait_until_readable(database: Path, wait: LockWait) -> None:
    """Return once `database` can be read; raise DatabaseLocked if it stays locked.

    Other database errors are left to the caller's own check.
    """
    while True:
        try:
            with closing(sqlite3.connect(database, timeout=_RETRY_SECONDS)) as connection:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return
        except sqlite3.OperationalError as error:
            if not is_lock_error(error):
                return
        wait.waiting()
        time.sleep(_RETRY_SECONDS)
