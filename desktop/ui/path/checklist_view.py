"""The checklist's tree view and how it shares its width between the columns.

The Item column takes whatever the short columns leave. Those are as wide as what they show
now, except that the Status and Changed columns are as wide as anything they could show
(every status, a date in any month), so marking an item does not shift the columns by a few
pixels; a column with nothing in it is hidden, except Changed, which shows "—" until a status
changes (it appeared with the first change of a session and pushed the others aside),
and when the titles would be cut the Changed date, then the Kind, then the Target step aside:
the item panel beside the list shows all three for the chosen item. Only when even that
leaves too little room (or a title of the user's own is very long) is a title cut, and its
tooltip holds it whole.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTreeView, QWidget

from desktop.domain.item_status import ItemStatus
from desktop.ui.formatting import day_with_year
from desktop.ui.path.checklist_model import ChecklistModel, Column

SHORT_COLUMNS = (Column.KIND, Column.DIFFICULTY, Column.TARGET, Column.STATUS, Column.CHANGED)
# Columns given up, in this order, while the titles lack room: the least telling first (the
# item panel shows each of them for the chosen item). Status and Difficulty always stay.
GIVE_WAY_ORDER = (Column.CHANGED, Column.KIND, Column.TARGET)
CELL_PADDING = 18  # the item's padding and the header's margins, both sides
STATUS_DOT_ROOM = 22  # the status dot and its gap
# Titles wider than this may be cut (with a tooltip) rather than hide more columns: the
# longest title of the bundled paths (about 400 px with its indent) fits, a very long title
# of the user's own does not take every column away.
ENOUGH_FOR_TITLES = 440


def _could_show(column: Column) -> set[str]:
    """What the column may show after a status change, whatever it shows now: measured too,
    so a change does not move the columns. (Day 28 of each month: two-digit days, and the
    digits of common fonts are equally wide.)"""
    if column is Column.STATUS:
        return {status.label for status in ItemStatus}
    if column is Column.CHANGED:
        return {day_with_year(date(2000, month, 28)) for month in range(1, 13)}
    return set()


class ChecklistView(QTreeView):
    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self._widths: dict[Column, int] = {}
        self._empty: set[Column] = set()
        self._title_width = 0
        self._difficulty_hidden = False
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in SHORT_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)

    # What the page asks for ------------------------------------------------------------------

    def set_difficulty_hidden(self, hidden: bool) -> None:
        self._difficulty_hidden = hidden
        self._share_width()

    def hidden_columns(self) -> set[Column]:
        return {column for column in Column if self.isColumnHidden(column)}

    # Measuring ---------------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """Measure what the columns show now; the page calls it after each change of rows
        or their cells (a path has a few hundred rows at most, so this stays cheap)."""
        metrics = self.fontMetrics()
        header_metrics = self.header().fontMetrics()
        texts: dict[Column, set[str]] = {column: set() for column in Column}
        for stage_row in range(self._model.rowCount()):
            stage = self._model.index(stage_row, 0)
            for row in range(self._model.rowCount(stage)):
                for column in Column:
                    text = self._model.index(row, column, stage).data()
                    if text:
                        texts[column].add(str(text))
        self._empty = {
            column for column in SHORT_COLUMNS if not texts[column] and column is not Column.CHANGED
        }
        for column in SHORT_COLUMNS:
            heading = str(self._model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(
                [header_metrics.horizontalAdvance(heading) + 8]  # room for the sort margin
                + [metrics.horizontalAdvance(text) for text in texts[column] | _could_show(column)]
            )
            room = STATUS_DOT_ROOM if column is Column.STATUS else 0
            self._widths[column] = widest + CELL_PADDING + room
            self.header().resizeSection(column, self._widths[column])
        self._title_width = self._widest_title_cell(texts[Column.TITLE])
        self._share_width()

    def _widest_title_cell(self, titles: set[str]) -> int:
        """The room the widest item title takes in the Item column: its cell as the delegate
        draws it (font, padding) after the indent of an item under its stage."""
        if not titles:
            return 0
        metrics = self.fontMetrics()
        widest = max(titles, key=metrics.horizontalAdvance)
        index = self._index_of_title(widest)
        if not index.isValid():
            return metrics.horizontalAdvance(widest) + 2 * self.indentation() + CELL_PADDING
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        cell = self.itemDelegateForIndex(index).sizeHint(option, index).width()
        # Items sit one level under their stage; the root's expand arrows take a level too.
        levels = 2 if self.rootIsDecorated() else 1
        return cell + levels * self.indentation()

    def _index_of_title(self, title: str) -> QModelIndex:
        for stage_row in range(self._model.rowCount()):
            stage = self._model.index(stage_row, 0)
            for row in range(self._model.rowCount(stage)):
                index = self._model.index(row, Column.TITLE, stage)
                if index.data() == title:
                    return index
        return QModelIndex()

    def _share_width(self) -> None:
        hidden = {column for column in self._empty}
        if self._difficulty_hidden:
            hidden.add(Column.DIFFICULTY)
        wanted = min(self._title_width, ENOUGH_FOR_TITLES)
        available = self.viewport().width()
        for column in GIVE_WAY_ORDER:
            shown = [c for c in SHORT_COLUMNS if c not in hidden]
            if available - sum(self._widths.get(c, 0) for c in shown) >= wanted:
                break
            hidden.add(column)
        for column in SHORT_COLUMNS:
            if self.isColumnHidden(column) != (column in hidden):
                self.setColumnHidden(column, column in hidden)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()
