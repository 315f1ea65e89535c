"""What a write changed, read from the rows the session flushed (Anki's OpChanges).

Nobody lists by hand what an action touched: the session notes every table a flush or a
bulk statement writes to, so the change signals always follow the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction


class Area(StrEnum):
    PROGRESS = "progress"  # statuses, notes and custom items of a learning path
    PRACTICE = "practice"  # the attempt log
    JOURNAL = "journal"
    STORIES = "stories"
    PLAN = "plan"  # planned items and planner settings
    MOCKS = "mocks"  # mock interviews


TABLE_AREAS: dict[str, Area] = {
    "item_progress": Area.PROGRESS,
    "status_change": Area.PROGRESS,
    "custom_item": Area.PROGRESS,
    "practice_session": Area.PRACTICE,
    "session_tag": Area.PRACTICE,
    "journal_entry": Area.JOURNAL,
    "journal_entry_trash": Area.JOURNAL,
    "story": Area.STORIES,
    "story_theme": Area.STORIES,
    "story_journal_link": Area.STORIES,
    "story_rehearsal": Area.STORIES,
    "custom_story_theme": Area.STORIES,
    "plan_item": Area.PLAN,
    "planner_setting": Area.PLAN,
    "mock_interview": Area.MOCKS,
    "mock_score": Area.MOCKS,
    "mock_exposed": Area.MOCKS,
}


@dataclass(frozen=True)
class Changes:
    """The areas a committed write touched, and which learning paths' progress moved."""

    areas: frozenset[Area] = frozenset()
    path_ids: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.areas)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas, self.path_ids | other.path_ids)


EVERYTHING = Changes(frozenset(Area))


class ChangeRecorder:
    """Listens to one session and gathers what it writes."""

    def __init__(self, session: Session) -> None:
        self._areas: set[Area] = set()
        self._path_ids: set[str] = set()
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "do_orm_execute", self._on_execute)

    @property
    def changes(self) -> Changes:
        return Changes(frozenset(self._areas), frozenset(self._path_ids))

    def _note(self, table: str, row: object | None = None) -> None:
        area = TABLE_AREAS.get(table)
        if area is None:
            raise LookupError(f"the table {table} belongs to no area of changes.TABLE_AREAS")
        self._areas.add(area)
        path_id = getattr(row, "path_id", None)
        if area is Area.PROGRESS and isinstance(path_id, str):
            self._path_ids.add(path_id)

    def _before_flush(self, session: Session, _context: UOWTransaction, _rows: Any) -> None:
        for row in (*session.new, *session.deleted):
            self._note(_table_of(row), row)
        for row in session.dirty:
            if session.is_modified(row):
                self._note(_table_of(row), row)

    def _on_execute(self, state: ORMExecuteState) -> None:
        if (state.is_update or state.is_delete or state.is_insert) and state.bind_mapper:
            self._note(state.bind_mapper.local_table.name)  # type: ignore[attr-defined]


def _table_of(row: object) -> str:
    return str(row.__table__.name)  # type: ignore[attr-defined]
