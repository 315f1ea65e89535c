"""The Plan page: this week's plan by day within a budget, what to add, and mock interviews."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from desktop.domain.dates import in_week, week_days, week_label, week_of
from desktop.domain.mocks import MockInterview
from desktop.domain.planner import (
    MOCK_ROUTINE_ID,
    PERIOD_WEEKS,
    PlanItem,
    PlanSource,
    emptiest_day,
    hours_text,
)
from desktop.domain.routines import Routine
from desktop.domain.suggestions import SimpleWeakSpot, Suggestion, routine_target
from desktop.domain.weak_spot_practice import Practice
from desktop.store import mocks as mocks_store
from desktop.store import plan as plan_store
from desktop.store.database import session_scope
from desktop.store.plan_removals import PlanRemovals
from desktop.store.week_snapshot import WeekAdvice, WeekPlan
from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.focus_guard import FocusGuard
from desktop.ui.formatting import setting_int
from desktop.ui.page import ContextPage
from desktop.ui.plan import item_actions, mock_actions, planned_words
from desktop.ui.plan.banners import CarryBanner, ReviewBanner
from desktop.ui.plan.data import PlanPageRead, advice_reader, read_plan_page, today
from desktop.ui.plan.side_panels import MocksPanel, SuggestionsPanel
from desktop.ui.plan.week_grid import WeekGrid
from desktop.ui.read_failures import reports_read_failures, tell_read_failure
from desktop.ui.theme import colours, current_scheme
from desktop.ui.undoable_delete import UndoableDelete
from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.widgets.waiting import wait_until

NARROW_WIDTH = 780
# Up to this many attempts in the year before a week, its suggestions are worked out at once
# (tens of milliseconds); beyond, on a worker thread while the week is already on show.
ADVISE_AT_ONCE_ATTEMPTS = 250
ADVICE_DELAY_MS = 150


class PlanPage(ContextPage):
    info = page_info.PLAN

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # The first day of the week the user chose: what each week shown starts on.
        self.first_weekday = context.preferences.first_weekday()
        self.week = self.this_week()
        self.snapshot: WeekPlan | None = None
        self._asking = 0  # the latest advice asked for; older answers are dropped
        # The last read, until the data changes: a week switch re-reads only the week.
        self._last_read: PlanPageRead | None = None
        self.advice_shown = 0  # suggestions shown so far (tests wait on it)
        self._focus: SimpleWeakSpot | None = None
        self._review_dismissed = False
        self._left_over: list[PlanItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_top_bar())
        self.review_banner = ReviewBanner()
        self.review_banner.start_requested.connect(
            lambda: self.start_review(self.week - timedelta(days=7))
        )
        self.review_banner.dismissed.connect(self._dismiss_review)
        # The offers and the undo bar share one row: stacked, in a short window they left
        # the week room for a day or two.
        strips = QHBoxLayout()
        strips.setSpacing(8)
        strips.addWidget(self.review_banner, 1)
        self.carry_banner = CarryBanner()
        self.carry_banner.carry_requested.connect(self.carry_over_last_week)
        strips.addWidget(self.carry_banner, 1)
        self.removals = UndoableDelete(
            context, self, "planned item", "“{title}” from the plan", PlanRemovals(),
            words=("Removing", "Removed", "remove"),
        )  # fmt: skip
        self.undo_bar = self.removals.bar
        self.undo_bar.undo_requested.connect(self.undo_remove)
        strips.addWidget(self.undo_bar, 1)
        layout.addLayout(strips)
        layout.addLayout(self._build_budget_row())

        self.grid = WeekGrid()
        self.grid.take_keys_after(self.budget)
        self.grid.selection_changed.connect(self._update_item_buttons)
        self.grid.moved.connect(self.move_item)
        self.grid.activated.connect(lambda _id: self.start_selected())
        week_area = QWidget()
        week_layout = QVBoxLayout(week_area)
        week_layout.setContentsMargins(0, 0, 0, 0)
        self.grid_scroll = QScrollArea()
        self.grid_scroll.setWidgetResizable(True)
        self.grid_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # No Tab stop of its own, drawn nowhere: Tab goes to the days' lists, and the area
        # still scrolls to the one that takes the keys.
        self.grid_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.grid_scroll.setWidget(self.grid)
        week_layout.addWidget(self.grid_scroll, 1)
        week_layout.addLayout(self._build_item_buttons())

        self.suggestions = SuggestionsPanel()
        self.suggestions.accept_requested.connect(self.accept_suggestions)
        self.mocks = MocksPanel(
            self.log_mock, self.edit_mock, self.delete_mock, context.profile.taxonomy.label
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Suggestions and mock interviews")
        self.tabs.addTab(self.suggestions, "Suggestions")
        self.tabs.addTab(self.mocks, "Mock interviews")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(week_area)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 330])
        layout.addWidget(self.splitter, 1)

        self._build_actions()
        # A button that turns itself off (This week, Remove) or a banner that hides leaves
        # the keys in a list, not on the next button, where a second Enter would act again.
        FocusGuard(self, self._keys_place)
        self._restyle()
        events = context.events
        for signal in (events.plan_changed, events.sessions_changed, events.mocks_changed,
                       events.paths_changed, events.journal_changed):  # fmt: skip
            signal.connect(self.data_changed)
        events.progress_changed.connect(lambda _path_id: self.data_changed())
        context.preferences.changed.connect(self._preferences_changed)

    # Building ----------------------------------------------------------------------------

    def _build_top_bar(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.previous_button = push_button(
            "\u2039",
            "Previous week",
            lambda: self.show_week(self.week - timedelta(7)),
            tooltip="Previous week (Ctrl+Page Up)",
        )
        self.this_week_button = push_button(
            "This week", "Go to this week", lambda: self.show_week(self.this_week())
        )
        self.next_button = push_button(
            "\u203a",
            "Next week",
            lambda: self.show_week(self.week + timedelta(7)),
            tooltip="Next week (Ctrl+Page Down)",
        )
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(32)
        top.addWidget(self.previous_button)
        top.addWidget(self.this_week_button)
        top.addWidget(self.next_button)
        self.week_heading = text_label("Week shown", "heading", wrap=False)
        top.addWidget(self.week_heading, 1)
        self.add_routine_button = QPushButton("Add a routine")
        self.add_routine_button.setAccessibleName("Add a routine to the plan")
        self.add_routine_button.setToolTip("Plan a routine on the selected day, or the emptiest")
        self.routine_menu = QMenu(self.add_routine_button)
        self.routine_menu.aboutToShow.connect(self._fill_routine_menu)
        self.add_routine_button.setMenu(self.routine_menu)
        top.addWidget(self.add_routine_button)
        self.review_button = push_button(
            "Weekly review…",
            "Review the week shown",
            lambda: self.start_review(self.week),
            tooltip="Ctrl+Shift+R",
        )
        top.addWidget(self.review_button)
        return top

    def _build_budget_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.budget = QSpinBox()
        self.budget.setAccessibleName("Hours a week to practise")
        self.budget.setRange(1, 80)
        self.budget.setPrefix("Budget ")
        self.budget.setSuffix(" h a week")
        self.budget.setToolTip("How many hours of practice the plan should fit in a week")
        self.budget.editingFinished.connect(self._save_budget)
        self.budget.setMaximumWidth(170)
        row.addWidget(self.budget)
        self.budget_bar = QProgressBar()
        self.budget_bar.setAccessibleName("Planned time against the weekly budget")
        self.budget_bar.setTextVisible(False)
        row.addWidget(self.budget_bar, 2)
        self.budget_text = text_label("Budget", "muted")
        row.addWidget(self.budget_text, 3)
        return row

    def _build_item_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.item_hint = text_label("Selected item", "muted")
        self.item_hint.setText("Select a planned item to move, skip or start it.")
        row.addWidget(self.item_hint, 1)
        self.earlier_button = push_button(
            "◀ Earlier",
            "Move the item a day earlier",
            lambda: self.shift_selected(-1),
            tooltip="Alt+Left, or drag it to another day",
        )
        self.later_button = push_button(
            "Later ▶",
            "Move the item a day later",
            lambda: self.shift_selected(1),
            tooltip="Alt+Right, or drag it to another day",
        )
        self.skip_button = push_button(
            "Skip", "Skip the item this week", self.toggle_skip_selected, tooltip="Alt+S"
        )
        self.remove_button = push_button(
            "Remove", "Remove the item from the plan", self.remove_selected, tooltip="Delete"
        )
        self.start_button = push_button(
            "Start", "Start a practice session on the item", self.start_selected, tooltip="Enter"
        )
        for button in (self.earlier_button, self.later_button, self.skip_button,
                       self.remove_button, self.start_button):  # fmt: skip
            row.addWidget(button)
        return row

    def _build_actions(self) -> None:
        self.page_actions: list[QAction] = []

        def add(text: str, keys: str | QKeySequence.StandardKey, slot) -> QAction:  # type: ignore[no-untyped-def]
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))  # only while the page is on show
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
            self.page_actions.append(action)
            return action

        add("Move a day earlier", "Alt+Left", lambda: self.shift_selected(-1))
        add("Move a day later", "Alt+Right", lambda: self.shift_selected(1))
        add("Skip or unskip", "Alt+S", self.toggle_skip_selected)
        add("Previous week", "Ctrl+PgUp", lambda: self.show_week(self.week - timedelta(7)))
        add("Next week", "Ctrl+PgDown", lambda: self.show_week(self.week + timedelta(7)))
        add("Log a mock interview", "Ctrl+Shift+M", self.log_mock)
        add("Weekly review", "Ctrl+Shift+R", lambda: self.start_review(self.week))
        remove = QAction("Remove from plan", self.grid)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove.triggered.connect(lambda _checked=False: self.remove_selected())
        self.grid.addAction(remove)
        # Edit > Undo (Ctrl+Z) runs this outside a text box: see page_undo.
        self.undo_action = self.removals.action
        self.undo_action.triggered.connect(lambda _checked=False: self.undo_remove())
        self.addAction(self.undo_action)

    def _restyle(self) -> None:
        self.grid.restyle(colours(current_scheme()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Below about 105 px a day, columns get too narrow to read: show the days as rows.
        self.grid.set_as_rows(self.width() < NARROW_WIDTH)
        self._show_heading()
        super().resizeEvent(event)

    def _show_heading(self) -> None:
        label = week_label(self.week, short=True)
        # A narrow window keeps the days and drops the year.
        self.week_heading.setText(label.rsplit(" ", 1)[0] if self.grid.as_rows else label)
        self.week_heading.setToolTip(week_label(self.week))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)

    # Page protocol -----------------------------------------------------------------------

    def page_undo(self) -> QAction:
        return self.undo_action

    def set_active(self, active: bool) -> None:
        for action in self.page_actions:
            action.setEnabled(active)
        self.removals.set_active(active)  # and on only with something to bring back

    def _keys_place(self, left: QWidget) -> QWidget | None:
        """Where the keys go from a widget of the page's that turned off or hid: the mock
        interviews' list from their buttons, else the week's lists."""
        if self.mocks.isAncestorOf(left) and self.mocks.list.count():
            return self.mocks.list
        return self.grid.list_for_keys(today(self.context))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("plan/splitter", self.splitter.saveState())
        settings.setValue("plan/tab", self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("plan/splitter")
        if state is not None and not isinstance(state, str):
            self.splitter.restoreState(state)
        tab = setting_int(settings.value("plan/tab"), 0)
        self.tabs.setCurrentIndex(tab if 0 <= tab < self.tabs.count() else 0)

    def prepare_for_screenshot(self) -> None:
        self.show_week(self.this_week())
        wait_until(lambda: not self.suggestions.busy, timeout_seconds=30)
        items = self.snapshot.items if self.snapshot else []
        if items:
            self.grid.select(items[0].id)

    # Reading -----------------------------------------------------------------------------

    def data_changed(self) -> None:
        self._last_read = None
        super().data_changed()

    def week_of(self, day: date) -> date:
        """The first day of the week `day` falls in, as the user's weeks start."""
        return week_of(day, first=self.first_weekday)

    def this_week(self) -> date:
        return self.week_of(today(self.context))

    def _preferences_changed(self) -> None:
        """A new first day of the week regroups the days: show the week holding today if
        this week was on show, else the week holding the first day that was on show."""
        first = self.context.preferences.first_weekday()
        if first == self.first_weekday:
            return
        shown_today = self.week == self.this_week()
        self.first_weekday = first
        self.week = self.this_week() if shown_today else self.week_of(self.week)
        self.data_changed()

    def show_week(self, week: date) -> None:
        """Show the week holding the day `week`."""
        self.week = self.week_of(week)
        self.reload()

    @reports_read_failures
    def reload(self) -> None:
        """Show the week's plan at once; its suggestions follow, from a worker thread when
        they weigh a long history."""
        self._stale = False
        now_day = today(self.context)
        read = read_plan_page(self.context, self.week, self._last_read)
        self._last_read = read
        self.snapshot = read.plan
        self._show_heading()
        self.grid.show_week(week_days(self.week), read.plan.items, read.plan.done, now_day)
        # After the grid: turned off with the keys, it hands them to this week's days.
        self.this_week_button.setEnabled(self.week != self.week_of(now_day))
        self._show_budget(read.plan)
        self.mocks.show_mocks(read.recent_mocks)
        is_this_week = self.week == self.week_of(now_day)
        offer = is_this_week and read.review_week is not None and not self._review_dismissed
        self.review_banner.setVisible(offer)
        # The review carries unfinished items over itself: one banner at a time.
        self._show_carry_offer(read.left_over, is_this_week and not offer)
        self._update_item_buttons()
        self._ask_for_advice(read, now_day)

    def _ask_for_advice(self, read: PlanPageRead, now_day: date) -> None:
        self._asking += 1
        asking = self._asking
        if self.week + timedelta(days=6) < now_day:  # no suggestions for a week that is over
            self._show_suggestions([], now_day)
            return
        work = advice_reader(self.context, read.plan, self._focus)
        if read.history_size <= ADVISE_AT_ONCE_ATTEMPTS:
            self._show_suggestions(work().suggestions, now_day)
            return
        self.suggestions.show_busy("Working out suggestions from your practice…")
        self.tabs.setTabText(0, "Suggestions (…)")
        # Started once the week is painted (the worker would slow the painting down), and
        # only for the week the user stops at when paging through several.
        QTimer.singleShot(ADVICE_DELAY_MS, self, lambda: self._start_advice(asking, work, now_day))

    def _start_advice(self, asking: int, work: Callable[[], WeekAdvice], now_day: date) -> None:
        if asking != self._asking:
            return  # the user went on to another week meanwhile
        self.context.workers.run(
            work,
            lambda advice: self._advice_received(asking, advice, now_day),
            lambda error: self._advice_received(asking, error, now_day),
            owner=self,
        )

    def _advice_received(
        self, asking: int, result: WeekAdvice | BaseException, now_day: date
    ) -> None:
        if asking != self._asking:
            return  # another week or a change came meanwhile: its advice is on its way
        if isinstance(result, WeekAdvice):
            self._show_suggestions(result.suggestions, now_day)
            return
        self._show_suggestions([], now_day)
        tell_read_failure(self, "work out suggestions", result)

    def _show_budget(self, snapshot: WeekPlan) -> None:
        n = snapshot.numbers
        self.budget.blockSignals(True)
        self.budget.setValue(n.budget_minutes // 60)
        self.budget.blockSignals(False)
        # A progress bar repaints at once on a new value: here it waits for the page's paint.
        self.budget_bar.setUpdatesEnabled(False)
        self.budget_bar.setRange(0, max(1, n.budget_minutes))
        self.budget_bar.setValue(min(n.planned_minutes, n.budget_minutes))
        self.budget_bar.setUpdatesEnabled(True)
        if self.budget_bar.property("over") != n.over_budget:  # restyled only on a change
            self.budget_bar.setProperty("over", n.over_budget)
            self.budget_bar.style().unpolish(self.budget_bar)
            self.budget_bar.style().polish(self.budget_bar)
        over = (
            f" · {hours_text(n.planned_minutes - n.budget_minutes)} over budget"
            if n.over_budget
            else ""
        )
        self.budget_text.setText(
            f"{hours_text(n.planned_minutes)} planned of {hours_text(n.budget_minutes)}{over} · "
            f"{n.done} of {n.planned} done"
        )
        sessions = "1 session" if n.sessions == 1 else f"{n.sessions} sessions"
        self.budget_text.setToolTip(f"{hours_text(n.minutes)} practised in {sessions} this week")
        self.budget_bar.setToolTip(self.budget_text.text())

    def _show_suggestions(self, suggestions: Sequence[Suggestion], now_day: date) -> None:
        if self.week + timedelta(days=6) < now_day:
            empty = "This week is over. Suggestions are for this week and the weeks ahead."
        else:
            empty = "Nothing to suggest: the plan already holds what is due."
        if now_day == self.week + timedelta(days=6):
            rule = "It is the last day of this week: what you add goes into next week's plan."
        else:
            rule = plan_store.PLACING_RULE
        self.suggestions.show_suggestions(suggestions, empty, rule)
        self.tabs.setTabText(0, f"Suggestions ({len(suggestions)})")
        self._select_focus()
        self.advice_shown += 1

    def _show_carry_offer(self, left_over: Sequence[PlanItem], offer: bool) -> None:
        self._left_over = list(left_over) if offer else []
        self.carry_banner.show_count(len(self._left_over))

    def _update_item_buttons(self) -> None:
        item = self.grid.selected()
        for button in (self.earlier_button, self.later_button, self.skip_button,
                       self.remove_button, self.start_button):  # fmt: skip
            button.setEnabled(item is not None)
        if item is None:
            empty = self.snapshot is not None and not self.snapshot.items
            self.item_hint.setText(
                "Nothing planned this week yet: add suggestions from the list below."
                if empty
                else "Select a planned item to move, skip or start it."
            )
            return
        self.skip_button.setText("Unskip" if item.skipped else "Skip")
        self.earlier_button.setEnabled(item.day > self.week)
        self.later_button.setEnabled(item.day < self.week + timedelta(days=6))
        done = self.snapshot.done.get(item.id) if self.snapshot else None
        if done is not None:
            held = done.at.astimezone()
            self.item_hint.setText(f"Done on {held:%A}: {done.minutes} min logged.")
        else:
            self.item_hint.setText(item.reason or item.target.title)

    # Writing -----------------------------------------------------------------------------

    def _write(self, what: str, change: Callable[[Session], object]) -> bool:
        return item_actions.write_plan(self.context, self, what, change)

    def _save_budget(self) -> None:
        hours = self.budget.value()
        if self.snapshot is not None and hours * 60 == self.snapshot.numbers.budget_minutes:
            return
        self._write(
            "The weekly budget",
            lambda session: plan_store.set_hours_per_week(session=session, hours=hours),
        )

    def accept_suggestions(self, chosen: Sequence[Suggestion]) -> None:
        if not chosen or self.snapshot is None:
            return
        week, now = self.week, self.context.now()
        earliest = max(today(self.context), week)
        placed: list[date] = []

        def add(session) -> None:  # type: ignore[no-untyped-def]
            placed.extend(
                plan_store.add_suggestions(
                    session=session, week=week, suggestions=chosen, earliest=earliest, now=now
                )
            )

        if not self._write("The plan", add):
            return
        if any(s.weak_spot for s in chosen):
            self._focus = None
        ahead = sum(1 for day in placed if not in_week(day, week))
        window = self.window()
        if ahead and isinstance(window, QMainWindow):
            items = "1 item" if ahead == 1 else f"{ahead} items"
            window.statusBar().showMessage(f"{items} went into next week's plan.", 8000)

    def _fill_routine_menu(self) -> None:
        self.routine_menu.clear()
        for routine in self.context.profile.routines.routines:
            if routine.cadence not in PERIOD_WEEKS:
                continue  # the retrospective goes with every session
            action = self.routine_menu.addAction(f"{routine.title}  ({routine.minutes[1]} min)")
            action.setToolTip(plain_tip(routine.description))
            action.triggered.connect(lambda _c=False, r=routine: self.add_routine(r))

    def add_routine(self, routine: Routine) -> None:
        """Plan a routine on the selected item's day, or on the emptiest day from today."""
        if self.snapshot is None:
            return
        chosen = self.grid.selected()
        day = (
            chosen.day
            if chosen is not None
            else emptiest_day(self.week, self.snapshot.items, max(today(self.context), self.week))
        )
        reason = f"Added by you: {routine.cadence_text}."
        suggestion = Suggestion(
            routine_target(routine), routine.target_minutes, PlanSource.ROUTINE, reason
        )
        now = self.context.now()
        self._write(
            "The plan",
            lambda session: plan_store.add_plan_item(
                session=session, day=day, target=suggestion.target, minutes=suggestion.minutes,
                source=suggestion.source, reason=suggestion.reason, now=now,
            ),
        )  # fmt: skip

    def move_item(self, item_id: int, day: date) -> None:
        if self._write(
            "Moving the item",
            lambda session: plan_store.move_plan_item(
                session=session, item_id=item_id, day=day, week=self.week
            ),
        ):
            self.grid.select(item_id)

    def shift_selected(self, days: int) -> None:
        item = self.grid.selected()
        if item is None:
            return
        day = item.day + timedelta(days=days)
        if in_week(day, self.week):
            self.move_item(item.id, day)

    def toggle_skip_selected(self) -> None:
        item = self.grid.selected()
        if item is None:
            return
        if self._write(
            "Skipping the item",
            lambda session: plan_store.set_skipped(
                session=session, item_id=item.id, skipped=not item.skipped
            ),
        ):
            self.grid.select(item.id)

    def remove_selected(self) -> None:
        """Remove at once, as attempts and stories are deleted: the bar above, Edit > Undo or
        Ctrl+Z puts it back. The keys go on to the next item, as in a list."""
        item = self.grid.selected()
        if item is None:
            return
        items = self.snapshot.items if self.snapshot is not None else []
        at = next((n for n, planned in enumerate(items) if planned.id == item.id), 0)
        others = items[at + 1 :] + items[:at][::-1]  # the next one, else the one before
        if not self.removals.delete(item.id, item.target.title):
            return
        if others and self.grid.select(others[0].id):
            return
        day_list = self.grid.list_for_keys(item.day)
        if day_list is not None:
            day_list.setFocus(Qt.FocusReason.OtherFocusReason)

    @reports_read_failures
    def undo_remove(self) -> None:
        """Put the last item removed back, and select it, in its own week. The keys go to
        it if they were in the week (the bar's Undo, gone once used, leaves them there);
        anywhere else, they stay where the user is."""
        item_id = self.removals.undo()
        if item_id is None:
            return
        keys = QApplication.focusWidget()
        focus = keys is None or self.grid.isAncestorOf(keys)
        if not self.grid.select(item_id, focus=focus):
            with session_scope(self.context.profile.engine) as session:
                day = plan_store.day_of(session=session, item_id=item_id)
            if day is not None:
                self.show_week(day)
                self.grid.select(item_id, focus=focus)

    def carry_over_last_week(self) -> None:
        left = list(self._left_over)
        now = self.context.now()
        self._write(
            "Carrying items over",
            lambda session: plan_store.carry_over(session=session, items=left, now=now),
        )

    def start_selected(self) -> QWidget | None:
        """Time a session on the selected item (the mock checkpoint is logged instead)."""
        item = self.grid.selected()
        if item is None:
            return None
        if item.target.routine_id == MOCK_ROUTINE_ID:
            self.log_mock()
            return None
        return item_actions.start_item(self.context, item, self.window())

    # Weak spots from Trends -------------------------------------------------------------

    def focus_weak_spot(self, tag: str, label: str, practice: Practice | None = None) -> None:
        """Plan practice on a weak spot: it goes first in this week's suggestions, with what
        its Trends row named first if it named anything."""
        self._focus = SimpleWeakSpot(tag, label, "You asked to practise it.", practice)
        self.week = self.this_week()
        self.tabs.setCurrentWidget(self.suggestions)
        self.reload()
        self._select_focus()

    def _select_focus(self) -> None:
        """Select the weak spot's suggestion. None when what its row named is already in the
        week's plan, or next week's (suggestions leave planned items out): then that card,
        said in the status bar; never another suggestion, which "Add to plan" would plan in
        its place. Suggestions still on their way do this when they come."""
        focus = self._focus
        if focus is None or self.suggestions.busy:
            return
        if self.suggestions.select_weak_spot(focus.tag):
            return
        self.suggestions.list.clearSelection()
        wanted = focus.practice.target.key if focus.practice is not None else None
        items = self.snapshot.items if self.snapshot is not None else []
        planned = next((i for i in items if i.counts and i.target.key == wanted), None)
        if planned is None and wanted is not None:
            # Where "Add to plan" puts what this week has no room for.
            ahead = self._planned_next_week() or []
            planned = next((i for i in ahead if i.counts and i.target.key == wanted), None)
        # Named by the week it is in, not the week shown: the user may have paged since.
        now_day = today(self.context)
        this_week = self.week_of(now_day)
        if planned is None:
            said = planned_words.nothing_new(focus.label, self.week, this_week, now_day)
        else:
            if in_week(planned.day, self.week):
                self.grid.select(planned.id)
            said = planned_words.already_planned(
                planned.target.title, planned.day, self.week_of(planned.day), this_week, now_day
            )
        window = self.window()
        if said is not None and isinstance(window, QMainWindow):
            window.statusBar().showMessage(said, 8000)

    @reports_read_failures
    def _planned_next_week(self) -> list[PlanItem]:
        with session_scope(self.context.profile.engine) as session:
            return plan_store.plan_for_week(session=session, week=self.week + timedelta(days=7))

    # The weekly review and mock interviews ----------------------------------------------

    def _dismiss_review(self) -> None:
        self._review_dismissed = True

    def start_review(self, week: date) -> None:
        from desktop.ui.plan.review_dialog import WeeklyReviewDialog

        dialog = WeeklyReviewDialog(self.context, week, self)
        dialog.exec()
        saved = dialog.saved_entry_id is not None
        dialog.deleteLater()
        window = self.window()
        if saved and isinstance(window, QMainWindow):
            window.statusBar().showMessage("Weekly review saved in the journal.", 8000)

    def log_mock(self) -> None:
        if mock_actions.log_mock(self.context, self.window()):
            self.tabs.setCurrentWidget(self.mocks)

    @reports_read_failures
    def open_mock(self, mock_id: int) -> None:
        """Show a mock interview (from Trends, say) in its dialog, to read or correct it."""
        with session_scope(self.context.profile.engine) as session:
            mock = mocks_store.get_mock(session=session, mock_id=mock_id)
        self.tabs.setCurrentWidget(self.mocks)
        if mock is not None:
            self.edit_mock(mock)

    def edit_mock(self, existing: MockInterview) -> None:
        mock_actions.edit_mock(self.context, self.window(), existing)

    def delete_mock(self, mock: MockInterview) -> None:
        mock_actions.delete_mock(self.context, self, mock)
