"""What every table shares: column titles that sit over their column's text, and a Tab key
that leaves the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def align_headers_with_cells(view: QTableView) -> None:
    """Titles start where the text below them starts: on the left, as Qt draws cells, unless
    the model aligns a column otherwise (numbers to the right) and says so for its title too.
    Qt's own default centres titles over left-aligned text."""
    view.horizontalHeader().setDefaultAlignment(LEFT)


def tab_leaves(view: QAbstractItemView) -> None:
    """Tab goes on to the next control instead of the next cell: Qt's tables step through
    every cell on Tab, which keeps a keyboard user in a read-only table. Arrows still move."""
    view.setTabKeyNavigation(False)
