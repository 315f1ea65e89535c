"""Everything the Plan page shows for one week: its plan, quick to read, and the advice for
it (suggestions and weak spots), which weighs a year of history."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlmodel import Session

from desktop.domain.curriculum import LearningPath
from desktop.domain.dates import local_day, local_midnight
from desktop.domain.mocks import MockInterview, evidence_tags
from desktop.domain.planner import (
    Activity,
    PlanItem,
    WeekNumbers,
    activities,
    match_done,
    unfinished,
    week_numbers,
)
from desktop.domain.practice import Attempt
from desktop.domain.revisits import revisits_due
from desktop.domain.routines import Routine
from desktop.domain.suggestions import SimpleWeakSpot, Suggestion, WeakSpotLike, suggest
from desktop.domain.weak_spots import (
    WEAK_SPOT_DAYS,
    WeakSpot,
    observation_from_attempt,
    observation_from_mock,
    rank_weak_spots,
)
from desktop.store import mocks as mocks_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store

# Revisits and cadences look this far back: enough for the revisit intervals a planner cares about,
# and it keeps the page quick on a profile with years of history.
HISTORY_DAYS = 365


@dataclass(frozen=True)
class WeekPlan:
    """The week's plan and what got done: only the week's own log is read, so it is quick
    however long the history."""

    week: date
    items: list[PlanItem]
    done: dict[int, Activity]
    attempts: list[Attempt]  # logged in the week
    mocks: list[MockInterview]  # held in the week
    numbers: WeekNumbers


@dataclass(frozen=True)
class WeekSnapshot(WeekPlan):
    """The week's plan with the suggestions for it (which read a year of history)."""

    suggestions: list[Suggestion]
    weak_spots: list[WeakSpot]  # Trends' ranking as of the end of the week


@dataclass(frozen=True)
class WeekAdvice:
    suggestions: list[Suggestion]
    weak_spots: list[WeakSpot]  # Trends' ranking as of the end of the week


@dataclass(frozen=True)
class PlannerData:
    """The shipped data the planner reads: paths, routines and the taxonomy."""

    paths: Sequence[LearningPath]
    routines: Sequence[Routine]
    tag_kinds: Mapping[str, str]
    label: Callable[[str], str]
    design_steps: Sequence[str]
    exercised: Mapping[tuple[str, str], Sequence[str]] | None = None  # item tags


def read_week(
    *,
    session: Session,
    week: date,
    now: datetime,
    data: PlannerData,
    focus: WeakSpotLike | None = None,
) -> WeekSnapshot:
    """The week's plan with what got done, and suggestions for it. The weak spots are the
    Trends page's ranking; `focus` (one the user asked to work on) goes first."""
    plan = read_week_plan(session=session, week=week)
    advice = read_advice(session=session, plan=plan, now=now, data=data, focus=focus)
    # A snapshot is the plan's fields followed by the advice's, so both pass through whole.
    return WeekSnapshot(**vars(plan), **vars(advice))


def read_week_plan(*, session: Session, week: date) -> WeekPlan:
    """The week's planned items, which of them are done, and the week's figures."""
    start, end = local_midnight(week), local_midnight(week + timedelta(days=7))
    items = plan_store.plan_for_week(session=session, week=week)
    attempts, mocks = logged_between(session=session, start=start, end=end)
    # Only what was logged in an item's own week can fill it (planner.match_done); the week's
    # first day says which day weeks start on.
    logged = activities(attempts, [(mock.held_at, mock.minutes) for mock in mocks])
    done = match_done(items, logged, first=week.weekday())
    budget = plan_store.hours_per_week(session=session) * 60
    return WeekPlan(
        week=week,
        items=items,
        done=done,
        attempts=attempts,
        mocks=mocks,
        numbers=week_numbers(items, attempts, done, budget),
    )


def history_size(*, session: Session, week: date) -> int:
    """How many attempts read_advice weighs for the week (to tell a long read from a short)."""
    start = local_midnight(week - timedelta(days=HISTORY_DAYS))
    end = local_midnight(week + timedelta(days=7))
    period = practice_store.LogPeriod(start, end)
    return practice_store.log_totals(session=session, period=period)[0]


def read_advice(
    *,
    session: Session,
    plan: WeekPlan,
    now: datetime,
    data: PlannerData,
    focus: WeakSpotLike | None = None,
) -> WeekAdvice:
    """The weak spots as of the end of the plan's week, and what to add to it (nothing for
    a week that is over). Reads a year of history: on ten years of practice, a worker's job."""
    week = plan.week
    end = local_midnight(week + timedelta(days=7))
    history_start = local_midnight(week - timedelta(days=HISTORY_DAYS))
    history, all_mocks = logged_between(session=session, start=history_start, end=end)
    # As Trends reads them now, to the minute, so both quote the same counts (or as they
    # stood at the end of a past week).
    today = local_day(now)
    as_of = min(end, now)
    ranked = weak_spots(history, all_mocks, data, now=as_of)
    spots: list[WeakSpotLike] = list(ranked)
    if focus is not None:  # with its reasons as ranked, if it is ranked
        spots = [_as_ranked(focus, ranked), *(spot for spot in ranked if spot.tag != focus.tag)]
    suggestions: list[Suggestion] = []
    if week + timedelta(days=6) >= today:  # no suggestions for a week that is over
        logged = activities(history, [(mock.held_at, mock.minutes) for mock in all_mocks])
        ahead = plan_store.plan_for_week(session=session, week=week + timedelta(days=7))
        # The week before still has days to come only when `week` is next week or later.
        before = (
            plan_store.plan_for_week(session=session, week=week - timedelta(days=7))
            if week > today
            else []
        )
        suggestions = suggest(
            week,
            # What is planned next week, or still ahead the week before, is not suggested again.
            plan=before + plan.items + ahead,
            done=plan.done,
            candidates=plan_store.path_candidates(
                session=session, paths=data.paths, exercised=data.exercised
            ),
            practice_candidates=plan_store.path_candidates(
                session=session, paths=data.paths, exercised=data.exercised, for_weak_spots=True
            ),
            revisits=revisits_due(history, by=week + timedelta(days=6)),
            weak_spots=spots,
            routines=data.routines,
            history=history,
            logged=logged,
            today=today,
            tag_kinds=data.tag_kinds,
        )
    return WeekAdvice(suggestions=suggestions, weak_spots=ranked)


def _as_ranked(focus: WeakSpotLike, ranked: Sequence[WeakSpot]) -> WeakSpotLike:
    """A weak spot asked for from Trends, with its reasons as ranked; what its row named
    first stays what gets planned."""
    found = next((spot for spot in ranked if spot.tag == focus.tag), None)
    if found is None:
        return focus
    if isinstance(focus, SimpleWeakSpot) and focus.practice is not None:
        return replace(focus, label=found.label, explanation=found.explanation)
    return found


def weak_spots(
    history: Sequence[Attempt], mocks: Sequence[MockInterview], data: PlannerData, now: datetime
) -> list[WeakSpot]:
    """The weak spots as the Trends page ranks them by default: from the attempts and mocks
    of the WEAK_SPOT_DAYS before `now`."""
    since = now - timedelta(days=WEAK_SPOT_DAYS)
    evidence = [
        observation_from_attempt(attempt, data.design_steps, data.exercised)
        for attempt in history
        if since <= attempt.started_at < now
    ]
    evidence += [
        observation_from_mock(mock.id, mock.held_at, mock.score_percent, evidence_tags(mock))
        for mock in mocks
        if since <= mock.held_at < now
    ]
    return rank_weak_spots(evidence, kinds=data.tag_kinds, label=data.label, now=now)


def read_left_over(*, session: Session, week: date) -> list[PlanItem]:
    """The week's planned items that were neither done, skipped nor carried over (a cheaper
    read than read_week: only that week's log is needed)."""
    start, end = local_midnight(week), local_midnight(week + timedelta(days=7))
    items = plan_store.plan_for_week(session=session, week=week)
    if not items:
        return []
    attempts, mocks = logged_between(session=session, start=start, end=end)
    logged = activities(attempts, [(mock.held_at, mock.minutes) for mock in mocks])
    return unfinished(items, match_done(items, logged, first=week.weekday()))


def logged_between(
    *, session: Session, start: datetime, end: datetime
) -> tuple[list[Attempt], list[MockInterview]]:
    """The attempts and mock interviews in [start, end), oldest first."""
    attempts = practice_store.attempts_between(session=session, start=start, end=end)
    return attempts, mocks_store.mock_interviews_between(session=session, start=start, end=end)
