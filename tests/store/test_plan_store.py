"""The plan store: items per week, moving, skipping, carrying over, and the weekly budget."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain.dates import MONDAY
from desktop.domain.planner import PlanSource, Target, match_done, unfinished
from desktop.profile import Profile
from desktop.store import plan as plan_store
from desktop.store.database import session_scope
from desktop.store.plan_removals import PlanRemovals

WEEK = date(2026, 11, 2)
NOW = datetime(2026, 11, 2, 9, tzinfo=UTC)
THREE_SUM = Target("3Sum", "backend-senior", "3sum", kind="code")
DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")


def _add(session, day: date, target: Target = THREE_SUM) -> int:  # type: ignore[no-untyped-def]
    return plan_store.add_plan_item(
        session=session, day=day, target=target, minutes=30, source=PlanSource.PATH,
        reason="Next on your path.", now=NOW,
    )  # fmt: skip


def test_items_are_read_back_by_week_in_day_order(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        later = _add(session, WEEK + timedelta(days=3))
        first = _add(session, WEEK, DESIGN)
        _add(session, WEEK + timedelta(days=7))  # next week
    with session_scope(profile.engine) as session:
        items = plan_store.plan_for_week(session=session, week=WEEK)
    assert [item.id for item in items] == [first, later]
    assert items[0].target == DESIGN and items[1].target == THREE_SUM
    assert items[1].reason == "Next on your path." and items[1].source is PlanSource.PATH


def test_moving_stays_within_the_week(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        item_id = _add(session, WEEK)
        plan_store.move_plan_item(
            session=session, item_id=item_id, day=WEEK + timedelta(days=6), week=WEEK
        )
        with pytest.raises(ValueError, match="carry it over"):
            plan_store.move_plan_item(
                session=session, item_id=item_id, day=WEEK + timedelta(7), week=WEEK
            )
    with session_scope(profile.engine) as session:
        (item,) = plan_store.plan_for_week(session=session, week=WEEK)
    assert item.day == WEEK + timedelta(days=6)


def test_skipping_and_removing(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        kept, gone = _add(session, WEEK), _add(session, WEEK, DESIGN)
        plan_store.set_skipped(session=session, item_id=kept, skipped=True)
        PlanRemovals().delete(session=session, record_id=gone, now=NOW)
    with session_scope(profile.engine) as session:
        (item,) = plan_store.plan_for_week(session=session, week=WEEK)
        assert item.skipped and not item.counts
        plan_store.set_skipped(session=session, item_id=kept, skipped=False)
        with pytest.raises(LookupError, match="no longer in the plan"):
            plan_store.set_skipped(session=session, item_id=gone, skipped=True)


def test_carrying_over_plans_unfinished_items_next_week_once(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        _add(session, WEEK + timedelta(days=2))
        _add(session, WEEK + timedelta(days=4), DESIGN)
        items = plan_store.plan_for_week(session=session, week=WEEK)
        left = unfinished(items, match_done(items, [], first=MONDAY))
        plan_store.carry_over(session=session, items=left, now=NOW)
        assert plan_store.carry_over(session=session, items=left, now=NOW) == []  # not twice
    with session_scope(profile.engine) as session:
        old = plan_store.plan_for_week(session=session, week=WEEK)
        new = plan_store.plan_for_week(session=session, week=WEEK + timedelta(days=7))
    assert all(item.carried_over and not item.counts for item in old)
    assert [(item.day, item.carried_from) for item in new] == [
        (WEEK + timedelta(days=9), WEEK + timedelta(days=2)),
        (WEEK + timedelta(days=11), WEEK + timedelta(days=4)),
    ]
    assert [item.target for item in new] == [THREE_SUM, DESIGN]


def test_budget_and_review_week_are_remembered_per_profile(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        assert plan_store.hours_per_week(session=session) == 6
        assert plan_store.review_offered_on(session=session) is None
        plan_store.set_hours_per_week(session=session, hours=9)
        plan_store.set_review_offered_on(session=session, day=WEEK)
        with pytest.raises(ValueError, match="1 to 80 hours"):
            plan_store.set_hours_per_week(session=session, hours=0)
    with session_scope(profile.engine) as session:
        assert plan_store.hours_per_week(session=session) == 9
        assert plan_store.review_offered_on(session=session) == WEEK


def test_path_candidates_follow_stage_order_of_the_path_in_use(profile: Profile) -> None:
    from desktop.domain.progress import ItemStatus
    from desktop.store import progress as progress_store

    paths = profile.library.paths
    sre = next(path for path in paths if path.id == "sre-devops")
    stage = sre.stages[0]
    with session_scope(profile.engine) as session:
        progress_store.set_status(
            session=session, path_id=sre.id, stage_id=stage.id, item=stage.items[0],
            status=ItemStatus.DONE, now=NOW,
        )  # fmt: skip
        candidates = plan_store.path_candidates(session=session, paths=paths)
    assert {c.path_id for c in candidates} == {"sre-devops"}
    assert candidates[0].item.id == stage.items[0].id and candidates[0].finished
    assert not candidates[1].finished and candidates[1].stage_title == stage.title


def test_path_candidates_know_the_items_marked_for_review(profile: Profile) -> None:
    from desktop.domain.progress import ItemStatus
    from desktop.store import progress as progress_store

    paths = profile.library.paths
    sre = next(path for path in paths if path.id == "sre-devops")
    stage = sre.stages[0]
    with session_scope(profile.engine) as session:
        progress_store.set_status(
            session=session, path_id=sre.id, stage_id=stage.id, item=stage.items[1],
            status=ItemStatus.NEEDS_REVIEW, now=NOW,
        )  # fmt: skip
        candidates = plan_store.path_candidates(session=session, paths=paths)
    assert [c.to_review for c in candidates[:3]] == [False, True, False]
    assert not candidates[1].finished  # still offered, as one to review


def test_a_review_is_due_after_a_week_with_practice_until_one_is_written(
    profile: Profile,
) -> None:
    from desktop.domain.journal import EntryKind
    from desktop.domain.practice import Attempt, AttemptSubject, Outcome
    from desktop.store import journal as journal_store
    from desktop.store import practice as practice_store

    today = WEEK + timedelta(days=9)  # Wednesday of the next week
    with session_scope(profile.engine) as session:
        assert (
            plan_store.review_due(session=session, today=today, first=MONDAY) is None
        )  # nothing to review
        began = datetime(2026, 11, 4, 18).astimezone()
        attempt = Attempt(AttemptSubject("3Sum", "p", "3sum"), began, 600, Outcome.SOLVED, 4)
        practice_store.log_attempt(session=session, attempt=attempt, now=began)
        assert plan_store.review_due(session=session, today=today, first=MONDAY) == WEEK
        assert (
            plan_store.claim_review_announcement(session=session, today=today, first=MONDAY) == WEEK
        )
        assert (
            plan_store.claim_review_announcement(session=session, today=today, first=MONDAY) is None
        )
        journal_store.create_entry(
            session=session,
            draft=journal_store.EntryDraft(
                entry_date=WEEK + timedelta(days=6), title="Review", body="",
                kind=EntryKind.WEEKLY_REVIEW,
            ),
            now=NOW,
        )  # fmt: skip
        assert (
            plan_store.review_due(session=session, today=today, first=MONDAY) is None
        )  # written on Sunday


def test_left_over_items_are_those_not_done_skipped_or_carried(profile: Profile) -> None:
    from desktop.domain.practice import Attempt, AttemptSubject, Outcome
    from desktop.store import practice as practice_store
    from desktop.store.week_snapshot import read_left_over

    with session_scope(profile.engine) as session:
        _add(session, WEEK)
        skipped = _add(session, WEEK + timedelta(days=1), DESIGN)
        plan_store.set_skipped(session=session, item_id=skipped, skipped=True)
        left = _add(session, WEEK + timedelta(days=2), DESIGN)
        began = datetime(2026, 11, 6, 18).astimezone()  # Friday: 3Sum done late in the week
        attempt = Attempt(AttemptSubject("3Sum", "backend-senior", "3sum"), began, 600,
                          Outcome.PARTIAL, 2)  # fmt: skip
        practice_store.log_attempt(session=session, attempt=attempt, now=began)
        assert [item.id for item in read_left_over(session=session, week=WEEK)] == [left]
        assert read_left_over(session=session, week=WEEK + timedelta(days=7)) == []


def _suggestion(title: str, minutes: int):  # type: ignore[no-untyped-def]
    from desktop.domain.suggestions import Suggestion

    target = Target(title, "backend-senior", title.casefold())
    return Suggestion(target, minutes, PlanSource.PATH, "Next on your path.")


def test_suggestions_added_on_the_last_day_go_into_next_week(profile: Profile) -> None:
    sunday = WEEK + timedelta(days=6)
    chosen = [_suggestion(f"Item {n}", 30) for n in range(3)]
    with session_scope(profile.engine) as session:
        days = plan_store.add_suggestions(
            session=session, week=WEEK, suggestions=chosen, earliest=sunday, now=NOW
        )
    assert days == [WEEK + timedelta(days=7), WEEK + timedelta(days=8), WEEK + timedelta(days=9)]
    with session_scope(profile.engine) as session:
        assert plan_store.plan_for_week(session=session, week=WEEK) == []


def test_suggestions_fill_the_days_left_up_to_their_share_of_the_budget(
    profile: Profile,
) -> None:
    saturday = WEEK + timedelta(days=5)  # two days left: 2/7 of 6 h is 102 min
    chosen = [_suggestion(f"Item {n}", 40) for n in range(4)]
    with session_scope(profile.engine) as session:
        _add(session, WEEK)  # Monday's item is behind us: it takes none of the days left
        days = plan_store.add_suggestions(
            session=session, week=WEEK, suggestions=chosen, earliest=saturday, now=NOW
        )
    assert days[:2] == [saturday, saturday + timedelta(days=1)]
    assert all(day >= WEEK + timedelta(days=7) for day in days[2:])
    # A week ahead has all its days: everything within the budget stays in it.
    with session_scope(profile.engine) as session:
        ahead = WEEK + timedelta(days=14)
        days = plan_store.add_suggestions(
            session=session, week=ahead, suggestions=chosen, earliest=ahead, now=NOW
        )
    assert days == [ahead + timedelta(days=n) for n in range(4)]


def test_the_review_offer_holds_when_the_week_start_changes(profile: Profile) -> None:
    wednesday = WEEK + timedelta(days=9)
    with session_scope(profile.engine) as session:
        for day in (WEEK + timedelta(days=2), WEEK + timedelta(days=8)):
            _add(session, day)  # planned: each week waits for a review
        plan_store.set_review_offered_on(session=session, day=WEEK + timedelta(days=7))
        # Earlier versions kept the Monday of the week it was offered in: from Sunday, that
        # Monday still falls in the week holding Wednesday, so it is not offered again.
        assert (
            plan_store.claim_review_announcement(session=session, today=wednesday, first=6) is None
        )
        # A week later it is offered, and the day it was offered is kept.
        later = wednesday + timedelta(days=7)
        assert plan_store.claim_review_announcement(session=session, today=later, first=6) == (
            WEEK + timedelta(days=6)
        )
        assert plan_store.review_offered_on(session=session) == later
        assert plan_store.claim_review_announcement(session=session, today=later, first=0) is None
