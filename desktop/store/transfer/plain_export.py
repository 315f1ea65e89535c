"""`loopwise export` of a profile of the current schema through the sqlite3 module alone.

Importing SQLAlchemy, SQLModel and the export's table classes was about half of the
command's time on ten years of data, yet SQLite writes the JSON itself (export_text.py):
with the tables' frozen description (export_plan.py) the command needs none of them. The
text is the one json_export.write_export writes. A profile of another schema, or a table
holding a value only the general way can write, is left to the general way: None.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.store.files import write_atomically
from desktop.store.locks import BUSY_TIMEOUT_MS
from desktop.store.migrate import SCHEMA_HEAD
from desktop.store.own_files import refuse_own_file
from desktop.store.transfer.collector import collector_paused
from desktop.store.transfer.export_plan import EXPORT_PLAN
from desktop.store.transfer.export_text import NeedsGeneralWay, export_pieces
from desktop.store.transfer.progress_report import Progress, quiet


def write_plain_export(
    database: Path, target: Path, *, now: datetime, progress: Progress = quiet
) -> int | None:
    """Write the export of `database` to `target` and return how many records it holds, or
    None (with nothing written) when the general way must do it. A failure to read or write
    raises as the general way's would (sqlite3.DatabaseError, OSError) and leaves `target`
    as it was."""
    refuse_own_file(target, database)
    with closing(sqlite3.connect(database, isolation_level=None)) as connection:
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # as the app's engine
        connection.execute("PRAGMA query_only=ON")  # an export never writes
        connection.execute("BEGIN")  # every table from one moment of the file
        try:
            if _revision(connection) != SCHEMA_HEAD:
                return None

            def query(text: str) -> tuple[Any, ...]:
                return tuple(connection.execute(text).fetchone())

            counts: list[int] = []

            def write(scratch: Path) -> None:
                with scratch.open("w", encoding="utf-8") as file:
                    for piece in export_pieces(
                        plan=EXPORT_PLAN, query=query, now=now, progress=progress, counts=counts
                    ):
                        file.write(piece)

            with collector_paused():
                write_atomically(target, write)
            return sum(counts)
        except NeedsGeneralWay:
            return None
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")


def _revision(connection: sqlite3.Connection) -> str | None:
    if not connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone():
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None
