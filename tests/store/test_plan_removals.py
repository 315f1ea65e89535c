"""Removing a planned item, and Undo putting it back as it was, once each write commits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain.planner import PlanSource, Target
from desktop.profile import Profile
from desktop.store import plan as plan_store
from desktop.store.database import session_scope
from desktop.store.plan_removals import PlanRemovals
from desktop.store.plan_tables import PlanEntry

WEEK = date(2026, 11, 2)
NOW = datetime(2026, 11, 2, 9, tzinfo=UTC)
THREE_SUM = Target("3Sum", "backend-senior", "3sum", kind="code")
DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")


class Failed(Exception):
    """A write that goes wrong after the change, so its session rolls back."""


def _add(profile: Profile, target: Target = THREE_SUM, day: date = WEEK) -> int:
    with session_scope(profile.engine) as session:
        return plan_store.add_plan_item(
            session=session, day=day, target=target, minutes=30, source=PlanSource.PATH,
            reason="Next on your path.", now=NOW,
        )  # fmt: skip


def _columns(profile: Profile, item_id: int) -> dict[str, object]:
    with session_scope(profile.engine) as session:
        row = session.get(PlanEntry, item_id)
        assert row is not None
        return row.model_dump()


def _remove(profile: Profile, removals: PlanRemovals, item_id: int) -> None:
    with session_scope(profile.engine) as session:
        removals.delete(session=session, record_id=item_id, now=NOW)


def _restore(profile: Profile, removals: PlanRemovals, item_id: int) -> int | None:
    with session_scope(profile.engine) as session:
        return removals.restore(session=session, record_id=item_id)


def _week(profile: Profile) -> list[int]:
    with session_scope(profile.engine) as session:
        return [item.id for item in plan_store.plan_for_week(session=session, week=WEEK)]


def test_a_removed_item_comes_back_whole_under_its_id(profile: Profile) -> None:
    kept, gone = _add(profile), _add(profile, DESIGN, WEEK + timedelta(days=3))
    with session_scope(profile.engine) as session:
        plan_store.set_skipped(session=session, item_id=gone, skipped=True)
    before = _columns(profile, gone)
    removals = PlanRemovals()
    _remove(profile, removals, gone)
    assert _week(profile) == [kept]
    assert _restore(profile, removals, gone) == gone
    assert _columns(profile, gone) == before  # skipped, its reason, when it was planned
    assert _restore(profile, removals, gone) is None  # brought back once


def test_an_id_taken_meanwhile_brings_the_item_back_under_a_new_one(profile: Profile) -> None:
    first = _add(profile)
    removals = PlanRemovals()
    _remove(profile, removals, first)
    second = _add(profile, DESIGN)
    assert second == first  # SQLite gives the highest id again
    _remove(profile, removals, second)
    assert _restore(profile, removals, second) == second  # the newest first
    assert _columns(profile, second)["title"] == DESIGN.title
    back = _restore(profile, removals, first)
    assert back is not None and back != first
    assert _columns(profile, back)["title"] == THREE_SUM.title
    assert sorted(_week(profile)) == sorted([first, back])


def test_a_write_that_failed_leaves_undo_with_what_it_had(profile: Profile) -> None:
    item_id = _add(profile)
    removals = PlanRemovals()
    with pytest.raises(Failed), session_scope(profile.engine) as session:
        removals.delete(session=session, record_id=item_id, now=NOW)
        raise Failed
    assert _week(profile) == [item_id]
    assert _restore(profile, removals, item_id) is None  # nothing was removed
    _remove(profile, removals, item_id)
    with pytest.raises(Failed), session_scope(profile.engine) as session:
        removals.restore(session=session, record_id=item_id)
        raise Failed
    assert _week(profile) == []
    assert _restore(profile, removals, item_id) == item_id  # still there to bring back
    assert _week(profile) == [item_id]


def test_an_unknown_id_is_left_alone(profile: Profile) -> None:
    removals = PlanRemovals()
    _remove(profile, removals, 404)
    assert _restore(profile, removals, 404) is None
