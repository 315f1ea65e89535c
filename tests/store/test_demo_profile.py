"""The demo profile tells one consistent story across pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.domain.curriculum import PathItem
from desktop.domain.practice import Attempt
from desktop.profile import Profile
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.store.demo import populate_demo_profile

NOW = datetime(2026, 11, 22, 10, tzinfo=UTC)


def _items(profile: Profile) -> list[tuple[str, PathItem]]:
    return [
        (p.id, item) for p in profile.library.paths for stage in p.stages for item in stage.items
    ]


def _demo_attempts(profile: Profile) -> list[Attempt]:
    """The demo written into the profile, and every attempt it logged."""
    with session_scope(profile.engine) as session:
        populate_demo_profile(session=session, paths=profile.library.paths, today=NOW)
    with session_scope(profile.engine) as session:
        return practice_store.attempts_between(
            session=session, start=NOW - timedelta(days=400), end=NOW + timedelta(days=7)
        )


def test_demo_sessions_and_plans_use_each_path_items_own_target_time(profile: Profile) -> None:
    targets = {(path_id, item.id): item.target_minutes for path_id, item in _items(profile)}
    attempts = _demo_attempts(profile)
    with session_scope(profile.engine) as session:
        planned = [
            item
            for weeks_back in range(3)
            for item in plan_store.plan_for_week(
                session=session, week=NOW.date() - timedelta(days=NOW.weekday() + 7 * weeks_back)
            )
        ]
    on_path = [a for a in attempts if (a.subject.path_id, a.subject.item_id) in targets]
    assert len(on_path) > 100
    wrong = [
        (a.subject.title, a.subject.target_minutes)
        for a in on_path
        if a.subject.target_minutes != targets[(a.subject.path_id, a.subject.item_id)]
    ]
    assert wrong == []
    path_plans = [i for i in planned if i.target.item_id is not None]
    assert path_plans
    assert all(i.minutes == targets[(i.target.path_id, i.target.item_id)] for i in path_plans)


def test_demo_practice_on_a_pattern_is_logged_on_an_item_of_that_pattern(profile: Profile) -> None:
    """The demo's weak spots rest on the problems that exercise them: its dynamic-programming
    struggles once landed on Last Stone Weight and Merge Intervals."""
    topics = {(path_id, item.id): set(item.topics) for path_id, item in _items(profile)}
    attempts = _demo_attempts(profile)
    on_dp = [a for a in attempts if "dynamic-programming" in a.patterns]
    assert len(on_dp) > 10
    assert {a.subject.title for a in on_dp} <= {
        "Climbing Stairs",
        "House Robber",
        "Coin Change",
        "Regular Expression Matching",
    }
    coding = [a for a in attempts if a.subject.kind == "code" and a.patterns]
    off_pattern = [
        (a.subject.title, a.patterns)
        for a in coding
        if not set(a.patterns) <= topics[(a.subject.path_id or "", a.subject.item_id or "")]
    ]
    assert off_pattern == []
