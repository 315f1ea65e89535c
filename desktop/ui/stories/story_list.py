"""Story rows for the shared record list: title, themes, length and when it was last rehearsed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from html import escape

from PySide6.QtCore import QObject

from desktop.domain.stories import (
    Story,
    StoryDraft,
    duration_text,
    is_due,
    rehearsed_text,
    story_timing,
)
from desktop.ui.widgets.record_list import RecordListModel, RowWording


@dataclass(frozen=True)
class StoryRow:
    story: Story
    rehearsed: str  # "Never rehearsed", "Rehearsed 3 days ago", ...
    due: bool  # not rehearsed lately, and with text to rehearse
    length: str = ""  # "3 themes · about 2 min spoken", worked out once

    @property
    def id(self) -> int:
        return self.story.id


def story_rows(stories: list[Story], now: datetime) -> list[StoryRow]:
    return [
        StoryRow(
            s,
            rehearsed_text(s.last_rehearsed, now),
            is_due(s, now),
            _length(s.draft),
        )
        for s in stories
    ]


def story_list_model(parent: QObject | None = None) -> RecordListModel[StoryRow]:
    return RecordListModel(_wording, parent)


def _wording(row: StoryRow) -> RowWording:
    rehearsed = escape(row.rehearsed)
    if row.due:
        rehearsed = f"<b>{rehearsed}</b>"
    html = (
        f"<b>{escape(_title(row))}</b><br>"
        f"<span class='muted'>{escape(row.length)}</span><br>{rehearsed}"
    )
    return RowWording(_title(row), _facts(row), html)


def _title(row: StoryRow) -> str:
    title = row.story.title
    return title if len(title) <= 90 else title[:89].rstrip() + "…"


@lru_cache(maxsize=1024)  # the list is rebuilt after every save; most stories did not change
def _length(draft: StoryDraft) -> str:
    themes = len(draft.themes)
    timing = story_timing(draft)
    theme_text = "no theme" if not themes else "1 theme" if themes == 1 else f"{themes} themes"
    if timing.total_words == 0:
        return f"{theme_text} · not written yet"
    return f"{theme_text} · about {duration_text(timing.total_seconds)} spoken"


def _facts(row: StoryRow) -> str:
    return f"{row.length} · {row.rehearsed}"
