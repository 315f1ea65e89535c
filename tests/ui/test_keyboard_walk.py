"""Keyboard only: Tab walks on through every dialog and page instead of getting stuck in a
text box or a table, and Enter does what the dialog is for."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from desktop.domain.dates import MONDAY, week_of
from desktop.domain.stories import StoryDraft
from desktop.domain.taxonomy import TagKind
from desktop.store.backup import backup_database
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from desktop.ui.path.add_item_dialog import AddItemDialog
from desktop.ui.path.page import PathPage
from desktop.ui.plan.mock_dialog import MockInterviewDialog
from desktop.ui.plan.review_dialog import WeeklyReviewDialog
from desktop.ui.practice.log_page import PracticeLogPage
from desktop.ui.practice.tag_picker import TagPicker
from desktop.ui.safety.backups_dialog import BackupsDialog
from desktop.ui.stories.page import StoriesPage
from tests.ui.test_practice_log import _log


def _tab_from(qtbot, top: QWidget, start: QWidget, target: QWidget, presses: int = 40) -> bool:
    """Whether Tab, pressed up to `presses` times from `start`, brings focus to `target`."""
    top.activateWindow()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is target:
            return True
    return False


def _show(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _button(dialog: QDialog, which: QDialogButtonBox.StandardButton) -> QWidget:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(which)


def _never(*_args: object) -> None:
    raise AssertionError("nothing is saved by walking the form")


def test_tab_leaves_the_add_item_description_for_the_buttons(qtbot, open_page) -> None:
    page: PathPage = open_page(PathPage)
    assert page.checklist is not None
    dialog = _show(qtbot, AddItemDialog(page.checklist.stages, None, _never))
    assert isinstance(dialog, AddItemDialog)
    ok = _button(dialog, QDialogButtonBox.StandardButton.Ok)
    assert _tab_from(qtbot, dialog, dialog.description, ok)
    assert dialog.description.toPlainText() == ""  # no tab character typed into it


def test_tab_leaves_the_mock_interview_feedback(qtbot, context: AppContext) -> None:
    dialog = _show(qtbot, MockInterviewDialog(context.profile.taxonomy, context.now(), _never))
    assert isinstance(dialog, MockInterviewDialog)
    save = _button(dialog, QDialogButtonBox.StandardButton.Save)
    assert _tab_from(qtbot, dialog, dialog.feedback, save, presses=200)
    assert dialog.feedback.toPlainText() == ""


def test_tab_walks_the_weekly_review_questions_to_save(qtbot, context: AppContext) -> None:
    week = week_of(context.now().astimezone().date(), first=MONDAY) - timedelta(days=7)
    review = WeeklyReviewDialog(context, week)
    assert review.wait_until_read()
    dialog = _show(qtbot, review)
    assert isinstance(dialog, WeeklyReviewDialog)
    boxes = list(dialog.answers.values())
    for box, following in pairwise(boxes):
        assert _tab_from(qtbot, dialog, box, following, presses=1)
    save = _button(dialog, QDialogButtonBox.StandardButton.Save)
    assert _tab_from(qtbot, dialog, boxes[-1], save, presses=60)
    assert all(box.toPlainText() == "" for box in boxes)


def test_tab_leaves_the_practice_log_table(qtbot, open_page, context: AppContext) -> None:
    _log(context, "Two Sum", 20)
    _log(context, "3Sum", 30)
    page: PracticeLogPage = open_page(PracticeLogPage)
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.table.selectRow(0)
    assert not page.retro_button.isEnabled()  # no retrospective: Tab passes over it
    assert _tab_from(qtbot, page, page.table, page.edit_button, presses=1)


def test_tab_leaves_the_backups_table(qtbot, context: AppContext, open_window) -> None:
    folder = context.profile.folder
    backup_database(folder.database, folder.backups_dir, "manual", now=context.now())
    window = open_window()
    dialog = _show(qtbot, BackupsDialog(window, window))
    assert isinstance(dialog, BackupsDialog)
    close = _button(dialog, QDialogButtonBox.StandardButton.Close)
    assert _tab_from(qtbot, dialog, dialog.table, close, presses=10)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_enter_or_escape_closes_about_without_opening_a_file_manager(
    qtbot, context: AppContext, monkeypatch, key: Qt.Key
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(
        "desktop.ui.about_dialog.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    dialog = _show(qtbot, AboutDialog(context.profile.folder))
    qtbot.keyClick(QApplication.focusWidget() or dialog, key)
    assert not dialog.isVisible()
    assert opened == []


def _next_focus(
    qtbot, top: QWidget, start: QWidget, key: Qt.Key = Qt.Key.Key_Tab
) -> QWidget | None:  # type: ignore[no-untyped-def]
    """Where one press of `key` (Tab) from `start` takes the focus."""
    top.activateWindow()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    qtbot.keyClick(start, key)
    return QApplication.focusWidget()


def test_tab_goes_from_a_tag_filter_straight_to_its_first_box(qtbot, context) -> None:
    # The scroll area around the boxes once took a Tab stop of its own, drawn nowhere:
    # Space then ticked nothing.
    picker = TagPicker("Struggled with", context.profile.taxonomy.of_kind(TagKind.MISTAKE))
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    first = next(box for box in picker.boxes if box.label.casefold().startswith("off"))
    picker.filter.setText("off")
    assert _next_focus(qtbot, picker, picker.filter) is first


def test_tab_goes_from_a_story_title_straight_to_its_form(qtbot, open_page) -> None:
    page: StoriesPage = open_page(StoriesPage)
    assert page.new_story(StoryDraft(title="Sale-day outage")) is not None
    editor = page.editor
    assert _next_focus(qtbot, page, editor.title) is editor.scope


def _down_from(qtbot, top: QWidget, edit: QWidget) -> QWidget | None:  # type: ignore[no-untyped-def]
    return _next_focus(qtbot, top, edit, Qt.Key.Key_Down)


def test_down_goes_from_the_path_filter_to_the_first_item_it_leaves(qtbot, open_page) -> None:
    page: PathPage = open_page(PathPage)
    page.search.setText("binary heap")
    assert _down_from(qtbot, page, page.search) is page.tree
    chosen = page.model.item_at(page.tree.currentIndex())
    assert chosen is not None and chosen.item.title == "Implement a binary heap"  # not a stage


def test_down_stays_in_the_path_filter_when_nothing_matches(qtbot, open_page) -> None:
    page: PathPage = open_page(PathPage)
    page.search.setText("no item is called this")
    assert _down_from(qtbot, page, page.search) is page.search


def test_down_goes_from_the_story_filter_to_the_stories_it_leaves(qtbot, open_page) -> None:
    page: StoriesPage = open_page(StoriesPage)
    for title in ("Sale-day outage", "Migrating the billing database"):
        assert page.new_story(StoryDraft(title=title)) is not None
    page.list.setCurrentIndex(QModelIndex())  # nothing chosen in the list
    page.filter.setText("billing")
    assert _down_from(qtbot, page, page.filter) is page.list
    assert "billing" in str(page.list.currentIndex().data())


def test_down_goes_from_the_journal_search_to_its_entries(qtbot, open_page) -> None:
    page: JournalPage = open_page(JournalPage)
    assert page.new_entry(entry_date=page.context.today()) is not None
    assert _down_from(qtbot, page, page.search) is page.list
    assert page.list.currentIndex().isValid()


def test_enter_on_a_logged_attempt_edits_it_as_a_double_click_does(
    qtbot, open_page, context: AppContext, monkeypatch
) -> None:
    _log(context, "Two Sum", 20)
    page: PracticeLogPage = open_page(PracticeLogPage)
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    edits: list[None] = []
    monkeypatch.setattr(page, "edit_selected", lambda: edits.append(None))
    page.table.selectRow(0)
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(edits) == 1
    where = page.table.visualRect(page.model.index(0, 1)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # as a
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # mouse does
    assert len(edits) == 2  # one dialog for a double-click, not one for each signal
