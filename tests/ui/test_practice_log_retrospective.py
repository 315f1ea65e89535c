"""Open retrospective is on only for an attempt that has one, and follows the journal."""

from __future__ import annotations

import pytest

from desktop.domain.journal import EntryKind
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store.journal_trash import JOURNAL_TRASH
from desktop.ui.context import AppContext
from desktop.ui.practice.log_page import PracticeLogPage
from desktop.ui.practice.recording import record_attempt

NO_RETROSPECTIVE = "This attempt has no retrospective yet"


def _attempt(context: AppContext, title: str) -> Attempt:
    return Attempt(
        subject=AttemptSubject(title, "backend-senior", "3sum", kind="code", target_minutes=25),
        started_at=context.now(), active_seconds=1200, outcome=Outcome.SOLVED, confidence=4,
    )  # fmt: skip


def _log_without_retrospective(context: AppContext, title: str) -> int:
    with context.writing() as session:
        return practice_store.log_attempt(
            session=session, attempt=_attempt(context, title), now=context.now()
        )


def _write_retrospective(context: AppContext, attempt_id: int) -> int:
    draft = journal_store.EntryDraft(
        context.today(), "Looking back", "It went well.", EntryKind.RETROSPECTIVE,
        attempt_id=attempt_id,
    )  # fmt: skip
    with context.writing() as session:
        return journal_store.create_entry(session=session, draft=draft, now=context.now())


def _delete_entry(context: AppContext, entry_id: int) -> None:
    with context.writing() as session:
        JOURNAL_TRASH.delete(session=session, record_id=entry_id, now=context.now())


def _select(page: PracticeLogPage, title: str) -> None:
    row = next(r for r in range(page.model.rowCount()) if page.model.attempt_at(r).title == title)  # type: ignore[union-attr]
    page.table.selectRow(row)


@pytest.fixture
def page(open_page) -> PracticeLogPage:
    return open_page(PracticeLogPage)


def test_open_retrospective_is_on_only_for_an_attempt_that_has_one(
    qtbot, page: PracticeLogPage, context: AppContext
) -> None:
    assert not page.retro_button.isEnabled()  # nothing selected
    _log_without_retrospective(context, "Two Sum")
    entry_id = record_attempt(context, _attempt(context, "3Sum"), None)
    assert entry_id is not None
    assert page.model.rowCount() == 2
    assert not page.retro_button.isEnabled()  # still nothing selected

    _select(page, "Two Sum")
    assert not page.retro_button.isEnabled()
    assert page.retro_button.toolTip() == NO_RETROSPECTIVE  # says why it is off

    _select(page, "3Sum")
    assert page.retro_button.isEnabled()
    with qtbot.waitSignal(context.events.open_journal_entry) as opened:
        page.retro_button.click()
    assert opened.args == [entry_id]

    page.table.clearSelection()
    assert not page.retro_button.isEnabled()


def test_open_retrospective_follows_a_retrospective_written_or_deleted_elsewhere(
    page: PracticeLogPage, context: AppContext
) -> None:
    attempt_id = _log_without_retrospective(context, "Two Sum")
    page.table.selectRow(0)
    assert not page.retro_button.isEnabled()

    entry_id = _write_retrospective(context, attempt_id)  # in the journal, say
    assert page.retro_button.isEnabled()
    assert page.retro_button.toolTip() != NO_RETROSPECTIVE

    _delete_entry(context, entry_id)
    assert not page.retro_button.isEnabled()
    with context.writing() as session:
        JOURNAL_TRASH.restore(session=session, record_id=entry_id)  # Undo in the journal
    assert page.retro_button.isEnabled()


def test_a_retrospective_deleted_while_the_log_is_hidden_is_seen_when_it_shows(
    page: PracticeLogPage, context: AppContext
) -> None:
    entry_id = record_attempt(context, _attempt(context, "3Sum"), None)
    assert entry_id is not None
    page.table.selectRow(0)
    assert page.retro_button.isEnabled()
    page.hide()
    _delete_entry(context, entry_id)
    page.show()
    assert page.table.selectionModel().hasSelection()
    assert not page.retro_button.isEnabled()
