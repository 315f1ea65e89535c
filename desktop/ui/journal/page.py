"""The journal page: a month calendar and list on the left, the entry being written on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QByteArray, QDate, QEvent, QSettings, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QResizeEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import reviewed_week, week_label
from desktop.domain.journal import EntryKind, Template
from desktop.domain.template_prompts import SectionPrompt
from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.store.errors import WriteFailed, explain
from desktop.store.journal import EntryDraft
from desktop.store.journal_trash import JOURNAL_TRASH
from desktop.store.week_facts import read_week_facts
from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.formatting import day_with_year, long_date
from desktop.ui.journal.editor_panel import EntryEditor
from desktop.ui.journal.entry_list import EntryRow, entry_list_model
from desktop.ui.page import ContextPage
from desktop.ui.page_keys import ENTER, note_keys
from desktop.ui.read_failures import reports_read_failures
from desktop.ui.saving import created_or_told
from desktop.ui.undoable_delete import UndoableDelete, add_delete_key
from desktop.ui.widgets.controls import filter_edit
from desktop.ui.widgets.down_to_list import down_moves_to
from desktop.ui.widgets.empty_state import EmptyState
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.widgets.record_list import record_list_area, select_record, select_row
from desktop.ui.widgets.waiting import wait_until
from desktop.ui.window_keys import WindowKeys

SEARCH_DELAY_MS = 150
# Below this page width the editor needs the room: the calendar hides (the list and the
# entry's date field still move between days) and the preview goes under the text.
COMPACT_BELOW_WIDTH = 980
COMPACT_SIDEBAR_WIDTH = 230


class JournalPage(ContextPage):
    info = page_info.JOURNAL

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._searching = False
        self.searches_shown = 0  # counts finished searches (tests wait on it)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.deletes = UndoableDelete(context, self, "entry", "the entry “{title}”", JOURNAL_TRASH)
        self.undo_bar = self.deletes.bar
        self.undo_bar.undo_requested.connect(self.undo_delete)
        layout.addWidget(self.undo_bar)
        # Edit > Undo (Ctrl+Z) runs this outside a text box: see page_undo.
        self.undo_action = self.deletes.action
        self.undo_action.triggered.connect(self.undo_delete)
        self.addAction(self.undo_action)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_sidebar())
        self.editor = EntryEditor(
            self._latest_day(), context.workers, prompts_of=self._template_prompts
        )
        self.editor.kept.write = self._write
        self.editor.delete_requested.connect(self._delete)
        # A new entry the user has not changed yet, and the entry open before it: leaving
        # it untouched drops it (see _drop_untouched_new_entry).
        self._untouched_new: int | None = None
        self._open_before_new: int | None = None
        self.editor.edited.connect(self._new_entry_touched)
        self.right = QStackedWidget()
        self.empty_state = EmptyState(
            "Journal empty state",
            "Write down what you practised, what worked and what tripped you up. "
            "A few lines after each session add up to your own study guide.",
            "Write an entry for today",
            lambda: self.new_entry(entry_date=self.context.today()),
        )
        self.right.addWidget(self.empty_state)
        self.right.addWidget(self.editor)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self._compact = False
        self._wide_sizes: list[int] = []
        self._month = context.today().replace(day=1)
        # The first listing reopens the entry open when the app was last closed (else the
        # newest), as a native notes app does, instead of an empty editor.
        self._reopen_pending = True
        self._remembered_entry: int | None = None
        context.events.journal_changed.connect(self.data_changed)

    # Building ----------------------------------------------------------------------------

    def _latest_day(self) -> date:
        """Entries may be dated up to a year ahead (a plan written down early)."""
        return self.context.today() + timedelta(days=366)

    def _template_prompts(self, template_id: str) -> tuple[SectionPrompt, ...]:
        template = self.context.profile.template(template_id)
        return template.prompts if template is not None else ()

    def _build_sidebar(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 8, 0)
        top = QHBoxLayout()
        self.search = filter_edit(
            "Search the journal",
            "Search all entries  (Ctrl+F)",
            lambda _text: self._search_timer.start(),
        )
        self.search.returnPressed.connect(self.open_first_hit)  # Qt's line edits: either Enter
        note_keys(self.search, WindowKeys("In the search box: open the first entry found", ENTER))
        top.addWidget(self.search, 1)
        self.new_button = QToolButton()
        self.new_button.setText("New entry")
        self.new_button.setAccessibleName("New journal entry")
        self.new_button.setToolTip(
            "Write a new entry for today, or for an empty day picked in the calendar (Ctrl+N)"
        )
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.clicked.connect(lambda: self.new_entry())
        self.template_menu = QMenu(self.new_button)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        self.new_button.setMenu(self.template_menu)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName("Journal calendar")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        latest = self._latest_day()
        self.calendar.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        today = self.context.today()
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        self.calendar.currentPageChanged.connect(
            lambda year, month: self._show_month(date(year, month, 1), keep_day=True)
        )
        self.calendar.clicked.connect(self._on_day_clicked)
        self.calendar.activated.connect(self._on_day_clicked)  # Enter on a day, by keyboard
        # An empty day the user picked in the calendar, to write for it: a new entry takes
        # that day. A day selected only because an entry opened on it is not a choice.
        self._picked_day: date | None = None
        self._plain_weekends()
        self._start_weeks_as_chosen()
        self.context.preferences.changed.connect(self._start_weeks_as_chosen)
        layout.addWidget(self.calendar)

        heading_row = QHBoxLayout()
        self.previous_month = self._month_button("\u2039", "Previous month", -1)
        heading_row.addWidget(self.previous_month)
        self.list_heading = text_label("List heading", "muted", wrap=False)
        heading_row.addWidget(self.list_heading, 1)
        self.next_month = self._month_button("\u203a", "Next month", 1)
        heading_row.addWidget(self.next_month)
        layout.addLayout(heading_row)
        self.model = entry_list_model(self)
        self.list, self.list_empty, self.list_area = record_list_area(
            self.model, "Journal entries", self._open_row, "No entries"
        )
        layout.addWidget(self.list_area, 1)
        add_delete_key(self.list, "Delete entry", self._delete_chosen)
        down_moves_to(self.search, self.list)
        box.setMinimumWidth(300)
        return box

    def _plain_weekends(self) -> None:
        """Weekends in the text colour (they are not warnings), in the theme now in use."""
        plain = QTextCharFormat()
        plain.setForeground(self.palette().text())
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(weekend, plain)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light and dark switched
            self._plain_weekends()
        super().changeEvent(event)

    def _start_weeks_as_chosen(self) -> None:
        """The month's rows start on the first day of the week chosen in Preferences."""
        first = self.context.preferences.first_weekday()  # 0 Monday, as Qt's 1 Monday
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek(first + 1))

    def _month_button(self, arrow: str, name: str, step: int) -> QToolButton:
        """Month steps beside the list's heading: the calendar's own are hidden with it in a
        narrow window, and these take their place."""
        button = QToolButton()
        button.setText(arrow)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.step_month(step))
        button.hide()
        return button

    def step_month(self, step: int) -> None:
        if step < 0:
            self.calendar.showPreviousMonth()  # its page change re-reads the list
        else:
            self.calendar.showNextMonth()

    def _show_month_buttons(self) -> None:
        shown = self._compact and not self._searching
        self.previous_month.setVisible(shown)
        self.next_month.setVisible(shown)
        latest = self.calendar.maximumDate()
        self.next_month.setEnabled(
            (self._month.year, self._month.month) < (latest.year(), latest.month())
        )

    # Page protocol -----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def flush(self) -> None:
        """Leaving the page (or closing the window): save the typing, and drop a new entry
        the user never wrote in."""
        self.editor.flush()
        if self._untouched_new is not None and self._untouched_new == self.editor.entry_id:
            before = self._open_before_new
            if self._drop_untouched_new_entry():
                self.editor.clear()
                self.right.setCurrentIndex(0)
                if before is None or not self.open_entry(before):
                    self._reopen_last_entry()

    def save_typing(self) -> None:
        """An export: the user stays on the new entry they just made, so it stays too."""
        self.editor.flush()

    def has_unsaved_work(self) -> bool:
        self.editor.flush()
        return self.editor.has_unsaved_changes()

    def page_undo(self) -> QAction:
        return self.undo_action

    def set_active(self, active: bool) -> None:
        self.deletes.set_active(active)

    def resizeEvent(self, event: QResizeEvent) -> None:
        compact = event.size().width() < COMPACT_BELOW_WIDTH
        if compact != self._compact:
            self._compact = compact
            self.calendar.setVisible(not compact)
            self._show_month_buttons()
            self.editor.markdown.setOrientation(
                Qt.Orientation.Vertical if compact else Qt.Orientation.Horizontal
            )
            if compact:
                self._wide_sizes = self.splitter.sizes()
                rest = max(0, sum(self._wide_sizes) - COMPACT_SIDEBAR_WIDTH)
                self.splitter.setSizes([COMPACT_SIDEBAR_WIDTH, rest])
            elif self._wide_sizes:
                self.splitter.setSizes(self._wide_sizes)
        super().resizeEvent(event)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("journal/splitter", self.splitter.saveState())
        settings.setValue("journal/preview", self.editor.show_preview.isChecked())
        if not self._reopen_pending:  # not yet shown: what was remembered still stands
            settings.setValue("journal/entry", self.editor.entry_id or "")

    def restore_state(self, settings: QSettings) -> None:
        remembered = str(settings.value("journal/entry", ""))
        self._remembered_entry = int(remembered) if remembered.isdecimal() else None
        state = settings.value("journal/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([340, 900])
        self.editor.show_preview.setChecked(
            str(settings.value("journal/preview", "true")) == "true"
        )

    @reports_read_failures
    def prepare_for_screenshot(self) -> None:
        """Open the newest entry, as a user coming back to the journal would see it."""
        with session_scope(self.context.profile.engine) as session:
            newest = journal_store.newest_entry(session=session)
        if newest is not None and newest.id is not None:
            self.open_entry(newest.id)
            wait_until(self.editor.markdown.wait_for_preview)

    # Listing -----------------------------------------------------------------------------

    def _show_month(self, day: date, keep_day: bool = False) -> None:
        self._month = date(day.year, day.month, 1)
        if not keep_day:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.reload()

    @reports_read_failures
    def reload(self) -> None:
        self._stale = False
        if self._searching:
            self._run_search()
            return
        first = self._month
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        with session_scope(self.context.profile.engine) as session:
            entries = journal_store.entries_between(
                session=session, first=first, last=last, limit=journal_store.MONTH_LIMIT
            )
            days, total = journal_store.days_with_entries(session=session, first=first, last=last)
        rows = [EntryRow(e.id, e.entry_date, e.title, e.kind, e.word_count) for e in entries]
        self._set_rows(rows, f"{first:%B %Y}", "No entries this month yet.", total, cut="newest")
        self._mark_days(days)
        if self._reopen_pending:
            self._reopen_pending = False
            self._reopen_last_entry()
        else:
            self._follow_open_entry()

    def _follow_open_entry(self) -> None:
        """Show again the open entry if it was written elsewhere (a corrected practice session
        rewrites its retrospective's facts), unless the user has typing of their own pending."""
        entry_id, saved = self.editor.entry_id, self.editor.kept.saved
        if entry_id is None or saved is None or self.editor.has_unsaved_changes():
            return
        with session_scope(self.context.profile.engine) as session:
            entry = journal_store.get_entry(session=session, entry_id=entry_id)
        if entry is not None and (entry.body, entry.entry_date) != (saved.body, saved.entry_date):
            self.open_entry(entry_id)

    def _reopen_last_entry(self) -> None:
        """The entry open at the last close; if it is gone (or none was), today's or the
        newest before it, else the newest (all dated ahead)."""
        if self.editor.entry_id is not None:
            return
        with session_scope(self.context.profile.engine) as session:
            remembered = self._remembered_entry
            entry = (
                (
                    journal_store.get_entry(session=session, entry_id=remembered)
                    if remembered is not None
                    else None
                )
                or journal_store.newest_entry(session=session, on_or_before=self.context.today())
                or journal_store.newest_entry(session=session)
            )
        if entry is not None:
            self.open_entry(entry.id)

    def _set_rows(
        self,
        rows: list[EntryRow],
        heading: str,
        when_empty: str,
        total: int | None = None,
        cut: str = "top",
    ) -> None:
        """`total`: how many there are in all, when `rows` shows only the `cut` ("top",
        "newest") of them."""
        current = self.editor.entry_id
        self.model.set_rows(rows)
        count = len(rows)
        if total is not None and total > count:
            shown = f"{cut} {count:,} of {total:,} entries"
        else:
            shown = f"{count} {'entry' if count == 1 else 'entries'}"
        self.list_heading.setText(f"{heading} · {shown}")
        self._show_month_buttons()
        self.list_empty.setText(when_empty)
        self.list_area.show_view(bool(rows))
        if current is None or not select_record(self.list, current, open_it=False):
            # The open entry is not in this list (another month, a search): show its top, not
            # wherever the last list was scrolled to.
            self.list.scrollToTop()
        if self.editor.entry_id is None:
            self.right.setCurrentIndex(0)

    def _mark_days(self, days: set[date]) -> None:
        """Days with entries are bold in the calendar; today is underlined, so it stays
        easy to find while the selection marks the open entry's day."""
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear all
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        for day in days:
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), bold)
        today = self.context.today()
        shown = QDate(today.year, today.month, today.day)
        marked = self.calendar.dateTextFormat(shown)
        marked.setFontUnderline(True)
        self.calendar.setDateTextFormat(shown, marked)

    def _mark_open_day(self, day: date) -> None:
        """The calendar's selection is the open entry's day, on that day's month."""
        shown = QDate(day.year, day.month, day.day)
        self._picked_day = None  # an entry's day, not a day chosen to write for
        if self._searching:
            # The list shows hits: turn the calendar quietly; the month lists once the
            # search is cleared.
            with QSignalBlocker(self.calendar):
                self.calendar.setSelectedDate(shown)
            self._month = date(day.year, day.month, 1)
        elif date(day.year, day.month, 1) != self._month:
            self._show_month(day)
        else:
            self.calendar.setSelectedDate(shown)

    def _on_day_clicked(self, clicked: QDate) -> None:
        day = date(clicked.year(), clicked.month(), clicked.day())
        for row in range(self.model.rowCount()):
            entry = self.model.row_at(row)
            if entry is not None and entry.entry_date == day:
                select_row(self.list, row)
                return
        self._picked_day = day  # nothing written that day: the next new entry is for it

    def _day_for_new_entry(self) -> date:
        """Today, unless the user picked an empty day in the calendar and it is still the
        selected one (opening an entry, or a search hit, moves the selection, not the choice)."""
        chosen = self.calendar.selectedDate()
        if self._picked_day is not None and self._picked_day == date(
            chosen.year(), chosen.month(), chosen.day()
        ):
            return self._picked_day
        return self.context.today()

    def _open_row(self, row: int) -> None:
        self._opened_row(row)

    def _opened_row(self, row: int) -> bool:
        entry = self.model.row_at(row)
        return entry is not None and bool(self.open_entry(entry.id))

    @reports_read_failures
    def open_entry(self, entry_id: int) -> bool:
        """Show an entry, switching the calendar to its month if needed."""
        with session_scope(self.context.profile.engine) as session:
            entry = journal_store.get_entry(session=session, entry_id=entry_id)
        if entry is None:
            return False
        if not self.editor.load(
            entry, self._describe_links(entry.attempt_id, entry.path_id, entry.item_id)
        ):
            # its typing could not be saved: stay on it
            select_record(self.list, self.editor.entry_id or 0, open_it=False)
            return False
        self.right.setCurrentIndex(1)
        if self._untouched_new not in (None, entry_id):
            self._drop_untouched_new_entry()  # another entry opened: the new one was left
        self._mark_open_day(entry.entry_date)
        row = self.model.row_of(entry_id)
        if row >= 0 and self.list.currentIndex().row() != row:
            select_row(self.list, row, open_it=False)
        return True

    def open_from_elsewhere(self, entry_id: int) -> None:
        """Show an entry another page asks for (a new retrospective, a search hit). A search
        that does not list it is cleared, as for a new entry: the list shows the entry's
        month, and a rerun of the search cannot open its best hit over the entry."""
        if self._searching and self.model.row_of(entry_id) < 0:
            with session_scope(self.context.profile.engine) as session:
                entry = journal_store.get_entry(session=session, entry_id=entry_id)
            if entry is not None:
                self._leave_search(entry.entry_date)
        self.open_entry(entry_id)

    def _leave_search(self, day: date) -> None:
        """Clear the search and list `day`'s month (read once, not the old month first)."""
        self.search.clear()
        self._searching = False
        self._show_month(day)

    def undo_delete(self) -> None:
        entry_id = self.deletes.undo()
        if entry_id is not None:
            self.open_entry(entry_id)

    def _describe_links(
        self, attempt_id: int | None, path_id: str | None, item_id: str | None
    ) -> str:
        if not item_id:
            return "Linked to a practice session." if attempt_id else ""
        path = next((p for p in self.context.profile.library.paths if p.id == path_id), None)
        title = item_id
        if path is not None:
            title = next(
                (i.title for s in path.stages for i in s.items if i.id == item_id), item_id
            )
        about = f"About “{title}”" + (f" in {path.title}" if path else "")
        return about + (", written after a practice session." if attempt_id else ".")

    # Search --------------------------------------------------------------------------------

    def _run_search(self) -> None:
        typed = self.search.text()
        self._searching = bool(typed.strip())
        if not self._searching:
            self.reload()
            return
        engine = self.context.profile.engine

        def search() -> tuple[list[journal_store.SearchHit], int]:
            with session_scope(engine) as session:
                hits = journal_store.search_entries(session=session, typed=typed)
                if len(hits) < journal_store.SEARCH_LIMIT:
                    return hits, len(hits)
                # The hits are cut at the limit: count them all, so the heading tells the truth.
                return hits, journal_store.count_matches(session=session, typed=typed)

        # Off the UI thread: a search over years of entries must not stall typing.
        self.context.workers.run(
            search,
            lambda found: self._show_hits(typed, *found),
            lambda error: self._set_rows([], "Search results", f"Search failed: {explain(error)}."),
            owner=self,
        )

    def _show_hits(self, typed: str, hits: list[journal_store.SearchHit], total: int) -> None:
        if typed != self.search.text() or not self._searching:
            return  # the user typed on; a newer search is on its way
        rows = [
            EntryRow(hit.entry_id, hit.entry_date, hit.title, hit.kind, hit.word_count, hit.snippet)
            for hit in hits
        ]
        when_empty = (
            "Nothing matches. Try fewer or shorter words."
            if any(ch.isalnum() for ch in typed)
            else "Type a word to search for."
        )
        self._set_rows(rows, "Search results", when_empty, total)
        if rows and self.model.row_of(self.editor.entry_id or 0) < 0:
            self._opened_row(0)  # the best hit opens; typing stays in the search box
        self.searches_shown += 1

    def open_first_hit(self) -> None:
        """Enter in the search box: go to the best hit's text."""
        if self._searching and self.model.rowCount() and self._opened_row(0):
            self.editor.focus_text()

    # Writing -----------------------------------------------------------------------------

    def _fill_template_menu(self) -> None:
        self.template_menu.clear()
        templates, _errors = self.context.profile.templates
        for template in templates:
            action = self.template_menu.addAction(template.header.title)
            action.setToolTip(plain_tip(template.header.description or ""))
            action.triggered.connect(lambda _c=False, t=template: self.new_entry(template=t))

    def new_entry(
        self,
        *,
        entry_date: date | None = None,
        template: Template | None = None,
        facts: dict[str, str] | None = None,
        links: dict[str, object] | None = None,
    ) -> int | None:
        """Create an entry (from a template if given), show it, and put the cursor in it."""
        day = entry_date or self._day_for_new_entry()
        template = template or self.context.profile.template("free-note")
        # A weekly review starts with its week's facts; one that cannot be read stays blank.
        weekly = template is not None and template.header.kind == EntryKind.WEEKLY_REVIEW
        week = (self._week_facts(day) or {}) if weekly else {}
        all_facts = {"date": long_date(day), **week, **(facts or {})}
        link = links or {}
        default_title = f"{template.header.title}, {day_with_year(day)}" if template else ""
        draft = EntryDraft(
            entry_date=day,
            title=str(link.get("title", default_title)),
            body=template.fill(all_facts) if template else "",
            kind=template.header.kind if template else EntryKind.NOTE,
            template_id=template.id if template else None,
            attempt_id=link.get("attempt_id") if isinstance(link.get("attempt_id"), int) else None,  # type: ignore[arg-type]
            path_id=str(link["path_id"]) if link.get("path_id") else None,
            item_id=str(link["item_id"]) if link.get("item_id") else None,
        )
        if not self.editor.flush():
            return None  # the editor says why, and keeps the typing that could not be saved
        entry_id = created_or_told(
            self.context,
            self,
            "The new entry",
            lambda session: journal_store.create_entry(
                session=session, draft=draft, now=self.context.now()
            ),
        )
        if entry_id is None:
            return None
        before = self.editor.entry_id
        if before is not None and before == self._untouched_new:
            before = self._open_before_new  # that one is dropped as this one opens
        self._leave_search(day)
        if self.open_entry(entry_id) and not links:
            self._untouched_new, self._open_before_new = entry_id, before
        self.editor.focus_text()
        return entry_id

    def _new_entry_touched(self) -> None:
        """The user changed the open entry: if it is the new one, it is theirs to keep, even
        if they clear it again (an entry typed in and emptied was emptied on purpose)."""
        if self.editor.entry_id == self._untouched_new:
            self._untouched_new = None

    def _drop_untouched_new_entry(self) -> bool:
        """Delete the new entry left as its template wrote it, without asking: nothing in
        it is the user's. The store deletes it only if no change was ever saved to it."""
        entry_id, self._untouched_new = self._untouched_new, None
        if entry_id is None:
            return False
        try:
            return self.context.perform(
                lambda session: journal_store.discard_unsaved_new_entry(
                    session=session, entry_id=entry_id
                ),
                "removing the unused new entry",
            )
        except WriteFailed:
            return False  # it stays, empty: nothing is lost, and nothing the user asked for

    @reports_read_failures
    def _week_facts(self, day: date) -> dict[str, str]:
        """What the log holds for the week a review written on `day` looks back on (weeks as
        Preferences start them)."""
        week = reviewed_week(day, first=self.context.preferences.first_weekday())
        with session_scope(self.context.profile.engine) as session:
            facts = read_week_facts(
                session=session, week=week, label=self.context.profile.taxonomy.label
            )
        return {"week": week_label(week), **facts}

    def _write(self, entry_id: int, draft: EntryDraft, saved: Callable[[], None]) -> None:
        """The editor's writer: raises WriteFailed or LookupError, and the editor says so."""
        changed = self.context.perform(
            lambda session: journal_store.save_entry(
                session=session, entry_id=entry_id, draft=draft, now=self.context.now()
            ),
            "saving the entry",
            then=lambda _changed: saved(),
        )
        # Titles, dates and word counts in the list follow the edit through journal_changed.
        moved = date(draft.entry_date.year, draft.entry_date.month, 1) != self._month
        if changed and entry_id == self.editor.entry_id:
            self._mark_open_day(draft.entry_date)  # re-dated: the calendar follows the entry
            if moved and not self._searching:
                select_record(self.list, entry_id, open_it=False)

    def _delete(self, entry_id: int) -> None:
        """Delete at once, as stories and attempts are: the bar above, Edit > Undo or Ctrl+Z
        brings it back."""
        title = self.editor.title.text().strip() or "Untitled entry"
        if entry_id == self._untouched_new:
            self._untouched_new = None  # deleted as asked, with Undo
        neighbour = self._neighbour_of(entry_id)
        if not self.editor.flush():
            return  # the typing could not be saved; the editor said why
        if not self.deletes.delete(entry_id, title):
            return
        self.editor.clear()
        self.right.setCurrentIndex(0)
        # Like a mail app: the next entry listed opens, not the empty state beside a list,
        # and the keys go to the list (a second Enter on Delete would take that one too).
        if neighbour is not None:
            self.open_entry(neighbour)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _delete_chosen(self) -> None:
        """The entry chosen in the list is the one open: the Delete key deletes it."""
        if self.editor.entry_id is not None:
            self._delete(self.editor.entry_id)

    def _neighbour_of(self, entry_id: int) -> int | None:
        """The entry listed after this one (or before it, for the last)."""
        row = self.model.row_of(entry_id)
        for near in (row + 1, row - 1):
            found = self.model.row_at(near) if row >= 0 and near >= 0 else None
            if found is not None:
                return found.id
        return None
