"""The SQLite engine, its pragmas, and one session per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects.sqlite import pysqlite  # noqa: F401  (see below)
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from desktop.store.locks import BUSY_TIMEOUT_MS

# The SQLite dialect is loaded above, not by the first create_engine: the app imports this
# module before PySide6, which reads the source of every module imported after it (about
# 15-30 ms for the dialect's imports of SQLAlchemy's largest modules).


def make_engine(database: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{database}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Any) -> None:
    """Start transactions ourselves, so schema changes roll back too (SQLAlchemy's recipe)."""
    connection.exec_driver_sql("BEGIN")


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 module would commit before every CREATE/ALTER on its own; turn that
    # off and let _begin open each transaction, so a failed migration leaves nothing behind.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # FULL: with WAL, every commit is on the disk before it returns, so an entry the app
        # said was saved survives a power cut too (docs/data-safety.md has the reasoning).
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """Open a session for one user action: commit on success, roll back on any error."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
