"""Profile contents for the export and import tests, made through the app's own store functions,
and the export and imports those tests run on a profile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.planner import PlanSource, Target
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.stories import Rehearsal, StoryDraft
from desktop.domain.story_themes import CustomTheme
from desktop.profile import Profile
from desktop.store import mocks as mock_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.journal import EntryDraft, create_entry
from desktop.store.transfer.json_export import export_document
from desktop.store.transfer.json_import import ImportPlan
from desktop.store.transfer.run import import_document, import_notes
from tests.clocks import clock_start
from tests.samples import OUTAGE_STORY

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def exported(profile: Profile) -> dict[str, Any]:
    """The whole profile as the JSON export document holds it."""
    with session_scope(profile.engine) as session:
        return export_document(session=session, now=NOW)


def imported(
    profile: Profile,
    document: Any,
    confirm: Callable[[ImportPlan], bool] = lambda _plan: True,
    **options: Any,
) -> ImportPlan | None:
    """Import `document` into `profile` as the app does (the user's answer is `confirm`)."""
    return import_document(
        **_destination(profile), document=document, confirm=confirm, now=clock_start(), **options
    )


def notes_imported(profile: Profile, folder: Path) -> ImportPlan | None:
    """Import a folder of Markdown notes into `profile` as the app does."""
    return import_notes(**_destination(profile), folder=folder, now=NOW)


def _destination(profile: Profile) -> dict[str, Any]:
    """Where an import writes: the profile's database, with its backups made first."""
    return {
        "engine": profile.engine,
        "database": profile.folder.database,
        "backups_dir": profile.folder.backups_dir,
    }


def stories_and_plans(profile: Profile, now: datetime = NOW) -> None:
    """What the story bank and the planner add, through their own store functions: a story
    with themes and a journal link, a deleted story, a rehearsal, a custom theme, plan items,
    a mock interview with its journal entry, and the weekly budget; and an attempt with
    several tags."""
    with session_scope(profile.engine) as session:
        practice_store.log_attempt(
            session=session,
            attempt=Attempt(
                AttemptSubject("Two sum again"),
                now,
                1500,
                Outcome.PARTIAL,
                3,
                patterns=("two-pointers", "hash-map"),
                struggles=("off-by-one",),
            ),
            now=now,
        )
        entry = create_entry(
            session=session,
            draft=EntryDraft(entry_date=date(2026, 11, 3), title="Outage retro", body="What broke"),
            now=now,
        )
        story_store.add_custom_theme(
            session=session,
            theme=CustomTheme("my-pager-duty", "Pager duty", "Carrying the pager"),
            now=now,
        )
        kept = story_store.create_story(
            session=session,
            draft=replace(
                OUTAGE_STORY,
                title="The midnight failover",
                action="I failed over the database.",
                themes=("my-pager-duty", "ownership"),
                companies=("Acme", "Globex"),
                journal_entry_ids=(entry,),
            ),
            now=now,
        )
        gone = story_store.create_story(
            session=session, draft=StoryDraft(title="Deleted draft", themes=("ownership",)), now=now
        )
        story_store.log_rehearsal(
            session=session, rehearsal=Rehearsal(gone, now, 90, 2, "too long")
        )
        story_store.delete_story(session=session, story_id=gone, now=now)
        story_store.log_rehearsal(
            session=session, rehearsal=Rehearsal(kept, now, 150, 4, "good pace")
        )
        plan_store.add_plan_item(
            session=session,
            day=date(2026, 11, 23),
            target=Target("Mock interview", routine_id="mock-interview"),
            minutes=60,
            source=PlanSource.ROUTINE,
            reason="Weekly checkpoint",
            now=now,
        )
        mock_store.log_mock(
            session=session,
            mock=MockInterview(
                held_at=now,
                kind=MockKind.CODING,
                scores={"problem-solving": 3, "coding": 2},
                with_whom="Sam",
                exposed=("two-pointers",),
            ),
            now=now,
            label=str,
        )
        plan_store.set_hours_per_week(session=session, hours=9)
