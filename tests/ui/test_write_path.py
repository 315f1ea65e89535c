"""One write path: signals follow what a write changed; failures are sorted by SQLite's code."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from desktop.domain.progress import ItemStatus
from desktop.domain.stories import StoryDraft
from desktop.store import journal as journal_store
from desktop.store import progress as progress_store
from desktop.store import stories as story_store
from desktop.store.errors import Trouble, WriteFailed, classify
from desktop.store.journal import EntryDraft
from desktop.store.models import JournalEntry
from desktop.ui.context import AppContext
from desktop.ui.stories.page import StoriesPage

pytestmark = pytest.mark.any_date

SIGNALS = ("journal", "sessions", "stories", "plan", "mocks", "progress")


def _listen(context: AppContext) -> list[str]:
    heard: list[str] = []
    for name in SIGNALS:
        signal = getattr(context.events, f"{name}_changed")
        if name == "progress":
            signal.connect(lambda path_id: heard.append(f"progress:{path_id}"))
        else:
            signal.connect(lambda name=name: heard.append(name))
    return heard


def _entry(context: AppContext, title: str = "Two pointers") -> int:
    draft = EntryDraft(entry_date=context.today(), title=title, body="Went well.")
    return context.perform(
        lambda session: journal_store.create_entry(session=session, draft=draft, now=context.now())
    )


def test_a_write_announces_what_it_wrote_and_nothing_else(context: AppContext) -> None:
    heard = _listen(context)
    _entry(context)
    assert heard == ["journal"]


def test_a_write_that_changes_nothing_announces_nothing(context: AppContext) -> None:
    entry_id = _entry(context)
    heard = _listen(context)
    same = EntryDraft(entry_date=context.today(), title="Two pointers", body="Went well.")
    with context.writing() as session:
        changed = journal_store.save_entry(
            session=session, entry_id=entry_id, draft=same, now=context.now()
        )
    assert changed is False and heard == []


def test_progress_names_the_learning_path_it_moved(context: AppContext) -> None:
    path = context.profile.library.paths[0]
    stage = path.stages[0]
    heard = _listen(context)
    with context.writing() as session:
        progress_store.set_status(
            session=session,
            path_id=path.id,
            stage_id=stage.id,
            item=stage.items[0],
            status=ItemStatus.DONE,
            now=context.now(),
        )
    assert heard == [f"progress:{path.id}"]


def test_bulk_statements_are_announced_too(context: AppContext) -> None:
    draft = StoryDraft(title="The outage", themes=("ownership",))
    story_id = context.perform(
        lambda session: story_store.create_story(session=session, draft=draft, now=context.now())
    )
    heard = _listen(context)
    with context.writing() as session:  # replaces the themes with a bulk delete, then inserts
        story_store.save_story(
            session=session,
            story_id=story_id,
            draft=StoryDraft(title="The outage", themes=("conflict",)),
            now=context.now(),
        )
    assert heard == ["stories"]


def test_a_failed_write_announces_nothing_and_changes_nothing(context: AppContext) -> None:
    heard = _listen(context)

    def half_then_fail(session: object) -> None:
        journal_store.create_entry(
            session=session,  # type: ignore[arg-type]
            draft=EntryDraft(entry_date=context.today(), title="Half", body=""),
            now=context.now(),
        )
        raise sqlite3.OperationalError("database or disk is full")

    with pytest.raises(WriteFailed):
        context.perform(half_then_fail)
    assert heard == []
    with context.writing() as session:
        assert journal_store.newest_entry(session=session) is None


def test_a_bug_in_a_write_leaves_a_report_and_says_so(context: AppContext) -> None:
    entry_id = _entry(context)

    def duplicate(session: object) -> None:
        clash = JournalEntry(
            id=entry_id,
            entry_date=context.today(),
            title="Same id",
            body="",
            created_at=context.now(),
            updated_at=context.now(),
        )
        session.add(clash)  # type: ignore[attr-defined]

    with pytest.raises(WriteFailed) as failed:
        context.perform(duplicate, "saving the entry")
    assert failed.value.trouble is Trouble.BUG
    reports = list((context.profile.folder.data_dir / "reports").glob("bug-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in failed.value.reason
    report = reports[0].read_text(encoding="utf-8")
    assert "saving the entry" in report and "IntegrityError" in report


def _sqlite_error(action: object) -> sqlite3.Error:
    try:
        action()  # type: ignore[operator]
    except sqlite3.Error as error:
        return error
    raise AssertionError("SQLite raised nothing")


def test_real_sqlite_failures_are_told_apart_by_their_code(tmp_path: Path) -> None:
    database = tmp_path / "real.sqlite3"
    with closing(sqlite3.connect(database)) as setup:
        setup.execute("CREATE TABLE t (x)")
        setup.commit()

    holder = sqlite3.connect(database)
    holder.execute("BEGIN EXCLUSIVE")
    with closing(sqlite3.connect(database, timeout=0.05)) as other:
        locked = _sqlite_error(lambda: other.execute("INSERT INTO t VALUES (1)"))
    holder.rollback()
    holder.close()

    uri = f"{database.as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as read_only_connection:
        read_only = _sqlite_error(lambda: read_only_connection.execute("INSERT INTO t VALUES (1)"))

    garbage = tmp_path / "not-a-database.sqlite3"
    garbage.write_bytes(b"this is not a database file at all" * 200)
    with closing(sqlite3.connect(garbage)) as foreign:
        not_a_database = _sqlite_error(lambda: foreign.execute("SELECT * FROM t"))

    with closing(sqlite3.connect(database)) as fine:
        no_such_table = _sqlite_error(lambda: fine.execute("SELECT * FROM missing"))

    assert classify(locked) is Trouble.LOCKED
    assert classify(read_only) is Trouble.READ_ONLY
    assert classify(not_a_database) is Trouble.DAMAGED
    assert classify(no_such_table) is Trouble.BUG  # a programming mistake, not the disk
    wrapped = IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))
    assert classify(wrapped) is Trouble.BUG
    assert classify(OSError(28, "No space left on device")) is Trouble.DISK_FULL
    assert classify(SQLAlchemyError("no code at all")) is Trouble.BUG


def test_a_renamed_journal_entry_is_renamed_in_the_story_that_links_it(
    qtbot, context: AppContext
) -> None:
    entry_id = _entry(context, "Mock with Sam")
    page = StoriesPage(context)
    qtbot.addWidget(page)
    page.show()
    story_id = page.new_story(StoryDraft(title="Sam's feedback", journal_entry_ids=(entry_id,)))
    assert story_id is not None
    assert page.editor.links.item(0).text().find("Mock with Sam") >= 0

    renamed = EntryDraft(entry_date=context.today(), title="Mock with Sam, round 2", body="")
    with context.writing() as session:
        journal_store.save_entry(
            session=session, entry_id=entry_id, draft=renamed, now=context.now()
        )
    assert "Mock with Sam, round 2" in page.editor.links.item(0).text()
    assert not page.editor.has_unsaved_changes()


def test_an_editor_is_marked_saved_before_the_views_read_its_save_again(
    qtbot, context: AppContext
) -> None:
    """The story bank re-reads on its own save: that must not look like a change from
    elsewhere (a restore) and put up the 'changed outside this editor' notice."""
    page = StoriesPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.new_story(StoryDraft(title="Migration")) is not None
    for words in ("We moved", "We moved the billing tables", "I led the move"):
        page.editor.title.setText(words)
        page.editor.title.textEdited.emit(words)
        assert page.editor.flush()
        assert not page.editor.notice.isVisibleTo(page)
        assert not page.editor.has_unsaved_changes()
    assert page.model.rowCount() == 1
