"""Practice sessions, their tags, and the journal with a full-text index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "practice_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active_seconds", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("confidence", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("path_id", sa.String(), nullable=True),
        sa.Column("item_id", sa.String(), nullable=True),
        sa.Column("routine_id", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("difficulty", sa.String(), nullable=True),
        sa.Column("target_minutes", sa.Integer(), nullable=True),
        sa.Column("quiz_correct", sa.Integer(), nullable=True),
        sa.Column("quiz_total", sa.Integer(), nullable=True),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_practice_session_started_at", "practice_session", ["started_at"])
    op.create_index("ix_practice_session_path_id", "practice_session", ["path_id"])
    op.create_table(
        "session_tag",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("tag", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["practice_session.id"]),
        sa.PrimaryKeyConstraint("session_id", "role", "tag"),
    )
    op.create_index("ix_session_tag_tag", "session_tag", ["tag"])
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("tags", sa.String(), nullable=False),
        sa.Column("template_id", sa.String(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("path_id", sa.String(), nullable=True),
        sa.Column("item_id", sa.String(), nullable=True),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["practice_session.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_journal_entry_entry_date", "journal_entry", ["entry_date"])
    # The text index mirrors journal_entry (external content); triggers keep it in step.
    op.execute(
        "CREATE VIRTUAL TABLE journal_search USING fts5("
        "title, body, tags, content='journal_entry', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER journal_entry_ai AFTER INSERT ON journal_entry BEGIN "
        "INSERT INTO journal_search(rowid, title, body, tags) "
        "VALUES (new.id, new.title, new.body, new.tags); END"
    )
    op.execute(
        "CREATE TRIGGER journal_entry_ad AFTER DELETE ON journal_entry BEGIN "
        "INSERT INTO journal_search(journal_search, rowid, title, body, tags) "
        "VALUES ('delete', old.id, old.title, old.body, old.tags); END"
    )
    op.execute(
        "CREATE TRIGGER journal_entry_au AFTER UPDATE ON journal_entry BEGIN "
        "INSERT INTO journal_search(journal_search, rowid, title, body, tags) "
        "VALUES ('delete', old.id, old.title, old.body, old.tags); "
        "INSERT INTO journal_search(rowid, title, body, tags) "
        "VALUES (new.id, new.title, new.body, new.tags); END"
    )


def downgrade() -> None:
    for trigger in ("journal_entry_au", "journal_entry_ad", "journal_entry_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS journal_search")
    op.drop_index("ix_journal_entry_entry_date", table_name="journal_entry")
    op.drop_table("journal_entry")
    op.drop_index("ix_session_tag_tag", table_name="session_tag")
    op.drop_table("session_tag")
    op.drop_index("ix_practice_session_path_id", table_name="practice_session")
    op.drop_index("ix_practice_session_started_at", table_name="practice_session")
    op.drop_table("practice_session")
