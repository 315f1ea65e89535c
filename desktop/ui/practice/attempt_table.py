"""A thin, virtual table model over the logged attempts of a period.

Ten years of practice is 20,000 attempts: the model knows only how many there are and reads
the rows Qt asks for a page at a time, keeping a few pages, so the "Everything" period costs
no more to show than a week.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.store.log_order import LogSortKey
from desktop.store.practice import LogRow
from desktop.ui.formatting import date_and_time
from desktop.ui.widgets.plain_text import plain_tip

HEADERS = ("When", "What", "Time", "Outcome", "Confidence", "Patterns", "Struggled with")
PAGE_ROWS = 200  # a few screens of rows, read in one query of a millisecond or two
KEPT_PAGES = 8  # pages kept while scrolling; older ones are read again if scrolled back to

# Reads `limit` rows from `offset`, in the order the log shows.
PageReader = Callable[[int, int], list[LogRow]]


RIGHT_ALIGNED = (2, 4)  # time and confidence: numbers
# The columns a click on the title sorts by, and which way a first click sorts: newest, A to
# Z, the longest, the worst outcome and the least sure first (what is worth a second look).
SORT_KEYS = {
    0: (LogSortKey.WHEN, Qt.SortOrder.DescendingOrder),
    1: (LogSortKey.TITLE, Qt.SortOrder.AscendingOrder),
    2: (LogSortKey.TIME, Qt.SortOrder.DescendingOrder),
    3: (LogSortKey.OUTCOME, Qt.SortOrder.AscendingOrder),
    4: (LogSortKey.CONFIDENCE, Qt.SortOrder.AscendingOrder),
}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class AttemptTableModel(QAbstractTableModel):
    def __init__(self, label_of: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label = label_of
        self._count = 0
        self._read_page: PageReader = lambda _offset, _limit: []
        self._pages: OrderedDict[int, list[LogRow]] = OrderedDict()
        self.pages_read = 0  # how many page reads the table caused (tests look at it)
        self._sorted_column = 0

    def set_sorted_column(self, column: int) -> None:
        """The column the rows are sorted by (its title makes room for the arrow)."""
        if column != self._sorted_column:
            self._sorted_column = column
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)

    def set_period(self, count: int, read_page: PageReader) -> None:
        """Show `count` attempts, read through `read_page` as they come into view."""
        self.beginResetModel()
        self._count = count
        self._read_page = read_page
        self._pages.clear()  # the rows of the last period are let go
        self.endResetModel()

    def release_rows(self) -> None:
        """Let go of the rows read so far (the page is hidden): they are read again when
        next drawn. The rows did not change, so the view keeps its selection."""
        self._pages.clear()

    @property
    def pages_kept(self) -> int:
        return len(self._pages)

    def attempt_at(self, row: int) -> LogRow | None:
        if not 0 <= row < self._count:
            return None
        number, within = divmod(row, PAGE_ROWS)
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number * PAGE_ROWS, PAGE_ROWS)
            self.pages_read += 1
            self._pages[number] = page
            if len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        # A page that came back short (a read failed, or rows went since the count) shows
        # blank rows until the next read.
        return page[within] if within < len(page) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in RIGHT_ALIGNED:
            # The title over the numbers, as they are aligned; but Fusion draws the sort arrow
            # at the right edge, over a right-aligned title, so the sorted one stays left.
            return None if section == self._sorted_column else int(RIGHT)
        if role == Qt.ItemDataRole.InitialSortOrderRole and section in SORT_KEYS:
            return SORT_KEYS[section][1].value  # Qt wants it as a number
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in RIGHT_ALIGNED:
            return int(RIGHT)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        attempt = self.attempt_at(index.row())
        if attempt is None:
            return None
        text = self._text(attempt, index.column())
        # A title may look like HTML: a tooltip shows it as typed.
        return text if role == Qt.ItemDataRole.DisplayRole else plain_tip(text)

    def _text(self, attempt: LogRow, column: int) -> str:
        if column == 0:
            return date_and_time(attempt.started_at)
        if column == 1:
            return attempt.title
        if column == 2:
            target = f" / {attempt.target_minutes}" if attempt.target_minutes else ""
            return f"{attempt.minutes}{target} min"
        if column == 3:
            if attempt.quiz_total:
                return f"{attempt.outcome.label} ({attempt.quiz_correct}/{attempt.quiz_total})"
            return attempt.outcome.label
        if column == 4:
            return f"{attempt.confidence} / 5"
        tags = attempt.patterns if column == 5 else attempt.struggles
        return ", ".join(self._label(tag) for tag in tags)
