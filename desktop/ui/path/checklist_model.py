"""A thin tree model over a Checklist: stages at the top, their items beneath."""

from __future__ import annotations

from enum import IntEnum
from functools import cache
from html import escape

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.progress import (
    Checklist,
    ChecklistFilter,
    ChecklistItem,
    ChecklistStage,
)
from desktop.ui.formatting import minutes, short_date
from desktop.ui.icons import status_dot
from desktop.ui.theme import STATUS_COLOURS, current_scheme

AnyIndex = QModelIndex | QPersistentModelIndex
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
NEVER_CHANGED = "—"  # the Changed column for an item whose status never changed


class Column(IntEnum):
    TITLE = 0
    KIND = 1
    DIFFICULTY = 2
    TARGET = 3
    STATUS = 4
    CHANGED = 5


_HEADERS = {
    Column.TITLE: "Item",
    Column.KIND: "Kind",
    Column.DIFFICULTY: "Difficulty",
    Column.TARGET: "Target",
    Column.STATUS: "Status",
    Column.CHANGED: "Changed",
}

_COLUMNS = tuple(Column)
_TOP = 0  # internal id of stage rows; item rows carry their stage row + 1

# Views ask for many roles per cell; answering only these keeps painting cheap.
_ROLES_SHOWN = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        ITEM_ID_ROLE,
        STAGE_ID_ROLE,
    }
)


@cache
def _font(*, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font


class ChecklistModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stages: list[ChecklistStage] = []
        self._checklist: Checklist | None = None
        self._filter = ChecklistFilter()

    # Feeding the model -------------------------------------------------------------------

    def set_checklist(self, checklist: Checklist | None) -> None:
        """Show new data. Same rows: cells refresh in place (keeps selection and scroll)."""
        self._checklist = checklist
        self._apply(self._visible_stages())

    def set_filter(self, checklist_filter: ChecklistFilter) -> None:
        self._filter = checklist_filter
        self._apply(self._visible_stages())

    def _visible_stages(self) -> list[ChecklistStage]:
        if self._checklist is None:
            return []
        if not self._filter.is_active:
            return list(self._checklist.stages)
        visible = []
        for stage in self._checklist.stages:
            items = tuple(item for item in stage.items if self._filter.accepts(item, stage.title))
            if items:
                visible.append(ChecklistStage(stage.id, stage.title, stage.summary, items))
        return visible

    def _apply(self, stages: list[ChecklistStage]) -> None:
        if _shape(stages) == _shape(self._stages):
            self._stages = stages
            if stages:
                last = self.index(len(stages) - 1, len(Column) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
                for row, stage in enumerate(stages):
                    if stage.items:
                        parent = self.index(row, 0)
                        self.dataChanged.emit(
                            self.index(0, 0, parent),
                            self.index(len(stage.items) - 1, len(Column) - 1, parent),
                        )
            return
        self.beginResetModel()
        self._stages = stages
        self.endResetModel()

    # Lookups used by the page ------------------------------------------------------------

    def stage_at(self, index: AnyIndex) -> ChecklistStage | None:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._stages[index.row()]
        return self._stages[index.internalId() - 1]

    def item_at(self, index: AnyIndex) -> ChecklistItem | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._stages[index.internalId() - 1].items[index.row()]

    def index_of_item(self, item_id: str) -> QModelIndex:
        for stage_row, stage in enumerate(self._stages):
            for row, entry in enumerate(stage.items):
                if entry.id == item_id:
                    return self.index(row, 0, self.index(stage_row, 0))
        return QModelIndex()

    def index_of_stage(self, stage_id: str) -> QModelIndex:
        for row, stage in enumerate(self._stages):
            if stage.id == stage_id:
                return self.index(row, 0)
        return QModelIndex()

    # QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        if parent.internalId() != _TOP:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._stages)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._stages[parent.row()].items)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[Column(section)]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in _ROLES_SHOWN:
            return None
        entry = self.item_at(index)
        if entry is None:
            return self._stage_data(self._stages[index.row()], _COLUMNS[index.column()], role)
        return self._item_data(entry, _COLUMNS[index.column()], role)

    def _stage_data(self, stage: ChecklistStage, column: Column, role: int) -> object:
        counts = stage.counts
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.TITLE:
                # Stage rows span all columns (see the page), so the count rides on the title.
                return (
                    f"{stage.title}    {counts.done}/{counts.total}"
                    if counts.total
                    else stage.title
                )
            return None
        if role == Qt.ItemDataRole.FontRole and column is Column.TITLE:
            return _font(bold=True)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(stage.title, stage.summary)
        if role == Qt.ItemDataRole.AccessibleTextRole and column is Column.TITLE:
            return f"Stage {stage.title}, {counts.done} of {counts.total} done"
        if role == STAGE_ID_ROLE:
            return stage.id
        return None

    def _item_data(self, entry: ChecklistItem, column: Column, role: int) -> object:
        item = entry.item
        if role == Qt.ItemDataRole.DisplayRole:
            return _item_text(entry, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATUS:
            return status_dot(_status_colour(entry))
        if role == Qt.ItemDataRole.ForegroundRole and entry.is_retired:
            return QBrush(QColor(STATUS_COLOURS[current_scheme()]["retired"]))
        if role == Qt.ItemDataRole.FontRole and entry.is_retired and column is Column.TITLE:
            return _font(italic=True)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(item.title, item.description)
        if role == Qt.ItemDataRole.AccessibleTextRole and column is Column.TITLE:
            return f"{item.title}, {entry.status.label}"
        if role == Qt.ItemDataRole.AccessibleTextRole and column is Column.CHANGED:
            return None if entry.status_changed_at else "Status never changed"  # not "dash"
        if role == ITEM_ID_ROLE:
            return entry.id
        if role == STAGE_ID_ROLE:
            return entry.stage_id
        return None


def _item_text(entry: ChecklistItem, column: Column) -> str | None:
    item = entry.item
    if column is Column.TITLE:
        suffix = " (retired)" if entry.is_retired else " (yours)" if entry.is_custom else ""
        return item.title + suffix
    if entry.is_retired:
        return (
            entry.status.label
            if column is Column.STATUS
            else (_changed_text(entry) if column is Column.CHANGED else None)
        )
    if column is Column.KIND:
        return item.kind.label
    if column is Column.DIFFICULTY:
        return item.difficulty.label
    if column is Column.TARGET:
        return minutes(item.target_minutes)
    if column is Column.STATUS:
        return entry.status.label
    return _changed_text(entry)


def _changed_text(entry: ChecklistItem) -> str:
    """When the status last changed, or a dash for never: the column is there from the start,
    so the first change of a session does not push the others aside."""
    return short_date(entry.status_changed_at) or NEVER_CHANGED


def _tooltip(title: str, body: str | None) -> str:
    """Escaped rich text: a title or description can never turn into markup (or an image)."""
    text = f"<p><b>{escape(title)}</b></p>"
    return text + (f"<p>{escape(body)}</p>" if body else "")


def _status_colour(entry: ChecklistItem) -> str:
    palette = STATUS_COLOURS[current_scheme()]
    return palette["retired"] if entry.is_retired else palette[entry.status.value]


def _shape(stages: list[ChecklistStage]) -> list[tuple[str, tuple[str, ...]]]:
    return [(stage.id, tuple(item.id for item in stage.items)) for stage in stages]
