"""The practice log's table view and how it shares its width between the columns.

The short columns (when, time, outcome, confidence) are as wide as what they show. What,
Patterns and Struggled with share the rest: each gets what it needs or an even share of
what is left, whichever is less, and What takes whatever nobody needs. So Patterns is not cut
while What has room to spare, and a text still too long keeps its tooltip.

Ten years are 20,000 rows, too many to measure: a column's need is measured on the rows on
show and those after them, SAMPLED_ROWS in all (rows the table reads anyway), once per period.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView, QWidget

from desktop.ui.practice.attempt_table import HEADERS, AttemptTableModel

WHAT = HEADERS.index("What")
# Columns that share the width left by the short ones; What, first, takes what is spare.
SHARING = (WHAT, HEADERS.index("Patterns"), HEADERS.index("Struggled with"))
SAMPLED_ROWS = 100  # rows measured for a column's need: about three screens
# A short column never takes more than this. The sharing ones need no such limit: an even
# share is the most a column gets while another still lacks room.
WIDEST_SHORT = 240


def fair_shares(available: int, needs: Sequence[int]) -> list[int]:
    """Share `available` pixels: the smallest need first, each column gets its need or an even
    share of what is still left, whichever is less (so nobody gets more than it needs and a
    column that needs little leaves the rest to the others)."""
    shares = [0] * len(needs)
    left = max(0, available)
    by_need = sorted(range(len(needs)), key=lambda column: needs[column])
    for position, column in enumerate(by_need):
        share = min(needs[column], left // (len(by_need) - position))
        shares[column] = share
        left -= share
    return shares


class AttemptTableView(QTableView):
    def __init__(self, model: AttemptTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._needs: dict[int, int] = {}
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self.fit_columns)

    def fit_columns(self) -> None:
        """Measure the columns on the rows of the period now shown, then share the width."""
        self._needs = {}
        for column in range(self.model().columnCount()):
            self._fit_short_column(column)
        self._share_width()

    def _need(self, column: int) -> int:
        """What a shown column needs (Qt measures only shown ones), kept until the rows change."""
        if column not in self._needs:
            header = self.horizontalHeader()
            wanted = max(header.sectionSizeHint(column), self._widest_cell(column))
            self._needs[column] = wanted if column in SHARING else min(WIDEST_SHORT, wanted)
        return self._needs[column]

    def _widest_cell(self, column: int) -> int:
        """The widest of the sampled cells, as the delegate draws it. Found by the font's
        metrics and measured once: the delegate's size hint for every sampled cell asked the
        model for a dozen roles each, which took about 150 ms per period on ten years."""
        model = self.model()
        first = max(0, self.rowAt(0))
        rows = range(first, min(model.rowCount(), first + SAMPLED_ROWS))
        metrics = self.fontMetrics()
        widest, widest_width = None, -1
        for row in rows:
            index = model.index(row, column)
            text = index.data()
            width = metrics.horizontalAdvance(text) if isinstance(text, str) else 0
            if width > widest_width:
                widest, widest_width = index, width
        if widest is None:
            return 0
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        cell = self.itemDelegateForIndex(widest).sizeHint(option, widest).width()
        return cell + 1 if self.showGrid() else cell  # the grid line takes a pixel of the cell

    def _fit_short_column(self, column: int) -> None:
        if column not in SHARING and not self.isColumnHidden(column):
            self.horizontalHeader().resizeSection(column, self._need(column))

    def _share_width(self) -> None:
        shown = [
            column
            for column in range(self.model().columnCount())
            if not self.isColumnHidden(column)
        ]
        sharing = [column for column in shown if column in SHARING]
        short = sum(self._need(column) for column in shown if column not in SHARING)
        shares = fair_shares(
            self.viewport().width() - short, [self._need(column) for column in sharing]
        )
        header = self.horizontalHeader()
        for column, share in zip(sharing, shares, strict=True):
            if column != WHAT:  # What stretches over its share and anything spare
                header.resizeSection(column, share)

    def setColumnHidden(self, column: int, hide: bool) -> None:
        super().setColumnHidden(column, hide)
        self._fit_short_column(column)
        self._share_width()  # a column gone leaves its room to the others, one back takes some

    def resizeEvent(self, event: QResizeEvent) -> None:
        # For a scroll area this is the viewport's size: a scroll bar coming or going counts.
        super().resizeEvent(event)
        self._share_width()
