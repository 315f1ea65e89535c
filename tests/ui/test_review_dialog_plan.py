"""The weekly review says which week it plans, where each ticked suggestion goes, and how the
planned time stands against the budget; it fits the window and screen it opens on."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from itertools import pairwise

import pytest
from PySide6.QtWidgets import QWidget

from desktop.domain.dates import local_day, week_of
from desktop.domain.planner import PlanSource, Target, suggestion_days
from desktop.store import plan as plan_store
from desktop.ui.context import AppContext
from desktop.ui.plan.review_dialog import WeeklyReviewDialog, planned_week_name
from tests.ui.test_weekly_review import _fill_last_week

pytestmark = pytest.mark.any_date
MONDAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("today", "name"),
    [
        (MONDAY, "This week"),
        (MONDAY + timedelta(days=6), "This week"),
        (MONDAY - timedelta(days=1), "Next week"),
        (MONDAY - timedelta(days=7), "Next week"),
        (MONDAY - timedelta(days=8), "The week"),
        (MONDAY + timedelta(days=7), "The week"),
    ],
)
def test_the_planned_week_is_named_as_the_user_would(today: date, name: str) -> None:
    assert planned_week_name(MONDAY, today) == name


def _review_of_last_week(
    qtbot, context: AppContext, hours_per_week: int | None = None
) -> tuple[WeeklyReviewDialog, date]:
    """The review of a filled last week, read and ready, with the weekly budget set first."""
    week = _fill_last_week(context)
    if hours_per_week is not None:
        with context.writing() as session:
            plan_store.set_hours_per_week(session=session, hours=hours_per_week)
    dialog = WeeklyReviewDialog(context, week)
    assert dialog.wait_until_read()
    qtbot.addWidget(dialog)
    return dialog, week


def test_a_review_of_last_week_plans_this_week_and_says_so(qtbot, context: AppContext) -> None:
    dialog, _week = _review_of_last_week(qtbot, context)
    assert dialog.plans_name == "This week"
    assert "over to this week" in dialog.carry.text()
    assert dialog.total.text().startswith("This week: ")


def _where(day: date, this_week: date) -> str:
    later = ", week after" if day >= this_week + timedelta(days=7) else ""
    return f"→ {day:%a} {day.day} {day:%b}{later}"


def test_each_ticked_suggestion_says_where_it_goes(qtbot, context: AppContext) -> None:
    dialog, week = _review_of_last_week(qtbot, context, hours_per_week=40)  # room for all of it
    assert len(dialog.suggestion_boxes) >= 2
    for box in dialog.suggestion_boxes:
        box.setChecked(False)
    assert all(label.text() == "" for label in dialog.destinations)
    dialog.suggestion_boxes[1].setChecked(True)
    (day,) = [d for d in dialog.placements() if d is not None]
    this_week = week + timedelta(days=7)
    assert day >= context.today() and this_week <= day < this_week + timedelta(days=14)
    assert dialog.destinations[1].text() == _where(day, this_week)
    dialog.save()
    with context.writing() as session:
        planned = plan_store.plan_for_week(
            session=session, week=week_of(day, first=calendar.MONDAY)
        )
    chosen = dialog.suggestions[1]
    assert [i.day for i in planned if i.target.key == chosen.target.key] == [day]


def test_suggestions_over_budget_are_said_to_go_to_the_week_after(
    qtbot, context: AppContext
) -> None:
    dialog, week = _review_of_last_week(qtbot, context, hours_per_week=1)
    for box in dialog.suggestion_boxes:
        box.setChecked(True)
    this_week = week + timedelta(days=7)
    placed = [d for d in dialog.placements() if d is not None]
    later = [d for d in placed if d >= this_week + timedelta(days=7)]
    assert later, "a one-hour budget cannot take every suggestion"
    shown = [label.text() for label in dialog.destinations]
    assert shown == [_where(day, this_week) for day in placed]
    assert dialog.total.text().endswith(f" · {len(later)} to the week after")


def test_the_running_total_follows_the_ticks(qtbot, context: AppContext) -> None:
    dialog, week = _review_of_last_week(qtbot, context, hours_per_week=40)
    for box in dialog.suggestion_boxes:
        box.setChecked(False)
    assert dialog.total.text() == "This week: 40 min of 40 h planned"  # the carried item
    dialog.carry.setChecked(False)
    assert dialog.total.text() == "This week: 0 min of 40 h planned"
    dialog.suggestion_boxes[0].setChecked(True)
    (day,) = [d for d in dialog.placements() if d is not None]
    if day < week + timedelta(days=14):
        expected = f"This week: {dialog.suggestions[0].minutes} min of 40 h planned"
    else:  # the week's last day is running: it goes into the week after
        expected = "This week: 0 min of 40 h planned · 1 to the week after"
    assert dialog.total.text() == expected


def test_the_figures_have_room_of_their_own(qtbot, context: AppContext) -> None:
    dialog, _week = _review_of_last_week(qtbot, context)
    dialog.resize(560, 420)  # its smallest
    dialog.show()
    figures = [dialog.figures.itemAtPosition(0, c).widget() for c in range(4)]
    for left, right in pairwise(figures):
        assert left.geometry().right() < right.geometry().left()
        assert left.sizeHint().width() <= left.width() or left.wordWrap()


@pytest.mark.parametrize("size", [(760, 520), (1280, 800)])
def test_the_dialog_fits_the_window_it_opens_over(
    qtbot, context: AppContext, size: tuple[int, int]
) -> None:
    week = _fill_last_week(context)
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.resize(*size)
    owner.show()
    dialog = WeeklyReviewDialog(context, week, owner)
    assert dialog.wait_until_read()
    available = dialog.screen().availableGeometry().height()
    assert dialog.height() <= min(size[1], available - 60)
    assert dialog.width() <= size[0]


def test_suggestion_days_match_what_saving_does(context: AppContext) -> None:
    this_week = week_of(local_day(context.now()), first=calendar.MONDAY)
    target = Target("3Sum", "backend-senior", "3sum", kind="code")
    with context.writing() as session:
        plan_store.add_plan_item(
            session=session, day=this_week + timedelta(days=6), target=target, minutes=60,
            source=PlanSource.PATH, reason="", now=context.now(),
        )  # fmt: skip
        planned = plan_store.plan_for_week(session=session, week=this_week)
    days = suggestion_days(this_week, this_week, 7 * 60, planned, [], [30, 30, 60])
    # a seventh a day: 7 h gives 60 min a day; Sunday already has its hour
    assert days[:2] == [this_week, this_week + timedelta(days=1)]
    assert days[2] == this_week + timedelta(days=2)
    assert suggestion_days(this_week, this_week, 60, planned, [], [30]) == [
        this_week + timedelta(days=7)
    ]  # the plan is already over a one-hour budget


def test_an_item_still_ahead_this_week_is_not_suggested_for_next_week(
    qtbot, context: AppContext
) -> None:
    """Reviewed before the week is out, an item planned for today stays where it is: the
    review does not offer to plan it again next week."""
    this_week = week_of(context.today(), first=calendar.MONDAY)
    first = WeeklyReviewDialog(context, this_week)
    assert first.wait_until_read()
    qtbot.addWidget(first)
    path_items = [s for s in first.suggestions if s.target.routine_id is None]
    assert path_items
    planned = path_items[0].target
    with context.writing() as session:
        plan_store.add_plan_item(
            session=session, day=context.today(), target=planned, minutes=20,
            source=PlanSource.PATH, reason="Next on your path.", now=context.now(),
        )  # fmt: skip
    again = WeeklyReviewDialog(context, this_week)
    assert again.wait_until_read()
    qtbot.addWidget(again)
    assert planned.key not in {s.target.key for s in again.suggestions}


def test_grown_once_read_the_dialog_stays_over_its_window(qtbot, context: AppContext) -> None:
    week = _fill_last_week(context)
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.resize(760, 520)
    owner.show()
    dialog = WeeklyReviewDialog(context, week, owner)
    dialog.show()  # small while the week is read, as the Plan page opens it
    assert dialog.wait_until_read()
    qtbot.waitUntil(lambda: dialog.height() > dialog.minimumHeight())
    window, box = owner.frameGeometry(), dialog.frameGeometry()
    assert window.top() <= box.top() and box.bottom() <= window.bottom()
    assert box.bottom() <= dialog.screen().availableGeometry().bottom()
