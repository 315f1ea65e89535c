"""A thin list model over stories: title, themes, length and when it was last rehearsed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from html import escape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.stories import (
    RehearsalState,
    Story,
    StoryDraft,
    duration_text,
    rehearsal_state,
    rehearsed_text,
    story_timing,
)
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE

STORY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class StoryRow:
    story: Story
    rehearsed: str  # "Never rehearsed", "Rehearsed 3 days ago", ...
    due: bool  # not rehearsed lately
    length: str = ""  # "3 themes · about 2 min spoken", worked out once

    @property
    def id(self) -> int:
        return self.story.id


def story_rows(stories: list[Story], now: datetime) -> list[StoryRow]:
    return [
        StoryRow(
            s,
            rehearsed_text(s.last_rehearsed, now),
            rehearsal_state(s.last_rehearsed, now) is not RehearsalState.RECENT,
            _length(s.draft),
        )
        for s in stories
    ]


class StoryListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StoryRow] = []

    def set_rows(self, rows: list[StoryRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, story_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == story_id), -1)

    def row_at(self, row: int) -> StoryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{_title(row)}\n{_facts(row)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{_title(row)}, {_facts(row)}"
        if role == HTML_ROLE:
            rehearsed = escape(row.rehearsed)
            if row.due:
                rehearsed = f"<b>{rehearsed}</b>"
            return (
                f"<b>{escape(_title(row))}</b><br>"
                f"<span class='muted'>{escape(row.length)}</span><br>{rehearsed}"
            )
        if role == STORY_ID_ROLE:
            return row.id
        return None


def _title(row: StoryRow) -> str:
    title = row.story.title
    return title if len(title) <= 90 else title[:89].rstrip() + "…"


@lru_cache(maxsize=1024)  # the list is rebuilt after every save; most stories did not change
def _length(draft: StoryDraft) -> str:
    themes = len(draft.themes)
    timing = story_timing(draft)
    theme_text = "no theme" if not themes else "1 theme" if themes == 1 else f"{themes} themes"
    return f"{theme_text} · about {duration_text(timing.total_seconds)} spoken"


def _facts(row: StoryRow) -> str:
    return f"{row.length} · {row.rehearsed}"
