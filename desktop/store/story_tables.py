"""The story bank's tables, kept apart from the core ones so start-up does not define them:
only the Stories page and the export need them."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


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
