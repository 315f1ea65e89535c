"""What counts as the user's own data for the first-start welcome."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.domain.planner import PlanSource, Target
from desktop.folders import ProfileFolder
from desktop.profile import Profile
from desktop.store import plan as plan_store
from desktop.store.database import session_scope
from desktop.store.first_start import holds_user_data, holds_user_files

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def test_an_empty_profile_holds_nothing_of_the_users(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        assert not holds_user_data(session=session)


def test_what_the_app_writes_itself_does_not_count(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        plan_store.set_review_offered_on(session=session, day=date(2026, 11, 2))
    with session_scope(profile.engine) as session:
        assert not holds_user_data(session=session)


def test_a_planned_item_counts(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        plan_store.add_plan_item(
            session=session,
            day=date(2026, 11, 3),
            target=Target("Two Sum", "backend-senior", "two-sum", kind="code"),
            minutes=15,
            source=PlanSource.PATH,
            reason="Added by you.",
            now=NOW,
        )
    with session_scope(profile.engine) as session:
        assert holds_user_data(session=session)


def test_a_theme_of_the_users_own_counts_without_a_story(profile: Profile) -> None:
    from desktop.domain.story_themes import CustomTheme
    from desktop.store import stories as story_store

    with session_scope(profile.engine) as session:
        story_store.add_custom_theme(
            session=session, theme=CustomTheme("mentoring", "Mentoring"), now=NOW
        )
    with session_scope(profile.engine) as session:
        assert holds_user_data(session=session)


def test_an_empty_profile_folder_holds_no_files_of_the_users(profile: Profile) -> None:
    assert not holds_user_files(profile.folder)


@pytest.mark.parametrize("folder_of", [lambda f: f.path_files_dir, lambda f: f.quiz_files_dir])
def test_a_path_or_quiz_file_of_the_users_counts(profile: Profile, folder_of) -> None:
    folder: Path = folder_of(profile.folder)
    (folder / "notes.txt").write_text("not a data file")  # only what the libraries read counts
    assert not holds_user_files(profile.folder)
    (folder / "my-path.toml").write_text("not checked here: a bad file is the user's too")
    assert holds_user_files(profile.folder)


def test_missing_folders_hold_no_files(tmp_path: Path) -> None:
    assert not holds_user_files(ProfileFolder(tmp_path / "never-made"))
