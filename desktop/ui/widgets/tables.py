"""What every table shares: column titles that sit over their column's text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def align_headers_with_cells(view: QTableView) -> None:
    """Titles start where the text below them starts: on the left, as Qt draws cells, unless
    the model aligns a column otherwise (numbers to the right) and says so for its title too.
    Qt's own default centres titles over left-aligned text."""
    view.horizontalHeader().setDefaultAlignment(LEFT)
