"""Turning database failures into sentences a user can act on.

Failures are sorted by SQLite's result code (and the OS error number), never by matching
message text: known trouble (a full disk, a read-only folder, a lock, damage) gets a plain
sentence; anything else is a bug in Loopwise and is reported as one.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum

from sqlalchemy.exc import SQLAlchemyError


class Trouble(StrEnum):
    DISK_FULL = "disk full"
    READ_ONLY = "read-only"
    LOCKED = "locked"
    DAMAGED = "damaged"
    DISK_ERROR = "disk error"
    BUG = "bug"


# SQLite's primary result codes (https://sqlite.org/rescode.html); extended codes carry
# the primary one in their low byte.
_SQLITE_CODES = {
    5: Trouble.LOCKED,  # SQLITE_BUSY
    6: Trouble.LOCKED,  # SQLITE_LOCKED
    8: Trouble.READ_ONLY,  # SQLITE_READONLY
    10: Trouble.DISK_ERROR,  # SQLITE_IOERR
    11: Trouble.DAMAGED,  # SQLITE_CORRUPT
    13: Trouble.DISK_FULL,  # SQLITE_FULL
    14: Trouble.DISK_ERROR,  # SQLITE_CANTOPEN
    26: Trouble.DAMAGED,  # SQLITE_NOTADB
}
_OS_ERRORS = {
    errno.ENOSPC: Trouble.DISK_FULL,
    errno.EDQUOT: Trouble.DISK_FULL,
    errno.EROFS: Trouble.READ_ONLY,
    errno.EACCES: Trouble.READ_ONLY,
    errno.EPERM: Trouble.READ_ONLY,
    errno.EIO: Trouble.DISK_ERROR,
}
_SENTENCES = {
    Trouble.DISK_FULL: "the disk is full. Free some space and try again",
    Trouble.READ_ONLY: "the data folder is read-only",
    Trouble.LOCKED: "another program is using the database right now",
    Trouble.DISK_ERROR: "the disk reported an error while writing",
    Trouble.DAMAGED: "the database file is damaged",
}

SAVE_ERRORS = (SQLAlchemyError, OSError, sqlite3.Error)


def classify(error: BaseException) -> Trouble:
    cause = getattr(error, "orig", None) or error
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_CODES.get(code & 0xFF, Trouble.BUG)
    if isinstance(cause, OSError):
        return _OS_ERRORS.get(cause.errno or 0, Trouble.DISK_ERROR)
    return Trouble.BUG


def sentence(trouble: Trouble) -> str:
    """The plain words for known trouble."""
    return _SENTENCES[trouble]


def explain(error: BaseException) -> str:
    """A few lowercase words on why a read or write failed."""
    trouble = classify(error)
    if trouble is Trouble.BUG:
        return str(getattr(error, "orig", None) or error).split("\n")[0]
    return _SENTENCES[trouble]


class WriteFailed(Exception):
    """A change the user made could not be saved. What they typed is still on screen."""

    def __init__(self, reason: str, trouble: Trouble = Trouble.BUG) -> None:
        super().__init__(reason)
        self.reason = reason
        self.trouble = trouble
