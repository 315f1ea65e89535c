"""Journal rows for the shared record list: a day's or month's entries, or search results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QObject

from desktop.domain.journal import EntryKind
from desktop.store.journal import MATCH_END, MATCH_START
from desktop.ui.formatting import day_with_year
from desktop.ui.widgets.record_list import RecordListModel, RowWording


@dataclass(frozen=True)
class EntryRow:
    id: int
    entry_date: date
    title: str
    kind: EntryKind
    words: int
    snippet: str = ""  # from a search, with MATCH_START / MATCH_END around matches


def entry_list_model(parent: QObject | None = None) -> RecordListModel[EntryRow]:
    return RecordListModel(_wording, parent)


def _wording(row: EntryRow) -> RowWording:
    return RowWording(_title(row), _facts(row), _html(row))


def _title(row: EntryRow) -> str:
    title = row.title.strip() or "Untitled entry"
    return title if len(title) <= 110 else title[:109].rstrip() + "…"


def _facts(row: EntryRow) -> str:
    day = day_with_year(row.entry_date)
    words = "1 word" if row.words == 1 else f"{row.words:,} words"
    return f"{day} · {row.kind.label} · {words}"


def _html(row: EntryRow) -> str:
    html = f"<b>{escape(_title(row))}</b><br><span class='muted'>{escape(_facts(row))}</span>"
    if row.snippet:
        marked = escape(row.snippet)
        marked = marked.replace(MATCH_START, "<span class='match'>").replace(MATCH_END, "</span>")
        html += f"<br>{marked}"
    return html
