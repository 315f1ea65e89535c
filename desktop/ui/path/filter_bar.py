"""The row of filters above the checklist: text, status, kind, and hiding difficulty."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from desktop.domain.curriculum import ItemKind
from desktop.domain.progress import ChecklistFilter, ItemStatus
from desktop.ui.widgets.controls import combo_box, filter_edit


class FilterBar(QWidget):
    changed = Signal()
    hide_difficulty_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.search = filter_edit(
            "Filter items by title, topic or stage",
            "Filter by title, topic or stage  (Ctrl+F)",
            self.changed,
        )
        row.addWidget(self.search, 2)
        self.status_filter = combo_box("Show items with status")
        self.status_filter.addItem("All statuses", None)
        for status in ItemStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.currentIndexChanged.connect(self.changed)
        row.addWidget(self.status_filter)
        self.kind_filter = combo_box("Show items of kind")
        self.kind_filter.addItem("All kinds", None)
        for kind in ItemKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.kind_filter.currentIndexChanged.connect(self.changed)
        row.addWidget(self.kind_filter)
        self.hide_difficulty = QCheckBox("Hide difficulty")
        self.hide_difficulty.setAccessibleName("Hide difficulty labels")
        self.hide_difficulty.setToolTip("Practise without knowing how hard an item is rated")
        self.hide_difficulty.toggled.connect(self.hide_difficulty_toggled)
        row.addWidget(self.hide_difficulty)

    def current(self) -> ChecklistFilter:
        status = self.status_filter.currentData()
        kind = self.kind_filter.currentData()
        return ChecklistFilter(
            statuses=frozenset({ItemStatus(status)}) if status else frozenset(),
            kinds=frozenset({ItemKind(kind)}) if kind else frozenset(),
            text=self.search.text(),
        )

    def clear(self) -> None:
        for widget in (self.search, self.status_filter, self.kind_filter):
            widget.blockSignals(True)
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.kind_filter.setCurrentIndex(0)
        for widget in (self.search, self.status_filter, self.kind_filter):
            widget.blockSignals(False)
        self.changed.emit()
