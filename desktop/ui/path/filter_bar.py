"""The row of filters above the checklist: text, status, kind, and hiding difficulty."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from desktop.domain.curriculum import ItemKind
from desktop.domain.progress import ChecklistFilter, ItemStatus
from desktop.ui.widgets.controls import combo_box, filter_edit


class FilterBar(QWidget):
    changed = Signal()
    hide_difficulty_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic_label: Callable[[str], str] | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.search = filter_edit(
            "Filter items by title, kind, topic or stage",
            "Filter by title, kind, topic or stage  (Ctrl+F)",
            self.changed,
        )
        row.addWidget(self.search, 2)
        self.status_filter = self._choice("Show items with status", "All statuses", ItemStatus)
        row.addWidget(self.status_filter)
        self.kind_filter = self._choice("Show items of kind", "All kinds", ItemKind)
        row.addWidget(self.kind_filter)
        self.hide_difficulty = QCheckBox("Hide difficulty")
        self.hide_difficulty.setAccessibleName("Hide difficulty labels")
        self.hide_difficulty.setToolTip("Practise without knowing how hard an item is rated")
        self.hide_difficulty.toggled.connect(self.hide_difficulty_toggled)
        row.addWidget(self.hide_difficulty)

    def _choice(
        self, name: str, everything: str, choices: type[ItemStatus] | type[ItemKind]
    ) -> QComboBox:
        """A drop-down of `everything` (no filter, data None) and then each of `choices`."""
        combo = combo_box(name)
        combo.addItem(everything, None)
        for choice in choices:
            combo.addItem(choice.label, choice.value)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def current(self) -> ChecklistFilter:
        """What the bar asks for; `topic_label` lets the text match topics by their labels."""
        status = self.status_filter.currentData()
        kind = self.kind_filter.currentData()
        return ChecklistFilter(
            statuses=frozenset({ItemStatus(status)}) if status else frozenset(),
            kinds=frozenset({ItemKind(kind)}) if kind else frozenset(),
            text=self.search.text(),
            topic_label=self.topic_label,
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
