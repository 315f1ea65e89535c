"""Each delete of a journal entry gets its own row in the trash.

The trash was keyed by the entry's id, and SQLite gives a freed id to the next new entry:
deleting the newest entry, writing another and deleting that one too overwrote the first in
the trash, so Undo could no longer bring the first back. Rows now have their own id, never
reused, and remember the entry's.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = "entry_id, deleted_at, entry, story_ids"


def upgrade() -> None:
    op.create_table(
        "journal_entry_trash_new",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entry", sa.String(), nullable=False),
        sa.Column("story_ids", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.execute(
        f"INSERT INTO journal_entry_trash_new ({COLUMNS}) "
        f"SELECT {COLUMNS} FROM journal_entry_trash ORDER BY deleted_at"
    )
    op.drop_table("journal_entry_trash")
    op.rename_table("journal_entry_trash_new", "journal_entry_trash")
    op.create_index("ix_journal_entry_trash_entry_id", "journal_entry_trash", ["entry_id"])


def downgrade() -> None:
    # Back to one row per entry id: the newest delete of each.
    op.create_table(
        "journal_entry_trash_old",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entry", sa.String(), nullable=False),
        sa.Column("story_ids", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id"),
    )
    op.execute(
        f"INSERT OR REPLACE INTO journal_entry_trash_old ({COLUMNS}) "
        f"SELECT {COLUMNS} FROM journal_entry_trash ORDER BY id"
    )
    op.drop_index("ix_journal_entry_trash_entry_id", "journal_entry_trash")
    op.drop_table("journal_entry_trash")
    op.rename_table("journal_entry_trash_old", "journal_entry_trash")
