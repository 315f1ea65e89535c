"""STAR stories, their themes, journal links and rehearsals, and the user's own themes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("situation", sa.String(), nullable=False),
        sa.Column("task", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("result", sa.String(), nullable=False),
        sa.Column("scope", sa.String(), nullable=False),
        sa.Column("companies", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "story_theme",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"]),
        sa.PrimaryKeyConstraint("story_id", "theme_id"),
    )
    op.create_index("ix_story_theme_theme_id", "story_theme", ["theme_id"])
    op.create_table(
        "story_journal_link",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"]),
        sa.ForeignKeyConstraint(["entry_id"], ["journal_entry.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("story_id", "entry_id"),
    )
    op.create_table(
        "story_rehearsal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("rehearsed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_story_rehearsal_story_id", "story_rehearsal", ["story_id"])
    op.create_table(
        "custom_story_theme",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("custom_story_theme")
    op.drop_index("ix_story_rehearsal_story_id", table_name="story_rehearsal")
    op.drop_table("story_rehearsal")
    op.drop_table("story_journal_link")
    op.drop_index("ix_story_theme_theme_id", table_name="story_theme")
    op.drop_table("story_theme")
    op.drop_table("story")
