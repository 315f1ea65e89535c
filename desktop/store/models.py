"""The core database tables: progress, practice sessions and the journal, which the first page
needs. The story bank's and the planner's are in story_tables.py and plan_tables.py, loaded
with their pages. The schema itself is created and changed only by Alembic migrations."""

from __future__ import annotations

from datetime import date, datetime

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


class AttemptRow(SQLModel, table=True):
    """One timed attempt. The log only grows; a deleted attempt is marked, so undo can bring it
    back. What was practised is copied in, so the log stays readable if a path file changes."""

    __tablename__ = "practice_session"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(index=True)
    active_seconds: int
    outcome: str
    confidence: int
    title: str
    path_id: str | None = Field(default=None, index=True)
    item_id: str | None = None
    routine_id: str | None = None
    kind: str | None = None
    difficulty: str | None = None
    target_minutes: int | None = None
    quiz_correct: int | None = None
    quiz_total: int | None = None
    logged_at: datetime
    deleted_at: datetime | None = None


class AttemptTagRow(SQLModel, table=True):
    """A taxonomy entry attached to an attempt: a pattern applied, a struggle, a step covered."""

    __tablename__ = "session_tag"

    session_id: int = Field(foreign_key="practice_session.id", primary_key=True)
    role: str = Field(primary_key=True)
    tag: str = Field(primary_key=True, index=True)


class JournalEntry(SQLModel, table=True):
    """A Markdown entry: a retrospective, a free note, a weekly review or mock-interview notes."""

    __tablename__ = "journal_entry"

    id: int | None = Field(default=None, primary_key=True)
    entry_date: date = Field(index=True)
    title: str = Field(default="")
    body: str = Field(default="")
    kind: str = Field(default="note")
    tags: str = Field(default="")  # one per line; kept in the text index too
    template_id: str | None = None
    # Indexed: "Open retrospective" looks an entry up by its session.
    session_id: int | None = Field(default=None, foreign_key="practice_session.id", index=True)
    path_id: str | None = None
    item_id: str | None = None
    word_count: int = Field(default=0)
    created_at: datetime
    updated_at: datetime


class DeletedJournalEntry(SQLModel, table=True):
    """A deleted journal entry, kept whole so Undo can bring it back under its own id with
    the story links it had. Out of journal_entry, it is out of every list, search and count."""

    __tablename__ = "journal_entry_trash"
    # Never reused: an entry's id can be, so one entry id may have several deletes here.
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(index=True)
    deleted_at: datetime
    entry: str  # the entry's columns, as JSON
    story_ids: str = Field(default="")  # the stories that linked to it, comma-separated
