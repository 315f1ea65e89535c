"""What counts as the user's own data for the first-start welcome."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.domain.planner import PlanSource, Target
from desktop.profile import Profile
from desktop.store import plan as plan_store
from desktop.store.database import session_scope
from desktop.store.first_start import holds_user_data

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
