"""Whether a file is a backup Loopwise can restore: a whole Loopwise database holding the rows
it held when it was made. Anything else gets the reason, in plain words."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from desktop.domain.backups import Contents, parse_backup_name

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100  # the database header at the start of page 1 (sqlite.org/fileformat.html)


def header_problem(header: bytes, file_size: int) -> str | None:
    """What the first 100 bytes and the file's length say is wrong, or None.

    Cheap (no page beyond the first is read), so a copy cut short is caught before the full
    integrity check: SQLite files are whole pages, at least one, and a header that records
    the page count (when that record is valid) names at most the pages the file has.
    """
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        return "it is not a SQLite database"
    if len(header) < HEADER_SIZE:
        return "it is damaged (it is shorter than a SQLite header)"
    raw = int.from_bytes(header[16:18], "big")
    page_size = 65536 if raw == 1 else raw
    if page_size < 512 or page_size & (page_size - 1):
        return "it is damaged (its header names no valid page size)"
    if file_size < page_size or file_size % page_size:
        return "it is damaged (the file is cut short: not a whole number of pages)"
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only while the change counter matches "version valid for".
    if pages and header[24:28] == header[92:96] and pages * page_size > file_size:
        return (
            f"it is damaged (the file is cut short: {file_size // page_size:,} of its "
            f"{pages:,} pages are there)"
        )
    return None


@dataclass(frozen=True)
class Verdict:
    """A usable backup has `contents`; an unusable one has `problem` (a short clause)."""

    contents: Contents | None = None
    problem: str | None = None
    # True when no version of Loopwise could ever restore the file (empty, not SQLite,
    # damaged, someone else's, emptied since): safe to delete. A file from a newer version,
    # or one that cannot be read just now, is not final.
    final: bool = False

    @property
    def usable(self) -> bool:
        return self.problem is None


def judge_backup(path: Path) -> Verdict:
    """Read the file (it is never written) and say whether it can be restored.

    Checks, in order: a regular, non-empty file; SQLite; whole (integrity check); made by
    Loopwise, at a schema this version knows; holding the rows its name says it held.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return Verdict(problem="the file is not there")
    except OSError as error:
        return Verdict(problem=f"the file cannot be read ({(error.strerror or '').lower()})")
    if not stat.S_ISREG(info.st_mode):
        return Verdict(problem="it is not a regular file")
    if info.st_size == 0:
        return Verdict(problem="the file is empty (0 bytes)", final=True)
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        return Verdict(problem=f"the file cannot be read ({(error.strerror or '').lower()})")
    problem = header_problem(header, info.st_size)
    if problem is not None:
        return Verdict(problem=problem, final=True)
    try:
        return _judge_database(path)
    except sqlite3.DatabaseError as error:
        return Verdict(problem=f"it is damaged (SQLite reports: {error})", final=True)


def _judge_database(path: Path) -> Verdict:
    # Immutable: nothing is written beside the file, so it works in a read-only folder too.
    uri = f"{path.resolve().as_uri()}?immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        findings = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        if findings != ["ok"]:
            return Verdict(problem="it is damaged (its integrity check failed)", final=True)
        names = {
            str(row[0])
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        }
        if "alembic_version" not in names:
            return Verdict(problem="it is a SQLite database, but not one Loopwise made", final=True)
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            return Verdict(
                problem="it does not say which version of Loopwise made it "
                "(its schema version record is empty)",
                final=True,
            )
        revision = str(row[0])
        contents = read_contents(connection, names)
    from desktop.store.migrate import SCHEMA_HEAD, known_revisions

    # The current schema is known without loading Alembic (about 0.2 s of imports).
    if revision != SCHEMA_HEAD and revision not in known_revisions():
        return Verdict(
            problem=f"it was made by a newer version of Loopwise (schema {revision}); "
            "update Loopwise to use it"
        )
    name = parse_backup_name(path.name)
    held = name.counts if name is not None else None
    now = (contents.journal_entries, contents.sessions)
    if held is not None and held != now:
        return Verdict(
            problem=f"it holds {now[0]:,} journal entries and {now[1]:,} sessions, but held "
            f"{held[0]:,} and {held[1]:,} when it was made",
            final=True,
        )
    return Verdict(contents=contents)


def read_contents(connection: sqlite3.Connection, names: set[str] | None = None) -> Contents:
    """How many journal entries, practice sessions, stories and plan items the database
    holds (an early schema without a table holds none of that kind). Counting is cheap next
    to the integrity check that comes before it."""
    if names is None:
        names = {
            str(row[0])
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    entries = sessions = 0
    last: date | None = None
    if "journal_entry" in names:
        entries, newest = connection.execute(
            "SELECT count(*), max(entry_date) FROM journal_entry"
        ).fetchone()
        last = _day(newest)
    if "practice_session" in names:
        (sessions,) = connection.execute("SELECT count(*) FROM practice_session").fetchone()
    return Contents(
        int(entries),
        int(sessions),
        last,
        stories=_count_shown(connection, names, "story"),
        plan_items=_count_shown(connection, names, "plan_item"),
    )


def _count_shown(
    connection: sqlite3.Connection, names: set[str], table: Literal["story", "plan_item"]
) -> int:
    """The table's rows, less those deleted (kept for Undo) where the schema marks them."""
    if table not in names:
        return 0
    columns = {str(row[1]) for row in connection.execute(f"PRAGMA table_info({table})")}
    hidden = " WHERE deleted_at IS NULL" if "deleted_at" in columns else ""
    (count,) = connection.execute(f"SELECT count(*) FROM {table}{hidden}").fetchone()
    return int(count)


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
