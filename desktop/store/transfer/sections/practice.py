"""Export section "practice": the attempt log and the taxonomy tags on each attempt."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from desktop.domain.practice import Outcome, TagRole
from desktop.store.models import AttemptRow, AttemptTagRow
from desktop.store.transfer.records import Count, Key, Record, RowId, Time, Title, Whole
from desktop.store.transfer.section import Section
from desktop.store.transfer.tables import TableSpec


class PracticeSessionRecord(Record):
    id: RowId
    started_at: Time
    active_seconds: Count
    outcome: Outcome
    confidence: Annotated[Whole, Field(ge=1, le=5)]
    title: Title
    path_id: Key | None = None
    item_id: Key | None = None
    routine_id: Key | None = None
    kind: Key | None = None
    difficulty: Key | None = None
    target_minutes: Count | None = None
    quiz_correct: Count | None = None
    quiz_total: Count | None = None
    logged_at: Time
    deleted_at: Time | None = None


class SessionTagRecord(Record):
    session_id: RowId
    role: TagRole
    tag: Key


SESSIONS = TableSpec(
    "sessions",
    AttemptRow,
    PracticeSessionRecord,
    "practice session",
    identity=("logged_at", "started_at"),
)

SECTION = Section(
    "practice",
    (
        SESSIONS,
        TableSpec(
            "tags",
            AttemptTagRow,
            SessionTagRecord,
            "session tag",
            parent=("session_id", SESSIONS),
            exact=True,
        ),
    ),
)
