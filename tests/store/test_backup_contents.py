"""What a backup holds is said with its stories and plan items too, not only its journal
entries and sessions; deleted stories (kept for Undo) are not counted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.backups import Contents
from desktop.domain.planner import PlanSource, Target
from desktop.domain.stories import StoryDraft
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import plan as plan_store
from desktop.store import stories as stories_store
from desktop.store.backup_check import judge_backup
from desktop.store.backup_verdicts import judge_with_cache
from desktop.store.database import session_scope
from tests.backup_files import good_backup
from tests.clocks import StepClock, clock_start


def _profile_with_stories_and_plan(data: Path) -> Path:
    profile = open_profile(ProfileFolder(data), clock=StepClock())
    now = clock_start()
    with session_scope(profile.engine) as session:
        kept = [
            stories_store.create_story(session=session, draft=StoryDraft(title=t), now=now)
            for t in ("The outage", "The migration")
        ]
        stories_store.delete_story(session=session, story_id=kept[1], now=now)
        for day in (1, 2, 3):
            plan_store.add_plan_item(
                session=session,
                day=date(2026, 11, day),
                target=Target("Two Sum", path_id="backend", item_id="two-sum"),
                minutes=25,
                source=PlanSource.PATH,
                reason="",
                now=now,
            )
        session.commit()
    profile.close()
    return data / "loopwise.sqlite3"


def test_a_backup_says_how_many_stories_and_plan_items_it_holds(tmp_path: Path) -> None:
    backup = good_backup(_profile_with_stories_and_plan(tmp_path / "data"), hours_ago=1)

    contents = judge_backup(backup).contents

    assert contents is not None
    assert (contents.stories, contents.plan_items) == (1, 3)
    assert "1 story, 3 plan items" in contents.describe()


def test_the_remembered_verdict_keeps_the_stories_and_plan_items(tmp_path: Path) -> None:
    backup = good_backup(_profile_with_stories_and_plan(tmp_path / "data"), hours_ago=1)
    first = judge_with_cache(backup.parent, [backup])
    again = judge_with_cache(backup.parent, [backup])  # from the cache file
    assert again == first
    contents = again[backup].contents
    assert contents is not None and (contents.stories, contents.plan_items) == (1, 3)


def test_stories_and_plan_items_are_named_only_when_there_are_some() -> None:
    assert Contents(2, 5).describe() == "2 journal entries, 5 sessions"
    assert Contents(2, 5, None, stories=1, plan_items=12).describe() == (
        "2 journal entries, 5 sessions, 1 story, 12 plan items"
    )
