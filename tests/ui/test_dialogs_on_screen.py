"""Every dialog opens inside its parent's screen, even with no window manager to place it:
too tall a dialog is shrunk (not below its minimum), one placed off the edge is moved in."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout

from desktop.domain.dates import MONDAY, week_of
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.plan.review_dialog import WeeklyReviewDialog
from desktop.ui.widgets.on_screen import TITLE_BAR_ROOM, available_area


def _window(qtbot, context: AppContext):  # type: ignore[no-untyped-def]
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _inside(dialog: QDialog) -> bool:
    area = available_area(dialog)
    assert area is not None
    frame = dialog.frameGeometry()
    title = max(0, TITLE_BAR_ROOM - (frame.height() - dialog.height()))
    room = QRect(area.left(), area.top(), area.width(), area.height() - title)
    return room.contains(frame)


def test_a_dialog_placed_off_screen_is_moved_onto_it(qtbot, context) -> None:
    window = _window(qtbot, context)
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.resize(300, 200)
    area = available_area(dialog)
    assert area is not None
    dialog.move(area.right() + 500, area.bottom() + 500)
    dialog.show()
    assert _inside(dialog)
    assert dialog.size().width() == 300 and dialog.size().height() == 200


def test_a_dialog_taller_than_the_screen_is_shrunk_to_fit(qtbot, context) -> None:
    window = _window(qtbot, context)
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    area = available_area(dialog)
    assert area is not None
    dialog.resize(area.width() + 400, area.height() + 400)
    dialog.show()
    assert _inside(dialog)
    # Growing it again later is kept within the screen too.
    dialog.resize(area.width() + 400, area.height() + 400)
    assert _inside(dialog)


def test_a_message_box_from_a_page_stays_on_screen(qtbot, context) -> None:
    window = _window(qtbot, context)
    page = window.current_page()
    box = QMessageBox(QMessageBox.Icon.Information, "Told", "Something happened.", parent=page)
    qtbot.addWidget(box)
    area = available_area(box)
    assert area is not None
    box.move(area.left() - 900, area.top() - 900)
    box.show()
    assert _inside(box)


def test_the_weekly_review_opens_inside_the_screen(qtbot, context) -> None:
    window = _window(qtbot, context)
    week = week_of(context.today(), first=MONDAY) - timedelta(days=7)
    dialog = WeeklyReviewDialog(context, week, window)
    qtbot.addWidget(dialog)
    area = available_area(dialog)
    assert area is not None
    dialog.move(area.left() + 200, area.bottom() - 100)  # as a placement off the bottom
    dialog.show()
    assert _inside(dialog)


def test_a_dialog_is_not_shrunk_below_its_minimum(qtbot, context) -> None:
    window = _window(qtbot, context)
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("A dialog that needs its room"))
    area = available_area(dialog)
    assert area is not None
    dialog.setMinimumSize(200, area.height() + 50)
    dialog.show()
    assert dialog.height() >= area.height() + 50
    assert dialog.frameGeometry().top() == area.top()  # its top (and title bar) in view
