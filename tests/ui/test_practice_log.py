from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.log_page import PracticeLogPage
from desktop.ui.practice.recording import record_attempt
from tests.failures import SQLITE_BUSY, sqlite_failure
from tests.helpers.told import problems_told
from tests.samples import read_back

if TYPE_CHECKING:
    from tests.ui.conftest import EditAttempt

ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


def _log(context: AppContext, title: str, minutes: int) -> int:
    attempt = Attempt(
        subject=AttemptSubject(title, "backend-senior", "3sum", kind="code", target_minutes=25),
        started_at=context.now(),
        active_seconds=minutes * 60,
        outcome=Outcome.PARTIAL,
        confidence=2,
        patterns=("two-pointers",),
        struggles=("off-by-one",),
    )
    with session_scope(context.profile.engine) as session:
        return practice_store.log_attempt(session=session, attempt=attempt, now=context.now())


@pytest.fixture
def page(open_page) -> PracticeLogPage:
    return open_page(PracticeLogPage)


def test_empty_log_says_how_to_start(page: PracticeLogPage) -> None:
    assert page.area.currentIndex() == 1
    assert page.summary.text() == "0 sessions"
    assert not page.edit_button.isEnabled()


def test_attempts_are_listed_with_labels(qtbot, page: PracticeLogPage, context: AppContext) -> None:
    _log(context, "3Sum", 31)
    context.events.sessions_changed.emit()
    assert page.model.rowCount() == 1
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[1:] == ["3Sum", "31 / 25 min", "Partial", "2 / 5", "Two pointers", "Off-by-one"]
    assert page.summary.text() == "1 session · 31 min"


def test_delete_then_undo_brings_the_attempt_back(
    page: PracticeLogPage, context: AppContext
) -> None:
    attempt_id = _log(context, "3Sum", 31)
    context.events.sessions_changed.emit()
    page.table.selectRow(0)
    page.delete_button.click()
    assert page.model.rowCount() == 0 and page.undo_bar.isVisibleTo(page)
    page.undo_action.trigger()
    assert page.model.rowCount() == 1 and not page.undo_bar.isVisibleTo(page)
    with session_scope(context.profile.engine) as session:
        assert practice_store.get_attempt(session=session, attempt_id=attempt_id) is not None


def test_editing_an_attempt_keeps_its_identity(
    page: PracticeLogPage, context: AppContext, edit_selected_attempt: EditAttempt
) -> None:
    attempt_id = _log(context, "3Sum", 31)
    context.events.sessions_changed.emit()
    page.table.selectRow(0)

    def change(dialog: FinishSessionDialog) -> None:
        dialog.choose(Outcome.SOLVED, 4)
        dialog.minutes.setValue(28)

    attempt = edit_selected_attempt(page, attempt_id, change)
    assert (attempt.outcome, attempt.confidence, attempt.minutes) == (Outcome.SOLVED, 4, 28)
    assert attempt.patterns == ("two-pointers",)


def test_editing_an_attempt_corrects_its_retrospectives_facts_and_keeps_the_users_text(
    page: PracticeLogPage, context: AppContext, edit_selected_attempt: EditAttempt
) -> None:
    attempt = Attempt(
        subject=AttemptSubject("3Sum", "backend-senior", "3sum", kind="code", target_minutes=25),
        started_at=context.now(), active_seconds=60, outcome=Outcome.PARTIAL, confidence=2,
    )  # fmt: skip
    entry_id = record_attempt(context, attempt, None)
    assert entry_id is not None
    entry = read_back(context.profile.engine, lambda s: journal_store.get_entry(
        session=s, entry_id=entry_id))  # fmt: skip
    assert "- Time: 1 min (target 25)" in entry.body.splitlines()
    typed = entry.body.replace("- Outcome: Partial", "- Outcome: Partial (needed a hint)")
    typed += "Sorting first made it easy."
    with session_scope(context.profile.engine) as session:
        journal_store.save_entry(
            session=session, entry_id=entry_id, now=context.now(),
            draft=journal_store.EntryDraft(
                entry.entry_date, entry.title, typed, entry.kind, entry.tags, entry.template_id,
                entry.attempt_id, entry.path_id, entry.item_id,
            ),
        )  # fmt: skip
    context.events.sessions_changed.emit()
    page.table.selectRow(0)
    changed: list[bool] = []
    context.events.journal_changed.connect(lambda: changed.append(True))

    def change(dialog: FinishSessionDialog) -> None:
        dialog.choose(Outcome.SOLVED, 4)
        dialog.minutes.setValue(31)

    edit_selected_attempt(page, attempt_id_of(context, entry_id), change)
    body = read_back(context.profile.engine, lambda s: journal_store.get_entry(
        session=s, entry_id=entry_id)).body  # fmt: skip
    lines = body.splitlines()
    assert "- Time: 31 min (target 25)" in lines and "- Confidence: 4 of 5" in lines
    assert "- Outcome: Partial (needed a hint)" in lines  # the user's own words stay
    assert body.endswith("Sorting first made it easy.")
    assert changed  # the journal re-reads what it shows


def attempt_id_of(context: AppContext, entry_id: int) -> int:
    entry = read_back(context.profile.engine, lambda s: journal_store.get_entry(
        session=s, entry_id=entry_id))  # fmt: skip
    assert entry.attempt_id is not None
    return entry.attempt_id


def test_range_filter_hides_old_attempts(page: PracticeLogPage, context: AppContext) -> None:
    old = Attempt(
        subject=AttemptSubject("Old drill"),
        started_at=datetime(2020, 1, 1, tzinfo=UTC),
        active_seconds=600,
        outcome=Outcome.SOLVED,
        confidence=4,
    )
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=old, now=context.now())
    page.reload()
    assert page.model.rowCount() == 0
    page.range.setCurrentIndex(page.range.count() - 1)  # everything
    assert page.model.rowCount() == 1


def test_each_delete_can_be_undone_in_turn(page: PracticeLogPage, context: AppContext) -> None:
    for title in ("First", "Second", "Third"):
        _log(context, title, 20)
    context.events.sessions_changed.emit()
    page.table.selectRow(0)
    page.delete_button.click()
    assert page.delete_button.isEnabled()  # the next row is selected: keep deleting
    page.delete_button.click()
    assert page.model.rowCount() == 1
    page.undo_action.trigger()
    page.undo_action.trigger()
    assert page.model.rowCount() == 3 and not page.undo_bar.isVisibleTo(page)


def test_editing_a_quiz_attempt_keeps_its_missed_topics(
    page: PracticeLogPage, context: AppContext, edit_selected_attempt: EditAttempt
) -> None:
    quiz_attempt = Attempt(
        subject=AttemptSubject("System design questions", "backend-senior", "system-design-quiz",
                               kind="quiz"),
        started_at=context.now(), active_seconds=1200, outcome=Outcome.PARTIAL, confidence=3,
        struggles=("capacity estimation", "sharding"), quiz_correct=15, quiz_total=25,
    )  # fmt: skip
    with session_scope(context.profile.engine) as session:
        attempt_id = practice_store.log_attempt(
            session=session, attempt=quiz_attempt, now=context.now()
        )
    context.events.sessions_changed.emit()
    page.table.selectRow(0)
    edited = edit_selected_attempt(page, attempt_id, lambda dialog: dialog.minutes.setValue(18))
    assert edited.minutes == 18
    assert edited.struggles == ("capacity estimation", "sharding")
    assert (edited.quiz_correct, edited.quiz_total) == (15, 25)


def test_a_locked_database_while_reading_is_explained(page: PracticeLogPage, monkeypatch) -> None:

    told = problems_told(monkeypatch)

    def locked(**_kwargs: object) -> tuple[int, int]:
        raise sqlite_failure(SQLITE_BUSY, "SELECT")

    monkeypatch.setattr(practice_store, "log_totals", locked)
    page.reload()
    assert told and "another program is using the database" in told[0]


def test_an_attempt_opened_from_elsewhere_is_selected_even_when_filtered_out(
    page: PracticeLogPage, context: AppContext
) -> None:
    recent = _log(context, "3Sum", 31)
    old = Attempt(
        subject=AttemptSubject("Course Schedule", "sre-devops", "x", kind="code"),
        started_at=context.now() - timedelta(days=200),
        active_seconds=600,
        outcome=Outcome.STUCK,
        confidence=1,
    )
    with session_scope(context.profile.engine) as session:
        old_id = practice_store.log_attempt(session=session, attempt=old, now=context.now())
    page.path_filter.setCurrentIndex(page.path_filter.findData("backend-senior"))
    context.events.sessions_changed.emit()

    assert page.show_attempt(recent)
    assert page.selected() is not None and page.selected().id == recent
    assert page.range.currentText() == "Last 30 days"  # on show: the filters stay as they were

    assert page.show_attempt(old_id)
    selected = page.selected()
    assert selected is not None and selected.id == old_id
    assert page.range.currentText() == "Everything" and page.path_filter.currentIndex() == 0

    assert not page.show_attempt(10_000)  # deleted or never there: nothing to select


def test_a_narrow_page_keeps_what_was_practised_readable(page: PracticeLogPage) -> None:
    from desktop.ui.practice.log_page import (
        CONFIDENCE_COLUMN,
        PATTERNS_COLUMN,
        STRUGGLES_COLUMN,
    )

    page.resize(1300, 700)
    assert not page.table.isColumnHidden(PATTERNS_COLUMN)
    assert not page.table.isColumnHidden(STRUGGLES_COLUMN)
    page.resize(1090, 700)  # the page's share of a 1280-wide window keeps every column
    assert not page.table.isColumnHidden(STRUGGLES_COLUMN)
    page.resize(950, 700)
    assert not page.table.isColumnHidden(PATTERNS_COLUMN)
    assert page.table.isColumnHidden(STRUGGLES_COLUMN)
    assert not page.table.isColumnHidden(CONFIDENCE_COLUMN)
    page.resize(560, 470)  # the page's share of the smallest window
    assert page.table.isColumnHidden(PATTERNS_COLUMN)
    assert page.table.isColumnHidden(CONFIDENCE_COLUMN)
    page.resize(1300, 700)
    assert not page.table.isColumnHidden(PATTERNS_COLUMN)
    assert not page.table.isColumnHidden(STRUGGLES_COLUMN)


def test_a_garbled_saved_layout_falls_back_to_the_default_range(
    page: PracticeLogPage, context: AppContext
) -> None:
    for garbled in ("lots", "12"):  # not a number, or not a period on offer
        page.range.setCurrentIndex(0)
        context.settings.setValue("practice/period", garbled)
        page.restore_state(context.settings)
        assert page.range.currentText() == "Last 30 days"  # as for a new user


def test_the_chosen_period_is_kept_by_its_days(page: PracticeLogPage, context) -> None:
    for label in ("Last 6 months", "Everything"):
        page.range.setCurrentIndex(page.range.findText(label))
        page.save_state(context.settings)
        page.range.setCurrentIndex(0)
        page.restore_state(context.settings)
        assert page.range.currentText() == label


def test_the_log_and_trends_offer_the_same_periods(page: PracticeLogPage, open_page) -> None:
    from desktop.ui.trends.page import TrendsPage

    trends = open_page(TrendsPage)
    offered = [(page.range.itemText(i), page.range.itemData(i)) for i in range(page.range.count())]
    assert offered == [
        (trends.range.itemText(i), trends.range.itemData(i)) for i in range(trends.range.count())
    ]


def _log_many(context: AppContext, count: int) -> list[int]:
    """`count` attempts, one every 20 days back from now, newest first; attempt n took n+1 min."""
    ids = []
    with session_scope(context.profile.engine) as session:
        for n in range(count):
            attempt = Attempt(
                subject=AttemptSubject(f"Drill {n}"),
                started_at=context.now() - timedelta(days=20 * n, hours=1),
                active_seconds=(n + 1) * 60,
                outcome=Outcome.SOLVED,
                confidence=3,
                struggles=("off-by-one",) if n % 2 else (),
            )
            ids.append(
                practice_store.log_attempt(session=session, attempt=attempt, now=context.now())
            )
    return ids


def test_everything_lists_every_attempt_a_page_at_a_time(
    page: PracticeLogPage, context: AppContext, monkeypatch, qtmodeltester
) -> None:
    from desktop.ui.practice import attempt_table

    monkeypatch.setattr(attempt_table, "PAGE_ROWS", 4)
    monkeypatch.setattr(attempt_table, "KEPT_PAGES", 2)
    _log_many(context, 25)
    page.range.setCurrentIndex(page.range.count() - 1)

    model = page.model
    assert model.rowCount() == 25
    minutes = sum(range(1, 26))
    assert page.summary.text() == f"25 sessions · {minutes // 60} h {minutes % 60} min"
    titles = [model.index(row, 1).data() for row in range(25)]
    assert titles == [f"Drill {n}" for n in range(25)]  # newest first
    assert model.index(24, 2).data() == "25 min"
    assert model.index(23, 6).data() == "Off-by-one" and model.index(24, 6).data() == ""
    assert model.pages_kept == 2  # seven pages were read; only the last two are kept
    qtmodeltester.check(model)

    page.range.setCurrentIndex(page.range.findData(30))  # the long period's rows are let go
    assert model.rowCount() == 2 and model.pages_kept <= 1


def test_rows_read_for_a_hidden_page_are_let_go_and_read_again(
    page: PracticeLogPage, context: AppContext
) -> None:
    _log_many(context, 3)
    page.reload()
    assert page.model.index(0, 1).data() == "Drill 0"
    assert page.model.pages_kept == 1
    page.hide()
    assert page.model.pages_kept == 0
    page.show()
    assert page.model.index(1, 1).data() == "Drill 1"


def test_an_attempt_far_down_everything_is_found_and_selected(
    page: PracticeLogPage, context: AppContext, monkeypatch
) -> None:
    from desktop.ui.practice import attempt_table

    monkeypatch.setattr(attempt_table, "PAGE_ROWS", 4)
    ids = _log_many(context, 25)
    context.events.sessions_changed.emit()

    assert page.show_attempt(ids[22])
    assert page.range.currentText() == "Everything"
    assert page.table.selectionModel().selectedRows()[0].row() == 22
    selected = page.selected()
    assert selected is not None and selected.id == ids[22] and selected.minutes == 23


def test_a_page_of_rows_that_cannot_be_read_is_told_once(
    qtbot, page: PracticeLogPage, context: AppContext, monkeypatch
) -> None:

    _log_many(context, 3)
    page.reload()
    told = problems_told(monkeypatch)

    def locked(**_kwargs: object) -> list[practice_store.LogRow]:
        raise sqlite_failure(SQLITE_BUSY, "SELECT")

    monkeypatch.setattr(practice_store, "log_page", locked)
    page.model.release_rows()
    assert page.model.index(0, 1).data() is None  # blank, not a crash inside the drawing
    page.model.release_rows()
    assert page.model.index(1, 1).data() is None
    qtbot.waitUntil(lambda: bool(told))
    qtbot.wait(20)
    assert len(told) == 1 and "another program is using the database" in told[0]
    monkeypatch.undo()
    page.reload()  # the next read shows them again
    assert page.model.index(0, 1).data() == "Drill 0"


def test_column_titles_sit_over_their_text(page: PracticeLogPage, context: AppContext) -> None:
    """Left over left-aligned text, right over the numbers: never centred over either."""
    _log(context, "3Sum", 31)
    context.events.sessions_changed.emit()
    header = page.table.horizontalHeader()
    horizontal = Qt.AlignmentFlag.AlignHorizontal_Mask
    for column in range(page.model.columnCount()):
        title = page.model.headerData(column, Qt.Orientation.Horizontal, ALIGNMENT)
        cell = page.model.index(0, column).data(ALIGNMENT)
        title_side = Qt.AlignmentFlag(title) if title else header.defaultAlignment()
        cell_side = Qt.AlignmentFlag(cell) if cell else Qt.AlignmentFlag.AlignLeft
        assert title_side & horizontal == cell_side & horizontal, f"column {column}"


def test_another_period_starts_from_its_newest_row(
    qtbot, page: PracticeLogPage, context: AppContext
) -> None:
    with session_scope(context.profile.engine) as session:
        for n in range(120):  # one a day
            attempt = Attempt(
                subject=AttemptSubject(f"Daily {n}"),
                started_at=context.now() - timedelta(days=n, hours=1),
                active_seconds=600,
                outcome=Outcome.SOLVED,
                confidence=3,
            )
            practice_store.log_attempt(session=session, attempt=attempt, now=context.now())
    page.range.setCurrentIndex(page.range.findData(90))
    bar = page.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    page.range.setCurrentIndex(page.range.count() - 1)  # everything
    assert bar.value() == 0
    assert page.table.rowAt(0) == 0  # the newest attempt is the first row on show


def test_undo_selects_the_attempt_it_brings_back(
    page: PracticeLogPage, context: AppContext
) -> None:
    ids = [_log(context, title, 20) for title in ("First", "Second", "Third")]
    context.events.sessions_changed.emit()
    page.table.selectRow(1)
    deleted = page.selected_row()
    assert deleted is not None and deleted.id in ids
    page.delete_button.click()
    assert page.selected_row() is not None and page.selected_row().id != deleted.id
    page.undo_action.trigger()
    back = page.selected_row()
    assert back is not None and back.id == deleted.id  # Edit, Delete, Ctrl+Z go on from it
    page.undo_bar.undo_requested.emit()  # nothing more to bring back: the selection stays
    assert page.selected_row() is not None and page.selected_row().id == deleted.id


def test_an_edited_attempt_stays_selected_with_the_focus_on_the_log(
    page: PracticeLogPage, context: AppContext, edit_selected_attempt: EditAttempt
) -> None:
    ids = [_log(context, title, 20) for title in ("First", "Second", "Third")]
    context.events.sessions_changed.emit()
    page.table.selectRow(1)
    chosen = page.selected_row()
    assert chosen is not None and chosen.id in ids
    edit_selected_attempt(page, chosen.id, lambda dialog: dialog.choose(Outcome.SOLVED, 5))
    after = page.selected_row()
    assert after is not None and after.id == chosen.id and after.confidence == 5
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    assert page.window().focusWidget() is page.table  # not the sidebar: Enter edits it again


def _click_title(qtbot, page: PracticeLogPage, column: int) -> None:
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_a_click_on_a_column_title_sorts_the_log_and_keeps_the_choice(
    qtbot, page: PracticeLogPage, context: AppContext
) -> None:
    page.resize(1200, 600)
    for title, minutes in (("Short", 10), ("Long", 50), ("Middle", 30)):
        _log(context, title, minutes)
    context.events.sessions_changed.emit()
    titles = lambda: [page.model.index(row, 1).data() for row in range(3)]  # noqa: E731
    assert titles() == ["Middle", "Long", "Short"]  # newest first
    page.table.selectRow(2)

    _click_title(qtbot, page, 2)  # Time: the longest first
    assert titles() == ["Long", "Middle", "Short"]
    # Fusion draws the arrow at the right edge: a right-aligned title would sit under it.
    assert page.model.headerData(2, Qt.Orientation.Horizontal, ALIGNMENT) is None
    assert page.model.headerData(4, Qt.Orientation.Horizontal, ALIGNMENT) is not None
    assert page.selected_row() is not None and page.selected_row().title == "Short"
    _click_title(qtbot, page, 2)  # again: the other way
    assert titles() == ["Short", "Middle", "Long"]
    _click_title(qtbot, page, 1)  # What: A to Z
    assert titles() == ["Long", "Middle", "Short"]
    _click_title(qtbot, page, 5)  # Patterns hold lists: nothing changes
    assert titles() == ["Long", "Middle", "Short"]
    assert page.table.horizontalHeader().sortIndicatorSection() == 1


def test_the_log_keeps_its_order_and_shows_it_after_a_restart(
    qtbot, page: PracticeLogPage, context: AppContext, open_page
) -> None:
    for title, minutes in (("Short", 10), ("Long", 50)):
        _log(context, title, minutes)
    context.events.sessions_changed.emit()
    page.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    page.save_state(context.settings)
    again = open_page(PracticeLogPage)
    again.reload()
    assert [again.model.index(row, 1).data() for row in range(2)] == ["Short", "Long"]
    assert again.table.horizontalHeader().isSortIndicatorShown()
