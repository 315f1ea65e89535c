"""Demo content for the planner: last week's and this week's plan, sessions that did some of
it, struggles to work on, and two mock interviews."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlmodel import Session

from desktop.domain.curriculum import LearningPath, PathItem
from desktop.domain.dates import MONDAY, local_day, week_of
from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.planner import PlanSource, Target
from desktop.domain.practice import Attempt, Outcome
from desktop.store import mocks as mocks_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store

_ROUTINES = (
    ("weekly-system-design", "System-design scenario", "design", 45),
    ("coding-backend-context", "Coding with a backend context", "code", 40),
    ("data-structure-drill", "Data-structure drill", "code", 40),
    ("load-latency-scenario", "Load and latency scenario", "design", 40),
)


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def _routine(index: int) -> Target:
    routine_id, title, kind, _minutes = _ROUTINES[index]
    return Target(title, routine_id=routine_id, kind=kind)


def populate_demo_plan(
    *,
    session: Session,
    paths: tuple[LearningPath, ...],
    today: datetime,
    first_weekday: int = MONDAY,
    seed: int = 11,
) -> None:
    rng = random.Random(seed)
    backend = next((p for p in paths if p.id == "backend-senior"), None)
    if backend is None:
        return
    items = [item for stage in backend.stages[3:] for item in stage.items]
    this_week = week_of(local_day(today), first=first_weekday)
    last_week = this_week - timedelta(days=7)
    day_today = local_day(today)

    # A path item is planned and practised against its own target time, as the app does.
    path_minutes = {
        item.id: item.target_minutes for stage in backend.stages for item in stage.items
    }

    def plan(day: date, target: Target, minutes: int, source: PlanSource, reason: str) -> None:
        minutes = path_minutes.get(target.item_id or "", minutes)
        plan_store.add_plan_item(
            session=session, day=day, target=target, minutes=minutes, source=source,
            reason=reason, now=_at(day - timedelta(days=1), 20),
        )  # fmt: skip

    def practise(
        day: date, target: Target, minutes: int, outcome: Outcome, struggles: tuple[str, ...]
    ) -> None:
        if _at(day, 19) > today:
            return  # not yet: the rest of the week is still ahead
        minutes = path_minutes.get(target.item_id or "", minutes)
        subject = target.subject(minutes)
        confidence = {Outcome.SOLVED: 4, Outcome.PARTIAL: 3, Outcome.STUCK: 2}[outcome]
        attempt = Attempt(
            subject, _at(day, 19), minutes * 60, outcome, confidence, struggles=struggles
        )
        practice_store.log_attempt(session=session, attempt=attempt, now=_at(day, 20))

    def item_target(item: PathItem) -> Target:
        return Target(item.title, backend.id, item.id, kind=item.kind.value)

    # Last week: most of it done, one item skipped, one left unfinished.
    first, second, third = (item_target(item) for item in items[:3])
    week = [
        (0, _routine(1), 40, PlanSource.ROUTINE, Outcome.SOLVED, ("edge-cases",)),
        (1, first, 25, PlanSource.PATH, Outcome.PARTIAL, ("off-by-one", "edge-cases")),
        (2, _routine(0), 45, PlanSource.ROUTINE, Outcome.PARTIAL, ("capacity-estimation",)),
        (3, second, 25, PlanSource.PATH, None, ()),
        (5, _routine(2), 40, PlanSource.ROUTINE, Outcome.SOLVED, ()),
        (6, third, 30, PlanSource.PATH, Outcome.STUCK, ("edge-cases",)),
    ]
    for offset, target, minutes, source, outcome, struggles in week:
        day = last_week + timedelta(days=offset)
        plan(day, target, minutes, source, "Planned in the last weekly review.")
        if outcome is not None:
            practise(day, target, minutes, outcome, struggles=struggles)
    skipped = plan_store.add_plan_item(
        session=session, day=last_week + timedelta(days=4), target=_routine(3), minutes=40,
        source=PlanSource.ROUTINE, reason="Routine, once every two weeks.",
        now=_at(last_week, 9),
    )  # fmt: skip
    plan_store.set_skipped(session=session, item_id=skipped, skipped=True)

    # This week: a fuller plan, done up to today.
    fourth, fifth = (item_target(item) for item in items[3:5])
    upcoming = [
        (0, _routine(1), 40, PlanSource.ROUTINE, Outcome.SOLVED),
        (1, first, 25, PlanSource.REVISIT, Outcome.SOLVED),
        (1, fourth, 25, PlanSource.PATH, Outcome.PARTIAL),
        (2, _routine(0), 45, PlanSource.WEAK_SPOT, Outcome.SOLVED),
        (3, fifth, 30, PlanSource.PATH, Outcome.SOLVED),
        (4, _routine(2), 40, PlanSource.ROUTINE, Outcome.SOLVED),
        (5, Target("Mock interview checkpoint", routine_id="mock-interview", kind="design"),
         60, PlanSource.ROUTINE, None),
        (6, _routine(1), 40, PlanSource.ROUTINE, Outcome.SOLVED),
    ]  # fmt: skip
    reasons = {
        PlanSource.ROUTINE: "Routine due by its cadence.",
        PlanSource.REVISIT: "Revisit: last attempt was partial.",
        PlanSource.PATH: "Next on your path.",
        PlanSource.WEAK_SPOT: "Weak spot: Capacity estimation.",
    }
    for offset, target, minutes, source, outcome in upcoming:
        day = this_week + timedelta(days=offset)
        plan(day, target, minutes, source, reasons[source])
        if outcome is not None and day < day_today:
            struggles = ("off-by-one",) if outcome is Outcome.PARTIAL else ()
            practise(day, target, minutes, outcome, struggles=struggles)

    # Two mock interviews, each with a journal entry.
    labels = {
        "capacity-estimation": "Capacity estimation",
        "trade-offs": "Trade-offs",
        "edge-cases": "Edge cases",
        "communication": "Communication / thinking aloud",
    }
    mocks = (
        MockInterview(
            held_at=_at(last_week - timedelta(days=4), 18),
            kind=MockKind.CODING,
            scores={"problem-solving": 3, "coding": 3, "testing": 2, "communication": 2},
            with_whom="Pramp (peer)",
            feedback="Clean solution, but **no test cases** until asked. Talk while you think.",
            exposed=("edge-cases", "communication"),
            minutes=45,
        ),
        MockInterview(
            held_at=_at(last_week + timedelta(days=rng.randint(3, 4)), 17),
            kind=MockKind.SYSTEM_DESIGN,
            scores={"requirements": 3, "high-level-design": 3, "deep-dive": 2,
                    "trade-offs": 2, "communication": 3},
            with_whom="Sam, former colleague",
            feedback="Good structure. Skipped the **capacity estimate**, so the cache sizing "
            "was a guess. Name one alternative for each big choice.",
            exposed=("capacity-estimation", "trade-offs"),
        ),
    )  # fmt: skip
    for mock in mocks:
        mocks_store.log_mock(
            session=session, mock=mock, now=mock.held_at + timedelta(hours=1),
            label=lambda tag: labels.get(tag, tag),
        )  # fmt: skip
