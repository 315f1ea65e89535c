"""Everything the Plan page shows for one week, read in one session."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from desktop.domain.curriculum import LearningPath
from desktop.domain.mocks import MockInterview
from desktop.domain.planner import (
    Activity,
    PlanItem,
    Suggestion,
    WeakSpotLike,
    WeekNumbers,
    activities,
    match_done,
    recent_weak_spots,
    suggest,
    unfinished,
    week_numbers,
)
from desktop.domain.practice import Attempt
from desktop.domain.revisits import first_moment, revisits_due
from desktop.domain.routines import Routine
from desktop.store import mocks as mocks_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store

# Revisits and cadences look this far back: enough for SM-2 intervals a planner cares about,
# and it keeps the page quick on a profile with years of history.
HISTORY_DAYS = 365
WEAK_SPOT_DAYS = 21


@dataclass(frozen=True)
class WeekSnapshot:
    week: date
    items: list[PlanItem]
    done: dict[int, Activity]
    attempts: list[Attempt]  # logged in the week
    mocks: list[MockInterview]  # held in the week
    numbers: WeekNumbers
    suggestions: list[Suggestion]
    weak_spots: list[WeakSpotLike]


@dataclass(frozen=True)
class PlannerData:
    """The shipped data the planner reads: paths, routines and the taxonomy."""

    paths: Sequence[LearningPath]
    routines: Sequence[Routine]
    tag_kinds: Mapping[str, str]
    label: Callable[[str], str]


def read_week(
    *,
    session: Session,
    week: date,
    today: date,
    data: PlannerData,
    weak_spots: Sequence[WeakSpotLike] | None = None,
    focus: WeakSpotLike | None = None,
) -> WeekSnapshot:
    """The week's plan with what got done, and suggestions for it. Without `weak_spots`
    (Trends' ranking), recent struggles and mock-interview findings stand in."""
    start, end = first_moment(week), first_moment(week + timedelta(days=7))
    history_start = first_moment(week - timedelta(days=HISTORY_DAYS))
    history = practice_store.attempts_between(session=session, start=history_start, end=end)
    all_mocks = mocks_store.mock_interviews_between(session=session, start=history_start, end=end)
    logged = activities(history, [(mock.held_at, mock.minutes) for mock in all_mocks])
    items = plan_store.plan_for_week(session=session, week=week)
    done = match_done(items, logged)
    attempts = [attempt for attempt in history if start <= attempt.started_at < end]
    mocks = [mock for mock in all_mocks if start <= mock.held_at < end]
    budget = plan_store.hours_per_week(session=session) * 60
    if weak_spots is None:
        weak_spots = _stand_in_weak_spots(history, all_mocks, end, data.label)
    spots = list(weak_spots)
    if focus is not None:
        spots = [focus, *(spot for spot in spots if spot.tag != focus.tag)]
    suggestions: list[Suggestion] = []
    if week + timedelta(days=6) >= today:  # no suggestions for a week that is over
        suggestions = suggest(
            week,
            plan=items,
            done=done,
            candidates=plan_store.path_candidates(session=session, paths=data.paths),
            revisits=revisits_due(history, by=week + timedelta(days=6)),
            weak_spots=spots,
            routines=data.routines,
            history=history,
            logged=logged,
            tag_kinds=data.tag_kinds,
        )
    return WeekSnapshot(
        week=week,
        items=items,
        done=done,
        attempts=attempts,
        mocks=mocks,
        numbers=week_numbers(items, attempts, done, budget),
        suggestions=suggestions,
        weak_spots=spots,
    )


def _stand_in_weak_spots(
    history: Sequence[Attempt],
    mocks: Sequence[MockInterview],
    end: datetime,
    label: Callable[[str], str],
) -> list[WeakSpotLike]:
    since = end - timedelta(days=WEAK_SPOT_DAYS)
    recent = [attempt for attempt in history if attempt.started_at >= since]
    exposed = [tag for mock in mocks if mock.held_at >= since for tag in mock.exposed]
    return list(recent_weak_spots(recent, exposed, label))


def read_left_over(*, session: Session, week: date) -> list[PlanItem]:
    """The week's planned items that were neither done, skipped nor carried over (a cheaper
    read than read_week: only that week's log is needed)."""
    start, end = first_moment(week), first_moment(week + timedelta(days=7))
    items = plan_store.plan_for_week(session=session, week=week)
    if not items:
        return []
    attempts = practice_store.attempts_between(session=session, start=start, end=end)
    mocks = mocks_store.mock_interviews_between(session=session, start=start, end=end)
    logged = activities(attempts, [(mock.held_at, mock.minutes) for mock in mocks])
    return unfinished(items, match_done(items, logged))
