"""The finish-session and edit-attempt dialog: real check boxes, the item's patterns ticked,
counts in the tab titles, and an edited attempt moved to another day."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.taxonomy import TagKind
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.ui.context import AppContext
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.log_page import PracticeLogPage
from desktop.ui.practice.practised import item_patterns, practised_and_watched

if TYPE_CHECKING:
    from tests.ui.conftest import EditAttempt

pytestmark = pytest.mark.any_date

TWO_SUM_II = AttemptSubject(
    "Two Sum II",
    path_id="backend-senior",
    item_id="two-sum-ii-sorted",
    kind="code",
    difficulty="medium",
    target_minutes=25,
)


def _dialog(qtbot, context: AppContext, **kwargs) -> FinishSessionDialog:  # type: ignore[no-untyped-def]
    dialog = FinishSessionDialog(
        TWO_SUM_II, context.now(), 1500, context.profile.taxonomy, **kwargs
    )
    qtbot.addWidget(dialog)
    return dialog


def test_patterns_are_check_boxes_with_room_for_their_indicator(qtbot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    dialog.resize(640, 480)
    dialog.show()
    box = dialog.patterns.boxes[0]
    option = QStyleOptionButton()
    option.initFrom(box)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    assert indicator.height() >= 12 and box.rect().contains(indicator)


def test_clicking_a_label_ticks_its_box(qtbot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    dialog.resize(640, 480)
    dialog.show()
    box = dialog.struggles.boxes[0]
    label_point = QPoint(box.width() - 4, box.height() // 2)  # on the text, not the box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=label_point)
    assert dialog.struggles.chosen() == (box.property("tag"),)


def test_the_items_own_patterns_start_ticked(qtbot, context: AppContext) -> None:
    practised = item_patterns(context, TWO_SUM_II)
    assert practised == ("two-pointers", "arrays-strings")
    dialog = _dialog(qtbot, context, practised=practised)
    assert set(dialog.patterns.chosen()) == {"two-pointers", "arrays-strings"}
    assert item_patterns(context, AttemptSubject("Free drill")) == ()


def test_a_custom_items_patterns_are_found_too(context: AppContext) -> None:
    path = context.profile.library.paths[0]
    with context.writing() as session:
        item_id = progress_store.new_custom_item_id()
        item = PathItem(
            id=item_id,
            title="LRU cache",
            kind=ItemKind.CODE,
            difficulty=Difficulty.MEDIUM,
            target_minutes=30,
            topics=("hash-map",),
        )
        progress_store.add_custom_item(
            session=session, path_id=path.id, stage_id=path.stages[0].id, item=item,
            now=context.now(),
        )  # fmt: skip
    subject = AttemptSubject("LRU cache", path_id=path.id, item_id=item_id)
    assert item_patterns(context, subject) == ("hash-map",)


def test_tabs_count_what_is_ticked(qtbot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context, practised=("two-pointers",))
    assert dialog.tabs.tabText(0) == "Patterns applied (1)"
    assert dialog.tabs.tabText(1) == "Struggled with"
    dialog.struggles.set_chosen(["off-by-one", "edge-cases"])
    assert dialog.tabs.tabText(1) == "Struggled with (2)"
    dialog.patterns.set_chosen([])
    assert dialog.tabs.tabText(0) == "Patterns applied"


def test_the_filter_shows_only_matching_boxes(qtbot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    dialog.show()
    dialog.patterns.filter.setText("pointer")
    shown = [box.text() for box in dialog.patterns.boxes if box.isVisible()]
    assert shown == ["Two pointers"]


def _logged(context: AppContext) -> int:
    attempt = Attempt(
        subject=TWO_SUM_II,
        started_at=context.now() - timedelta(days=3),
        active_seconds=1800,
        outcome=Outcome.PARTIAL,
        confidence=3,
        patterns=("two-pointers",),
    )
    with context.writing() as session:
        return practice_store.log_attempt(session=session, attempt=attempt, now=context.now())


def test_editing_moves_an_attempt_to_another_day_at_the_same_time(
    qtbot, open_page, context: AppContext, edit_selected_attempt: EditAttempt
) -> None:
    attempt_id = _logged(context)
    page: PracticeLogPage = open_page(PracticeLogPage)
    page.table.selectRow(0)
    before = page.selected()
    assert before is not None
    today = context.today()
    moved_to = before.started_at.astimezone().date() - timedelta(days=1)

    def move(dialog: FinishSessionDialog) -> None:
        assert dialog.day is not None
        assert dialog.day.maximumDate() == QDate(today.year, today.month, today.day)
        assert dialog.patterns.chosen() == ("two-pointers",)  # its own, not the item's
        dialog.day.setDate(QDate(moved_to.year, moved_to.month, moved_to.day))

    after = edit_selected_attempt(page, attempt_id, move)
    local_before, local_after = before.started_at.astimezone(), after.started_at.astimezone()
    assert local_after.date() == moved_to
    assert local_after.time().replace(microsecond=0) == local_before.time().replace(microsecond=0)


def test_a_new_session_has_no_day_to_change(qtbot, context: AppContext) -> None:
    assert _dialog(qtbot, context).day is None


def test_design_steps_take_only_the_room_they_need(qtbot, context: AppContext) -> None:
    # As a tab, the steps left the height of the pattern lists empty below them.
    subject = AttemptSubject("Rate limiter", kind="design", target_minutes=40)
    dialog = FinishSessionDialog(subject, context.now(), 2400, context.profile.taxonomy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Patterns applied",
        "Struggled with",
    ]
    assert len(dialog.steps) == 8 and all(box.isVisible() for box in dialog.steps)
    lowest = max(box.mapTo(dialog, box.rect().bottomLeft()).y() for box in dialog.steps)
    below = dialog.tabs.mapTo(dialog, dialog.tabs.rect().topLeft()).y() - lowest
    assert 0 < below <= 3 * dialog.layout().spacing() + 4


def test_the_missing_choice_is_named_and_the_note_follows_the_choices(
    qtbot, context: AppContext
) -> None:
    dialog = _dialog(qtbot, context)
    dialog.show()
    dialog._try_accept()
    assert dialog.result_attempt is None
    assert "Outcome and a Confidence" in dialog.problem.text()
    dialog.outcomes.buttons()[0].setChecked(True)
    assert "Outcome" not in dialog.problem.text()
    assert "Confidence" in dialog.problem.text()
    assert dialog.problem.isVisibleTo(dialog)
    dialog.confidences.button(4).setChecked(True)
    assert not dialog.problem.isVisibleTo(dialog)  # nothing left to ask for


def test_a_confidence_alone_missing_is_asked_for_where_it_is(qtbot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    dialog.show()
    dialog.outcomes.buttons()[1].setChecked(True)
    dialog._try_accept()
    assert dialog.problem.text().startswith("Choose a Confidence")
    assert dialog.focusWidget() is dialog.confidences.button(1)


def test_the_arrow_keys_choose_an_outcome_and_a_confidence(qtbot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    dialog.show()
    solved, partly, stuck = dialog.outcomes.buttons()
    qtbot.keyClick(solved, Qt.Key.Key_Right)  # nothing chosen yet: Right chooses the next
    assert dialog.outcomes.checkedButton() is partly
    qtbot.keyClick(partly, Qt.Key.Key_Right)
    qtbot.keyClick(stuck, Qt.Key.Key_Right)  # the last stays chosen
    assert dialog.outcomes.checkedButton() is stuck
    qtbot.keyClick(stuck, Qt.Key.Key_Left)
    assert dialog.outcomes.checkedButton() is partly
    qtbot.keyClick(dialog.confidences.button(1), Qt.Key.Key_Right)
    assert dialog.confidences.checkedId() == 2
    assert dialog.focusWidget() is dialog.confidences.button(2)


def test_a_filter_that_matches_nothing_says_so(qtbot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    dialog.show()
    dialog.patterns.filter.setText("<b>complex</b> ")
    assert not any(box.isVisible() for box in dialog.patterns.boxes)
    note = dialog.patterns.no_match
    assert note.isVisible() and note.textFormat() == Qt.TextFormat.PlainText
    assert note.text() == "Nothing in Patterns applied matches “<b>complex</b>”."
    dialog.patterns.filter.setText("pointer")
    assert not note.isVisible()


def test_a_tick_far_down_the_list_is_scrolled_into_view(qtbot, context: AppContext) -> None:
    last = context.profile.taxonomy.of_kind(TagKind.TOPIC)[-1].id  # the end of Patterns applied
    dialog = _dialog(qtbot, context, practised=(last,))
    dialog.resize(560, 420)
    dialog.show()
    (box,) = [box for box in dialog.patterns.boxes if box.isChecked()]
    qtbot.waitUntil(lambda: not box.visibleRegion().isEmpty())
    assert dialog.patterns.scroll_area.verticalScrollBar().value() > 0


def test_a_mistake_an_item_trains_against_is_not_a_pattern_practised(context: AppContext) -> None:
    """The Big-O drill names "Complexity analysis", a mistake: nothing is ticked under
    Patterns applied for it, and whether it tripped the user up stays theirs to tick."""
    drill = AttemptSubject("Big-O drill", path_id="backend-senior", item_id="big-o-drill")
    assert item_patterns(context, drill) == ()
    taxonomy = context.profile.taxonomy
    practised, watched = practised_and_watched(
        ("two-pointers", "complexity", "not-a-tag"), taxonomy
    )
    assert practised == ("two-pointers", "not-a-tag")  # an unknown tag is shown as it is
    assert watched == ("complexity",)  # an alias of the mistake counts as the mistake
