"""The tick-box lists of weak spots, patterns and struggles never scroll sideways: they take
one column where two do not fit, and a label too long for its column ends in "…" with the
whole label in its tooltip."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt

from desktop.ui.context import AppContext
from desktop.ui.plan.mock_dialog import MockInterviewDialog
from desktop.ui.practice.tag_picker import TagPicker

pytestmark = pytest.mark.any_date

LONG = "Neural networks and backpropagation"  # the longest label the taxonomy ships


def _never(*_args: object) -> None:
    raise AssertionError("nothing is saved here")


def _mock_dialog(qtbot, context: AppContext, size: tuple[int, int]) -> MockInterviewDialog:  # type: ignore[no-untyped-def]
    dialog = MockInterviewDialog(context.profile.taxonomy, context.now(), _never)
    qtbot.addWidget(dialog)
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _fits_sideways(picker: TagPicker) -> bool:
    viewport = picker.scroll_area.viewport()
    shown = [box for box in picker.boxes if box.isVisible()]
    return picker.scroll_area.widget().width() <= viewport.width() and all(
        box.geometry().right() < viewport.width() for box in shown
    )


def test_the_mock_interviews_weak_spots_do_not_scroll_sideways(qtbot, context) -> None:
    dialog = _mock_dialog(qtbot, context, (600, 488))
    picker = dialog.exposed
    qtbot.waitUntil(lambda: _fits_sideways(picker))
    assert picker.scroll_area.horizontalScrollBar().maximum() == 0
    (long,) = [box for box in picker.boxes if box.label == LONG]
    assert long.text() != LONG and long.text().endswith("…")
    assert long.toolTip().startswith(LONG)  # the whole label, then what it means
    assert long.accessibleName().endswith(LONG)


def test_a_shortened_label_is_still_found_by_the_filter(qtbot, context) -> None:
    picker = _mock_dialog(qtbot, context, (600, 488)).exposed
    picker.filter.setText("backpropagation")
    assert [box.label for box in picker.boxes if box.isVisibleTo(picker)] == [LONG]


def test_a_wide_list_takes_two_columns_with_whole_labels(qtbot, context) -> None:
    picker = _mock_dialog(qtbot, context, (1500, 700)).exposed
    qtbot.waitUntil(lambda: len({box.x() for box in picker.boxes if box.isVisible()}) == 2)
    assert _fits_sideways(picker)
    assert all(box.text() == box.label for box in picker.boxes)


def test_boxes_keep_their_height_once_the_list_falls_to_one_column(qtbot, context) -> None:
    """The dialog first lays the list out in two columns; when it turns out too narrow, the
    boxes go into one, twice as long. They were squeezed into the height two columns took,
    labels drawn over each other (an 800-pixel-high screen showed it)."""
    picker = _mock_dialog(qtbot, context, (798, 556)).exposed
    qtbot.waitUntil(lambda: len({box.x() for box in picker.boxes if box.isVisible()}) == 1)
    shown = [box for box in picker.boxes if box.isVisible()]
    qtbot.waitUntil(lambda: all(box.height() >= box.sizeHint().height() for box in shown))
    tops = [box.y() for box in shown]
    assert all(b - a >= shown[0].sizeHint().height() for a, b in itertools.pairwise(tops))


def test_down_from_the_filter_goes_to_the_first_match_to_tick(qtbot, context) -> None:
    """As from every other filter: type, Down, Space, without the mouse."""
    picker = _mock_dialog(qtbot, context, (600, 488)).exposed
    picker.filter.setFocus()
    picker.filter.setText("backprop")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    (match,) = [box for box in picker.boxes if box.label == LONG]
    assert picker.window().focusWidget() is match
    qtbot.keyClick(match, Qt.Key.Key_Space)
    assert picker.filter.text() == "backprop" and match.isChecked()
    picker.filter.setFocus()
    picker.filter.setText("no such thing")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)  # nothing matches: the focus stays
    assert picker.window().focusWidget() is picker.filter
