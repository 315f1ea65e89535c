"""Failures as SQLite raises them, for tests about handling them (a full disk, a lock)."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

SQLITE_BUSY = 5
SQLITE_READONLY = 8
SQLITE_CANTOPEN = 14
SQLITE_FULL = 13

_MESSAGES = {
    SQLITE_BUSY: "database is locked",
    SQLITE_READONLY: "attempt to write a readonly database",
    SQLITE_CANTOPEN: "unable to open database file",
    SQLITE_FULL: "database or disk is full",
}


def sqlite_error(code: int) -> sqlite3.OperationalError:
    """The error sqlite3 raises for a result code, with the code set as sqlite3 sets it."""
    error = sqlite3.OperationalError(_MESSAGES[code])
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


def sqlite_failure(code: int, statement: str = "UPDATE") -> OperationalError:
    """The same, as SQLAlchemy hands it on."""
    return OperationalError(statement, {}, sqlite_error(code))
