"""Bringing a database file up to the current schema, always after a backup."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from desktop.clock import Clock
from desktop.store.backup import DamagedCopy, backup_database
from desktop.store.health import (
    DatabaseProblem,
    damaged_problem,
    failure_text,
    locked_problem,
)
from desktop.store.locks import DatabaseLocked, is_lock_error

# The newest migration. Comparing against it lets a normal start skip loading Alembic;
# a test keeps it equal to the head of desktop/store/migrations.
SCHEMA_HEAD = "0009"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def current_revision(database: Path) -> str | None:
    if not database.exists() or database.stat().st_size == 0:
        return None
    with closing(sqlite3.connect(database)) as connection:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _schema_names(database: Path) -> set[str]:
    """Every table, view, index and trigger in the file: a file holding only a view is
    someone's data too."""
    if not database.exists() or database.stat().st_size == 0:
        return set()
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
    return {str(row[0]) for row in rows}


def upgrade_database(
    database: Path, backups_dir: Path, *, clock: Clock, copied: Path | None = None
) -> Path | None:
    """Run pending migrations; return the backup made first, if there was anything to back up.

    `copied` is a whole backup of the database as it is now, just made (the data as a restore
    left it): it is the copy from before the upgrade, and no second one is made."""
    try:
        revision = current_revision(database)
        if revision == SCHEMA_HEAD:
            return None
        names = _schema_names(database)
    except sqlite3.OperationalError as error:
        if is_lock_error(error):
            raise locked_problem(database) from None
        raise damaged_problem(database, error) from None
    if names and "alembic_version" not in names:
        # Someone else's SQLite file: adding our tables to it would change their data.
        raise DatabaseProblem(
            database,
            "it is a SQLite database, but not one Loopwise made, so Loopwise will not write to it.",
        )
    if revision is None and names - {"alembic_version"}:
        # Loopwise's tables without a record of their version: migrating would guess, and
        # every attempt would add a backup. Refused before anything is written.
        raise DatabaseProblem(
            database,
            "its record of which Loopwise version made it (the alembic_version table) is "
            "empty, so Loopwise cannot tell how to read it. Nothing in it was changed.",
        )
    known = known_revisions()
    if revision is not None and revision not in known:
        raise DatabaseProblem(
            database,
            "it was written by a newer version of Loopwise. Please update the app to open it.",
            can_start_fresh=False,
        )
    # A file with no recorded version holds nothing yet (a first start that stopped early).
    backup = copied
    if revision is not None and backup is None:
        try:
            backup = backup_database(database, backups_dir, "before-upgrade", now=clock())
        except DatabaseLocked:
            raise locked_problem(database) from None
        except DamagedCopy as damaged:
            raise DatabaseProblem(
                database, f"it could not be backed up before the upgrade: {damaged}"
            ) from None
    try:
        run_migrations(database)
    except Exception as error:
        from desktop.store.errors import Trouble, classify  # loads SQLAlchemy: only here

        kept = f" A copy from before the upgrade is in {backup}." if backup else ""
        if classify(error) is Trouble.DISK_FULL:  # a fresh profile would not fit either
            raise DatabaseProblem(
                database, f"{failure_text(error, database.parent)}.{kept}", can_start_fresh=False
            ) from error
        raise DatabaseProblem(
            database, f"upgrading it to this version of Loopwise failed ({error}).{kept}"
        ) from error
    return backup


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {rev.revision for rev in script.walk_revisions()}


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def run_migrations(database: Path, target: str = "head") -> None:
    """Alembic's upgrade to `target` on this file, in one transaction (no backup: see above)."""
    from alembic import command
    from alembic.config import Config

    from desktop.store.database import make_engine

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = make_engine(database)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
    finally:
        engine.dispose()
