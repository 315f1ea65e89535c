"""Reading the Plan page's data for a profile (shared by the page and the review)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.domain.dates import local_day, local_midnight, week_of
from desktop.domain.mocks import MockInterview
from desktop.domain.planner import PlanItem
from desktop.domain.suggestions import WeakSpotLike
from desktop.profile import Profile
from desktop.store import mocks as mocks_store
from desktop.store import plan as plan_store
from desktop.store.database import session_scope
from desktop.store.week_snapshot import (
    PlannerData,
    WeekAdvice,
    WeekPlan,
    WeekSnapshot,
    history_size,
    read_advice,
    read_left_over,
    read_week,
    read_week_plan,
)
from desktop.ui.context import AppContext

MOCK_HISTORY_DAYS = 180


def planner_data(profile: Profile) -> PlannerData:
    taxonomy = profile.taxonomy
    return PlannerData(
        paths=profile.library.paths,
        routines=profile.routines.routines,
        tag_kinds=taxonomy.tag_kinds,
        label=taxonomy.label,
        design_steps=taxonomy.design_step_ids,
        exercised=profile.exercised_tags(),
    )


def today(context: AppContext) -> date:
    return local_day(context.now())


def load_week(context: AppContext, week: date, focus: WeakSpotLike | None = None) -> WeekSnapshot:
    with session_scope(context.profile.engine) as session:
        return read_week(
            session=session,
            week=week,
            now=context.now(),
            data=planner_data(context.profile),
            focus=focus,
        )


@dataclass(frozen=True)
class PlanPageRead:
    """What the Plan page shows at once for a week (all of it quick to read)."""

    plan: WeekPlan
    today: date
    mocks_span: tuple[datetime, datetime]  # the recent mock interviews' [start, end)
    recent_mocks: list[MockInterview]
    review_week: date | None  # last week, if it waits for a review
    left_over: list[PlanItem]  # last week's unfinished items
    history_size: int  # attempts the week's advice weighs


def read_plan_page(
    context: AppContext, week: date, earlier: PlanPageRead | None = None
) -> PlanPageRead:
    """The week's read. What does not depend on the week (the recent mock interviews and the
    review due) is taken from `earlier`, a read since which nothing changed, if it still fits.
    `week` is the week's first day, which says the day the user's weeks start on."""
    now_day = today(context)
    this_week = week_of(now_day, first=week.weekday())
    # To the end of this week, or of a later week on show: the same span for every week
    # up to this one.
    last_day = max(this_week, week) + timedelta(days=6)
    mocks_span = (
        local_midnight(now_day - timedelta(days=MOCK_HISTORY_DAYS)),
        local_midnight(last_day + timedelta(days=1)),
    )
    kept = (
        earlier
        if earlier and (earlier.today, earlier.mocks_span) == (now_day, mocks_span)
        else None
    )
    with session_scope(context.profile.engine) as session:
        return PlanPageRead(
            plan=read_week_plan(session=session, week=week),
            today=now_day,
            mocks_span=mocks_span,
            recent_mocks=kept.recent_mocks
            if kept
            else mocks_store.mock_interviews_between(
                session=session, start=mocks_span[0], end=mocks_span[1]
            ),
            review_week=kept.review_week
            if kept
            else plan_store.review_due(session=session, today=now_day, first=week.weekday()),
            left_over=read_left_over(session=session, week=week - timedelta(days=7))
            if week == this_week
            else [],
            history_size=history_size(session=session, week=week),
        )


def advice_reader(
    context: AppContext, plan: WeekPlan, focus: WeakSpotLike | None
) -> Callable[[], WeekAdvice]:
    """The week's advice as work for a worker thread: what it needs of the profile is taken
    now, on the UI thread."""
    engine, now, data = context.profile.engine, context.now(), planner_data(context.profile)

    def read() -> WeekAdvice:
        with session_scope(engine) as session:
            return read_advice(session=session, plan=plan, now=now, data=data, focus=focus)

    return read
