"""Themes to tick for a story (or a custom loop set), grouped and filterable."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.story_themes import ThemeCatalog
from desktop.ui.widgets.controls import filter_edit, push_button
from desktop.ui.widgets.down_to_list import down_moves_to
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip

THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_HEIGHT = 24


class ThemePicker(QWidget):
    changed = Signal()
    add_requested = Signal()

    def __init__(self, name: str, *, can_add: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kept: set[str] = set()  # chosen ids the catalog no longer has: never dropped
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = filter_edit(f"Filter {name.lower()}", "Filter themes…", self._apply_filter)
        # From the filter, Enter ticks (or unticks) the first theme shown and Down goes into
        # the list, so a theme is found and chosen without the mouse.
        self.filter.returnPressed.connect(self.toggle_first_shown)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        down_moves_to(self.filter, self.list, first=self._first_shown_index)
        self.list.setAccessibleName(name)
        self.list.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        self.summary = text_label(f"{name} chosen", "muted")
        bottom.addWidget(self.summary, 1)
        if can_add:
            add = push_button(
                "Add your own…",
                "Add a theme of your own",
                self.add_requested,
                tooltip="A theme that is not in the list, for example one a company asks about",
            )
            bottom.addWidget(add, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(bottom)

    def set_catalog(self, catalog: ThemeCatalog) -> None:
        chosen = self.chosen()
        self.list.blockSignals(True)
        self.list.clear()
        for group in catalog.groups:
            themes = catalog.in_group(group.id)
            if not themes:
                continue
            heading = QListWidgetItem(group.title)
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setSizeHint(QSize(0, ROW_HEIGHT + 4))
            self.list.addItem(heading)
            for theme in themes:
                item = QListWidgetItem(theme.title)
                item.setData(THEME_ID_ROLE, theme.id)
                item.setToolTip(plain_tip(theme.description or ""))
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setSizeHint(QSize(0, ROW_HEIGHT))
                self.list.addItem(item)
        self.list.blockSignals(False)
        self.set_chosen(chosen)
        self._apply_filter(self.filter.text())

    def offered(self) -> list[str]:
        return [i for i in (self._id(row) for row in range(self.list.count())) if i]

    def chosen(self) -> tuple[str, ...]:
        ticked = [
            self._id(row)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        return tuple(i for i in ticked if i) + tuple(sorted(self._kept))

    def set_chosen(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        offered = set(self.offered())
        self._kept = wanted - offered
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            theme_id = self._id(row)
            if theme_id:
                state = Qt.CheckState.Checked if theme_id in wanted else Qt.CheckState.Unchecked
                self.list.item(row).setCheckState(state)
        self.list.blockSignals(False)
        self._show_summary()

    def set_checked(self, theme_id: str, checked: bool) -> None:
        """Tick or untick one theme, as a click would."""
        for row in range(self.list.count()):
            if self._id(row) == theme_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                self.list.item(row).setCheckState(state)
                return
        raise LookupError(theme_id)

    def _id(self, row: int) -> str | None:
        value = self.list.item(row).data(THEME_ID_ROLE)
        return str(value) if value else None

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        titles = [
            self.list.item(row).text()
            for row in range(self.list.count())
            if self._id(row) and self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        titles += sorted(self._kept)
        self.summary.setText(
            "No theme chosen yet" if not titles else "Chosen: " + ", ".join(titles)
        )

    def _first_shown_row(self) -> int | None:
        return next(
            (
                row
                for row in range(self.list.count())
                if self._id(row) and not self.list.item(row).isHidden()
            ),
            None,
        )

    def toggle_first_shown(self) -> None:
        row = self._first_shown_row()
        if row is None:
            return
        item = self.list.item(row)
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        self.list.setCurrentRow(row)

    def _first_shown_index(self) -> QModelIndex:
        row = self._first_shown_row()
        return QModelIndex() if row is None else self.list.model().index(row, 0)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            is_theme = self._id(row) is not None
            item.setHidden(bool(needle) and (not is_theme or needle not in item.text().casefold()))
