"""The checklist's tree view and how it shares its width between the columns.

The Item column takes whatever the short columns leave. Those are as wide as what they show
now (a path nobody has started shows only "To do"), a column with nothing in it is hidden,
and when the titles would be cut the Changed date and then the Kind step aside: the item
panel beside the list shows both for the chosen item.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTreeView, QWidget

from desktop.ui.path.checklist_model import ChecklistModel, Column

SHORT_COLUMNS = (Column.KIND, Column.DIFFICULTY, Column.TARGET, Column.STATUS, Column.CHANGED)
# Columns given up, in this order, while the titles lack room.
GIVE_WAY_ORDER = (Column.CHANGED, Column.KIND)
CELL_PADDING = 18  # the item's padding and the header's margins, both sides
STATUS_DOT_ROOM = 22  # the status dot and its gap
# Titles wider than this may be cut (with a tooltip) rather than hide more columns.
ENOUGH_FOR_TITLES = 320


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
        self._empty = {column for column in SHORT_COLUMNS if not texts[column]}
        for column in SHORT_COLUMNS:
            heading = str(self._model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(
                [header_metrics.horizontalAdvance(heading) + 8]  # room for the sort margin
                + [metrics.horizontalAdvance(text) for text in texts[column]]
            )
            room = STATUS_DOT_ROOM if column is Column.STATUS else 0
            self._widths[column] = widest + CELL_PADDING + room
            self.header().resizeSection(column, self._widths[column])
        titles = texts[Column.TITLE]
        self._title_width = (
            max(metrics.horizontalAdvance(t) for t in titles) + self.indentation() + CELL_PADDING
            if titles
            else 0
        )
        self._share_width()

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
