"""A short window keeps room for the week: the weekly-review offer and the remove's undo bar
share one row, and the offer keeps to one line (its whole text in its tooltip)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.dates import local_day
from desktop.domain.planner import PlanSource, Target
from desktop.screenshots import settle
from desktop.store import plan as plan_store
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.plan.page import PlanPage

pytestmark = pytest.mark.any_date

DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")
WHOLE_OFFER = (
    "Last week is over: take ten minutes to look back at it and choose what to practise next."
)


def _removed_with_the_offer_up(
    qtbot, open_window, context: AppContext, size: tuple[int, int]
) -> tuple[MainWindow, PlanPage]:  # type: ignore[no-untyped-def]
    """The Plan page with the review offered and an item just removed (the undo bar up)."""
    window = open_window(size=size, active=True)
    page = window.open_page("plan", PlanPage)
    with context.writing() as session:
        for day in (page.week - timedelta(days=5), local_day(context.now())):  # last week's
            item = plan_store.add_plan_item(  # brings the review offer
                session=session, day=day, target=DESIGN, minutes=45,
                source=PlanSource.ROUTINE, reason="", now=context.now(),
            )  # fmt: skip
    context.events.plan_changed.emit()
    assert page.grid.select(item)
    page.remove_selected()
    settle()
    assert page.review_banner.isVisible() and page.undo_bar.isVisible()
    return window, page


def test_the_review_offer_and_the_undo_bar_leave_the_week_its_room(
    qtbot, open_window, context: AppContext
) -> None:
    _window, page = _removed_with_the_offer_up(qtbot, open_window, context, (760, 520))
    with_both = page.grid_scroll.height()
    assert page.review_banner.geometry().top() == page.undo_bar.geometry().top()  # one row
    page.review_banner.later_button.click()
    settle()
    assert not page.carry_banner.isVisible()  # offered at the next read
    undo_alone = page.grid_scroll.height()
    # Stacked, the offer took about 45 px more from the week, a third of what it had.
    assert with_both >= undo_alone - 12


def test_the_review_offer_keeps_to_one_line_and_tells_the_rest_in_its_tooltip(
    qtbot, open_window, context: AppContext
) -> None:
    _window, page = _removed_with_the_offer_up(qtbot, open_window, context, (760, 520))
    text = page.review_banner.text
    assert text.text() in ("Last week is over.", "New week:")
    assert text.toolTip() == WHOLE_OFFER
    assert not text.wordWrap()  # one line, never two
    page.undo_bar.undo_requested.emit()  # the offer alone in its row, in a wide window
    page.window().resize(1600, 900)
    settle()
    assert text.text() == WHOLE_OFFER and text.toolTip() == ""


def test_back_on_this_week_today_is_wholly_in_view_under_a_banner(
    qtbot, open_window, context: AppContext
) -> None:
    """In a short window, "This week" gave today's list the keys and scrolled to it, and then
    the carry-over banner came up and pushed today's row half out of sight."""
    from desktop.domain.dates import local_midnight
    from desktop.ui.plan.week_grid import DayList

    window = open_window(size=(760, 520), active=True)
    page = window.open_page("plan", PlanPage)
    saturday = page.week + timedelta(days=5)
    context.set_clock(lambda: local_midnight(saturday) + timedelta(hours=9))
    with context.writing() as session:
        for day in (page.week - timedelta(days=5), saturday):  # last week's is left over
            plan_store.add_plan_item(
                session=session, day=day, target=DESIGN, minutes=45,
                source=PlanSource.ROUTINE, reason="", now=context.now(),
            )  # fmt: skip
    context.events.plan_changed.emit()
    page.review_banner.later_button.click()  # the carry-over offer comes next
    page.show_week(page.week - timedelta(days=7))
    settle()
    page.this_week_button.setFocus()  # as a click with the mouse leaves it
    page.this_week_button.click()
    settle()
    assert page.carry_banner.isVisible()
    keys = window.focusWidget()
    assert isinstance(keys, DayList), keys
    assert keys.day == saturday
    day = keys.parentWidget()
    assert day is not None
    viewport = page.grid_scroll.viewport()
    top = day.mapTo(viewport, day.rect().topLeft()).y()
    assert top >= 0 and top + day.height() <= viewport.height()
