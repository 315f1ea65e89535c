"""The Journal's own search and Search everything list journal hits in one order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.store import journal as journal_store
from desktop.store.search import HitKind
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from desktop.ui.search_dialog import SearchDialog

pytestmark = pytest.mark.any_date

# Written in this order, dated out of it: equally good hits must follow the days, not the
# order they were written in.
ENTRIES = (
    (0, "Heap notes", "Heap of tasks."),
    (-9, "Heap practice", "Heap of tasks."),
    (-3, "Queue day", "Heap of tasks."),
    (-20, "Heap heap heap", "Heap: the heap, a heap of heaps."),
    (-1, "Queue again", "Heap of tasks."),
    (-30, "Stack", "Nothing about it."),
)


@pytest.fixture
def entry_ids(context: AppContext) -> dict[str, int]:
    today = context.today()
    ids = {}
    with context.writing() as session:
        for offset, title, body in ENTRIES:
            draft = journal_store.EntryDraft(today + timedelta(days=offset), title, body)
            ids[title] = journal_store.create_entry(session=session, draft=draft, now=context.now())
    return ids


def _journal_order(qtbot, page: JournalPage, typed: str) -> list[int]:
    shown = page.searches_shown
    page.search.setText(typed)
    page._run_search()
    qtbot.waitUntil(lambda: page.searches_shown > shown, timeout=5000)
    rows = (page.model.row_at(row) for row in range(page.model.rowCount()))
    return [row.id for row in rows if row is not None]


def _search_everything_order(qtbot, context: AppContext, typed: str) -> list[int]:
    dialog = SearchDialog(context)
    qtbot.addWidget(dialog)
    dialog.box.setText(typed)
    dialog.search_now()
    qtbot.waitUntil(lambda: bool(dialog.hits()), timeout=5000)
    return [hit.record_id for hit in dialog.hits() if hit.kind == HitKind.ENTRY and hit.record_id]


def test_both_searches_list_the_same_hits_in_the_same_order(
    qtbot, open_page, context: AppContext, entry_ids: dict[str, int]
) -> None:
    page = open_page(JournalPage)
    in_journal = _journal_order(qtbot, page, "heap")
    everywhere = _search_everything_order(qtbot, context, "heap")
    assert in_journal == everywhere
    # The best match first (the word over and over, and in the title); then the entries
    # with it in the title; then, as equally good, the newest day first.
    titles = {entry_id: title for title, entry_id in entry_ids.items()}
    assert [titles[entry_id] for entry_id in in_journal] == [
        "Heap heap heap",
        "Heap notes",
        "Heap practice",
        "Queue again",
        "Queue day",
    ]


def test_equal_hits_keep_their_order_however_many_are_asked_for(
    context: AppContext, entry_ids: dict[str, int]
) -> None:
    with context.writing() as session:
        few = journal_store.search_entries(session=session, typed="tasks", limit=2)
        many = journal_store.search_entries(session=session, typed="tasks")
    assert [hit.entry_id for hit in few] == [hit.entry_id for hit in many[:2]]
    days = [hit.entry_date for hit in many]
    assert days == sorted(days, reverse=True) and len(days) == 4
    assert all(isinstance(day, date) for day in days)
