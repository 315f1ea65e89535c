"""A thin table model over logged attempts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.practice import Attempt
from desktop.ui.formatting import date_and_time
from desktop.ui.widgets.plain_text import plain_tip

HEADERS = ("When", "What", "Time", "Outcome", "Confidence", "Patterns", "Struggled with")


RIGHT_ALIGNED = (2, 4)  # time and confidence: numbers
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class AttemptTableModel(QAbstractTableModel):
    def __init__(self, label_of: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._attempts: list[Attempt] = []
        self._label = label_of

    def set_attempts(self, attempts: list[Attempt]) -> None:
        self.beginResetModel()
        self._attempts = attempts
        self.endResetModel()

    def attempt_at(self, row: int) -> Attempt | None:
        return self._attempts[row] if 0 <= row < len(self._attempts) else None

    def row_of(self, attempt_id: int) -> int | None:
        return next((n for n, a in enumerate(self._attempts) if a.id == attempt_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._attempts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in RIGHT_ALIGNED:
            return int(RIGHT)  # the title over the numbers, as they are aligned
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        attempt = self._attempts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(attempt, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # a title may look like HTML: shown as typed
            return plain_tip(self._text(attempt, index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in RIGHT_ALIGNED:
            return int(RIGHT)
        return None

    def _text(self, attempt: Attempt, column: int) -> str:
        subject = attempt.subject
        if column == 0:
            return date_and_time(attempt.started_at)
        if column == 1:
            return subject.title
        if column == 2:
            target = f" / {subject.target_minutes}" if subject.target_minutes else ""
            return f"{attempt.minutes}{target} min"
        if column == 3:
            if attempt.quiz_total:
                return f"{attempt.outcome.label} ({attempt.quiz_correct}/{attempt.quiz_total})"
            return attempt.outcome.label
        if column == 4:
            return f"{attempt.confidence} / 5"
        tags = attempt.patterns if column == 5 else attempt.struggles
        return ", ".join(self._label(tag) for tag in tags)
