"""The trends page: a year of practice, streaks, charts, and weak spots that keep coming back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import suppress
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QPaintEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.mocks import MockInterview
from desktop.domain.streaks import MAX_REST_DAYS
from desktop.domain.trends import STRUGGLE_WEEKS, PracticeRecord, TrendsReport
from desktop.domain.weak_spot_practice import PathCandidate, Practice, practise_with
from desktop.domain.weak_spots import WeakSpot, WeakSpotReport
from desktop.domain.wording import counted
from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.store.settings import StreakSettings
from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.formatting import setting_int, short_date
from desktop.ui.page import ContextPage
from desktop.ui.page_keys import enter_activates, note_keys
from desktop.ui.periods import PERIODS
from desktop.ui.read_failures import reports_read_failures, tell_read_failure
from desktop.ui.theme import current_scheme
from desktop.ui.trends import figures
from desktop.ui.trends.calendar import PracticeCalendar
from desktop.ui.trends.charts import ChartCard
from desktop.ui.trends.give_back import give_freed_memory_back
from desktop.ui.trends.reading import (
    TrendsData,
    TrendsQuery,
    add_weak_spots,
    attempts_to_read,
    read_trends,
    stored,
)
from desktop.ui.trends.weak_spot_notes import SPOTS_SHOWN, weak_spot_notes
from desktop.ui.trends.weak_spot_row import WeakSpotRow
from desktop.ui.widgets.controls import combo_box, push_button, refill_quietly
from desktop.ui.widgets.labels import centred_note, text_label
from desktop.ui.widgets.waiting import wait_until
from desktop.ui.window_keys import WindowKeys

RANGES = PERIODS  # the same periods, in the same words, as the practice log
CALENDAR_HEADING = "Practice calendar"
STRUGGLES_HEADING = "Struggles by pattern, week by week"
DEFAULT_RANGE = 1
CLOSE_LIST = WindowKeys("Close the list, back to what opened it", ("Escape",))
DEFAULT_REST_DAYS = 1
READ_AT_ONCE_DAYS = 365  # up to a year is read at once: the calendar's year is read anyway
# ... unless it holds more attempts than this: their weak spots take over 100 ms to work out.
READ_AT_ONCE_ATTEMPTS = 400
TWO_COLUMNS_FROM = 900  # page width (px) from which charts sit side by side
ATTEMPT, ENTRY, MOCK = "attempt", "entry", "mock"

WELCOME = (
    "Your trends start with your first logged session.\n\n"
    "Pick an item on your learning path and start a session, or time anything with "
    "Practice ▸ Start a free session. Every session you log counts (ticking what you "
    "struggled with helps, but is not needed): after a week or two this page shows your "
    "practice calendar and streaks, how your time compares with each target, and the weak "
    "spots that keep coming back."
)
WEIGHING = "Working out your weak spots…"
NOTHING_PICKED = (
    "Click a day in the calendar, a bar, a point or a weak spot to list the attempts behind it. "
    "Double-click one (or press Enter) to open it."
)


class TrendsPage(ContextPage):
    info = page_info.TRENDS
    # Figures shown; True once the weak spots are shown too (a long read shows the calendar,
    # streaks and counts first, weighs the weak spots after they are painted, and shows the
    # charts with the weak spots, so that their coming moves nothing already painted).
    shown = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.report: TrendsReport | None = None
        self._records: Mapping[int, PracticeRecord] = {}
        self._mocks: Mapping[int, MockInterview] = {}
        self.weak_spot_rows: list[WeakSpotRow] = []
        self._columns = 0
        self._reading = 0  # the latest read asked for; older results are dropped
        self._practice_candidates: Sequence[PathCandidate] = ()
        self.reads_shown = 0  # counts results shown (tests and screenshots wait on it)
        self.background_reads_finished = 0
        self._read_pending: int | None = None  # the read a worker does for the page, if any
        self._unweighed: TrendsData | None = None  # shown without its weak spots yet
        self._weigh_after_paint = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_filters())

        self.area = QStackedWidget()
        self.welcome = centred_note("Getting started with trends", WELCOME)
        self.welcome.setContentsMargins(60, 0, 60, 40)
        self.area.addWidget(self._build_content())
        self.area.addWidget(self.welcome)
        layout.addWidget(self.area, 1)

        events = context.events
        events.sessions_changed.connect(self.data_changed)
        events.mocks_changed.connect(self.data_changed)
        events.paths_changed.connect(self._fill_path_filter)

    # Building ----------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.path_filter = combo_box("Show trends for path")
        self.path_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.path_filter.setMinimumContentsLength(16)
        self._fill_path_filter()
        self.path_filter.currentIndexChanged.connect(lambda _index: self.reload())
        row.addWidget(self.path_filter)
        self.range = combo_box("Show trends from")
        for label, days in RANGES:
            self.range.addItem(label, days)
        self.range.setCurrentIndex(DEFAULT_RANGE)
        self.range.currentIndexChanged.connect(lambda _index: self.reload())
        row.addWidget(self.range)
        self.count_label = text_label("Attempts in this period", "muted", wrap=False)
        row.addWidget(self.count_label, 1)
        self.rest_days = QSpinBox()
        self.rest_days.setAccessibleName("Rest days a week that keep a streak")
        self.rest_days.setToolTip(
            "Days off in a week (from the first day of the week in Preferences) that keep a "
            "streak going"
        )
        self.rest_days.setRange(0, MAX_REST_DAYS)
        self.rest_days.setValue(DEFAULT_REST_DAYS)
        self._word_rest_days(DEFAULT_REST_DAYS)
        self.rest_days.valueChanged.connect(self._word_rest_days)
        self.rest_days.valueChanged.connect(lambda _value: self.reload())
        self.rest_days.valueChanged.connect(self._save_rest_days)
        self.context.preferences.changed.connect(self._follow_preferences)
        row.addWidget(self.rest_days)
        return row

    def _save_rest_days(self, value: int) -> None:
        # If the file cannot be written the choice still holds for now; Preferences says why.
        with suppress(OSError):
            self.context.preferences.update(streaks=StreakSettings(rest_days=value))

    def _follow_preferences(self) -> None:
        preferences = self.context.preferences.read()
        rest = preferences.streaks.rest_days
        if rest != self.rest_days.value():
            self.rest_days.setValue(rest)  # which reads again
        elif preferences.calendar.first != self.calendar.first_weekday:
            self.data_changed()  # the calendar's rows and the streaks' weeks start elsewhere

    def _word_rest_days(self, value: int) -> None:
        self.rest_days.setSuffix(" rest day a week" if value == 1 else " rest days a week")

    def _build_streak_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.calendar_heading = _section_heading(CALENDAR_HEADING)
        row.addWidget(self.calendar_heading)
        row.addStretch(1)
        self.streak_label = text_label("Streaks", wrap=False)
        row.addWidget(self.streak_label)
        return row

    def _build_content(self) -> QSplitter:
        body = QWidget()
        column = QVBoxLayout(body)
        self._figures_layout = column
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        column.addLayout(self._build_streak_row())
        self.calendar = PracticeCalendar(self.context.today())
        self.calendar.day_picked.connect(self.show_day)
        column.addWidget(self.calendar)

        column.addWidget(_section_heading("Weak spots that keep coming back"))
        self.weak_spot_box = QVBoxLayout()
        self.weak_spot_box.setSpacing(4)
        column.addLayout(self.weak_spot_box)
        # Below the list: what is only being watched, not practised lately, or too new to say.
        self.no_weak_spots = text_label("Weak spots: what else is known", "muted")
        self.weak_spot_box.addWidget(self.no_weak_spots)

        self.time_chart = ChartCard("Time against target by difficulty")
        self.confidence_chart = ChartCard("Confidence over time")
        self.struggle_chart = ChartCard(STRUGGLES_HEADING)
        self.steps_chart = ChartCard("Design steps most often missed")
        self.score_chart = ChartCard("Quiz and mock-interview scores")
        self.charts = (
            self.time_chart,
            self.confidence_chart,
            self.struggle_chart,
            self.steps_chart,
            self.score_chart,
        )
        self.struggle_chart.setMinimumHeight(260)
        for chart in self.charts:
            chart.picked.connect(self.show_attempts)
        # The charts sit under the weak spots, whose rows come later on a long read: the
        # charts are shown with them, so no painted chart is pushed down when they arrive.
        # Hidden, they keep their room: the page does not shrink (and its scroll jump) meanwhile.
        self.chart_area = QWidget()
        policy = self.chart_area.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.chart_area.setSizePolicy(policy)
        self.chart_grid = QGridLayout(self.chart_area)
        self.chart_grid.setContentsMargins(0, 0, 0, 0)
        self.chart_grid.setSpacing(10)
        column.addWidget(self.chart_area)
        self._place_charts(1)
        column.addStretch(1)

        self.figures = body  # what a read changes: greyed out while one is on its way
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setAccessibleName("Trends")
        # No Tab stop of its own, drawn nowhere: the calendar, rows and charts take the focus,
        # the area scrolls to them, and the page keys they leave still scroll it.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # Shown once something is picked, so the charts scroll as one page until then.
        details = QWidget()
        details.hide()
        self.details_box = details
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 6, 0, 0)
        details_layout.setSpacing(4)
        title_row = QHBoxLayout()
        self.details_title = text_label("What is listed", "strong")
        self.details_title.setText("Behind the numbers")
        title_row.addWidget(self.details_title, 1)
        close = push_button(
            "Close", "Close the list", self._close_details, tooltip="Hide this list (Escape)"
        )
        title_row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        details_layout.addLayout(title_row)
        self.details = QListWidget()
        self.details.setAccessibleName("Attempts and entries behind the selection")
        self.details.itemActivated.connect(self._open_item)
        enter_activates(self.details, "Open the attempt or entry chosen in the list")
        # Escape closes the list and goes back to what opened it: from the keyboard, the list
        # took the focus and only Tab on to Close left it.
        self._listed_from: QWidget | None = None
        note_keys(self.details, CLOSE_LIST)
        closing = QShortcut(QKeySequence(CLOSE_LIST.keys[0]), details, self._close_details)
        closing.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        details_layout.addWidget(self.details, 1)
        self.details_hint = text_label("How to use this list", "muted")
        self.details_hint.setText(NOTHING_PICKED)
        details_layout.addWidget(self.details_hint)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(scroll)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 150])
        self.splitter = splitter
        return splitter

    def _place_charts(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for chart in self.charts:
            self.chart_grid.removeWidget(chart)
        # The weekly struggles chart has the most to show: it gets a row of its own.
        spot = 0
        for chart in self.charts:
            wide = chart is self.struggle_chart and columns > 1
            if wide and spot % columns:
                spot += 1
            self.chart_grid.addWidget(
                chart, spot // columns, spot % columns, 1, columns if wide else 1
            )
            spot += columns if wide else 1

    def _fill_path_filter(self) -> None:
        chosen = self.path_filter.currentData()
        paths = [(path.title, path.id) for path in self.context.profile.library.paths]
        refill_quietly(self.path_filter, [("All paths", None), *paths], chosen)
        self.path_filter.setItemData(0, "All paths and free sessions", Qt.ItemDataRole.ToolTipRole)

    # Page protocol -----------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("trends/range", self.range.currentIndex())
        settings.setValue("trends/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        chosen = setting_int(settings.value("trends/range"), DEFAULT_RANGE)
        rest = self.context.preferences.read().streaks.rest_days  # kept with Preferences
        for widget in (self.range, self.rest_days):
            widget.blockSignals(True)
        self.range.setCurrentIndex(chosen if 0 <= chosen < len(RANGES) else DEFAULT_RANGE)
        self.rest_days.setValue(rest if 0 <= rest <= MAX_REST_DAYS else DEFAULT_REST_DAYS)
        for widget in (self.range, self.rest_days):
            widget.blockSignals(False)
        state = settings.value("trends/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self._stale = True
        if self.isVisible():
            self.reload()

    def focus_search(self) -> None:
        self.path_filter.setFocus()

    def prepare_for_screenshot(self) -> None:
        wait_until(lambda: self._read_pending is None, timeout_seconds=30)
        if self.weak_spot_rows:
            self.weak_spot_rows[0].show_button.click()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_charts(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)
        super().resizeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # A period longer than a year holds every attempt it weighed (tens of MiB on ten years
        # of practice): let them go when the user leaves the page and read again on return.
        # A minimised window (a spontaneous hide) keeps them.
        if not event.spontaneous() and not self._shows_a_short_period():
            self.release_records()
        elif not event.spontaneous() and self._unweighed is not None:
            self._reading += 1  # weighed when next painted would be late: read again then
            self._read_pending = None
            self._unweighed = None
            self.chart_area.show()
            self._stale = True
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._weigh_after_paint:
            # On the next turn, once the figures are painted: a worker running Python holds
            # the interpreter's lock, and the painting's Python code would wait for it.
            self._weigh_after_paint = False
            QTimer.singleShot(0, self, self._weigh_weak_spots)

    def _shows_a_short_period(self) -> bool:
        days = self.range.currentData()
        return days is not None and days <= READ_AT_ONCE_DAYS

    def release_records(self) -> None:
        """Forget what was read (a read on its way is dropped); the next show reads again."""
        self._reading += 1
        self._read_pending = None
        self._unweighed = None
        self._show_busy(False)
        self.chart_area.show()  # with the note that the figures are read again
        self.report = None
        self._records = {}
        self._mocks = {}
        self._practice_candidates = ()
        self._show_weak_spots(())
        # The charts' bars and points hold the attempt ids behind them: made with the records,
        # they would keep the memory the records took from going back.
        for chart in self.charts:
            chart.forget()
        self._stale = True
        # Once the weak-spot rows Qt deletes later are gone too.
        QTimer.singleShot(0, give_freed_memory_back)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light and dark switched
            for chart in self.charts:
                chart.apply_theme(current_scheme())
            self.calendar.update()
        super().changeEvent(event)

    # Reading -----------------------------------------------------------------------------

    @reports_read_failures
    def reload(self) -> None:
        """Read and show the trends; a long period is read on a worker thread."""
        self._stale = False
        self._reading += 1
        reading = self._reading
        self._read_pending = None  # an earlier read still on its way is not waited for
        self._unweighed = None
        taxonomy = self.context.profile.taxonomy
        query = TrendsQuery(
            now=self.context.now(),
            path_id=self.path_filter.currentData(),
            days=self.range.currentData(),
            rest_days_per_week=self.rest_days.value(),
            first_weekday=self.context.preferences.first_weekday(),
            kinds=taxonomy.tag_kinds,
            label=taxonomy.label,
            design_steps=taxonomy.design_step_ids,
            exercised=self.context.profile.exercised_tags(),
            paths=self.context.profile.library.paths,
        )
        engine = self.context.profile.engine
        short = query.days is not None and query.days <= READ_AT_ONCE_DAYS
        if short and attempts_to_read(engine, query) <= READ_AT_ONCE_ATTEMPTS:
            self._show(read_trends(engine, query))
            return
        self._read_pending = reading
        self._show_busy(True)
        self.context.workers.run(
            lambda: read_trends(engine, query, weak_spots=False),
            lambda data: self._received(reading, data),
            lambda error: self._received(reading, error),
            owner=self,
        )

    def _show_busy(self, busy: bool) -> None:
        """While a read is on its way the figures on show are the previous choice's: the
        charts make way for a note, the rest is greyed out (disabled: nothing old can be
        clicked), and the count line says the page is reading."""
        self.figures.setEnabled(not busy)
        if busy:
            # The previous figures, each with its "Reading" note; with none yet (the first
            # read, or after a long period let them go), empty cards would show where the
            # weak spots will go and be pushed down when they come: they wait hidden.
            self.chart_area.setVisible(self.report is not None)
        # Not faded with an opacity effect: drawing the page through one took about 50 ms
        # more of the UI thread at each change on ten years of practice.
        for chart in self.charts:
            chart.show_waiting(busy)
        if busy:
            self.count_label.setText("Reading your practice…")
            self.count_label.setToolTip("The figures below are the previous choice's until then")

    @property
    def busy(self) -> bool:
        """True while the figures on show wait for a read on a worker thread."""
        return not self.figures.isEnabled()

    def _received(self, reading: int, result: TrendsData | BaseException) -> None:
        self.background_reads_finished += 1
        if reading != self._reading:
            return  # the user chose something else meanwhile; that read is on its way
        self._show_busy(False)
        if isinstance(result, TrendsData):
            self._show(result)
        else:
            self._read_pending = None
            self._read_failed(result)

    def _weigh_weak_spots(self) -> None:
        data = self._unweighed
        if data is None:
            return  # read again or left meanwhile
        reading = self._reading
        self.context.workers.run(
            lambda: add_weak_spots(data),
            lambda weighed: self._weighed(reading, weighed),
            lambda error: self._weighed(reading, error),
            owner=self,
        )

    def _weighed(self, reading: int, result: TrendsData | BaseException) -> None:
        if reading != self._reading:
            return
        self._read_pending = None
        self._unweighed = None
        if not isinstance(result, TrendsData):
            self.no_weak_spots.setText("")
            self.chart_area.show()
            self._read_failed(result)
            return
        report = result.report
        self.report = report
        self._show_weak_spots(report.weak_spots, report.weak_spot_report)
        self._show_charts_under_weak_spots()
        self.reads_shown += 1
        self.shown.emit(True)

    def _show_charts_under_weak_spots(self) -> None:
        """The charts (filled with the figures) come in under the weak spots just placed: laid
        out first, so their first paint is where they stay, not where the rows will push them."""
        # A widget put into a shown layout is shown on a later turn of the event loop (Qt
        # queues it), and a hidden one takes no room: shown now, the rows and the charts
        # count at once. The scroll area then grows the page to hold them on a later turn
        # too; until it does the charts overlap, and a busy machine painted them so (one
        # moved 20 px): the layouts are done now, before anything is painted.
        for row in self.weak_spot_rows:
            row.show()
        self.chart_area.show()
        self._figures_layout.invalidate()
        self._figures_layout.activate()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _read_failed(self, error: BaseException) -> None:
        self.count_label.setText("")
        tell_read_failure(self, "read your practice log", error)

    def _show(self, data: TrendsData) -> None:
        self._show_busy(False)
        report = data.report
        self.report = report
        # The read's own maps, not copies: 20,000 records on ten years (a copy was 1 MiB more).
        self._records = data.records
        self._mocks = data.mocks
        welcome = not data.anything_logged
        self.area.setCurrentWidget(self.welcome if welcome else self.splitter)
        for widget in (self.path_filter, self.range, self.count_label, self.rest_days):
            widget.setVisible(not welcome)
        self.calendar.set_activity(
            report.activity,
            data.query.today,
            data.query.days,
            first_weekday=data.query.first_weekday,
        )
        self._show_streaks(report)
        self._name_what_is_shown(data.query.days)
        self._practice_candidates = data.practice_candidates
        weighed = report.weak_spot_report is not None
        self._show_weak_spots(report.weak_spots, report.weak_spot_report)
        if not weighed:  # worked out once the figures are painted
            self.no_weak_spots.setText(WEIGHING)
            self.no_weak_spots.show()
            self._unweighed = data
            self._weigh_after_paint = True
            # The charts wait below the weak spots until they come (filled now, shown then).
            self.chart_area.hide()
            self.update()
        else:
            self._read_pending = None
            self.chart_area.show()
        label = self.context.profile.taxonomy.label
        figures.show_time(self.time_chart, report)
        figures.show_confidence(self.confidence_chart, report)
        figures.show_struggles(self.struggle_chart, report, label)
        figures.show_missed_steps(self.steps_chart, report, label)
        figures.show_scores(self.score_chart, report, data.mock_scores)
        if weighed:
            self.reads_shown += 1
        self.shown.emit(weighed)

    def _name_what_is_shown(self, days: int | None) -> None:
        """The calendar and the struggles chart show at most a year and 12 weeks: a longer
        period says so, or their empty start reads as no practice back then."""
        self.calendar_heading.setText(
            CALENDAR_HEADING
            if days is not None and days <= 366
            else f"{CALENDAR_HEADING}, last 12 months"
        )
        longer = days is None or days > 7 * STRUGGLE_WEEKS
        self.struggle_chart.heading.setText(
            f"Struggles by pattern, the last {STRUGGLE_WEEKS} weeks"
            if longer
            else STRUGGLES_HEADING
        )

    def _show_streaks(self, report: TrendsReport) -> None:
        current, longest = report.streaks.current, report.streaks.longest
        self.streak_label.setText(
            f"Streak: {counted(current, 'day')}  ·  Longest: {counted(longest, 'day')}"
        )
        count = report.attempts_in_range
        # "sessions", as the Practice log counts the same practice.
        self.count_label.setText(counted(count, "session"))
        self.count_label.setToolTip(  # `loopwise weak-spots --json` counts them the same way
            "Practice sessions in the chosen period and path; mock interviews are not counted"
        )

    def _show_weak_spots(
        self, spots: Sequence[WeakSpot], report: WeakSpotReport | None = None
    ) -> None:
        for row in self.weak_spot_rows:
            self.weak_spot_box.removeWidget(row)
            row.deleteLater()
        self.weak_spot_rows = []
        profile = self.context.profile
        for rank, spot in enumerate(spots[:SPOTS_SHOWN], start=1):
            practice = practise_with(
                spot.tag,
                spot.attempt_ids,
                self._records,
                self._practice_candidates,
                profile.routines.routines,
                profile.taxonomy.tag_kinds,
            )
            row = WeakSpotRow(rank, spot, [p.named for p in practice])
            row.show_button.clicked.connect(lambda _c=False, s=spot: self.show_weak_spot(s))
            first = practice[0] if practice else None
            row.plan_button.clicked.connect(
                lambda _c=False, s=spot, p=first: self.plan_practice(s, p)
            )
            # Above the notes on what is only watched, lapsed or too new to say.
            self.weak_spot_box.insertWidget(self.weak_spot_box.indexOf(self.no_weak_spots), row)
            self.weak_spot_rows.append(row)
        self._tab_through_weak_spots()
        self.no_weak_spots.setText(weak_spot_notes(spots, report))
        self.no_weak_spots.setVisible(bool(self.no_weak_spots.text()))

    def _tab_through_weak_spots(self) -> None:
        """Tab goes from the calendar to the weak spots' buttons, as they are laid out, then
        on to the charts: rows made after the charts would otherwise come last, after them."""
        before: QWidget = self.calendar
        for row in self.weak_spot_rows:
            for button in (row.show_button, row.plan_button):
                QWidget.setTabOrder(before, button)
                before = button

    # What is behind a number -------------------------------------------------------------

    def show_attempts(
        self, what: str, attempt_ids: Sequence[int], mock_ids: Sequence[int] = ()
    ) -> None:
        """List the attempts and mock interviews behind what was picked, newest first."""
        self._note_listed_from()
        self.details.clear()
        self.details_title.setText(what)
        found: list[tuple[datetime, str, int, str]] = [
            (self._records[i].started_at, ATTEMPT, i, _attempt_text(self._records[i]))
            for i in attempt_ids
            if i in self._records
        ]
        found += [
            (stored(self._mocks[i].held_at), MOCK, i, _mock_text(self._mocks[i]))
            for i in mock_ids
            if i in self._mocks
        ]
        for _at, kind, ref, text in sorted(found, key=lambda row: row[0], reverse=True):
            self._add_item(kind, ref, text)
        self._after_listing()

    def show_weak_spot(self, spot: WeakSpot) -> None:
        self.show_attempts(spot.explanation, spot.attempt_ids, spot.mock_ids)
        if self.details.count():
            # The list is what comes next: arrows and Enter open its attempts. (The calendar
            # and charts keep the keys: their arrows step on while the list follows.)
            self.details.setFocus(Qt.FocusReason.OtherFocusReason)

    @reports_read_failures
    def show_day(self, day: date) -> None:
        self._note_listed_from()
        self.details.clear()
        self.details_title.setText(self.calendar.describe(day))
        for record in sorted(self._records.values(), key=lambda r: r.started_at):
            if record.day == day:
                self._add_item(ATTEMPT, record.id, _attempt_text(record))
        with session_scope(self.context.profile.engine) as session:
            entries = journal_store.entries_between(session=session, first=day, last=day)
        for entry in entries:
            if entry.id is not None:
                title = entry.title or "Untitled entry"
                self._add_item(ENTRY, entry.id, f"Journal · {title}")
        self._after_listing()

    def plan_practice(self, spot: WeakSpot, practice: Practice | None = None) -> None:
        """Plan what the row names first (the plan does not know this page's period and path)."""
        self.context.events.plan_focus_requested.emit(spot.tag, spot.label, practice)

    def _add_item(self, kind: str, ref: int, text: str) -> None:
        # Made by the list, not in Python: clear() deleting a Python-made item now and then
        # freed its Python half twice and crashed (seen when the layout check re-rendered).
        self.details.addItem(text)
        self.details.item(self.details.count() - 1).setData(Qt.ItemDataRole.UserRole, (kind, ref))

    def _after_listing(self) -> None:
        self.details_box.show()
        if self.details.count():
            self.details.setCurrentRow(0)
            self.details_hint.setText("Double-click one, or press Enter, to open it.")
        else:
            self.details_hint.setText("Nothing logged here.")

    def _note_listed_from(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and not self.details_box.isAncestorOf(focus):
            self._listed_from = focus

    def _close_details(self) -> None:
        self.details_box.hide()
        back, self._listed_from = self._listed_from, None
        with suppress(RuntimeError):  # a weak-spot row rebuilt since has deleted its button
            if back is not None and back.isVisible():
                back.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_item(self, item: QListWidgetItem) -> None:
        kind, ref = item.data(Qt.ItemDataRole.UserRole)
        if kind == ATTEMPT:
            self.context.events.open_attempt.emit(ref)
        elif kind == MOCK:
            self.context.events.open_mock_interview.emit(ref)
        else:
            self.context.events.open_journal_entry.emit(ref)


def _section_heading(text: str) -> QLabel:
    label = text_label(text, "subheading", wrap=False)
    label.setText(text)
    return label


def _attempt_text(record: PracticeRecord) -> str:
    target = f" / {record.target_minutes}" if record.target_minutes else ""
    return (
        f"{short_date(record.started_at)} · {record.title} · {record.outcome.label} · "
        f"{round(record.minutes)}{target} min · confidence {record.confidence}"
    )


def _mock_text(mock: MockInterview) -> str:
    return f"{short_date(mock.held_at)} · {mock.title} · scored {mock.score_percent:.0f}%"
