"""A compact, searchable set of taxonomy entries to tick (patterns applied, struggles).

Real check boxes rather than checkable list rows: the style sheet's indicator fitted the
rows badly (a thin clipped line), and clicking a row's label only selected it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from desktop.domain.taxonomy import TaxonomyEntry
from desktop.ui.widgets.controls import filter_edit
from desktop.ui.widgets.plain_text import plain_tip

COLUMNS = 2


class TagPicker(QWidget):
    changed = Signal()  # a box was ticked or cleared

    def __init__(
        self, name: str, entries: Iterable[TaxonomyEntry], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.filter = filter_edit(f"Filter {name.lower()}", "Filter…", self._apply_filter)
        layout.addWidget(self.filter)
        self.boxes: list[QCheckBox] = []
        for entry in entries:
            box = QCheckBox(entry.label)
            box.setAccessibleName(f"{name}: {entry.label}")
            box.setToolTip(plain_tip(entry.description or ""))
            box.setProperty("tag", entry.id)
            box.toggled.connect(self.changed)
            self.boxes.append(box)
        self._grid_host = QWidget()
        column = QVBoxLayout(self._grid_host)
        column.setContentsMargins(2, 2, 2, 2)
        self._grid = QGridLayout()
        self._grid.setVerticalSpacing(4)
        column.addLayout(self._grid)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._grid_host)
        layout.addWidget(scroll, 1)
        self._lay_out(self.boxes)

    def offered(self) -> set[str]:
        return {str(box.property("tag")) for box in self.boxes}

    def chosen(self) -> tuple[str, ...]:
        return tuple(str(box.property("tag")) for box in self.boxes if box.isChecked())

    def set_chosen(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        for box in self.boxes:
            box.setChecked(box.property("tag") in wanted)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        shown = [box for box in self.boxes if not needle or needle in box.text().casefold()]
        self._lay_out(shown)

    def _lay_out(self, shown: list[QCheckBox]) -> None:
        """Shown boxes fill the grid in order, so a filter leaves no holes."""
        for box in self.boxes:
            self._grid.removeWidget(box)
            box.setVisible(box in shown)
        rows = (len(shown) + COLUMNS - 1) // COLUMNS
        for index, box in enumerate(shown):  # down the first column, then the next
            self._grid.addWidget(box, index % max(rows, 1), index // max(rows, 1))
