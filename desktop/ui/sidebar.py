"""The list of sections down the window's left side: names and icons in a roomy window, icons
alone (each named in its tooltip) when the window is narrow, as Obsidian and Things do."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

WIDE_WIDTH = 190
NARROW_WIDTH = 56
# Below this window width the pages need the room more than the names do.
COLLAPSE_BELOW_WINDOW_WIDTH = 1000
ROW_HEIGHT = 38  # style-sheet padding is not counted otherwise
TITLE_ROLE = Qt.ItemDataRole.UserRole


class Sidebar(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("navigation")
        self.setAccessibleName("Sections")
        self.setIconSize(QSize(18, 18))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.collapsed = False
        self.setFixedWidth(WIDE_WIDTH)

    def add_section(self, title: str) -> QListWidgetItem:
        entry = QListWidgetItem(title)
        entry.setData(TITLE_ROLE, title)
        entry.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        entry.setSizeHint(QSize(0, ROW_HEIGHT))
        self.addItem(entry)
        self._show_names(entry)
        return entry

    def fit_to_window_width(self, width: int) -> None:
        self.set_collapsed(width < COLLAPSE_BELOW_WINDOW_WIDTH)

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed == self.collapsed:
            return
        self.collapsed = collapsed
        self.setFixedWidth(NARROW_WIDTH if collapsed else WIDE_WIDTH)
        for row in range(self.count()):
            self._show_names(self.item(row))

    def _show_names(self, entry: QListWidgetItem) -> None:
        title = str(entry.data(TITLE_ROLE))
        # Collapsed, the name moves to the tooltip; screen readers keep it either way.
        entry.setText("" if self.collapsed else title)
        entry.setToolTip(title if self.collapsed else "")
