"""The small widgets pages share: the undo banner, the empty state, and restyling by property."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from desktop.ui.widgets.clock_face import ClockFace
from desktop.ui.widgets.empty_state import EmptyState
from desktop.ui.widgets.restyle import repolish
from desktop.ui.widgets.undo_bar import UndoBar


def test_the_undo_bar_offers_the_newest_delete_first(qtbot) -> None:
    bar = UndoBar("the story “{title}”")
    qtbot.addWidget(bar)
    asked: list[bool] = []
    bar.undo_requested.connect(lambda: asked.append(True))
    assert bar.isHidden() and bar.latest() is None

    bar.deleted(3, "Outage")
    bar.deleted(5, "Migration")
    assert not bar.isHidden() and bar.latest() == 5
    assert bar.text.text() == "Deleted the story “Migration”. (2 can be brought back)"
    assert bar.bring_back(lambda _id: False) is None  # could not be saved: still offered
    assert bar.latest() == 5
    restored: list[int] = []
    assert bar.bring_back(lambda story_id: restored.append(story_id) is None) == 5
    assert bar.latest() == 3 and bar.text.text() == "Deleted the story “Outage”."
    assert bar.bring_back(lambda story_id: restored.append(story_id) is None) == 3
    assert bar.isHidden() and bar.latest() is None and restored == [5, 3]
    assert bar.bring_back(lambda _id: True) is None  # nothing left to bring back
    assert asked == []


def test_the_undo_button_asks_the_page(qtbot) -> None:
    bar = UndoBar("the attempt on “{title}”")
    qtbot.addWidget(bar)
    asked: list[bool] = []
    bar.undo_requested.connect(lambda: asked.append(True))
    bar.deleted(1, "Two sum")
    bar.findChild(QPushButton).click()
    assert asked == [True]


def test_the_empty_state_says_what_to_do_and_starts_it(qtbot) -> None:
    started: list[bool] = []
    empty = EmptyState("Empty", "Nothing here yet.", "Start", lambda: started.append(True))
    qtbot.addWidget(empty)
    assert empty.message.text() == "Nothing here yet."
    assert empty.button.accessibleName() == "Start"
    empty.button.click()
    assert started == [True]


def test_repolish_sets_the_property_the_style_sheet_looks_at(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setStyleSheet('QLabel[role="warning"] { color: rgb(200, 0, 0); }')
    label.show()
    repolish(label, "role", "warning")
    assert label.property("role") == "warning"
    assert label.palette().windowText().color().red() == 200
    repolish(label, "role", None)
    assert label.property("role") is None
    assert label.palette().windowText().color().red() != 200


def test_the_clock_face_warns_past_the_limit_and_dims_while_paused(qtbot) -> None:
    face = ClockFace("Time", "Bar", "Target")
    qtbot.addWidget(face)
    face.show_time(125, True, 180, "Aim for three minutes")
    assert face.elapsed.text() == "02:05" and face.bar.value() == 125
    assert face.target.property("role") == "muted" and not face.bar.property("over")
    face.show_time(200, False, 180, "Over by 00:20")
    assert face.target.text() == "Paused · Over by 00:20"
    assert face.bar.value() == 180 and face.bar.property("over")
    assert face.target.property("role") == "warning" and face.elapsed.property("role") == "muted"
    face.show_time(30, True, None, "No target time")
    assert face.bar.isHidden()


def test_a_long_title_never_widens_the_undo_bar(qtbot) -> None:
    bar = UndoBar("“{title}” from the plan", done="Removed")
    qtbot.addWidget(bar)
    title = "Design-a-rate-limiter-for-a-multi-region-API-gateway-with-per-tenant-quotas"
    bar.deleted(1, title)
    assert bar.text.text() == f"Removed “{title[:59]}…” from the plan."
    assert title in bar.text.toolTip()
    bar.deleted(2, "Design a rate limiter for a multi-region API gateway, quotas " * 3)
    bar.show()
    assert bar.minimumSizeHint().width() < 500  # it wraps, within the narrowest window
