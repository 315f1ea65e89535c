"""The trends page: empty states, filters, weak spots, and clicking through to the attempts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from statistics import mean

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

from desktop.domain.dates import MONDAY, local_day, week_of
from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.progress import ItemStatus
from desktop.domain.streaks import Streaks
from desktop.store import journal as journal_store
from desktop.store import mocks as mocks_store
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.formatting import local_time
from desktop.ui.theme import Scheme, apply_theme, colours
from desktop.ui.trends import figures
from desktop.ui.trends.page import TrendsPage
from tests.clocks import clock_start
from tests.failures import SQLITE_BUSY, sqlite_failure
from tests.helpers.told import problems_told

pytestmark = pytest.mark.any_date

NOW = clock_start()  # the context's clock starts here


def _log(
    context: AppContext,
    days_ago: float,
    *,
    title: str = "Coin Change",
    patterns: tuple[str, ...] = ("dynamic-programming",),
    struggles: tuple[str, ...] = (),
    outcome: Outcome = Outcome.SOLVED,
    confidence: int = 4,
    minutes: int = 20,
    difficulty: str = "medium",
    path_id: str | None = "backend-senior",
    kind: str = "code",
    steps: tuple[str, ...] = (),
    quiz: tuple[int, int] | None = None,
) -> int:
    attempt = Attempt(
        subject=AttemptSubject(
            title, path_id, None, kind=kind, difficulty=difficulty, target_minutes=25
        ),
        started_at=NOW - timedelta(days=days_ago),
        active_seconds=minutes * 60,
        outcome=outcome,
        confidence=confidence,
        patterns=patterns,
        struggles=struggles,
        steps_covered=steps,
        quiz_correct=quiz[0] if quiz else None,
        quiz_total=quiz[1] if quiz else None,
    )
    with session_scope(context.profile.engine) as session:
        return practice_store.log_attempt(session=session, attempt=attempt, now=NOW)


def _struggling_with_dp(context: AppContext) -> list[int]:
    """A week in which dynamic programming keeps going wrong and hash maps go fine."""
    stuck = [
        _log(context, day + 0.5, struggles=("dynamic-programming",), outcome=Outcome.STUCK,
             confidence=2, minutes=38)
        for day in range(5)
    ]  # fmt: skip
    for day in range(6):
        _log(context, day + 0.2, title="Two Sum", patterns=("hash-map",), difficulty="easy")
    return stuck


def _listed(page: TrendsPage) -> list[tuple[str, int]]:
    """What the list of attempts and entries behind the selection holds, top to bottom."""
    return [
        page.details.item(row).data(Qt.ItemDataRole.UserRole) for row in range(page.details.count())
    ]


@pytest.fixture
def page(open_page) -> TrendsPage:
    return open_page(TrendsPage, (1100, 800))


def test_a_new_user_is_told_how_to_get_trends(page: TrendsPage) -> None:
    assert page.area.currentWidget() is page.welcome
    assert "first logged session" in page.welcome.text()
    assert "start a session" in page.welcome.text()


def test_a_period_without_practice_shows_friendly_notes_not_empty_axes(
    page: TrendsPage, context: AppContext
) -> None:
    _log(context, 200)
    context.events.sessions_changed.emit()
    assert page.area.currentWidget() is page.splitter
    for chart in page.charts:
        assert chart.is_empty, chart.accessibleName()
        assert chart.empty.text()
    assert "Start a session" in page.time_chart.empty.text()
    assert page.no_weak_spots.isVisibleTo(page)
    assert page.weak_spot_rows == []


def test_the_recurring_weak_spot_is_listed_first_with_its_numbers(
    qtbot, page: TrendsPage, context: AppContext
) -> None:
    stuck = _struggling_with_dp(context)
    context.events.sessions_changed.emit()
    top = page.weak_spot_rows[0]
    assert top.spot.tag == "dynamic-programming"
    assert top.explanation.text().startswith(  # the title above names it
        "Went wrong in 5 of the last 5 attempts; ticked as a struggle "
        "5 times; median 38 min against a 25 min target"
    )
    assert "Clear: 5 of 5 went wrong" in top.explanation.text()  # how sure, with the counts
    box = page.weak_spot_box  # the list first, then what is only watched or unknown
    assert box.indexOf(top) < box.indexOf(page.no_weak_spots)
    top.show_button.click()
    listed = [
        page.details.item(n).data(Qt.ItemDataRole.UserRole) for n in range(page.details.count())
    ]
    assert listed == [("attempt", attempt_id) for attempt_id in stuck]  # newest first

    with qtbot.waitSignal(context.events.plan_focus_requested) as planned:
        top.plan_button.click()
    tag, label, practice = planned.args
    assert (tag, label) == ("dynamic-programming", "Dynamic programming")
    assert top.items.text().startswith(f"Practise it with: {practice.named}")  # the first named


def test_opening_a_listed_attempt_asks_for_it_to_be_shown(
    qtbot, page: TrendsPage, context: AppContext
) -> None:
    stuck = _struggling_with_dp(context)
    context.events.sessions_changed.emit()
    page.weak_spot_rows[0].show_button.click()
    with qtbot.waitSignal(context.events.open_attempt) as opened:
        page.details.itemActivated.emit(page.details.item(1))
    assert opened.args == [stuck[1]]


def test_clicking_a_bar_lists_the_attempts_behind_it(page: TrendsPage, context: AppContext) -> None:
    easy = _log(context, 1, difficulty="easy", minutes=12)
    hard = [_log(context, day, difficulty="hard", minutes=50) for day in (2, 3)]
    context.events.sessions_changed.emit()
    chart = page.time_chart
    assert not chart.is_empty
    chart.bar_sets[0].clicked.emit(1)  # "Median time" of the second category, Hard
    assert page.details_title.text() == "Hard attempts: median 50 min against a 25 min target"
    ids = [
        page.details.item(n).data(Qt.ItemDataRole.UserRole)[1] for n in range(page.details.count())
    ]
    assert sorted(ids) == sorted(hard) and easy not in ids


def test_clicking_a_point_lists_that_weeks_attempts(page: TrendsPage, context: AppContext) -> None:
    last_week = _log(context, 8, confidence=2)
    this_week = [_log(context, 0.2, confidence=4), _log(context, 0.1, confidence=5)]
    context.events.sessions_changed.emit()
    page.confidence_chart.pick_point(0, 1)
    monday = week_of(local_day(NOW - timedelta(days=0.1)), first=MONDAY)
    assert page.details_title.text() == (
        f"Week of {monday.day} {monday:%b %Y}: mean confidence 4.5 of 5"
    )
    ids = [
        page.details.item(n).data(Qt.ItemDataRole.UserRole)[1] for n in range(page.details.count())
    ]
    assert sorted(ids) == sorted(this_week) and last_week not in ids


def test_the_design_steps_and_score_charts_show_what_was_missed_and_scored(
    page: TrendsPage, context: AppContext
) -> None:
    design = _log(context, 1, kind="design", patterns=(), steps=("requirements", "api"))
    quiz = _log(context, 2, kind="quiz", patterns=(), quiz=(7, 10))
    context.events.sessions_changed.emit()
    steps = page.steps_chart
    assert not steps.is_empty and not page.score_chart.is_empty
    top_bar = steps.bar_sets[0].count() - 1  # horizontal: the most missed is drawn on top
    steps.bar_sets[0].clicked.emit(top_bar)
    assert page.details_title.text().startswith("Design sessions that missed")
    assert page.details.item(0).data(Qt.ItemDataRole.UserRole) == ("attempt", design)
    page.score_chart.pick_point(0, 0)
    assert page.details.item(0).data(Qt.ItemDataRole.UserRole) == ("attempt", quiz)
    assert page.details_title.text().endswith(": 70% right")


def test_filters_narrow_every_chart_by_path_and_period(
    qtbot, page: TrendsPage, context: AppContext
) -> None:
    _log(context, 1)
    _log(context, 2, path_id="sre-devops", struggles=("dynamic-programming",))
    _log(context, 60, outcome=Outcome.STUCK)
    context.events.sessions_changed.emit()
    assert page.report is not None and page.report.attempts_in_range == 3

    page.range.setCurrentIndex(0)  # last 30 days
    assert page.report.attempts_in_range == 2
    page.path_filter.setCurrentIndex(page.path_filter.findData("backend-senior"))
    assert page.report.attempts_in_range == 1
    assert page.struggle_chart.is_empty  # the struggle was on the other path
    shown = page.reads_shown
    page.range.setCurrentIndex(4)  # everything: read on a worker thread
    qtbot.waitUntil(lambda: page.reads_shown > shown)
    assert page.report.attempts_in_range == 2


def test_a_calendar_day_lists_its_sessions_and_entries_and_opens_them(
    qtbot, page: TrendsPage, context: AppContext
) -> None:
    attempt_id = _log(context, 1)
    day = (NOW - timedelta(days=1)).astimezone().date()
    with session_scope(context.profile.engine) as session:
        entry_id = journal_store.create_entry(
            session=session,
            draft=journal_store.EntryDraft(entry_date=day, title="What I learned", body="Memo"),
            now=NOW,
        )
    context.events.sessions_changed.emit()
    centre = page.calendar.day_rect(day).center()
    assert page.calendar.day_at(centre) == day
    qtbot.mouseClick(page.calendar, Qt.MouseButton.LeftButton, pos=centre)
    listed = [
        page.details.item(n).data(Qt.ItemDataRole.UserRole) for n in range(page.details.count())
    ]
    assert listed == [("attempt", attempt_id), ("entry", entry_id)]
    assert page.details_title.text().endswith("1 session, 20 min")
    with qtbot.waitSignal(context.events.open_journal_entry) as opened:
        page.details.itemActivated.emit(page.details.item(1))
    assert opened.args == [entry_id]


def test_rest_days_keep_a_streak_and_the_setting_is_remembered(
    page: TrendsPage, context: AppContext
) -> None:
    for days_ago in (1, 2, 4, 5):  # a gap on the third day back
        _log(context, days_ago)
    context.events.sessions_changed.emit()
    page.rest_days.setValue(0)
    assert page.report is not None and page.report.streaks.current == 2
    assert page.rest_days.text() == "0 rest days a week"
    page.rest_days.setValue(1)
    assert page.report.streaks.current == 4
    assert page.rest_days.text() == "1 rest day a week"
    assert page.streak_label.text().startswith("Streak: 4 days")
    # Ten years of practice: grouped as the session count beside it ("20,000 sessions").
    page._show_streaks(replace(page.report, streaks=Streaks(current=3637, longest=3637)))
    assert page.streak_label.text() == "Streak: 3,637 days  ·  Longest: 3,637 days"

    settings = QSettings(str(context.profile.folder.ui_state_file), QSettings.Format.IniFormat)
    page.range.setCurrentIndex(3)
    page.save_state(settings)
    again = TrendsPage(context)
    again.restore_state(settings)
    assert again.rest_days.value() == 1 and again.range.currentIndex() == 3
    again.deleteLater()


def test_charts_follow_light_and_dark(qapp, page: TrendsPage, context: AppContext) -> None:
    _log(context, 1)
    context.events.sessions_changed.emit()
    apply_theme(qapp, Scheme.DARK)
    dark = QColor(colours(Scheme.DARK)["base"])
    assert page.time_chart.chart.backgroundBrush().color() == dark
    apply_theme(qapp, Scheme.LIGHT)
    light = QColor(colours(Scheme.LIGHT)["base"])
    assert page.time_chart.chart.backgroundBrush().color() == light


def test_narrow_windows_stack_the_charts_in_one_column(qtbot, page: TrendsPage) -> None:
    assert page.chart_grid.columnCount() == 2
    page.resize(570, 500)
    qtbot.waitUntil(lambda: page._columns == 1)
    positions = {
        page.chart_grid.getItemPosition(page.chart_grid.indexOf(c))[1] for c in page.charts
    }
    assert positions == {0}


def test_a_read_overtaken_by_a_newer_choice_is_not_shown(
    qtbot, page: TrendsPage, context: AppContext
) -> None:
    _log(context, 1)
    _log(context, 400)
    context.events.sessions_changed.emit()
    page.range.setCurrentIndex(4)  # everything, on a worker thread ...
    page.range.setCurrentIndex(0)  # ... overtaken at once by the last 30 days
    assert page.report is not None and page.report.attempts_in_range == 1
    qtbot.waitUntil(lambda: page.background_reads_finished == 1)  # its result arrived ...
    qtbot.wait(50)
    assert page.report.attempts_in_range == 1  # ... and was not shown (it counts 2)


def test_a_failed_read_is_explained_and_the_page_keeps_what_it_showed(
    qtbot, page: TrendsPage, context: AppContext, monkeypatch
) -> None:

    from desktop.ui.trends import page as page_module

    _log(context, 1)
    context.events.sessions_changed.emit()
    before = page.report
    told = problems_told(monkeypatch)

    def locked(*_args: object, **_options: object) -> None:
        raise sqlite_failure(SQLITE_BUSY, "SELECT")

    monkeypatch.setattr(page_module, "read_trends", locked)
    page.range.setCurrentIndex(4)  # on a worker thread
    qtbot.waitUntil(lambda: page.background_reads_finished == 1)
    page.range.setCurrentIndex(0)  # at once
    assert len(told) == 2 and all("another program is using" in text for text in told)
    assert page.report is before


def test_keyboard_users_step_through_bars_and_list_one(
    qtbot, page: TrendsPage, context: AppContext
) -> None:
    _log(context, 1, difficulty="easy", minutes=12)
    hard = _log(context, 2, difficulty="hard", minutes=50)
    context.events.sessions_changed.emit()
    chart = page.time_chart
    chart.setFocus()
    qtbot.waitUntil(chart.caption.isVisible)
    assert chart.caption.text().startswith("Easy attempts: median 12 min")
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # the easy target, then the hard bars
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.caption.text().startswith("Hard attempts: median 50 min")
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert _listed(page) == [("attempt", hard)]


AT_BAR = {"problem-solving": 3, "coding": 3, "testing": 3, "communication": 3}
LOW = {"problem-solving": 2, "coding": 2, "testing": 1, "communication": 3}  # scores 33%


def _log_mock(
    context: AppContext, days_ago: float, exposed: tuple[str, ...], scores: dict[str, int] = AT_BAR
) -> int:
    mock = MockInterview(
        held_at=NOW - timedelta(days=days_ago),
        kind=MockKind.CODING,
        scores=scores,
        with_whom="a friend",
        exposed=exposed,
    )
    with session_scope(context.profile.engine) as session:
        return mocks_store.log_mock(session=session, mock=mock, now=NOW)


def _ranking(page: TrendsPage) -> list[str]:
    assert page.report is not None
    return [spot.tag for spot in page.report.weak_spots]


def test_a_mock_interview_moves_what_it_exposed_onto_the_weak_spots(
    page: TrendsPage, context: AppContext
) -> None:
    _struggling_with_dp(context)
    for day in (1.4, 2.4):  # edge cases noted twice in a dozen sessions
        _log(context, day, title="Merge Intervals", patterns=("intervals",),
             struggles=("edge-cases",))  # fmt: skip
    context.events.sessions_changed.emit()
    assert "edge-cases" not in _ranking(page)  # not yet clearly more than a usual slip
    mock = _log_mock(context, 1, ("edge-cases",))
    context.events.mocks_changed.emit()
    assert "edge-cases" in _ranking(page)
    row = next(row for row in page.weak_spot_rows if row.spot.tag == "edge-cases")
    assert "; exposed in 1 mock interview" in row.explanation.text()
    assert row.show_button.text() == "Attempts and mocks (3)"
    row.show_button.click()
    assert _listed(page)[0] == ("mock", mock)  # the newest first


def test_mock_interviews_are_a_series_of_the_scores_chart_and_open_from_it(
    page: TrendsPage, context: AppContext
) -> None:
    quiz = _log(context, 4, kind="quiz", patterns=(), quiz=(7, 10))
    mock = _log_mock(context, 2, (), scores=LOW)
    context.events.sessions_changed.emit()
    assert [s.name() for s in page.score_chart.chart.series()] == ["Quizzes", "Mock interviews"]
    page.score_chart.pick_point(1, 0)
    assert page.details_title.text().startswith("Coding mock interview with a friend, ")
    assert page.details_title.text().endswith(": scored 33%")
    assert _listed(page) == [("mock", mock)]
    opened: list[int] = []
    context.events.open_mock_interview.connect(opened.append)
    page.details.itemActivated.emit(page.details.item(0))
    assert opened == [mock]
    page.score_chart.pick_point(0, 0)
    assert _listed(page) == [("attempt", quiz)]


def test_mock_interviews_are_not_on_a_path_so_a_path_filter_leaves_them_out(
    page: TrendsPage, context: AppContext
) -> None:
    _log(context, 4, kind="quiz", patterns=(), quiz=(7, 10))
    _log_mock(context, 2, ("edge-cases",))
    context.events.sessions_changed.emit()
    page.path_filter.setCurrentIndex(page.path_filter.findData("backend-senior"))
    assert [s.name() for s in page.score_chart.chart.series()] == ["Quizzes"]
    assert "edge-cases" not in _ranking(page)


def test_a_weak_spot_names_the_path_items_that_work_on_it(
    page: TrendsPage, context: AppContext
) -> None:
    _struggling_with_dp(context)
    context.events.sessions_changed.emit()
    row = next(row for row in page.weak_spot_rows if row.spot.tag == "dynamic-programming")
    assert row.items.text() == "Practise it with: House Robber, Coin Change, Climbing Stairs"

    backend = next(p for p in context.profile.library.paths if p.id == "backend-senior")
    stage = next(s for s in backend.stages if any(i.id == "climbing-stairs" for i in s.items))
    stairs = next(i for i in stage.items if i.id == "climbing-stairs")
    with session_scope(context.profile.engine) as session:
        progress_store.set_status(
            session=session, path_id=backend.id, stage_id=stage.id, item=stairs,
            status=ItemStatus.DONE, now=NOW,
        )  # fmt: skip
    context.events.sessions_changed.emit()
    row = next(row for row in page.weak_spot_rows if row.spot.tag == "dynamic-programming")
    # What is not done yet comes first, as Plan practice picks it.
    assert row.items.text() == (
        "Practise it with: House Robber, Coin Change, Regular Expression Matching"
    )


def test_a_short_period_with_much_practice_is_read_on_a_worker(
    qtbot, page: TrendsPage, context: AppContext, monkeypatch
) -> None:
    import threading

    from desktop.ui.trends import page as page_module

    _log(context, 1)
    _log(context, 2)
    read_on: list[bool] = []
    real_read = page_module.read_trends

    def watched_read(engine, query, **options):  # type: ignore[no-untyped-def]
        read_on.append(threading.current_thread() is threading.main_thread())
        return real_read(engine, query, **options)

    monkeypatch.setattr(page_module, "read_trends", watched_read)
    page.range.setCurrentIndex(0)  # the last 30 days, two attempts: read at once
    assert read_on == [True] and page.report is not None
    monkeypatch.setattr(page_module, "READ_AT_ONCE_ATTEMPTS", 1)  # two is much, now
    shown = page.reads_shown
    page.range.setCurrentIndex(1)  # the last 90 days
    qtbot.waitUntil(lambda: page.reads_shown > shown)
    assert read_on == [True, False]  # on a worker thread
    assert page.report.attempts_in_range == 2 and page.background_reads_finished == 1


def test_a_screenshot_of_trends_waits_for_a_read_on_a_worker(
    page: TrendsPage, context: AppContext, monkeypatch
) -> None:
    from desktop.ui.trends import page as page_module

    _log(context, 1)
    monkeypatch.setattr(page_module, "READ_AT_ONCE_ATTEMPTS", 0)
    shown = page.reads_shown
    page.range.setCurrentIndex(0)
    page.prepare_for_screenshot()
    assert page.reads_shown == shown + 1 and page.report is not None


def test_everything_lets_its_records_go_when_the_page_is_left_and_reads_them_on_return(
    qtbot, page: TrendsPage, context: AppContext
) -> None:
    first = _log(context, 1)
    old = _log(context, 400)
    context.events.sessions_changed.emit()
    shown = page.reads_shown
    page.range.setCurrentIndex(4)  # everything, on a worker thread
    qtbot.waitUntil(lambda: page.reads_shown > shown)
    assert page.report is not None and set(page._records) == {first, old}

    assert page.confidence_chart.chart.series()

    page.hide()  # the user went to another page
    assert page.report is None and page._records == {} and page._mocks == {}
    # Nor do the charts keep the ids behind their bars and points: a note until read again.
    for chart in page.charts:
        assert not chart.chart.series() and not chart._choices and chart.is_waiting

    shown = page.reads_shown
    page.show()
    qtbot.waitUntil(lambda: page.reads_shown > shown)
    assert page.report is not None and page.report.attempts_in_range == 2
    assert set(page._records) == {first, old}
    assert page.confidence_chart.chart.series() and not page.confidence_chart.is_waiting


def test_a_read_on_its_way_when_everything_is_left_is_dropped(
    qtbot, page: TrendsPage, context: AppContext, monkeypatch
) -> None:
    import threading

    from desktop.ui.trends import page as page_module

    _log(context, 400)
    context.events.sessions_changed.emit()
    left = threading.Event()
    read = page_module.read_trends

    def slow_read(*args, **options):  # type: ignore[no-untyped-def]
        left.wait(10)  # still reading when the user leaves
        return read(*args, **options)

    monkeypatch.setattr(page_module, "read_trends", slow_read)
    shown = page.reads_shown
    page.range.setCurrentIndex(4)  # everything, on a worker thread ...
    page.hide()  # ... and the user left before it came
    left.set()
    qtbot.waitUntil(lambda: page.background_reads_finished == 1)
    qtbot.wait(50)
    assert page.reads_shown == shown and page._records == {}


def test_a_short_period_keeps_what_it_shows_while_the_page_is_hidden(
    page: TrendsPage, context: AppContext
) -> None:
    _log(context, 1)
    context.events.sessions_changed.emit()
    assert page.report is not None
    page.hide()
    assert page.report is not None and len(page._records) == 1


def test_while_a_period_is_read_the_previous_figures_are_shown_as_waiting(
    qtbot, page: TrendsPage, context: AppContext, monkeypatch
) -> None:
    import threading

    from desktop.ui.trends import page as page_module

    _log(context, 1)
    _log(context, 60)
    page.range.setCurrentIndex(0)  # the last 30 days, read at once: one attempt
    assert page.count_label.text() == "1 session" and not page.busy
    release = threading.Event()
    real_read = page_module.read_trends

    def held_read(engine, query, **options):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_read(engine, query, **options)

    monkeypatch.setattr(page_module, "read_trends", held_read)
    monkeypatch.setattr(page_module, "READ_AT_ONCE_ATTEMPTS", 0)
    shown = page.reads_shown
    page.range.setCurrentIndex(1)  # the last 90 days, on a worker that waits
    qtbot.wait(30)
    # The last 30 days' figures are still there, but not as the last 90 days' figures.
    assert page.busy and not page.figures.isEnabled()
    assert all(chart.is_waiting for chart in page.charts)
    assert page.count_label.text() == "Reading your practice…"
    release.set()
    qtbot.waitUntil(lambda: page.reads_shown > shown)
    assert not page.busy and page.figures.isEnabled()
    assert not any(chart.is_waiting for chart in page.charts)
    assert page.count_label.text() == "2 sessions"


def test_a_period_read_on_a_worker_shows_its_figures_then_weighs_its_weak_spots(
    qtbot, page: TrendsPage, context: AppContext, monkeypatch
) -> None:
    import threading

    from desktop.ui.trends import page as page_module

    _struggling_with_dp(context)
    _log_mock(context, 1, ("edge-cases",))
    context.events.sessions_changed.emit()  # read at once: the whole page in one go
    at_once = [(spot.tag, spot.score, spot.attempt_ids) for spot in page.report.weak_spots]
    assert at_once and page.weak_spot_rows

    weighing = threading.Event()
    release = threading.Event()
    real_weigh = page_module.add_weak_spots

    def held_weigh(data):  # type: ignore[no-untyped-def]
        weighing.set()
        release.wait(10)
        return real_weigh(data)

    monkeypatch.setattr(page_module, "add_weak_spots", held_weigh)
    monkeypatch.setattr(page_module, "READ_AT_ONCE_ATTEMPTS", 0)
    shown = page.reads_shown
    with qtbot.waitSignal(page.shown) as figures:
        context.events.sessions_changed.emit()  # the same period, read on a worker now
    assert figures.args == [False]  # the figures, not yet the weak spots
    assert not page.busy and page.count_label.text() == "11 sessions"
    assert page.weak_spot_rows == [] and page.no_weak_spots.text() == page_module.WEIGHING
    qtbot.waitUntil(weighing.is_set)  # once the figures are painted
    release.set()
    qtbot.waitUntil(lambda: page.reads_shown > shown)
    weighed = [(spot.tag, spot.score, spot.attempt_ids) for spot in page.report.weak_spots]
    assert weighed == at_once
    assert [row.spot.tag for row in page.weak_spot_rows] == [tag for tag, *_ in at_once]
    assert page.no_weak_spots.text() != page_module.WEIGHING


def test_weak_spots_not_weighed_when_the_page_is_left_are_read_again_on_return(
    qtbot, page: TrendsPage, context: AppContext, monkeypatch
) -> None:
    from desktop.ui.trends import page as page_module

    _struggling_with_dp(context)
    monkeypatch.setattr(page_module, "READ_AT_ONCE_ATTEMPTS", 0)
    with qtbot.waitSignal(page.shown):
        context.events.sessions_changed.emit()
    page.hide()  # before the figures were painted: nothing weighs them now
    qtbot.wait(50)
    assert page.weak_spot_rows == []
    shown = page.reads_shown
    page.show()
    qtbot.waitUntil(lambda: page.reads_shown > shown)
    assert page.weak_spot_rows and page.report.weak_spot_report is not None


def test_a_read_rests_the_cycle_collector_and_turns_it_on_after(
    qtbot, context: AppContext, monkeypatch
) -> None:
    import gc

    from desktop.ui.trends import reading

    _struggling_with_dp(context)
    collector_on: list[bool] = []
    for name in ("build_report", "weak_spots_of"):
        real = getattr(reading, name)

        def watched(*args, _real=real, **options):  # type: ignore[no-untyped-def]
            collector_on.append(gc.isenabled())
            return _real(*args, **options)

        monkeypatch.setattr(reading, name, watched)
    page = TrendsPage(context)
    qtbot.addWidget(page)
    page.reload()  # a page reads its query; this one at once
    assert page.report is not None and page.report.weak_spots
    # Thousands of records and no cycles: the collector walking them was wasted time.
    assert collector_on == [False, False] and gc.isenabled()


def test_the_calendar_keeps_each_days_totals_without_an_object_per_day() -> None:
    import gc
    from datetime import date

    from desktop.domain.trends import DayActivity
    from desktop.ui.trends.calendar import DayTotals

    first, later = date(2026, 1, 5), date(2026, 3, 2)
    totals = DayTotals({first: DayActivity(2, 50.0), later: DayActivity(1, 12.5)})
    assert totals.get(first) == DayActivity(2, 50.0)
    assert totals.get(later) == DayActivity(1, 12.5)
    for empty in (first + timedelta(days=1), first - timedelta(days=1), later + timedelta(1)):
        assert totals.get(empty) is None
    assert DayTotals({}).get(first) is None
    # A long read's objects are let go when the page is left: none is kept here.
    assert not [o for o in gc.get_referents(totals.__dict__) if isinstance(o, (dict, date))]


def test_leaving_a_long_period_hands_freed_memory_back(
    qtbot, page: TrendsPage, context: AppContext, monkeypatch
) -> None:
    from desktop.ui.trends import page as page_module

    asked: list[bool] = []
    monkeypatch.setattr(page_module, "give_freed_memory_back", lambda: asked.append(True))
    _log(context, 400)
    context.events.sessions_changed.emit()
    page.hide()  # a short period: kept, nothing to hand back
    qtbot.wait(20)
    assert asked == []
    page.show()
    shown = page.reads_shown
    page.range.setCurrentIndex(4)  # everything
    qtbot.waitUntil(lambda: page.reads_shown > shown)
    page.hide()
    qtbot.waitUntil(lambda: asked == [True])


def test_freed_memory_is_handed_back_through_the_c_library_on_linux() -> None:
    import sys

    from desktop.ui.trends import give_back

    if sys.platform.startswith("linux"):
        assert give_back._trim() is not None
    else:
        assert give_back._trim() is None
    give_back.give_freed_memory_back()  # and never fails


def test_handing_memory_back_never_walks_every_object(monkeypatch) -> None:
    """A full collection stalled the window for over 100 ms on leaving Trends with ten years
    of data, and gave back no more memory than the young generations and the trim do."""
    import gc

    from desktop.ui.trends import give_back

    generations: list[int] = []
    real_collect = gc.collect
    monkeypatch.setattr(
        give_back.gc, "collect", lambda generation=2: generations.append(generation) or 0
    )
    give_back.give_freed_memory_back()
    monkeypatch.setattr(give_back.gc, "collect", real_collect)
    assert generations and max(generations) < 2


def test_years_of_scores_are_drawn_as_monthly_means(
    page: TrendsPage, context: AppContext, monkeypatch
) -> None:
    monkeypatch.setattr(figures, "MOST_SCORES_ONE_BY_ONE", 3)  # not a thousand quizzes
    right = {1: 9, 2: 5, 40: 6, 41: 8, 75: 10}  # days ago: questions right of 10
    ids = {
        days: _log(context, days, kind="quiz", patterns=(), quiz=(n, 10))
        for days, n in right.items()
    }
    context.events.sessions_changed.emit()
    months: dict[date, list[int]] = {}
    for days in sorted(right, reverse=True):  # oldest first, as the chart runs
        day = local_time(NOW - timedelta(days=days)).date().replace(day=1)
        months.setdefault(day, []).append(days)

    (quizzes,) = page.score_chart.chart.series()
    assert quizzes.count() == len(months) < len(right)
    for index, (month, in_month) in enumerate(months.items()):
        assert quizzes.at(index).y() == pytest.approx(10 * mean(right[d] for d in in_month))
        page.score_chart.pick_point(0, index)
        assert sorted(i for _kind, i in _listed(page)) == sorted(ids[d] for d in in_month)
        assert page.details_title.text().startswith(f"{month:%B %Y}: ")
        assert page.details_title.text().endswith("right on average")


def test_years_of_confidence_are_drawn_as_monthly_means(
    page: TrendsPage, context: AppContext, monkeypatch
) -> None:
    monkeypatch.setattr(figures, "MOST_SCORES_ONE_BY_ONE", 3)  # not five hundred weeks
    sure = {1: 5, 1.1: 3, 15: 2, 40: 4, 47: 1, 75: 3}  # days ago: confidence
    ids = {_log(context, days, confidence=n): n for days, n in sure.items()}
    context.events.sessions_changed.emit()
    assert page.report is not None
    months: dict[date, list[int]] = {}  # the sessions of the weeks starting in each month
    for week in page.report.confidence:
        months.setdefault(week.week.replace(day=1), []).extend(week.attempt_ids)
    assert len(page.report.confidence) > 3

    (line,) = page.confidence_chart.chart.series()
    assert line.count() == len(months) < len(page.report.confidence)
    for index, (month, in_month) in enumerate(sorted(months.items())):
        expected = mean(ids[i] for i in in_month)  # each session counts once, not each week
        assert line.at(index).y() == pytest.approx(expected)
        page.confidence_chart.pick_point(0, index)
        assert sorted(i for _kind, i in _listed(page)) == sorted(in_month)
        assert page.details_title.text() == (
            f"Weeks starting in {month:%B %Y}: {len(in_month)} session"
            f"{'' if len(in_month) == 1 else 's'}, mean confidence {expected:.1f} of 5"
        )


def test_escape_closes_the_list_and_goes_back_to_what_opened_it(
    qtbot, page: TrendsPage, context: AppContext
) -> None:
    _struggling_with_dp(context)
    context.events.sessions_changed.emit()
    page.window().activateWindow()
    # The rows show once the weak spots are weighed, after the first paint.
    qtbot.waitUntil(lambda: page.weak_spot_rows[0].isVisibleTo(page))
    button = page.weak_spot_rows[0].show_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    button.click()  # as Enter or Space on it does
    assert page.details_box.isVisibleTo(page) and page.details.hasFocus()
    qtbot.keyClick(page.details, Qt.Key.Key_Escape)
    assert not page.details_box.isVisibleTo(page)
    assert page.window().focusWidget() is button
