"""The learning path at first launch: column widths, counts, Enter and the status dot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.domain.practice import AttemptSubject
from desktop.domain.progress import ItemStatus
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.path.checklist_model import NEVER_CHANGED, Column
from desktop.ui.path.checklist_view import ENOUGH_FOR_TITLES, GIVE_WAY_ORDER, SHORT_COLUMNS
from desktop.ui.path.page import PathPage
from desktop.ui.practice import session_window
from desktop.ui.theme import STATUS_COLOURS, Scheme
from tests.samples import add_custom_item


def _shown_short_widths(page: PathPage) -> int:
    header = page.tree.header()
    return sum(header.sectionSize(c) for c in SHORT_COLUMNS if not page.tree.isColumnHidden(c))


def test_item_column_takes_the_spare_width_at_first_launch(open_page) -> None:
    page: PathPage = open_page(PathPage, (1060, 780))  # the page in a 1280 x 800 window
    tree, header = page.tree, page.tree.header()
    # The Changed date is the first to step aside for the titles (the panel shows it).
    assert tree.isColumnHidden(Column.CHANGED)
    assert header.sectionSize(Column.TITLE) + _shown_short_widths(page) == (tree.viewport().width())
    # Status shows only "To do" yet, but has room for "Needs review": marking an item
    # must not move the columns.
    needs_review = tree.fontMetrics().horizontalAdvance("Needs review")
    assert header.sectionSize(Column.STATUS) >= needs_review + 22
    # The titles get the room they need (up to a limit): the Kind and the Target step aside
    # for them (the item panel shows both), as they would once an item needs review.
    assert tree.isColumnHidden(Column.KIND) and tree.isColumnHidden(Column.TARGET)
    wanted = min(_widest_title_cell(tree), ENOUGH_FOR_TITLES)
    assert header.sectionSize(Column.TITLE) >= wanted


def test_short_columns_follow_what_they_show(open_page) -> None:
    page: PathPage = open_page(PathPage, (1700, 1000))
    page.set_status("3sum", ItemStatus.NEEDS_REVIEW)
    header = page.tree.header()
    needs_review = page.tree.fontMetrics().horizontalAdvance("Needs review")
    assert header.sectionSize(Column.STATUS) >= needs_review + 22
    assert not page.tree.isColumnHidden(Column.CHANGED)  # a date to show, and room for it


def test_columns_stay_put_when_an_item_changes_status(open_page) -> None:
    """Once the Changed column is on show, a status change moves no column by a pixel."""
    page: PathPage = open_page(PathPage, (1700, 1000))
    page.set_status("3sum", ItemStatus.DONE)
    header = page.tree.header()
    before = [(header.sectionSize(c), page.tree.isColumnHidden(c)) for c in Column]
    for status in (ItemStatus.IN_PROGRESS, ItemStatus.NEEDS_REVIEW, ItemStatus.TODO):
        page.set_status("two-sum", status)
        assert [(header.sectionSize(c), page.tree.isColumnHidden(c)) for c in Column] == before


def test_the_first_status_change_of_a_session_moves_no_column(open_page) -> None:
    """The Changed column is there from the start, a dash for a status never changed, so
    the first change does not bring it in and push the other columns aside."""
    page: PathPage = open_page(PathPage, (1700, 1000))
    tree, header = page.tree, page.tree.header()
    assert not tree.isColumnHidden(Column.CHANGED)
    index = page.model.index_of_item("3sum")
    changed = index.siblingAtColumn(Column.CHANGED)
    assert changed.data() == NEVER_CHANGED
    assert changed.data(Qt.ItemDataRole.AccessibleTextRole) == "Status never changed"
    before = [(header.sectionSize(c), tree.isColumnHidden(c)) for c in Column]
    page.set_status("3sum", ItemStatus.DONE)
    assert [(header.sectionSize(c), tree.isColumnHidden(c)) for c in Column] == before
    changed = page.model.index_of_item("3sum").siblingAtColumn(Column.CHANGED)
    assert changed.data() not in (None, "", NEVER_CHANGED)  # the day it changed


def test_narrow_list_gives_titles_room_before_kind_and_date(qtbot, context: AppContext) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(760, 520)  # the smallest window
    window.show()
    page = window.current_page()
    assert isinstance(page, PathPage)
    page.set_status("3sum", ItemStatus.NEEDS_REVIEW)
    tree = page.tree
    # The date, the kind and the target step aside (the item panel shows them) ...
    assert tree.hidden_columns() == {Column.KIND, Column.TARGET, Column.CHANGED}
    # ... so that every title is whole beside its difficulty and status.
    assert tree.header().sectionSize(Column.TITLE) >= _widest_title_cell(tree)


def _widest_title_cell(tree) -> int:
    """Measured as Qt lays the cell out: where the item's text starts and its delegate's width."""
    model, widest = tree.model(), 0
    tree.expandAll()
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    for stage_row in range(model.rowCount()):
        stage = model.index(stage_row, 0)
        for row in range(model.rowCount(stage)):
            index = model.index(row, Column.TITLE, stage)
            indent = tree.visualRect(index).left() + tree.horizontalOffset()
            width = tree.itemDelegateForIndex(index).sizeHint(option, index).width()
            widest = max(widest, indent + width)
    return widest


def test_titles_are_whole_once_a_status_widens(open_page) -> None:
    """A status as wide as "Needs review" takes room from the titles: the short columns step
    aside rather than cut "Longest Substring Without Repeating Characters"."""
    page: PathPage = open_page(PathPage, (620, 700))
    page.set_status("longest-substring-without-repeating-characters", ItemStatus.NEEDS_REVIEW)
    page.set_status("3sum", ItemStatus.DONE)  # a Changed date to show as well
    tree = page.tree
    needed = _widest_title_cell(tree)
    for width in range(620, 1301, 20):
        page.resize(width, 700)
        # Give way in order, the least telling column first; status and difficulty stay.
        hidden = tree.hidden_columns()
        assert hidden & {Column.STATUS, Column.DIFFICULTY} == set(), width
        given = [column for column in GIVE_WAY_ORDER if column in hidden]
        assert given == list(GIVE_WAY_ORDER[: len(given)]), width
        if len(given) < len(GIVE_WAY_ORDER):
            assert tree.header().sectionSize(Column.TITLE) >= needed, width
    # Whole or not, each title is whole in its tooltip.
    index = page.model.index_of_item("longest-substring-without-repeating-characters")
    assert "Longest Substring Without Repeating Characters" in index.data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_header_and_overview_count_the_same_items(page_with_custom_item: PathPage) -> None:
    page = page_with_custom_item
    counts = page.checklist.counts  # type: ignore[union-attr]
    assert page.overall_label.text().startswith(f"0 of {counts.total} items done")
    page.tree.selectionModel().clearCurrentIndex()
    page._show_selected()
    assert f"{counts.total} items, 0 done" in page.panel.overview_facts.text()
    assert "1 item of your own is counted" in page.panel.overview_text.text()
    assert "1 item of your own is counted" in page.overall_label.toolTip()


@pytest.fixture
def page_with_custom_item(open_page, context: AppContext) -> PathPage:
    add_custom_item(context.profile.engine)
    return open_page(PathPage)


@pytest.fixture
def started(monkeypatch) -> list[AttemptSubject]:
    subjects: list[AttemptSubject] = []
    monkeypatch.setattr(
        session_window, "start_session", lambda _context, subject, _parent: subjects.append(subject)
    )
    return subjects


def test_enter_on_an_item_starts_a_practice_session(
    open_page, qtbot, started: list[AttemptSubject]
) -> None:
    page: PathPage = open_page(PathPage)
    page.select_item("3sum")
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert [subject.item_id for subject in started] == ["3sum"]
    # On a stage row, Enter starts nothing.
    page.tree.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert len(started) == 1


def test_item_menu_starts_a_practice_session_with_a_shortcut(
    open_page, started: list[AttemptSubject]
) -> None:
    page: PathPage = open_page(PathPage)
    start = page.item_actions.start
    assert start in page.item_menu.actions()
    assert start.shortcut().toString() == "Ctrl+Return"
    page.select_item("group-anagrams")
    assert start.isEnabled()
    start.trigger()
    assert [subject.item_id for subject in started] == ["group-anagrams"]
    page.tree.setCurrentIndex(page.model.index(0, 0))  # a stage: nothing to start
    assert not start.isEnabled()


def test_status_dot_stays_on_the_selected_row(open_page) -> None:
    page: PathPage = open_page(PathPage)
    page.set_status("3sum", ItemStatus.DONE)
    index = page.model.index_of_item("3sum")
    page.tree.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    page.tree.scrollTo(index)
    cell = page.tree.visualRect(index.siblingAtColumn(Column.STATUS))
    image = page.tree.viewport().grab(cell).toImage()
    done = QColor(STATUS_COLOURS[Scheme.LIGHT]["done"])
    found = {
        image.pixelColor(x, y).name()
        for x in range(min(30, image.width()))
        for y in range(image.height())
    }
    assert done.name() in found
