"""Whether a profile holds anything the user made: the first-start welcome shows until it does.

That is a row in one of the user's own tables, or a path or quiz file the user put in the
profile's folder (an import copies it there)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import literal, select
from sqlmodel import Session, SQLModel

from desktop.folders import ProfileFolder
from desktop.store.models import AttemptRow, CustomItem, ItemProgress, JournalEntry
from desktop.store.plan_tables import MockInterviewRow, PlanEntry
from desktop.store.story_tables import CustomStoryTheme, StoryRow

# What only the user's own doing writes. The planner's settings are left out: the app
# writes one itself (when it last offered the weekly review).
_USERS_OWN: tuple[type[SQLModel], ...] = (
    AttemptRow,
    JournalEntry,
    ItemProgress,
    CustomItem,
    StoryRow,
    CustomStoryTheme,  # a theme of the user's own, even with no story told for it yet
    PlanEntry,
    MockInterviewRow,
)


def holds_user_data(*, session: Session) -> bool:
    """True once the user has made anything. Each table is asked for one row, which SQLite
    answers at once whatever the profile's size."""
    return any(
        session.execute(select(literal(1)).select_from(table).limit(1)).first() is not None
        for table in _USERS_OWN
    )


def holds_user_files(folder: ProfileFolder) -> bool:
    """True once the user has put a path or quiz file of their own in the profile's folder
    (good or not: either way it is theirs). Stops at the first one found."""
    return any(_has_data_file(d) for d in (folder.path_files_dir, folder.quiz_files_dir))


def _has_data_file(directory: Path) -> bool:
    # The same files the libraries read (see read_each): *.toml, so an import's temporary
    # file or a stray note left there does not count.
    try:
        return next(directory.glob("*.toml"), None) is not None
    except OSError:
        return False  # unreadable: the library's own read reports it
