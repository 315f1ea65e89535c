"""Progress on path items, their status history, and custom items.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "item_progress",
        sa.Column("path_id", sa.String(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("stage_id", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("notes_updated_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("path_id", "item_id"),
    )
    op.create_table(
        "status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path_id", sa.String(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_status_change_path_id", "status_change", ["path_id"])
    op.create_table(
        "custom_item",
        sa.Column("path_id", sa.String(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("stage_id", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("difficulty", sa.String(), nullable=False),
        sa.Column("target_minutes", sa.Integer(), nullable=False),
        sa.Column("topics", sa.String(), nullable=False),
        sa.Column("link", sa.String(), nullable=True),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("path_id", "item_id"),
    )


def downgrade() -> None:
    op.drop_table("custom_item")
    op.drop_index("ix_status_change_path_id", table_name="status_change")
    op.drop_table("status_change")
    op.drop_table("item_progress")
