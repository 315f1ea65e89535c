"""The practice log shares its width: Patterns is not cut while What has room to spare."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.practice.attempt_view import AttemptTableView, fair_shares
from desktop.ui.practice.log_page import PATTERNS_COLUMN, STRUGGLES_COLUMN, PracticeLogPage

WHAT_COLUMN = 1


def _log(context: AppContext, title: str, patterns: tuple[str, ...]) -> None:
    attempt = Attempt(
        subject=AttemptSubject(title, "backend-senior", "3sum", kind="code", target_minutes=25),
        started_at=context.now(),
        active_seconds=20 * 60,
        outcome=Outcome.SOLVED,
        confidence=4,
        patterns=patterns,
        struggles=("complexity-analysis", "off-by-one"),
    )
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=context.now())


def _cut_columns(table: AttemptTableView) -> set[str]:
    """Shown columns with a cell whose text the delegate needs more room for than it has."""
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    model, cut = table.model(), set()
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        for row in range(model.rowCount()):
            index = model.index(row, column)
            need = table.itemDelegate().sizeHint(option, index).width()
            if need > table.visualRect(index).width():
                cut.add(str(model.headerData(column, Qt.Orientation.Horizontal)))
    return cut


def _cell_need(table: AttemptTableView, column: int) -> int:
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    model = table.model()
    return max(
        table.itemDelegate().sizeHint(option, model.index(row, column)).width()
        for row in range(model.rowCount())
    )


def test_shares_go_to_the_columns_that_need_them() -> None:
    assert fair_shares(600, [100, 300, 300]) == [100, 250, 250]
    assert fair_shares(900, [100, 300, 300]) == [100, 300, 300]  # the rest is What's
    assert fair_shares(300, [200, 200, 200]) == [100, 100, 100]
    assert fair_shares(-20, [50]) == [0]


def test_patterns_are_whole_beside_short_titles(open_page, context: AppContext) -> None:
    _log(context, "3Sum", ("graphs-topological-sort",))
    _log(context, "Two Sum", ("dynamic-programming",))
    # The page in a 1280-wide window, then in the smallest window.
    for size in ((1090, 700), (704, 470)):
        page: PracticeLogPage = open_page(PracticeLogPage, size)
        table, header = page.table, page.table.horizontalHeader()
        assert not table.isColumnHidden(PATTERNS_COLUMN), size
        assert header.sectionSize(PATTERNS_COLUMN) >= _cell_need(table, PATTERNS_COLUMN), size
        assert header.sectionSize(WHAT_COLUMN) >= _cell_need(table, WHAT_COLUMN), size
        if not table.isColumnHidden(STRUGGLES_COLUMN):
            need = _cell_need(table, STRUGGLES_COLUMN)
            assert header.sectionSize(STRUGGLES_COLUMN) >= need, size
        assert _cut_columns(table) == set(), size
        # Every column shown fits the table: nothing runs off to the right.
        shown = [c for c in range(page.model.columnCount()) if not table.isColumnHidden(c)]
        assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width(), size
        page.close()


def test_long_titles_and_patterns_share_the_room(open_page, context: AppContext) -> None:
    title = "Design a Distributed Cache (Memcached / Redis Cluster) and its failure modes"
    _log(context, title, ("graphs-topological-sort", "dynamic-programming", "sliding-window"))
    page: PracticeLogPage = open_page(PracticeLogPage, (1090, 700))
    header = page.table.horizontalHeader()
    # Neither fits: they share evenly what Struggled with (whole) leaves, and each keeps its
    # whole text in a tooltip.
    table = page.table
    assert header.sectionSize(STRUGGLES_COLUMN) >= _cell_need(table, STRUGGLES_COLUMN)
    assert header.sectionSize(WHAT_COLUMN) < _cell_need(table, WHAT_COLUMN)
    assert abs(header.sectionSize(WHAT_COLUMN) - header.sectionSize(PATTERNS_COLUMN)) <= 1
    assert title in page.model.index(0, WHAT_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "Sliding window" in page.model.index(0, PATTERNS_COLUMN).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_a_long_list_of_struggles_takes_what_a_wide_window_spares(
    open_page, context: AppContext
) -> None:
    _log(context, "3Sum", ("graphs-topological-sort",))
    attempt = Attempt(
        subject=AttemptSubject("Two Sum", None, None, kind="code", target_minutes=25),
        started_at=context.now(),
        active_seconds=20 * 60,
        outcome=Outcome.STUCK,
        confidence=2,
        patterns=("dynamic-programming",),
        struggles=("complexity-analysis", "off-by-one", "dynamic-programming", "edge-cases"),
    )
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=context.now())
    page: PracticeLogPage = open_page(PracticeLogPage, (1800, 900))  # a 1920-wide window
    table, header = page.table, page.table.horizontalHeader()
    for column in (WHAT_COLUMN, PATTERNS_COLUMN, STRUGGLES_COLUMN):
        assert header.sectionSize(column) >= _cell_need(table, column), column
    assert _cut_columns(table) == set()
