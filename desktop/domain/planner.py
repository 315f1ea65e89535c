"""The weekly plan: what is planned on which day, what got done, and what to do next week.

"Done" comes from what was logged, never from ticking a box: a planned item is done when an
attempt on the same path item or routine (or, for the mock-interview routine, a logged mock
interview) happened in the same week, in local time, from the first day of the week the user
chose (weeks are worked out from days, never stored). Doing it earlier in the week than
planned counts. Each attempt fills one planned item, earliest planned first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from desktop.domain.dates import in_week, local_day, week_days, week_of
from desktop.domain.practice import Attempt, AttemptSubject
from desktop.domain.routines import Cadence

MOCK_ROUTINE_ID = "mock-interview"
DEFAULT_HOURS_PER_WEEK = 6
PERIOD_WEEKS = {Cadence.WEEKLY: 1, Cadence.FORTNIGHTLY: 2, Cadence.MONTHLY: 4}


class PlanSource(StrEnum):
    """Why an item is in the plan."""

    PATH = "path"
    REVISIT = "revisit"
    WEAK_SPOT = "weak-spot"
    ROUTINE = "routine"

    @property
    def label(self) -> str:
        return {"path": "Path", "revisit": "Revisit", "weak-spot": "Weak spot"}.get(
            self.value, "Routine"
        )


@dataclass(frozen=True)
class Target:
    """What a planned item asks the user to practise: a path item or a routine."""

    title: str
    path_id: str | None = None
    item_id: str | None = None
    routine_id: str | None = None
    kind: str | None = None

    def __post_init__(self) -> None:
        on_item = self.path_id is not None and self.item_id is not None
        if on_item == (self.routine_id is not None):
            raise ValueError("a plan target is either a path item or a routine")

    def subject(self, minutes: int) -> AttemptSubject:
        """A session on this target, timed against the minutes planned for it."""
        return AttemptSubject(
            self.title, self.path_id, self.item_id, self.routine_id, self.kind, None, minutes
        )

    @property
    def key(self) -> tuple[str, ...]:
        if self.routine_id is not None:
            return ("routine", self.routine_id)
        assert self.path_id is not None and self.item_id is not None
        return ("item", self.path_id, self.item_id)


@dataclass(frozen=True)
class PlanItem:
    id: int
    day: date
    target: Target
    minutes: int
    source: PlanSource
    reason: str = ""
    skipped: bool = False
    carried_over: bool = False  # copied into the next week; stays here as history
    carried_from: date | None = None

    def in_week(self, week: date) -> bool:
        """Whether the item is planned in the week that starts on `week`."""
        return in_week(self.day, week)

    @property
    def counts(self) -> bool:
        """Still part of the week's plan: not skipped and not moved on to the next week."""
        return not self.skipped and not self.carried_over


@dataclass(frozen=True)
class Activity:
    """Something logged that can fulfil a planned item."""

    key: tuple[str, ...]
    at: datetime
    minutes: int
    attempt_id: int | None = None


def activities(
    attempts: Iterable[Attempt], mock_times: Iterable[tuple[datetime, int]] = ()
) -> list[Activity]:
    """Attempts on path items or routines, and mock interviews as the mock-interview routine."""
    found = []
    for attempt in attempts:
        subject = attempt.subject
        if subject.routine_id is not None:
            key: tuple[str, ...] = ("routine", subject.routine_id)
        elif subject.path_id is not None and subject.item_id is not None:
            key = ("item", subject.path_id, subject.item_id)
        else:
            continue
        found.append(Activity(key, attempt.started_at, attempt.minutes, attempt.id))
    for held_at, minutes in mock_times:
        found.append(Activity(("routine", MOCK_ROUTINE_ID), held_at, minutes))
    return sorted(found, key=lambda activity: activity.at)


def match_done(
    items: Sequence[PlanItem], logged: Sequence[Activity], *, first: int
) -> dict[int, Activity]:
    """Which planned items are done, and by what (see the module's docstring for the rule),
    in weeks that start on weekday `first`."""
    weeks = {week_of(item.day, first=first) for item in items if item.counts}
    # Only what was logged in the plan's weeks can fill it (history can be years long).
    unused = [
        (activity, week_of(local_day(activity.at), first=first))
        for activity in sorted(logged, key=lambda activity: activity.at)
    ]
    unused = [(activity, week) for activity, week in unused if week in weeks]
    done: dict[int, Activity] = {}
    for item in sorted(items, key=lambda i: (i.day, i.id)):
        if not item.counts:
            continue
        for position, (activity, week) in enumerate(unused):
            if activity.key == item.target.key and item.in_week(week):
                done[item.id] = unused.pop(position)[0]
                break
    return done


def unfinished(items: Sequence[PlanItem], done: Mapping[int, Activity]) -> list[PlanItem]:
    return [item for item in items if item.counts and item.id not in done]


@dataclass(frozen=True)
class WeekNumbers:
    sessions: int
    minutes: int
    planned: int
    done: int
    skipped: int
    planned_minutes: int
    budget_minutes: int

    @property
    def over_budget(self) -> bool:
        return self.planned_minutes > self.budget_minutes


def week_numbers(
    items: Sequence[PlanItem],
    attempts: Sequence[Attempt],
    done: Mapping[int, Activity],
    budget_minutes: int,
) -> WeekNumbers:
    kept = [item for item in items if item.counts]
    return WeekNumbers(
        sessions=len(attempts),
        minutes=sum(attempt.minutes for attempt in attempts),
        planned=len(kept),
        done=sum(1 for item in kept if item.id in done),
        skipped=sum(1 for item in items if item.skipped),
        planned_minutes=sum(item.minutes for item in kept),
        budget_minutes=budget_minutes,
    )


def emptiest_day(week: date, items: Sequence[PlanItem], earliest: date) -> date:
    """The day with the fewest planned minutes, not before `earliest` (today), first if tied."""
    load = Counter({day: 0 for day in week_days(week)})
    for item in items:
        if item.counts:
            load[item.day] += item.minutes
    days = [day for day in week_days(week) if day >= earliest] or [week_days(week)[-1]]
    return min(days, key=lambda day: (load[day], day))


def suggestion_days(
    week: date,
    earliest: date,
    budget_minutes: int,
    planned: Sequence[PlanItem],
    ahead: Sequence[PlanItem],
    minutes: Sequence[int],
    also: Sequence[tuple[date, int]] = (),
) -> list[date]:
    """The day each suggestion of these lengths goes on, in order. Each goes on the emptiest
    day of `week` from `earliest` on while those days stay within their share of the weekly
    budget (a seventh a day); what does not fit, and all of it when only the week's last day
    is left, goes on the emptiest day of the week after. `planned` and `ahead` are the two
    weeks' plans; `also` adds (day, minutes) not saved yet (items being carried over)."""
    days_left = [day for day in week_days(week) if day >= earliest]
    share = budget_minutes * len(days_left) // 7
    if earliest > week and len(days_left) <= 1:
        share = 0  # the last day is running: plan ahead rather than pile it on today
    following = week + timedelta(days=7)
    load: Counter[date] = Counter()
    for item in (*planned, *ahead):
        if item.counts:
            load[item.day] += item.minutes
    for day, extra in also:
        load[day] += extra
    used = sum(load[day] for day in days_left)
    placed = []
    for length in minutes:
        if days_left and used + length <= share:
            day = min(days_left, key=lambda d: (load[d], d))
            used += length
        else:
            day = min(week_days(following), key=lambda d: (load[d], d))
        load[day] += length
        placed.append(day)
    return placed


def hours_text(minutes: int) -> str:
    """'45 min', '2 h', '1 h 5 min', '11,562 h 40 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours:,d} h {rest} min" if rest else f"{hours:,d} h"
