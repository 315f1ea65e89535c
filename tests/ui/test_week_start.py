"""The first day of the week: chosen in Preferences, it regroups the Plan page, the weekly
review and the Trends calendar at once, finds what was stored under the old weeks, and lasts."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import QSettings

from desktop.domain.dates import in_week, week_days, week_label
from desktop.domain.journal import EntryKind
from desktop.domain.planner import PlanSource, Target
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import journal as journal_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.store.settings import CalendarSettings, load_settings
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.plan.page import PlanPage
from desktop.ui.plan.review_dialog import WeeklyReviewDialog
from desktop.ui.preferences_dialog import PreferencesDialog
from desktop.ui.trends.calendar import TOP
from desktop.ui.trends.page import TrendsPage
from tests.clocks import StepClock, start_day

pytestmark = pytest.mark.any_date

DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")
THREE_SUM = Target("3Sum", "backend-senior", "3sum", kind="code")


def _next(weekday: int) -> date:
    """The first day on or after the run's start that is `weekday` (0 Monday ... 6 Sunday)."""
    day = start_day()
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def _weeks_start_on(context: AppContext, name: str) -> None:
    context.preferences.update(calendar=CalendarSettings(first_weekday=name))  # type: ignore[arg-type]


def _plan(context: AppContext, day: date, target: Target = DESIGN) -> int:
    with session_scope(context.profile.engine) as session:
        return plan_store.add_plan_item(
            session=session, day=day, target=target, minutes=40,
            source=PlanSource.ROUTINE, reason="Planned.", now=context.now(),
        )  # fmt: skip


def _log(context: AppContext, target: Target, day: date) -> None:
    subject = AttemptSubject(target.title, target.path_id, target.item_id, target.routine_id,
                             kind=target.kind)  # fmt: skip
    attempt = Attempt(subject, _at(day, 18), 40 * 60, Outcome.PARTIAL, 3)
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=_at(day, 19))


def _planned(context: AppContext, start: date, end: date) -> list:  # type: ignore[type-arg]
    with session_scope(context.profile.engine) as session:
        weeks = [start + timedelta(days=7 * n) for n in range((end - start).days // 7 + 1)]
        items = [
            item for week in weeks for item in plan_store.plan_for_week(session=session, week=week)
        ]
    return [item for item in items if start <= item.day < end]


def test_on_a_sunday_the_plan_shows_the_week_from_that_sunday_and_add_all_fills_it(
    open_page, context: AppContext
) -> None:
    sunday = _next(calendar.SUNDAY)
    context.set_clock(StepClock(_at(sunday)))
    _weeks_start_on(context, "sunday")
    page = open_page(PlanPage, (1100, 760))
    page.set_active(True)
    assert page.week == sunday
    assert [column.day for column in page.grid.columns] == week_days(sunday)
    assert page.grid.columns[0].header.text().startswith("Today")
    assert not page.suggestions.rule.text().startswith("It is the last day")

    suggested = page.suggestions.suggestions()
    assert len(suggested) > 1
    page.suggestions.add_all_button.click()
    placed = _planned(context, sunday, sunday + timedelta(days=14))
    assert sorted(p.target.key for p in placed) == sorted(s.target.key for s in suggested)
    this_week = [item for item in placed if in_week(item.day, sunday)]
    # From Monday, a Sunday is the week's last day and all of it would go into next week.
    assert sunday in {item.day for item in this_week}
    assert len({item.day for item in this_week}) > 1
    assert page.snapshot is not None and page.snapshot.items == this_week


def test_a_weekly_review_of_a_week_from_sunday(qtbot, context: AppContext) -> None:
    sunday = _next(calendar.SUNDAY)  # the new week's first day
    last_week = sunday - timedelta(days=7)
    context.set_clock(StepClock(_at(sunday)))
    _weeks_start_on(context, "sunday")
    _plan(context, last_week + timedelta(days=6))  # Saturday, done on the week's Sunday
    _log(context, DESIGN, last_week)
    left = _plan(context, last_week + timedelta(days=3), THREE_SUM)  # Wednesday, not done

    with session_scope(context.profile.engine) as session:
        assert plan_store.review_due(session=session, today=sunday, first=6) == last_week
    dialog = WeeklyReviewDialog(context, last_week)
    qtbot.addWidget(dialog)
    assert dialog.wait_until_read()  # the review reads its weeks on a worker
    n = dialog.numbers
    assert (n.sessions, n.planned, n.done) == (1, 2, 1)
    assert [item.id for item in dialog.left_over] == [left]
    assert dialog.next_week == sunday and dialog.plans_name == "This week"
    for box in dialog.suggestion_boxes:
        box.setChecked(False)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    (carried,) = _planned(context, sunday, sunday + timedelta(days=7))
    assert (carried.target, carried.day) == (THREE_SUM, sunday + timedelta(days=3))
    with session_scope(context.profile.engine) as session:
        entry = journal_store.get_entry(session=session, entry_id=dialog.saved_entry_id or 0)
        assert entry is not None and entry.title == f"Weekly review, {week_label(last_week)}"
        assert plan_store.review_due(session=session, today=sunday, first=6) is None


def test_switching_the_week_start_keeps_reviews_offers_and_plan_items(
    open_page, context: AppContext
) -> None:
    """Set up with weeks from Monday on a Wednesday: a review written on Sunday, the review
    offered this week, an item carried over and one left unfinished last week. Weeks from
    Sunday then regroup the days, and each of these is still found where it belongs."""
    wednesday = _next(calendar.WEDNESDAY)
    monday = wednesday - timedelta(days=2)
    context.set_clock(StepClock(_at(wednesday)))
    unfinished = _plan(context, monday - timedelta(days=5), THREE_SUM)  # last Wednesday
    carried_from = _plan(context, monday - timedelta(days=4))
    with session_scope(context.profile.engine) as session:
        (original,) = [
            i for i in plan_store.plan_for_week(session=session, week=monday - timedelta(7))
            if i.id == carried_from
        ]  # fmt: skip
        (carried,) = plan_store.carry_over(session=session, items=[original], now=context.now())
        journal_store.create_entry(
            session=session,
            draft=journal_store.EntryDraft(
                monday - timedelta(days=1), "Weekly review", "Looked back.",
                kind=EntryKind.WEEKLY_REVIEW,
            ),
            now=_at(monday - timedelta(days=1), 20),
        )  # fmt: skip
        assert (
            plan_store.claim_review_announcement(session=session, today=wednesday, first=0) is None
        )

    page = open_page(PlanPage, (1100, 760))
    assert page.week == monday
    _weeks_start_on(context, "sunday")
    sunday = monday - timedelta(days=1)
    assert page.week == sunday  # the page re-read at once
    assert carried in {item.id for item in page.snapshot.items}  # type: ignore[union-attr]
    with session_scope(context.profile.engine) as session:
        # The review written on Sunday covers the week before (from Sunday, it is the first day
        # of this week, so nothing waits), and the offer made this Monday-week still holds.
        assert plan_store.review_due(session=session, today=wednesday, first=6) is None
        assert (
            plan_store.claim_review_announcement(session=session, today=wednesday, first=6) is None
        )
        left = plan_store.plan_for_week(session=session, week=sunday - timedelta(days=7))
    assert {item.id for item in left} == {unfinished, carried_from}
    assert not page.review_banner.isVisibleTo(page)
    assert page.carry_banner.isVisibleTo(page)  # last week's unfinished item, found again
    assert [item.id for item in page._left_over] == [unfinished]

    _weeks_start_on(context, "monday")  # and back
    assert page.week == monday
    assert carried in {item.id for item in page.snapshot.items}  # type: ignore[union-attr]


def test_a_switch_in_preferences_applies_at_once_and_lasts(
    qtbot, context: AppContext, folder: ProfileFolder, clock: StepClock, open_window
) -> None:
    window = open_window()
    plan = window.open_page("plan", PlanPage)
    trends = window.open_page("trends", TrendsPage)
    _log(context, DESIGN, start_day())
    dialog = PreferencesDialog(context, window)
    qtbot.addWidget(dialog)
    assert dialog.first_weekday.currentData() == "monday"
    dialog.first_weekday.setCurrentIndex(dialog.first_weekday.findData("sunday"))
    assert load_settings(folder.settings_file).settings.calendar.first_weekday == "sunday"
    today = context.today()
    assert plan.week.weekday() == calendar.SUNDAY and in_week(today, plan.week)
    window.show_page("trends")
    qtbot.waitUntil(lambda: trends.calendar.first_weekday == calendar.SUNDAY)
    cal = trends.calendar
    assert cal.first_day.weekday() == calendar.SUNDAY
    assert [name for _row, name in cal.row_names()] == [
        calendar.day_abbr[calendar.SUNDAY],
        calendar.day_abbr[calendar.TUESDAY],
        calendar.day_abbr[calendar.THURSDAY],
    ]
    sunday = today - timedelta(days=(today.weekday() + 1) % 7)
    assert cal.day_rect(sunday).top() == TOP  # the top row
    assert [cal.row_of(day) for day in week_days(sunday)] == list(range(7))
    dialog.close()
    window.close()

    again = AppContext(
        open_profile(folder, clock=clock),
        QSettings(str(folder.ui_state_file), QSettings.Format.IniFormat),
    )
    reopened = build_main_window(again)
    qtbot.addWidget(reopened)
    reopened.show()
    assert reopened.open_page("plan", PlanPage).week.weekday() == calendar.SUNDAY
    shown_again = PreferencesDialog(again, reopened)
    qtbot.addWidget(shown_again)
    assert shown_again.first_weekday.currentData() == "sunday"
    reopened.close()
    again.workers.shut_down()
    again.profile.close()


def test_the_journal_calendar_starts_its_rows_on_the_chosen_day(
    open_page, context: AppContext
) -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.journal.page import JournalPage

    page = open_page(JournalPage)
    assert page.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    _weeks_start_on(context, "saturday")
    assert page.calendar.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    _weeks_start_on(context, "sunday")
    assert page.calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday


@pytest.mark.parametrize("start", ["sunday", "monday"])
def test_one_week_of_confidence_sits_on_a_weekly_axis(
    qtbot, context: AppContext, start: str
) -> None:
    """A lone weekly point is a week between the weeks around it, on the week's first day,
    whichever day weeks start on (it was a day between two days)."""
    from PySide6.QtCharts import QDateTimeAxis
    from PySide6.QtCore import QDateTime

    first = calendar.SUNDAY if start == "sunday" else calendar.MONDAY
    week = _next(first)
    context.set_clock(StepClock(_at(week + timedelta(days=3), 20)))
    _weeks_start_on(context, start)
    _log(context, DESIGN, week + timedelta(days=1))
    _log(context, THREE_SUM, week + timedelta(days=2))
    page = TrendsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.range.setCurrentIndex(0)  # last 30 days: read at once
    card = page.confidence_chart
    (axis,) = [a for a in card.chart.axes() if isinstance(a, QDateTimeAxis)]
    low, high, count = (
        axis.min().toMSecsSinceEpoch(),
        axis.max().toMSecsSinceEpoch(),
        axis.tickCount(),
    )
    ticks = [
        QDateTime.fromMSecsSinceEpoch(low + (high - low) * n // (count - 1)).date().toPython()
        for n in range(count)
    ]
    (series,) = card.chart.series()
    (point,) = [
        QDateTime.fromMSecsSinceEpoch(int(p.x())).date().toPython() for p in series.points()
    ]
    assert point == week and point in ticks
    assert all(day.weekday() == first for day in ticks)
    assert all((b - a).days % 7 == 0 for a, b in pairwise(ticks))
