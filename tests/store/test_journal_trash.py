"""A deleted journal entry leaves every list, search and count, and Undo brings it back whole:
its id, text, date, retrospective link and the stories that linked to it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.domain.stories import StoryDraft
from desktop.profile import Profile
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.journal import EntryDraft
from desktop.store.journal_trash import JOURNAL_TRASH
from tests.samples import solved_attempt

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
DAY = date(2026, 11, 1)


def _entry(profile: Profile, title: str, body: str = "Two pointers from both ends.") -> int:
    with session_scope(profile.engine) as session:
        return journal_store.create_entry(
            session=session, draft=EntryDraft(DAY, title, body, tags=("arrays",)), now=NOW
        )


def _found(profile: Profile, typed: str) -> list[int]:
    with session_scope(profile.engine) as session:
        return [hit.entry_id for hit in journal_store.search_entries(session=session, typed=typed)]


def _listed(profile: Profile) -> list[int]:
    with session_scope(profile.engine) as session:
        return [e.id for e in journal_store.entries_between(session=session, first=DAY, last=DAY)]


def test_a_deleted_entry_is_gone_and_comes_back_whole(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        attempt = practice_store.log_attempt(
            session=session,
            attempt=solved_attempt("Two Sum", NOW),
            now=NOW,
        )
        entry_id = journal_store.create_entry(
            session=session,
            draft=EntryDraft(DAY, "Zebra retro", "Quokka pointers.", attempt_id=attempt),
            now=NOW,
        )
        story_id = story_store.create_story(
            session=session,
            draft=StoryDraft(title="Outage", journal_entry_ids=(entry_id,)),
            now=NOW,
        )
    with session_scope(profile.engine) as session:
        before = journal_store.get_entry(session=session, entry_id=entry_id)

    with session_scope(profile.engine) as session:
        JOURNAL_TRASH.delete(session=session, record_id=entry_id, now=NOW)
    assert _listed(profile) == [] and _found(profile, "quokka") == []
    with session_scope(profile.engine) as session:
        story = story_store.get_story(session=session, story_id=story_id)
        assert story is not None and story.draft.journal_entry_ids == ()

    with session_scope(profile.engine) as session:
        back = JOURNAL_TRASH.restore(session=session, record_id=entry_id)
    assert back == entry_id
    assert _listed(profile) == [entry_id] and _found(profile, "quokka") == [entry_id]
    with session_scope(profile.engine) as session:
        assert journal_store.get_entry(session=session, entry_id=entry_id) == before
        story = story_store.get_story(session=session, story_id=story_id)
        assert story is not None and story.draft.journal_entry_ids == (entry_id,)
        # Out of the trash once back: a second undo brings nothing.
        assert JOURNAL_TRASH.restore(session=session, record_id=entry_id) is None


def test_an_entry_whose_id_was_taken_meanwhile_comes_back_under_a_new_one(
    profile: Profile,
) -> None:
    entry_id = _entry(profile, "Newest, then deleted", body="Kangaroo.")
    with session_scope(profile.engine) as session:
        JOURNAL_TRASH.delete(session=session, record_id=entry_id, now=NOW)
    newer = _entry(profile, "Written after the delete", body="Wombat.")

    with session_scope(profile.engine) as session:
        back = JOURNAL_TRASH.restore(session=session, record_id=entry_id)

    assert newer == entry_id  # SQLite gives the newest row's id to the next one
    assert back is not None and back != entry_id
    assert _found(profile, "kangaroo") == [back]
    assert _found(profile, "wombat") == [newer]


def test_deleting_an_unknown_entry_does_nothing(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        JOURNAL_TRASH.delete(session=session, record_id=404, now=NOW)
        assert JOURNAL_TRASH.restore(session=session, record_id=404) is None


def test_two_deletes_of_one_reused_id_both_come_back(profile: Profile) -> None:
    _entry(profile, "Kept", "Stays.")  # so the deleted one is not the only row
    first = _entry(profile, "First", "Aardvark notes.")
    with session_scope(profile.engine) as session:
        JOURNAL_TRASH.delete(session=session, record_id=first, now=NOW)
    second = _entry(profile, "Second", "Bison notes.")
    assert second == first  # SQLite gives the freed id to the next entry
    with session_scope(profile.engine) as session:
        JOURNAL_TRASH.delete(session=session, record_id=second, now=NOW)

    with session_scope(profile.engine) as session:  # Undo, newest first
        assert JOURNAL_TRASH.restore(session=session, record_id=second) == second
    with session_scope(profile.engine) as session:
        back = JOURNAL_TRASH.restore(session=session, record_id=first)
    assert back is not None and back != second
    assert _found(profile, "bison") == [second] and _found(profile, "aardvark") == [back]
