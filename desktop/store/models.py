"""Database tables. The schema itself is created and changed only by Alembic migrations."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class ItemProgress(SQLModel, table=True):
    """The user's progress on one path item, keyed by stable ids so it survives new path files.

    Title and stage are remembered so that an item later dropped from its file can still be shown.
    """

    __tablename__ = "item_progress"

    path_id: str = Field(primary_key=True)
    item_id: str = Field(primary_key=True)
    stage_id: str
    title: str
    status: str = Field(default="todo")
    status_changed_at: datetime | None = None
    notes: str = Field(default="")
    notes_updated_at: datetime | None = None


class StatusChange(SQLModel, table=True):
    """Every status change, appended and never edited: the item's history."""

    __tablename__ = "status_change"

    id: int | None = Field(default=None, primary_key=True)
    path_id: str = Field(index=True)
    item_id: str
    status: str
    changed_at: datetime


class CustomItem(SQLModel, table=True):
    """An item the user added to a stage."""

    __tablename__ = "custom_item"

    path_id: str = Field(primary_key=True)
    item_id: str = Field(primary_key=True)
    stage_id: str
    title: str
    kind: str
    difficulty: str
    target_minutes: int
    topics: str = Field(default="")
    link: str | None = None
    description: str | None = None
    created_at: datetime
