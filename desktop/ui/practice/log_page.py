"""The practice log: every attempt, to look back on, correct, or remove (with undo)."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QTableView, QVBoxLayout, QWidget

from desktop.domain.planner import hours_text
from desktop.domain.practice import Attempt
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.store.errors import SAVE_ERRORS
from desktop.store.log_order import NEWEST_FIRST, LogOrder
from desktop.store.retrospective import update_with_retrospective
from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.formatting import setting_int
from desktop.ui.page import ContextPage
from desktop.ui.page_keys import enter_activates
from desktop.ui.periods import EVERYTHING, PERIODS
from desktop.ui.practice.attempt_table import SORT_KEYS, AttemptTableModel
from desktop.ui.practice.attempt_view import AttemptTableView
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.free_session_dialog import FreeSessionDialog
from desktop.ui.practice.recording import facts_of
from desktop.ui.practice.session_window import start_session
from desktop.ui.read_failures import reports_read_failures, tell_read_failure
from desktop.ui.saving import saved_or_told
from desktop.ui.undoable_delete import UndoableDelete, add_delete_key
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.controls import combo_box, push_button, refill_quietly
from desktop.ui.widgets.labels import centred_note, text_label
from desktop.ui.widgets.tables import align_headers_with_cells, tab_leaves
from desktop.ui.widgets.view_or_note import ViewOrNote

CONFIDENCE_COLUMN, PATTERNS_COLUMN, STRUGGLES_COLUMN = 4, 5, 6
# Page widths below which a column steps aside, so what was practised stays readable. With
# the short columns sized to their text, Patterns has room beside What in the smallest window.
HIDE_BELOW_WIDTH = {STRUGGLES_COLUMN: 1000, CONFIDENCE_COLUMN: 720, PATTERNS_COLUMN: 680}
DEFAULT_DAYS = 30  # the period the log opens on, until the user picks another


class PracticeLogPage(ContextPage):
    info = page_info.PRACTICE

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)

        top = QHBoxLayout()
        self.range = combo_box("Show attempts from")
        for label, days in PERIODS:
            self.range.addItem(label, days)
        self.range.setCurrentIndex(self.range.findData(DEFAULT_DAYS))
        self.range.currentIndexChanged.connect(lambda _index: self._show_other_rows())
        top.addWidget(self.range)
        self.path_filter = combo_box("Show attempts on path")
        self._fill_path_filter()
        self.path_filter.currentIndexChanged.connect(lambda _index: self._show_other_rows())
        context.events.paths_changed.connect(self._fill_path_filter)
        top.addWidget(self.path_filter)
        top.addStretch(1)
        self.free_button = push_button(
            "Start a free session…",
            "Start a free practice session",
            self.start_free_session,
            tooltip="Time anything you practise, such as a mock problem",
        )
        top.addWidget(self.free_button)
        layout.addLayout(top)

        self.deletes = UndoableDelete(
            context, self, "attempt", "the attempt on “{title}”", practice_store.ATTEMPTS
        )
        self.undo_bar = self.deletes.bar
        self.undo_bar.undo_requested.connect(lambda: self.undo_delete())
        layout.addWidget(self.undo_bar)

        # The taxonomy is read when a row is first drawn, not while the app starts.
        self.model = AttemptTableModel(lambda tag: context.profile.taxonomy.label(tag), self)
        self.table = AttemptTableView(self.model)
        self.table.setAccessibleName("Logged attempts")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        align_headers_with_cells(self.table)
        tab_leaves(self.table)
        self._order = NEWEST_FIRST
        self._show_sort_indicator()
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_by)
        # Enter on a row, or a double-click (both activate it), edits the attempt.
        self.table.activated.connect(lambda _index: self.edit_selected())
        enter_activates(self.table, "Edit the chosen attempt")
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        empty = centred_note(
            "No attempts",
            (
                "No practice logged in this period. Start a session from an item on your "
                "learning path, or time anything with “Start a free session”."
            ),
        )
        self.area = ViewOrNote(self.table, empty)
        layout.addWidget(self.area, 1)

        bottom = QHBoxLayout()
        # Down here, beside the buttons, the totals have room at any window width.
        self.summary = text_label("Summary", "muted", wrap=False)
        bottom.addWidget(self.summary, 1)
        self.retro_button = push_button(
            "Open retrospective",
            "Open the retrospective of this attempt",
            lambda: self.open_retrospective(),
        )
        bottom.addWidget(self.retro_button)
        self.edit_button = push_button("Edit…", "Edit this attempt", self.edit_selected)
        bottom.addWidget(self.edit_button)
        self.delete_button = push_button("Delete", "Delete this attempt", self.delete_selected)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)

        # Edit > Undo (Ctrl+Z) runs this outside a text box: see page_undo.
        self.undo_action = self.deletes.action
        self.undo_action.triggered.connect(lambda _checked=False: self.undo_delete())
        self.addAction(self.undo_action)
        add_delete_key(self.table, "Delete attempt", self.delete_selected)

        self._hidden_for_width: frozenset[int] | None = None
        self._shown = self._period()
        self._page_failure_told = False
        context.events.sessions_changed.connect(self.data_changed)
        # A retrospective written or deleted in the journal turns Open retrospective on or off.
        self._retro_stale = False
        context.events.journal_changed.connect(self._journal_changed)
        self._update_retro_button()

    def _fill_path_filter(self) -> None:
        chosen = self.path_filter.currentData()
        paths = [(path.title, path.id) for path in self.context.profile.library.paths]
        refill_quietly(self.path_filter, [("All paths and free sessions", None), *paths], chosen)

    # Page protocol -----------------------------------------------------------------------

    def page_undo(self) -> QAction:
        return self.undo_action

    def set_active(self, active: bool) -> None:
        self.deletes.set_active(active)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("practice/columns", self.table.horizontalHeader().saveState())
        # By its days (0: everything), so the choice survives a change to the list.
        settings.setValue("practice/period", self.range.currentData() or 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_columns(event.size().width())
        super().resizeEvent(event)

    def _fit_columns(self, width: int) -> None:
        hidden = frozenset(column for column, below in HIDE_BELOW_WIDTH.items() if width < below)
        if hidden != self._hidden_for_width:
            self._hidden_for_width = hidden
            for column in HIDE_BELOW_WIDTH:
                self.table.setColumnHidden(column, column in hidden)

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("practice/columns")
        if isinstance(state, QByteArray) and not state.isEmpty():
            header = self.table.horizontalHeader()
            header.restoreState(state)
            self._order = self._order_of(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self._show_sort_indicator()  # a layout saved before the log sorted hid it
            self._hidden_for_width = None  # the saved state may hide columns this width needs
            self._fit_columns(self.width())
            self.table.fit_columns()  # widths for what the rows show now, not when saved
        days = setting_int(settings.value("practice/period"), DEFAULT_DAYS)
        chosen = self.range.findData(days) if days else EVERYTHING
        self.range.setCurrentIndex(chosen if chosen >= 0 else self.range.findData(DEFAULT_DAYS))

    def prepare_for_screenshot(self) -> None:
        self.range.setCurrentIndex(EVERYTHING)
        if self.model.rowCount():
            self.table.selectRow(0)

    # Reading -----------------------------------------------------------------------------

    def _period(self) -> practice_store.LogPeriod:
        days = self.range.currentData()
        end = self.context.now() + timedelta(days=1)
        start = end - timedelta(days=days + 1) if days else datetime.min.replace(tzinfo=end.tzinfo)
        return practice_store.LogPeriod(start, end, self.path_filter.currentData())

    def _show_other_rows(self) -> None:
        """Another period or path: its rows from the newest, not from where the old list
        was scrolled to (which looked as if the newest attempts had gone)."""
        self.reload()
        self.table.scrollToTop()

    @reports_read_failures
    def reload(self) -> None:
        self._stale = False
        period = self._period()
        with session_scope(self.context.profile.engine) as session:
            count, minutes = practice_store.log_totals(session=session, period=period)
        self._shown = period
        self._page_failure_told = False
        # The rows themselves are read a page at a time as they come into view.
        order = self._order
        self.model.set_period(
            count, lambda offset, limit: self._read_rows(period, order, offset, limit)
        )
        self.area.show_view(bool(count))
        sessions = "1 session" if count == 1 else f"{count:,d} sessions"
        # "1 session · 31 min", not "0 h 31 min"; no time at all for no session.
        self.summary.setText(f"{sessions} · {hours_text(minutes)}" if count else sessions)
        self._update_buttons()

    def _read_rows(
        self, period: practice_store.LogPeriod, order: LogOrder, offset: int, limit: int
    ) -> list[practice_store.LogRow]:
        """One page of the table, read while Qt draws it: a failure leaves the rows blank
        and is told once, after the drawing."""
        try:
            with session_scope(self.context.profile.engine) as session:
                return practice_store.log_page(
                    session=session, period=period, offset=offset, limit=limit, order=order
                )
        except SAVE_ERRORS as error:
            if not self._page_failure_told:
                self._page_failure_told = True
                QTimer.singleShot(
                    0,
                    self,
                    functools.partial(tell_read_failure, self, "read from its database", error),
                )
            return []

    # Sorting: a click on a column title ----------------------------------------------------

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        column, order = self._column_of(self._order)
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        self.model.set_sorted_column(column)

    @staticmethod
    def _column_of(order: LogOrder) -> tuple[int, Qt.SortOrder]:
        for column, (key, _first) in SORT_KEYS.items():
            if key == order.key:
                way = (
                    Qt.SortOrder.DescendingOrder
                    if order.descending
                    else Qt.SortOrder.AscendingOrder
                )
                return column, way
        return 0, Qt.SortOrder.DescendingOrder

    @staticmethod
    def _order_of(column: int, way: Qt.SortOrder) -> LogOrder:
        if column not in SORT_KEYS:
            return NEWEST_FIRST
        return LogOrder(SORT_KEYS[column][0], way == Qt.SortOrder.DescendingOrder)

    def _sort_by(self, column: int, way: Qt.SortOrder) -> None:
        """List the attempts by another column, keeping the chosen one chosen and in view.
        The tag columns hold lists, with no order to speak of: a click on them changes
        nothing, and the arrow stays where it was."""
        if column not in SORT_KEYS:
            self._show_sort_indicator()
            return
        self._order = self._order_of(column, way)
        self.model.set_sorted_column(column)
        chosen = self.selected_row()
        self.reload()
        if chosen is not None:
            self._select(chosen.id)
        else:
            self.table.scrollToTop()

    def showEvent(self, event: QShowEvent) -> None:
        if self._retro_stale and not self._stale:  # a reload updates it anyway
            self._update_retro_button()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.model.release_rows()  # a long period's rows are read again when next shown
        super().hideEvent(event)

    @reports_read_failures
    def show_attempt(self, attempt_id: int) -> bool:
        """Select an attempt (opened from elsewhere), widening the filters if it is hidden."""
        if self._stale:
            self.reload()
        row = self._row_of(attempt_id)
        if row is None:
            for combo, widest in ((self.range, EVERYTHING), (self.path_filter, 0)):
                combo.blockSignals(True)
                combo.setCurrentIndex(widest)
                combo.blockSignals(False)
            self.reload()
            row = self._row_of(attempt_id)
        if row is None:
            return False  # deleted since
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self.table.setFocus()
        return True

    def _row_of(self, attempt_id: int) -> int | None:
        with session_scope(self.context.profile.engine) as session:
            return practice_store.log_position(
                session=session, period=self._shown, attempt_id=attempt_id, order=self._order
            )

    def selected_row(self) -> practice_store.LogRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.attempt_at(rows[0].row()) if rows else None

    def selected(self) -> Attempt | None:
        """The selected attempt, read in full (to edit it, say)."""
        row = self.selected_row()
        if row is None:
            return None
        with session_scope(self.context.profile.engine) as session:
            return practice_store.get_attempt(session=session, attempt_id=row.id)

    def _update_buttons(self) -> None:
        has = self.selected_row() is not None
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(has)
        self._update_retro_button()

    def _journal_changed(self) -> None:
        if self.isVisible():
            self._update_retro_button()
        else:
            self._retro_stale = True  # read when next shown, as the rows are

    def _update_retro_button(self) -> None:
        """Open retrospective is on only for an attempt that has one, and says why not."""
        self._retro_stale = False
        row = self.selected_row()
        if row is None:
            has, tip = False, "Select an attempt to open its retrospective"
        else:
            try:
                with session_scope(self.context.profile.engine) as session:
                    entry = journal_store.entry_for_attempt(session=session, attempt_id=row.id)
                has = entry is not None
            except SAVE_ERRORS:
                has = True  # not known: a click reads again, and says why if it fails again
            tip = "Open it in the journal" if has else "This attempt has no retrospective yet"
        self.retro_button.setEnabled(has)
        self.retro_button.setToolTip(tip)

    # Writing -----------------------------------------------------------------------------

    def start_free_session(self) -> None:
        subject = FreeSessionDialog.ask(self)
        if subject is not None:
            start_session(self.context, subject, self.window())

    @reports_read_failures
    def edit_selected(self) -> None:
        attempt = self.selected()
        if attempt is None:
            return
        dialog = FinishSessionDialog(
            attempt.subject,
            attempt.started_at,
            attempt.active_seconds,
            self.context.profile.taxonomy,
            self,
            existing=attempt,
            today=self.context.today(),
        )
        accepted = dialog.exec()
        dialog.deleteLater()
        if not accepted or dialog.result_attempt is None:
            return
        changed = dialog.result_attempt
        saved = saved_or_told(
            self.context,
            self,
            "The change",
            lambda session: update_with_retrospective(
                session=session, attempt=changed, template_of=self.context.profile.template,
                facts_of=lambda attempt: facts_of(self.context, attempt), now=self.context.now(),
            ),
        )  # fmt: skip
        if saved and attempt.id is not None:
            # The log re-read its rows and lost the selection: Edit and Delete greyed out and
            # the focus fell to the sidebar. The attempt edited stays the one chosen, at its
            # new place if its day changed, so the keyboard goes on from it.
            self._select(attempt.id)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_selected(self) -> None:
        attempt = self.selected_row()
        if attempt is None:
            return
        row = self.table.selectionModel().selectedRows()[0].row()  # the log re-reads on commit
        if not self.deletes.delete(attempt.id, attempt.title):
            return
        self.table.selectRow(min(row, self.model.rowCount() - 1))  # keep going from the keyboard
        # From the list, as on the Journal and Stories: a second Enter on Delete took the next.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @reports_read_failures
    def undo_delete(self) -> None:
        attempt_id = self.deletes.undo()
        if attempt_id is not None:
            # The attempt back is the one selected, as a story or entry brought back is
            # opened: Edit, Delete or another Ctrl+Z go on from it, not from no row at all.
            self._select(attempt_id)

    def _select(self, attempt_id: int) -> None:
        """Select an attempt where the log now lists it (not at all if the filters hide it)."""
        row = self._row_of(attempt_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    @reports_read_failures
    def open_retrospective(self) -> None:
        attempt = self.selected_row()
        if attempt is None:
            return
        with session_scope(self.context.profile.engine) as session:
            entry = journal_store.entry_for_attempt(session=session, attempt_id=attempt.id)
        if entry is not None and entry.id is not None:
            self.context.events.open_journal_entry.emit(entry.id)
        else:
            dialogs.tell(self, "No retrospective", "This attempt has no retrospective entry.")
