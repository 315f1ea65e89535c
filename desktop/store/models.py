"""Database tables. The schema itself is created and changed only by Alembic migrations."""

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


class PracticeSession(SQLModel, table=True):
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


class SessionTag(SQLModel, table=True):
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
    session_id: int | None = Field(default=None, foreign_key="practice_session.id")
    path_id: str | None = None
    item_id: str | None = None
    word_count: int = Field(default=0)
    created_at: datetime
    updated_at: datetime


# --- STAR stories ------------------------------------------------------------------------------


class StoryRow(SQLModel, table=True):
    """A STAR story. A deleted story is marked, so undo can bring it back."""

    __tablename__ = "story"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(default="")
    situation: str = Field(default="")
    task: str = Field(default="")
    action: str = Field(default="")
    result: str = Field(default="")
    scope: str = Field(default="team")
    companies: str = Field(default="")  # one per line
    notes: str = Field(default="")
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class StoryTheme(SQLModel, table=True):
    """A theme a story can answer (a shipped theme id or one of the user's own)."""

    __tablename__ = "story_theme"

    story_id: int = Field(foreign_key="story.id", primary_key=True)
    theme_id: str = Field(primary_key=True, index=True)


class StoryJournalLink(SQLModel, table=True):
    """A journal entry the story draws on; the link goes when the entry is deleted."""

    __tablename__ = "story_journal_link"

    story_id: int = Field(foreign_key="story.id", primary_key=True)
    entry_id: int = Field(foreign_key="journal_entry.id", primary_key=True, ondelete="CASCADE")


class StoryRehearsal(SQLModel, table=True):
    """One timed rehearsal of a story, appended and never edited."""

    __tablename__ = "story_rehearsal"

    id: int | None = Field(default=None, primary_key=True)
    story_id: int = Field(foreign_key="story.id", index=True)
    rehearsed_at: datetime
    seconds: int
    rating: int
    note: str = Field(default="")


class CustomStoryTheme(SQLModel, table=True):
    """A behavioral theme the user added to the shipped ones."""

    __tablename__ = "custom_story_theme"

    id: str = Field(primary_key=True)
    title: str
    description: str = Field(default="")
    created_at: datetime


# --- Weekly planner and mock interviews --------------------------------------------------


class PlanEntry(SQLModel, table=True):
    """One item planned on one day. Whether it is done is never stored: it comes from the log."""

    __tablename__ = "plan_item"

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(index=True)
    title: str
    path_id: str | None = None
    item_id: str | None = None
    routine_id: str | None = None
    kind: str | None = None
    minutes: int
    source: str
    reason: str = Field(default="")
    skipped: bool = Field(default=False)
    carried_over: bool = Field(default=False)
    carried_from: date | None = None
    created_at: datetime


class MockInterviewRow(SQLModel, table=True):
    """A mock interview the user logged; its scores and exposed weak spots are rows of their own."""

    __tablename__ = "mock_interview"

    id: int | None = Field(default=None, primary_key=True)
    held_at: datetime = Field(index=True)
    kind: str
    with_whom: str = Field(default="")
    feedback: str = Field(default="")
    minutes: int
    journal_entry_id: int | None = None  # no foreign key: deleting the entry keeps the mock
    created_at: datetime
    updated_at: datetime


class MockScore(SQLModel, table=True):
    __tablename__ = "mock_score"

    mock_id: int = Field(foreign_key="mock_interview.id", primary_key=True)
    dimension: str = Field(primary_key=True)
    score: int


class MockExposed(SQLModel, table=True):
    """A taxonomy entry a mock interview exposed as a weak spot."""

    __tablename__ = "mock_exposed"

    mock_id: int = Field(foreign_key="mock_interview.id", primary_key=True)
    tag: str = Field(primary_key=True, index=True)


class PlannerSetting(SQLModel, table=True):
    """Planner settings that belong to the profile (hours per week, the review last offered)."""

    __tablename__ = "planner_setting"

    key: str = Field(primary_key=True)
    value: str
