"""Whether a profile holds anything the user made, so that nothing is announced about an
empty one (backing up a new profile is not news)."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

# Tables the app keeps for itself: the schema's version and SQLite's own.
_BOOKKEEPING = ("alembic_version",)


def holds_user_data(*, session: Session) -> bool:
    """True once any of the database's own tables has a row. Full-text indexes (virtual
    tables and their shadow tables) only mirror other tables, so they do not count."""
    connection = session.connection()
    tables = connection.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    ).all()
    virtual = [
        str(name) for name, sql in tables if str(sql or "").upper().startswith("CREATE VIRTUAL")
    ]
    own = [
        str(name)
        for name, _sql in tables
        if not str(name).startswith("sqlite_")
        and name not in _BOOKKEEPING
        and not any(name == index or str(name).startswith(f"{index}_") for index in virtual)
    ]
    for name in own:
        quoted = '"' + name.replace('"', '""') + '"'
        if connection.execute(text(f"SELECT EXISTS (SELECT 1 FROM {quoted})")).scalar():
            return True
    return False
