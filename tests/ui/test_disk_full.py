"""A real full disk (SQLite's own SQLITE_FULL, from a page limit) while the user types: a clear
message, the text stays on screen, and it is saved once there is room again."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event

from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage


def test_a_full_disk_while_typing_keeps_the_text_and_says_why(
    qtbot: Any, context: AppContext
) -> None:
    page = JournalPage(context)
    qtbot.addWidget(page)
    page.show()
    entry_id = page.new_entry(entry_date=date(2026, 11, 2))
    assert entry_id is not None
    engine = context.profile.engine
    with session_scope(engine) as session:
        (used,) = session.connection().exec_driver_sql("PRAGMA page_count").one()
    room = {"pages": used}  # the file may not grow past its current size

    def limit(dbapi_connection: Any, _record: Any) -> None:
        if room["pages"]:
            dbapi_connection.execute(f"PRAGMA max_page_count={room['pages']}")

    event.listen(engine, "connect", limit)
    engine.dispose()

    typed = "What I learned today. " * 20_000  # far more than fits
    page.editor.markdown.editor.setPlainText(typed)
    page.editor.flush()

    assert "the disk is full" in page.editor.warning.text()
    assert f"({context.profile.folder.data_dir})" in page.editor.warning.text()  # which disk
    assert page.editor.save_state.text() == "Not saved yet"
    assert page.editor.markdown.editor.toPlainText() == typed
    assert page.has_unsaved_work()

    room["pages"] = 0  # space was freed
    engine.dispose()
    page.editor.flush()
    with session_scope(engine) as session:
        entry = journal_store.get_entry(session=session, entry_id=entry_id)
    assert entry is not None and entry.body == typed
    assert not page.has_unsaved_work()
