"""A selected Plan card still shows its status dot: the blue "planned ahead" dot vanished
into the blue selection, so a selected card draws its dot in the selection's text colour."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.domain.dates import MONDAY, local_day, local_midnight, week_of
from desktop.domain.planner import PlanSource, Target
from desktop.store import plan as plan_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.plan.page import PlanPage
from desktop.ui.theme import STATUS_COLOURS, Scheme, apply_theme, colours
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE, RichTextDelegate

pytestmark = pytest.mark.any_date

DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")


def _plan(context: AppContext, day: date) -> int:
    with session_scope(context.profile.engine) as session:
        return plan_store.add_plan_item(
            session=session, day=day, target=DESIGN, minutes=45,
            source=PlanSource.ROUTINE, reason="Routine, once a week.", now=context.now(),
        )  # fmt: skip


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
def test_the_ahead_dot_on_a_selected_card_takes_the_selection_text_colour(
    open_page, context: AppContext, qapp, scheme: Scheme
) -> None:
    page = open_page(PlanPage, (1100, 760))
    page.set_active(True)
    week = week_of(local_day(context.now()), first=MONDAY)
    context.set_clock(lambda: local_midnight(week + timedelta(days=2)) + timedelta(hours=9))
    friday = week + timedelta(days=4)  # still ahead of "today", a Wednesday
    item_id = _plan(context, friday)
    page.reload()
    day_list = page.grid.list_for_keys(friday)
    assert day_list is not None and day_list.day == friday
    delegate = day_list.itemDelegate()
    assert isinstance(delegate, RichTextDelegate)
    html = str(day_list.item(0).data(HTML_ROLE))

    def dot_colour(selected: bool) -> QColor:
        document = delegate._document(QStyleOptionViewItem(), html, selected)
        iterator = document.firstBlock().begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if "●" in fragment.text():
                return fragment.charFormat().foreground().color()
            iterator += 1
        raise AssertionError("no status dot on the card")

    try:
        apply_theme(qapp, scheme)
        assert page.grid.select(item_id)
        highlight = QColor(colours(scheme)["highlight"])
        assert dot_colour(True) == QColor(colours(scheme)["highlighted_text"])
        assert dot_colour(True) != highlight
        assert dot_colour(False) == QColor(STATUS_COLOURS[scheme]["in_progress"])
    finally:
        apply_theme(qapp, Scheme.LIGHT)
