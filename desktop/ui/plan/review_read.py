"""What the weekly review reads: the week reviewed, the week before it and the week it plans.

Its advice weighs a year of history for two weeks (about half a second on ten years of
practice), so the dialog has it read on a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.dates import local_midnight
from desktop.domain.suggestions import Suggestion
from desktop.domain.weak_spots import WeakSpot
from desktop.domain.weekly_review import WeekEvidence
from desktop.store.database import session_scope
from desktop.store.week_snapshot import WeekPlan, logged_between, read_advice, read_week_plan
from desktop.ui.context import AppContext
from desktop.ui.plan.data import planner_data


@dataclass(frozen=True)
class ReviewRead:
    reviewed: WeekPlan
    weak_spots: list[WeakSpot]  # as ranked at the end of the week reviewed
    week_before: WeekEvidence  # the attempts and mock interviews of the week before
    upcoming: WeekPlan  # the week the review plans
    suggestions: list[Suggestion]  # for the week the review plans


def review_reader(context: AppContext, week: date) -> Callable[[], ReviewRead]:
    """The review's read as work for a worker thread: what it needs of the profile is taken
    now, on the UI thread."""
    engine, now, data = context.profile.engine, context.now(), planner_data(context.profile)
    next_week = week + timedelta(days=7)

    def read() -> ReviewRead:
        with session_scope(engine) as session:
            reviewed = read_week_plan(session=session, week=week)
            advice = read_advice(session=session, plan=reviewed, now=now, data=data)
            upcoming = read_week_plan(session=session, week=next_week)
            ahead = read_advice(session=session, plan=upcoming, now=now, data=data)
            before, mocks_before = logged_between(
                session=session, start=local_midnight(week - timedelta(days=7)),
                end=local_midnight(week),
            )  # fmt: skip
        return ReviewRead(
            reviewed=reviewed,
            weak_spots=advice.weak_spots,
            week_before=WeekEvidence(
                frozenset(a.id for a in before if a.id is not None),
                frozenset(mock.id for mock in mocks_before),
            ),
            upcoming=upcoming,
            suggestions=ahead.suggestions,
        )

    return read
