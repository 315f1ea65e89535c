"""Edit > Undo is on only when it would bring something back, and Ctrl+Z still does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop.domain.planner import PlanSource, Target
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.stories import StoryDraft
from desktop.store import journal as journal_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from desktop.ui.lazy_page import LazyPage
from desktop.ui.main_window import MainWindow
from desktop.ui.page import Page
from desktop.ui.pages import build_main_window
from desktop.ui.plan.page import PlanPage
from desktop.ui.practice.log_page import PracticeLogPage
from desktop.ui.stories.page import StoriesPage


@dataclass(frozen=True)
class Deleting:
    """How to make, delete and count one page's records."""

    key: str
    make: Callable[[AppContext, Page], None]
    delete: Callable[[Page], None]
    count: Callable[[AppContext, Page], int]


def _make_attempt(context: AppContext, page: Page) -> None:
    attempt = Attempt(
        subject=AttemptSubject("3Sum", "backend-senior", "3sum", kind="code", target_minutes=25),
        started_at=context.now(), active_seconds=1860, outcome=Outcome.PARTIAL, confidence=2,
    )  # fmt: skip
    with context.writing() as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=context.now())
    context.events.sessions_changed.emit()


def _delete_attempt(page: Page) -> None:
    assert isinstance(page, PracticeLogPage)
    page.table.selectRow(0)
    page.delete_button.click()


def _count_attempts(_context: AppContext, page: Page) -> int:
    assert isinstance(page, PracticeLogPage)
    return page.model.rowCount()


def _make_entry(context: AppContext, page: Page) -> None:
    assert isinstance(page, JournalPage)
    assert page.new_entry(entry_date=context.today()) is not None
    page.editor.markdown.editor.setPlainText("Written in.")  # one left untouched is dropped


def _delete_entry(page: Page) -> None:
    assert isinstance(page, JournalPage)
    page.editor.delete_button.click()


def _count_entries(context: AppContext, _page: Page) -> int:
    with session_scope(context.profile.engine) as session:
        newest = journal_store.newest_entry(session=session)
    return 0 if newest is None else 1


def _make_story(_context: AppContext, page: Page) -> None:
    assert isinstance(page, StoriesPage)
    assert page.new_story(StoryDraft(title="Keep me", themes=("conflict",))) is not None


def _delete_story(page: Page) -> None:
    assert isinstance(page, StoriesPage)
    page.editor.delete_button.click()


def _count_stories(_context: AppContext, page: Page) -> int:
    assert isinstance(page, StoriesPage)
    return page.model.rowCount()


def _make_plan_item(context: AppContext, page: Page) -> None:
    assert isinstance(page, PlanPage)
    with context.writing() as session:
        plan_store.add_plan_item(
            session=session, day=page.week, target=Target("Two sum", "backend-senior", "two-sum"),
            minutes=30, source=PlanSource.PATH, reason="Next on your path.", now=context.now(),
        )  # fmt: skip


def _remove_plan_item(page: Page) -> None:
    assert isinstance(page, PlanPage) and page.snapshot is not None
    page.grid.select(page.snapshot.items[0].id)
    page.remove_button.click()


def _count_plan_items(_context: AppContext, page: Page) -> int:
    assert isinstance(page, PlanPage) and page.snapshot is not None
    return len(page.snapshot.items)


PAGES = [
    Deleting(page_info.PRACTICE.key, _make_attempt, _delete_attempt, _count_attempts),
    Deleting(page_info.JOURNAL.key, _make_entry, _delete_entry, _count_entries),
    Deleting(page_info.STORIES.key, _make_story, _delete_story, _count_stories),
    Deleting(page_info.PLAN.key, _make_plan_item, _remove_plan_item, _count_plan_items),
]
EDITORS = PAGES[1:3]  # the pages whose records open in an editor with a Delete button


def _focus(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _on_page(open_window, context: AppContext, deleting: Deleting) -> tuple[MainWindow, Page]:  # type: ignore[no-untyped-def]
    """An active window on the page, with one record made there."""
    window = open_window(active=True)
    window.show_page(deleting.key)
    page = window.current_page()
    deleting.make(context, page)
    return window, page


def _ctrl_z(qtbot, window: MainWindow) -> None:
    """The keys as pressed, to wherever the focus is: a disabled Undo would swallow them."""
    focused = QApplication.focusWidget()
    qtbot.keyClick(
        focused if focused is not None else window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier,
    )


@pytest.mark.parametrize("deleting", PAGES, ids=[p.key for p in PAGES])
def test_undo_is_on_only_while_a_delete_can_be_brought_back(
    qtbot, context: AppContext, open_window, deleting: Deleting
) -> None:
    window, page = _on_page(open_window, context, deleting)
    undo = window.edit_actions.undo
    _focus(qtbot, window.navigation)
    assert not undo.isEnabled()  # nothing deleted: nothing to undo

    deleting.delete(page)
    assert deleting.count(context, page) == 0
    assert undo.isEnabled()  # followed at once, not only when the menu opens

    _focus(qtbot, window.navigation)
    _ctrl_z(qtbot, window)
    assert deleting.count(context, page) == 1  # Ctrl+Z brought it back
    _focus(qtbot, window.navigation)
    assert not undo.isEnabled() and not page.page_undo().isEnabled()  # type: ignore[union-attr]
    _ctrl_z(qtbot, window)  # nothing more to bring back: the key does nothing, and says nothing
    assert deleting.count(context, page) == 1


def _log_with_two(context: AppContext, open_window) -> tuple[MainWindow, PracticeLogPage]:  # type: ignore[no-untyped-def]
    """The active window on the practice log, with two attempts logged."""
    window = open_window(active=True)
    log = window.open_page(page_info.PRACTICE.key, PracticeLogPage)
    for _ in range(2):
        _make_attempt(context, log)
    return window, log


def test_each_delete_keeps_undo_on_until_the_last_is_back(
    qtbot, context: AppContext, open_window
) -> None:
    window, log = _log_with_two(context, open_window)
    _delete_attempt(log)
    _delete_attempt(log)
    _focus(qtbot, window.navigation)
    undo = window.edit_actions.undo
    _ctrl_z(qtbot, window)
    assert log.model.rowCount() == 1 and undo.isEnabled()
    _ctrl_z(qtbot, window)
    assert log.model.rowCount() == 2 and not undo.isEnabled()


def test_undo_follows_the_page_on_show(qtbot, context: AppContext, open_window) -> None:
    window = open_window(active=True)
    log = window.open_page(page_info.PRACTICE.key, PracticeLogPage)
    _make_attempt(context, log)
    _delete_attempt(log)
    _focus(qtbot, window.navigation)
    undo = window.edit_actions.undo
    assert undo.isEnabled()
    window.show_page(page_info.STORIES.key)  # a page with Undo of its own, but nothing deleted
    assert not undo.isEnabled()
    _ctrl_z(qtbot, window)
    assert log.model.rowCount() == 0  # another page's delete stays deleted
    window.show_page(page_info.PRACTICE.key)
    assert undo.isEnabled()
    _ctrl_z(qtbot, window)
    assert log.model.rowCount() == 1


def test_ctrl_z_in_a_text_box_undoes_the_typing_then_the_delete(
    qtbot, context: AppContext, open_window
) -> None:
    window = open_window(active=True)
    stories = window.open_page(page_info.STORIES.key, StoriesPage)
    _make_story(context, stories)
    _delete_story(stories)
    undo = window.edit_actions.undo
    _focus(qtbot, stories.filter)
    stories.filter.insert("conflict")  # as typed
    assert undo.isEnabled()
    _ctrl_z(qtbot, window)
    assert stories.filter.text() == ""  # the typing goes first
    assert stories.model.rowCount() == 0 and stories.undo_bar.isVisibleTo(stories)
    assert undo.isEnabled()  # and then the delete: the box has nothing more of its own
    _ctrl_z(qtbot, window)
    assert stories.model.rowCount() == 1 and not stories.undo_bar.isVisibleTo(stories)
    assert not undo.isEnabled()


@pytest.mark.parametrize("deleting", PAGES, ids=[p.key for p in PAGES])
def test_ctrl_z_in_a_box_with_nothing_to_undo_brings_the_delete_back(
    qtbot, context: AppContext, open_window, deleting: Deleting
) -> None:
    """A focused search box took the key and did nothing: the delete stayed deleted."""
    window, page = _on_page(open_window, context, deleting)
    deleting.delete(page)
    box = QLineEdit(page)  # any text box on the page that the user has not typed in
    box.show()
    _focus(qtbot, box)
    assert window.edit_actions.undo.isEnabled()
    _ctrl_z(qtbot, window)
    assert deleting.count(context, page) == 1
    assert QApplication.focusWidget() is box  # the keys stay where the user was


def test_a_page_built_after_the_first_paint_brings_its_undo(qtbot, context: AppContext) -> None:
    with context.writing() as session:
        story_store.create_story(
            session=session, draft=StoryDraft(title="Keep me"), now=context.now()
        )
    settings = QSettings(str(context.profile.folder.ui_state_file), QSettings.Format.IniFormat)
    settings.setValue("window/page", page_info.STORIES.key)  # built once the window paints
    settings.sync()
    window = build_main_window(AppContext(context.profile, settings))
    qtbot.addWidget(window)
    shell = next(p for p in window.pages if p.page_key == page_info.STORIES.key)
    assert isinstance(shell, LazyPage)
    window.show()
    qtbot.waitUntil(lambda: shell.built, timeout=5000)
    stories = shell.real
    assert isinstance(stories, StoriesPage)
    assert stories.editor.title.text() == "Keep me"  # opened, with no focus change since
    _delete_story(stories)
    assert window.edit_actions.undo.isEnabled()


def _with_two(context: AppContext, open_window, deleting: Deleting) -> tuple[MainWindow, Page]:  # type: ignore[no-untyped-def]
    """The active window on the page, with two of its records made."""
    window, page = _on_page(open_window, context, deleting)
    deleting.make(context, page)
    return window, page


@pytest.mark.parametrize("deleting", EDITORS, ids=[p.key for p in EDITORS])
def test_after_a_delete_the_keys_go_to_the_list_not_the_delete_button(
    qtbot, context: AppContext, open_window, deleting: Deleting
) -> None:
    """A second Enter (or Space) on the Delete button would delete the next record too."""
    _window, page = _with_two(context, open_window, deleting)
    button = page.editor.delete_button  # type: ignore[attr-defined]
    _focus(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.list)  # type: ignore[attr-defined]


@pytest.mark.parametrize("deleting", EDITORS, ids=[p.key for p in EDITORS])
def test_the_delete_key_on_the_list_deletes_the_open_record(
    qtbot, context: AppContext, open_window, deleting: Deleting
) -> None:
    window, page = _with_two(context, open_window, deleting)
    listed = page.model.rowCount  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: listed() == 2)
    _focus(qtbot, page.list)  # type: ignore[attr-defined]
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: listed() == 1)
    assert window.edit_actions.undo.isEnabled()  # and it can be brought back


def test_after_deleting_an_attempt_the_keys_go_to_the_log_not_the_delete_button(
    qtbot, context: AppContext, open_window
) -> None:
    """A second Enter (or Space) on Delete deleted the next attempt too."""
    _window, log = _log_with_two(context, open_window)
    log.table.selectRow(0)
    _focus(qtbot, log.delete_button)
    qtbot.keyClick(log.delete_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is log.table)
    assert log.model.rowCount() == 1
