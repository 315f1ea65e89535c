"""The coverage matrix: themes down the side, stories across, gaps and overused stories marked."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.domain.stories import OVERLOADED_AFTER, Coverage, Story
from desktop.domain.story_themes import Theme, ThemeCatalog
from desktop.ui.stories.wrapped_header import WrappedHeader
from desktop.ui.theme import STATUS_COLOURS, Scheme, current_scheme
from desktop.ui.widgets.controls import labelled_combo_row, refill_quietly
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.widgets.tables import tab_leaves

ALL_THEMES = "all"
THEMES_WIDEST = 340  # the theme titles down the side, in a wide window
THEMES_SHARE = 0.4  # ... and at most this share of a narrow one, to leave room for stories
STORY_NARROWEST = 120  # a story's column: a title wraps in it a few words a line
COVERED_MARK = "●"
GAP_MARK = "○"


class CoverageModel(QAbstractTableModel):
    """Rows are themes, columns are stories; a cell is marked when the story answers it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.coverage = Coverage((), ())
        self._gaps: set[str] = set()
        self._counts: dict[int, int] = {}

    def set_coverage(self, coverage: Coverage) -> None:
        self.beginResetModel()
        self.coverage = coverage
        # Worked out once: the view asks for every cell's colour on every paint.
        self._gaps = {theme.id for theme in coverage.uncovered}
        self._counts = {story.id: coverage.theme_count(story.id) for story in coverage.stories}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.coverage.themes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.coverage.stories)

    def theme_at(self, row: int) -> Theme | None:
        themes = self.coverage.themes
        return themes[row] if 0 <= row < len(themes) else None

    def story_at(self, column: int) -> Story | None:
        stories = self.coverage.stories
        return stories[column] if 0 <= column < len(stories) else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        theme = self.coverage.themes[index.row()]
        story = self.coverage.stories[index.column()]
        covered = self.coverage.covers(theme.id, story.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return COVERED_MARK if covered else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            answers = "answers" if covered else "does not answer"
            return f"{story.title} {answers} {theme.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            answers = "answers" if covered else "does not answer"
            return plain_tip(f"“{story.title}” {answers} {theme.title}")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole and theme.id in self._gaps:
            return QBrush(_gap_colour())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            theme = self.theme_at(section)
            if theme is None:
                return None
            gap = theme.id in self._gaps
            if role == Qt.ItemDataRole.DisplayRole:
                # The mark goes first so that a long title cut short still shows it.
                return f"{GAP_MARK} {theme.title}" if gap else theme.title
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{theme.title}, no story yet" if gap else theme.title
            if role == Qt.ItemDataRole.ToolTipRole:
                description = theme.description or theme.title
                return plain_tip(f"No story yet. {description}" if gap else description)
            if role == Qt.ItemDataRole.ForegroundRole and gap:
                return QBrush(QColor(STATUS_COLOURS[current_scheme()]["needs_review"]))
            return None
        story = self.story_at(section)
        if story is None:
            return None
        count = self._counts.get(story.id, 0)
        overloaded = count > OVERLOADED_AFTER
        if role == Qt.ItemDataRole.DisplayRole:
            # The header wraps the full title (see wrapped_header); the tooltip has it too.
            themes = f"{count} {'theme' if count == 1 else 'themes'}"
            return f"{story.title}\n{themes} ⚠" if overloaded else f"{story.title}\n{themes}"
        if role == Qt.ItemDataRole.ToolTipRole:
            extra = " That is a lot for one story to carry." if overloaded else ""
            return plain_tip(f"{story.title}: answers {count} of these themes.{extra}")
        if role == Qt.ItemDataRole.ForegroundRole and overloaded:
            return QBrush(QColor(STATUS_COLOURS[current_scheme()]["needs_review"]))
        return None


def _gap_colour() -> QColor:
    return QColor("#3a2f14") if current_scheme() is Scheme.DARK else QColor("#fff4d6")


class CoverageView(QWidget):
    """The matrix with a choice of theme set and a plain summary of what is missing."""

    open_story = Signal(int)
    theme_set_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Theme coverage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top, self.theme_set = labelled_combo_row(
            "&Themes", "Themes to show", lambda _i: self.theme_set_changed.emit()
        )
        top.addWidget(self.theme_set)
        top.addStretch(1)
        layout.addLayout(top)
        self.summary = text_label("Coverage summary")
        layout.addWidget(self.summary)
        self.gaps = text_label("Themes without a story", "warning")
        layout.addWidget(self.gaps)
        self.model = CoverageModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Themes against stories")
        self.table.setHorizontalHeader(WrappedHeader(self.table))
        self.table.setModel(self.model)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        tab_leaves(self.table)
        # The stories share the width; past the narrowest readable column the grid scrolls.
        self.table.horizontalHeader().setMinimumSectionSize(STORY_NARROWEST)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setMaximumWidth(THEMES_WIDEST)  # long titles are elided
        self.table.doubleClicked.connect(self._on_double_click)
        layout.addWidget(self.table, 1)
        legend = text_label("Legend", "muted")
        legend.setText(
            f"{COVERED_MARK} the story answers the theme   {GAP_MARK} no story yet   "
            f"⚠ a story answering more than {OVERLOADED_AFTER} themes   "
            "Double-click a story's column to open it."
        )
        layout.addWidget(legend)
        self.empty = text_label("No stories yet", "muted")
        self.empty.setText(
            "Write a story and tag its themes; this grid then shows what is covered."
        )
        layout.addWidget(self.empty)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        widest = max(140, min(THEMES_WIDEST, round(self.width() * THEMES_SHARE)))
        self.table.verticalHeader().setMaximumWidth(widest)

    def set_catalog(self, catalog: ThemeCatalog) -> None:
        current = self.chosen_set()
        sets = [(theme_set.title, theme_set.id) for theme_set in catalog.sets]
        refill_quietly(self.theme_set, [("All themes", ALL_THEMES), *sets], current)

    def chosen_set(self) -> str:
        return str(self.theme_set.currentData() or ALL_THEMES)

    def choose_set(self, set_id: str) -> None:
        index = self.theme_set.findData(set_id)
        if index >= 0:
            self.theme_set.setCurrentIndex(index)

    def show_coverage(self, coverage: Coverage) -> None:
        self.model.set_coverage(coverage)
        covered = len(coverage.themes) - len(coverage.uncovered)
        total = len(coverage.themes)
        self.summary.setText(
            f"{covered} of {total} themes have a story." + _overloaded_text(coverage)
        )
        self.gaps.setText(
            "No story yet for: " + ", ".join(t.title for t in coverage.uncovered) + "."
        )
        self.gaps.setVisible(bool(coverage.uncovered))
        self.empty.setVisible(not coverage.stories)

    def _on_double_click(self, index: QModelIndex) -> None:
        story = self.model.story_at(index.column())
        if story is not None:
            self.open_story.emit(story.id)


def _overloaded_text(coverage: Coverage) -> str:
    busy = coverage.overloaded
    if not busy:
        return ""
    names = ", ".join(f"“{s.title}” ({coverage.theme_count(s.id)})" for s in busy)
    return (
        f" Leaned on for more than {OVERLOADED_AFTER} themes: {names}. "
        "An interviewer who hears it twice will notice; spread the load."
    )
