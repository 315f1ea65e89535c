"""Stories in the database: saved whole, tagged, linked, rehearsed, deleted with undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from desktop.domain.stories import Rehearsal, Scope, StoryDraft
from desktop.domain.story_themes import CustomTheme
from desktop.profile import Profile
from desktop.store import journal as journal_store
from desktop.store import stories as store
from desktop.store.database import session_scope
from tests.samples import OUTAGE_STORY

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

DRAFT = replace(OUTAGE_STORY, companies=("Amazon", " Stripe ", "Amazon"))


def test_a_story_is_saved_and_read_back_whole(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        story_id = store.create_story(session=session, draft=DRAFT, now=NOW)
    with session_scope(profile.engine) as session:
        story = store.get_story(session=session, story_id=story_id)
    assert story is not None
    assert story.draft.title == DRAFT.title and story.draft.result == DRAFT.result
    assert set(story.draft.themes) == {"production-incident", "ownership"}
    assert story.draft.scope is Scope.TEAMS
    assert story.draft.companies == ("Amazon", "Stripe")
    assert story.created_at == NOW and story.last_rehearsed is None


def test_saving_an_unchanged_story_writes_nothing(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        story_id = store.create_story(session=session, draft=DRAFT, now=NOW)
    later = NOW + timedelta(hours=1)
    reordered = StoryDraft(**{**DRAFT.__dict__, "themes": ("ownership", "production-incident")})
    with session_scope(profile.engine) as session:
        assert not store.save_story(session=session, story_id=story_id, draft=reordered, now=later)
    edited = StoryDraft(**{**DRAFT.__dict__, "themes": ("conflict",), "title": "Renamed"})
    with session_scope(profile.engine) as session:
        assert store.save_story(session=session, story_id=story_id, draft=edited, now=later)
    with session_scope(profile.engine) as session:
        story = store.get_story(session=session, story_id=story_id)
    assert story is not None
    assert story.draft.themes == ("conflict",) and story.draft.title == "Renamed"
    assert story.updated_at == later


def test_stories_are_listed_newest_change_first_with_their_last_rehearsal(
    profile: Profile,
) -> None:
    with session_scope(profile.engine) as session:
        first = store.create_story(session=session, draft=DRAFT, now=NOW)
        second = store.create_story(
            session=session, draft=StoryDraft(title="Second"), now=NOW + timedelta(minutes=1)
        )
        for days, rating in ((3, 2), (1, 4)):
            store.log_rehearsal(
                session=session,
                rehearsal=Rehearsal(first, NOW - timedelta(days=days), 150, rating, " ok "),
            )
    with session_scope(profile.engine) as session:
        stories = store.all_stories(session=session)
        rehearsals = store.rehearsals_of(session=session, story_id=first)
    assert [s.id for s in stories] == [second, first]
    assert stories[1].last_rehearsed == NOW - timedelta(days=1)
    assert stories[1].rehearsals == 2 and stories[0].rehearsals == 0
    assert [r.rating for r in rehearsals] == [4, 2]
    assert rehearsals[0].note == "ok" and rehearsals[0].rehearsed_at.tzinfo is not None


def test_a_deleted_story_comes_back_with_undo(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        story_id = store.create_story(session=session, draft=DRAFT, now=NOW)
        store.log_rehearsal(session=session, rehearsal=Rehearsal(story_id, NOW, 120, 3))
    with session_scope(profile.engine) as session:
        store.delete_story(session=session, story_id=story_id, now=NOW)
    with session_scope(profile.engine) as session:
        assert store.all_stories(session=session) == []
        assert store.get_story(session=session, story_id=story_id) is None
    with session_scope(profile.engine) as session:
        store.restore_story(session=session, story_id=story_id)
    with session_scope(profile.engine) as session:
        story = store.get_story(session=session, story_id=story_id)
    assert story is not None and story.rehearsals == 1 and len(story.draft.themes) == 2


def test_journal_links_survive_until_the_entry_is_deleted(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        entry_id = journal_store.create_entry(
            session=session,
            draft=journal_store.EntryDraft(
                entry_date=date(2026, 11, 1), title="Incident notes", body=""
            ),
            now=NOW,
        )
        linked = StoryDraft(title="Linked", journal_entry_ids=(entry_id, 999))
        story_id = store.create_story(session=session, draft=linked, now=NOW)
    with session_scope(profile.engine) as session:
        story = store.get_story(session=session, story_id=story_id)
        assert story is not None and story.draft.journal_entry_ids == (entry_id,)
        titles = store.journal_titles(session=session, entry_ids=(entry_id,))
        assert titles == [(entry_id, date(2026, 11, 1), "Incident notes")]
        assert store.recent_journal_entries(session=session) == titles
    with session_scope(profile.engine) as session:
        journal_store.delete_entry(session=session, entry_id=entry_id)
    with session_scope(profile.engine) as session:
        story = store.get_story(session=session, story_id=story_id)
    assert story is not None and story.draft.journal_entry_ids == ()


def test_the_users_own_themes_are_kept(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        store.add_custom_theme(
            session=session, theme=CustomTheme("my-on-call", "On-call", "Nights"), now=NOW
        )
    with session_scope(profile.engine) as session:
        assert store.custom_themes(session=session) == [
            CustomTheme("my-on-call", "On-call", "Nights")
        ]


def test_saving_a_deleted_story_is_refused(profile: Profile) -> None:
    import pytest

    with session_scope(profile.engine) as session:
        story_id = store.create_story(session=session, draft=DRAFT, now=NOW)
        store.delete_story(session=session, story_id=story_id, now=NOW)
    with pytest.raises(LookupError), session_scope(profile.engine) as session:
        store.save_story(session=session, story_id=story_id, draft=DRAFT, now=NOW)


def test_the_demo_stories_use_real_themes_and_have_rehearsals(profile: Profile) -> None:
    from desktop.store.demo_stories import populate_demo_stories

    with session_scope(profile.engine) as session:
        populate_demo_stories(session=session, today=NOW)
    with session_scope(profile.engine) as session:
        stories = store.all_stories(session=session)
        catalog = profile.story_themes.with_custom(store.custom_themes(session=session))
    assert len(stories) == 5
    known = {theme.id for theme in catalog.themes}
    assert all(set(s.draft.themes) <= known for s in stories)
    assert sum(s.rehearsals for s in stories) == 4
    assert any(s.last_rehearsed is None for s in stories)
