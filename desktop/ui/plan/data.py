"""Reading the Plan page's data for a profile (shared by the page and the review)."""

from __future__ import annotations

from datetime import date

from desktop.domain.dates import local_day
from desktop.domain.suggestions import WeakSpotLike
from desktop.profile import Profile
from desktop.store.database import session_scope
from desktop.store.week_snapshot import PlannerData, WeekSnapshot, read_week
from desktop.ui.context import AppContext


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
