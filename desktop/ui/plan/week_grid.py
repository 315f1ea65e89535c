"""Seven day columns of planned items; items move between days by keys, buttons or dragging."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from datetime import date
from html import escape

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.domain.planner import Activity, PlanItem, hours_text
from desktop.ui.page_keys import ENTER, note_keys
from desktop.ui.theme import current_scheme
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE, RichTextDelegate, status_class
from desktop.ui.window_keys import WindowKeys

QWIDGETSIZE_MAX = 16_777_215  # Qt's "no limit" for a widget's size
MIME_TYPE = "application/x-loopwise-plan-item"
# The longest a day's heading and planned time get, for the width of a day shown as a row.
WIDEST_HEADER = "Today · Wed 30"
WIDEST_TOTAL = "10 h 50 min"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole
# Up and Down walk a day's items (Qt's own); Left and Right walk the days.
DAY_KEYS = WindowKeys("The day before or after that has planned items", ("Left", "Right"))
START_KEYS = WindowKeys("Start a practice session on the planned item", ENTER)


class DayList(QListWidget):
    """One day's items. A drop from another day asks the page to move the item; the list
    itself never changes until the plan is read again."""

    dropped = Signal(int, object)  # plan item id, the day it was dropped on
    step = Signal(int)  # -1 or +1: the arrow keys ask for the day before or after

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = day
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setSpacing(2)
        self.delegate = _DayItemDelegate(self)
        self.setItemDelegate(self.delegate)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Shift+Tab from below the week, or an arrow key, may land on a day scrolled out of
        # sight in a short window: bring its day into view, or the keys are nowhere to be seen.
        self._bring_day_into_view()
        # Again once pending layouts are done: a banner shown by the same reload ("This
        # week" brings the carry-over offer) shrinks the week and pushed today half out.
        QTimer.singleShot(0, self, self._bring_day_into_view)

    def _bring_day_into_view(self) -> None:
        if not self.hasFocus():
            return
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        day = self.parentWidget()
        if area is not None and day is not None:
            area.ensureWidgetVisible(day, 0, 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if DAY_KEYS.matches(event):
            self.step.emit(1 if event.key() == Qt.Key.Key_Right else -1)
            return
        super().keyPressEvent(event)

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(MIME_TYPE, str(items[0].data(ITEM_ID_ROLE)).encode())
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        raw = bytes(event.mimeData().data(MIME_TYPE).data()).decode()
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the page re-reads the plan instead
        event.accept()
        if raw.isdigit():
            self.dropped.emit(int(raw), self.day)


class DayColumn(QFrame):
    """One day: a column in a wide window, a row when the window is narrow."""

    ROW_HEIGHT = 58

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayColumn")
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(4, 6, 4, 4)
        self._layout.setSpacing(4)
        self.header = text_label("Day", wrap=False)
        self.header.setObjectName("dayHeader")
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.header)
        self.total = text_label("Planned", "muted", wrap=False)
        self.total.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.total)
        self.list = DayList(day)
        self._layout.addWidget(self.list, 1)
        self._named_for: date | None = None
        self.set_day(day)

    @property
    def day(self) -> date:
        return self.list.day

    def set_day(self, day: date) -> None:
        """Show another day (of another week) in this column."""
        if day == self._named_for:
            return
        self._named_for = day
        self.list.day = day
        self.header.setAccessibleName(f"{day:%A}")
        self.total.setAccessibleName(f"Planned on {day:%A}")
        self.list.setAccessibleName(f"Planned on {day:%A} {day.day} {day:%B}")

    def set_as_row(self, as_row: bool) -> None:
        direction = QBoxLayout.Direction.LeftToRight if as_row else QBoxLayout.Direction.TopToBottom
        self._layout.setDirection(direction)
        flow = QListView.Flow.LeftToRight if as_row else QListView.Flow.TopToBottom
        self.list.setFlow(flow)
        self.list.delegate.as_row = as_row
        self.list.setWrapping(False)
        bars = Qt.ScrollBarPolicy
        self.list.setHorizontalScrollBarPolicy(
            bars.ScrollBarAsNeeded if as_row else bars.ScrollBarAlwaysOff
        )
        self.list.setVerticalScrollBarPolicy(
            bars.ScrollBarAlwaysOff if as_row else bars.ScrollBarAsNeeded
        )
        for label, widest in ((self.header, WIDEST_HEADER), (self.total, WIDEST_TOTAL)):
            # As rows, every day's labels take the widest one's width, so the rows line up.
            label.ensurePolished()  # the style sheet's bold header font, measured
            width = label.fontMetrics().horizontalAdvance(widest) + 6
            label.setFixedWidth(width if as_row else QWIDGETSIZE_MAX)
            label.setMinimumWidth(0 if not as_row else width)
        if as_row:
            self.list.setFixedHeight(self.ROW_HEIGHT)
        else:
            self.list.setMinimumHeight(0)
            self.list.setMaximumHeight(QWIDGETSIZE_MAX)


class WeekGrid(QWidget):
    """The week: one column a day, today highlighted. One item is selected across all days."""

    selection_changed = Signal()
    moved = Signal(int, object)  # plan item id, new day
    activated = Signal(int)  # plan item id (Enter or double-click)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Week plan")
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.columns: list[DayColumn] = []
        # The days' lists come and go with the week shown; the keys they answer to stay.
        note_keys(self, DAY_KEYS, START_KEYS)
        self._items: dict[int, PlanItem] = {}
        self.as_rows = False
        self._keys_after: QWidget | None = None

    def take_keys_after(self, widget: QWidget) -> None:
        """Tab reaches the days right after `widget`. Built once the first week is read, the
        days' lists would otherwise join the end of the page's Tab chain, after the tabs below."""
        self._keys_after = widget

    def restyle(self, c: Mapping[str, str]) -> None:
        """Day columns as cards, today outlined; slim scrollbars in the theme's colours (a
        style sheet of its own would otherwise leave Qt's default, a solid black handle)."""
        self.setStyleSheet(
            f"""
            QFrame#dayColumn {{ background: {c["alternate"]}; border: 1px solid {c["border"]};
                                border-radius: 6px; }}
            QFrame#dayColumn[today="true"] {{ border: 2px solid {c["highlight"]}; }}
            QLabel#dayHeader {{ font-weight: 600; }}
            QFrame#dayColumn[today="true"] QLabel#dayHeader {{ color: {c["highlight"]}; }}
            QListWidget {{ background: transparent; border: 1px solid transparent;
                           border-radius: 4px; outline: 0; }}
            QListWidget::item {{ background: {c["base"]}; border: 1px solid {c["border"]};
                                 border-radius: 4px; padding: 0px 2px; margin: 1px 0px; }}
            /* The focus ring, as on the sidebar: Qt's own dotted one is off, and a day with
               nothing planned has no item to carry it, so its list does. */
            QListWidget:focus {{ border-color: {c["text"]}; }}
            QListWidget::item:focus {{ border-color: {c["text"]}; }}
            QListWidget::item:selected {{ background: {c["highlight"]};
                                          color: {c["highlighted_text"]}; }}
            QScrollBar {{ background: transparent; border: none; }}
            QScrollBar:vertical {{ width: 8px; }}
            QScrollBar:horizontal {{ height: 8px; }}
            QScrollBar::handle {{ background: {c["input_border"]}; border-radius: 4px; }}
            QScrollBar::handle:hover {{ background: {c["muted"]}; }}
            QScrollBar::handle:vertical {{ min-height: 24px; }}
            QScrollBar::handle:horizontal {{ min-width: 24px; }}
            QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; }}
            QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
            """
        )

    def set_as_rows(self, as_rows: bool) -> None:
        """Seven rows for a narrow window, seven columns otherwise."""
        if as_rows == self.as_rows:
            return
        self.as_rows = as_rows
        direction = (
            QBoxLayout.Direction.TopToBottom if as_rows else QBoxLayout.Direction.LeftToRight
        )
        self._layout.setDirection(direction)
        for column in self.columns:
            column.set_as_row(as_rows)

    def show_week(
        self,
        days: Sequence[date],
        items: Sequence[PlanItem],
        done: Mapping[int, Activity],
        today: date,
    ) -> None:
        keep = self.selected_id()
        if len(self.columns) != len(days):
            self._build_columns(days)
        for column, day in zip(self.columns, days, strict=True):
            column.set_day(day)  # the same columns show every week: switching weeks is quick
        self._items = {item.id: item for item in items}
        for column in self.columns:
            column.setProperty("today", column.day == today)
            column.style().unpolish(column)
            column.style().polish(column)
            prefix = "Today · " if column.day == today else ""
            column.header.setText(f"{prefix}{column.day:%a} {column.day.day}")
            column.list.blockSignals(True)
            column.list.clear()
            minutes = 0
            for item in (i for i in items if i.day == column.day):
                column.list.addItem(_row(item, item.id in done, item.day < today))
                minutes += item.minutes if item.counts else 0
            column.list.blockSignals(False)
            column.total.setText(hours_text(minutes) if minutes else "free")
        if keep is not None:
            self.select(keep)

    def _build_columns(self, days: Sequence[date]) -> None:
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        for day in days:
            column = DayColumn(day)
            column.set_as_row(self.as_rows)
            column.list.itemSelectionChanged.connect(
                lambda list_=column.list: self._on_selected(list_)
            )
            column.list.dropped.connect(self.moved)
            column.list.step.connect(
                lambda step, list_=column.list: self.focus_day(list_.day, step)
            )
            # Qt's item views activate the current row on Enter (START_KEYS) or a double-click.
            column.list.itemActivated.connect(
                lambda entry: self.activated.emit(int(entry.data(ITEM_ID_ROLE)))
            )
            self._layout.addWidget(column, 1)
            self.columns.append(column)
        if self._keys_after is not None:
            before = self._keys_after
            for column in self.columns:
                QWidget.setTabOrder(before, column.list)
                before = column.list

    def _on_selected(self, chosen: QListWidget) -> None:
        if chosen.selectedItems():
            for column in self.columns:
                if column.list is not chosen:
                    column.list.blockSignals(True)
                    column.list.clearSelection()
                    column.list.setCurrentRow(-1)
                    column.list.blockSignals(False)
        self.selection_changed.emit()

    def focus_day(self, day: date, step: int) -> None:
        """Move the keyboard to the next day in that direction that has items."""
        days = [column.day for column in self.columns]
        position = days.index(day) + step
        while 0 <= position < len(self.columns):
            target = self.columns[position].list
            if target.count():
                target.setCurrentRow(min(max(0, target.currentRow()), target.count() - 1))
                target.setFocus()
                return
            position += step

    def list_for_keys(self, day: date) -> QListWidget | None:
        """The day's list to give the keys to: the selected item's, else `day`'s if it has
        items, else the first day's that has, else `day`'s (or the first day's, out of the
        week). Enter there starts only a selected item; the arrow keys walk the days."""
        lists = [column.list for column in self.columns]
        in_order = (
            [day_list for day_list in lists if day_list.selectedItems()]
            + [day_list for day_list in lists if day_list.day == day and day_list.count()]
            + [day_list for day_list in lists if day_list.count()]
            + [day_list for day_list in lists if day_list.day == day]
            + lists
        )
        return in_order[0] if in_order else None

    def selected_id(self) -> int | None:
        for column in self.columns:
            chosen = column.list.selectedItems()
            if chosen:
                return int(chosen[0].data(ITEM_ID_ROLE))
        return None

    def selected(self) -> PlanItem | None:
        chosen = self.selected_id()
        return self._items.get(chosen) if chosen is not None else None

    def select(self, item_id: int, *, focus: bool = True) -> bool:
        """Select the item, if the week shows it; with `focus`, its day's list takes the keys."""
        for column in self.columns:
            for row in range(column.list.count()):
                if column.list.item(row).data(ITEM_ID_ROLE) == item_id:
                    column.list.setCurrentRow(row)
                    if focus:
                        column.list.setFocus()
                    return True
        return False

    def shown_titles(self, day: date) -> list[str]:
        column = next(column for column in self.columns if column.day == day)
        return [column.list.item(row).text() for row in range(column.list.count())]


def _row(item: PlanItem, is_done: bool, is_past: bool) -> QListWidgetItem:
    # The dot's colour is a status class, so a selected card draws it in the selection's text
    # colour (the blue of a planned item vanished into the selection blue).
    if is_done:
        state, colour = "done", "done"
    elif item.skipped:
        state, colour = "skipped", "retired"
    elif item.carried_over:
        state, colour = "carried to next week", "retired"
    elif is_past:  # its day is over and nothing was logged for it
        state, colour = "not done", "needs_review"
    else:
        state, colour = item.source.label.lower(), "in_progress"
    entry = QListWidgetItem(f"{item.target.title}\n{item.minutes} min · {state}")
    entry.setData(ITEM_ID_ROLE, item.id)
    title = f"<b>{escape(item.target.title)}</b>"
    if not item.counts:
        title = f"<s>{title}</s>"
    entry.setData(
        HTML_ROLE,
        f"<span class='{status_class(colour)}'>●</span> {title}"
        f"<br><span class='muted'>{item.minutes} min · </span>{_state_html(state)}",
    )
    origin = item.carried_from
    carried = f"\nCarried over from {origin:%A} {origin.day} {origin:%B}." if origin else ""
    entry.setToolTip(plain_tip(f"{item.reason}{carried}".strip()))
    entry.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.target.title}, {state}")
    return entry


def _state_html(state: str) -> str:
    """The state in muted text, except "not done", which takes the amber of its dot (both
    turn to the selection's text colour on a selected card)."""
    if state == "not done":
        return f"<span class='warning'>{escape(state)}</span>"
    return f"<span class='muted'>{escape(state)}</span>"


class _DayItemDelegate(RichTextDelegate):
    """Rows as wide as the column, or a fixed width when the day is a row of its own.

    A list lays its rows out several times before it paints them: the laid-out documents are
    kept (a few weeks' worth), so a week switch lays each row out once, not a dozen times."""

    ROW_ITEM_WIDTH = 200
    KEPT_DOCUMENTS = 64

    def __init__(self, parent: DayList) -> None:
        super().__init__(parent)
        self.as_row = False
        self._documents: OrderedDict[tuple[object, ...], QTextDocument] = OrderedDict()

    def _document(
        self, option: QStyleOptionViewItem, html: str, selected: bool = False
    ) -> QTextDocument:
        if self.as_row:
            width = self.ROW_ITEM_WIDTH
        else:
            view = self.parent()
            width = view.viewport().width() if isinstance(view, QListWidget) else 120
            width = max(60, width - 8)  # the item's border and margin
        key = (html, selected, width, option.font.key(), current_scheme())
        document = self._documents.get(key)
        if document is not None:
            self._documents.move_to_end(key)
            return document
        document = super()._document(option, html, selected)
        document.setTextWidth(width)
        self._documents[key] = document
        if len(self._documents) > self.KEPT_DOCUMENTS:
            self._documents.popitem(last=False)
        return document

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 4, size.height() + 4)
