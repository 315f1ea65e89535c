"""The weekly planner's and mock interviews' tables, kept apart from the core ones so start-up
does not define them: only the Plan and Trends pages and the export need them."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel


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
