"""Whether a profile holds anything its user made: a new one holds nothing."""

from __future__ import annotations

from desktop.domain.stories import StoryDraft
from desktop.profile import Profile
from desktop.store import plan as plan_store
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.journal import EntryDraft, create_entry
from desktop.store.user_data import holds_user_data
from tests.clocks import clock_start

NOW = clock_start()


def _holds(profile: Profile) -> bool:
    with session_scope(profile.engine) as session:
        return holds_user_data(session=session)


def test_a_new_profile_holds_nothing(profile: Profile) -> None:
    assert not _holds(profile)


def test_a_journal_entry_is_user_data_and_its_removal_empties_the_profile(
    profile: Profile,
) -> None:
    from desktop.store.journal import delete_entry

    with session_scope(profile.engine) as session:
        draft = EntryDraft(entry_date=NOW.date(), title="First", body="Hello")
        entry = create_entry(session=session, draft=draft, now=NOW)
    assert _holds(profile)
    with session_scope(profile.engine) as session:
        delete_entry(session=session, entry_id=entry)
    assert not _holds(profile)  # the search index's own rows do not count


def test_a_story_alone_is_user_data(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        story_store.create_story(session=session, draft=StoryDraft(title="Outage"), now=NOW)
    assert _holds(profile)


def test_a_weekly_budget_alone_is_user_data(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        plan_store.set_hours_per_week(session=session, hours=6)
    assert _holds(profile)
