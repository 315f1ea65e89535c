"""Loop preparation: pick a theme set and see which story answers each theme, gaps first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.stories import LoopPlan
from desktop.domain.story_themes import Theme, ThemeCatalog
from desktop.ui.stories.theme_picker import ThemePicker
from desktop.ui.widgets.controls import labelled_combo_row, push_button, refill_quietly
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.widgets.tables import align_headers_with_cells, tab_leaves

CUSTOM_SET = "custom"


class LoopPrepView(QWidget):
    changed = Signal()  # the set or the custom themes changed: plan again
    open_story = Signal(int)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Loop preparation")
        self._catalog: ThemeCatalog | None = None
        self._story_ids: list[int | None] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top, self.theme_set = labelled_combo_row(
            "&Prepare for", "Theme set for the loop", lambda _i: self._on_set_changed()
        )
        top.addWidget(self.theme_set, 1)
        self.export_button = push_button(
            "Save loop sheet as PDF…", "Save a printable loop sheet", self.export_requested
        )
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.description = text_label("About this theme set", "muted")
        layout.addWidget(self.description)
        self.gaps = text_label("Themes without a story", "warning")
        layout.addWidget(self.gaps)
        self.ready = text_label("Every theme has a story", "success")
        layout.addWidget(self.ready)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.custom = ThemePicker("Themes in your set", can_add=False)
        self.custom.changed.connect(self.changed)
        self.custom.setMinimumWidth(220)
        self.splitter.addWidget(self.custom)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("Which story answers each theme")
        self.table.setHorizontalHeaderLabels(["Theme", "Story to tell", "Also fits"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        tab_leaves(self.table)
        self.table.verticalHeader().setVisible(False)
        # Rows grow to the wrapped titles: a fixed height cut them to "Finding the N+1 que…".
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        align_headers_with_cells(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._on_double_click)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

    def set_catalog(self, catalog: ThemeCatalog, custom_ids: list[str]) -> None:
        self._catalog = catalog
        current = self.chosen_set()
        sets = [(theme_set.title, theme_set.id) for theme_set in catalog.sets]
        refill_quietly(self.theme_set, [*sets, ("A set of your own", CUSTOM_SET)], current)
        self.custom.set_catalog(catalog)
        if custom_ids:
            self.custom.set_chosen(custom_ids)
        self._show_set_details()

    def chosen_set(self) -> str:
        return str(self.theme_set.currentData() or "")

    def choose_set(self, set_id: str) -> None:
        index = self.theme_set.findData(set_id)
        if index >= 0:
            self.theme_set.setCurrentIndex(index)

    def custom_ids(self) -> list[str]:
        return list(self.custom.chosen())

    def set_title(self) -> str:
        return self.theme_set.currentText()

    def themes(self) -> list[Theme]:
        """The themes of the chosen set, in the set's order."""
        if self._catalog is None:
            return []
        if self.chosen_set() == CUSTOM_SET:
            ids = list(self.custom.chosen())
        else:
            theme_set = self._catalog.theme_set(self.chosen_set())
            ids = list(theme_set.themes) if theme_set else []
        return [t for t in (self._catalog.theme(i) for i in ids) if t is not None]

    def show_plan(self, plan: LoopPlan) -> None:
        self.table.setRowCount(len(plan.answers))
        self._story_ids = []
        for row, answer in enumerate(plan.answers):
            theme = QTableWidgetItem(answer.theme.title)
            theme.setToolTip(plain_tip(answer.theme.description or ""))
            self.table.setItem(row, 0, theme)
            story = answer.story
            told = QTableWidgetItem(story.title if story else "No story yet")
            if story is None:
                font = told.font()
                font.setItalic(True)
                told.setFont(font)
            elif plan.uses(story.id) > 1:
                told.setToolTip(f"Also answers {plan.uses(story.id) - 1} other theme(s) here.")
            self.table.setItem(row, 1, told)
            others = ", ".join(s.title for s in answer.alternatives)
            self.table.setItem(row, 2, QTableWidgetItem(others))
            self._story_ids.append(story.id if story else None)
        gaps = plan.gaps
        self.gaps.setText(
            f"{len(gaps)} of {len(plan.answers)} themes have no story yet: "
            + ", ".join(t.title for t in gaps)
            + "."
        )
        self.gaps.setVisible(bool(gaps))
        self.ready.setText(f"Every one of the {len(plan.answers)} themes has a story to tell.")
        self.ready.setVisible(bool(plan.answers) and not gaps)
        self.export_button.setEnabled(bool(plan.answers))

    def _on_set_changed(self) -> None:
        self._show_set_details()
        self.changed.emit()

    def _show_set_details(self) -> None:
        custom = self.chosen_set() == CUSTOM_SET
        self.custom.setVisible(custom)
        if custom:
            self.description.setText("Tick the themes you expect in this loop.")
        elif self._catalog is not None:
            theme_set = self._catalog.theme_set(self.chosen_set())
            self.description.setText(theme_set.description or "" if theme_set else "")

    def _on_double_click(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._story_ids):
            story_id = self._story_ids[row]
            if story_id is not None:
                self.open_story.emit(story_id)
