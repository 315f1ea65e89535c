"""Real files for the backup and restore tests: a profile with rows in it, and every kind of
file that looks like a backup but is not one (empty, cut off, foreign, from a newer version,
emptied since it was made, a link to nothing)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store.backup import backup_database, passes_integrity_check
from tests.clocks import StepClock, clock_start


def make_profile(data: Path, *, entries: int, sessions: int = 0) -> Path:
    """A closed Loopwise profile holding `entries` journal entries and `sessions` sessions."""
    open_profile(ProfileFolder(data), clock=StepClock()).close()
    database = data / "loopwise.sqlite3"
    add_rows(database, entries=entries, sessions=sessions)
    return database


def add_rows(database: Path, *, entries: int, sessions: int = 0, day: str = "2026-11-02") -> None:
    with closing(sqlite3.connect(database)) as connection:
        connection.executemany(
            "INSERT INTO journal_entry (entry_date, title, body, kind, tags, word_count, "
            "created_at, updated_at) VALUES (?, ?, ?, 'note', '', 50, "
            "'2026-11-02 09:00:00', '2026-11-02 09:00:00')",
            [(day, f"entry {n}", "what I learned today " * 40) for n in range(entries)],
        )
        connection.executemany(
            "INSERT INTO practice_session (started_at, active_seconds, outcome, confidence, "
            "title, logged_at) VALUES ('2026-11-02 09:00:00', 600, 'solved', 3, ?, "
            "'2026-11-02 09:10:00')",
            [(f"session {n}",) for n in range(sessions)],
        )
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def damage(database: Path) -> None:
    """Overwrite 4 KB in the middle of the file, as a failing disk might: past the pages a
    quick look reads, so only a whole integrity check finds it."""
    size = database.stat().st_size
    with database.open("r+b") as handle:
        handle.seek(size // 2 - (size // 2) % 4096)
        handle.write(b"\xa5" * 4096)
    assert not passes_integrity_check(database)


def count_entries(database: Path) -> int:
    with closing(sqlite3.connect(database)) as connection:
        return int(connection.execute("SELECT count(*) FROM journal_entry").fetchone()[0])


def good_backup(database: Path, *, hours_ago: float = 24) -> Path:
    taken = clock_start() - timedelta(hours=hours_ago)
    return backup_database(database, database.parent / "backups", "periodic", now=taken)


def backup_name(taken: datetime, reason: str = "manual") -> str:
    return f"loopwise-{taken:%Y%m%d-%H%M%S-%f}-{reason}.sqlite3"


def _execute(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
        connection.execute("PRAGMA journal_mode=DELETE")


def _empty(good: Path, target: Path) -> None:
    target.write_bytes(b"")


def _truncated(good: Path, target: Path) -> None:
    whole = good.read_bytes()
    target.write_bytes(whole[: len(whole) // 2])


def make_foreign(target: Path) -> None:
    """Someone else's SQLite file: a recipe list."""
    _execute(target, "CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('soup')")


def make_newer(database: Path) -> None:
    """A Loopwise database as a newer version of the app leaves it."""
    _execute(database, "UPDATE alembic_version SET version_num = '9999_from_a_newer_app'")


def _foreign(good: Path, target: Path) -> None:
    make_foreign(target)


def _newer(good: Path, target: Path) -> None:
    target.write_bytes(good.read_bytes())
    make_newer(target)


def _emptied(good: Path, target: Path) -> None:
    """A whole Loopwise database, but its rows are gone since its name recorded them."""
    target.write_bytes(good.read_bytes())
    _execute(target, "DELETE FROM journal_entry")


def _dangling(good: Path, target: Path) -> None:
    target.symlink_to(target.parent / "gone-elsewhere.sqlite3")


# Each kind of unusable file, and the reason the user is given for it.
UNUSABLE: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "zero-byte": (_empty, "the file is empty (0 bytes)"),
    "truncated": (_truncated, "it is damaged"),
    "foreign": (_foreign, "it is a SQLite database, but not one Loopwise made"),
    "newer-schema": (_newer, "it was made by a newer version of Loopwise"),
    "rows-gone": (
        _emptied,
        "it holds 0 journal entries and 2 sessions, but held 3 and 2 when it was made",
    ),
    "dangling-symlink": (_dangling, "the file is not there"),
}


def unusable_backup(kind: str, good: Path, *, hours_ago: float = 1) -> Path:
    """A file in the backups folder, newer than `good`, named like a backup, of this kind."""
    make, _reason = UNUSABLE[kind]
    taken = clock_start() - timedelta(hours=hours_ago)
    name = backup_name(taken, "manual")
    if kind == "rows-gone":
        name = name.replace(".sqlite3", "-3-entries-2-sessions.sqlite3")
    target = good.parent / name
    make(good, target)
    return target


HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA locking_mode=EXCLUSIVE")
connection.execute("BEGIN EXCLUSIVE")
connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("locked", flush=True)
sys.stdin.read()
"""


@contextmanager
def locked_by_another_program(database: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holds an exclusive lock on the database until the block ends."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as holder:  # fmt: skip
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            yield holder
        finally:
            holder.communicate(timeout=30)  # closing its input lets it go
