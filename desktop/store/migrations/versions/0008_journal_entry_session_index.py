"""An index on journal_entry.session_id.

"Open retrospective" finds a session's entry by its session id; without an index SQLite
read every journal entry to find it, which grows with the years of a profile.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEX = "ix_journal_entry_session_id"


def upgrade() -> None:
    op.create_index(INDEX, "journal_entry", ["session_id"])


def downgrade() -> None:
    op.drop_index(INDEX, "journal_entry")
