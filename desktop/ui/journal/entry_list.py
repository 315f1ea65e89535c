"""A thin list model over journal rows: a day's or month's entries, or search results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.journal import EntryKind
from desktop.store.journal import MATCH_END, MATCH_START
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class EntryRow:
    id: int
    entry_date: date
    title: str
    kind: EntryKind
    words: int
    snippet: str = ""  # from a search, with MATCH_START / MATCH_END around matches


class EntryListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EntryRow] = []

    def set_rows(self, rows: list[EntryRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, entry_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == entry_id), -1)

    def entry_at(self, row: int) -> EntryRow | None:
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
            return _html(row)
        if role == ENTRY_ID_ROLE:
            return row.id
        return None


def _title(row: EntryRow) -> str:
    title = row.title.strip() or "Untitled entry"
    return title if len(title) <= 110 else title[:109].rstrip() + "…"


def _facts(row: EntryRow) -> str:
    day = f"{row.entry_date.day} {row.entry_date:%b %Y}"
    words = "1 word" if row.words == 1 else f"{row.words:,} words"
    return f"{day} · {row.kind.label} · {words}"


def _html(row: EntryRow) -> str:
    html = f"<b>{escape(_title(row))}</b><br><span class='muted'>{escape(_facts(row))}</span>"
    if row.snippet:
        marked = escape(row.snippet)
        marked = marked.replace(MATCH_START, "<span class='match'>").replace(MATCH_END, "</span>")
        html += f"<br>{marked}"
    return html
