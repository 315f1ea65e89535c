"""Reading the Plan page's data for a profile (shared by the page and the review)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

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
            today=today(context),
            data=planner_data(context.profile),
            focus=focus,
        )


@dataclass(frozen=True)
class PlanPageRead:
    """What the Plan page shows at once for a week (all of it quick to read)."""

    plan: WeekPlan
    recent_mocks: list[MockInterview]
    review_week: date | None  # last week, if it waits for a review
    left_over: list[PlanItem]  # last week's unfinished items
    history_size: int  # attempts the week's advice weighs


def read_plan_page(context: AppContext, week: date) -> PlanPageRead:
    now_day = today(context)
    with session_scope(context.profile.engine) as session:
        return PlanPageRead(
            plan=read_week_plan(session=session, week=week),
            recent_mocks=mocks_store.mock_interviews_between(
                session=session,
                start=local_midnight(now_day - timedelta(days=MOCK_HISTORY_DAYS)),
                end=local_midnight(max(now_day, week + timedelta(days=6)) + timedelta(1)),
            ),
            review_week=plan_store.review_due(session=session, today=now_day),
            left_over=read_left_over(session=session, week=week - timedelta(days=7))
            if week == week_of(now_day)
            else [],
            history_size=history_size(session=session, week=week),
        )


def advice_reader(
    context: AppContext, plan: WeekPlan, focus: WeakSpotLike | None
) -> Callable[[], WeekAdvice]:
    """The week's advice as work for a worker thread: what it needs of the profile is taken
    now, on the UI thread."""
    engine, now_day, data = context.profile.engine, today(context), planner_data(context.profile)

    def read() -> WeekAdvice:
        with session_scope(engine) as session:
            return read_advice(session=session, plan=plan, today=now_day, data=data, focus=focus)

    return read
