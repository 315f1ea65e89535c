"""A list of records (journal entries, stories, ...) shown two lines a row, and picking one.

The pages differ only in the row type and how a row is worded; the model, the list view's
set-up and selecting a row without re-opening it are the same, so they live here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, NamedTuple, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QLabel, QListView

from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE, RichTextDelegate
from desktop.ui.widgets.view_or_note import ViewOrNote

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole.value
_ACCESSIBLE_TEXT_ROLE = Qt.ItemDataRole.AccessibleTextRole.value
_ANSWERED_ROLES = frozenset({_DISPLAY_ROLE, _ACCESSIBLE_TEXT_ROLE, HTML_ROLE, RECORD_ID_ROLE})


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)


class RowWording(NamedTuple):
    """How a row reads: a title and a line of facts (plain text), and the same as HTML."""

    title: str
    facts: str
    html: str


class RecordListModel(QAbstractListModel, Generic[R]):
    """Rows of type R, each worded by `wording`; RECORD_ID_ROLE gives the row's id."""

    def __init__(self, wording: Callable[[R], RowWording], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wording = wording
        self._rows: list[R] = []
        # Each row's wording, made when first asked for: a view asks for every row's HTML
        # several times a layout pass (60 stories: about 1,700 asks on a first show).
        self._words: list[RowWording | None] = []

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._words = [None] * len(rows)
        self.endResetModel()

    def row_of(self, record_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == record_id), -1)

    def replace_row(self, record: R) -> None:
        """Show `record` in place of the row with its id (where there is one), in place."""
        row = self.row_of(record.id)
        if row >= 0:
            self._rows[row] = record
            self._words[row] = None
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        # Plain ints: views ask for a dozen roles per row each pass, and comparing with Qt's
        # enum members costs more than the answer.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        number = index.row()
        if role == RECORD_ID_ROLE:
            return self._rows[number].id
        words = self._words[number]
        if words is None:
            words = self._words[number] = self._wording(self._rows[number])
        if role == _DISPLAY_ROLE:
            return f"{words.title}\n{words.facts}"
        if role == _ACCESSIBLE_TEXT_ROLE:
            return f"{words.title}, {words.facts}"
        return words.html


def record_list_view(
    model: RecordListModel[R], name: str, on_current: Callable[[int], None]
) -> QListView:
    """A list view of `model` with rich-text rows that re-wrap when resized; `on_current` gets
    the row the user moves to."""
    view = QListView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setItemDelegate(RichTextDelegate(view))
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap rows when resized
    view.selectionModel().currentChanged.connect(lambda current, _: on_current(current.row()))
    return view


class RecordListArea(NamedTuple):
    view: QListView
    note: QLabel  # shown instead of the rows when there are none; the page words it
    area: ViewOrNote  # the view or the note: what the page lays out


def record_list_area(
    model: RecordListModel[R], name: str, on_current: Callable[[int], None], note_name: str
) -> RecordListArea:
    """record_list_view's list, with a muted note at the top for when it has no rows."""
    view = record_list_view(model, name, on_current)
    note = text_label(note_name, "muted")
    note.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    return RecordListArea(view, note, ViewOrNote(view, note))


def select_row(view: QListView, row: int, *, open_it: bool = True, scroll: bool = True) -> None:
    """Make `row` the current row. With open_it False the view's selection signals are
    blocked, so the page does not re-open what it already shows."""
    index = view.model().index(row, 0)
    selection = view.selectionModel()
    if not open_it:
        selection.blockSignals(True)
    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    if not open_it:
        selection.blockSignals(False)
    if scroll:  # laying out every row to find this one is slow: only when asked
        view.scrollTo(index)


def select_record(
    view: QListView, record_id: int, *, open_it: bool = True, scroll: bool = True
) -> bool:
    """Select the row of record `record_id` as select_row does; False if it is not listed."""
    model = view.model()
    assert isinstance(model, RecordListModel)
    row = model.row_of(record_id)
    if row >= 0:
        select_row(view, row, open_it=open_it, scroll=scroll)
    return row >= 0
