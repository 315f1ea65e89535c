"""A new journal entry the user never wrote in is dropped when they leave it; one they
changed in any way is theirs, and kept."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage

pytestmark = pytest.mark.any_date


def _stored(context: AppContext) -> dict[int, str]:
    with session_scope(context.profile.engine) as session:
        entries = journal_store.entries_between(
            session=session, first=context.today() - timedelta(days=400),
            last=context.today() + timedelta(days=400), limit=100,
        )  # fmt: skip
        return {
            entry.id: journal_store.get_entry(session=session, entry_id=entry.id).body  # type: ignore[union-attr]
            for entry in entries
        }


@pytest.fixture
def page(open_page) -> JournalPage:
    return open_page(JournalPage)


@pytest.fixture
def written(page: JournalPage) -> int:
    """An entry the user wrote yesterday."""
    entry_id = page.new_entry(entry_date=page.context.today() - timedelta(days=1))
    assert entry_id is not None
    page.editor.markdown.editor.setPlainText("Heaps keep the smallest on top.")
    assert page.editor.flush()
    return entry_id


def test_a_second_new_entry_replaces_an_untouched_first(
    page: JournalPage, context: AppContext, written: int
) -> None:
    first = page.new_entry()
    second = page.new_entry()
    assert first is not None and second is not None and first != second
    assert set(_stored(context)) == {written, second}
    assert page.editor.entry_id == second
    assert not page.undo_bar.isVisible()  # dropped without a word: nothing of the user's went


def test_opening_another_entry_drops_the_untouched_new_one(
    page: JournalPage, context: AppContext, written: int
) -> None:
    fresh = page.new_entry()
    assert fresh is not None and page.model.row_of(fresh) >= 0
    assert page.open_entry(written)
    assert set(_stored(context)) == {written}
    assert page.model.row_of(fresh) < 0 and page.model.row_of(written) >= 0


def test_leaving_the_page_drops_it_and_shows_the_entry_open_before(
    context: AppContext, open_window
) -> None:
    window = open_window()
    journal = window.open_page("journal", JournalPage)
    kept = journal.new_entry(entry_date=context.today() - timedelta(days=3))
    journal.editor.title.setText("Kept")
    journal.editor.title.textEdited.emit("Kept")
    assert kept is not None
    fresh = journal.new_entry()
    assert fresh is not None
    window.show_page("plan")
    assert set(_stored(context)) == {kept}
    assert journal.editor.entry_id == kept and journal.right.currentIndex() == 1


def test_closing_the_window_drops_it(context: AppContext, open_window) -> None:
    window = open_window()
    journal = window.open_page("journal", JournalPage)
    assert journal.new_entry() is not None
    assert window.close()
    assert _stored(context) == {}


def test_text_typed_is_never_dropped(page: JournalPage, context: AppContext, written: int) -> None:
    fresh = page.new_entry()
    assert fresh is not None
    page.editor.markdown.editor.setPlainText("One line, not yet saved.")
    assert page.open_entry(written)  # no pause for the autosave
    assert _stored(context)[fresh] == "One line, not yet saved."


def test_an_entry_typed_in_and_cleared_is_kept(
    page: JournalPage, context: AppContext, written: int
) -> None:
    """Emptying it was an edit of the user's, like any other: the entry stays, empty."""
    fresh = page.new_entry()
    assert fresh is not None
    page.editor.markdown.editor.setPlainText("Draft")
    page.editor.markdown.editor.setPlainText("")
    page.flush()
    assert page.open_entry(written)
    assert _stored(context)[fresh] == ""


def test_a_weekly_review_left_as_written_by_the_app_is_dropped_too(
    page: JournalPage, context: AppContext, written: int
) -> None:
    template = context.profile.template("weekly-review")
    fresh = page.new_entry(template=template)
    assert fresh is not None and "Sessions logged" in _stored(context)[fresh]
    assert page.open_entry(written)
    assert set(_stored(context)) == {written}


def test_the_store_keeps_an_entry_once_a_change_was_saved(context: AppContext) -> None:
    day = context.today()
    with context.writing() as session:
        fresh = journal_store.create_entry(
            session=session, draft=journal_store.EntryDraft(day, "New", ""), now=context.now()
        )
        changed = journal_store.create_entry(
            session=session, draft=journal_store.EntryDraft(day, "New", ""), now=context.now()
        )
        journal_store.save_entry(
            session=session, entry_id=changed,
            draft=journal_store.EntryDraft(day, "Mine", ""), now=context.now(),
        )  # fmt: skip
    with context.writing() as session:
        assert not journal_store.discard_unsaved_new_entry(session=session, entry_id=changed)
        assert journal_store.discard_unsaved_new_entry(session=session, entry_id=fresh)
    assert set(_stored(context)) == {changed}


def test_when_it_cannot_be_dropped_it_stays_without_a_word(
    page: JournalPage, context: AppContext, written: int, monkeypatch
) -> None:
    from desktop.store.errors import WriteFailed
    from desktop.ui.widgets import dialogs

    def disk_full(**_kwargs: object) -> bool:
        raise WriteFailed("the disk is full. Free some space and try again")

    told: list[object] = []
    monkeypatch.setattr(dialogs, "tell_problem", lambda *args, **kwargs: told.append(args))
    monkeypatch.setattr(journal_store, "discard_unsaved_new_entry", disk_full)
    fresh = page.new_entry()
    assert fresh is not None and page.open_entry(written)
    assert set(_stored(context)) == {written, fresh} and not told


def test_an_export_keeps_the_new_entry_the_user_is_on(
    qtbot, context: AppContext, open_window, tmp_path, monkeypatch
) -> None:
    """Exporting is not leaving: the entry just made stays open (and goes into the file)."""
    from desktop.ui.safety import transfer_actions
    from desktop.ui.widgets import dialogs

    window = open_window()
    journal = window.open_page("journal", JournalPage)
    fresh = journal.new_entry()
    target = tmp_path / "export.json"
    monkeypatch.setattr(dialogs, "choose_file_to_save", lambda *_args: str(target))
    monkeypatch.setattr(dialogs, "tell", lambda *_args, **_kwargs: None)
    transfer_actions.export_json(window)
    qtbot.waitUntil(target.exists)
    assert journal.editor.entry_id == fresh and set(_stored(context)) == {fresh}
    window.show_page("plan")  # leaving it untouched still drops it
    assert _stored(context) == {}
