"""The weekly plan, mock interviews with their rubric scores, and planner settings.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("path_id", sa.String(), nullable=True),
        sa.Column("item_id", sa.String(), nullable=True),
        sa.Column("routine_id", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.Column("carried_over", sa.Boolean(), nullable=False),
        sa.Column("carried_from", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_item_day", "plan_item", ["day"])
    op.create_table(
        "mock_interview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("with_whom", sa.String(), nullable=False),
        sa.Column("feedback", sa.String(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("journal_entry_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_mock_interview_held_at", "mock_interview", ["held_at"])
    op.create_table(
        "mock_score",
        sa.Column("mock_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["mock_id"], ["mock_interview.id"]),
        sa.PrimaryKeyConstraint("mock_id", "dimension"),
    )
    op.create_table(
        "mock_exposed",
        sa.Column("mock_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["mock_id"], ["mock_interview.id"]),
        sa.PrimaryKeyConstraint("mock_id", "tag"),
    )
    op.create_index("ix_mock_exposed_tag", "mock_exposed", ["tag"])
    op.create_table(
        "planner_setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("planner_setting")
    op.drop_index("ix_mock_exposed_tag", table_name="mock_exposed")
    op.drop_table("mock_exposed")
    op.drop_table("mock_score")
    op.drop_index("ix_mock_interview_held_at", table_name="mock_interview")
    op.drop_table("mock_interview")
    op.drop_index("ix_plan_item_day", table_name="plan_item")
    op.drop_table("plan_item")
