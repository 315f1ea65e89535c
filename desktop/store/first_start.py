"""Whether a profile holds anything the user made: the first-start welcome shows until it does."""

from __future__ import annotations

from sqlalchemy import literal, select
from sqlmodel import Session, SQLModel

from desktop.store.models import AttemptRow, CustomItem, ItemProgress, JournalEntry
from desktop.store.plan_tables import MockInterviewRow, PlanEntry
from desktop.store.story_tables import StoryRow

# What only the user's own doing writes. The planner's settings are left out: the app
# writes one itself (when it last offered the weekly review).
_USERS_OWN: tuple[type[SQLModel], ...] = (
    AttemptRow,
    JournalEntry,
    ItemProgress,
    CustomItem,
    StoryRow,
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
