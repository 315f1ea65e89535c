"""Records that are marked deleted rather than removed, so Undo can bring them back whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from sqlmodel import Session

from desktop.store.models import AttemptRow
from desktop.store.story_tables import StoryRow

_Row = TypeVar("_Row", AttemptRow, StoryRow)


@dataclass(frozen=True)
class SoftDeleted(Generic[_Row]):
    """A table whose `deleted_at` hides a row from every view. An unknown id does nothing."""

    table: type[_Row]

    def delete(self, *, session: Session, record_id: int, now: datetime) -> None:
        """Hide the row; deleting it again keeps the first time."""
        row = session.get(self.table, record_id)
        if row is not None and row.deleted_at is None:
            row.deleted_at = now

    def restore(self, *, session: Session, record_id: int) -> None:
        row = session.get(self.table, record_id)
        if row is not None:
            row.deleted_at = None
