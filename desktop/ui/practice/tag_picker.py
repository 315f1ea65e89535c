"""A compact, searchable set of taxonomy entries to tick (patterns applied, struggles).

Real check boxes rather than checkable list rows: the style sheet's indicator fitted the
rows badly (a thin clipped line), and clicking a row's label only selected it. The boxes take
one column where two do not fit, and a label too long for its column ends in "…" with the
whole label in its tooltip: the list never scrolls sideways."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.taxonomy import TaxonomyEntry
from desktop.ui.widgets.controls import filter_edit
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip

COLUMNS = 2  # at most
SHORTEST = "Abc…"  # the least of a label a box keeps when its column is narrow


class TagBox(QCheckBox):
    """A tick box whose label ends in "…" when its column is too narrow for it. Its size hint
    stays that of the whole label, so shortening it never changes the layout."""

    def __init__(self, label: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self.label = label
        self._description = description
        self.setToolTip(plain_tip(description))
        # A check box will not shrink below its whole label unless told it may.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return self._with_text_width(super().sizeHint(), self.label)

    def minimumSizeHint(self) -> QSize:
        return self._with_text_width(super().sizeHint(), SHORTEST)

    def _with_text_width(self, hint: QSize, text: str) -> QSize:
        metrics = self.fontMetrics()
        extra = metrics.horizontalAdvance(text) - metrics.horizontalAdvance(self.text())
        return QSize(hint.width() + extra, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        room = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self)
        shown = self.fontMetrics().elidedText(self.label, Qt.TextElideMode.ElideRight, room.width())
        if shown != self.text():
            self.setText(shown)
            whole = self.label if shown == self.label else f"{self.label}\n{self._description}"
            self.setToolTip(plain_tip(whole.strip()))


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
        self.boxes: list[TagBox] = []
        for entry in entries:
            box = TagBox(entry.label, entry.description or "")
            box.setAccessibleName(f"{name}: {entry.label}")
            box.setProperty("tag", entry.id)
            box.toggled.connect(self.changed)
            self.boxes.append(box)
        self._grid_host = QWidget()
        column = QVBoxLayout(self._grid_host)
        self._host_layout = column
        column.setContentsMargins(2, 2, 2, 2)
        self._grid = QGridLayout()
        self._grid.setVerticalSpacing(4)
        column.addLayout(self._grid)
        # A filter that matches nothing says so: the list was left a blank box.
        self.no_match = text_label(f"{name}: no match", "muted")
        self.no_match.hide()
        column.addWidget(self.no_match)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # No Tab stop of its own (it would be drawn nowhere): Tab goes on to the boxes, and
        # the area scrolls to the one that takes the focus.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(self._grid_host)
        self.scroll_area.viewport().installEventFilter(self)
        # Down goes on to the boxes, as from every other filter: the user typed, and walks
        # the matches to tick one (the key did nothing, and Space then typed into the filter).
        self.filter.installEventFilter(self)
        layout.addWidget(self.scroll_area, 1)
        self._columns = COLUMNS
        self._shown = self.boxes
        self._shown_once = False
        self._lay_out(self.boxes)

    def offered(self) -> set[str]:
        return {str(box.property("tag")) for box in self.boxes}

    def chosen(self) -> tuple[str, ...]:
        return tuple(str(box.property("tag")) for box in self.boxes if box.isChecked())

    def set_chosen(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        for box in self.boxes:
            box.setChecked(box.property("tag") in wanted)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            # An edited attempt's ticks may sit far down the list: the tab said "(1)" and
            # the tick was out of sight. Once laid out, the first ticked box is scrolled to.
            self._shown_once = True
            QTimer.singleShot(0, self, self._scroll_to_first_chosen)

    def _scroll_to_first_chosen(self) -> None:
        chosen = next((box for box in self._shown if box.isChecked()), None)
        if chosen is not None:
            self.scroll_area.ensureWidgetVisible(chosen)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        shown = [box for box in self.boxes if not needle or needle in box.label.casefold()]
        self._lay_out(shown)
        self.no_match.setText(f"Nothing in {self.accessibleName()} matches “{text.strip()}”.")
        self.no_match.setVisible(not shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and _is_plain_down(event) and self._shown:
            first = self._shown[0]
            first.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll_area.ensureWidgetVisible(first)
            return True
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            columns = COLUMNS if self._fits_columns(COLUMNS) else 1
            if columns != self._columns:
                self._columns = columns
                self._lay_out(self._shown)
        return super().eventFilter(watched, event)

    def _fits_columns(self, columns: int) -> bool:
        # Room for nine labels in ten: the few longest end in "…" rather than take a column
        # each of the two.
        widths = sorted(box.sizeHint().width() for box in self.boxes)
        widest = widths[(len(widths) - 1) * 9 // 10] if widths else 0
        margins = self._host_layout.contentsMargins()
        spacing = max(0, self._grid.horizontalSpacing())
        room = self.scroll_area.viewport().width() - margins.left() - margins.right()
        return columns * widest + (columns - 1) * spacing <= room

    def _lay_out(self, shown: list[TagBox]) -> None:
        """Shown boxes fill the grid in order, so a filter leaves no holes."""
        self._shown = shown
        for box in self.boxes:
            self._grid.removeWidget(box)
            box.setVisible(box in shown)
        rows = (len(shown) + self._columns - 1) // self._columns
        for index, box in enumerate(shown):  # down the first column, then the next
            self._grid.addWidget(box, index % max(rows, 1), index // max(rows, 1))
        # The grid's own invalidation leaves the column around it with the grid's old size:
        # from two columns to one, the host grew to the new length while the grid kept the
        # old, and the boxes were squeezed into it, their labels drawn over each other.
        self._host_layout.invalidate()


def _is_plain_down(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.type() == QEvent.Type.KeyPress
        and event.key() == Qt.Key.Key_Down
        and event.modifiers() == Qt.KeyboardModifier.NoModifier
    )
